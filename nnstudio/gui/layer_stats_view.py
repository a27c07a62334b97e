"""The "Layer statistics" dock: per-layer distributions over time and gradient norms.

For each layer with parameters (or a ReLU/tanh/sigmoid output) one row of three images,
weights, gradients and activations, with the run's refreshes across and the fixed value
bins of :data:`nnstudio.engine.layerstats.HIST_EDGES` up (like TensorBoard's histograms),
titled with the layer's dead or saturated fraction; below them the gradient norm of every
layer on a log axis. Fed by :class:`nnstudio.insight.live.LayerHistory` copies from the
worker's snapshots.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from nnstudio.engine.layerstats import HIST_EDGES, N_BINS
from nnstudio.gui.plots import plot_colors

KINDS = ("weight_hist", "grad_hist", "act_hist")
#: Values labelled on the bins axis.
TICK_VALUES = (-100.0, -1.0, -0.01, 0.0, 0.01, 1.0, 100.0)
PEN_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")


def _bin_of(value: float) -> float:
    """Position of ``value`` on the bins axis (bin centres at i + 0.5)."""
    return float(np.searchsorted(HIST_EDGES, value, side="right")) - 0.5


def _ticks() -> list[tuple[float, str]]:
    return [(_bin_of(v), f"{v:g}") for v in TICK_VALUES]


class LayerStatsView(QWidget):
    """Rows of distribution images per layer plus a gradient-norm plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.note = QLabel(self.tr("Train to see each layer's weights, gradients and outputs."))
        self.note.setObjectName("layerStatsNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.graphics = pg.GraphicsLayoutWidget()
        # rows keep a readable height; the dock scrolls instead of squeezing the canvas
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.graphics)
        layout.addWidget(self.scroll, 1)
        self.layer_ids: list[str] = []
        self.images: dict[tuple[str, str], pg.ImageItem] = {}
        self.titles: dict[str, Any] = {}
        self.norm_plot: Any = None
        self.norm_curves: dict[str, Any] = {}
        self.history: Any = None
        self.updates = 0
        bg, _fg = plot_colors()
        self.graphics.setBackground(bg)

    # ------------------------------------------------------------------ public
    def clear(self, note: str | None = None) -> None:
        """Empty the view; ``note`` says why (e.g. the network changed)."""
        self.graphics.clear()
        self.layer_ids, self.images, self.titles, self.norm_curves = [], {}, {}, {}
        self.norm_plot = None
        self.history = None
        self.note.setText(note or self.tr("Train to see each layer's statistics."))
        self.note.show()

    def set_history(self, history: Any, stats: dict | None = None) -> None:
        """Show a :class:`~nnstudio.insight.live.LayerHistory` (and the latest ``stats``
        for the dead / saturated fractions in the titles)."""
        self.history = history
        ids = list(history.layers) if history is not None else []
        if not ids:
            self.clear()
            return
        if ids != self.layer_ids:
            self._build(ids)
        epochs = history.epochs
        x0 = float(epochs[0]) if epochs else 0.0
        width = max(1.0, float(epochs[-1]) - x0) if len(epochs) > 1 else 1.0
        for nid in ids:
            for kind in KINDS:
                img = history.image(nid, kind)
                item = self.images[(nid, kind)]
                if img is None:
                    item.clear()
                    continue
                item.setImage(np.sqrt(img), autoLevels=False, levels=(0.0, 1.0))
                item.setRect(QRectF(x0, 0.0, width, float(N_BINS)))
            self.titles[nid].setText(self._title(nid, (stats or {}).get("layers", {}).get(nid)))
            norms = history.series(nid, "grad_norm")
            ok = np.isfinite(norms) & (norms > 0)
            xs = np.asarray(epochs, dtype=np.float64)
            self.norm_curves[nid].setData(xs[ok], np.log10(norms[ok]))
        self.note.hide()
        self.updates += 1

    # ------------------------------------------------------------------ internals
    def _title(self, nid: str, s: dict | None) -> str:
        parts = [nid]
        if s and s.get("output"):
            parts.append(self.tr("output"))
        elif s:
            if s.get("activation") and s.get("activation") != "linear":
                parts.append(str(s["activation"]))
            if s.get("dead") is not None:
                parts.append(self.tr("dead {0:.0%}").format(s["dead"]))
            if s.get("saturated") is not None:
                parts.append(self.tr("saturated {0:.0%}").format(s["saturated"]))
        return " · ".join(parts)

    def _build(self, ids: list[str]) -> None:
        g = self.graphics
        g.clear()
        self.layer_ids = list(ids)
        self.images, self.titles, self.norm_curves = {}, {}, {}
        cmap = pg.colormap.get("viridis")
        headers = (self.tr("weights"), self.tr("gradients"), self.tr("outputs"))
        ticks = _ticks()
        for row, nid in enumerate(ids):
            label = g.addLabel(nid, row=2 * row, col=0, colspan=3)
            self.titles[nid] = label
            for col, kind in enumerate(KINDS):
                item = _hist_cell(g, 2 * row + 1, col, headers[col], ticks)
                item.setColorMap(cmap)
                self.images[(nid, kind)] = item
        base = 2 * len(ids)
        g.addLabel(self.tr("gradient norm per layer (log10)"), row=base, col=0, colspan=3)
        self.norm_plot = g.addPlot(row=base + 1, col=0, colspan=3)
        self.norm_plot.setMenuEnabled(False)
        self.norm_plot.addLegend(offset=(-10, 10))
        self.norm_plot.setLabel("bottom", self.tr("epoch"))
        for i, nid in enumerate(ids):
            color = PEN_COLORS[i % len(PEN_COLORS)]
            self.norm_curves[nid] = self.norm_plot.plot(pen=pg.mkPen(color, width=2), name=nid)
        self.graphics.setMinimumHeight(int(130 * len(ids) + 160))


def _hist_cell(g: Any, row: int, col: int, title: str, ticks: list) -> pg.ImageItem:
    """One histogram image in ``g`` at (row, col): a title, a left axis with ``ticks``, the
    image's view and a bottom axis. Built from a ViewBox and AxisItems rather than a
    PlotItem (whose option menus cost ~10 ms each to build: a network of seven layers
    blocked the window ~0.3 s when its statistics first arrived)."""
    cell = pg.GraphicsLayout()  # filled first, then added: one layout pass in ``g``
    cell.setContentsMargins(0, 0, 0, 0)
    cell.setSpacing(0)
    cell.addLabel(title, row=0, col=1, size="8pt")
    view = pg.ViewBox(enableMenu=False)
    view.setMouseEnabled(False, False)
    left, bottom = pg.AxisItem("left"), pg.AxisItem("bottom")
    left.setTicks([ticks])
    left.setWidth(38)
    for axis in (left, bottom):
        axis.linkToView(view)
    cell.addItem(left, row=1, col=0)
    cell.addItem(view, row=1, col=1)
    cell.addItem(bottom, row=2, col=1)
    cell.setMaximumHeight(110)
    item = pg.ImageItem()
    view.addItem(item)
    view.setYRange(0, N_BINS, padding=0)
    g.addItem(cell, row=row, col=col)
    return item


def grad_norms(history: Any) -> dict[str, float]:
    """The latest finite gradient norm per layer of ``history`` (for tests and labels)."""
    out = {}
    for nid in history.layers:
        s = history.series(nid, "grad_norm")
        s = s[np.isfinite(s)]
        out[nid] = float(s[-1]) if s.size else math.nan
    return out
