"""The decision surface widget and the streaming plots."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QImage

from nnstudio.gui.plots import GrowingBuffer, TrainingPlots
from nnstudio.gui.surface import CLASS_COLORS, DecisionSurface, diverging_lut, soften


def _dataset(task="binary", n_classes=2, n=40, bounds=(-2.0, 3.0, -1.0, 4.0)):
    rng = np.random.default_rng(0)
    raw = rng.uniform(-1, 1, size=(n, 2))
    if task == "regression":
        y = rng.uniform(-5, 7, size=n)
    else:
        y = rng.integers(0, n_classes, size=n)
    return SimpleNamespace(
        raw_train=raw,
        y_train=y,
        raw_test=raw[: n // 2],
        y_test=y[: n // 2],
        task=task,
        n_classes=n_classes,
        bounds=bounds,
    )


def _grid(values):
    res = values.shape[0]
    return np.linspace(0, 1, res), np.linspace(0, 1, res), values


@pytest.fixture
def surface(qtbot):
    widget = DecisionSurface()
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.show()
    return widget


def test_binary_surface_uses_fixed_levels_and_data_rect(surface):
    surface.set_dataset(_dataset())
    values = np.full((100, 100, 1), 0.5)
    values[:50] = 0.9
    surface.set_grid(_grid(values))
    image = surface.image_item.image
    assert image.shape == (100, 100)
    assert surface.image_item.getLevels() == pytest.approx((0.0, 1.0))
    rect = surface.image_item.mapRectToParent(surface.image_item.boundingRect())
    assert (rect.left(), rect.top(), rect.width(), rect.height()) == pytest.approx(
        (-2.0, -1.0, 5.0, 5.0)
    )
    # Same output, same colour: levels do not follow the frame's range.
    surface.set_grid(_grid(np.full((100, 100, 1), 0.9)))
    assert surface.image_item.getLevels() == pytest.approx((0.0, 1.0))
    assert surface.frames == 2


def test_logits_go_through_a_sigmoid(surface):
    surface.set_dataset(_dataset(), loss="bce_logits")
    surface.set_grid(_grid(np.full((100, 100, 1), 0.0)))
    assert np.allclose(surface.image_item.image, 0.5)


def test_multiclass_blends_class_colours(surface):
    surface.set_dataset(_dataset("multiclass", 3))
    probs = np.zeros((100, 100, 3))
    probs[..., 2] = 1.0
    probs[:10, :, :] = [1.0, 0.0, 0.0]
    surface.set_grid(_grid(probs))
    image = surface.image_item.image
    assert image.shape == (100, 100, 3) and image.dtype == np.uint8
    # A sure prediction is the class colour, softened for the background.
    assert np.abs(image[50, 50].astype(int) - soften(CLASS_COLORS[2])).max() <= 1
    assert np.abs(image[5, 5].astype(int) - soften(CLASS_COLORS[0])).max() <= 1


def test_multiclass_logits_are_softmaxed(surface):
    surface.set_dataset(_dataset("multiclass", 3))
    logits = np.zeros((100, 100, 3))
    logits[..., 1] = 20.0
    surface.set_grid(_grid(logits))
    assert np.abs(surface.image_item.image[0, 0].astype(int) - soften(CLASS_COLORS[1])).max() <= 1


def test_regression_levels_follow_the_targets(surface):
    data = _dataset("regression", 1)
    surface.set_dataset(data)
    assert surface.levels == pytest.approx((data.y_train.min(), data.y_train.max()))
    surface.set_grid(_grid(np.full((100, 100, 1), 3.0)))
    assert surface.image_item.getLevels() == pytest.approx(surface.levels)


def test_points_and_test_toggle(surface):
    data = _dataset(n=40)
    surface.set_dataset(data)
    assert len(surface.train_scatter.data) == 40
    assert len(surface.test_scatter.data) == 20
    assert surface.test_scatter.isVisible()
    surface.test_check.setChecked(False)
    assert not surface.test_scatter.isVisible()
    surface.test_check.setChecked(True)
    assert surface.test_scatter.isVisible()


def _brush_rgb(scatter):
    return np.array([b.color().getRgb()[:3] for b in scatter.data["brush"]])


def test_points_are_full_colour_over_a_softer_surface(surface):
    data = _dataset("binary", 2, n=40)
    surface.set_dataset(data)
    rgb = _brush_rgb(surface.train_scatter)
    expected = np.where(data.y_train[:, None] == 1, [8, 119, 189], [245, 147, 34])
    assert np.array_equal(rgb, expected)
    surface.set_grid(_grid(np.full((100, 100, 1), 1.0)))
    lut = surface.image_item.lut
    # The surface at P=1 is paler than a class-1 point: the point stands out.
    assert np.abs(lut[-1].astype(int) - soften([8, 119, 189])).max() <= 1
    assert int(lut[-1].astype(int).sum()) > int(np.sum([8, 119, 189]))


def test_many_points_share_a_few_brushes(surface):
    # pyqtgraph renders a symbol per distinct brush object: 50,000 points with one brush
    # each took seconds on the GUI thread.
    for task, k in (("multiclass", 3), ("regression", 1)):
        surface.set_dataset(_dataset(task, k, n=5000))
        brushes = surface.train_scatter.data["brush"]
        assert len(brushes) == 5000
        assert len({id(b) for b in brushes}) <= 64


def test_regression_points_follow_the_colour_map(surface):
    data = _dataset("regression", 1, n=200)
    surface.set_dataset(data)
    rgb = _brush_rgb(surface.train_scatter)
    lo_pt, hi_pt = rgb[np.argmin(data.y_train)], rgb[np.argmax(data.y_train)]
    assert np.abs(lo_pt - [245, 147, 34]).max() < 20  # lowest target: the low end
    assert np.abs(hi_pt - [8, 119, 189]).max() < 20  # highest: the high end


def test_non_2d_data_shows_a_message(surface):
    data = _dataset()
    data.bounds = None
    surface.set_dataset(data)
    assert surface.message.isVisible()
    assert not surface.plot.isVisible()


def test_diverging_lut_ends():
    lut = diverging_lut(256)
    assert lut.shape == (256, 3) and lut.dtype == np.uint8
    assert tuple(lut[0]) == (245, 147, 34)
    assert tuple(lut[-1]) == (8, 119, 189)


def test_growing_buffer_keeps_rows_across_growth():
    buf = GrowingBuffer(2, capacity=4)
    for i in range(10):
        buf.extend(np.array([[i, 2 * i]], dtype=float))
    assert buf.size == 10
    assert np.array_equal(buf.column(1), 2 * np.arange(10.0))


def test_plots_append_and_export_csv(qtbot, tmp_path):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    reports = [
        {"epoch": i + 1, "train_loss": 1.0 / (i + 1), "test_loss": None, "train_accuracy": 0.5}
        for i in range(5)
    ]
    plots.append_reports(reports[:2])
    plots.append_reports(reports[2:])
    assert plots.n_points == 5
    plots.flush()
    x, y = plots.train_loss_curve.getData()
    assert np.array_equal(x, np.arange(1, 6)) and y[-1] == pytest.approx(0.2)
    plots.log_check.setChecked(True)
    assert plots.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()
    out = tmp_path / "curves.csv"
    plots.export_csv(out)
    lines = out.read_text().splitlines()
    assert lines[0].startswith("epoch,train_loss,test_loss")
    assert len(lines) == 6 and lines[1].split(",")[2] == ""
    plots.set_task("regression")
    assert plots.metric_plot.getPlotItem().getAxis("left").labelText == "RMSE"


def test_metric_legend_moves_to_where_the_curve_is_not(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    # Accuracy rises: legend bottom right. RMSE falls like the loss: top right.
    assert plots.metric_legend.opts["offset"] == (-10, -10)
    plots.set_task("regression")
    assert plots.metric_legend.opts["offset"] == (-10, 10)
    plots.set_task("binary")
    assert plots.metric_legend.opts["offset"] == (-10, -10)


def test_plots_export_png_svg_and_refuse_unwritable(qtbot, tmp_path):
    from nnstudio.errors import NNStudioError

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(500, 250)
    plots.append_reports([{"train_loss": 1.0 / (i + 1)} for i in range(10)])
    plots.export_png(tmp_path / "p.png")
    assert not QImage(str(tmp_path / "p.png")).isNull()
    plots.export_svg(tmp_path / "p.svg")
    text = (tmp_path / "p.svg").read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "loss" in text
    for export in (plots.export_png, plots.export_svg, plots.export_csv):
        with pytest.raises(NNStudioError, match="Cannot write"):
            export(tmp_path / "missing" / "x.out")


def test_peak_decimator_bounds_points_and_keeps_spikes():
    from nnstudio.gui.plots import PeakDecimator

    buf = GrowingBuffer(2, capacity=8)
    dec = PeakDecimator(2, max_blocks=50)
    y = np.linspace(1.0, 0.0, 10_000)
    y[7_777] = 5.0  # a spike
    for start in range(0, 10_000, 333):
        rows = np.column_stack(
            [np.arange(start, min(start + 333, 10_000)) + 1.0, y[start : start + 333]]
        )
        buf.extend(rows)
        dec.update(buf)
    x, v = dec.series(buf, 1)
    assert len(x) <= 2 * 50 + dec.k
    assert v.max() == 5.0 and v.min() == 0.0
    assert np.all(np.diff(x) >= 0)
    buf.clear()
    dec.update(buf)
    assert dec.n_blocks == 0 and dec.k == 1
