"""The training panel: loss, optimizer and its hyperparameters, learning rate and schedule,
batch size, epochs, regularization, gradient clipping and seed.

Every edit builds a new TrainConfig and hands it to ``Document.set_training`` (undoable);
the panel mirrors the document back with signals blocked, so the two never loop.
Learning-rate edits are also emitted as ``learningRateChanged(float)``, which the main
window forwards to the running worker at once.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.engine import LOSSES, OPTIMIZERS, SCHEDULES, TrainConfig
from nnstudio.errors import NNStudioError
from nnstudio.gui.inspector import FloatSpinBox

#: Fields a running training accepts (the rest is disabled while the document is locked).
LIVE_FIELDS = ("learning_rate", "epochs", "optimizer_params", "l1", "l2", "clip_norm")

LOSS_TITLES = {
    "mse": "Mean squared error",
    "mae": "Mean absolute error",
    "huber": "Huber",
    "bce": "Binary cross-entropy",
    "bce_logits": "Binary cross-entropy (logits)",
    "cce": "Categorical cross-entropy",
}
OPTIMIZER_TITLES = {
    "sgd": "SGD",
    "momentum": "SGD + momentum",
    "nesterov": "Nesterov",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}

# (key, label, default, min, max, decimals) of each optimizer's hyperparameters.
# "beta1"/"beta2" are stored together as optimizer_params["betas"] = [beta1, beta2].
_P = tuple[str, str, float, float, float, int]
OPTIMIZER_PARAMS: dict[str, tuple[_P, ...]] = {
    "sgd": (("weight_decay", "Weight decay", 0.0, 0.0, 1.0, 6),),
    "momentum": (
        ("momentum", "Momentum", 0.9, 0.0, 0.999, 3),
        ("weight_decay", "Weight decay", 0.0, 0.0, 1.0, 6),
    ),
    "nesterov": (
        ("momentum", "Momentum", 0.9, 0.0, 0.999, 3),
        ("weight_decay", "Weight decay", 0.0, 0.0, 1.0, 6),
    ),
    "adagrad": (
        ("eps", "Epsilon", 1e-10, 1e-12, 1.0, 10),
        ("weight_decay", "Weight decay", 0.0, 0.0, 1.0, 6),
    ),
    "rmsprop": (
        ("alpha", "Decay (alpha)", 0.99, 0.0, 0.9999, 4),
        ("eps", "Epsilon", 1e-8, 1e-12, 1.0, 10),
        ("weight_decay", "Weight decay", 0.0, 0.0, 1.0, 6),
    ),
    "adam": (
        ("beta1", "Beta 1", 0.9, 0.0, 0.9999, 4),
        ("beta2", "Beta 2", 0.999, 0.0, 0.99999, 5),
        ("eps", "Epsilon", 1e-8, 1e-12, 1.0, 10),
        ("weight_decay", "Weight decay", 0.0, 0.0, 1.0, 6),
    ),
    "adamw": (
        ("beta1", "Beta 1", 0.9, 0.0, 0.9999, 4),
        ("beta2", "Beta 2", 0.999, 0.0, 0.99999, 5),
        ("eps", "Epsilon", 1e-8, 1e-12, 1.0, 10),
        ("weight_decay", "Weight decay", 0.01, 0.0, 1.0, 6),
    ),
}
SCHEDULE_PARAMS: dict[str, tuple[_P, ...]] = {
    "constant": (),
    "step": (
        ("step_size", "Step every (epochs)", 50, 1, 1_000_000, 0),
        ("gamma", "Multiply by", 0.5, 0.0, 1.0, 4),
    ),
    "exponential": (("gamma", "Multiply per epoch", 0.99, 0.0, 1.0, 5),),
    "cosine": (
        ("t_max", "Period (epochs)", 200, 1, 1_000_000, 0),
        ("eta_min", "Minimum rate", 0.0, 0.0, 10.0, 6),
    ),
}


def _double(lo: float, hi: float, decimals: int, value: float) -> QDoubleSpinBox:
    """A float box showing compact text (``0.01``, ``1e-8``) that accepts ``1e-3`` typed in.

    ``decimals`` is kept for the spec tables' sake; FloatSpinBox never rounds the value.
    """
    del decimals
    box = FloatSpinBox()
    box.setRange(lo, hi)
    box.setValue(value)
    box.setKeyboardTracking(False)
    box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
    return box


def _int(lo: int, hi: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setValue(value)
    box.setKeyboardTracking(False)
    return box


class _ParamGroup(QWidget):
    """A small form of float/int hyperparameters that can be rebuilt for another choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(12, 0, 0, 0)
        self.boxes: dict[str, QSpinBox | QDoubleSpinBox] = {}

    def rebuild(self, specs: tuple[_P, ...], values: dict[str, Any]) -> None:
        if [s[0] for s in specs] == list(self.boxes):
            # Same fields: only update values (a box may be emitting right now).
            for key, _label, default, *_ in specs:
                box = self.boxes[key]
                blocker = QSignalBlocker(box)
                box.setValue(type(box.value())(values.get(key, default)))
                del blocker
            self.setVisible(bool(specs))
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes = {}
        for key, label, default, lo, hi, decimals in specs:
            value = values.get(key, default)
            if decimals == 0:
                box: QSpinBox | QDoubleSpinBox = _int(int(lo), int(hi), int(value))
            else:
                box = _double(lo, hi, decimals, float(value))
            box.valueChanged.connect(self.changed)
            self.boxes[key] = box
            self.form.addRow(label, box)
        self.setVisible(bool(specs))

    def values(self) -> dict[str, float | int]:
        return {k: b.value() for k, b in self.boxes.items()}


