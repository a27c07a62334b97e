"""Curve plots painted by Qt alone (NativePlotWidget): the auto-range still follows the
data, the log-scale toggle and resizes, as pyqtgraph's own paint would have made it."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from nnstudio.gui.plots import TRAIN_COLOR, TrainingPlots


def _train_columns(plots: TrainingPlots) -> tuple[int, int, int]:
    """(first, last) pixel column of the loss plot showing the train curve's colour, and
    the plot's width."""
    image = plots.loss_plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    rgb = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    rgb = rgb[:, : w * 3].reshape(h, w, 3).astype(int)
    colour = QColor(TRAIN_COLOR)
    target = np.array([colour.red(), colour.green(), colour.blue()])
    lower = rgb[int(h * 0.45) :]  # below the legend (top right), where the curve ends
    columns = np.flatnonzero((np.abs(lower - target).max(axis=2) <= 8).any(axis=0))
    return int(columns.min()), int(columns.max()), w


def test_auto_range_follows_data_log_scale_and_resizes(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 240)
    plots.show()
    qtbot.waitExposed(plots)
    box = plots.loss_plot.getPlotItem().getViewBox()
    losses = 10.0 ** -np.linspace(0, 3, 500)  # 1 .. 0.001
    plots.append_reports([{"train_loss": float(v)} for v in losses])
    plots.flush()
    (x0, x1), (y0, y1) = box.viewRange()
    assert x0 <= 1 and x1 >= 500 and y0 <= 0.001 and y1 >= 1.0
    first, last, width = _train_columns(plots)
    assert last > 0.75 * width  # the curve runs to the right end of the view
    # the log toggle changes the data's bounds: the range follows without a redraw call
    plots.log_check.setChecked(True)
    qtbot.waitUntil(lambda: box.viewRange()[1][0] < -2.9 and box.viewRange()[1][1] >= 0.0)
    assert box.viewRange()[1][1] < 0.5  # log10 units, not the linear range
    # more data later: the range grows to hold it
    plots.append_reports([{"train_loss": 1e-4}] * 100)
    plots.flush()
    assert box.viewRange()[0][1] >= 600 and box.viewRange()[1][0] <= -4.0
    # a resize: the curve is drawn across the plot's new width (the view's transform
    # follows the new size without a Python paint)
    plots.resize(900, 320)
    qtbot.waitUntil(lambda: plots.loss_plot.width() > width + 100)
    qtbot.wait(50)
    first, last, new_width = _train_columns(plots)
    assert last > 0.75 * new_width and last > width


def test_data_set_directly_on_a_curve_is_ranged_soon_after(qtbot) -> None:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 240)
    plots.show()
    qtbot.waitExposed(plots)
    plots.append_reports([{"train_loss": 1.0}, {"train_loss": 0.5}])
    plots.flush()
    box = plots.loss_plot.getPlotItem().getViewBox()
    assert box.viewRange()[0][1] < 10
    plots.test_loss_curve.setData([1.0, 2000.0], [0.25, 3.0])  # not through a redraw
    qtbot.waitUntil(lambda: box.viewRange()[0][1] >= 2000 and box.viewRange()[1][1] >= 3.0)
