"""Live insight into a training run: what the GUI worker adds to its snapshots.

A :class:`RunMonitor` watches one :class:`~nnstudio.session.Session` run from the worker's
thread. After every epoch (:meth:`RunMonitor.on_epoch`) it records the history row and
offers the weights to its :class:`~nnstudio.engine.snapshots.SnapshotStore` (a copy only
when the epoch is kept). At most every :data:`STATS_INTERVAL_S` (and when asked to), it
computes the per-layer statistics (one batched forward pass plus one gradient pass), the
task's results (confusion matrices or residuals) and the diagnosis, and returns them as
copies to join the snapshot under ``"insight"``. :meth:`RunMonitor.finish` gives the final
diagnosis, the run's rows, the per-layer history and the snapshots.
"""

from __future__ import annotations

import math
import time

import numpy as np

from nnstudio.engine.layerstats import ACTIVATION_ROWS
from nnstudio.engine.snapshots import DEFAULT_BUDGET_BYTES, SnapshotStore
from nnstudio.insight.diagnose import diagnose
from nnstudio.insight.evidence import session_evidence, session_stats
from nnstudio.insight.results import session_results

#: Minimum time between two statistics refreshes (seconds).
STATS_INTERVAL_S = 0.5
#: A refresh waits at least this many times its own cost before the next one, so large
#: networks and datasets (images) spend at most about 5 % of the run on it.
COST_FACTOR = 20.0
#: Live results use at most this many rows of each split.
LIVE_RESULT_ROWS = 20_000
#: Memory for a run's weight snapshots when RunMonitor is not given a budget (the app's
#: Replay dock sets it: :func:`set_snapshot_budget`).
_budget = [DEFAULT_BUDGET_BYTES]


def set_snapshot_budget(nbytes: int) -> None:
    """Memory (bytes) the snapshots of the next runs may take (default 64 MB)."""
    _budget[0] = max(0, int(nbytes))


def snapshot_budget() -> int:
    return _budget[0]


#: Columns of the per-layer history (refreshes); when full, every other one is dropped.
MAX_COLUMNS = 400
#: What the per-layer history keeps per refresh.
HIST_KEYS = ("weight_hist", "grad_hist", "act_hist")
SCALAR_KEYS = ("grad_norm", "weight_norm", "dead", "saturated")


class LayerHistory:
    """Per-layer statistics over a run: one column per refresh (epochs across)."""

    def __init__(self, max_columns: int = MAX_COLUMNS) -> None:
        self.max_columns = max_columns
        self.epochs: list[int] = []
        self.layers: dict[str, dict[str, list]] = {}

    def add(self, epoch: int, stats: dict) -> None:
        if self.epochs and epoch == self.epochs[-1]:
            self._drop(len(self.epochs) - 1)  # the same epoch again: replace it
        self.epochs.append(int(epoch))
        n = len(self.epochs)
        for nid in stats["order"]:
            s = stats["layers"][nid]
            cols = self.layers.setdefault(nid, {k: [] for k in HIST_KEYS + SCALAR_KEYS})
            for k in HIST_KEYS + SCALAR_KEYS:
                col = cols[k]
                col.extend([None] * (n - 1 - len(col)))  # a layer that appeared later
                col.append(s.get(k))
        for cols in self.layers.values():
            for col in cols.values():
                col.extend([None] * (n - len(col)))
        if len(self.epochs) > self.max_columns:
            keep = list(range(0, len(self.epochs) - 1, 2)) + [len(self.epochs) - 1]
            self.epochs = [self.epochs[i] for i in keep]
            for cols in self.layers.values():
                for k, col in cols.items():
                    cols[k] = [col[i] for i in keep]

    def _drop(self, i: int) -> None:
        del self.epochs[i]
        for cols in self.layers.values():
            for col in cols.values():
                if len(col) > i:
                    del col[i]

    def image(self, node_id: str, key: str) -> np.ndarray | None:
        """(columns, bins) float32 of a histogram key (zeros where missing), or None."""
        cols = self.layers.get(node_id, {}).get(key)
        if not cols or all(c is None for c in cols):
            return None
        width = next(len(c) for c in cols if c is not None)
        return np.array([c if c is not None else np.zeros(width) for c in cols], np.float32)

    def series(self, node_id: str, key: str) -> np.ndarray:
        """(columns,) float64 of a scalar key (NaN where missing)."""
        cols = self.layers.get(node_id, {}).get(key) or []
        return np.array([math.nan if c is None else c for c in cols], dtype=np.float64)

    def copy(self) -> LayerHistory:
        other = LayerHistory(self.max_columns)
        other.epochs = list(self.epochs)
        other.layers = {
            nid: {k: list(v) for k, v in cols.items()} for nid, cols in self.layers.items()
        }
        return other


