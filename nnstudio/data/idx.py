"""IDX files (the MNIST format), read and written with NumPy only.

Layout: two zero bytes, a type code, the number of dimensions ``d``, then ``d`` big-endian
uint32 sizes and the values, big-endian, row-major. ``.gz`` files are decompressed.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np

from nnstudio.text import Text, message

from .errors import DataError

_TYPES = {
    0x08: np.dtype("u1"),
    0x09: np.dtype("i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_CODES = {dt.newbyteorder(">") if dt.itemsize > 1 else dt: c for c, dt in _TYPES.items()}


def parse_idx(data: bytes, source: str = Text("the IDX file")) -> np.ndarray:
    """The array stored in IDX bytes, native byte order; :class:`DataError` if malformed."""
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in _TYPES:
        raise DataError(
            Text("{source} is not an IDX file (wrong header); delete it and retry.", source=source)
        )
    dtype, ndim = _TYPES[data[2]], data[3]
    head = 4 + 4 * ndim
    if len(data) < head:
        raise DataError(
            Text("{source} is cut short (incomplete header); delete it and retry.", source=source)
        )
    shape = struct.unpack(f">{ndim}I", data[4:head])
    count = int(np.prod(shape, dtype=np.int64))
    if len(data) != head + count * dtype.itemsize:
        raise DataError(
            Text(
                "{source} holds {n} bytes of values, not the {expected} its header {shape} "
                "announces; delete it and retry.",
                source=source,
                n=len(data) - head,
                expected=count * dtype.itemsize,
                shape=tuple(shape),
            )
        )
    return np.frombuffer(data, dtype, count, head).reshape(shape).astype(dtype.newbyteorder("="))


def read_idx(path: str | Path) -> np.ndarray:
    """The array of an IDX file (``.gz`` decompressed)."""
    p = Path(path)
    try:
        if p.suffix == ".gz":
            with gzip.open(p, "rb") as fh:
                data = fh.read()
        else:
            data = p.read_bytes()
    except (OSError, EOFError) as exc:
        raise DataError(
            Text(
                "Cannot read {path}: {error}; delete it and retry.", path=str(p), error=message(exc)
            )
        ) from None
    return parse_idx(data, str(p))


def idx_bytes(array: np.ndarray) -> bytes:
    """The IDX encoding of ``array`` (uint8, int8, int16, int32, float32 or float64)."""
    a = np.asarray(array)
    dt = a.dtype.newbyteorder(">") if a.dtype.itemsize > 1 else a.dtype
    code = _CODES.get(dt)
    if code is None:
        raise DataError(Text("IDX cannot hold {dtype} values.", dtype=str(a.dtype)))
    header = bytes([0, 0, code, a.ndim]) + struct.pack(f">{a.ndim}I", *a.shape)
    return header + a.astype(dt).tobytes()


def write_idx(path: str | Path, array: np.ndarray) -> None:
    """Write ``array`` as IDX (gzip-compressed if ``path`` ends in ``.gz``)."""
    p = Path(path)
    data = idx_bytes(array)
    if p.suffix == ".gz":
        p.write_bytes(gzip.compress(data, mtime=0))
    else:
        p.write_bytes(data)
