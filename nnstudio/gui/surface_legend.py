"""The decision surface's colour legend and its "discretize output" rule."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Bands of a discretized regression surface.
REGRESSION_BANDS = 8


def discretize(z: np.ndarray, levels: tuple[float, float], task: str) -> np.ndarray:
    """A surface of values (r, r) reduced to its decision: for classification the
    predicted class (0 or 1 at the 0.5 threshold), for regression REGRESSION_BANDS
    equal bands between ``levels`` (each value replaced by its band's centre)."""
    if task != "regression":
        return (z >= 0.5).astype(np.float32)
    lo, hi = levels
    width = (hi - lo) / REGRESSION_BANDS
    band = np.clip(np.floor((z - lo) / width), 0, REGRESSION_BANDS - 1)
    return (lo + (band + 0.5) * width).astype(np.float32)


def _fmt(v: float) -> str:
    return f"{v:.3g}"


class ColorLegend(QWidget):
    """A horizontal colour bar with its value scale (min, middle, max) and a caption, or
    one swatch per class for multi-class surfaces."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .surface import class_colors, diverging_lut, soften

        self._lut = soften(diverging_lut()).round().astype(np.uint8)
        self._class_colors = class_colors
        self.levels: tuple[float, float] = (0.0, 1.0)
        self.caption = ""
        self.n_classes = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(200, 34)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(120, 34)

    def set_scale(self, levels: tuple[float, float], caption: str) -> None:
        self.levels = (float(levels[0]), float(levels[1]))
        self.caption = caption
        self.n_classes = 0
        self.setToolTip(f"{caption}: {_fmt(self.levels[0])} … {_fmt(self.levels[1])}")
        self.update()

    def set_classes(self, n_classes: int, names: list[str] | None = None) -> None:
        """One colour per class, labelled with ``names`` (the data's class names) or the
        class indices."""
        self.n_classes = int(n_classes)
        self.class_names = list(names) if names and len(names) == self.n_classes else None
        self.caption = self.tr("predicted class")
        self.setToolTip(self.caption)
        self.update()

    def labels(self) -> list[str]:
        """The texts under the bar (tests read them)."""
        if self.n_classes:
            names = getattr(self, "class_names", None)
            return list(names) if names else [str(k) for k in range(self.n_classes)]
        lo, hi = self.levels
        return [_fmt(lo), _fmt((lo + hi) / 2), _fmt(hi)]

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt API)
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.Text)
        fm = painter.fontMetrics()
        caption_w = fm.horizontalAdvance(self.caption) + 10
        bar = QRectF(6, 3, max(40.0, self.width() - caption_w - 14), 12)
        labels = self.labels()
        if self.n_classes:
            colors = self._class_colors(self.n_classes)
            w = bar.width() / self.n_classes
            for k, c in enumerate(colors):
                cell = QRectF(bar.left() + k * w, bar.top(), w, bar.height())
                painter.fillRect(cell, QColor(*(int(v) for v in c)))
            xs = [bar.left() + (k + 0.5) * w for k in range(self.n_classes)]
        else:
            grad = QLinearGradient(bar.left(), 0, bar.right(), 0)
            for t in np.linspace(0, 1, 9):
                r, g, b = self._lut[int(round(t * 255))]
                grad.setColorAt(float(t), QColor(int(r), int(g), int(b)))
            painter.fillRect(bar, grad)
            xs = [bar.left(), bar.center().x(), bar.right()]
        painter.setPen(text)
        painter.drawRect(bar)
        for x, label in zip(xs, labels, strict=True):
            lw = fm.horizontalAdvance(label)
            left = min(max(0.0, x - lw / 2), self.width() - lw)
            painter.drawText(QRectF(left, bar.bottom() + 1, lw + 2, fm.height()), label)
        painter.drawText(
            QRectF(bar.right() + 8, 0, caption_w, bar.height() + 6),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.caption,
        )
        painter.end()
