"""Writing the network canvas as an image: PNG (or any raster format Qt knows) or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsItem

from nnstudio.errors import NNStudioError

from .atomic_images import save_image_atomic, svg_atomic
from .canvas_items import EdgeItem, NodeItem

if TYPE_CHECKING:
    from .canvas_view import CanvasView


class CanvasExportError(NNStudioError):
    """The canvas image could not be written."""


def export_canvas(view: CanvasView, path: str | Path, scale: float = 2.0) -> None:
    """Write the network as PNG (or any raster format Qt knows) or, for ``.svg``, SVG.

    The background is the palette's base colour; selection marks are not drawn.
    """
    path = Path(path)
    rect = QRectF()
    for item in view.canvas_scene.items():
        if isinstance(item, NodeItem | EdgeItem):
            rect = rect.united(item.sceneBoundingRect())
    if rect.isEmpty():
        rect = QRectF(0, 0, 200, 100)
    rect = rect.adjusted(-20, -20, 20, 20)
    selected = view.canvas_scene.selectedItems()
    # draw the nodes themselves (vector text in SVG), not their on-screen pixmap caches
    nodes = [*view.canvas_scene.node_items.values(), *view.canvas_scene.link_items.values()]
    caches = [node.cacheMode() for node in nodes]
    for node in nodes:
        node.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    view.canvas_scene.clearSelection()
    background = view.palette().color(QPalette.ColorRole.Base)
    try:
        if path.suffix.lower() == ".svg":
            _export_svg(view, path, rect, background)
        else:
            size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(background)
            painter = QPainter(image)
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
            )
            view.canvas_scene.render(painter, QRectF(image.rect()), rect)
            painter.end()
            save_image_atomic(image, path, CanvasExportError)
    finally:
        for node, mode in zip(nodes, caches, strict=True):
            node.setCacheMode(mode)
        for item in selected:
            item.setSelected(True)


def _export_svg(view: CanvasView, path: Path, rect: QRectF, background) -> None:  # noqa: ANN001
    try:
        from PySide6.QtSvg import QSvgGenerator
    except ImportError as exc:  # pragma: no cover - QtSvg ships with PySide6-Essentials
        raise CanvasExportError(
            "SVG export needs the QtSvg module; export a .png instead."
        ) from exc
    if not path.parent.is_dir():
        raise CanvasExportError(f"Could not write '{path}': the folder does not exist.")

    def draw(device) -> None:  # noqa: ANN001 - a QIODevice
        gen = QSvgGenerator()
        gen.setOutputDevice(device)
        gen.setSize(QSize(round(rect.width()), round(rect.height())))
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setTitle(view.document.project.name)
        painter = QPainter(gen)
        painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), background)
        view.canvas_scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()

    svg_atomic(path, CanvasExportError, draw)
