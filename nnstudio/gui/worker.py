"""The background training worker: a QObject that lives on a QThread and owns a Session.

The worker trains a *copy* of the project, one epoch per step, and talks to the GUI only
through signals carrying copied data:

- ``snapshot(dict)`` at most ~30 times a second (throttled by time, not per epoch), with
  every Report dict produced since the previous snapshot (so curves stay complete), the
  decision-surface grid (computed only when a snapshot is due), the epoch and epochs/s;
- ``failed(str)`` with the message of a DivergenceError / NNStudioError;
- ``finished(dict)`` always, last: final weights, preprocessor and the full history.

Control (pause, resume, step, stop, learning rate) goes through thread-safe setters that
the GUI thread calls directly; the worker checks them between epochs, and pause and stop
also every few dozen steps inside an epoch (see :meth:`TrainingWorker._interrupt`).

Standard wiring (see :func:`start_worker`): ``moveToThread``, ``thread.started -> run``,
``finished -> thread.quit`` and ``deleteLater``.
"""

from __future__ import annotations

import copy
import threading
import time
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from nnstudio.engine import EpochInterrupted
from nnstudio.errors import NNStudioError

#: Minimum time between two snapshots (about 30 Hz).
SNAPSHOT_INTERVAL_S = 1.0 / 30.0
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
        self._pending_lr: float | None = None
        self._pending_settings: dict[str, Any] = {}
        self._run_budget: int | None = None
        self._done_at_start = 0
        self._learning_rate: float = float(self._project.training.learning_rate)
        self.session: Any = None
        self.epochs_run = 0
        # True while an epoch that a Step request resumed mid-way is being finished
        self._pending_step_epoch = False

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

    def request_step(self) -> None:
        """Run exactly one more epoch, then stay paused."""
        with self._cond:
            self._paused = True
            self._steps_requested += 1
            self._cond.notify_all()

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate; applied before the next epoch, state is kept."""
        with self._cond:
            self._pending_lr = float(lr)
            self._cond.notify_all()

    def update_settings(self, changes: dict[str, Any]) -> None:
        """Change live training settings (engine ``Trainer.LIVE_FIELDS``: learning_rate,
        epochs, optimizer_params, l1, l2, clip_norm) before the next epoch, keeping state."""
        with self._cond:
            changes = dict(changes)
            if "learning_rate" in changes:
                self._pending_lr = float(changes.pop("learning_rate"))
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
            # The session continues the project's history when it loaded its weights.
            history = self.session.history
            with self._cond:
                self._learning_rate = float(self.session.trainer.learning_rate)
                self._apply_lr()
            self._done_at_start = len(history)
            self._run_budget = self._budget(self._done_at_start)
            self._loop(history)
        except NNStudioError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker must never die silently
            self.failed.emit(f"Training stopped by an unexpected error: {exc!r}")
        finally:
            if self.session is not None:
                try:
                    result["weights"] = self.session.network.get_weights()
                    result["preprocessor"] = self.session.dataset.preprocessor.to_dict()
                except Exception:  # noqa: BLE001
                    result["weights"] = None
            result["history"] = [dict(row) for row in history]
            result["epochs_run"] = self.epochs_run
            self.finished.emit(result)

    def _budget(self, done: int) -> int | None:
        if self._max_epochs is not None:
            return int(self._max_epochs)
        epochs = self._project.training.epochs
        if epochs is None:
            return None
        return epochs - done if done < epochs else epochs

    def _apply_settings(self) -> None:
        changes, self._pending_settings = self._pending_settings, {}
        if not changes or self.session is None:
            return
        if "epochs" in changes:
            self._project.training.epochs = changes.pop("epochs")
            self._run_budget = self._budget(self._done_at_start)
        if changes:
            try:
                self.session.trainer.update(**changes)
            except NNStudioError as exc:
                self.warning.emit(str(exc))

    def _apply_lr(self) -> None:
        lr = self._pending_lr
        self._pending_lr = None
        if lr is not None and self.session is not None:
            self.session.trainer.learning_rate = lr
            self._learning_rate = lr

    def _wait_for_work(self) -> bool:
        """Block while paused; returns False when asked to stop. Called with no lock held."""
        with self._cond:
            while True:
                if self._pending_lr is not None:
                    self._apply_lr()
                if self._pending_settings:
                    self._apply_settings()
                if self._stop:
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

    def _loop(self, history: list[dict]) -> None:
        pending: list[dict] = []
        last_emit = 0.0
        rate_t0 = time.perf_counter()
        rate_epochs = 0
        rate = 0.0
        was_paused = None
        while self._run_budget is None or self.epochs_run < self._run_budget:
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
            try:
                # appends the epoch's row to history; _interrupt pauses/stops mid-epoch
                self.session.train_epoch(self._interrupt)
            except EpochInterrupted:
                break
            self.epochs_run += 1
            self._pending_step_epoch = False
            rate_epochs += 1
            pending.append(dict(history[-1]))
            now = time.perf_counter()
            if now - rate_t0 >= 0.5:
                rate = rate_epochs / (now - rate_t0)
                rate_t0, rate_epochs = now, 0
            if now - last_emit >= self._interval or self.is_paused:
                if rate == 0.0 and now > rate_t0:
                    rate = rate_epochs / (now - rate_t0)
                self._emit(pending, rate)
                pending = []
                last_emit = time.perf_counter()
        if pending or self.epochs_run == 0:
            self._emit(pending, rate)

    def _emit(self, reports: list[dict], rate: float) -> None:
        grid = None
        if self._grid_resolution and self.session.dataset.bounds is not None:
            xs, ys, values = self.session.grid(self._grid_resolution)
            grid = (np.array(xs, copy=True), np.array(ys, copy=True), np.array(values, copy=True))
        self.snapshot.emit(
            {
                "reports": list(reports),
                "grid": grid,
                "epoch": self.session.epochs_done,
                "epochs_run": self.epochs_run,
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
