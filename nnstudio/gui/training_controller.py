"""The training controller: one run at a time, on a QThread, for the window's document.

It owns the :class:`~nnstudio.gui.worker.TrainingWorker` and its thread, locks the document
while a run goes on, forwards edits of live settings (the engine's ``LIVE_SETTINGS``) to
the worker, counts the project's epochs for the status bar, and stores the run's weights
in the document when it ends. The window only asks it to start, pause, step and stop, and
draws what its signals carry.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal

from nnstudio.gui.commands import LIVE_SETTINGS
from nnstudio.gui.worker import TrainingWorker, start_worker

TRAINING_LOCK = QT_TRANSLATE_NOOP("catalog", "Training is running")  # shown translated


class TrainingController(QObject):
    """Start, pause, step and stop training of ``document``'s project.

    Signals:
        started(): a run began (the worker exists).
        snapshot(dict): a worker snapshot, with ``"epoch"`` rewritten as the project's
            epoch and ``"budget"`` as this run's epoch budget (None when unlimited).
        finished(dict): the run ended; its weights are already in the document.
        stateChanged(): running or paused changed (update buttons and labels).
        failed(str): the run stopped on an error (divergence, invalid settings).
        warning(str): a live setting was refused; training goes on.
    """

    started = Signal()
    snapshot = Signal(object)
    finished = Signal(object)
    stateChanged = Signal()
    failed = Signal(str)
    warning = Signal(str)

    def __init__(self, document: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.worker: TrainingWorker | None = None
        self.thread: QThread | None = None
        self.last_thread: QThread | None = None
        #: the project's epoch count (history rows), updated as reports arrive
        self.total_epochs = len(document.project.history or [])
        self.run_epochs = 0
        self.budget: int | None = None
        self.last_report: dict | None = None
        self._live: dict[str, Any] = {}
        document.trainingChanged.connect(self._send_live_settings)

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self.worker is not None

    @property
    def paused(self) -> bool:
        return self.worker is not None and self.worker.is_paused

    def reset_count(self) -> None:
        """Count epochs from the document's history again (after load, reset, import)."""
        self.total_epochs = len(self.document.project.history or [])
        self.last_report = None

    # ------------------------------------------------------------------ control
    def toggle(self) -> None:
        """Start, pause or resume."""
        if self.worker is None:
            self.start()
        elif self.worker.is_paused:
            self.resume()
        else:
            self.pause()

    def start(self, max_epochs: int | None = None, *, paused: bool = False) -> bool:
        """Start a run (``max_epochs`` overrides the project's epochs); False if refused.

        Without ``max_epochs`` the worker takes its budget from the project's epochs, so
        editing Epochs during the run moves the end of the run.
        """
        if self.worker is not None:
            if not paused:
                self.resume()
            return True
        if self.document.problems():
            return False
        project = self.document.project
        # a run continues the stored history only when the project holds its weights
        self.total_epochs = len(project.history or []) if project.weights is not None else 0
        self.run_epochs = 0
        self.budget = max_epochs
        self.last_report = None
        self._live = {k: v for k, v in project.training.to_dict().items() if k in LIVE_SETTINGS}
        worker = TrainingWorker(project, max_epochs=max_epochs, start_paused=paused)
        worker.snapshot.connect(self._on_snapshot)
        worker.failed.connect(self.failed)
        worker.finished.connect(self._on_finished)
        worker.pausedChanged.connect(self._paused_changed)
        worker.warning.connect(self.warning)
        self.worker = worker
        self.document.set_locked(TRAINING_LOCK)
        self.thread = start_worker(worker)
        self.stateChanged.emit()
        self.started.emit()
        return True

    def pause(self) -> None:
        if self.worker is not None:
            self.worker.pause()
            self.stateChanged.emit()

    def resume(self) -> None:
        if self.worker is not None:
            self.worker.resume()
            self.stateChanged.emit()

    def step(self) -> None:
        """One epoch, then stay paused (starts a paused run first)."""
        if self.worker is None and not self.start(paused=True):
            return
        self.worker.request_step()
        self.stateChanged.emit()

    def stop(self) -> None:
        """Ask the run to end (soon); ``finished`` follows."""
        if self.worker is not None:
            self.worker.stop()

    def stop_and_wait(self) -> None:
        """Stop the run and block until it ended and its weights are in the document."""
        if self.worker is None:
            return
        self.worker.stop()
        if self.thread is not None:
            self.thread.wait()
        # deliver the queued finished signal (weights -> document) now, and nothing else
        QCoreApplication.sendPostedEvents(self)
        if self.worker is not None:  # the signal was not queued here: finish by hand
            self._on_finished({"weights": None, "history": None})

    # ------------------------------------------------------------------ live settings
    def _send_live_settings(self) -> None:
        """Forward edits of live settings (learning rate, epochs, ...) to the worker."""
        if self.worker is None:
            return
        new = self.document.project.training.to_dict()
        changes = {k: new[k] for k in LIVE_SETTINGS if k in new and new[k] != self._live.get(k)}
        if changes:
            self._live.update(changes)
            self.worker.update_settings(changes)

    # ------------------------------------------------------------------ worker signals
    def _paused_changed(self, _paused: bool) -> None:
        self.stateChanged.emit()

    def _on_snapshot(self, snap: dict) -> None:
        if self.worker is None:
            return
        # the worker sends the next snapshot once this one is taken (one in flight)
        self.worker.frame_shown()
        reports = snap["reports"]
        self.run_epochs = snap["epochs_run"]
        self.total_epochs += len(reports)
        if reports:
            self.last_report = reports[-1]
        if "budget" in snap:
            self.budget = snap["budget"]
        self.snapshot.emit(dict(snap, epoch=self.total_epochs, budget=self.budget))

    def _on_finished(self, result: dict) -> None:
        if self.worker is None:
            return  # already finished by hand (stop_and_wait)
        thread = self.thread
        if thread is not None:
            thread.wait()  # finished was emitted last: this returns at once
        self.worker = None  # dropped here, after its thread has ended
        self.thread = None
        self.last_thread = thread
        self.document.set_locked(None)
        if result.get("weights") is not None:
            self.document.set_weights(
                result["weights"], result.get("preprocessor"), result.get("history") or []
            )
        self.stateChanged.emit()
        self.finished.emit(result)
