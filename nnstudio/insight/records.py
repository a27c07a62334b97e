"""Run records (the run history of a project, stored by ``nnstudio.io.runs``).

:func:`make_record` builds the record of one run (Train to Stop or to the end) from the
project it started from and the history rows it produced; :func:`add_run` appends it to a
project. The CLI ``train`` and the app's training controller both use them.
"""

from __future__ import annotations

import hashlib
import json
import time

from nnstudio.graph import analyse
from nnstudio.io.runs import curves_from_rows, next_run_id

#: Metrics copied into ``final`` and ``best``.
METRICS = (
    "train_loss",
    "test_loss",
    "train_accuracy",
    "test_accuracy",
    "train_rmse",
    "test_rmse",
    "train_r2",
    "test_r2",
)


def _metrics(row: dict | None) -> dict:
    if not row:
        return {}
    return {k: row[k] for k in METRICS if row.get(k) is not None}


def network_summary(project) -> dict:
    """``{"nodes", "params", "summary"}``: e.g. ``"2-8-8-1"`` (units of the layers in order)."""
    spec = project.network
    try:
        a = analyse(spec)
        params = int(a.total_params)
        widths = [
            str(a.shapes[n][0])
            if a.shapes.get(n) and len(a.shapes[n]) == 1
            else "x".join(map(str, a.shapes[n] or ()))
            for n in a.order
            if a.kinds.get(n) in ("input", "dense", "conv2d")
        ]
    except Exception:  # noqa: BLE001 - a summary never blocks saving a run
        params, widths = 0, []
    return {"nodes": len(spec.nodes), "params": params, "summary": "-".join(widths)}


def make_record(
    project,
    rows: list[dict],
    *,
    runs: list[dict] | None = None,
    best_epoch: int | None = None,
    stopped: str = "finished",
    findings: list[str] | None = None,
    started: float | None = None,
    name: str | None = None,
) -> dict:
    """The record of a run of ``project`` (its settings as the run began) that produced
    the history ``rows`` (every epoch of the run, including any after the best that a
    failure cut from the project's history). ``runs``: the project's records so far (for
    the id). ``best_epoch``: the epoch of the kept best weights."""
    rid = next_run_id(runs or [])
    best_row = None
    if best_epoch is not None:
        best_row = next((r for r in rows if r.get("epoch") == best_epoch), None)
    stamp = time.gmtime(time.time() if started is None else started)
    return {
        "id": rid,
        "name": name or f"run {rid}",
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp),
        "stopped": stopped,
        "settings": {"training": project.training.to_dict(), "data": project.data.to_dict()},
        "network": network_summary(project),
        "curves": curves_from_rows(rows),
        "final": _metrics(rows[-1] if rows else None),
        "best": {"epoch": best_epoch, **_metrics(best_row)} if best_epoch is not None else {},
        "findings": list(findings or []),
    }


def network_key(spec) -> str:
    """A fingerprint of a network's layers and connections (positions left out): the
    replay's snapshots belong to the network with this key (``metadata["replay"]``)."""
    d = spec.to_dict()
    for node in d.get("nodes", []):
        node.pop("pos", None)
    return hashlib.sha1(json.dumps(d, sort_keys=True, default=str).encode()).hexdigest()


def keep_snapshots(project, store) -> None:
    """Put a run's :class:`~nnstudio.engine.snapshots.SnapshotStore` in ``project`` (the
    replay of its network), or drop older snapshots when it kept none."""
    project.snapshots = store.arrays() if len(store) else None
    project.metadata = dict(project.metadata or {})
    project.metadata["replay"] = {"network": network_key(project.network)}


def add_run(project, record: dict) -> None:
    """Append ``record`` to ``project.runs`` (its id made unique there)."""
    record = dict(record)
    if any(r.get("id") == record["id"] for r in project.runs):
        record["id"] = next_run_id(project.runs)
    project.runs.append(record)


def differing_settings(runs: list[dict]) -> set[str]:
    """Names (``training.learning_rate``, ``data.noise``, ``network``) of the settings that
    are not the same in every run of ``runs``."""
    flat = []
    for r in runs:
        row = {}
        for part, values in (r.get("settings") or {}).items():
            for k, v in (values or {}).items():
                row[f"{part}.{k}"] = repr(v)
        row["network"] = repr((r.get("network") or {}).get("summary"))
        flat.append(row)
    keys = set().union(*flat) if flat else set()
    return {k for k in keys if len({row.get(k) for row in flat}) > 1}
