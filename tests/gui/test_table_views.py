"""Pictures for more than two features: the feature-pair surface and the projection."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from window_helpers import open_window

from nnstudio.data.views import FeaturePair, grid_points, pca_projection
from nnstudio.gui.feature_pair import FeaturePairPanel
from nnstudio.gui.table_views import view_probe
from nnstudio.io import make_template
from nnstudio.session import Session

TIMEOUT = 20_000


def test_view_probe_is_the_network_on_the_pair_grid_and_the_samples():
    session = Session.from_project(make_template("iris"))
    ds = session.dataset
    pair = FeaturePair(2, 3, held=[5.0, 3.0, 0.0, 0.0])
    bounds = (1.0, 7.0, 0.0, 2.5)
    samples = ds.x_test[:7]
    out = view_probe(pair, bounds, samples, resolution=9)(session)
    xs, ys, values = out["grid"]
    _xs, _ys, points = grid_points(bounds, 9)
    raw = np.tile([5.0, 3.0, 0.0, 0.0], (81, 1))
    raw[:, 2], raw[:, 3] = points[:, 0], points[:, 1]
    expected = session.network.predict(ds.preprocessor.transform(raw)).reshape(9, 9, 3)
    np.testing.assert_allclose(values, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(xs, np.linspace(1, 7, 9))
    np.testing.assert_allclose(
        out["projection_outputs"], session.network.predict(samples), rtol=1e-5, atol=1e-6
    )


def test_panel_sliders_and_axes_edit_the_pair(qtbot):
    panel = FeaturePairPanel()
    qtbot.addWidget(panel)
    raw = np.array([[0.0, 1.0, 2.0, 10.0], [2.0, 3.0, 4.0, 30.0], [4.0, 5.0, 6.0, 20.0]])
    panel.set_features(["a", "b", "c", "d"], raw)
    assert panel.state()["pair"] == (0, 1)
    np.testing.assert_allclose(panel.held, [2.0, 3.0, 4.0, 20.0])
    assert sorted(panel.sliders) == [2, 3]
    with qtbot.waitSignal(panel.pairChanged) as blocker:
        panel.sliders[3].setValue(panel.sliders[3].maximum())
    assert blocker.args[0].held[3] == pytest.approx(30.0)
    assert panel.value_labels[3].text() == "30"
    with qtbot.waitSignal(panel.pairChanged) as blocker:
        panel.x_combo.setCurrentIndex(3)
    pair = blocker.args[0]
    assert (pair.i, pair.j) == (3, 1) and sorted(panel.sliders) == [0, 2]
    panel.reset_medians()
    np.testing.assert_allclose(panel.held, [2.0, 3.0, 4.0, 20.0])


def test_window_draws_iris_on_a_feature_pair_and_projects_it(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("iris"))
    tv = window.table_views
    assert tv.active and tv.pair_dock.isVisibleTo(window)
    tv.refresh_preview()
    surface = window.surface
    assert surface.plot.isVisible()
    assert tv.previews >= 1 and surface.frames >= 1
    assert surface.plot.getPlotItem().getAxis("bottom").labelText == "sepal length (cm)"
    # the projection: the first two PCs of the model inputs, every sample coloured
    proj = tv.projection
    expected = pca_projection(np.concatenate([tv.dataset.x_train, tv.dataset.x_test]))
    np.testing.assert_allclose(proj.projection.coords, expected.coords)
    assert proj.wrong.shape == (150,)
    assert "setosa, versicolor, virginica" in proj.caption.text()
    assert proj.legend_labels() == ["setosa", "versicolor", "virginica"]
    assert proj.judged and "predicted wrong (circled)" in proj.caption.text()
    # another pair: the surface's points are the new columns
    tv.pair_panel.x_combo.setCurrentIndex(2)
    assert (tv.pair.i, tv.pair.j) == (2, 1)
    np.testing.assert_array_equal(tv.view.raw_train, tv.dataset.raw_train[:, [2, 1]])


def test_training_updates_the_projection_and_the_pair_surface_live(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("wine"))
    tv = window.table_views
    frames = window.surface.frames
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.start_training(max_epochs=15)
    assert tv.projection.updates >= 1
    assert window.surface.frames > frames
    trained = Session.from_project(window.document.project)
    outputs = trained.network.predict(tv.projection.samples)
    wrong = outputs.argmax(axis=1) != tv.projection.y
    qtbot.waitUntil(lambda: tv.previews >= 1, timeout=TIMEOUT)
    np.testing.assert_array_equal(tv.projection.wrong, wrong)


def test_two_dimensional_data_hides_the_views(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("iris"))
    tv = window.table_views
    data = dataclasses.replace(window.document.project.data, name="circle")
    window.document.set_data_settings(data)
    assert not tv.active
    assert not tv.pair_dock.isVisibleTo(window)
    assert not tv.projection_dock.isVisibleTo(window)


def test_digits_64_features(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("digits"))
    tv = window.table_views
    assert len(tv.pair_panel.sliders) == 62
    tv.refresh_preview()
    assert tv.projection.projection.coords.shape == (1797, 2)
    assert window.surface.frames >= 1


def test_legends_use_the_class_names(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("iris"))
    assert window.surface.legend.labels() == ["setosa", "versicolor", "virginica"]


def test_binary_legend_names_the_positive_class(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, make_template("breast-cancer"))
    assert window.surface.legend.caption == "P(benign)"
    assert window.table_views.pair_panel.x_combo.currentText() == "mean radius"


def test_image_datasets_leave_the_table_views_off(qtbot, tmp_path, monkeypatch):
    """Images (MNIST-style) have their own views: no feature-pair surface over two pixels,
    no projection (each would cost a forward pass per snapshot)."""
    from nnstudio.data.image_sets import IMAGE_SETS

    window = open_window(qtbot, tmp_path, make_template("digits"))
    views = window.table_views
    assert views.active  # 64 table columns: the views are on
    dataset = window.document.dataset()
    monkeypatch.setattr(window.document.project.data, "name", next(iter(IMAGE_SETS)))
    monkeypatch.setattr(window.document, "dataset", lambda: dataset)
    views.data_changed()
    assert not views.active
    assert not views.pair_dock.toggleViewAction().isEnabled()
    assert not views.projection_dock.toggleViewAction().isEnabled()


def test_a_network_that_reads_the_table_as_images_uses_the_image_views(qtbot, tmp_path):
    """digits-cnn reads digits' 64 columns as 1x8x8 images: the Images dock, not 64
    feature sliders."""
    window = open_window(qtbot, tmp_path, make_template("digits-cnn"))
    assert not window.table_views.active
    assert not window.table_views.pair_dock.toggleViewAction().isEnabled()
    assert window.image_views.active
