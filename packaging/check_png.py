"""Check that a PNG is a real picture, not an empty or flat image (standard library only).

    python packaging/check_png.py shot.png [--min-width 400] [--min-height 300]

Used by .ci/package-smoke on the frozen app's --screenshot. Exit 0 if the image is at least
the given size, has many distinct colours and no colour covers nearly all of it; otherwise
print what is wrong and exit 1.
"""

from __future__ import annotations

import argparse
import struct
import sys
import zlib
from collections import Counter
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type -> samples per pixel


class PngError(ValueError):
    """The file is not a PNG this checker can read."""


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk of PNG bytes."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise PngError("not a PNG file (bad signature or no IHDR chunk)")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def decode_rows(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced PNG into raw rows.

    Returns (width, height, bytes_per_pixel, rows), each row ``width * bytes_per_pixel`` long.
    """
    width, height = png_size(data)
    bit_depth, colour_type, _, _, interlace = data[24:29]
    if bit_depth != 8 or interlace != 0 or colour_type not in CHANNELS:
        raise PngError(
            f"unsupported PNG (bit depth {bit_depth}, colour type {colour_type}, "
            f"interlace {interlace}); expected 8-bit non-interlaced"
        )
    bpp = CHANNELS[colour_type]
    idat, pos = b"", 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def image_problems(
    path: Path, *, min_width: int = 400, min_height: int = 300, min_colours: int = 64
) -> list[str]:
    """Everything wrong with the picture at ``path`` (an empty list if it looks real)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        width, height, bpp, rows = decode_rows(path.read_bytes())
    except (PngError, zlib.error, struct.error, IndexError) as exc:
        return [f"{path}: {exc}"]
    problems = []
    if width < min_width or height < min_height:
        problems.append(f"{width}x{height} px is smaller than {min_width}x{min_height}")
    colours: Counter[bytes] = Counter()
    for row in rows[:: max(1, height // 200)]:
        for x in range(0, width * bpp, bpp * max(1, width // 200)):
            colours[row[x : x + bpp]] += 1
    total = sum(colours.values())
    if len(colours) < min_colours:
        problems.append(f"only {len(colours)} distinct colours (expected >= {min_colours})")
    if colours and colours.most_common(1)[0][1] > 0.9 * total:
        problems.append("one colour covers more than 90% of the image")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png", type=Path)
    parser.add_argument("--min-width", type=int, default=400)
    parser.add_argument("--min-height", type=int, default=300)
    args = parser.parse_args(argv)
    problems = image_problems(args.png, min_width=args.min_width, min_height=args.min_height)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not problems:
        width, height = png_size(args.png.read_bytes())
        print(f"ok: {args.png} is a {width}x{height} picture")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
