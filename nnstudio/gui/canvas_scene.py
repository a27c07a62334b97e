"""The canvas scene: mirrors the document, and turns mouse gestures into document calls.

The scene keeps ``node id <-> NodeItem`` and ``Edge <-> EdgeItem`` maps and rebuilds items
from document signals; it never owns the graph. Each mouse mode (new link, rubber band,
move) is a small :class:`Interaction` object, so ``mousePressEvent`` only picks one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from nnstudio.errors import NNStudioError
from nnstudio.graph import CATALOG, Edge, key_params
from nnstudio.gui.i18n import core_tr

from .canvas_interactions import (
    Interaction,
    MoveInteraction,
    NewLinkInteraction,
    RubberBandInteraction,
)
from .canvas_items import EdgeItem, NodeItem
from .document import Document
from .neuron_tiles import TileItem
from .weight_lines import WeightLinesItem


def _node_tr(text: str) -> str:
    return QCoreApplication.translate("NodeItem", text)


def describe_params(kind: str, params: dict, n_inputs: int | None = None) -> str:
    """Key parameters as one line, e.g. ``"16 units · tanh"`` or ``"rate 0.2"``.

    Merge layers (no parameters, any number of inputs) describe their inputs instead:
    ``"sum of 2 inputs"``, ``"3 inputs side by side"``, or ``"needs 2+ inputs"`` when
    ``n_inputs`` (the connected inputs) is below the minimum.
    """
    names = key_params(kind) if kind in CATALOG else ()
    parts = []
    for name in names:
        if name not in params:
            continue
        value = params[name]
        if name == "units":
            if kind == "input":
                one = QT_TRANSLATE_NOOP("NodeItem", "{0} feature")
                many = QT_TRANSLATE_NOOP("NodeItem", "{0} features")
            else:
                one = QT_TRANSLATE_NOOP("NodeItem", "{0} unit")
                many = QT_TRANSLATE_NOOP("NodeItem", "{0} units")
            parts.append(_node_tr(one if value == 1 else many).format(value))
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
                text, n = QT_TRANSLATE_NOOP("NodeItem", "needs {0}+ inputs"), layer.min_inputs
            elif kind == "add":
                text, n = QT_TRANSLATE_NOOP("NodeItem", "sum of {0} inputs"), n_inputs
            elif kind == "concat":
                text, n = QT_TRANSLATE_NOOP("NodeItem", "{0} inputs side by side"), n_inputs
            else:
                text, n = QT_TRANSLATE_NOOP("NodeItem", "{0} inputs"), n_inputs
            parts.append(_node_tr(text).format(n))
        elif layer.params and layer.params[0].name in params:  # e.g. batch norm's momentum
            value = params[layer.params[0].name]
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            parts.append(f"{layer.params[0].label.lower()} {shown}")
    return " · ".join(parts)


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
                problems.setdefault(node_id, []).append(core_tr(err))
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
                    self.report(core_tr(exc), event.screenPos())
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
                self.report(core_tr(exc), event.screenPos())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def cancel_interaction(self) -> None:
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
