"""The background training worker, driven on a real QThread."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nnstudio.graph import fill_training
from nnstudio.gui.worker import TrainingWorker, start_worker
from nnstudio.io import make_template

TIMEOUT = 60_000


def _project(name: str = "circle", **training):
    project = make_template(name)
    if "optimizer" in training and "optimizer_params" not in training:
        filled = fill_training({"optimizer": training["optimizer"]})
        training["optimizer_params"] = filled["optimizer_params"]
    if training:
        project.training = dataclasses.replace(project.training, **training)
    return project


class Recorder:
    """Collects a worker's signals; tests wait on its fields with ``qtbot.waitUntil``.

    Not ``qtbot.waitSignal(worker.finished)``: PySide runs a plain callable connected to a
    signal in the *emitting* thread, so pytest-qt's blocker would quit its event loop from
    the worker thread, and a quit that lands just before the loop starts hangs the test.
    """

    def __init__(self, worker: TrainingWorker) -> None:
        self.snapshots: list[dict] = []
        self.failures: list[str] = []
        self.paused: list[bool] = []
        self.result: dict | None = None
        worker.snapshot.connect(self.snapshots.append)
        worker.failed.connect(self.failures.append)
        worker.pausedChanged.connect(self.paused.append)
        worker.finished.connect(self._finished)

    def wait_finished(self, qtbot) -> None:
        qtbot.waitUntil(lambda: self.result is not None, timeout=TIMEOUT)

    def _finished(self, result: dict) -> None:
        self.result = result


def _run(qtbot, worker: TrainingWorker):
    rec = Recorder(worker)
    thread = start_worker(worker)
    rec.wait_finished(qtbot)
    qtbot.waitUntil(lambda: thread.isFinished(), timeout=TIMEOUT)
    return rec, thread


def test_worker_trains_and_sends_complete_curves(qtbot):
    project = _project()
    worker = TrainingWorker(project, max_epochs=25)
    rec, thread = _run(qtbot, worker)
    assert not thread.isRunning()
    assert rec.failures == []
    history = rec.result["history"]
    assert len(history) == 25
    # Every epoch reaches the GUI exactly once, in order, across the throttled snapshots.
    sent = [r for s in rec.snapshots for r in s["reports"]]
    assert len(sent) == 25
    assert [r["epoch"] for r in sent] == [r["epoch"] for r in history]
    assert 1 <= len(rec.snapshots) <= 25
    assert history[-1]["train_loss"] < history[0]["train_loss"]
    xs, ys, values = rec.snapshots[-1]["grid"]
    assert xs.shape == (100,) and ys.shape == (100,) and values.shape == (100, 100, 1)
    assert set(rec.result["weights"]) >= {"dense_1.weight", "dense_1.bias"}
    # the best epoch (lowest test loss) and its weights come back for "Restore best"
    best = rec.result["best_epoch"]
    test_losses = [r["test_loss"] for r in history]
    assert best == 1 + int(np.argmin(test_losses)) or min(test_losses) > _start_loss(project)
    assert rec.result["best_weights"].keys() == rec.result["weights"].keys()
    # The project given to the worker was copied, not trained in place.
    assert project.weights is None and project.history == []


def _start_loss(project) -> float:
    from nnstudio.session import Session

    return Session.from_project(project).trainer.evaluate().test_loss


def test_pause_step_and_stop(qtbot):
    worker = TrainingWorker(_project(), start_paused=True)
    rec = Recorder(worker)
    thread = start_worker(worker)
    worker.request_step()
    worker.request_step()
    qtbot.waitUntil(lambda: worker.epochs_run == 2, timeout=TIMEOUT)
    assert worker.is_paused
    qtbot.waitUntil(lambda: sum(len(s["reports"]) for s in rec.snapshots) == 2, timeout=TIMEOUT)
    worker.stop()
    rec.wait_finished(qtbot)
    qtbot.waitUntil(thread.isFinished, timeout=TIMEOUT)
    assert len(rec.result["history"]) == 2


def test_learning_rate_change_reaches_running_worker_without_reset(qtbot):
    worker = TrainingWorker(_project(epochs=None, optimizer="sgd", learning_rate=0.03))
    rec = Recorder(worker)
    thread = start_worker(worker)
    qtbot.waitUntil(lambda: len(rec.snapshots) >= 1, timeout=TIMEOUT)
    epochs_before = worker.epochs_run
    assert not hasattr(worker, "set_learning_rate")  # one route for live settings
    worker.update_settings({"learning_rate": 0.005})
    qtbot.waitUntil(lambda: worker.session.trainer.learning_rate == 0.005, timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: any(r["lr"] == pytest.approx(0.005) for s in rec.snapshots for r in s["reports"]),
        timeout=TIMEOUT,
    )
    worker.stop()
    rec.wait_finished(qtbot)
    qtbot.waitUntil(thread.isFinished, timeout=TIMEOUT)
    # Training continued from where it was (no restart): epochs kept counting up.
    epochs = [r["epoch"] for r in rec.result["history"]]
    assert epochs == sorted(epochs) and len(epochs) > epochs_before
    assert epochs[0] == 1


def test_divergence_reports_failure_and_keeps_finite_weights(qtbot):
    project = _project("regression", optimizer="sgd", learning_rate=1e6, epochs=50)
    worker = TrainingWorker(project)
    rec, thread = _run(qtbot, worker)
    assert not thread.isRunning()
    assert len(rec.failures) == 1 and rec.failures[0]
    weights = rec.result["weights"]
    assert weights is not None
    assert all(np.all(np.isfinite(w)) for w in weights.values())


def test_invalid_project_fails_with_message(qtbot):
    project = _project()
    project.network.set_param("dense_1", "units", 3)  # still valid: change data instead
    project.data = dataclasses.replace(project.data, name="csv", csv_path="/nonexistent.csv")
    worker = TrainingWorker(project)
    rec, _thread = _run(qtbot, worker)
    assert len(rec.failures) == 1
    assert "nonexistent" in rec.failures[0]
    assert rec.result["weights"] is None


def test_live_settings_apply_without_reset(qtbot):
    worker = TrainingWorker(_project(epochs=None, optimizer="momentum"))
    rec = Recorder(worker)
    thread = start_worker(worker)
    qtbot.waitUntil(lambda: len(rec.snapshots) >= 1, timeout=TIMEOUT)
    params = fill_training({"optimizer": "momentum", "optimizer_params": {"momentum": 0.5}})[
        "optimizer_params"
    ]
    warnings: list[str] = []
    worker.warning.connect(warnings.append)
    worker.update_settings({"l2": 0.01, "optimizer_params": params, "epochs": 3, "l1": -1.0})
    # epochs is the run's budget: the run ends by itself once it is reached.
    qtbot.waitUntil(lambda: rec.result is not None, timeout=TIMEOUT)
    qtbot.waitUntil(thread.isFinished, timeout=TIMEOUT)
    assert worker.session.trainer.config.l2 == pytest.approx(0.01)
    assert worker.session.trainer.config.optimizer_params == params
    assert worker.session.trainer._opt.momentum == 0.5
    assert rec.failures == []
    # the refused l1 was reported and did not block the other settings
    assert len(warnings) == 1 and "l1" in warnings[0]
    assert worker.session.trainer.config.l1 == 0.0


def _long_epoch_project():
    """One epoch of ~45,000 single-sample steps: long enough to act inside it."""
    project = _project(epochs=None, batch_size=1)
    project.data = dataclasses.replace(project.data, n_points=50_000, train_ratio=0.9)
    return project


def test_pause_and_stop_act_inside_a_long_epoch(qtbot):
    worker = TrainingWorker(_long_epoch_project(), grid_resolution=0)
    rec = Recorder(worker)
    thread = start_worker(worker)
    qtbot.waitUntil(
        lambda: worker.session is not None and worker.session.trainer.step >= 64,
        timeout=TIMEOUT,
    )
    # pausedChanged(True) comes from inside the epoch once the worker blocks; the step count
    # alone can be read at a multiple of 32 the worker is just passing through.
    worker.pause()
    qtbot.waitUntil(lambda: True in rec.paused, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not thread.isFinished() and _steps(worker) % 32 == 0, timeout=TIMEOUT)
    held = _steps(worker)
    qtbot.wait(300)
    assert _steps(worker) == held  # paused mid-epoch: no step ran
    assert worker.epochs_run == 0
    worker.resume()
    qtbot.waitUntil(lambda: _steps(worker) > held, timeout=TIMEOUT)
    worker.stop()
    rec.wait_finished(qtbot)
    qtbot.waitUntil(thread.isFinished, timeout=TIMEOUT)
    assert rec.failures == []
    assert worker.epochs_run == 0 and rec.result["history"] == []
    assert 0 < _steps(worker) < 45_000  # stopped inside the first epoch
    assert rec.result["weights"] is not None


def _steps(worker: TrainingWorker) -> int:
    return worker.session.trainer.step


def test_a_degrading_run_fails_with_the_message_and_hands_back_the_best_weights(qtbot):
    project = _project("spiral", optimizer="adam", learning_rate=1e3, epochs=100)
    worker = TrainingWorker(project, grid_resolution=0)
    rec, _thread = _run(qtbot, worker)
    assert len(rec.failures) == 1 and rec.failures[0].startswith("Training degraded at epoch")
    result = rec.result
    assert result["best_epoch"] == worker.session.best_epoch
    best = worker.session.best_weights
    assert all(np.array_equal(result["weights"][k], best[k]) for k in best)
    assert [r["epoch"] for r in result["history"]] == list(range(1, result["best_epoch"] + 1))