class TrainingPanel(QWidget):
    """Edits the document's TrainConfig; see the module docstring."""

    learningRateChanged = Signal(float)
    error = Signal(str)

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._updating = False
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)

        self.loss_combo = QComboBox()
        for name in LOSSES:
            self.loss_combo.addItem(LOSS_TITLES.get(name, name), name)
        form.addRow("Loss", self.loss_combo)
        self.huber_delta = _double(1e-6, 1e6, 4, 1.0)
        self.huber_label = QLabel("Huber delta")
        form.addRow(self.huber_label, self.huber_delta)

        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem(OPTIMIZER_TITLES.get(name, name), name)
        form.addRow("Optimizer", self.optimizer_combo)
        self.optimizer_params = _ParamGroup()
        form.addRow(self.optimizer_params)

        self.lr_spin = _double(1e-7, 1e7, 7, 0.01)
        self.lr_spin.setToolTip("Takes effect at once, even while training")
        form.addRow("Learning rate", self.lr_spin)
        self.schedule_combo = QComboBox()
        for name in SCHEDULES:
            self.schedule_combo.addItem(name.capitalize(), name)
        form.addRow("Schedule", self.schedule_combo)
        self.schedule_params = _ParamGroup()
        form.addRow(self.schedule_params)

        self.batch_spin = _int(0, 1_000_000, 10)
        self.batch_spin.setSpecialValueText("full")
        self.batch_spin.setToolTip("Samples per step; 'full' (0) uses the whole training split")
        form.addRow("Batch size", self.batch_spin)
        self.epochs_spin = _int(0, 100_000_000, 200)
        self.epochs_spin.setSpecialValueText("unlimited")
        self.epochs_spin.setToolTip("Epochs per run; 'unlimited' (0) trains until stopped")
        # the Playground's behaviour: train until the user pauses or stops
        self.until_paused = QCheckBox(self.tr("until paused"))
        self.until_paused.setToolTip(self.tr("Train until you pause or stop (no epoch limit)"))
        self.until_paused.toggled.connect(self.epochs_spin.setDisabled)
        self.until_paused.toggled.connect(self._commit)
        epochs_row = QHBoxLayout()
        epochs_row.addWidget(self.epochs_spin, 1)
        epochs_row.addWidget(self.until_paused)
        form.addRow("Epochs", epochs_row)
        self.l1_spin = _double(0.0, 10.0, 6, 0.0)
        form.addRow("L1", self.l1_spin)
        self.l2_spin = _double(0.0, 10.0, 6, 0.0)
        form.addRow("L2", self.l2_spin)
        self.clip_spin = _double(0.0, 1e6, 3, 0.0)
        self.clip_spin.setSpecialValueText("off")
        self.clip_spin.setToolTip("Clip the gradient's global norm; 'off' (0) disables")
        form.addRow("Gradient clip", self.clip_spin)
        self.seed_spin = _int(0, 2**31 - 1, 0)
        form.addRow("Seed", self.seed_spin)
        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.lock_label.hide()
        outer.addWidget(self.lock_label)
        outer.addStretch(1)

        self.structural_widgets = [
            self.loss_combo,
            self.huber_delta,
            self.optimizer_combo,
            self.schedule_combo,
            self.schedule_params,
            self.batch_spin,
            self.seed_spin,
        ]
        for combo in (self.loss_combo, self.optimizer_combo, self.schedule_combo):
            combo.currentIndexChanged.connect(self._commit)
        for box in (
            self.huber_delta,
            self.batch_spin,
            self.epochs_spin,
            self.l1_spin,
            self.l2_spin,
            self.clip_spin,
            self.seed_spin,
        ):
            box.valueChanged.connect(self._commit)
        self.optimizer_params.changed.connect(self._commit)
        self.schedule_params.changed.connect(self._commit)
        self.lr_spin.valueChanged.connect(self._lr_edited)

        document.trainingChanged.connect(self.refresh)
        document.projectReplaced.connect(self.refresh)
        document.lockChanged.connect(self._lock_changed)
        self.refresh()

    # ------------------------------------------------------------------------ mirror
    def refresh(self) -> None:
        """Show the document's TrainConfig (no signals back to the document)."""
        cfg: TrainConfig = self.document.project.training
        self._updating = True
        blockers = [QSignalBlocker(w) for w in self._all_widgets()]
        try:
            self._set_combo(self.loss_combo, cfg.loss)
            self.huber_delta.setValue(float(cfg.loss_params.get("delta", 1.0)))
            self._set_combo(self.optimizer_combo, cfg.optimizer)
            self.optimizer_params.rebuild(
                OPTIMIZER_PARAMS.get(cfg.optimizer, ()), self._flat_opt_params(cfg)
            )
            self.lr_spin.setValue(float(cfg.learning_rate))
            self._set_combo(self.schedule_combo, cfg.schedule)
            self.schedule_params.rebuild(
                SCHEDULE_PARAMS.get(cfg.schedule, ()), dict(cfg.schedule_params)
            )
            self.batch_spin.setValue(0 if cfg.batch_size is None else int(cfg.batch_size))
            if cfg.epochs is not None:  # "until paused" keeps the count shown for later
                self.epochs_spin.setValue(int(cfg.epochs))
            self.until_paused.setChecked(cfg.epochs is None)
            self.epochs_spin.setDisabled(cfg.epochs is None)
            self.l1_spin.setValue(float(cfg.l1))
            self.l2_spin.setValue(float(cfg.l2))
            self.clip_spin.setValue(0.0 if cfg.clip_norm is None else float(cfg.clip_norm))
            self.seed_spin.setValue(int(cfg.seed))
            huber = cfg.loss == "huber"
            self.huber_delta.setVisible(huber)
            self.huber_label.setVisible(huber)
        finally:
            del blockers
            self._updating = False

    def config(self) -> TrainConfig:
        """The TrainConfig the widgets show."""
        old: TrainConfig = self.document.project.training
        loss = self.loss_combo.currentData()
        optimizer = self.optimizer_combo.currentData()
        schedule = self.schedule_combo.currentData()
        opt_values = self.optimizer_params.values() if optimizer == old.optimizer else {}
        if optimizer != old.optimizer:
            opt_values = {s[0]: s[2] for s in OPTIMIZER_PARAMS.get(optimizer, ())}
        opt_params: dict[str, Any] = {}
        for key, value in opt_values.items():
            if key in ("beta1", "beta2"):
                continue
            opt_params[key] = float(value)
        if "beta1" in opt_values:
            opt_params["betas"] = [float(opt_values["beta1"]), float(opt_values["beta2"])]
        if schedule == old.schedule:
            sched_params = dict(self.schedule_params.values())
        else:
            sched_params = {s[0]: s[2] for s in SCHEDULE_PARAMS.get(schedule, ())}
        loss_params = {"delta": float(self.huber_delta.value())} if loss == "huber" else {}
        batch = self.batch_spin.value()
        epochs = 0 if self.until_paused.isChecked() else self.epochs_spin.value()
        clip = self.clip_spin.value()
        return dataclasses.replace(
            old,
            loss=loss,
            loss_params=loss_params,
            optimizer=optimizer,
            optimizer_params=opt_params,
            learning_rate=float(self.lr_spin.value()),
            schedule=schedule,
            schedule_params=sched_params,
            batch_size=None if batch == 0 else int(batch),
            epochs=None if epochs == 0 else int(epochs),
            l1=float(self.l1_spin.value()),
            l2=float(self.l2_spin.value()),
            clip_norm=None if clip == 0 else float(clip),
            seed=int(self.seed_spin.value()),
        )

    # ------------------------------------------------------------------------ edits
    def _commit(self) -> None:
        if self._updating:
            return
        try:
            self.document.set_training(self.config())
        except NNStudioError as exc:
            self.error.emit(str(exc))
        self.refresh()

    def _lr_edited(self, value: float) -> None:
        if self._updating:
            return
        self._commit()
        if abs(float(self.document.project.training.learning_rate) - value) <= 1e-12 * max(
            1.0, abs(value)
        ):
            self.learningRateChanged.emit(float(value))

    def _lock_changed(self, reason: str) -> None:
        for w in self.structural_widgets:
            w.setEnabled(not reason)
        self.lock_label.setText(
            f"{reason}: only the learning rate, epochs, optimizer settings and "
            "regularization can change now."
            if reason
            else ""
        )
        self.lock_label.setVisible(bool(reason))

    # ------------------------------------------------------------------------ helpers
    def _all_widgets(self) -> list[QWidget]:
        return [
            self.loss_combo,
            self.huber_delta,
            self.optimizer_combo,
            self.optimizer_params,
            self.lr_spin,
            self.schedule_combo,
            self.schedule_params,
            self.batch_spin,
            self.epochs_spin,
            self.until_paused,
            self.l1_spin,
            self.l2_spin,
            self.clip_spin,
            self.seed_spin,
        ]

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        i = combo.findData(value)
        if i < 0:
            combo.addItem(value, value)
            i = combo.findData(value)
        combo.setCurrentIndex(i)

    @staticmethod
    def _flat_opt_params(cfg: TrainConfig) -> dict[str, Any]:
        values = dict(cfg.optimizer_params)
        betas = values.pop("betas", None)
        if betas is not None and len(betas) == 2:
            values["beta1"], values["beta2"] = float(betas[0]), float(betas[1])
        return values
