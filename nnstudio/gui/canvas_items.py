"""Graphics items of the network canvas: node boxes, edges and the temporary link line.

Items only draw what the document says; they hold a node id or an edge, never state of
their own. Colours come from the scene's :class:`QPalette` so light and dark themes work.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsWidget,
    QStyleOptionGraphicsItem,
    QWidget,
)

from nnstudio.graph import CATALOG

from .canvas_style import (  # noqa: F401 - sizes and helpers are imported from here too
    BUTTON,
    ERROR_COLOR,
    HEADER_HEIGHT,
    NODE_HEIGHT,
    NODE_WIDTH,
    OK_COLOR,
    PORT_HIT_RADIUS,
    PORT_RADIUS,
    SLOT_SPREAD,
    TEXT_PAD,
    _blend,
    _palette,
    _slot_spread,
    format_count,
    format_shape,
    link_path,
    paint_node_buttons,
)
from .i18n import catalog_tr
from .icons import kind_color
from .neuron_tiles import MORE_HEIGHT, NEURON_WIDTH, TILE, TILE_GAP, TileItem

if TYPE_CHECKING:
    from nnstudio.graph import Edge


class NodeItem(QGraphicsWidget):
    """A layer box: header (kind name, id), key parameters, output shape and param count.

    The item's position is the node's ``pos`` (top-left corner). Input port on the left
    edge, output port on the right edge. In the neuron view (:meth:`set_neurons`) the box
    becomes a narrow column of :class:`~nnstudio.gui.neuron_tiles.TileItem` children, one
    per unit, with a "+N more" handle when the layer is wider than the tiles shown.

    Small buttons (:meth:`button_at`): ``"expand"`` (show the units as tiles, or the box
    again) when the node can show tiles, ``"minus"``/``"plus"`` (units) on Dense nodes,
    ``"more"`` (all units / fewer) on a column with hidden units.

    A ``QGraphicsWidget`` sized to the box, with the ports' reach as its frame margins: its
    bounding rectangle is Qt's own (a Python ``boundingRect`` ran, with the GIL, several
    times per node and frame while tiles repaint during training).
    """

    def __init__(self, node_id: str, kind: str) -> None:
        super().__init__()
        self.node_id = node_id
        self.kind = kind
        self.layer = CATALOG.get(kind)
        self.title = catalog_tr(self.layer.name) if self.layer else kind
        self.detail = ""
        self.shape_text = "(?)"
        self.count_text = ""
        self.problems: list[str] = []
        self.link_hover: bool | None = None  # True/False while a link is dragged over it
        self.n_inputs = 0  # connected inputs (the scene keeps it up to date)
        self.width = NODE_WIDTH
        self.height = NODE_HEIGHT
        pad = PORT_HIT_RADIUS + 1
        self.setWindowFrameMargins(pad, pad, pad, pad)  # boundingRect: the box + pad
        self.resize(self.width, self.height)
        self.tiles: list[TileItem] = []
        self.more_units = 0  # units not shown as tiles ("+N more")
        self.showing_all = False  # the "+N more" handle was opened
        self.can_expand = False  # the node can show tiles (set by the neuron view)
        self.has_units = self.kind == "dense"  # shows the units -/+ buttons
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        # drawn from a pixmap while neuron tiles and weight lines repaint around it
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.edges: set[EdgeItem] = set()
        self.links: set = set()  # WeightLinesItems drawn to/from this node's tiles

    # geometry -----------------------------------------------------------------------
    @property
    def has_input(self) -> bool:
        return self.layer is None or self.layer.max_inputs != 0

    @property
    def neuron_mode(self) -> bool:
        return bool(self.tiles)

    def set_neurons(self, labels: list[str] | None, more: int = 0, all_shown: bool = False):
        """Show one tile per label (a column), or the box again with ``None``.

        ``more`` units are not shown (the handle offers them); ``all_shown`` marks an
        opened handle (it then offers "fewer"). Returns the tiles.
        """
        labels = list(labels or [])
        current = [t.label for t in self.tiles]
        if current == labels and (more, all_shown) == (self.more_units, self.showing_all):
            return self.tiles
        self.prepareGeometryChange()
        for tile in self.tiles:
            tile.setParentItem(None)
            if tile.scene() is not None:
                tile.scene().removeItem(tile)
        self.tiles = []
        self.more_units = more if labels else 0
        self.showing_all = all_shown and bool(labels)
        if labels:
            top = HEADER_HEIGHT + 6 + (BUTTON + 4 if self.has_units else 0)
            x = (NEURON_WIDTH - TILE) / 2
            for unit, label in enumerate(labels):
                tile = TileItem(self.node_id, unit, label, self)
                tile.setPos(x, top + unit * (TILE + TILE_GAP))
                self.tiles.append(tile)
            self.width = NEURON_WIDTH
            handle = MORE_HEIGHT if (self.more_units or self.showing_all) else 0.0
            self.height = top + len(labels) * (TILE + TILE_GAP) - TILE_GAP + 6 + handle
        else:
            self.width, self.height = NODE_WIDTH, NODE_HEIGHT
        self.resize(self.width, self.height)
        for edge in self.edges:
            edge.adjust()
        for link in self.links:
            link.adjust()
        self.update()
        return self.tiles

    def button_rects(self) -> dict[str, QRectF]:
        """Local rectangles of the node's small buttons (see the class docstring)."""
        rects: dict[str, QRectF] = {}
        if self.can_expand:
            rects["expand"] = QRectF(
                self.width - BUTTON - 4, (HEADER_HEIGHT - BUTTON) / 2, BUTTON, BUTTON
            )
        if self.has_units:
            if self.neuron_mode:
                y = HEADER_HEIGHT + 4
                mid = self.width / 2
                rects["minus"] = QRectF(mid - BUTTON - 3, y, BUTTON, BUTTON)
                rects["plus"] = QRectF(mid + 3, y, BUTTON, BUTTON)
            else:
                y = HEADER_HEIGHT + 3 + ((NODE_HEIGHT - HEADER_HEIGHT - 6) / 2 - BUTTON) / 2
                rects["plus"] = QRectF(self.width - TEXT_PAD - BUTTON + 4, y, BUTTON, BUTTON)
                rects["minus"] = QRectF(self.width - TEXT_PAD - 2 * BUTTON, y, BUTTON, BUTTON)
        if self.neuron_mode and (self.more_units or self.showing_all):
            rects["more"] = QRectF(2, self.height - MORE_HEIGHT - 2, self.width - 4, MORE_HEIGHT)
        return rects

    def button_at(self, scene_pos: QPointF) -> str | None:
        local = self.mapFromScene(scene_pos)
        for name, rect in self.button_rects().items():
            if rect.adjusted(-2, -2, 2, 2).contains(local):
                return name
        return None

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # port circles overlap the body
        path.addRoundedRect(QRectF(0, 0, self.width, self.height), 7, 7)
        path.addEllipse(self.output_port_local(), PORT_HIT_RADIUS, PORT_HIT_RADIUS)
        if self.has_input:
            n = max(1, self.n_inputs)
            for slot in range(n):
                path.addEllipse(self.input_port_local(slot, n), PORT_HIT_RADIUS, PORT_HIT_RADIUS)
        return path

    def set_n_inputs(self, n: int) -> None:
        if n != self.n_inputs:
            self.prepareGeometryChange()
            self.n_inputs = n
            self.update()

    def output_port_local(self) -> QPointF:
        return QPointF(self.width, self.height / 2)

    def input_port_local(self, slot: int = 0, n_inputs: int = 1) -> QPointF:
        """Input port ``slot`` of ``n_inputs``: stacked up to ``SLOT_SPREAD`` apart, centred,
        always within the box's height."""
        spread = _slot_spread(n_inputs, self.height)
        offset = (slot - (n_inputs - 1) / 2) * spread
        return QPointF(0.0, self.height / 2 + offset)

    def output_port_scene(self) -> QPointF:
        return self.mapToScene(self.output_port_local())

    def input_port_scene(self, slot: int = 0, n_inputs: int = 1) -> QPointF:
        return self.mapToScene(self.input_port_local(slot, n_inputs))

    def is_on_output_port(self, scene_pos: QPointF) -> bool:
        d = self.mapFromScene(scene_pos) - self.output_port_local()
        return math.hypot(d.x(), d.y()) <= PORT_HIT_RADIUS

    def is_on_input_port(self, scene_pos: QPointF) -> bool:
        """True near the input side's port(s) (never for an input layer)."""
        if not self.has_input:
            return False
        local = self.mapFromScene(scene_pos)
        n = max(1, self.n_inputs)
        half = (n - 1) / 2 * _slot_spread(n, self.height)
        dy = max(0.0, abs(local.y() - self.height / 2) - half)
        return math.hypot(local.x(), dy) <= PORT_HIT_RADIUS

    # content ------------------------------------------------------------------------
    def set_content(
        self, detail: str, shape: tuple[int, ...] | None, count: int | None, problems: list[str]
    ) -> None:
        self.detail = detail
        self.shape_text = format_shape(shape)
        self.count_text = format_count(count)
        self.problems = list(problems)
        tip = f"<b>{self.title}</b> ({self.node_id})"
        if self.layer is not None:
            tip += f"<br>{self.layer.description}"
        if self.problems:
            tip += "".join(f"<br><span style='color:#d93025'>⚠ {p}</span>" for p in problems)
        self._tip = tip
        self.setToolTip(tip)
        self.update()

    def button_tip(self, name: str) -> str:
        """What a node button does (its tooltip)."""
        tips = {
            "expand": "Show this layer's units as tiles"
            if not self.neuron_mode
            else "Show this layer as a box",
            "minus": "One unit fewer",
            "plus": "One unit more",
            "more": "Show every unit" if self.more_units else "Show the first units only",
        }
        return QApplication.translate("NodeItem", tips[name])

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        pos = event.scenePos()
        on_port = self.is_on_output_port(pos) or self.is_on_input_port(pos)
        button = None if on_port else self.button_at(pos)
        if on_port:
            self.setCursor(Qt.CursorShape.CrossCursor)
        elif button is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.setCursor(Qt.CursorShape.ArrowCursor)
        self.setToolTip(self.button_tip(button) if button else getattr(self, "_tip", ""))
        super().hoverMoveEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.adjust()
            for link in self.links:
                link.adjust()
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pal = _palette(self)
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        accent = kind_color(self.kind)
        w, h = self.width, self.height
        body = QRectF(0, 0, w, h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # body and header band
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_blend(base, accent, 0.08))
        painter.drawRoundedRect(body, 7, 7)
        header = QPainterPath()
        header.addRoundedRect(QRectF(0, 0, w, HEADER_HEIGHT + 7), 7, 7)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, w, HEADER_HEIGHT))
        painter.setBrush(accent)
        painter.drawPath(header.intersected(clip))

        # outline: red when invalid, highlight when selected
        if self.problems:
            pen = QPen(ERROR_COLOR, 2.5)
        elif self.isSelected():
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 2.5)
        else:
            pen = QPen(_blend(base, text, 0.35), 1.0)
        if self.link_hover is not None:
            pen = QPen(OK_COLOR if self.link_hover else ERROR_COLOR, 3.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(body, 7, 7)

        # text
        font = QFont(painter.font())
        font.setPointSizeF(9.5)
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(8.5)
        buttons = self.button_rects()
        pad = 6.0 if self.neuron_mode else TEXT_PAD
        inner = w - 2 * pad - (BUTTON + 2 if "expand" in buttons else 0)
        # the title has priority; the id is shown in the header only when it fits whole
        title_full = QFontMetricsF(bold).horizontalAdvance(self.title)
        id_full = QFontMetricsF(small).horizontalAdvance(self.node_id) + 2
        show_id = not self.neuron_mode and title_full + 8 + id_full <= inner
        if show_id:
            painter.setFont(small)
            painter.setPen(QColor(255, 255, 255, 215))
            painter.drawText(
                QRectF(pad + inner - id_full, 0, id_full, HEADER_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                self.node_id,
            )
        painter.setFont(small if self.neuron_mode else bold)
        painter.setPen(QColor("white"))
        title_w = inner - (id_full + 8 if show_id else 0)
        painter.drawText(
            QRectF(pad, 0, title_w, HEADER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            QFontMetricsF(painter.font()).elidedText(
                self.title, Qt.TextElideMode.ElideRight, title_w
            ),
        )
        muted = _blend(text, base, 0.3)
        if not self.neuron_mode:
            row_h = (NODE_HEIGHT - HEADER_HEIGHT - 6) / 2
            detail_w = inner - (2 * BUTTON + 6 if self.has_units else 0)
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(
                QRectF(TEXT_PAD, HEADER_HEIGHT + 3, detail_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                QFontMetricsF(font).elidedText(self.detail, Qt.TextElideMode.ElideRight, detail_w),
            )
            painter.setPen(muted)
            row2 = QRectF(TEXT_PAD, HEADER_HEIGHT + 3 + row_h, inner, row_h)
            painter.drawText(
                row2, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.shape_text
            )
            painter.setFont(small)
            painter.drawText(
                row2, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, self.count_text
            )
        paint_node_buttons(painter, self, buttons, text, base, small)

        # ports
        painter.setPen(QPen(_blend(base, text, 0.5), 1.2))
        painter.setBrush(base)
        if self.has_input:  # one port per connected input, so merges show their slots
            n = max(1, self.n_inputs)
            for slot in range(n):
                radius = PORT_RADIUS if n == 1 else PORT_RADIUS - 1
                painter.drawEllipse(self.input_port_local(slot, n), radius, radius)
        painter.setBrush(accent)
        painter.drawEllipse(self.output_port_local(), PORT_RADIUS, PORT_RADIUS)


class EdgeItem(QGraphicsItem):
    """A connection drawn as a cubic curve from the source's output to the target's input,
    with an arrow head at the target."""

    ARROW = 9.0

    def __init__(self, edge: Edge, src: NodeItem, dst: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.src = src
        self.dst = dst
        self.n_inputs = 1
        self.rank = 0  # position among the target's inputs (by slot)
        self.splice_hover = False  # a node is dragged over it (dropping splices it in)
        self._path = QPainterPath()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(0)
        src.edges.add(self)
        dst.edges.add(self)
        tip = QApplication.translate("NodeItem", "{0} → {1} (input {2})")
        self.setToolTip(tip.format(edge.src, edge.dst, edge.slot))
        self.adjust()

    def detach(self) -> None:
        self.src.edges.discard(self)
        self.dst.edges.discard(self)

    def end_point(self) -> QPointF:
        return self.dst.input_port_scene(self.rank, self.n_inputs)

    def adjust(self) -> None:
        self.prepareGeometryChange()
        start = self.src.output_port_scene() + QPointF(PORT_RADIUS, 0)
        end = self.end_point() - QPointF(PORT_RADIUS + self.ARROW - 1, 0)
        self._path = link_path(start, end)
        self.update()

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._path.boundingRect().adjusted(-12, -12, 12, 12)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self._path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pal = _palette(self)
        if self.splice_hover:
            color = OK_COLOR
            width = 4.0
        elif self.isSelected():
            color = pal.color(QPalette.ColorRole.Highlight)
            width = 3.0
        else:
            color = _blend(
                pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text), 0.6
            )
            width = 1.8
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        tip = self._path.pointAtPercent(1.0)
        back = tip - QPointF(0.01, 0)
        angle = math.atan2(tip.y() - back.y(), tip.x() - back.x())
        a = self.ARROW
        head = tip + QPointF(math.cos(angle) * a, math.sin(angle) * a)
        left = tip + QPointF(
            math.cos(angle + math.pi / 2) * a * 0.5, math.sin(angle + math.pi / 2) * a * 0.5
        )
        right = tip + QPointF(
            math.cos(angle - math.pi / 2) * a * 0.5, math.sin(angle - math.pi / 2) * a * 0.5
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(QPolygonF([head, left, right]))


class LinkLineItem(QGraphicsPathItem):
    """The dashed curve that follows the mouse while a new connection is dragged.

    ``start`` is the port the drag began at; with ``backwards`` that is an input port and
    the curve is drawn from the mouse (the future source) to it.
    """

    def __init__(self, start: QPointF, palette: QPalette, backwards: bool = False) -> None:
        super().__init__()
        self.start = start
        self.backwards = backwards
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2.0, Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(3)
        self.set_end(start)

    def set_end(self, end: QPointF, ok: bool | None = None) -> None:
        if ok is not None:
            pen = self.pen()
            pen.setColor(OK_COLOR if ok else ERROR_COLOR)
            self.setPen(pen)
        if self.backwards:
            self.setPath(link_path(end, self.start))
        else:
            self.setPath(link_path(self.start, end))
