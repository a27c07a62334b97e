"""Sizes, colours and small drawing helpers shared by the canvas items."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem

NODE_WIDTH = 180.0
NODE_HEIGHT = 82.0
HEADER_HEIGHT = 24.0
PORT_RADIUS = 6.0
PORT_HIT_RADIUS = 12.0
SLOT_SPREAD = 16.0  # vertical distance between the input ports of a merge node
TEXT_PAD = 12.0
ERROR_COLOR = QColor("#d93025")
OK_COLOR = QColor("#2e9e6a")


def _palette(item: QGraphicsItem) -> QPalette:
    scene = item.scene()
    return scene.palette() if scene is not None else QApplication.palette()


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def format_shape(shape: tuple[int, ...] | None) -> str:
    """``(16,)`` for a known shape, ``(?)`` otherwise."""
    if shape is None:
        return "(?)"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def format_count(n: int | None) -> str:
    """``"272 params"``; empty for None or 0 (layers without weights)."""
    if not n:
        return ""
    one = QApplication.translate("NodeItem", "{0} param")
    return (one if n == 1 else QApplication.translate("NodeItem", "{0} params")).format(f"{n:,}")


def _slot_spread(n_inputs: int, height: float = NODE_HEIGHT) -> float:
    if n_inputs < 2:
        return 0.0
    return min(SLOT_SPREAD, (min(height, NODE_HEIGHT) - 2 * PORT_RADIUS) / (n_inputs - 1))


BUTTON = 16.0  # side of the small buttons drawn on a node (expand, units -/+)


def link_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A horizontal-tangent cubic curve from an output port to an input port.

    The control points sit half the horizontal distance out; short forward links keep that
    (a fixed minimum would make them overshoot into an S), while links that go backwards
    or straight down bulge out by up to 40 so they leave and enter their ports sideways.
    """
    span = end.x() - start.x()
    dx = max(abs(span) * 0.5, 40.0 * min(1.0, max(0.0, 1.0 - span / 80.0)))
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
    return path


def paint_node_buttons(painter, node, buttons: dict, text, base, font) -> None:  # noqa: ANN001
    """Draw a node's small buttons (``NodeItem.button_rects``): expand, units -/+, and the
    "+N more" / "fewer" handle of a tile column."""
    glyphs = {"expand": "▤" if not node.neuron_mode else "▭", "minus": "−", "plus": "+"}
    painter.setFont(font)
    for name, rect in buttons.items():
        if name == "more":
            label = (
                QApplication.translate("NodeItem", "fewer")
                if node.showing_all and not node.more_units
                else QApplication.translate("NodeItem", "+{n} more").format(n=node.more_units)
            )
            painter.setPen(QPen(_blend(text, base, 0.2)))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            continue
        on_header = name == "expand"
        painter.setPen(
            QPen(QColor(255, 255, 255, 200) if on_header else _blend(base, text, 0.45), 1.0)
        )
        painter.setBrush(QColor(255, 255, 255, 40) if on_header else base)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("white") if on_header else text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyphs[name])
