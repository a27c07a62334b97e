"""Choose the pair of features a decision surface is drawn on, and the values the other
features are held at (sliders; the training medians by default).

The maths is :mod:`nnstudio.data.views`; this panel only edits a FeaturePair.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data.views import FeaturePair, default_held

SLIDER_STEPS = 200


class FeaturePairPanel(QWidget):
    """Two feature combos and one slider per other feature.

    Signals:
        pairChanged(object): the new :class:`FeaturePair` after any edit.
    """

    pairChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.lo = np.zeros(0)
        self.hi = np.zeros(0)
        self.medians = np.zeros(0)
        self.held = np.zeros(0)
        self.sliders: dict[int, QSlider] = {}
        self.value_labels: dict[int, QLabel] = {}
        self._updating = False

        outer = QVBoxLayout(self)
        top = QFormLayout()
        self.x_combo = QComboBox()
        self.y_combo = QComboBox()
        top.addRow(self.tr("Horizontal"), self.x_combo)
        top.addRow(self.tr("Vertical"), self.y_combo)
        outer.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Other features held at:")), 1)
        self.median_button = QPushButton(self.tr("Medians"))
        self.median_button.setToolTip(self.tr("Hold every other feature at its training median"))
        row.addWidget(self.median_button)
        outer.addLayout(row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.slider_box = QWidget()
        self.slider_form = QFormLayout(self.slider_box)
        self.scroll.setWidget(self.slider_box)
        outer.addWidget(self.scroll, 1)
        self.x_combo.currentIndexChanged.connect(self._axes_changed)
        self.y_combo.currentIndexChanged.connect(self._axes_changed)
        self.median_button.clicked.connect(self.reset_medians)

    # ------------------------------------------------------------------ state
    def set_features(self, names: list[str], raw: np.ndarray) -> None:
        """Offer the raw features ``names`` of ``raw`` (n, n_raw) training rows; the pair
        starts on the first two with the others at their medians."""
        raw = np.asarray(raw, dtype=np.float64)
        self.names = [str(n) for n in names]
        self.lo = np.nanmin(raw, axis=0) if raw.size else np.zeros(len(names))
        self.hi = np.nanmax(raw, axis=0) if raw.size else np.ones(len(names))
        self.medians = default_held(raw)
        self.held = self.medians.copy()
        self._updating = True
        try:
            for combo in (self.x_combo, self.y_combo):
                combo.clear()
                for k, name in enumerate(self.names):
                    combo.addItem(name, k)
            first, second = _default_axes(raw)
            self.x_combo.setCurrentIndex(first)
            self.y_combo.setCurrentIndex(second)
        finally:
            self._updating = False
        self._rebuild_sliders()

    @property
    def pair(self) -> FeaturePair | None:
        """The current pair, or None before :meth:`set_features` (or with < 2 features)."""
        if len(self.names) < 2:
            return None
        i, j = int(self.x_combo.currentData()), int(self.y_combo.currentData())
        if i == j:
            return None
        return FeaturePair(i, j, self.held.copy())

    def set_held(self, k: int, value: float) -> None:
        """Hold feature ``k`` at ``value`` (moves its slider)."""
        self.held[k] = float(value)
        slider = self.sliders.get(k)
        if slider is not None:
            self._updating = True
            slider.setValue(self._to_step(k, value))
            self._updating = False
            self.value_labels[k].setText(f"{value:.4g}")
        self._emit()

    def reset_medians(self) -> None:
        self.held = self.medians.copy()
        self._rebuild_sliders()
        self._emit()

    # ------------------------------------------------------------------ widgets
    def _to_step(self, k: int, value: float) -> int:
        span = self.hi[k] - self.lo[k]
        return int(round((value - self.lo[k]) / span * SLIDER_STEPS)) if span > 0 else 0

    def _rebuild_sliders(self) -> None:
        while self.slider_form.rowCount():
            self.slider_form.removeRow(0)
        self.sliders.clear()
        self.value_labels.clear()
        pair = self.pair
        used = {pair.i, pair.j} if pair is not None else set()
        for k, name in enumerate(self.names):
            if k in used:
                continue
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, SLIDER_STEPS)
            slider.setValue(self._to_step(k, self.held[k]))
            slider.setToolTip(
                self.tr("{name}: {lo:.4g} to {hi:.4g}").format(
                    name=name, lo=self.lo[k], hi=self.hi[k]
                )
            )
            label = QLabel(f"{self.held[k]:.4g}")
            label.setMinimumWidth(56)
            cell = QWidget()
            lay = QHBoxLayout(cell)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(slider, 1)
            lay.addWidget(label)
            slider.valueChanged.connect(lambda step, k=k: self._slider_moved(k, step))
            self.sliders[k] = slider
            self.value_labels[k] = label
            self.slider_form.addRow(name, cell)

    def _slider_moved(self, k: int, step: int) -> None:
        if self._updating:
            return
        self.held[k] = self.lo[k] + (self.hi[k] - self.lo[k]) * step / SLIDER_STEPS
        self.value_labels[k].setText(f"{self.held[k]:.4g}")
        self._emit()

    def _axes_changed(self) -> None:
        if self._updating:
            return
        self._rebuild_sliders()
        self._emit()

    def _emit(self) -> None:
        pair = self.pair
        if pair is not None:
            self.pairChanged.emit(pair)

    def state(self) -> dict[str, Any]:
        """For tests and screenshots: the axes and held values."""
        pair = self.pair
        return {"pair": None if pair is None else (pair.i, pair.j), "held": self.held.copy()}


def _default_axes(raw: np.ndarray) -> tuple[int, int]:
    """The first two columns with more than two distinct values (one-hot 0/1 columns make
    poor axes), else the first two columns."""
    varied = [k for k in range(raw.shape[1]) if np.unique(raw[:, k][~np.isnan(raw[:, k])]).size > 2]
    picks = varied[:2] + [k for k in range(raw.shape[1]) if k not in varied[:2]]
    return picks[0], picks[1] if len(picks) > 1 else picks[0]
