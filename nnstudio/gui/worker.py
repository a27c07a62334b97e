"""The background training worker: a QObject that lives on a QThread and owns a Session.

The worker trains a *copy* of the project, one epoch per step, and talks to the GUI only
through signals carrying copied data:

- ``snapshot(dict)`` at most ~60 times a second (throttled by time, not per epoch), with
  every Report dict produced since the previous snapshot (so curves stay complete), the
  decision-surface grid (computed only when a snapshot is due), the epoch and epochs/s.
  Once the GUI calls :meth:`TrainingWorker.frame_shown` for a snapshot, the worker sends
  the next one only after the previous one was taken (one snapshot in flight at most, so
  a busy GUI thread never finds a backlog of stale frames, and the worker computes no
  grid nobody will see); the reports in between join the next snapshot;
- ``failed(str)`` with the message of a DivergenceError / DegradedError / NNStudioError
  (after a divergence or degradation the weights in ``finished`` are the run's best);
- ``warning(str)`` for a refused live setting, and once at the start for each of the
  trainer's notes (e.g. BatchNorm dropping a last batch of one);
- ``finished(dict)`` always, last: final weights, preprocessor, the full history,
  ``best_epoch`` and ``best_weights`` (the run's best epoch and its weights, for a
  "Restore best" action; None before any epoch).

The epochs run through ``Session.run``, the training loop the CLI also uses (budget, best
weights, divergence and degradation checks live there). Control (pause, resume, step,
stop) and live settings (:meth:`TrainingWorker.update_settings`, the only route: the
names are ``nnstudio.engine.training.LIVE_SETTINGS``) go through thread-safe setters that
the GUI thread calls directly; the worker applies them between epochs and at the pause
points inside an epoch (pause and stop act every few dozen steps, see
:meth:`TrainingWorker._interrupt`).

Standard wiring (see :func:`start_worker`): ``moveToThread``, ``thread.started -> run``,
``finished -> thread.quit`` and ``deleteLater``.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from nnstudio.engine.probe import grid_probe
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import core_tr

#: Minimum time between two snapshots (about 60 Hz).
SNAPSHOT_INTERVAL_S = 1.0 / 60.0
#: Longest wait for the GUI to take the previous snapshot before sending the next.
FRAME_TIMEOUT_S = 0.25
#: Minimum time between two neuron-view probes (every unit's map; about 30 Hz).
PROBE_INTERVAL_S = 1.0 / 30.0
#: Resolution of the decision-surface grid sent with snapshots.
GRID_RESOLUTION = 100


class TrainingWorker(QObject):
    """Trains a copy of ``project`` on the thread it is moved to.

    Args:
        project: the project to train (deep-copied here, so the GUI may keep editing its own).
        max_epochs: epochs to run in this run; ``None`` uses the project's training config
            (remaining epochs of a fixed budget, or unlimited).
        start_paused: build the session, then wait for :meth:`resume` or :meth:`step`.
        grid_resolution: side of the decision-surface grid (0 disables the surface).
    """

    snapshot = Signal(object)  # dict; object avoids a QVariantMap round trip
    failed = Signal(str)
    finished = Signal(object)  # dict
    pausedChanged = Signal(bool)
    warning = Signal(str)  # a live setting was refused; training goes on

    def __init__(
        self,
        project: Any,
        *,
        max_epochs: int | None = None,
        start_paused: bool = False,
        grid_resolution: int = GRID_RESOLUTION,
        snapshot_interval: float = SNAPSHOT_INTERVAL_S,
    ) -> None:
        super().__init__()
        self._project = copy.deepcopy(project)
        self._max_epochs = max_epochs
        self._grid_resolution = grid_resolution
        self._interval = snapshot_interval
        self._cond = threading.Condition()
        self._stop = False
        self._paused = start_paused
        self._steps_requested = 0
        self._pending_settings: dict[str, Any] = {}
        self._learning_rate: float = float(self._project.training.learning_rate)
        self.session: Any = None
        self.epochs_run = 0
        # True while an epoch that a Step request resumed mid-way is being finished
        self._pending_step_epoch = False
        self._probe_units = False  # the neuron view wants every unit's map
        self._next_probe = 0.0  # when the next probe is due (a schedule, not a gap)
        self._view_probe: Any = None  # probe(session) -> dict joining each snapshot
        self._image_probe: Any = None  # the same for the image views (gui.image_views)
        self.insight: Any = None  # issue 11: insight.live.RunMonitor (stats, diagnosis)
        self._failure: str | None = None
        # back-pressure: None until the GUI first calls frame_shown (then it acks each
        # snapshot); True while a snapshot is on its way to the GUI
        self._in_flight: bool | None = None

    # ----------------------------------------------------------------- control (any thread)
    def stop(self) -> None:
        """Ask the loop to end within a few dozen steps (wakes a paused worker)."""
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def frame_shown(self) -> None:
        """The GUI took the last snapshot (any thread): the next one may be sent. A GUI
        that never calls this gets snapshots at the full rate."""
        self._in_flight = False

    def set_probe_units(self, on: bool) -> None:
        """Send every unit's map and the Dense weights with snapshots (at most every
        PROBE_INTERVAL_S) for the neuron view; off sends the decision surface only."""
        with self._cond:
            self._probe_units = bool(on)

    def set_view_probe(self, probe: Any) -> None:
        """``probe(session) -> dict`` (NumPy only) runs in the worker's thread at each
        snapshot and its items join it: a feature-pair ``"grid"`` when the data is not
        2-D, the projection view's outputs (``gui.table_views``). None removes it."""
        with self._cond:
            self._view_probe = probe

    def set_image_probe(self, probe: Any) -> None:
        """Like :meth:`set_view_probe`, for the image views' ``"image_views"`` item (test
        predictions, first-conv filters, feature maps). None removes it."""
        with self._cond:
            self._image_probe = probe

    def request_step(self) -> None:
        """Run exactly one more epoch, then stay paused."""
        with self._cond:
            self._paused = True
            self._steps_requested += 1
            self._cond.notify_all()

    def update_settings(self, changes: dict[str, Any]) -> None:
        """Change live training settings (``nnstudio.engine.training.LIVE_SETTINGS``:
        learning_rate, epochs, optimizer_params, l1, l2, clip_norm), keeping optimizer
        state; applied at the next pause point (between epochs, or every few dozen steps
        while paused). A refused change is reported through ``warning``."""
        with self._cond:
            self._pending_settings.update(changes)
            self._cond.notify_all()

    @property
    def is_paused(self) -> bool:
        with self._cond:
            return self._paused

    @property
    def learning_rate(self) -> float:
        """The learning rate the trainer currently uses (after pending changes apply)."""
        with self._cond:
            return self._learning_rate

    # ------------------------------------------------------------------------ the loop
    @Slot()
    def run(self) -> None:
        """Build the session and train until done, stopped or failed; always emits finished."""
        result: dict[str, Any] = {"weights": None, "preprocessor": None, "history": None}
        history: list[dict] = []
        try:
            from nnstudio.session import Session

            self.session = Session.from_project(self._project)
            from nnstudio.insight.live import RunMonitor

            self.insight = RunMonitor(self.session)
            # The session continues the project's history when it loaded its weights.
            history = self.session.history
            for note in self.session.trainer.notes:  # Signal(str) would drop the Text
                self.warning.emit(core_tr(note))
            # the one training loop; its budget follows the project's Epochs (live)
            rows = self.session.run(self._max_epochs, interrupt=self._interrupt)
            with self._cond:
                self._learning_rate = float(self.session.trainer.learning_rate)
                self._apply_settings()
            self._loop(rows)
        except NNStudioError as exc:
            self._failure = core_tr(exc)
            self.failed.emit(core_tr(exc))
        except Exception as exc:  # noqa: BLE001 - a worker must never die silently
            self.failed.emit(f"Training stopped by an unexpected error: {exc!r}")
        finally:
            if self.session is not None:
                try:
                    result["weights"] = self.session.network.get_weights()
                    result["preprocessor"] = self.session.dataset.preprocessor.to_dict()
                    # for a "Restore best" action: the best epoch's weights (copies)
                    result["best_epoch"] = self.session.best_epoch
                    result["best_weights"] = self.session.best_weights
                except Exception:  # noqa: BLE001
                    result["weights"] = None
            result["history"] = [dict(row) for row in history]
            result["epochs_run"] = self.epochs_run
            result.setdefault("best_epoch", None)
            result.setdefault("best_weights", None)
            if self.insight is not None:  # issue 11: final diagnosis, run rows, snapshots
                try:
                    result["insight"] = self.insight.finish(self._failure)
                except Exception:  # noqa: BLE001
                    result["insight"] = None
            self.finished.emit(result)

    @property
    def run_budget(self) -> int | None:
        """Epochs this run will train in all (run so far + left; None = unlimited)."""
        left = None if self.session is None else self.session.trainer.epochs_left()
        return None if left is None else self.epochs_run + left

    def _apply_settings(self) -> None:
        """Hand pending live settings to the trainer (worker thread, lock held)."""
        changes, self._pending_settings = self._pending_settings, {}
        if not changes or self.session is None:
            return
        for name, value in changes.items():  # one refused setting does not block the rest
            try:
                self.session.trainer.update(**{name: value})
            except NNStudioError as exc:
                self.warning.emit(core_tr(exc))
        self._learning_rate = float(self.session.trainer.learning_rate)

    def _wait_for_work(self) -> bool:
        """Block while paused; returns False when asked to stop. Called with no lock held."""
        with self._cond:
            while True:
                if self._pending_settings:
                    self._apply_settings()
                if self._stop or self.session.trainer.epochs_left() == 0:
                    return False
                if not self._paused:
                    return True
                if self._steps_requested > 0:
                    self._steps_requested -= 1
                    return True
                self._cond.wait(0.1)

    def _interrupt(self) -> bool:
        """Called by the trainer every few dozen steps inside an epoch (worker thread).

        A pause requested mid-epoch blocks here (a long epoch stops moving at once, and
        resumes exactly where it was); a stop returns True, which ends the epoch early.
        A step request while paused lets the current epoch finish.
        """
        with self._cond:
            if self._stop:
                return True
            if not self._paused or self._pending_step_epoch:
                return False
        self.pausedChanged.emit(True)
        go_on = self._wait_for_work()
        if go_on:
            # a step request consumed here finishes this epoch; the loop then pauses again
            self._pending_step_epoch = self.is_paused
        self.pausedChanged.emit(self.is_paused)
        return not go_on

    def _loop(self, rows: Iterator[dict]) -> None:
        pending: list[dict] = []
        last_emit = 0.0
        next_emit = 0.0  # a schedule: the time an emit takes does not lengthen the period
        rate_t0 = time.perf_counter()
        rate_epochs = 0
        rate = 0.0
        was_paused = None
        while self.session.trainer.epochs_left() != 0:
            paused = self.is_paused
            if paused != was_paused:
                self.pausedChanged.emit(paused)
                was_paused = paused
            if paused and pending:
                self._emit(pending, rate)
                pending = []
            if not self._wait_for_work():
                break
            # still paused: this epoch runs because of a Step request, so it runs to its end
            self._pending_step_epoch = self.is_paused
            if paused:  # restart the rate clock after a pause
                rate_t0, rate_epochs = time.perf_counter(), 0
            # one epoch of the loop (its row is also appended to the session's history);
            # _interrupt pauses or stops mid-epoch, and a stop ends the generator
            row = next(rows, None)
            if row is None:
                break
            self.epochs_run += 1
            self._pending_step_epoch = False
            rate_epochs += 1
            pending.append(dict(row))
            self.insight.on_epoch(row)
            now = time.perf_counter()
            if now - rate_t0 >= 0.5:
                rate = rate_epochs / (now - rate_t0)
                rate_t0, rate_epochs = now, 0
            due = now >= next_emit and not self._in_flight
            # a frame still in flight for long (a GUI busy elsewhere): send anyway, so
            # reports never wait more than a few frames
            due = due or now - last_emit >= FRAME_TIMEOUT_S
            if due or self.is_paused:
                if rate == 0.0 and now > rate_t0:
                    rate = rate_epochs / (now - rate_t0)
                self._emit(pending, rate)
                pending = []
                last_emit = now
                # due times advance by the interval (~60 a second even when an emit
                # takes a few ms); a schedule far behind restarts (no bursts)
                next_emit = max(next_emit + self._interval, now + self._interval / 2)
        if pending or self.epochs_run == 0:
            self._emit(pending, rate)

    def _emit(self, reports: list[dict], rate: float) -> None:
        grid = None
        probe: dict = {}
        bounds = self.session.dataset.bounds
        if self._grid_resolution and bounds is not None:
            now = time.perf_counter()
            with self._cond:
                units = self._probe_units and now >= self._next_probe
            if units:
                # due times advance by the interval, so snapshots 22 ms apart still give
                # ~30 probes a second; a schedule far behind restarts (no bursts)
                self._next_probe = max(
                    self._next_probe + PROBE_INTERVAL_S, now - PROBE_INTERVAL_S / 2
                )
            # the surface (and with units every unit's map) from one forward pass
            probe = grid_probe(
                self.session.network,
                self.session.dataset.preprocessor.transform,
                bounds,
                self._grid_resolution,
                units=units,
            )
            grid = probe.pop("grid")
        with self._cond:
            view_probe, image_probe = self._view_probe, self._image_probe
        if view_probe is not None:
            probe.update(view_probe(self.session))
            grid = probe.pop("grid", grid)
        if image_probe is not None:
            probe.update(image_probe(self.session))
        insight = self.insight.refresh(force=self.is_paused) if self.insight else {}
        if self._in_flight is not None:
            self._in_flight = True
        self.snapshot.emit(
            {
                **probe,  # "units" and "weights" (float32 copies) when probed
                **insight,  # "insight": layer statistics, results, findings (issue 11)
                "reports": list(reports),
                "grid": grid,
                "epoch": self.session.epochs_done,
                "epochs_run": self.epochs_run,
                "budget": self.run_budget,
                "epochs_per_s": rate,
                "lr": self.learning_rate,
                "time": time.perf_counter(),
            }
        )


def start_worker(worker: TrainingWorker, parent: QObject | None = None) -> QThread:
    """Move ``worker`` to a new QThread with the standard wiring and start it."""
    thread = QThread(parent)
    thread.setObjectName("nnstudio-training")
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit from the worker thread itself, so a GUI thread blocked in wait() never
    # deadlocks waiting for a queued quit.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    # No worker.deleteLater: the worker is a Python-owned QObject, so the owner drops its
    # reference after thread.wait() (a deleteLater racing the Python wrapper's own delete
    # crashes).
    thread.start()
    return thread
