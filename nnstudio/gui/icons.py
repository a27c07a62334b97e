"""Layer icons and category colours.

An icon comes from ``resources/icons/layers/<LayerKind.icon>`` when that file exists, and is
otherwise drawn in code: a rounded square in the category colour with a small glyph.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from nnstudio import resources_path
from nnstudio.graph import CATALOG

CATEGORY_COLORS: dict[str, str] = {
    "Core": "#3b82c4",
    "Activation": "#e08a1e",
    "Regularization": "#8e5bc2",
    "Merge": "#2e9e6a",
    "Vision": "#c2553b",
}


def category_color(category: str) -> QColor:
    """Accent colour of a catalog category (readable on light and dark backgrounds)."""
    return QColor(CATEGORY_COLORS.get(category, "#7a7a7a"))


def kind_color(kind: str) -> QColor:
    layer = CATALOG.get(kind)
    return category_color(layer.category if layer else "")


@lru_cache(maxsize=64)
def layer_icon(kind: str, size: int = 32) -> QIcon:
    """The palette/inspector icon of a layer kind."""
    layer = CATALOG.get(kind)
    if layer is not None and layer.icon:
        path = resources_path() / "icons" / "layers" / layer.icon
        if path.is_file():
            icon = QIcon(str(path))
            if not icon.isNull() and not icon.pixmap(size, size).isNull():
                return icon
    return QIcon(draw_layer_pixmap(kind, size))


def draw_layer_pixmap(kind: str, size: int = 32) -> QPixmap:
    """A ``size`` x ``size`` pixmap: category-coloured tile with a glyph for ``kind``."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(kind_color(kind))
    p.drawRoundedRect(QRectF(1, 1, s - 2, s - 2), s * 0.2, s * 0.2)
    pen = QPen(QColor("white"), max(1.5, s / 14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    m = s * 0.25
    if kind == "input":
        p.drawLine(QPointF(m, s / 2), QPointF(s - m, s / 2))
        p.drawLine(QPointF(s - m - s * 0.15, s / 2 - s * 0.15), QPointF(s - m, s / 2))
        p.drawLine(QPointF(s - m - s * 0.15, s / 2 + s * 0.15), QPointF(s - m, s / 2))
    elif kind == "dense":
        left = [QPointF(m, s * y) for y in (0.3, 0.5, 0.7)]
        right = [QPointF(s - m, s * y) for y in (0.38, 0.62)]
        thin = QPen(QColor(255, 255, 255, 170), max(1.0, s / 28))
        p.setPen(thin)
        for a in left:
            for b in right:
                p.drawLine(a, b)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white"))
        for c in left + right:
            p.drawEllipse(c, s * 0.06, s * 0.06)
    elif kind == "activation":
        path = QPainterPath()
        for i in range(21):
            t = i / 20
            x = m + t * (s - 2 * m)
            y = s / 2 - math.tanh((t - 0.5) * 6) * (s / 2 - m)
            path.moveTo(x, y) if i == 0 else path.lineTo(x, y)
        p.drawPath(path)
    elif kind == "dropout":
        p.setPen(Qt.PenStyle.NoPen)
        for i, (x, y) in enumerate([(a, b) for b in (0.33, 0.5, 0.67) for a in (0.33, 0.5, 0.67)]):
            p.setBrush(QColor(255, 255, 255, 255 if i % 3 != 1 else 80))
            p.drawEllipse(QPointF(s * x, s * y), s * 0.06, s * 0.06)
    elif kind == "add":
        p.drawLine(QPointF(s / 2, m), QPointF(s / 2, s - m))
        p.drawLine(QPointF(m, s / 2), QPointF(s - m, s / 2))
    elif kind == "concat":
        p.drawRect(QRectF(m, m, (s - 2 * m) / 2 - 1, s - 2 * m))
        p.drawRect(QRectF(s / 2 + 1, m, (s - 2 * m) / 2 - 1, s - 2 * m))
    else:  # batchnorm and anything new: its initials
        font = QFont()
        font.setPixelSize(int(s * 0.42))
        font.setBold(True)
        p.setFont(font)
        name = CATALOG[kind].name if kind in CATALOG else kind
        initials = "".join(w[0] for w in name.split()[:2]).upper() or "?"
        p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, initials)
    p.end()
    return pm
