"""Run history: one record per training run (Train to Stop or to the end), kept in the
project's optional ``runs.json`` member (see ``docs/file-format.md``).

A record is a JSON object::

    {"id": 3, "name": "run 3", "started": "2026-12-03T12:00:00Z",
     "stopped": "finished" | "stopped" | "failed: <message>",
     "settings": {"training": TrainConfig.to_dict(), "data": DataSettings.to_dict()},
     "network": {"nodes": 4, "params": 97, "summary": "2-8-8-1"},
     "curves": {"epoch": [...], "train_loss": [...], ...},   # columns of equal length
     "final": {metric: value}, "best": {"epoch": e, metric: value},
     "findings": ["[dead-units] dense_1: ...", ...]}

Curves are columns (one list per history key, numbers or null), so a long run costs one
number per metric per epoch. :func:`check_runs` validates a loaded list.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np

from nnstudio.io.archive import MAX_HISTORY_BYTES, npz_bytes, parse_json, parse_npz, weights_budget
from nnstudio.io.errors import ProjectFormatError, ProjectWeightsError
from nnstudio.text import Text

RUNS_JSON = "runs.json"
SNAPSHOTS_NPZ = "snapshots.npz"
#: At most this many numbers in ``snapshots.npz`` (256 MB of float64; the app keeps
#: 64 MB by default).
MAX_SNAPSHOT_VALUES = 32 * 1024 * 1024
#: At most this many arrays (two per snapshot).
MAX_SNAPSHOT_ARRAYS = 2 * 256
_SNAPSHOT_NAME = re.compile(r"^(\d+)\.(params|state)$")
#: Metrics kept as curves (history row keys).
CURVE_KEYS = (
    "epoch",
    "lr",
    "train_loss",
    "test_loss",
    "train_accuracy",
    "test_accuracy",
    "train_rmse",
    "test_rmse",
    "train_r2",
    "test_r2",
)
STOPPED = ("finished", "stopped")


def curves_from_rows(rows: list[dict]) -> dict[str, list]:
    """History rows -> ``{key: [value per epoch]}`` for the :data:`CURVE_KEYS` present in
    any row (missing or non-finite values become None)."""
    keys = [k for k in CURVE_KEYS if any(r.get(k) is not None for r in rows)]
    out: dict[str, list] = {}
    for k in keys:
        col = []
        for r in rows:
            v = r.get(k)
            if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v):
                col.append(int(v) if k == "epoch" else float(v))
            else:
                col.append(None)
        out[k] = col
    return out


def rows_from_curves(curves: dict[str, list]) -> list[dict]:
    """The inverse of :func:`curves_from_rows`."""
    n = max((len(v) for v in curves.values()), default=0)
    return [{k: v[i] for k, v in curves.items()} for i in range(n)]


def check_runs(value: Any, name: str = RUNS_JSON) -> list[dict]:
    """``value`` as a list of run records; raises :class:`ProjectFormatError` naming the
    first bad record and field."""
    if not isinstance(value, list):
        raise ProjectFormatError(
            Text(
                "{name} must hold a list of runs, not {kind}",
                name=name,
                kind=type(value).__name__,
            )
        )
    ids: set[int] = set()
    for i, run in enumerate(value):
        where = Text("{name}: run {i}", name=name, i=i)
        if not isinstance(run, dict):
            raise ProjectFormatError(Text("{where} must be an object", where=where))
        rid = run.get("id")
        if isinstance(rid, bool) or not isinstance(rid, int) or rid < 1 or rid in ids:
            raise ProjectFormatError(
                Text("{where}, 'id' must be a unique whole number >= 1", where=where)
            )
        ids.add(rid)
        if not isinstance(run.get("name"), str):
            raise ProjectFormatError(Text("{where}, 'name' must be text", where=where))
        for key in ("settings", "curves", "final", "best"):
            if not isinstance(run.get(key, {}), dict):
                raise ProjectFormatError(
                    Text("{where}, '{key}' must be an object", where=where, key=key)
                )
        curves = run.get("curves", {})
        lengths = set()
        for key, col in curves.items():
            if not isinstance(col, list):
                raise ProjectFormatError(
                    Text("{where}, curve '{key}' must be a list", where=where, key=key)
                )
            for v in col:
                if v is not None and (
                    isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v)
                ):
                    raise ProjectFormatError(
                        Text(
                            "{where}, curve '{key}' must hold finite numbers or null",
                            where=where,
                            key=key,
                        )
                    )
            lengths.add(len(col))
        if len(lengths) > 1:
            raise ProjectFormatError(
                Text("{where}: its curves have different lengths", where=where)
            )
        findings = run.get("findings", [])
        if not isinstance(findings, list) or not all(isinstance(f, str) for f in findings):
            raise ProjectFormatError(
                Text("{where}, 'findings' must be a list of text", where=where)
            )
    return value


def next_run_id(runs: list[dict]) -> int:
    """The id of a new record: one more than the largest so far."""
    return 1 + max((int(r.get("id", 0)) for r in runs), default=0)


def snapshots_budget() -> int:
    """Largest accepted ``snapshots.npz`` member (bytes)."""
    return weights_budget(MAX_SNAPSHOT_VALUES, MAX_SNAPSHOT_ARRAYS)


def read_snapshots(blob: bytes) -> dict[str, np.ndarray]:
    """The checked arrays of a ``snapshots.npz`` member (see :func:`check_snapshots`)."""
    return check_snapshots(parse_npz(blob, SNAPSHOTS_NPZ, MAX_SNAPSHOT_VALUES))


def check_snapshots(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays of ``snapshots.npz``: ``"<epoch>.params"`` and ``"<epoch>.state"`` flat
    vectors, both present for every epoch, all params (and all states) of one length.
    Raises :class:`ProjectWeightsError` naming the first problem. (Their length is checked
    against the network when a replay uses them.)"""
    epochs: dict[int, set[str]] = {}
    lengths: dict[str, set[int]] = {"params": set(), "state": set()}
    for name, arr in arrays.items():
        m = _SNAPSHOT_NAME.match(name)
        if m is None or arr.ndim != 1:
            raise ProjectWeightsError(
                Text(
                    "{member}: '{name}' is not a snapshot vector ('<epoch>.params' or "
                    "'<epoch>.state', one dimension)",
                    member=SNAPSHOTS_NPZ,
                    name=name,
                )
            )
        epochs.setdefault(int(m.group(1)), set()).add(m.group(2))
        lengths[m.group(2)].add(arr.shape[0])
        if not np.isfinite(arr).all():
            raise ProjectWeightsError(
                Text("{member}: '{name}' contains NaN or infinity", member=SNAPSHOTS_NPZ, name=name)
            )
    for epoch, kinds in epochs.items():
        if kinds != {"params", "state"}:
            raise ProjectWeightsError(
                Text(
                    "{member}: epoch {epoch} lacks params or state",
                    member=SNAPSHOTS_NPZ,
                    epoch=epoch,
                )
            )
    if len(lengths["params"]) > 1 or len(lengths["state"]) > 1:
        raise ProjectWeightsError(
            Text("{member}: the snapshots have different sizes", member=SNAPSHOTS_NPZ)
        )
    return arrays


