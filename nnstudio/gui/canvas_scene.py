"""The canvas scene: mirrors the document, and turns mouse gestures into document calls.

The scene keeps ``node id <-> NodeItem`` and ``Edge <-> EdgeItem`` maps and rebuilds items
from document signals; it never owns the graph. Each mouse mode (new link, rubber band,
move) is a small :class:`Interaction` object, so ``mousePressEvent`` only picks one.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainterPath, QPalette, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from nnstudio.errors import NNStudioError
from nnstudio.graph import CATALOG, Edge

from .canvas_items import EdgeItem, LinkLineItem, NodeItem
from .document import Document
from .neuron_tiles import TileItem
from .weight_lines import WeightLinesItem

try:  # the catalog's own choice of key parameters, when it offers one
    from nnstudio.graph.catalog import key_params as _key_params
except ImportError:  # pragma: no cover - fallback for an older catalog
    _key_params = None

_FALLBACK_KEY_PARAMS = {
    "input": ("units",),
    "dense": ("units", "activation"),
    "activation": ("activation",),
    "dropout": ("rate",),
}


def describe_params(kind: str, params: dict, n_inputs: int | None = None) -> str:
    """Key parameters as one line, e.g. ``"16 units · tanh"`` or ``"rate 0.2"``.

    Merge layers (no parameters, any number of inputs) describe their inputs instead:
    ``"sum of 2 inputs"``, ``"3 inputs side by side"``, or ``"needs 2+ inputs"`` when
    ``n_inputs`` (the connected inputs) is below the minimum.
    """
    names = _key_params(kind) if _key_params is not None else _FALLBACK_KEY_PARAMS.get(kind, ())
    parts = []
    for name in names:
        if name not in params:
            continue
        value = params[name]
        if name == "units":
            parts.append(
                f"{value} feature{'s' if value != 1 else ''}"
                if kind == "input"
                else f"{value} unit{'s' if value != 1 else ''}"
            )
        elif name == "activation":
            parts.append(str(value))
        elif isinstance(value, float):
            parts.append(f"{name} {value:g}")
        else:
            parts.append(f"{name} {value}")
    if not parts and kind in CATALOG:
        layer = CATALOG[kind]
        if layer.max_inputs is None:
            if n_inputs is None or n_inputs < layer.min_inputs:
                parts.append(f"needs {layer.min_inputs}+ inputs")
            elif kind == "add":
                parts.append(f"sum of {n_inputs} inputs")
            elif kind == "concat":
                parts.append(f"{n_inputs} inputs side by side")
            else:
                parts.append(f"{n_inputs} inputs")
        elif layer.params and layer.params[0].name in params:  # e.g. batch norm's momentum
            value = params[layer.params[0].name]
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            parts.append(f"{layer.params[0].label.lower()} {shown}")
    return " · ".join(parts)


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
            reason = str(exc)
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
            self.scene.report(str(exc), event.screenPos())

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


class CanvasScene(QGraphicsScene):
    """Scene mirroring a :class:`Document`.

    Signals:
        message(str): a refusal or hint for the status bar (e.g. why a link was refused).
        tileClicked(str, int): a neuron tile (node id, unit) was clicked.
        nodeButtonClicked(str, str): a node's "expand" or "more" button (node id, name).
        weightClicked(str, int, int, QPoint): a weight line (Dense node id, source unit,
            unit, screen position) was clicked.
    """

    message = Signal(str)
    tileClicked = Signal(str, int)
    nodeButtonClicked = Signal(str, str)
    weightClicked = Signal(str, int, int, object)

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[Edge, EdgeItem] = {}
        self.link_items: dict[tuple[str, str], WeightLinesItem] = {}
        self.interaction: Interaction | None = None
        document.nodeAdded.connect(self._on_node_added)
        document.nodeRemoved.connect(self._on_node_removed)
        document.nodeChanged.connect(self._on_node_changed)
        document.edgeAdded.connect(self._on_edge_added)
        document.edgeRemoved.connect(self._on_edge_removed)
        document.problemsChanged.connect(self.refresh_labels)
        document.dataChanged.connect(self.refresh_labels)
        document.projectReplaced.connect(self.rebuild)
        self.rebuild()

    # ------------------------------------------------------------------ mirroring
    def rebuild(self) -> None:
        """Drop every item and build them again from the document."""
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
        self.set_links([])
        for item in list(self.edge_items.values()):
            item.detach()
            self.removeItem(item)
        for item in list(self.node_items.values()):
            self.removeItem(item)
        self.edge_items.clear()
        self.node_items.clear()
        for node_id in self.document.spec.nodes:
            self._add_node_item(node_id)
        for edge in self.document.spec.edges:
            self._add_edge_item(edge)
        self.refresh_labels()

    def _add_node_item(self, node_id: str) -> NodeItem:
        node = self.document.spec.nodes[node_id]
        item = NodeItem(node_id, node.kind)
        item.setPos(QPointF(*node.pos))
        self.addItem(item)
        self.node_items[node_id] = item
        return item

    def _add_edge_item(self, edge: Edge) -> None:
        src, dst = self.node_items.get(edge.src), self.node_items.get(edge.dst)
        if src is None or dst is None:
            return
        item = EdgeItem(edge, src, dst)
        self.addItem(item)
        self.edge_items[edge] = item
        self._respace_inputs(edge.dst)

    def _respace_inputs(self, node_id: str) -> None:
        items = [e for e in self.edge_items.values() if e.edge.dst == node_id]
        node = self.node_items.get(node_id)
        if node is not None:
            node.set_n_inputs(len(items))
        slots = sorted(e.edge.slot for e in items)
        for e in items:  # spread by rank, so gaps in slot numbers leave no holes
            e.n_inputs = len(items)
            e.rank = slots.index(e.edge.slot)
            e.adjust()

    def _on_node_added(self, node_id: str) -> None:
        self._add_node_item(node_id)
        self.refresh_labels()

    def _on_node_removed(self, node_id: str) -> None:
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
        self.set_links([pair for pair in self.link_items if node_id not in pair])
        item = self.node_items.pop(node_id, None)
        if item is None:
            return
        targets = set()
        for edge_item in list(item.edges):
            self.edge_items.pop(edge_item.edge, None)
            edge_item.detach()
            self.removeItem(edge_item)
            targets.add(edge_item.edge.dst)
        self.removeItem(item)
        for target in targets - {node_id}:
            self._respace_inputs(target)

    def _on_node_changed(self, node_id: str) -> None:
        item = self.node_items.get(node_id)
        if item is None:
            return
        pos = QPointF(*self.document.spec.nodes[node_id].pos)
        if item.pos() != pos:
            item.setPos(pos)
        self.refresh_labels()

    def _on_edge_added(self, edge: Edge) -> None:
        self._add_edge_item(edge)

    def _on_edge_removed(self, edge: Edge) -> None:
        item = self.edge_items.pop(edge, None)
        if item is not None:
            item.detach()
            self.removeItem(item)
            self._respace_inputs(edge.dst)

    def refresh_labels(self, *_args: object) -> None:
        """Update every node's parameters, shape, count and problem marks."""
        doc = self.document
        shapes = doc.shapes()
        counts = doc.param_counts()
        problems: dict[str, list[str]] = {}
        for err in doc.problems():
            for node_id in getattr(err, "node_ids", ()):
                problems.setdefault(node_id, []).append(str(err))
        n_inputs: dict[str, int] = {}
        for edge in doc.spec.edges:
            n_inputs[edge.dst] = n_inputs.get(edge.dst, 0) + 1
        for node_id, item in self.node_items.items():
            node = doc.spec.nodes.get(node_id)
            if node is None:
                continue
            item.set_content(
                describe_params(node.kind, node.params, n_inputs.get(node_id, 0)),
                shapes.get(node_id),
                counts.get(node_id),
                problems.get(node_id, []),
            )

    def set_links(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], WeightLinesItem]:
        """Keep exactly one weight-lines item per (source, Dense node) pair in ``pairs``;
        the plain wire of such a pair is hidden while its weights are drawn."""
        wanted = {p for p in pairs if p[0] in self.node_items and p[1] in self.node_items}
        for pair in list(self.link_items):
            if pair not in wanted:
                item = self.link_items.pop(pair)
                item.detach()
                self.removeItem(item)
        for pair in wanted:
            if pair not in self.link_items:
                item = WeightLinesItem(self.node_items[pair[0]], self.node_items[pair[1]])
                self.addItem(item)
                self.link_items[pair] = item
        for edge, edge_item in self.edge_items.items():
            edge_item.setVisible((edge.src, edge.dst) not in wanted)
        return self.link_items

    # ------------------------------------------------------------------ queries
    def node_item_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def edge_item_at(self, pos: QPointF) -> EdgeItem | None:
        """The visible wire under ``pos`` that no node being dragged is attached to."""
        for item in self.items(pos):
            if isinstance(item, EdgeItem) and item.isVisible() and not item.src.isSelected():
                if not item.dst.isSelected():
                    return item
        return None

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, ids: list[str]) -> None:
        self.clearSelection()
        for node_id in ids:
            item = self.node_items.get(node_id)
            if item is not None:
                item.setSelected(True)

    def report(self, text: str, screen_pos=None) -> None:
        """Tell the user why something was refused (status bar + transient tooltip)."""
        self.message.emit(text)
        if screen_pos is not None:
            QToolTip.showText(screen_pos, text)

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.scenePos()
        additive = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        node = self.node_item_at(pos)
        if self._press_control(node, pos, event):
            event.accept()
            return
        if node is not None and node.is_on_output_port(pos):
            self.interaction = NewLinkInteraction(self, node)
        elif node is not None and node.is_on_input_port(pos):
            self.interaction = NewLinkInteraction(self, node, backwards=True)
        elif node is not None:
            if additive:
                node.setSelected(not node.isSelected())
            elif not node.isSelected():
                self.clearSelection()
                node.setSelected(True)
            if node.isSelected():
                self.interaction = MoveInteraction(self, pos)
        else:
            edge = next(
                (i for i in self.items(pos) if isinstance(i, EdgeItem) and i.isVisible()), None
            )
            if edge is not None:
                if not additive:
                    self.clearSelection()
                edge.setSelected(True)
            else:
                if not additive:
                    self.clearSelection()
                self.interaction = RubberBandInteraction(self, pos, additive)
        event.accept()

    def _press_control(self, node: NodeItem | None, pos: QPointF, event) -> bool:  # noqa: ANN001
        """Node buttons, neuron tiles and weight lines act on a press; True if one did."""
        if node is not None and not node.is_on_output_port(pos):
            button = node.button_at(pos)
            if button in ("minus", "plus"):
                units = int(self.document.spec.nodes[node.node_id].params.get("units", 1))
                step = 1 if button == "plus" else -1
                try:
                    self.document.set_units(node.node_id, units + step)
                except NNStudioError as exc:
                    self.report(str(exc), event.screenPos())
                return True
            if button is not None:
                self.nodeButtonClicked.emit(node.node_id, button)
                return True
            tile = next((i for i in self.items(pos) if isinstance(i, TileItem)), None)
            if tile is not None:
                self.tileClicked.emit(tile.node_id, tile.unit)
                return True
        if node is None:
            for item in self.items(pos):
                if isinstance(item, WeightLinesItem):
                    hit = item.line_at(pos)
                    if hit is not None and hit[0] >= 0:
                        self.weightClicked.emit(item.dst.node_id, hit[0], hit[1], event.screenPos())
                        return True
        return False

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.interaction is not None:
            self.interaction.mouse_move(event)
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        interaction, self.interaction = self.interaction, None
        if interaction is not None:
            try:
                interaction.mouse_release(event)
            except NNStudioError as exc:
                self.report(str(exc), event.screenPos())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def cancel_interaction(self) -> None:
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
