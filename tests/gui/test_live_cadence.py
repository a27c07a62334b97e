"""Issue 10's display-rate rules: one snapshot in flight, curves and docks that nobody
sees wait, the status bar re-lays out only on change, the probe grid is built once."""

from __future__ import annotations

import numpy as np
from test_worker import _project

import nnstudio.gui.worker as worker_module
from nnstudio.engine.probe import grid_points
from nnstudio.gui.plots import TrainingPlots
from nnstudio.gui.status import TrainingStatus
from nnstudio.gui.worker import TrainingWorker


def _run_inline(worker: TrainingWorker, on_snapshot) -> None:
    """Run the worker's loop in this thread; ``on_snapshot`` gets each snapshot at once."""
    worker.snapshot.connect(on_snapshot)
    worker.run()


def test_worker_waits_for_the_gui_to_take_each_snapshot(monkeypatch) -> None:
    monkeypatch.setattr(worker_module, "FRAME_TIMEOUT_S", 1e9)  # never send unasked
    epochs = 40
    # a GUI that acknowledges every snapshot gets one per epoch (no minimum interval)
    acked = TrainingWorker(_project(), max_epochs=epochs, snapshot_interval=0.0)
    acked.frame_shown()
    got: list[dict] = []

    def take(snap: dict) -> None:
        got.append(snap)
        acked.frame_shown()

    _run_inline(acked, take)
    assert len(got) == epochs
    # a GUI that never takes its snapshot gets no second one until the run's last
    stuck = TrainingWorker(_project(), max_epochs=epochs, snapshot_interval=0.0)
    stuck.frame_shown()
    held: list[dict] = []
    _run_inline(stuck, held.append)
    assert len(held) == 2
    # ... and no epoch is lost: the reports in between join the last snapshot
    sent = [r["epoch"] for s in held for r in s["reports"]]
    assert sent == list(range(1, epochs + 1))
    assert held[0]["grid"] is not None and held[-1]["epochs_run"] == epochs


def test_worker_without_acknowledgements_keeps_sending() -> None:
    worker = TrainingWorker(_project(), max_epochs=12, snapshot_interval=0.0)
    got: list[dict] = []
    _run_inline(worker, got.append)  # frame_shown never called: the old contract
    assert len(got) == 12


def test_curves_not_on_screen_wait_until_shown(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    reports = [
        {"train_loss": 1.0 / (i + 1), "test_loss": 0.5, "train_accuracy": 0.9} for i in range(5)
    ]
    plots.append_reports(reports)
    qtbot.wait(3 * TrainingPlots.REDRAW_INTERVAL_MS)
    x, _y = plots.train_loss_curve.getData()
    assert x is None or len(x) == 0  # hidden: nothing drawn, still pending
    plots.show()
    qtbot.waitExposed(plots)
    qtbot.waitUntil(lambda: plots.train_loss_curve.getData()[0] is not None, timeout=5000)
    x, y = plots.train_loss_curve.getData()
    np.testing.assert_array_equal(x, [1, 2, 3, 4, 5])
    np.testing.assert_allclose(y, [1.0, 0.5, 1 / 3, 0.25, 0.2])


def test_long_curves_draw_one_peak_block_per_pixel_and_range_before_painting(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 220)
    plots.show()
    qtbot.waitExposed(plots)
    rng = np.random.default_rng(0)
    losses = 1.0 / np.arange(1, 3001) + 0.01 * rng.random(3000)
    plots.append_reports([{"train_loss": float(v)} for v in losses])
    plots.flush()
    # the view takes in the whole curve as soon as it is redrawn (not in a later paint)
    (x0, x1), (y0, y1) = plots.loss_plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= 1 and x1 >= 3000 and y0 <= losses.min() and y1 >= losses.max()
    qtbot.waitUntil(lambda: plots.train_loss_curve.getData()[0] is not None, timeout=5000)
    plots.train_loss_curve.getData()  # (display data for the settled range)
    x, y = plots.train_loss_curve.getData()
    width = plots.loss_plot.getPlotItem().getViewBox().width()
    assert len(x) <= 2 * width + 4  # min and max of one block per pixel column
    # "peak" blocks keep the curve's envelope: the first (largest) loss and the smallest
    assert y.max() == losses.max()
    assert y.min() == losses.min()


def test_hidden_curves_draw_on_flush(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.append_reports([{"train_loss": 2.0}, {"train_loss": 1.0}])
    plots.flush()  # the run ended: drawn at once even when not on screen
    np.testing.assert_array_equal(plots.train_loss_curve.getData()[1], [2.0, 1.0])


def test_status_labels_change_only_when_their_text_does(qtbot) -> None:
    status = TrainingStatus()
    qtbot.addWidget(status)
    report = {"train_loss": 0.5, "test_loss": 0.25, "train_accuracy": 0.75}
    status.show_report(report, epoch=3, epochs_per_s=100.0, done=3, budget=10)
    changes: list[str] = []
    status.loss_label.setText = lambda text: changes.append(text)  # type: ignore[method-assign]
    status.show_report(report, epoch=4, epochs_per_s=100.0, done=4, budget=10)
    assert changes == []  # same losses: the label is left alone
    assert status.epoch_label.text() == "Epoch 4"
    assert status.progress.value() == 4
    status.show_report(
        dict(report, train_loss=0.125), epoch=5, epochs_per_s=100.0, done=5, budget=10
    )
    assert changes == ["Loss 0.1250 / test 0.2500"]


def test_probe_grid_is_built_once_per_bounds() -> None:
    a = grid_points((-1.0, 1.0, -2.0, 2.0), 5)
    b = grid_points((-1, 1, -2, 2), 5)
    assert all(x is y for x, y in zip(a, b, strict=True))  # the same (cached) arrays
    xs, ys, points = a
    np.testing.assert_allclose(xs, np.linspace(-1, 1, 5))
    np.testing.assert_allclose(points[7], [xs[2], ys[1]])  # row-major: rows follow y
    assert not points.flags.writeable
    other = grid_points((-1.0, 1.0, -2.0, 3.0), 5)[2]
    assert other[-1, 1] == 3.0
