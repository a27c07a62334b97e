"""Saving Qt images and SVG drawings atomically (through :mod:`nnstudio.io.atomic`).

``QImage.save(path)`` and ``QSvgGenerator`` write straight into the target, so a full disk
or a crash leaves a truncated file in place of the old one; these helpers render into
memory and hand the bytes to the same atomic writer every other file uses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage, QPixmap

from nnstudio.io.atomic import write_bytes_atomic


def save_image_atomic(
    image: QImage | QPixmap, path: str | Path, error: type[Exception], fmt: str | None = None
) -> Path:
    """Encode ``image`` (format from ``fmt`` or the suffix: PNG, JPG...) and write it to
    ``path`` atomically; raises ``error`` if it cannot be encoded or written."""
    target = Path(path)
    kind = (fmt or target.suffix.lstrip(".") or "png").upper()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, kind)
    buffer.close()
    if not ok:
        raise error(
            QCoreApplication.translate(
                "atomic_images", "Could not write the image '{0}': use the extension .png or .jpg."
            ).format(target)
        )
    return write_bytes_atomic(target, bytes(data.data()), error=error)


def svg_atomic(path: str | Path, error: type[Exception], draw: Callable[[QBuffer], None]) -> Path:
    """Run ``draw(device)`` (it points a ``QSvgGenerator`` at ``device`` and paints), then
    write what it produced to ``path`` atomically."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        draw(buffer)
    finally:
        buffer.close()
    return write_bytes_atomic(path, bytes(data.data()), error=error)
