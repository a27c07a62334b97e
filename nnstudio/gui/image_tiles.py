"""Small grayscale pictures in a grid, with a caption under each (image views, issue 13).

:class:`TileGrid` paints a list of :class:`Tile` (a 2-D array shown with its own value
range, a caption, a flag that draws the caption in red) in as many columns as fit.
The helpers are NumPy only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

WRONG = QColor(200, 40, 40)


@dataclass
class Tile:
    """One picture: ``values`` (h, w) drawn from black (its minimum) to white (maximum)."""

    values: np.ndarray
    caption: str = ""
    wrong: bool = False


def to_gray(values: np.ndarray) -> np.ndarray:
    """``(h, w)`` uint8: ``values`` scaled from their minimum (0) to maximum (255); a
    constant picture is mid-gray."""
    v = np.asarray(values, dtype=np.float64)
    lo, hi = float(np.min(v)), float(np.max(v))
    if not np.isfinite(lo) or not np.isfinite(hi) or hi <= lo:
        return np.full(v.shape, 128, dtype=np.uint8)
    return np.rint((v - lo) / (hi - lo) * 255.0).astype(np.uint8)


def as_picture(values: np.ndarray) -> np.ndarray:
    """A 2-D picture of any node output: ``(h, w)`` as is, ``(c, h, w)`` channel mean,
    a flat vector as one row."""
    v = np.asarray(values)
    if v.ndim == 3:
        return v.mean(axis=0)
    if v.ndim == 1:
        return v.reshape(1, -1)
    return v


def _qimage(gray: np.ndarray) -> QImage:
    g = np.ascontiguousarray(gray)
    h, w = g.shape
    image = QImage(g.data, w, h, w, QImage.Format.Format_Grayscale8)
    return image.copy()  # owns its pixels


class TileGrid(QWidget):
    """A grid of :class:`Tile` pictures; tiles keep their aspect, ``tile_size`` pixels on
    the longer side, columns as many as the width allows."""

    def __init__(self, tile_size: int = 56, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile_size = tile_size
        self.tiles: list[Tile] = []
        self._images: list[QImage] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_tiles(self, tiles: list[Tile]) -> None:
        self.tiles = list(tiles)
        self._images = [_qimage(to_gray(t.values)) for t in self.tiles]
        self.updateGeometry()
        self.update()

    def _cell(self) -> tuple[int, int]:
        caption = self.fontMetrics().height() + 2 if any(t.caption for t in self.tiles) else 0
        return self.tile_size + 6, self.tile_size + 6 + caption

    def columns(self, width: int | None = None) -> int:
        cw, _ = self._cell()
        return max(1, (width if width is not None else self.width()) // cw)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        _, ch = self._cell()
        rows = -(-len(self.tiles) // self.columns(width)) if self.tiles else 0
        return rows * ch + 4

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        cw, ch = self._cell()
        cols = min(8, max(1, len(self.tiles)))
        return QSize(cols * cw, self.heightForWidth(cols * cw))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        cw, ch = self._cell()
        return QSize(cw, ch if self.tiles else 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        cw, ch = self._cell()
        cols = self.columns()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for i, (tile, image) in enumerate(zip(self.tiles, self._images, strict=True)):
            x0, y0 = (i % cols) * cw + 3, (i // cols) * ch + 3
            h, w = image.height(), image.width()
            scale = self.tile_size / max(h, w)
            tw, th = max(1.0, w * scale), max(1.0, h * scale)
            target = QRectF(x0 + (self.tile_size - tw) / 2, y0 + (self.tile_size - th) / 2, tw, th)
            painter.drawImage(target, image)
            if tile.wrong:
                painter.setPen(WRONG)
                painter.drawRect(target.adjusted(-1, -1, 0, 0))
            if tile.caption:
                painter.setPen(WRONG if tile.wrong else text)
                rect = QRectF(x0 - 2, y0 + self.tile_size + 1, cw - 2, ch - self.tile_size - 4)
                text_fit = self.fontMetrics().elidedText(
                    tile.caption, Qt.TextElideMode.ElideMiddle, int(rect.width())
                )
                painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, text_fit)
        painter.end()
