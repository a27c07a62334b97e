"""Streaming training curves: loss (train/test, log toggle) and accuracy or RMSE.

Curves are fed from Report dicts (``Report.to_dict()``) into preallocated buffers that
double when full; pyqtgraph draws them with peak downsampling and clip-to-view so a run of
100,000 epochs stays cheap to redraw.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGraphicsView,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from nnstudio.errors import NNStudioError
from nnstudio.gui.on_screen import on_screen

TRAIN_COLOR = "#1f77b4"
TEST_COLOR = "#ff7f0e"


def plot_colors() -> tuple[QColor, QColor]:
    """(background, foreground) for plots, from the application palette (light or dark)."""
    app = QApplication.instance()
    if app is None:
        return QColor("white"), QColor("black")
    pal = app.palette()
    return pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)


class GrowingBuffer:
    """Columns of float64 values that grow by doubling: (capacity, n_columns) storage."""

    def __init__(self, n_columns: int, capacity: int = 1024) -> None:
        self._data = np.full((capacity, n_columns), np.nan)
        self.size = 0

    def extend(self, rows: np.ndarray) -> None:
        """Append ``rows`` of shape (k, n_columns)."""
        k = len(rows)
        if self.size + k > len(self._data):
            new_cap = max(2 * len(self._data), self.size + k)
            grown = np.full((new_cap, self._data.shape[1]), np.nan)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : self.size + k] = rows
        self.size += k

    def column(self, i: int) -> np.ndarray:
        """A view of the filled part of column ``i``: (size,)."""
        return self._data[: self.size, i]

    def clear(self) -> None:
        self.size = 0


class PeakDecimator:
    """Min/max decimation of a GrowingBuffer, updated incrementally as rows arrive.

    Complete blocks of ``k`` rows are reduced once to (first x, last x, min, max) per
    column and cached; ``k`` doubles (re-reducing the cache pairwise) whenever more than
    ``max_blocks`` blocks exist. A redraw therefore costs O(max_blocks + k), not O(rows),
    and peaks (spikes in the loss) survive.
    """

    def __init__(self, n_columns: int, max_blocks: int = 2000) -> None:
        self.max_blocks = max_blocks
        self.n_columns = n_columns
        self.reset()

    def reset(self) -> None:
        self.k = 1
        self.n_blocks = 0
        self._x0 = np.empty(0)
        self._x1 = np.empty(0)
        self._lo = np.empty((0, self.n_columns))
        self._hi = np.empty((0, self.n_columns))

    def _coarsen(self) -> None:
        m = self.n_blocks // 2 * 2
        self._x0 = self._x0[:m:2].copy()
        self._x1 = self._x1[1:m:2].copy()
        self._lo = np.fmin(self._lo[:m:2], self._lo[1:m:2])
        self._hi = np.fmax(self._hi[:m:2], self._hi[1:m:2])
        self.n_blocks = m // 2
        self.k *= 2

    def update(self, buffer: GrowingBuffer) -> None:
        """Reduce the rows of ``buffer`` that completed new blocks (column 0 is x)."""
        if buffer.size < self.n_blocks * self.k:  # the buffer was cleared
            self.reset()
        full = buffer.size // self.k
        if full > self.n_blocks:
            data = buffer._data[self.n_blocks * self.k : full * self.k]
            blocks = data.reshape(full - self.n_blocks, self.k, -1)
            self._x0 = np.concatenate([self._x0, blocks[:, 0, 0]])
            self._x1 = np.concatenate([self._x1, blocks[:, -1, 0]])
            self._lo = np.concatenate([self._lo, np.fmin.reduce(blocks, axis=1)])
            self._hi = np.concatenate([self._hi, np.fmax.reduce(blocks, axis=1)])
            self.n_blocks = full
        while self.n_blocks > self.max_blocks:
            self._coarsen()

    def series(self, buffer: GrowingBuffer, column: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) to draw for ``column``: min/max pairs of every block, then the raw tail."""
        if self.k == 1:
            return buffer.column(0), buffer.column(column)
        tail = slice(self.n_blocks * self.k, buffer.size)
        x = np.empty(2 * self.n_blocks)
        y = np.empty(2 * self.n_blocks)
        x[0::2], x[1::2] = self._x0, self._x1
        y[0::2], y[1::2] = self._lo[:, column], self._hi[:, column]
        return (
            np.concatenate([x, buffer._data[tail, 0]]),
            np.concatenate([y, buffer._data[tail, column]]),
        )


