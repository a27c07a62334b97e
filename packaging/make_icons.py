"""Render the app icon PNGs, the Windows .ico and the macOS .icns from the SVG sources.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py [--contact-sheet /tmp/icons.png]

Reads   resources/icons/nnstudio.svg (and resources/icons/layers/*.svg for the sheet)
Writes  resources/icons/app/nnstudio-<size>.png for every size in APP_ICON_SIZES,
        packaging/icons/nnstudio.ico and packaging/icons/nnstudio.icns.

Only PySide6-Essentials is needed (QtSvg): the .ico and .icns containers are written here
with ``struct`` (both formats may hold PNG data directly), so Pillow is not required.
The outputs are committed; run this again after editing an SVG.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spec_meta import (  # noqa: E402
    APP_ICON_SIZES,
    ICO_SIZES,
    LAYER_ICON_KINDS,
    REPO,
    app_icon_png,
)

ICONS = REPO / "resources" / "icons"
APP_SVG = ICONS / "nnstudio.svg"
OUT_DIR = REPO / "packaging" / "icons"

# macOS icns element types holding PNG data, by pixel size (retina types share sizes).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def render_svg(svg: Path, size: int, background=None):
    """Render ``svg`` into a ``size`` x ``size`` ARGB QImage (transparent unless background)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG that Qt can render")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(background) if background else Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image) -> bytes:
    """Encode a QImage as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("error: Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG elements for 16 to 512 px (and their @2x types)."""
    body = b""
    for kind, size in ICNS_TYPES:
        blob = pngs[size]
        body += kind + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def contact_sheet(path: Path) -> None:
    """Every icon on a light and a dark strip, for a person to look at."""
    from PySide6.QtGui import QColor, QImage, QPainter

    layer_svgs = [ICONS / "layers" / f"{kind}.svg" for kind in LAYER_ICON_KINDS]
    pad = 12
    row_h = 512 + 2 * pad
    width = pad + sum(s + pad for s in APP_ICON_SIZES)
    layer_w = pad + len(layer_svgs) * (64 + pad) + len(layer_svgs) * (24 + pad)
    width = max(width, layer_w)
    sheet = QImage(width, 2 * row_h + 4 * (64 + 2 * pad), QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    y = 0
    for bg in ("#f3f4f6", "#1f2937"):
        painter.fillRect(0, y, width, row_h, QColor(bg))
        x = pad
        for size in APP_ICON_SIZES:
            painter.drawImage(x, y + pad, render_svg(APP_SVG, size))
            x += size + pad
        y += row_h
    for bg in ("#f3f4f6", "#1f2937"):
        for scale in (64, 24):
            painter.fillRect(0, y, width, 64 + 2 * pad, QColor(bg))
            x = pad
            for svg in layer_svgs:
                painter.drawImage(x, y + pad, render_svg(svg, scale))
                x += 64 + pad
            y += 64 + 2 * pad
    painter.end()
    sheet.save(str(path))
    print(f"contact sheet: {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contact-sheet", type=Path, help="also write a PNG of all icons")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)

    pngs: dict[int, bytes] = {}
    for size in sorted(set(APP_ICON_SIZES) | {s for _, s in ICNS_TYPES}):
        pngs[size] = png_bytes(render_svg(APP_SVG, size))
    for size in APP_ICON_SIZES:
        out = app_icon_png(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pngs[size])
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "nnstudio.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (OUT_DIR / "nnstudio.icns").write_bytes(icns_bytes(pngs))
    print(f"wrote {len(APP_ICON_SIZES)} PNGs, nnstudio.ico and nnstudio.icns")
    if args.contact_sheet:
        contact_sheet(args.contact_sheet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