class RunMonitor:
    """Statistics, results, diagnosis and snapshots of one run of ``session``."""

    def __init__(
        self,
        session,
        *,
        budget: int | None = None,
        interval: float = STATS_INTERVAL_S,
        clock=time.perf_counter,
    ) -> None:
        self.session = session
        net = session.network
        budget = snapshot_budget() if budget is None else budget
        self.snapshots = SnapshotStore(net.n_params, net.flat_state.size, net.dtype, budget=budget)
        self.snapshots.offer(session.epochs_done, net.flat_params, net.flat_state)
        self.rows: list[dict] = []
        self.history = LayerHistory()
        self.interval = float(interval)
        self._clock = clock
        self._last = -math.inf
        self._gap = self.interval
        self.findings: list = []

    def on_epoch(self, row: dict) -> None:
        """After each epoch (worker thread): keep the row, offer a snapshot."""
        self.rows.append(row)
        net = self.session.network
        self.snapshots.offer(int(row["epoch"]), net.flat_params, net.flat_state)

    def refresh(
        self, force: bool = False, failure: str | None = None, rows: int | None = ACTIVATION_ROWS
    ) -> dict:
        """``{"insight": {...}}`` when a refresh is due (or ``force``), else ``{}``:
        ``epoch``, ``stats`` (layer_stats with histograms), ``results`` (task results),
        ``findings`` (``Finding.to_dict()`` list), ``history`` (a copy of the per-layer
        history) and ``snapshot_epochs``."""
        now = self._clock()
        if not force and now - self._last < self._gap:
            return {}
        session = self.session
        with np.errstate(all="ignore"):
            stats = session_stats(session, activation_rows=rows)
            results = session_results(session, LIVE_RESULT_ROWS)
        epoch = session.epochs_done
        self.history.add(epoch, stats)
        ev = session_evidence(session, rows=self.rows, stats=stats, failure=failure)
        self.findings = diagnose(ev)
        self._last = self._clock()
        self._gap = max(self.interval, COST_FACTOR * (self._last - now))
        return {
            "insight": {
                "epoch": epoch,
                "stats": stats,
                "results": results,
                "findings": [f.to_dict() for f in self.findings],
                "history": self.history.copy(),
                "snapshot_epochs": list(self.snapshots.epochs),
            }
        }

    def finish(self, failure: str | None = None) -> dict:
        """The run's insight for the worker's ``finished`` dict: the last refresh
        (forced) plus ``rows`` (every epoch of the run), ``snapshots`` (the store; read it
        only after the worker's thread ended) and ``failure``. (The best weights are in the
        worker's result already: ``best_weights``, ``best_epoch``.)"""
        net = self.session.network
        if failure is None and self.rows:  # the final weights are always in the replay
            epoch = int(self.rows[-1]["epoch"])
            self.snapshots.offer(epoch, net.flat_params, net.flat_state, force=True)
        n = len(self.session.dataset.y_train)  # the whole split when that is affordable
        rows = None if n <= LIVE_RESULT_ROWS else ACTIVATION_ROWS
        out = self.refresh(force=True, failure=failure, rows=rows)["insight"]
        out["rows"] = [dict(r) for r in self.rows]
        out["snapshots"] = self.snapshots
        out["failure"] = failure
        return out
