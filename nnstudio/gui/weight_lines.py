"""Weights on the wires: the connections between the tiles of two expanded nodes.

One :class:`WeightLinesItem` per (source node, Dense node) pair draws a line from every
source tile to every Dense tile: blue for a positive weight, orange for a negative one
(the decision surface's colours), the width growing with the magnitude, scaled per layer
(the largest weight of the layer is the widest line). Above :data:`BUNDLE_FAN_IN` source
units the pair is one bundle coloured by the mean weight; units behind a "+N more" handle
get their lines when it is opened. Hovering a line tells its weight; the scene turns a
click into an edit.
"""

from __future__ import annotations

import functools
import itertools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from .surface import NEGATIVE, NEUTRAL, POSITIVE

#: Above this many source units the weights of a layer pair are drawn as one bundle.
BUNDLE_FAN_IN = 16
MIN_WIDTH, MAX_WIDTH = 0.4, 4.5
HIT_DISTANCE = 4.0
#: Line widths are drawn in this many steps (lines of one step share one draw call).
WIDTH_STEPS = 8

_POS = QColor(*(int(c) for c in POSITIVE))
_NEG = QColor(*(int(c) for c in NEGATIVE))
#: Line colours: the class colours a quarter of the way to the surface's neutral.
_POS_LINE = QColor(*(int(round(c)) for c in POSITIVE + (NEUTRAL - POSITIVE) * 0.25))
_NEG_LINE = QColor(*(int(round(c)) for c in NEGATIVE + (NEUTRAL - NEGATIVE) * 0.25))


def _tr(text: str) -> str:
    return QCoreApplication.translate("WeightLines", text)


