"""Every sample on the plane of the first two principal components of the standardized
inputs, coloured by its true class (or target value), wrong predictions marked.

The coordinates come from :func:`nnstudio.data.views.pca_projection`; the predictions from
the network's outputs on the same samples (the worker sends them with its snapshots, so
the marks follow training live).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.data.views import pca_projection, predicted_classes, subsample
from nnstudio.gui.surface import class_colors, diverging_lut

MAX_LEGEND = 10
WRONG_PEN = pg.mkPen(200, 20, 20, 200, width=1.5)


class ProjectionView(QWidget):
    """Scatter of the projected samples.

    Attributes after :meth:`set_dataset`: ``projection`` (the PCA), ``index`` (which
    samples of train + test are drawn), ``y`` (their targets), ``wrong`` ((n,) bool after
    :meth:`set_outputs`, classification only).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.scatter = pg.ScatterPlotItem(size=7, pxMode=True)
        self.wrong_scatter = pg.ScatterPlotItem(size=11, pxMode=True, symbol="o")
        self.plot.addItem(self.scatter)
        self.plot.addItem(self.wrong_scatter)
        self.legend = self.plot.addLegend(offset=(-6, 6), labelTextSize="8pt")
        self._legend_items: list[pg.ScatterPlotItem] = []
        layout.addWidget(self.plot, 1)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.projection: Any = None
        self.index = np.zeros(0, dtype=np.intp)
        self.y = np.zeros(0)
        self.task = "binary"
        self.class_names: list[str] | None = None
        self.wrong = np.zeros(0, dtype=bool)
        self.judged = False
        self.threshold = 0.5
        self.updates = 0

    def set_dataset(self, dataset: Any, *, loss: str = "bce") -> None:
        """Project ``dataset``'s model inputs (train then test, at most 5,000 samples)."""
        x = np.concatenate([dataset.x_train, dataset.x_test])
        y = np.concatenate([dataset.y_train, dataset.y_test])
        self.index = subsample(x.shape[0])
        self.samples = x[self.index]
        self.y = y[self.index]
        self.task = dataset.task
        self.class_names = getattr(dataset, "class_names", None)
        self.threshold = 0.0 if loss == "bce_logits" else 0.5
        self.projection = pca_projection(self.samples)
        coords = self.projection.coords
        if self.task == "regression":
            v = self.y.astype(np.float64)
            lo, hi = float(v.min()), float(v.max())
            t = (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)
            lut = diverging_lut(256)
            colors = lut[np.clip((t * 255).astype(int), 0, 255)]
        else:
            palette = class_colors(max(int(dataset.n_classes), 2)).astype(np.uint8)
            colors = palette[np.clip(self.y.astype(np.intp), 0, len(palette) - 1)]
        brushes = [pg.mkBrush(*c[:3], 230) for c in colors]
        self._set_legend(dataset)
        self.scatter.setData(
            coords[:, 0], coords[:, 1], brush=brushes, pen=pg.mkPen(255, 255, 255, 160)
        )
        self.wrong = np.zeros(len(self.y), dtype=bool)
        self.judged = False  # True once outputs have marked the wrong predictions
        self.wrong_scatter.setData([], [])
        ex = self.projection.explained
        self.plot.setLabel(
            "bottom", self.tr("PC1 ({p:.0f} % of the variance)").format(p=100 * ex[0])
        )
        self.plot.setLabel("left", self.tr("PC2 ({p:.0f} % of the variance)").format(p=100 * ex[1]))
        self._caption()

    def _set_legend(self, dataset: Any) -> None:
        """One legend entry per class (its name and colour), up to 10 classes."""
        for item in self._legend_items:
            self.legend.removeItem(item)
        self._legend_items = []
        if self.task == "regression" or int(dataset.n_classes) > MAX_LEGEND:
            return
        k = max(int(dataset.n_classes), 2)
        palette = class_colors(k).astype(np.uint8)
        names = self.class_names or [str(i) for i in range(k)]
        for c, name in zip(palette, names, strict=False):
            item = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(*c[:3]), pen=None)
            self.legend.addItem(item, str(name))
            self._legend_items.append(item)

    def legend_labels(self) -> list[str]:
        """The class names shown in the legend (tests read them)."""
        return [label.text for _sample, label in self.legend.items]

    def set_outputs(self, outputs: np.ndarray | None) -> None:
        """Mark the samples whose predicted class differs from the true one (circled in
        red). ``outputs`` (n_drawn, k) are the network's outputs on :attr:`samples`."""
        if outputs is None or self.projection is None or self.task == "regression":
            return
        outputs = np.asarray(outputs)
        if outputs.shape[0] != len(self.y):
            return
        self.wrong = predicted_classes(outputs, self.task, self.threshold) != self.y
        coords = self.projection.coords[self.wrong]
        self.wrong_scatter.setData(
            coords[:, 0], coords[:, 1], pen=WRONG_PEN, brush=pg.mkBrush(0, 0, 0, 0)
        )
        self.updates += 1
        self.judged = True
        self._caption()

    def _caption(self) -> None:
        n = len(self.y)
        if self.task == "regression":
            text = self.tr("{n} samples, coloured by the target value").format(n=n)
        else:
            names = self.class_names or [str(i) for i in range(int(self.y.max()) + 1)]
            shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
            text = self.tr("{n} samples coloured by class ({names})").format(n=n, names=shown)
            if self.judged:
                text += self.tr("; {w} predicted wrong (circled)").format(w=int(self.wrong.sum()))
        self.caption.setText(text)
