"""The canvas view: zoom, pan, keyboard, palette drops, context menu and image export."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from nnstudio.errors import NNStudioError
from nnstudio.graph import CATALOG
from nnstudio.gui.i18n import core_tr

from .canvas_export import export_canvas
from .canvas_items import NODE_HEIGHT, NODE_WIDTH, EdgeItem, NodeItem
from .canvas_scene import CanvasScene
from .document import Document
from .palette import LAYER_MIME

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.15, 4.0
SCENE_MARGIN = 1500.0


GRID_STEP = 20.0


def _frange(start: float, stop: float, step: float) -> list[float]:
    n = max(0, int((stop - start) / step) + 1)
    return [start + i * step for i in range(n)]


class CanvasView(QGraphicsView):
    """The network designer. Builds its own :class:`CanvasScene` mirroring ``document``.

    Signals:
        selectionChangedIds(list): ids of the selected nodes.
        message(str): why something was refused (for the status bar).
    """

    selectionChangedIds = Signal(list)
    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas_scene = CanvasScene(document, self)
        self.setScene(self.canvas_scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        # the dot grid is drawn once per scroll or zoom, not on every tile refresh
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAcceptDrops(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_start: QPoint | None = None
        self._space_down = False
        self._space_panned = False  # Space held and used to pan (not a tap)
        self._paste_count = 0
        self._drop_wire: EdgeItem | None = None
        self.canvas_scene.message.connect(self.message)
        self.canvas_scene.selectionChanged.connect(self._emit_selection)
        # sceneRectChanged (items reach past the scene's grown bounds), not changed: a
        # slot on changed runs per repaint and makes every item update go through it
        self.canvas_scene.sceneRectChanged.connect(self._grow_scene_rect)
        document.projectReplaced.connect(self.fit_all)
        self._grow_scene_rect()

    # ------------------------------------------------------------------ background
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Palette base colour with a faint dot grid (not part of exported images)."""
        pal = self.palette()
        painter.fillRect(rect, pal.color(QPalette.ColorRole.Base))
        if self.zoom < 0.4:
            return
        dot = QColor(pal.color(QPalette.ColorRole.Text))
        dot.setAlpha(40)
        painter.setPen(QPen(dot, 1.5 / self.zoom))
        step = GRID_STEP
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        points = [
            QPointF(x, y)
            for x in _frange(left, rect.right(), step)
            for y in _frange(top, rect.bottom(), step)
        ]
        if len(points) < 40_000:
            painter.drawPoints(points)

    # ------------------------------------------------------------------ zoom / pan
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def _zoom_by(self, factor: float) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom * factor))
        factor = target / self.zoom
        if abs(factor - 1.0) > 1e-9:
            self.scale(factor, factor)

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def fit_all(self) -> None:
        """Zoom and scroll so every node is visible (never zooming in beyond 100 %)."""
        rect = self._items_rect()
        if rect.isEmpty():
            self.resetTransform()
            self.centerOn(0, 0)
            return
        self._grow_scene_rect()
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.0:
            self.resetTransform()
            self.centerOn(rect.center())
        elif self.zoom < MIN_ZOOM:
            self._zoom_by(1.0)

    def node_sizes(self) -> dict[str, tuple[float, float]]:
        """Each node's drawn (width, height): auto-arrange makes room for tile columns."""
        return {i: (n.width, n.height) for i, n in self.canvas_scene.node_items.items()}

    def auto_arrange(self) -> None:
        self.document.auto_arrange(self.node_sizes())

    def _items_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.canvas_scene.node_items.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def _grow_scene_rect(self, *_args: object) -> None:
        rect = self._items_rect()
        if rect.isEmpty():
            rect = QRectF(0, 0, 1, 1)
        wanted = rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        current = self.sceneRect()
        if not current.contains(wanted):
            self.setSceneRect(current.united(wanted))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        delta = event.angleDelta().y()
        if delta:
            self._zoom_by(ZOOM_STEP ** (delta / 120))
        event.accept()

    def _start_pan(self, event: QMouseEvent) -> None:
        self._pan_start = event.position().toPoint()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._space_panned = self._space_down
            self._start_pan(event)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_start is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_start
            self._pan_start = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_start is not None:
            self._pan_start = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ------------------------------------------------------------------ keyboard
    def event(self, event: QEvent) -> bool:
        """Claim a plain Space from window shortcuts while the canvas has focus.

        Held Space + drag pans; a Space *tap* (released without panning) is handed on to
        the window's action bound to Space (start/pause training) in :meth:`keyReleaseEvent`.
        """
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers()
        ):
            event.accept()
            return True
        return super().event(event)

    def _space_action(self) -> QAction | None:
        """The enabled window action whose shortcut is a plain Space, if any."""
        space = QKeySequence(Qt.Key.Key_Space)
        window = self.window()
        if window is self:
            return None
        for action in window.findChildren(QAction):
            if action.isEnabled() and space in action.shortcuts():
                return action
        return None

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt API)
        if self._space_down:
            self._space_down = False
            if self._pan_start is None:
                self.viewport().unsetCursor()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.duplicate_selection()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_F and not event.modifiers():
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.canvas_scene.cancel_interaction()
            self.canvas_scene.clearSelection()
        elif key == Qt.Key.Key_Space and not event.modifiers():
            if not event.isAutoRepeat():
                self._space_down = True
                self._space_panned = False
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            was_down, self._space_down = self._space_down, False
            if self._pan_start is None:
                self.viewport().unsetCursor()
            event.accept()
            if was_down and not self._space_panned:
                action = self._space_action()  # a tap: what Space does elsewhere
                if action is not None:
                    action.trigger()
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------------------ edit actions
    def selected_node_ids(self) -> list[str]:
        return self.canvas_scene.selected_node_ids()

    def select_nodes(self, ids: list[str]) -> None:
        self.canvas_scene.select_nodes(ids)
        if ids and ids[0] in self.canvas_scene.node_items:
            self.ensureVisible(self.canvas_scene.node_items[ids[0]])

    def select_all(self) -> None:
        for item in self.canvas_scene.items():
            if isinstance(item, NodeItem | EdgeItem):
                item.setSelected(True)

    def _run(self, action, *args):
        try:
            return action(*args)
        except NNStudioError as exc:
            self.message.emit(core_tr(exc))
            return None

    def delete_selection(self) -> None:
        """Delete the selected nodes (with their edges) and selected edges, one undo step."""
        ids = self.selected_node_ids()
        edges = [
            e for e in self.canvas_scene.selected_edges() if e.src not in ids and e.dst not in ids
        ]
        if ids and edges:
            self.document.undo_stack.beginMacro("Delete selection")
            try:
                for edge in edges:
                    self._run(self.document.disconnect, edge)
                self._run(self.document.remove_nodes, ids)
            finally:
                self.document.undo_stack.endMacro()
        elif ids:
            self._run(self.document.remove_nodes, ids)
        elif len(edges) == 1:
            self._run(self.document.disconnect, edges[0])
        elif edges:
            self.document.undo_stack.beginMacro("Delete connections")
            try:
                for edge in edges:
                    self._run(self.document.disconnect, edge)
            finally:
                self.document.undo_stack.endMacro()

    def copy_selection(self) -> None:
        ids = self.selected_node_ids()
        if ids:
            QGuiApplication.clipboard().setText(self.document.copy_nodes(ids))
            self._paste_count = 0

    def paste(self) -> None:
        self._paste_count += 1
        step = 40.0 * self._paste_count
        new = self._run(self.document.paste, QGuiApplication.clipboard().text(), (step, step))
        if new:
            self.select_nodes(new)

    def duplicate_selection(self) -> None:
        ids = self.selected_node_ids()
        if ids:
            new = self._run(self.document.duplicate, ids)
            if new:
                self.select_nodes(new)

    def add_node_at_center(self, kind: str) -> str | None:
        """Add ``kind`` at the middle of the visible area (palette double-click)."""
        center = self.mapToScene(self.viewport().rect().center())
        return self.add_node_at(kind, center)

    def add_node_at(self, kind: str, scene_pos: QPointF) -> str | None:
        """Add a node centred on ``scene_pos``; returns its id (None if refused)."""
        pos = (scene_pos.x() - NODE_WIDTH / 2, scene_pos.y() - NODE_HEIGHT / 2)
        node_id = self._run(self.document.add_node, kind, pos)
        if node_id:
            self.select_nodes([node_id])
        return node_id

    # ------------------------------------------------------------------ drops
    @staticmethod
    def _dropped_kind(event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        kind = bytes(mime.data(LAYER_MIME).data()).decode("utf-8", "replace").strip()
        return kind if kind in CATALOG else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_kind(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def _set_drop_wire(self, wire: EdgeItem | None) -> None:
        """Highlight the wire a dragged layer would be spliced into."""
        old = self._drop_wire
        if old is not None and old is not wire and old.scene() is not None:
            old.splice_hover = False
            old.update()
        self._drop_wire = wire
        if wire is not None:
            wire.splice_hover = True
            wire.update()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._dropped_kind(event):
            scene_pos = self.mapToScene(event.position().toPoint())
            wire = None
            if self.canvas_scene.node_item_at(scene_pos) is None:
                wire = self.canvas_scene.edge_item_at(scene_pos)
            self._set_drop_wire(wire)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: ANN001, N802
        self._set_drop_wire(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        kind = self._dropped_kind(event)
        self._set_drop_wire(None)
        if kind is None:
            event.ignore()
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        wire = None
        if self.canvas_scene.node_item_at(scene_pos) is None:
            wire = self.canvas_scene.edge_item_at(scene_pos)
        if wire is not None:  # dropped onto a connection: splice it in (one undo step)
            pos = (scene_pos.x() - NODE_WIDTH / 2, scene_pos.y() - NODE_HEIGHT / 2)
            node_id = self._run(lambda: self.document.splice(wire.edge, pos, kind=kind))
            if node_id:
                self.select_nodes([node_id])
        else:
            self.add_node_at(kind, scene_pos)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.setFocus()

    def add_layer_after_selection(self) -> str | None:
        """ "+ layer": a Dense layer after the (one) selected node, wired in."""
        ids = self.selected_node_ids()
        if len(ids) != 1:
            self.message.emit(self.tr("Select one layer to add a hidden layer after it."))
            return None
        node_id = self._run(self.document.add_layer_after, ids[0])
        if node_id:
            self.select_nodes([node_id])
        return node_id

    # ------------------------------------------------------------------ context menu
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.build_context_menu(self.mapToScene(event.pos()))
        menu.exec(event.globalPos())

    def build_context_menu(self, scene_pos: QPointF) -> QMenu:
        """The menu for a right-click at ``scene_pos`` (selects what is under it)."""
        menu = QMenu(self)
        node = self.canvas_scene.node_item_at(scene_pos)
        edge = next(
            (i for i in self.canvas_scene.items(scene_pos) if isinstance(i, EdgeItem)), None
        )
        if node is not None:
            if not node.isSelected():
                self.canvas_scene.select_nodes([node.node_id])
            self._add_action(menu, self.tr("Add layer after"), None, self.add_layer_after_selection)
            self._add_action(menu, "Duplicate", "Ctrl+D", self.duplicate_selection)
            self._add_action(menu, "Copy", QKeySequence.StandardKey.Copy, self.copy_selection)
            self._add_action(menu, "Delete", QKeySequence.StandardKey.Delete, self.delete_selection)
        elif edge is not None:
            self.canvas_scene.clearSelection()
            edge.setSelected(True)
            self._add_action(
                menu, "Delete connection", QKeySequence.StandardKey.Delete, self.delete_selection
            )
        else:
            self._add_action(menu, "Paste", QKeySequence.StandardKey.Paste, self.paste)
            self._add_action(
                menu, "Select all", QKeySequence.StandardKey.SelectAll, self.select_all
            )
            menu.addSeparator()
            self._add_action(menu, "Auto-arrange", None, lambda: self._run(self.auto_arrange))
            self._add_action(menu, "Fit to view", "F", self.fit_all)
        return menu

    @staticmethod
    def _add_action(menu: QMenu, text: str, shortcut, slot) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # ------------------------------------------------------------------ selection
    def _emit_selection(self) -> None:
        try:
            ids = self.canvas_scene.selected_node_ids()
        except RuntimeError:  # scene being destroyed
            return
        self.selectionChangedIds.emit(ids)

    # ------------------------------------------------------------------ export
    def export_image(self, path: str | Path, scale: float = 2.0) -> None:
        """Write the network as PNG (or any raster format Qt knows) or, for ``.svg``, SVG.

        The background is the palette's base colour; selection marks are not drawn.
        """
        export_canvas(self, path, scale)