class NativePlotWidget(pg.PlotWidget):
    """A ``PlotWidget`` whose ``paintEvent`` is Qt's own: no Python, and so no GIL, while
    the plot paints (PySide keeps the GIL during every C++ call made from Python, and
    pyqtgraph's override paints the whole scene inside ``super().paintEvent``).

    pyqtgraph's override only asks the ViewBox to settle its auto-range and transform
    before painting. Here the ViewBox does that when its range, state or size changes
    (its signals); code that changes the plotted data calls :meth:`settle` after it
    (``TrainingPlots._redraw`` does).
    """

    paintEvent = QGraphicsView.paintEvent  # noqa: N815 (Qt API): C++, not overridden

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._preparing = False
        box = self.getPlotItem().getViewBox()
        for signal in (box.sigStateChanged, box.sigRangeChanged, box.sigResized):
            signal.connect(self.settle)
        if box.border is None or box.border.style() == Qt.PenStyle.NoPen:
            # no border to draw: skip the ViewBox's Python paint in every repaint
            box.setFlag(box.GraphicsItemFlag.ItemHasNoContents)

    def settle(self, *_args: object) -> None:
        """Settle the auto-range and the view transform now (what a paint would do).

        A new range can change the curves' clipped and downsampled data and so ask for
        another auto-range (pyqtgraph then paints twice): settled here, a few rounds at
        most."""
        if self._preparing:  # the auto-range's own range change
            return
        self._preparing = True
        box = self.getPlotItem().getViewBox()
        try:
            for _round in range(3):
                self.scene().prepareForPaint()
                if not box._autoRangeNeedsUpdate:
                    break
        finally:
            self._preparing = False


class PlotExportError(NNStudioError):
    """A plot or curve export could not be written."""


def _value(report: dict, key: str) -> float:
    v = report.get(key)
    return np.nan if v is None else float(v)


# Buffer columns.
_COLUMNS = (
    "epoch",
    "train_loss",
    "test_loss",
    "train_accuracy",
    "test_accuracy",
    "train_rmse",
    "test_rmse",
)


