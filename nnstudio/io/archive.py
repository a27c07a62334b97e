"""The members of a project zip: written reproducibly, read without trusting their sizes,
types or numbers.

- Every member's *declared* uncompressed size is checked against a limit before it is
  inflated (zip bombs), and duplicated member names are refused.
- ``weights.npz`` is opened member by member: each ``.npy`` header (dtype, shape) is read
  and checked before the array's data, against a budget derived from the network.
- JSON is parsed with NaN/Infinity refused, and every number is checked to be finite
  (``1e400`` parses as infinity); the error names the field.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from typing import Any

import numpy as np

from nnstudio.io.errors import (
    NotAProjectError,
    ProjectFormatError,
    ProjectJSONError,
    ProjectWeightsError,
    ResourceLimitError,
)
from nnstudio.io.messages import size_text
from nnstudio.text import Text

#: weight dtypes a project may hold (anything else is refused when the file is read)
SUPPORTED_DTYPES = ("float32", "float64")
#: largest ``project.json`` accepted
MAX_PROJECT_JSON_BYTES = 16 * 1024 * 1024
#: largest history member accepted (about 200,000 epochs of metrics)
MAX_HISTORY_BYTES = 64 * 1024 * 1024
#: bytes allowed per ``.npy`` member beyond its data (header, alignment)
NPY_OVERHEAD_BYTES = 4096
#: every zip entry is written with this timestamp, so that saving the same project twice
#: gives byte-identical files
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_member(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add ``data`` as the deflated member ``name`` (fixed timestamp, mode 0644)."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def npz_bytes(weights: dict[str, np.ndarray]) -> bytes:
    """An ``.npz`` archive of ``weights`` (the layout of ``np.savez``, fixed timestamps).

    Refuses (:class:`ProjectFormatError`) a dtype that reading would refuse, so a project
    is never saved in a form it cannot be opened from.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, value in weights.items():
            arr = np.ascontiguousarray(value)
            if arr.dtype.name not in SUPPORTED_DTYPES:
                raise ProjectFormatError(
                    Text(
                        "cannot save weight '{name}': dtype {dtype}; NN Studio stores "
                        "{supported} weights",
                        name=name,
                        dtype=str(arr.dtype),
                        supported=_dtypes_or(),
                    )
                )
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_DATE)
            with zf.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(member, arr, allow_pickle=False)
    return buf.getvalue()


def duplicated_names(names: list[str]) -> list[str]:
    """Names that occur more than once in ``names`` (sorted)."""
    seen: set[str] = set()
    dups: set[str] = set()
    for name in names:
        (dups if name in seen else seen).add(name)
    return sorted(dups)


def read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The inflated bytes of member ``name``; refuses a declared size over ``limit`` before
    inflating anything."""
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise ResourceLimitError(
            Text(
                "{name} declares {size} uncompressed, more than the {limit} allowed; the file "
                "is damaged or not an NN Studio project",
                name=name,
                size=size_text(info.file_size),
                limit=size_text(limit),
            )
        )
    with zf.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ResourceLimitError(
            Text("{name} is larger than the {limit} allowed", name=name, limit=size_text(limit))
        )
    return data


def parse_json(data: bytes, name: str) -> Any:
    """Parse ``data`` as UTF-8 JSON; refuses NaN, Infinity and numbers out of float range
    (naming where they are)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectJSONError(
            Text("{name} is not UTF-8 text ({error})", name=name, error=str(exc))
        ) from exc
    try:
        value = json.loads(text, parse_constant=_reject_constant(name))
    except ProjectJSONError:
        raise
    except (ValueError, RecursionError) as exc:
        raise ProjectJSONError(
            Text("{name} is not valid JSON: {error}", name=name, error=str(exc))
        ) from exc
    where = _non_finite(value)
    if where is not None:
        raise ProjectJSONError(
            Text(
                "{name}: {where} is a number too large to represent (it reads as infinity); "
                "give a finite number",
                name=name,
                where=where or Text("the document"),
            )
        )
    return value


def _reject_constant(name: str):
    def reject(constant: str) -> Any:
        raise ProjectJSONError(
            Text(
                "{name} holds the value {constant}; NaN and Infinity are not allowed",
                name=name,
                constant=constant,
            )
        )

    return reject


def _non_finite(value: Any, path: str = "") -> str | None:
    """The path (``network.nodes[2].params.rate``) of the first non-finite float, or None."""
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                return where
        elif isinstance(item, dict):
            for key, sub in item.items():
                stack.append((sub, f"{where}.{key}" if where else str(key)))
        elif isinstance(item, list):
            for i, sub in enumerate(item):
                stack.append((sub, f"{where}[{i}]"))
    return None


def weights_budget(n_values: int, n_arrays: int) -> int:
    """Largest plausible ``weights.npz`` (bytes) for ``n_values`` float64 numbers in
    ``n_arrays`` arrays (zip and ``.npy`` headers included)."""
    return 8 * n_values + (n_arrays + 1) * (NPY_OVERHEAD_BYTES + 1024)


