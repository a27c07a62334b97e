"""The Images dock (test samples misclassified first, first-conv filters, feature maps,
live during training) and the download dialog, on real values."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from window_helpers import open_window

from nnstudio.data import DataSettings
from nnstudio.data import download as dl
from nnstudio.engine.probe import unit_outputs
from nnstudio.graph import compile_spec
from nnstudio.gui import downloads
from nnstudio.gui.image_views import GRID_SAMPLES, misclassified_first
from nnstudio.io import make_template


def _network(window):
    project = window.document.project
    net = compile_spec(project.network, dtype=project.training.dtype, seed=project.training.seed)
    if project.weights is not None:
        net.set_weights(dict(project.weights))
    return net


def _shots(window, tmp_path, name):
    view = window.image_views
    view.dock.raise_()
    for size in ((1400, 900), (1024, 700)):
        window.resize(*size)
        for tab in range(view.tabs.count()):
            view.tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            assert window.grab().save(str(tmp_path / f"{name}-{size[0]}-{tab}.png"))


def test_misclassified_first_keeps_sample_order_in_each_group():
    order = misclassified_first(np.array([0, 1, 2, 3, 4]), np.array([0, 2, 2, 1, 4]))
    assert order.tolist() == [1, 3, 0, 2, 4]


def test_samples_filters_and_maps_match_the_network(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("mnist-lenet"))
    view = window.image_views
    qtbot.waitUntil(lambda: view.updates > 0, timeout=10_000)
    assert view.dock.isVisible() and view.dock.toggleViewAction().isEnabled()
    ds = window.document.dataset()
    m = min(GRID_SAMPLES, len(ds.y_test))
    net = _network(window)
    pred = net.predict(ds.x_test[:m]).argmax(axis=1)
    truth = ds.y_test[:m]
    expected = np.concatenate([np.flatnonzero(pred != truth), np.flatnonzero(pred == truth)])
    assert view.order.tolist() == expected.tolist()
    tiles = view.samples_grid.tiles
    assert [t.wrong for t in tiles] == [bool(pred[i] != truth[i]) for i in expected]
    assert tiles[0].caption == f"{truth[expected[0]]}→{pred[expected[0]]}"
    np.testing.assert_allclose(tiles[0].values, ds.raw_test[expected[0]].reshape(28, 28))
    # the first convolution's filters, one picture each, equal to its weights
    weight = net.get_weights()["conv2d_1.weight"]  # (6, 1, 5, 5)
    assert len(view.filters_grid.tiles) == 6
    for i, tile in enumerate(view.filters_grid.tiles):
        np.testing.assert_array_equal(tile.values, weight[i, 0].astype(np.float32))
    # feature maps of the chosen sample equal the probe's node outputs
    view.sample_spin.setValue(3)
    qtbot.waitUntil(lambda: view.shown is not None and view.updates > 1, timeout=10_000)
    qtbot.wait(PREVIEW_WAIT)
    outs = unit_outputs(net, ds.x_test[3:4])
    shapes = window.document.shapes()
    assert list(view.map_grids) == [nd.id for nd in net.nodes]
    for node_id, grid in view.map_grids.items():
        got = outs[node_id][0].reshape(shapes[node_id])
        if got.ndim == 3:
            assert len(grid.tiles) == min(16, got.shape[0])
            for k, tile in enumerate(grid.tiles):
                np.testing.assert_allclose(tile.values, got[k], rtol=1e-6)
        else:
            np.testing.assert_allclose(grid.tiles[0].values, got.reshape(1, -1), rtol=1e-6)
    _shots(window, tmp_path, "mnist")


PREVIEW_WAIT = 400  # ms: past the views' 150 ms preview delay


def test_views_follow_training_live_and_end_on_the_trained_weights(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("fashion-cnn"))
    view = window.image_views
    live = []
    window.controller.snapshot.connect(lambda snap: live.append("image_views" in snap))
    window.document.project.training.epochs = 4
    window.start_training()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=120_000)
    qtbot.wait(PREVIEW_WAIT)
    assert any(live)  # snapshots carried the image views' probe (at most 4 a second)
    trained = window.document.project.weights["conv2d_1.weight"]
    np.testing.assert_array_equal(view.shown["filters"], trained.astype(np.float32))
    assert window.document.project.history[-1]["test_accuracy"] > 0.5
    _shots(window, tmp_path, "fashion-trained")


def test_live_probe_skips_calls_within_its_interval():
    from types import SimpleNamespace

    from nnstudio.gui.image_views import image_probe

    project = make_template("digits-cnn")
    net = compile_spec(project.network, seed=0)
    x = np.random.default_rng(0).normal(size=(5, 64))
    shapes = {nd.id: None for nd in net.nodes}
    probe = image_probe(x, 2, shapes, min_interval=60.0)
    session = SimpleNamespace(network=net)
    first = probe(session)["image_views"]
    assert probe(session) == {}  # within the interval: nothing computed
    assert first["predictions"].tolist() == net.predict(x).argmax(axis=1).tolist()
    np.testing.assert_array_equal(
        first["maps"]["conv2d_1"], unit_outputs(net, x[2:3])["conv2d_1"][0]
    )


def test_a_flat_network_has_no_image_dock(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("spiral"))
    assert not window.image_views.dock.isVisible()
    assert not window.image_views.dock.toggleViewAction().isEnabled()
    assert window.image_views.samples is None


def test_download_dialog_shows_progress_and_cancel_stops_it(qtbot, monkeypatch):
    monkeypatch.setattr(downloads, "needs_download", lambda name: True)
    release = threading.Event()
    ticks = []

    def slow_fetch(name, progress, cancel):
        start = time.perf_counter()  # the GUI's timer must tick while we download
        while len(ticks) < 3 and time.perf_counter() - start < 5:
            release.wait(0.01)
        for i in range(1, 200):
            if cancel():
                raise dl.DownloadCancelled("Download of x cancelled.")
            progress(i * 1000, 200_000, "train-images-idx3-ubyte.gz")
            release.wait(0.02)
        return {}

    monkeypatch.setattr(downloads, "fetch", slow_fetch)
    seen = {}

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        shown = [d for d in dialogs if d.isVisible() and d.value() > 0]
        if not shown:
            QTimer.singleShot(20, press_cancel)
            return
        seen["label"], seen["value"] = shown[0].labelText(), shown[0].value()
        (button,) = shown[0].findChildren(QPushButton)
        assert button.text() == "Cancel"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # as a user would

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    QTimer.singleShot(50, press_cancel)
    with pytest.raises(dl.DownloadCancelled):
        downloads.ensure_downloaded("mnist")
    timer.stop()
    assert "Downloading MNIST: train-images-idx3-ubyte.gz" in seen["label"]
    assert 0 < seen["value"] < 1000
    assert len(ticks) >= 3  # the event loop kept running: the window did not freeze


def test_app_downloads_into_an_empty_cache_and_offline_leaves_the_data(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("NNSTUDIO_CACHE", str(tmp_path / "cache"))
    window = open_window(qtbot, tmp_path, make_template("xor"))
    doc = window.document
    doc.set_data_settings(DataSettings(name="mnist", n_points=100))
    assert all((tmp_path / "cache" / "mnist" / f.name).is_file() for f in dl.SOURCES["mnist"])
    assert doc.dataset().n_features == 784
    monkeypatch.setenv("NNSTUDIO_DATA_SOURCES", str(tmp_path / "none.json"))
    (tmp_path / "none.json").write_text(
        '{"fashion_mnist": {"train-images-idx3-ubyte.gz": '
        '{"url": "http://127.0.0.1:9/x", "sha256": "00"}}}'
    )
    with pytest.raises(dl.DownloadError, match="no network"):
        doc.set_data_settings(DataSettings(name="fashion_mnist", n_points=100))
    assert doc.project.data.name == "mnist"  # unchanged, still usable


def test_data_panel_reads_an_image_folder_and_shows_points_for_mnist(qtbot, tmp_path):
    from PIL import Image

    for k, cls in enumerate(("circle", "square")):
        (tmp_path / "imgs" / cls).mkdir(parents=True)
        for i in range(6):
            a = np.full((6, 6), 20 * i + 120 * k, dtype=np.uint8)
            Image.fromarray(a, "L").save(tmp_path / "imgs" / cls / f"{i}.png")
    window = open_window(qtbot, tmp_path, make_template("xor"))
    panel = window.data_panel
    assert panel.dataset_combo.findData("image_folder") >= 0
    assert panel.load_image_folder(str(tmp_path / "imgs"))
    doc = window.document
    assert doc.project.data.name == "image_folder"
    assert doc.dataset().n_features == 36 and doc.dataset().class_names == ["circle", "square"]
    assert panel.dataset_combo.currentData() == "image_folder"
    assert not panel.points_spin.isVisible()
    assert panel.apply(DataSettings(name="mnist", n_points=120))
    assert panel.points_spin.isVisible() and panel.points_spin.value() == 120
