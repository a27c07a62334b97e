"""The training panel: loss, optimizer and its hyperparameters, learning rate and schedule,
batch size, epochs, regularization, gradient clipping, seed and precision.

Every field, default, range, choice and help text comes from the catalog
(:data:`~nnstudio.graph.catalog.TRAINING_FIELDS` and the loss, optimizer and schedule
tables); choosing another optimizer or schedule starts from the catalog's defaults. Every
edit builds a new TrainConfig and hands it to ``Document.set_training`` (undoable); the
panel mirrors the document back with signals blocked, so the two never loop. A running
worker follows the document (the training controller forwards the live settings), so the
panel has no signal of its own to the worker. Under the schedule, a sentence says what it
will do to the learning rate over the run.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.engine import TrainConfig
from nnstudio.engine.schedules import describe_schedule
from nnstudio.errors import NNStudioError
from nnstudio.graph.catalog import (
    LOSS_PARAMS,
    OPTIMIZER_PARAMS,
    SCHEDULE_PARAMS,
    TRAINING_FIELDS,
    ParamSpec,
    default_params,
)
from nnstudio.gui.commands import LIVE_SETTINGS
from nnstudio.gui.i18n import catalog_tr, core_tr
from nnstudio.gui.inspector import FloatSpinBox
from nnstudio.gui.narrow import VScrollArea, narrow_combo

#: Display names of the choices (the catalog holds the names themselves).
TITLES = {
    "mse": "Mean squared error",
    "mae": "Mean absolute error",
    "huber": "Huber",
    "bce": "Binary cross-entropy",
    "bce_logits": "Binary cross-entropy (logits)",
    "cce": "Categorical cross-entropy",
    "sgd": "SGD",
    "momentum": "SGD + momentum",
    "nesterov": "Nesterov",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
    "float32": "float32 (faster)",
    "float64": "float64 (exact)",
}
#: TrainConfig field -> the panel's attribute for its editor
WIDGET_NAMES = {
    "loss": "loss_combo",
    "optimizer": "optimizer_combo",
    "learning_rate": "lr_spin",
    "schedule": "schedule_combo",
    "batch_size": "batch_spin",
    "epochs": "epochs_spin",
    "l1": "l1_spin",
    "l2": "l2_spin",
    "clip_norm": "clip_spin",
    "seed": "seed_spin",
    "dtype": "dtype_combo",
}
#: the sub-table of parameters that follows each choice field
SUB_TABLES = {
    "loss": ("loss_params", LOSS_PARAMS),
    "optimizer": ("optimizer_params", OPTIMIZER_PARAMS),
    "schedule": ("schedule_params", SCHEDULE_PARAMS),
}
INT_LIMIT = 2**31 - 1


def make_editor(spec: ParamSpec) -> QWidget:
    """An editor for one catalog parameter, with its range, choices and help.

    An optional number (None allowed) shows None as its lowest value, named by the
    spec's ``none_label`` ("unlimited", "off", "full batch").
    """
    if spec.type == "choice":
        combo = narrow_combo(QComboBox())  # long names elide: the dock stays narrow
        for name in spec.choices:
            combo.addItem(catalog_tr(TITLES.get(name, name.capitalize())), name)
        widget: QWidget = combo
    elif spec.type == "bool":
        widget = QCheckBox()
    elif spec.type == "int":
        lo = int(spec.min) if spec.min is not None else -INT_LIMIT
        hi = min(int(spec.max), INT_LIMIT) if spec.max is not None else INT_LIMIT
        box = QSpinBox()
        box.setRange(min(lo, 0) if spec.optional else lo, hi)
        box.setKeyboardTracking(False)
        widget = box
    else:
        fbox = FloatSpinBox()
        fbox.setRange(spec.min if spec.min is not None else -1e12, spec.max or 1e12)
        fbox.setKeyboardTracking(False)
        fbox.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        widget = fbox
    if spec.optional and isinstance(widget, QAbstractSpinBox):
        widget.setSpecialValueText(catalog_tr(spec.none_label))
    widget.setToolTip(catalog_tr(spec.help))
    return widget


def editor_value(widget: QWidget, spec: ParamSpec) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    value = widget.value()
    if spec.optional and value == widget.minimum() and widget.specialValueText():
        return None
    return int(value) if spec.type == "int" else float(value)


def set_editor(widget: QWidget, spec: ParamSpec | None, value: Any) -> None:
    blocker = QSignalBlocker(widget)
    if isinstance(widget, QComboBox):
        i = widget.findData(value)
        if i < 0:
            widget.addItem(str(value), value)
            i = widget.findData(value)
        widget.setCurrentIndex(i)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif value is None:
        widget.setValue(widget.minimum())
    else:
        widget.setValue(value)
    del blocker


def _changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return widget.valueChanged


class ParamGroup(QWidget):
    """A small form of catalog parameters, rebuilt when the choice it follows changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(12, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.specs: tuple[ParamSpec, ...] = ()
        self.boxes: dict[str, QWidget] = {}

    def rebuild(self, specs: tuple[ParamSpec, ...], values: dict[str, Any]) -> None:
        if [s.name for s in specs] != list(self.boxes):
            while self.form.rowCount():
                self.form.removeRow(0)
            self.boxes = {}
            for spec in specs:
                box = make_editor(spec)
                _changed_signal(box).connect(self.changed)
                self.boxes[spec.name] = box
                self.form.addRow(catalog_tr(spec.label), box)
        self.specs = specs
        for spec in specs:  # a box may be emitting right now: only update values
            set_editor(self.boxes[spec.name], spec, values.get(spec.name, spec.default))
        self.setVisible(bool(specs))

    def values(self) -> dict[str, Any]:
        return {s.name: editor_value(self.boxes[s.name], s) for s in self.specs}


class TrainingPanel(QWidget):
    """Edits the document's TrainConfig; see the module docstring."""

    error = Signal(str)

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._updating = False
        # the fields scroll when the dock is short, instead of squeezing each row
        body = QWidget()
        QVBoxLayout(self).addWidget(VScrollArea(body))  # never narrower than the fields
        self.layout().setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(body)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: field below
        outer.addLayout(form)
        self.fields: dict[str, tuple[ParamSpec, QWidget]] = {}
        self.groups: dict[str, ParamGroup] = {}
        for spec in TRAINING_FIELDS:
            if spec.name == "epochs":  # None is a check box; the count stays in the box
                spec = dataclasses.replace(spec, optional=False, min=max(1, spec.min or 1))
            editor = make_editor(spec)
            setattr(self, WIDGET_NAMES.get(spec.name, spec.name + "_editor"), editor)
            self.fields[spec.name] = (spec, editor)
            _changed_signal(editor).connect(self._commit)
            if spec.name == "epochs":
                self.until_paused = QCheckBox(self.tr("Until paused"))
                self.until_paused.setToolTip(self.tr("Train until you pause or stop"))
                self.until_paused.toggled.connect(self._commit)
                row = QHBoxLayout()
                row.addWidget(editor, 1)
                row.addWidget(self.until_paused)
                form.addRow(catalog_tr(spec.label), row)
            else:
                form.addRow(catalog_tr(spec.label), editor)
            if spec.name in SUB_TABLES:
                group = ParamGroup()
                group.changed.connect(self._commit)
                self.groups[spec.name] = group
                form.addRow(group)
            if spec.name == "schedule":
                self.schedule_label = QLabel()
                self.schedule_label.setObjectName("scheduleDescription")
                self.schedule_label.setWordWrap(True)
                form.addRow(self.schedule_label)
        self.loss_params = self.groups["loss"]
        self.optimizer_params = self.groups["optimizer"]
        self.schedule_params = self.groups["schedule"]
        self.lr_spin.setToolTip(self.tr("Takes effect at once, even while training"))
        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.lock_label.hide()
        outer.addWidget(self.lock_label)
        outer.addStretch(1)

        # fields that must not change while training runs (everything not live)
        self.structural_widgets: list[QWidget] = [
            editor for name, (_s, editor) in self.fields.items() if name not in LIVE_SETTINGS
        ] + [self.groups[c] for c, (key, _t) in SUB_TABLES.items() if key not in LIVE_SETTINGS]
        document.trainingChanged.connect(self.refresh)
        document.projectReplaced.connect(self.refresh)
        document.lockChanged.connect(self._lock_changed)
        self.refresh()

    # ------------------------------------------------------------------------ mirror
    def refresh(self) -> None:
        """Show the document's TrainConfig (no signals back to the document)."""
        cfg = self.document.project.training.to_dict()
        self._updating = True
        try:
            unlimited = cfg["epochs"] is None
            set_editor(self.until_paused, None, unlimited)
            self.epochs_spin.setEnabled(not unlimited)
            for name, (spec, editor) in self.fields.items():
                if name in cfg and not (name == "epochs" and unlimited):
                    set_editor(editor, spec, cfg[name])
                if name in SUB_TABLES:
                    key, table = SUB_TABLES[name]
                    group = self.groups[name]
                    blocker = QSignalBlocker(group)
                    group.rebuild(table.get(cfg[name], ()), dict(cfg.get(key) or {}))
                    del blocker
            self._describe_schedule(cfg)
        finally:
            self._updating = False

    def _describe_schedule(self, cfg: dict) -> None:
        try:
            text = describe_schedule(
                cfg["schedule"],
                dict(cfg["schedule_params"]),
                cfg["learning_rate"],
                cfg["epochs"],
                translate=catalog_tr,
            )
        except NNStudioError as exc:
            text = core_tr(exc)
        self.schedule_label.setText(text)

    def config(self) -> TrainConfig:
        """The TrainConfig the widgets show (a new choice starts from its defaults)."""
        old = self.document.project.training
        changes: dict[str, Any] = {
            name: editor_value(editor, spec) for name, (spec, editor) in self.fields.items()
        }
        if self.until_paused.isChecked():
            changes["epochs"] = None
        for choice, (key, table) in SUB_TABLES.items():
            name = changes[choice]
            if name == getattr(old, choice):
                changes[key] = self.groups[choice].values()
            else:
                changes[key] = default_params(choice, name) if name in table else {}
        return dataclasses.replace(old, **changes)

    # ------------------------------------------------------------------------ edits
    def _commit(self, *_args: object) -> None:
        if self._updating:
            return
        try:
            self.document.set_training(self.config())
        except NNStudioError as exc:
            self.error.emit(core_tr(exc))
        self.refresh()

    def _lock_changed(self, reason: str) -> None:
        for w in self.structural_widgets:
            w.setEnabled(not reason)
        live = [catalog_tr(s.label) for s in TRAINING_FIELDS if s.name in LIVE_SETTINGS]
        if "optimizer_params" in LIVE_SETTINGS:
            live.append(self.tr("the optimizer's settings"))
        names = self.tr("{0} and {1}").format(", ".join(live[:-1]), live[-1])
        self.lock_label.setText(
            self.tr("{0}: only {1} can change now.").format(catalog_tr(reason), names)
            if reason
            else ""
        )
        self.lock_label.setVisible(bool(reason))