def parse_npz(data: bytes, name: str, max_values: int) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` archive, each header checked before its data is read.

    ``max_values`` caps the number of values of all arrays together (derived from the
    network's parameter count): a header asking for more is refused before its data is
    inflated. Only :data:`SUPPORTED_DTYPES` are accepted; nothing is unpickled. Names and
    shapes are compared with the network afterwards (every mismatch listed at once).
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, ValueError, EOFError...
        if data[:6] == b"\x93NUMPY":
            raise ProjectWeightsError(
                Text("{name} is a single array, not an archive", name=name)
            ) from exc
        raise ProjectWeightsError(
            Text(
                "{name} is damaged and cannot be read ({kind}: {error}); retrain the network "
                "or restore the file",
                name=name,
                kind=type(exc).__name__,
                error=str(exc),
            )
        ) from exc
    arrays: dict[str, np.ndarray] = {}
    total = 0
    with zf:
        members = zf.infolist()
        dups = duplicated_names([m.filename for m in members])
        if dups:
            raise ProjectWeightsError(
                Text(
                    "{name} holds the array {array!r} twice; it is damaged",
                    name=name,
                    array=dups[0],
                )
            )
        for info in members:
            key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
            shape, dtype = _npy_header(zf, info, name, max_values)
            if dtype.name not in SUPPORTED_DTYPES:
                raise ProjectWeightsError(
                    Text(
                        "{name}: '{key}' has dtype {dtype}; NN Studio reads weights stored as "
                        "{supported} only",
                        name=name,
                        key=key,
                        dtype=str(dtype),
                        supported=_dtypes_or(),
                    )
                )
            count = math.prod(shape)
            total += count
            if total > max_values:
                raise ResourceLimitError(
                    Text(
                        "{name} holds more numbers than the network has parameters "
                        "({max_values}); the file is damaged",
                        name=name,
                        max_values=max_values,
                    )
                )
            arrays[key] = _npy_data(zf, info, name, key)
    return arrays


def _npy_header(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, max_values: int
) -> tuple[tuple[int, ...], np.dtype]:
    limit = 8 * max_values + NPY_OVERHEAD_BYTES
    if info.file_size > limit:
        raise ResourceLimitError(
            Text(
                "{name}: '{member}' declares {size}, more than the network's weights can take "
                "({limit}); the file is damaged",
                name=name,
                member=info.filename,
                size=size_text(info.file_size),
                limit=size_text(limit),
            )
        )
    try:
        with zf.open(info) as fh:
            version = np.lib.format.read_magic(fh)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(fh)
            elif version in ((2, 0), (3, 0)):
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(fh)
            else:
                raise ValueError(f"unsupported .npy version {version}")
    except Exception as exc:  # ValueError for bad headers, zlib/CRC errors, EOFError
        raise ProjectWeightsError(
            Text(
                "{name}: '{member}' is not a readable array ({kind}: {error})",
                name=name,
                member=info.filename,
                kind=type(exc).__name__,
                error=str(exc),
            )
        ) from exc
    del fortran
    if any(n < 0 for n in shape):
        raise ProjectWeightsError(
            Text(
                "{name}: '{member}' has a negative size {shape}",
                name=name,
                member=info.filename,
                shape=str(shape),
            )
        )
    if math.prod(shape) > max_values:
        raise ResourceLimitError(
            Text(
                "{name}: '{member}' has shape {shape}, more numbers than the network's "
                "{max_values} parameters; the file is damaged",
                name=name,
                member=info.filename,
                shape=str(shape),
                max_values=max_values,
            )
        )
    return tuple(int(n) for n in shape), np.dtype(dtype)


def _npy_data(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, key: str) -> np.ndarray:
    try:
        with zf.open(info) as fh:
            return np.array(np.lib.format.read_array(fh, allow_pickle=False))
    except Exception as exc:  # truncated data, CRC error...
        raise ProjectWeightsError(
            Text(
                "{name}: the array '{key}' is damaged ({kind}: {error}); retrain the network "
                "or restore the file",
                name=name,
                key=key,
                kind=type(exc).__name__,
                error=str(exc),
            )
        ) from exc


def check_archive_names(zf: zipfile.ZipFile) -> set[str]:
    """The member names of ``zf``; refuses duplicated names (a damaged or crafted file)."""
    names = zf.namelist()
    dups = duplicated_names(names)
    if dups:
        raise NotAProjectError(
            Text(
                "the file holds the member {member!r} twice; it is damaged or was not written "
                "by NN Studio",
                member=dups[0],
            )
        )
    return set(names)


def _dtypes_or() -> Text:
    """``"float32 or float64"``: the supported dtypes as a message piece."""
    return Text("{first} or {second}", first=SUPPORTED_DTYPES[0], second=SUPPORTED_DTYPES[1])
