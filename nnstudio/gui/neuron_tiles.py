"""Neuron tiles: one small heatmap per unit, drawn inside an expanded node of the canvas.

Each refresh colours a node's shown units in one pass (:func:`paint_node`, fixed levels,
through the decision surface's colour table) into one buffer kept per node, makes one
pixmap of it, and every tile of the node shows its block of that pixmap.

Tiles are painted by Qt alone: a tile is a ``QGraphicsRectItem`` (its border, or the
empty colour before a map arrives) over a ``QGraphicsPixmapItem`` child scaled to the
tile. A Python ``paint`` per tile (51 tiles, 30 frames a second) held the GIL for the
call and its drawing, time the training thread could not run.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem

from .surface import diverging_lut

#: Side of a tile on the canvas (scene units) and the gap between tiles.
TILE = 40.0
TILE_GAP = 6.0
#: Width of an expanded node (a column of tiles).
NEURON_WIDTH = 64.0
#: Units shown before the "+N more" handle; an opened handle shows up to MAX_UNITS.
FIRST_UNITS = 8
MAX_UNITS = 64
#: Height of the "+N more" / "fewer" handle row.
MORE_HEIGHT = 18.0
#: Node kinds that show one tile per unit (input nodes: one per feature).
TILE_KINDS = frozenset({"input", "dense", "activation", "batchnorm", "add", "concat"})

#: Activations whose range is fixed (the colour scale then is that range).
_FIXED_LEVELS = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("NeuronTiles", text)


def tile_lut() -> np.ndarray:
    """(256, 4) uint8 BGRA colours: the decision surface's diverging map at full strength
    (tiles carry no points, so they need not be softened like the surface)."""
    rgb = diverging_lut()
    lut = np.empty((256, 4), dtype=np.uint8)
    lut[:, 0], lut[:, 1], lut[:, 2] = rgb[:, 2], rgb[:, 1], rgb[:, 0]
    lut[:, 3] = 255
    return lut


_LUT = tile_lut()
#: The same colours as one 32-bit word per entry (a pixel of a Format_ARGB32 image).
LUT32 = _LUT.view(np.uint32).ravel()
#: What every tile paints with, made once (a 6 x 8 network paints 51 tiles ~30 times a
#: second: per-paint QPen / QColor / QRectF objects were a third of the canvas's frame).
_RECT = QRectF(0, 0, TILE, TILE)
_BORDER = QPen(QColor(0, 0, 0, 70), 1.0)
_EMPTY = QBrush(QColor(232, 234, 235))
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


def unit_levels(activation: str | None, values: np.ndarray) -> tuple[float, float]:
    """Colour-scale levels for a node: its activation's range when fixed (tanh -1..1,
    sigmoid 0..1), else symmetric around 0 up to the largest magnitude in ``values``."""
    fixed = _FIXED_LEVELS.get(activation or "")
    if fixed is not None:
        return fixed
    m = float(np.max(np.abs(values))) if values.size else 1.0
    if not np.isfinite(m) or m < 1e-6:
        m = 1.0
    return (-m, m)


def color_indices(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """Colour-table indices (same shape as ``values``) for fixed ``levels``: a whole
    node's maps (r, r, units) at once."""
    lo, hi = levels
    scale = 255.0 / (hi - lo) if hi > lo else 0.0
    return np.clip((values - lo) * scale, 0, 255).astype(np.intp)


def paint_node(
    values: np.ndarray, levels: tuple[float, float], out: np.ndarray | None
) -> np.ndarray:
    """Colours of a node's first ``n`` units' maps in one pass.

    ``values`` is (r, r, n); returns ``out`` (made when None or of another shape), a
    (n, r, r) uint32 array of ARGB32 pixels, top row first: ``out[u]`` is unit ``u``'s
    image, contiguous, so a tile can wrap it in a :class:`QImage` without a copy.
    """
    r0, r1, n = values.shape
    if out is None or out.shape != (n, r0, r1):
        out = np.empty((n, r0, r1), dtype=np.uint32)
    # color_indices' arithmetic, in place in one scratch array, small (uint8) indices,
    # then one gather laid out like ``out`` (units first, rows flipped): a few NumPy
    # calls per node, not a few per tile
    lo, hi = levels
    scale = 255.0 / (hi - lo) if hi > lo else 0.0
    laid_out = values.transpose(2, 0, 1)[:, ::-1]  # a view; the scratch is contiguous
    scratch = np.subtract(laid_out, lo, dtype=np.result_type(values.dtype, np.float32))
    np.multiply(scratch, scale, out=scratch)
    np.clip(scratch, 0, 255, out=scratch)
    np.take(LUT32, scratch.astype(np.uint8), out=out)
    return out