def weight_style(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sign (fan_in, fan_out) of +1/-1, width (fan_in, fan_out)) for drawing ``weights``.

    Widths run from MIN_WIDTH to MAX_WIDTH by ``|w| / max|w|`` of this layer.
    """
    w = np.asarray(weights, dtype=np.float64)
    top = float(np.max(np.abs(w))) if w.size else 0.0
    scale = np.abs(w) / top if top > 0 else np.zeros_like(w)
    return np.where(w >= 0, 1, -1), MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * scale


class WeightLinesItem(QGraphicsItem):
    """The weights of ``dst`` (a Dense node) drawn between ``src``'s and ``dst``'s tiles.

    ``weights`` is the Dense layer's (fan_in, units) matrix, set with :meth:`set_weights`.
    The item lives in scene coordinates (its position stays at the origin).
    """

    def __init__(self, src, dst) -> None:  # noqa: ANN001 (NodeItems)
        super().__init__()
        self.src = src
        self.dst = dst
        self.weights: np.ndarray | None = None
        self._segments: list[tuple[int, int, QLineF]] = []
        self._buckets: list[tuple[QPen, list[QLineF]]] = []  # lines grouped by pen
        self._keys: np.ndarray | None = None  # each line's pen key, when grouped
        self._shape = QPainterPath()
        self._rect = QRectF()
        self.setZValue(0.5)
        self.setAcceptHoverEvents(True)
        # The item itself paints nothing: one C++ QGraphicsPathItem child per pen draws
        # the lines, from a pixmap cache. The canvas repaints around the tiles ~30 times
        # a second and the lines' pens change far less often; a Python paint (or
        # boundingRect) per repaint would take the GIL from the training thread each time.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._paths: list[QGraphicsPathItem] = []
        src.links.add(self)
        dst.links.add(self)
        self.adjust()

    def detach(self) -> None:
        self.src.links.discard(self)
        self.dst.links.discard(self)

    @property
    def bundled(self) -> bool:
        """One bundle instead of lines: above BUNDLE_FAN_IN inputs, or no tiles to join.

        Otherwise every weight between two *shown* tiles gets its line (units behind a
        "+N more" handle get theirs when it is opened).
        """
        w = self.weights
        return (
            w is None
            or w.shape[0] > BUNDLE_FAN_IN
            or not self.src.tiles
            or not self.dst.tiles
            or w.shape[0] < len(self.src.tiles)
            or w.shape[1] < len(self.dst.tiles)
        )

    def set_weights(self, weights: np.ndarray | None) -> None:
        shape_before = None if self.weights is None else self.weights.shape
        self.weights = None if weights is None else np.asarray(weights)
        if shape_before != (None if weights is None else self.weights.shape):
            self.adjust()  # regroups the lines too
        elif self._group() or self.bundled:
            self._draw()  # (a step of the pens changed: most frames of a run change none)

    def _group(self) -> bool:
        """Group the lines by pen (sign and width step) once per weight change, so a paint
        is a few ``drawLines`` calls; False when every line kept its pen (nothing to do)."""
        w = self.weights
        if w is None or not self._segments or self._segments[0][0] < 0:
            self._buckets, self._keys = [], None
            return True
        sign, width = weight_style(w)  # scaled by the whole layer's largest weight
        n_src, n_dst = len(self.src.tiles), len(self.dst.tiles)
        sign, width = sign[:n_src, :n_dst], width[:n_src, :n_dst]
        steps = np.rint(width * WIDTH_STEPS / MAX_WIDTH).astype(np.intp)
        keys = (sign * (WIDTH_STEPS + 1) + steps).ravel()  # row-major = segment order
        if self._keys is not None and np.array_equal(keys, self._keys):
            return False
        self._keys = keys
        self._buckets = []
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        cuts = [0, *(np.flatnonzero(np.diff(ordered)) + 1).tolist(), len(ordered)]
        lines = [self._segments[k][2] for k in order.tolist()]
        for a, b in itertools.pairwise(cuts):
            self._buckets.append((_pen(int(ordered[a])), lines[a:b]))
        return True

    def adjust(self) -> None:
        """Recompute the segments after a node moved or its tiles changed."""
        self.prepareGeometryChange()
        self._segments = []
        if self.bundled:
            a = self.src.output_port_scene()
            b = self.dst.input_port_scene()
            self._segments = [(-1, -1, QLineF(a, b))]
        else:
            for i, s in enumerate(self.src.tiles):
                a = s.mapToScene(QPointF(s.boundingRect().right(), s.boundingRect().center().y()))
                for j, d in enumerate(self.dst.tiles):
                    b = d.mapToScene(QPointF(0, d.boundingRect().center().y()))
                    self._segments.append((i, j, QLineF(a, b)))
        self._keys = None  # new segments: group again
        self._ends = np.array(
            [(ln.x1(), ln.y1(), ln.x2(), ln.y2()) for _i, _j, ln in self._segments], dtype=float
        ).reshape(-1, 4)
        path = QPainterPath()
        for _i, _j, line in self._segments:
            path.moveTo(line.p1())
            path.lineTo(line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * HIT_DISTANCE)
        self._shape = stroker.createStroke(path)
        self._rect = path.boundingRect().adjusted(-6, -6, 6, 6)
        self._group()
        self._draw()

    def _draw(self) -> None:
        """Hand the lines to the path items: one per colour, each line a filled quad of
        its pen's width (square ends, like the pen's), so a repaint blits two cached
        pixmaps per layer pair instead of one per pen; a bundle is one quad, mean colour."""
        parts: list[tuple[QColor, QPainterPath]] = []
        if self.weights is not None and self._segments:
            if self._segments[0][0] < 0:
                mean = float(self.weights.mean())
                color = _POS_LINE if mean >= 0 else _NEG_LINE
                parts.append((color, _quads(self._ends[:1], np.array([MAX_WIDTH + 2]), False)))
            elif self._keys is not None:
                keys = self._keys
                positive = keys > 0
                steps = np.where(positive, keys - WIDTH_STEPS - 1, keys + WIDTH_STEPS + 1)
                widths = np.maximum(MIN_WIDTH, steps * MAX_WIDTH / WIDTH_STEPS)
                for mask, color in ((~positive, _NEG_LINE), (positive, _POS_LINE)):
                    if mask.any():
                        parts.append((color, _quads(self._ends[mask], widths[mask], True)))
        while len(self._paths) < len(parts):
            item = QGraphicsPathItem(self)
            item.setPen(QPen(Qt.PenStyle.NoPen))
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._paths.append(item)
        for item, (color, path) in zip(self._paths, parts, strict=False):
            item.setBrush(color)
            item.setPath(path)
            item.show()
        for item in self._paths[len(parts) :]:
            item.hide()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def shape(self) -> QPainterPath:
        return self._shape

    def segments(self) -> list[tuple[int, int, QLineF]]:
        """``(source unit, target unit, scene line)``; one ``(-1, -1, line)`` when bundled."""
        return list(self._segments)

    def line_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """The (source unit, target unit) of the line under ``scene_pos``, if any."""
        best, best_d = None, HIT_DISTANCE
        for i, j, line in self._segments:
            d = _distance(scene_pos, line)
            if d <= best_d:
                best, best_d = (i, j), d
        return best

    def describe(self, i: int, j: int) -> str:
        if self.weights is None:
            return ""
        if i < 0:
            return _tr("{n} weights of {node}, mean {mean:.3g}").format(
                n=self.weights.size, node=self.dst.node_id, mean=float(self.weights.mean())
            )
        return _tr("weight {src} #{i} → {dst} #{j} = {w:.4g} (click to edit)").format(
            src=self.src.node_id,
            i=i + 1,
            dst=self.dst.node_id,
            j=j + 1,
            w=float(self.weights[i, j]),
        )

    def hoverMoveEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt API)
        hit = self.line_at(event.scenePos())
        self.setToolTip(self.describe(*hit) if hit is not None else "")
        super().hoverMoveEvent(event)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the path items draw the lines (the item has no contents)."""

    def lines_drawn(self) -> list[tuple[QColor, QPainterPath]]:
        """(colour, path of filled quads) of each visible path item: what is painted."""
        return [(i.brush().color(), i.path()) for i in self._paths if i.isVisible()]


