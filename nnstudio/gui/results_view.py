"""The "Results" dock: a confusion matrix (classification) or predicted-versus-actual
points and a residual histogram (regression), for the training or the test split.

Fed by :func:`nnstudio.insight.results.task_results` dicts from the worker's snapshots;
cleared (with the reason) the moment the network or the data changes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.plots import plot_colors


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class ResultsView(QWidget):
    """Confusion matrix with precision/recall, or regression scatter and residuals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.split_combo = QComboBox()
        self.split_combo.setObjectName("resultsSplit")
        self.split_combo.addItem(self.tr("Training split"), "train")
        self.split_combo.addItem(self.tr("Test split"), "test")
        self.split_combo.currentIndexChanged.connect(lambda _i: self._show())
        bar.addWidget(self.split_combo)
        self.note = QLabel(self.tr("Train to see the results."))
        self.note.setObjectName("resultsNote")
        self.note.setWordWrap(True)  # a long reason wraps in a narrow dock
        bar.addWidget(self.note, 1)
        layout.addLayout(bar)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.table = QTableWidget()
        self.table.setObjectName("confusionMatrix")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.stack.addWidget(self.table)
        reg = QWidget()
        row = QHBoxLayout(reg)
        row.setContentsMargins(0, 0, 0, 0)
        bg, _fg = plot_colors()
        self.scatter_plot = pg.PlotWidget()
        self.scatter_plot.setBackground(bg)
        self.scatter_plot.setLabel("bottom", self.tr("actual"))
        self.scatter_plot.setLabel("left", self.tr("predicted"))
        self.scatter = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(31, 119, 180, 150))
        self.scatter_plot.addItem(self.scatter)
        self.diagonal = self.scatter_plot.plot(pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
        self.residual_plot = pg.PlotWidget()
        self.residual_plot.setBackground(bg)
        self.residual_plot.setLabel("bottom", self.tr("residual (predicted - actual)"))
        self.residual_plot.setLabel("left", self.tr("samples"))
        self.bars = pg.BarGraphItem(x=[0], height=[0], width=1.0, brush="#ff7f0e")
        self.residual_plot.addItem(self.bars)
        row.addWidget(self.scatter_plot, 1)
        row.addWidget(self.residual_plot, 1)
        self.stack.addWidget(reg)
        self.results: dict | None = None
        self.updates = 0

    # ------------------------------------------------------------------ public
    def set_results(self, results: dict | None, epoch: int | None = None) -> None:
        self.results = results
        if epoch is not None:
            self.note.setText(self.tr("epoch {0}").format(epoch))
        part = (results or {}).get("train") or {}
        if part.get("total", 0) > part.get("rows", 0):
            self.note.setText(
                self.note.text()
                + self.tr(" (first {0} of {1} samples)").format(part["rows"], part["total"])
            )
        self._show()
        self.updates += 1

    def clear(self, note: str) -> None:
        """No results (stale or none yet); ``note`` says why."""
        self.results = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.scatter.setData([], [])
        self.diagonal.setData([], [])
        self.bars.setOpts(x=[0], height=[0])
        self.note.setText(note)

    @property
    def split(self) -> str:
        return self.split_combo.currentData()

    # ------------------------------------------------------------------ drawing
    def _show(self) -> None:
        r = self.results
        if not r:
            return
        part = r.get(self.split) or r.get("train")
        if part is None:
            return
        if r["task"] == "regression":
            self.stack.setCurrentIndex(1)
            self._regression(part)
        else:
            self.stack.setCurrentIndex(0)
            self._matrix(part)

    def _matrix(self, part: dict) -> None:
        m = np.asarray(part["matrix"])
        k = m.shape[0]
        names = list(part.get("classes") or [str(i) for i in range(k)])[:k]
        t = self.table
        t.clear()
        t.setRowCount(k + 1)
        t.setColumnCount(k + 1)
        t.setHorizontalHeaderLabels(
            [self.tr("→ {0}").format(n) for n in names] + [self.tr("recall")]
        )
        t.setVerticalHeaderLabels(names + [self.tr("precision")])
        t.setToolTip(self.tr("Rows: true class; columns: predicted class"))
        total = max(1, int(m.sum()))
        for i in range(k):
            row_total = max(1, int(m[i].sum()))
            for j in range(k):
                item = QTableWidgetItem(str(int(m[i, j])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                share = m[i, j] / row_total
                color = QColor(46, 160, 67) if i == j else QColor(214, 39, 40)
                color.setAlpha(int(40 + 180 * share) if m[i, j] else 0)
                item.setBackground(QBrush(color))
                item.setToolTip(self.tr("{0} of {1} samples").format(int(m[i, j]), total))
                t.setItem(i, j, item)
            t.setItem(i, k, QTableWidgetItem(_pct(part["recall"][i])))
        for j in range(k):
            t.setItem(k, j, QTableWidgetItem(_pct(part["precision"][j])))

    def _regression(self, part: dict) -> None:
        actual = np.asarray(part["actual"], dtype=np.float64)
        pred = np.asarray(part["predicted"], dtype=np.float64)
        self.scatter.setData(actual, pred)
        if actual.size:
            lo = float(min(actual.min(), pred.min()))
            hi = float(max(actual.max(), pred.max()))
            self.diagonal.setData([lo, hi], [lo, hi])
        edges = np.asarray(part["residual_edges"], dtype=np.float64)
        counts = np.asarray(part["residual_hist"], dtype=np.float64)
        centres = (edges[:-1] + edges[1:]) / 2
        width = float(edges[1] - edges[0]) if edges.size > 1 else 1.0
        self.bars.setOpts(x=centres, height=counts, width=width)