class TileItem(QGraphicsRectItem):
    """One unit's map: a child of its :class:`~nnstudio.gui.canvas_items.NodeItem`.

    Attributes:
        node_id, unit: which unit it shows; ``label`` its name (e.g. "dense_1 #3", "x1").
        values: the last map (r, r) float32 (a view of the probe's copy), or None.
        value_range: (min, max) of the last map (computed when asked, e.g. on hover).
    """

    def __init__(self, node_id: str, unit: int, label: str, parent: QGraphicsItem) -> None:
        super().__init__(_RECT, parent)
        self.node_id = node_id
        self.unit = unit
        self.label = label
        self._node_values: np.ndarray | None = None  # the node's maps (r, r, units)
        self._node_pixels: np.ndarray | None = None  # the node's (n, r, r) ARGB32 pixels
        self._index = 0  # this tile's block of them
        self._qimage: QImage | None = None
        self._block = QRect()  # this tile's rows of the node's pixmap
        self.setPen(_BORDER)
        self.setBrush(_EMPTY)
        # the map, drawn under the border (behind its parent), scaled to the tile
        self._pixmap = QGraphicsPixmapItem(self)
        self._pixmap.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self._pixmap.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._pixmap.hide()
        self._side: tuple[int, int] | None = None  # (r0, r1) the pixmap is scaled for
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(label)

    @property
    def values(self) -> np.ndarray | None:
        """The last map (r, r) (a view of the node's maps, sliced when asked), or None."""
        if self._node_values is None:
            return None
        return self._node_values[:, :, self._index]

    @property
    def value_range(self) -> tuple[float, float] | None:
        if self.values is None:
            return None
        return float(np.min(self.values)), float(np.max(self.values))

    def show_column(
        self, values: np.ndarray, pixels: np.ndarray, column: QPixmap, index: int
    ) -> None:
        """Show unit ``index`` of the node's maps ``values`` (r, r, units), already
        coloured: ``pixels`` is the node's (n, r, r) ARGB32 array (:func:`paint_node`),
        ``column`` a pixmap of all of it (n * r rows, one per node and frame); the tile
        shows block ``index``."""
        if self._node_pixels is not pixels or self._index != index:
            self._node_pixels, self._index, self._qimage = pixels, index, None
            self._block = QRect(0, index * pixels.shape[1], pixels.shape[2], pixels.shape[1])
        side = pixels.shape[1:]
        if self._side != side:
            self._side = side
            self._pixmap.setTransform(QTransform.fromScale(TILE / side[1], TILE / side[0]))
            self._pixmap.show()
            self.setBrush(_NO_BRUSH)
        self._node_values = values
        self._pixmap.setPixmap(column.copy(self._block))

    @property
    def _image(self) -> QImage | None:
        """The tile's colours as an image (made when asked, e.g. by tests), wrapping the
        node's pixels in place: it shows every later frame of the same buffer."""
        if self._node_pixels is None:
            return None
        if self._qimage is None:
            block = self._node_pixels[self._index]
            r0, r1 = block.shape
            self._qimage = QImage(block.data, r1, r0, r1 * 4, QImage.Format.Format_ARGB32)
        return self._qimage

    def hoverEnterEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt API)
        value_range = self.value_range
        if value_range is None:
            self.setToolTip(self.label)
        else:
            self.setToolTip(
                _tr("{label}: output from {lo:.3g} to {hi:.3g} (click to enlarge)").format(
                    label=self.label, lo=value_range[0], hi=value_range[1]
                )
            )
        super().hoverEnterEvent(event)

    def clear(self) -> None:
        self._node_values = None
        self._node_pixels = None
        self._qimage = None
        self._side = None
        self._pixmap.hide()
        self._pixmap.setPixmap(QPixmap())
        self.setBrush(_EMPTY)
