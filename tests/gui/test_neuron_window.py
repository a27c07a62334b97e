"""The neuron view in the main window: live tiles while training, the large unit map in
the surface dock, save/open, every template, "until paused" runs and screenshots."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from window_helpers import open_window

from nnstudio.engine.probe import grid_points, unit_outputs
from nnstudio.gui.neuron_tiles import FIRST_UNITS
from nnstudio.gui.worker import GRID_RESOLUTION
from nnstudio.io import TEMPLATES, load_project, make_template
from nnstudio.session import Session


def _click(view, scene_pos: QPointF) -> None:
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(scene_pos),
    )


def _expected_maps(project) -> dict[str, np.ndarray]:
    session = Session.from_project(project)
    _xs, _ys, points = grid_points(session.dataset.bounds, GRID_RESOLUTION)
    outs = unit_outputs(session.network, session.dataset.preprocessor.transform(points))
    return {k: v.reshape(GRID_RESOLUTION, GRID_RESOLUTION, -1)[::2, ::2] for k, v in outs.items()}


def _finish(qtbot, window, epochs: int) -> dict:
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.start_training(max_epochs=epochs)
    return blocker.args[0]


def test_tiles_update_live_while_training_and_match_the_trained_network(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("circle"))
    window.neuron_view_action.trigger()  # View > Neuron View
    assert window.neuron_view.enabled
    scene = window.canvas.canvas_scene
    tile = scene.node_items["dense_1"].tiles[0]
    first = tile.values.copy()
    frames = window.neuron_view.tile_frames
    seen = []
    window.snapshotShown.connect(lambda s: seen.append(s.get("units") is not None))
    _finish(qtbot, window, 150)
    assert any(seen)  # snapshots carried every unit's map from the worker
    assert window.neuron_view.tile_frames > frames
    qtbot.waitUntil(lambda: not np.allclose(tile.values, first), timeout=5000)
    window.neuron_view.refresh()
    expected = _expected_maps(window.document.project)
    for node_id, item in scene.node_items.items():
        for t in item.tiles:
            np.testing.assert_allclose(t.values, expected[node_id][:, :, t.unit], atol=1e-5)
    # the weight lines show the trained weights
    link = scene.link_items[("dense_1", "dense_2")]
    np.testing.assert_allclose(
        link.weights, window.document.project.weights["dense_2.weight"], rtol=1e-5
    )


def test_clicking_a_tile_shows_the_unit_large_in_the_surface_dock(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("circle"))
    window.neuron_view.set_enabled(True)
    window.canvas.fit_all()
    surface = window.surface
    qtbot.waitUntil(lambda: surface._last_grid is not None, timeout=5000)  # the preview
    tile = window.canvas.canvas_scene.node_items["dense_2"].tiles[3]
    _click(window.canvas, tile.mapToScene(tile.boundingRect().center()))
    assert surface.unit_view == ("dense_2", 3)
    assert surface.back_button.isVisible() and "dense_2 unit 4" in surface.title.text()
    np.testing.assert_allclose(surface.image_item.image, tile.values, rtol=1e-6)
    assert surface.legend.caption == "unit output"
    QTest.mouseClick(surface.back_button, Qt.MouseButton.LeftButton)
    assert surface.unit_view is None and not surface.back_button.isVisible()
    assert surface.image_item.image.shape == (GRID_RESOLUTION, GRID_RESOLUTION)
    assert surface.legend.labels() == ["0", "0.5", "1"]


def test_neuron_view_survives_save_and_open(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("xor"))
    view = window.neuron_view
    view.set_enabled(True)
    view.toggle_node("dense_1")  # this node's box again
    path = tmp_path / "xor.nnstudio"
    window.save_to(str(path))
    stored = load_project(path).metadata["canvas"]
    assert stored["neuron_view"] is True and stored["collapsed"] == ["dense_1"]
    other = open_window(qtbot, tmp_path / "other", make_template("circle"))
    assert not other.neuron_view.enabled
    other.open_path(str(path), ask=False)
    other.neuron_view.refresh()
    items = other.canvas.canvas_scene.node_items
    assert other.neuron_view.enabled and other.neuron_view_action.isChecked()
    assert items["dense_1"].tiles == [] and len(items["dense_2"].tiles) > 0


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_in_the_neuron_view(qtbot, tmp_path, name):
    window = open_window(qtbot, tmp_path, make_template(name))
    view = window.neuron_view
    if not view.available:  # tables with many columns: no 2-D plane to draw over
        assert not window.neuron_view_action.isEnabled()
        return
    view.set_enabled(True)
    shapes = window.document.shapes()
    for node_id, item in window.canvas.canvas_scene.node_items.items():
        width = shapes[node_id][0]
        assert len(item.tiles) == min(width, FIRST_UNITS)
        assert item.more_units == max(0, width - FIRST_UNITS)
        assert all(t.values is not None for t in item.tiles)
    window.resize(1024, 700)
    window.canvas.fit_all()
    assert window.grab().save(str(tmp_path / f"{name}.png"))


def test_until_paused_run_shows_epoch_and_rate(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("circle"))
    window.training_panel.until_paused.setChecked(True)
    assert window.document.project.training.epochs is None
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.run_epochs >= 40, timeout=60_000)
    progress = window.status.progress
    qtbot.waitUntil(lambda: "/s" in progress.format(), timeout=10_000)
    assert progress.isVisible() and progress.maximum() == 0  # no fraction
    assert progress.format().startswith("Epoch ")
    with qtbot.waitSignal(window.trainingFinished, timeout=30_000) as blocker:
        window.stop_training()
    assert blocker.args[0]["epochs_run"] >= 40
    assert len(window.document.project.history) == blocker.args[0]["epochs_run"]


def test_screenshot_with_the_neuron_view(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from nnstudio.gui.app import run
    from nnstudio.io import save_project

    project_path = tmp_path / "circle.nnstudio"
    save_project(make_template("circle"), project_path)
    out = tmp_path / "shot.png"
    args = [str(project_path), "--screenshot", str(out), "--train-epochs", "5"]
    assert run([*args, "--view", "neurons"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    # a table project has no input plane: a clear error, no picture
    save_project(make_template("iris"), tmp_path / "iris.nnstudio")
    bad = tmp_path / "bad.png"
    assert (
        run([str(tmp_path / "iris.nnstudio"), "--screenshot", str(bad), "--view", "neurons"]) == 1
    )
    assert not bad.exists()


def test_worker_sends_every_units_map_only_when_asked(qtbot):
    from nnstudio.gui.worker import TrainingWorker, start_worker

    project = make_template("circle")
    snaps: list[dict] = []
    worker = TrainingWorker(project, max_epochs=40, snapshot_interval=0.0)
    worker.set_probe_units(True)
    worker.snapshot.connect(snaps.append)
    results: list[dict] = []  # plain callables run in the worker thread: no waitSignal
    worker.finished.connect(results.append)
    thread = start_worker(worker)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    thread.wait()
    probed = [s for s in snaps if "units" in s]
    assert probed and len(probed) < len(snaps)  # throttled to PROBE_INTERVAL_S
    last = probed[-1]
    assert set(last["units"]) == set(project.network.nodes)
    assert last["units"]["dense_1"].shape == (GRID_RESOLUTION // 2, GRID_RESOLUTION // 2, 8)
    assert last["units"]["dense_1"].dtype == np.float32
    assert last["weights"]["dense_2"].shape == (8, 8)
    # the surface of a probed snapshot is the output node's map
    np.testing.assert_allclose(last["grid"][2][::2, ::2], last["units"]["dense_3"], rtol=1e-6)
    weights = results[0]["weights"]
    assert weights["dense_2.weight"].shape == (8, 8)
    off = TrainingWorker(project, max_epochs=5, snapshot_interval=0.0)
    plain: list[dict] = []
    off.snapshot.connect(plain.append)
    with qtbot.waitSignal(off.finished, timeout=60_000):
        thread = start_worker(off)
    thread.wait()
    assert plain and not any("units" in s for s in plain)


def test_menus_offer_the_neuron_view_and_add_layer(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("circle"))
    assert window.neuron_view_action in window.view_menu.actions()
    assert window.add_layer_action in window.edit_menu.actions()
    window.canvas.select_nodes(["dense_1"])
    window.canvas.setFocus()
    before = len(window.document.spec.nodes)
    window.add_layer_action.trigger()
    assert len(window.document.spec.nodes) == before + 1