def snapshot_epochs(arrays: dict[str, np.ndarray] | None) -> list[int]:
    """The epochs of a checked snapshots mapping, in order."""
    if not arrays:
        return []
    return sorted({int(n.split(".")[0]) for n in arrays})


def run_members(runs: list[dict], snapshots: dict | None) -> list[tuple[str, bytes]]:
    """The optional members a project with ``runs`` and ``snapshots`` saves (none when
    both are empty); raises ValueError for values JSON cannot hold."""
    out = []
    if runs:
        out.append((RUNS_JSON, json.dumps(runs, separators=(",", ":"), allow_nan=False).encode()))
    if snapshots:
        out.append((SNAPSHOTS_NPZ, npz_bytes(snapshots)))
    return out


def read_run_members(names: set[str], unpack) -> tuple[list[dict], dict | None]:
    """``(runs, snapshots)`` of a project archive whose member ``names`` are given;
    ``unpack(name, limit) -> bytes`` reads one (with its size limit). Absent members give
    ``([], None)`` (files written before run history existed)."""
    runs: list[dict] = []
    snapshots = None
    if RUNS_JSON in names:
        runs = check_runs(parse_json(unpack(RUNS_JSON, MAX_HISTORY_BYTES), RUNS_JSON))
    if SNAPSHOTS_NPZ in names:
        snapshots = read_snapshots(unpack(SNAPSHOTS_NPZ, snapshots_budget()))
    return runs, snapshots