class TrainingPlots(QWidget):
    """Two plots side by side: loss (train/test) and accuracy (classification) or RMSE."""

    #: Curves redraw at most this often (ms): axes re-render on every range change, and
    #: that painting holds the GIL the training thread needs. Curves not on screen (the
    #: dock behind another tab) wait, checked at the same interval, until they are shown.
    REDRAW_INTERVAL_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buffer = GrowingBuffer(len(_COLUMNS))
        self._decimator = PeakDecimator(len(_COLUMNS))
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(self.REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw_if_shown)
        self._task = "binary"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.log_check.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        self.log_check.toggled.connect(self._set_log)
        bar.addWidget(self.log_check)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.loss_plot = NativePlotWidget()
        self.metric_plot = NativePlotWidget()
        row = QHBoxLayout()
        layout.addLayout(row, 1)
        for plot in (self.loss_plot, self.metric_plot):
            item = plot.getPlotItem()
            item.setDownsampling(mode="peak")
            item.setClipToView(True)
            item.setLabel("bottom", self.tr("epoch"))
            item.getAxis("left").enableAutoSIPrefix(False)
            plot.setMinimumHeight(90)
            row.addWidget(plot, 1)
        self.loss_plot.setLabel("left", self.tr("loss"))
        # Loss falls (legend top right); accuracy rises (legend bottom right).
        self.loss_plot.getPlotItem().addLegend(offset=(-10, 10))
        self.metric_legend = self.metric_plot.getPlotItem().addLegend(offset=(-10, -10))
        self.train_loss_curve = self.loss_plot.plot(
            pen=pg.mkPen(TRAIN_COLOR, width=2), name=self.tr("train")
        )
        self.test_loss_curve = self.loss_plot.plot(
            pen=pg.mkPen(TEST_COLOR, width=2, style=Qt.PenStyle.DashLine), name=self.tr("test")
        )
        self.train_metric_curve = self.metric_plot.plot(
            pen=pg.mkPen(TRAIN_COLOR, width=2), name=self.tr("train")
        )
        self.test_metric_curve = self.metric_plot.plot(
            pen=pg.mkPen(TEST_COLOR, width=2, style=Qt.PenStyle.DashLine), name=self.tr("test")
        )
        for curve in (
            self.train_loss_curve,
            self.test_loss_curve,
            self.train_metric_curve,
            self.test_metric_curve,
        ):
            curve.setDownsampling(auto=True, method="peak")
            # one block (its min and max: two points) per pixel column; pyqtgraph's default
            # of 5 samples per pixel gives "peak" blocks of 2 and so no reduction at all,
            # and the 2-px pens' stroking made each repaint a 5-9 ms main-thread stall
            curve.opts["autoDownsampleFactor"] = 1.0
            curve.setClipToView(True)
        self.set_task("binary")
        self.apply_palette()

    # ------------------------------------------------------------------------ public API
    def apply_palette(self) -> None:
        """Follow the application palette (light or dark)."""
        bg, fg = plot_colors()
        for plot in (self.loss_plot, self.metric_plot):
            plot.setBackground(bg)
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(fg)
                axis.setTextPen(fg)

    def set_task(self, task: str) -> None:
        """ "binary" / "multiclass" show accuracy; "regression" shows RMSE."""
        self._task = task
        label = "RMSE" if task == "regression" else self.tr("accuracy")
        self.metric_plot.setLabel("left", label)
        # RMSE falls like the loss (legend top right); accuracy rises (bottom right).
        self.metric_legend.setOffset((-10, 10) if task == "regression" else (-10, -10))
        self._redraw()

    @property
    def n_points(self) -> int:
        return self._buffer.size

    def clear(self) -> None:
        self._buffer.clear()
        self._decimator.reset()
        self._redraw_timer.stop()
        self._redraw()

    def set_history(self, history: list[dict]) -> None:
        """Replace the curves with a whole history (list of Report dicts)."""
        self._buffer.clear()
        self._decimator.reset()
        self.append_reports(history)
        self._redraw_timer.stop()
        self._redraw()

    def flush(self) -> None:
        """Redraw now if an update is pending."""
        if self._redraw_timer.isActive():
            self._redraw_timer.stop()
            self._redraw()

    def append_reports(self, reports: list[dict]) -> None:
        """Append Report dicts (x is the running epoch count, 1-based); redraws soon.

        Drawing is throttled to REDRAW_INTERVAL_MS; :meth:`flush` draws at once.
        """
        if not reports:
            return
        start = self._buffer.size
        rows = np.empty((len(reports), len(_COLUMNS)))
        for i, report in enumerate(reports):
            rows[i, 0] = start + i + 1
            for j, key in enumerate(_COLUMNS[1:], start=1):
                rows[i, j] = _value(report, key)
        self._buffer.extend(rows)
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def curves(self) -> dict[str, np.ndarray]:
        """Copies of the recorded columns, by name: each (n_points,)."""
        return {name: self._buffer.column(i).copy() for i, name in enumerate(_COLUMNS)}

    def export_csv(self, path: str | Path) -> None:
        """Write every recorded column to ``path`` as CSV (empty cells for missing values)."""
        from nnstudio.io.atomic import AtomicFile

        data = self.curves()
        with AtomicFile(path, "w", newline="", encoding="utf-8", error=PlotExportError) as fh:
            writer = csv.writer(fh)
            writer.writerow(_COLUMNS)
            for i in range(self._buffer.size):
                row = []
                for name in _COLUMNS:
                    v = data[name][i]
                    row.append("" if np.isnan(v) else (int(v) if name == "epoch" else repr(v)))
                writer.writerow(row)

    def export_png(self, path: str | Path) -> None:
        """Write both plots as one PNG; raises PlotExportError if it cannot be written."""
        from nnstudio.gui.atomic_images import save_image_atomic

        self.flush()
        save_image_atomic(self.grab(), path, PlotExportError, "PNG")

    def export_svg(self, path: str | Path) -> None:
        """Write both plots side by side as one SVG (vector curves and text), on the
        plots' background colour; raises PlotExportError if it cannot be written."""
        from nnstudio.gui.atomic_images import svg_atomic

        self.flush()
        svg_atomic(path, PlotExportError, lambda device: self._draw_svg(device))

    def _draw_svg(self, device) -> None:  # noqa: ANN001 - a QIODevice
        from PySide6.QtCore import QRect, QRectF
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        # Only the two plots (not the log-scale check box), each at its place.
        area = self.loss_plot.geometry().united(self.metric_plot.geometry())
        gen = QSvgGenerator()
        gen.setOutputDevice(device)
        gen.setSize(area.size())
        gen.setViewBox(QRect(0, 0, area.width(), area.height()))
        gen.setResolution(self.logicalDpiX())
        gen.setTitle(self.tr("NN Studio training curves"))
        painter = QPainter(gen)
        try:
            for plot in (self.loss_plot, self.metric_plot):
                # The scene, not the view (a view's render() mis-scales pyqtgraph items).
                target = QRectF(plot.geometry().translated(-area.topLeft()))
                painter.fillRect(target, plot.backgroundBrush())
                plot.scene().prepareForPaint()
                plot.scene().render(painter, target, QRectF(plot.viewport().rect()))
        finally:
            painter.end()

    # ------------------------------------------------------------------------ internals
    def _set_log(self, on: bool) -> None:
        self.loss_plot.getPlotItem().setLogMode(y=on)

    def _redraw_if_shown(self) -> None:
        if on_screen(self):
            self._redraw()
        else:
            self._redraw_timer.start()  # still pending: look again in a moment

    def _redraw(self) -> None:
        b, dec = self._buffer, self._decimator
        dec.update(b)
        metric = (5, 6) if self._task == "regression" else (3, 4)
        for curve, column in (
            (self.train_loss_curve, 1),
            (self.test_loss_curve, 2),
            (self.train_metric_curve, metric[0]),
            (self.test_metric_curve, metric[1]),
        ):
            x, y = dec.series(b, column)
            curve.setData(x, y, connect="finite")
        # settle the auto-range now (pyqtgraph would in the next paint, then ask for a
        # second paint of the plot and its axes in the new range)
        for plot in (self.loss_plot, self.metric_plot):
            plot.settle()
