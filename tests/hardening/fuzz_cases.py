"""Deterministic mutations of project files for the fuzz suite (test_fuzz_project_format).

A *base* is the bytes of a valid project (every template untrained and trained, and a
network using every layer kind). :func:`mutate` applies one random mutation, chosen with a
seeded ``random.Random``, and returns a description (to reproduce a failure) and the new
bytes. Mutations cover JSON values (wrong types, non-finite and huge numbers, negative
sizes, unicode including lone surrogates, missing and extra keys), the zip's member list
(missing, extra, duplicated, renamed, garbage), the ``.npy`` arrays of ``weights.npz``
(dtypes, shapes, headers claiming huge arrays, NaN values, truncated data) and raw bytes.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from typing import Any

import numpy as np


class Raw(str):
    """A JSON token written as is (``1e400``, ``NaN``...)."""


VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2,
    3,
    7,
    0.5,
    -0.5,
    1e-300,
    1e300,
    10**6,
    10**9,
    10**12,
    -(10**9),
    2**63,
    "",
    "a",
    "relu",
    "xor",
    "adam",
    "csv",
    "\ud800",
    "x\udfffy",
    "é☃𝔘",
    "../../etc/passwd",
    "/dev/zero",
    "x" * 300,
    [],
    [1],
    [None],
    ["x1", "x2"],
    {},
    {"a": 1},
    Raw("1e400"),
    Raw("-1e400"),
    Raw("NaN"),
    Raw("Infinity"),
    Raw("-Infinity"),
    Raw("1" + "0" * 5000),
]

DTYPES = ["float16", "complex64", "int32", "int64", "bool", "longdouble", "float32", "float64"]


def read_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def write_parts(parts: list[tuple[str, bytes]]) -> bytes:
    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicated names are intended
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in parts:
                zf.writestr(name, data)
    return buf.getvalue()


def _dumps(value: Any) -> str:
    """JSON with :class:`Raw` tokens written unquoted (lone surrogates escaped)."""
    tokens: dict[str, str] = {}

    def swap(v: Any) -> Any:
        if isinstance(v, Raw):
            key = f"@@RAW{len(tokens)}@@"
            tokens[key] = str(v)
            return key
        if isinstance(v, dict):
            return {k: swap(x) for k, x in v.items()}
        if isinstance(v, list):
            return [swap(x) for x in v]
        return v

    text = json.dumps(swap(value))
    for key, token in tokens.items():
        text = text.replace(f'"{key}"', token)
    return text


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def _get(doc: Any, path: tuple) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def mutate_json(rng: random.Random, text: bytes) -> tuple[str, bytes]:
    doc = json.loads(text)
    paths = [p for p in _paths(doc) if p]
    if not paths:
        return "replace document", _dumps(rng.choice(VALUES)).encode()
    path = rng.choice(paths)
    parent, key = _get(doc, path[:-1]), path[-1]
    op = rng.random()
    if op < 0.7:
        value = rng.choice(VALUES)
        parent[key] = value
        what = f"set {path} = {value!r:.40}"
    elif op < 0.8 and isinstance(parent, dict):
        del parent[key]
        what = f"delete {path}"
    elif op < 0.9:
        target = _get(doc, path)
        if isinstance(target, dict):
            target[rng.choice(["extra", "units", "\ud800", ""])] = rng.choice(VALUES)
            what = f"add key in {path}"
        elif isinstance(target, list):
            target.append(rng.choice(target) if target else rng.choice(VALUES))
            what = f"append to {path}"
        else:
            parent[key] = -abs(target) if isinstance(target, int | float) else target
            what = f"negate {path}"
    else:
        if isinstance(parent, list) and parent:
            parent.insert(0, parent[-1])  # duplicated entry (node, edge, history row)
            what = f"duplicate in {path[:-1]}"
        else:
            parent[key] = [parent[key]]
            what = f"wrap {path} in a list"
    return what, _dumps(doc).encode()


def _npz_arrays(blob: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, array, allow_pickle=True)
    return buf.getvalue()


def _header_claiming(shape: tuple[int, ...], descr: str = "<f8") -> bytes:
    buf = io.BytesIO()
    header = {"descr": descr, "fortran_order": False, "shape": shape}
    np.lib.format.write_array_header_1_0(buf, header)
    return b"\x93NUMPY\x01\x00" + buf.getvalue()[8:] + b"\0" * 16


def mutate_weights(rng: random.Random, blob: bytes) -> tuple[str, bytes]:
    members = _npz_arrays(blob)
    i = rng.randrange(len(members))
    name, data = members[i]
    arr = np.lib.format.read_array(io.BytesIO(data), allow_pickle=False)
    op = rng.randrange(11)
    if op == 0:
        dtype = rng.choice(DTYPES)
        members[i] = (name, _npy(arr.astype(dtype)))
        what = f"{name} as {dtype}"
    elif op == 1:
        members[i] = (name, _npy(np.array([object()] * max(1, arr.size), dtype=object)))
        what = f"{name} as pickled objects"
    elif op == 2:
        shape = rng.choice([(), (0,), (1, *arr.shape), arr.shape[::-1], (arr.size + 1,)])
        members[i] = (name, _npy(np.zeros(shape, dtype=arr.dtype)))
        what = f"{name} shape {shape}"
    elif op == 3:
        shape = rng.choice([(10**5, 10**5), (2**40,), (10**9, 3), (-1, 4)])
        members[i] = (name, _header_claiming(shape))
        what = f"{name} header claiming {shape}"
    elif op == 4:
        bad = arr.astype(np.float64).copy()
        bad.flat[0] = rng.choice([np.nan, np.inf, -np.inf, 1e300])
        with np.errstate(over="ignore"):  # 1e300 in float32 is infinity: intended
            members[i] = (name, _npy(bad.astype(arr.dtype)))
        what = f"{name} with a non-finite value"
    elif op == 5:
        members[i] = (name, data[: rng.randrange(1, max(2, len(data)))])
        what = f"{name} truncated"
    elif op == 6:
        del members[i]
        what = f"{name} removed"
    elif op == 7:
        members.append((rng.choice(["extra.npy", name, "dense_9.weight.npy", "x"]), data))
        what = f"extra array next to {name}"
    elif op == 8:
        flipped = bytearray(data)
        pos = rng.randrange(min(len(flipped), 80))
        flipped[pos] = rng.randrange(256)
        members[i] = (name, bytes(flipped))
        what = f"{name} header byte {pos} changed"
    elif op == 9:
        return f"weights.npz replaced by the single array {name}", data
    else:
        members[i] = (name.replace(".npy", ".bin"), data)
        what = f"{name} renamed"
    return what, write_parts(members)


MEMBERS = ["project.json", "weights.npz", "history.json", "history.csv", "extra.txt"]


def mutate_members(rng: random.Random, parts: list[tuple[str, bytes]]) -> tuple[str, list]:
    parts = list(parts)
    op = rng.randrange(7)
    i = rng.randrange(len(parts))
    name = parts[i][0]
    if op == 0:
        del parts[i]
        return f"member {name} removed", parts
    if op == 1:
        extra = rng.choice(MEMBERS)
        parts.append((extra, rng.choice([b"", b"\x00" * 10, b"{}", b"[]", b"epoch\n1\n"])))
        return f"extra member {extra}", parts
    if op == 2:
        parts.append(parts[i])
        return f"member {name} duplicated", parts
    if op == 3:
        parts[i] = (rng.choice(MEMBERS), parts[i][1])
        return f"member {name} renamed to {parts[i][0]}", parts
    if op == 4:
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 64)))
        parts[i] = (name, junk)
        return f"member {name} replaced by junk", parts
    if op == 5:
        parts[i] = (name, b"\xef\xbb\xbf" + parts[i][1])
        return f"member {name} with a BOM", parts
    history = "epoch,train_loss,test_loss\n" + rng.choice(
        ["1,0.5,0.6", ",0.5,", "abc,1,2", "1e400,1,1"]
    )
    parts = [p for p in parts if not p[0].startswith("history")]
    parts.append(("history.csv", history.encode()))
    return "history.csv instead of history.json", parts


def mutate(rng: random.Random, base: bytes) -> tuple[str, bytes]:
    """One random mutation of the project bytes ``base``: (description, new bytes)."""
    parts = read_parts(base)
    names = [n for n, _ in parts]
    roll = rng.random()
    if roll < 0.45:
        what, text = mutate_json(rng, dict(parts)["project.json"])
        parts = [(n, text if n == "project.json" else d) for n, d in parts]
        return f"project.json: {what}", write_parts(parts)
    if roll < 0.55 and "history.json" in names:
        what, text = mutate_json(rng, dict(parts)["history.json"])
        parts = [(n, text if n == "history.json" else d) for n, d in parts]
        return f"history.json: {what}", write_parts(parts)
    if roll < 0.75 and "weights.npz" in names:
        what, blob = mutate_weights(rng, dict(parts)["weights.npz"])
        parts = [(n, blob if n == "weights.npz" else d) for n, d in parts]
        return f"weights.npz: {what}", write_parts(parts)
    if roll < 0.95:
        what, parts = mutate_members(rng, parts)
        return what, write_parts(parts)
    data = bytearray(base)
    for _ in range(rng.randrange(1, 4)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return "raw bytes changed", bytes(data)
