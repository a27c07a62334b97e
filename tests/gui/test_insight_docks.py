"""The Layer statistics, Diagnosis, Results and Runs docks in the window (issue 11)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from window_helpers import open_window

from nnstudio.engine.layerstats import N_BINS
from nnstudio.insight.results import session_results
from nnstudio.io import load_project, make_template, save_project
from nnstudio.session import Session


def _train(qtbot, window, epochs=None):
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.start_training(epochs)
    return blocker.args[0]


def _show(qtbot, dock):
    dock.raise_()
    qtbot.waitUntil(dock.widget().isVisible)


def _dead_project():
    project = make_template("circle")
    project.network.set_param("dense_1", "activation", "relu")
    session = Session.from_project(project)
    weights = session.network.get_weights()
    weights["dense_1.bias"][:] = -50.0
    project.weights = weights
    return project


def test_diagnosis_lists_dead_units_and_apply_changes_the_layer(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, _dead_project())
    _train(qtbot, window, 5)
    view = window.insight.diagnosis_view
    _show(qtbot, window.insight.diagnosis_dock)
    codes = [(f["code"], f["layer"]) for f in view.findings]
    assert ("dead-units", "dense_1") in codes
    card = view.cards[codes.index(("dead-units", "dense_1"))]
    assert card.label.text().startswith("<b>Dead units dense_1</b>: 100% of the 8 ReLU")
    assert card.property("code") == "dead-units"
    assert card.button.toolTip() == "Apply: dense_1: Activation = leaky_relu"
    qtbot.waitUntil(card.isVisible)
    QTest.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert window.document.spec.nodes["dense_1"].params["activation"] == "leaky_relu"
    # the numbers on screen belonged to the network before the edit: gone at once
    assert view.cards == [] and view.list_layout.count() == 1  # the stretch only
    assert "changed" in view.note.text()
    assert window.insight.results_view.results is None
    assert window.insight.layers_view.layer_ids == []


def test_layer_statistics_images_and_gradient_norms(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("circle"))
    result = _train(qtbot, window, 30)
    view = window.insight.layers_view
    _show(qtbot, window.insight.layers_dock)
    assert view.layer_ids == ["dense_1", "dense_2", "dense_3"]
    history = result["insight"]["history"]
    img = history.image("dense_1", "grad_hist")
    assert img.shape == (len(history.epochs), N_BINS)
    np.testing.assert_allclose(img.sum(axis=1), 1.0, rtol=1e-5)
    shown = view.images[("dense_1", "weight_hist")].image
    assert shown is not None and shown.shape == (len(history.epochs), N_BINS)
    x, y = view.norm_curves["dense_2"].getData()
    assert len(x) == len(history.epochs)
    np.testing.assert_allclose(10**y, history.series("dense_2", "grad_norm"), rtol=1e-6)
    assert history.epochs[-1] == 30
    window.grab().save(str(tmp_path / "layers.png"))


def test_confusion_matrix_matches_the_trained_weights(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("multiclass"))
    _train(qtbot, window, 3)
    view = window.insight.results_view
    _show(qtbot, window.insight.results_dock)
    expected = session_results(Session.from_project(window.document.project))
    for split, index in (("train", 0), ("test", 1)):
        view.split_combo.setCurrentIndex(index)
        m = expected[split]["matrix"]
        k = m.shape[0]
        assert view.table.rowCount() == k + 1
        shown = [[int(view.table.item(i, j).text()) for j in range(k)] for i in range(k)]
        np.testing.assert_array_equal(shown, m)
        assert view.table.verticalHeaderItem(k).text() == "precision"


def test_regression_scatter_and_residuals(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("regression"))
    _train(qtbot, window, 3)
    view = window.insight.results_view
    _show(qtbot, window.insight.results_dock)
    assert view.stack.currentIndex() == 1
    x, _y = view.scatter.getData()
    n = len(window.document.dataset().y_train)
    assert len(x) == min(n, 2000)
    assert sum(view.bars.opts["height"]) == n


def test_runs_recorded_compared_renamed_deleted_and_saved(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("xor"))
    _train(qtbot, window, 5)
    doc = window.document
    training = doc.project.training
    training.learning_rate = 0.003
    doc.set_training(training)
    _train(qtbot, window, 5)
    runs = doc.project.runs
    assert [r["id"] for r in runs] == [1, 2]
    table = window.insight.runs_view.table
    assert table.rowCount() == 2
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    col = headers.index("training.learning_rate")
    assert table.item(1, col).text() == "0.003"
    assert table.item(1, col).background().color().alpha() > 0  # highlighted: differs
    assert table.item(0, col).background().style() == Qt.BrushStyle.NoBrush
    table.item(0, 1).setText("baseline")
    assert runs[0]["name"] == "baseline"
    # overlay the first run's curves on the plots
    n_before = len(window.plots.loss_plot.getPlotItem().listDataItems())
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert len(window.plots.loss_plot.getPlotItem().listDataItems()) == n_before + 1
    path = tmp_path / "runs.nnstudio"
    save_project(doc.project, path)
    assert [r["name"] for r in load_project(path).runs] == ["baseline", "run 2"]
    table.selectRow(1)
    QTest.mouseClick(window.insight.runs_view.delete_button, Qt.MouseButton.LeftButton)
    assert [r["id"] for r in doc.project.runs] == [1]
    assert table.rowCount() == 1


def test_restore_best_weights_action(qtbot, tmp_path) -> None:
    project = make_template("circle")
    project.data.train_ratio = 0.1
    project.data.noise = 0.3
    from nnstudio.graph import NetworkSpec

    project.network = NetworkSpec.sequential(2, [64, 64], "relu", 1, "sigmoid")
    window = open_window(qtbot, tmp_path, project)
    result = _train(qtbot, window, 150)
    best = result["best_epoch"]
    assert best is not None and best < 150
    action = window.insight.restore_action
    assert action.isEnabled()
    assert window.insight.diagnosis_view.restore_button.text().endswith(f"(epoch {best})")
    action.trigger()
    doc = window.document
    assert doc.project.history[-1]["epoch"] == best
    for name, value in result["best_weights"].items():
        np.testing.assert_array_equal(doc.project.weights[name], value)
    assert not action.isEnabled()


def test_opening_a_trained_project_shows_its_insight(qtbot, tmp_path) -> None:
    path = tmp_path / "c.nnstudio"
    window = open_window(qtbot, tmp_path, make_template("circle"))
    _train(qtbot, window, 5)
    save_project(window.document.project, path)
    (tmp_path / "b").mkdir()
    other = open_window(qtbot, tmp_path / "b", load_project(path), str(path))
    qtbot.waitUntil(lambda: other.insight.last_insight is not None, timeout=10_000)
    assert other.insight.layers_view.layer_ids == ["dense_1", "dense_2", "dense_3"]
    assert other.insight.runs_view.table.rowCount() == 1


def test_replay_scrubs_snapshots_and_survives_save_and_open(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("circle"))
    _train(qtbot, window, 40)
    replay = window.replay
    assert replay.epochs[0] == 0 and replay.epochs[-1] == 40
    assert replay.widget.slider.isEnabled()
    project = window.document.project
    # a snapshot holds the exact weights of its epoch: the last one is the final weights
    session = Session.from_project(project)
    final = session.network.get_weights()
    np.testing.assert_array_equal(project.snapshots["40.params"], session.network.flat_params)
    surface_before = window.surface_updates
    replay.widget.slider.setValue(5)
    epoch = replay.epochs[5]
    assert replay.epoch == epoch and replay.widget.label.text() == f"epoch {epoch}"
    # the replay network holds that snapshot; results and layer statistics follow it
    net = replay._session.network
    np.testing.assert_array_equal(net.flat_params, project.snapshots[f"{epoch}.params"])
    expected = session_results(replay._session)
    shown = window.insight.results_view.results
    np.testing.assert_array_equal(shown["train"]["matrix"], expected["train"]["matrix"])
    history = window.insight.layers_view.history
    assert history.epochs[-1] <= epoch
    del surface_before
    # save, reopen: the replay is there again
    path = tmp_path / "replay.nnstudio"
    save_project(project, path)
    (tmp_path / "b").mkdir()
    other = open_window(qtbot, tmp_path / "b", load_project(path), str(path))
    assert other.replay.epochs == replay.epochs
    other.replay.widget.slider.setValue(3)
    np.testing.assert_array_equal(
        other.replay._session.network.flat_params,
        project.snapshots[f"{replay.epochs[3]}.params"],
    )
    # the project's own weights are untouched by scrubbing
    for name, value in final.items():
        np.testing.assert_array_equal(other.document.project.weights[name], value)
    # PNG sequence: one image per snapshot
    out = tmp_path / "frames"
    out.mkdir()
    paths = other.replay.export_png_sequence(out)
    assert len(paths) == len(replay.epochs)
    assert all(p.stat().st_size > 1000 and p.read_bytes()[:4] == b"\x89PNG" for p in paths)
    # an animated GIF (Pillow is in the test extra), one frame per snapshot
    from PIL import Image

    gif = other.replay.export_gif(tmp_path / "replay.gif", width=200)
    with Image.open(gif) as img:
        assert img.format == "GIF" and img.n_frames == len(replay.epochs)
        assert img.size[0] == 200
    # editing the network makes the replay unavailable (it belongs to the old network)
    other.document.set_param("dense_1", "units", 9)
    assert other.replay.epochs == [] and not other.replay.widget.slider.isEnabled()


def test_snapshot_memory_budget_setting(qtbot, tmp_path) -> None:
    from nnstudio.insight import live

    window = open_window(qtbot, tmp_path, make_template("circle"))
    spin = window.replay.widget.budget_spin
    assert spin.value() == 64 and live.snapshot_budget() == 64 * 1024 * 1024
    # a budget too small for two snapshots of this network keeps none
    spin.setValue(0)
    assert window.settings.value("replay/snapshot_mb") in (0, "0")
    result = _train(qtbot, window, 5)
    assert len(result["insight"]["snapshots"]) == 0
    assert window.replay.epochs == [] and not window.replay.widget.slider.isEnabled()
    spin.setValue(1)
    result = _train(qtbot, window, 5)
    store = result["insight"]["snapshots"]
    assert store.budget == 1024 * 1024 and store.nbytes <= store.budget
    assert window.replay.epochs == store.epochs
    spin.setValue(64)


def test_reset_clears_results_and_replay(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("circle"))
    _train(qtbot, window, 10)
    assert window.replay.epochs and window.insight.last_insight is not None
    assert window.reset_training(ask=False)
    assert window.replay.epochs == [] and not window.replay.widget.slider.isEnabled()
    assert window.insight.results_view.results is None
    assert window.insight.diagnosis_view.findings == []
    assert "changed" in window.insight.diagnosis_view.note.text()


def test_undo_of_an_edit_brings_the_results_back(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, make_template("circle"))
    _train(qtbot, window, 10)
    window.document.set_param("dense_1", "units", 9)
    assert window.insight.results_view.results is None and window.replay.epochs == []
    window.document.undo()
    qtbot.waitUntil(lambda: window.insight.last_insight is not None, timeout=10_000)
    _show(qtbot, window.insight.results_dock)
    assert window.insight.results_view.results["train"]["matrix"].sum() == 250
    assert window.replay.epochs and window.replay.widget.slider.isEnabled()


def test_restore_best_sits_in_the_train_menu_in_every_language(qtbot, tmp_path):
    """Found through the window's Train menu, not by its English title: in Chinese the
    action must not become a stray top-level menu-bar entry."""
    from PySide6.QtWidgets import QApplication

    from nnstudio.gui import i18n

    i18n.install_translators(QApplication.instance(), "zh_CN")
    try:
        window = open_window(qtbot, tmp_path, make_template("circle"))
        assert "train" not in window.train_menu.title().lower()  # translated
        action = window.insight.restore_action
        assert action in window.train_menu.actions()
        assert action not in window.menuBar().actions()
    finally:
        i18n.install_translators(QApplication.instance(), "en")
