"""Mouse modes of the canvas scene: new link, rubber band, move (and splice on a wire).

Each mode is a small :class:`Interaction` object the scene creates on a press and feeds
the moves and the release until it is finished; it changes the document only through
its public methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPalette, QPen, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsSceneMouseEvent

from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import core_tr

from .canvas_items import EdgeItem, LinkLineItem, NodeItem

if TYPE_CHECKING:
    from .canvas_scene import CanvasScene


class Interaction:
    """One mouse mode. The scene forwards press/move/release until :meth:`finished`."""

    def __init__(self, scene: CanvasScene) -> None:
        self.scene = scene
        self.finished = False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None: ...

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.end()

    def cancel(self) -> None:
        self.end()

    def end(self) -> None:
        self.finished = True


class NewLinkInteraction(Interaction):
    """Drag from a port; release over another node to connect (or see why not).

    From an output port (``backwards=False``) the node under the mouse becomes the
    target; from an input port (``backwards=True``) it becomes the source.
    """

    def __init__(self, scene: CanvasScene, source: NodeItem, backwards: bool = False) -> None:
        super().__init__(scene)
        self.source = source
        self.backwards = backwards
        anchor = source.input_port_scene() if backwards else source.output_port_scene()
        self.line = LinkLineItem(anchor, scene.palette(), backwards=backwards)
        self.target: NodeItem | None = None
        scene.addItem(self.line)

    def _ends(self, other: NodeItem) -> tuple[str, str]:
        """``(src, dst)`` of the connection between the dragged-from node and ``other``."""
        if self.backwards:
            return other.node_id, self.source.node_id
        return self.source.node_id, other.node_id

    def _target_at(self, pos: QPointF) -> NodeItem | None:
        node = self.scene.node_item_at(pos)
        return None if node is self.source else node

    def _set_target(self, target: NodeItem | None) -> str | None:
        """Highlight ``target``; returns the refusal message, if any."""
        if self.target is not None and self.target is not target:
            self.target.link_hover = None
            self.target.update()
        self.target = target
        if target is None:
            return None
        try:
            self.scene.document.check_connect(*self._ends(target))
            reason = None
        except NNStudioError as exc:
            reason = core_tr(exc)
        target.link_hover = reason is None
        target.update()
        return reason

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target_at(event.scenePos())
        reason = self._set_target(target)
        if target is not None:
            port = target.output_port_scene() if self.backwards else target.input_port_scene()
            self.line.set_end(port, reason is None)
        else:
            self.line.set_end(event.scenePos(), None)
            pen = self.line.pen()
            pen.setColor(self.scene.palette().color(QPalette.ColorRole.Highlight))
            self.line.setPen(pen)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target_at(event.scenePos())
        self._set_target(None)
        self.end()
        if target is None:
            return
        try:
            self.scene.document.connect(*self._ends(target))
        except NNStudioError as exc:
            self.scene.report(core_tr(exc), event.screenPos())

    def end(self) -> None:
        self._set_target(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        super().end()


class RubberBandInteraction(Interaction):
    """Drag on empty canvas: select the nodes and edges inside the rectangle."""

    def __init__(self, scene: CanvasScene, start: QPointF, additive: bool) -> None:
        super().__init__(scene)
        self.start = start
        self.additive = additive
        self.before = set(scene.selectedItems()) if additive else set()
        pal = scene.palette()
        hl = pal.color(QPalette.ColorRole.Highlight)
        self.rect = QGraphicsRectItem()
        self.rect.setPen(QPen(hl, 1.0, Qt.PenStyle.DashLine))
        fill = QColor(hl)
        fill.setAlpha(40)
        self.rect.setBrush(fill)
        self.rect.setZValue(4)
        scene.addItem(self.rect)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        rect = QRectF(self.start, event.scenePos()).normalized()
        self.rect.setRect(rect)
        path = QPainterPath()
        path.addRect(rect)
        self.scene.setSelectionArea(
            path,
            Qt.ItemSelectionOperation.ReplaceSelection,
            Qt.ItemSelectionMode.IntersectsItemShape,
            QTransform(),
        )
        for item in self.before:
            item.setSelected(True)

    def end(self) -> None:
        if self.rect.scene() is not None:
            self.scene.removeItem(self.rect)
        super().end()


class MoveInteraction(Interaction):
    """Drag selected nodes; the whole drag becomes one ``document.move_nodes`` call.

    Dragging one unconnected node over a wire highlights the wire; releasing it there
    splices the node into that connection (one undo step, the move included).
    """

    def __init__(self, scene: CanvasScene, press: QPointF) -> None:
        super().__init__(scene)
        self.press = press
        self.started = False
        self.start = {
            item.node_id: item.pos() for item in scene.selectedItems() if isinstance(item, NodeItem)
        }
        self.wire: EdgeItem | None = None
        self.can_splice = len(self.start) == 1 and not any(
            next(iter(self.start)) in (e.src, e.dst) for e in scene.document.spec.edges
        )

    def _set_wire(self, wire: EdgeItem | None) -> None:
        if self.wire is not None and self.wire is not wire:
            self.wire.splice_hover = False
            self.wire.update()
        self.wire = wire
        if wire is not None:
            wire.splice_hover = True
            wire.update()

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        delta = event.scenePos() - self.press
        if not self.started:
            # a click that jitters by a pixel or two is not a move
            screen_delta = event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if screen_delta.manhattanLength() < QApplication.startDragDistance():
                return
            self.started = True
        for node_id, pos in self.start.items():
            item = self.scene.node_items.get(node_id)
            if item is not None:
                item.setPos(pos + delta)
        if self.can_splice:
            self._set_wire(self.scene.edge_item_at(event.scenePos()))

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        wire = self.wire
        self._set_wire(None)
        self.end()
        if wire is not None and self.started:
            node_id = next(iter(self.start))
            item = self.scene.node_items[node_id]
            self.scene.document.splice(wire.edge, (item.pos().x(), item.pos().y()), node_id=node_id)
            return
        new = {}
        for node_id, start in self.start.items():
            item = self.scene.node_items.get(node_id)
            if item is not None and item.pos() != start:
                new[node_id] = (item.pos().x(), item.pos().y())
        if new:
            self.scene.document.move_nodes(new)

    def cancel(self) -> None:
        self._set_wire(None)
        for node_id, pos in self.start.items():
            item = self.scene.node_items.get(node_id)
            if item is not None:
                item.setPos(pos)
        super().cancel()