def _quads(ends: np.ndarray, widths: np.ndarray, square: bool) -> QPainterPath:
    """One path of filled quads: line ``k`` from ``ends[k, :2]`` to ``ends[k, 2:]``,
    ``widths[k]`` wide (``square``: longer by half the width at each end, like a square
    pen cap). Built from arrays in one call (pyqtgraph's ``arrayToQPath``); all quads turn
    the same way, so with the winding fill rule crossings stay filled."""
    half = (widths / 2.0)[:, None]
    p1, p2 = ends[:, :2], ends[:, 2:]
    d = p2 - p1
    length = np.hypot(d[:, 0], d[:, 1])[:, None]
    u = np.divide(d, length, out=np.zeros_like(d), where=length > 0)
    n = np.stack([-u[:, 1], u[:, 0]], axis=1) * half
    if square:
        p1, p2 = p1 - u * half, p2 + u * half
    corners = np.stack([p1 + n, p2 + n, p2 - n, p1 - n], axis=1)  # (lines, 4, 2)
    connect = np.tile(np.array([1, 1, 1, 0], dtype=np.int32), len(ends))  # 1: on to the next
    path = pg.arrayToQPath(corners[..., 0].ravel(), corners[..., 1].ravel(), connect)
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


@functools.cache
def _pen(key: int) -> QPen:
    """The pen of a bucket key ``sign * (WIDTH_STEPS + 1) + width step``."""
    sign, step = (1, key - WIDTH_STEPS - 1) if key > 0 else (-1, key + WIDTH_STEPS + 1)
    # opaque (a translucent pen costs Qt's raster engine ten times more per line)
    return QPen(
        _POS_LINE if sign > 0 else _NEG_LINE, max(MIN_WIDTH, step * MAX_WIDTH / WIDTH_STEPS)
    )


def _distance(p: QPointF, line: QLineF) -> float:
    ax, ay, bx, by = line.x1(), line.y1(), line.x2(), line.y2()
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p.x() - ax) * dx + (p.y() - ay) * dy) / length2))
    )
    return math.hypot(p.x() - (ax + t * dx), p.y() - (ay + t * dy))
