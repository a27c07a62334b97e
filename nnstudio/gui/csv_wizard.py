"""The CSV wizard: preview a table, choose the target, column types and the missing-value
policy; the choices become DataSettings fields (see ``docs/datasets.md``).

All decisions are made by the core (:func:`nnstudio.data.read_table`,
:func:`nnstudio.data.fit_encoding`); the dialog only shows them and collects overrides.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nnstudio.data import COLUMN_KINDS, DataSettings, Table, fit_encoding, read_table
from nnstudio.data.encoding import detect_kinds
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import core_tr

PREVIEW_ROWS = 30
MISSING_COLOR = QColor(255, 236, 179)  # soft amber: a missing cell
DELIMITER_CHOICES = (
    (None, QT_TRANSLATE_NOOP("CsvWizard", "Detect")),
    (",", QT_TRANSLATE_NOOP("CsvWizard", "Comma ( , )")),
    (";", QT_TRANSLATE_NOOP("CsvWizard", "Semicolon ( ; )")),
    ("\t", QT_TRANSLATE_NOOP("CsvWizard", "Tab")),
)
HEADER_CHOICES = (
    (None, QT_TRANSLATE_NOOP("CsvWizard", "Detect")),
    (True, QT_TRANSLATE_NOOP("CsvWizard", "Yes")),
    (False, QT_TRANSLATE_NOOP("CsvWizard", "No")),
)


class CsvWizard(QDialog):
    """Preview a CSV file and choose how it becomes a dataset.

    ``settings`` (optional) pre-fills the choices (reopening the wizard for the current
    CSV). After ``exec()``, :meth:`choices` gives the DataSettings fields.
    """

    def __init__(self, path: str, settings: DataSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a CSV table"))
        self.path = str(path)
        self.table: Table | None = None
        self.detected: list[str] = []
        self._kinds: dict[str, str] = dict(settings.column_types) if settings else {}
        self._target: str | None = None
        if settings is not None and settings.target_column is not None:
            self._target = str(settings.target_column)
        self._rebuilding = False

        outer = QVBoxLayout(self)
        self.file_label = QLabel(self.path)
        self.file_label.setWordWrap(True)
        outer.addWidget(self.file_label)

        top = QHBoxLayout()
        form_left = QFormLayout()
        self.delimiter_combo = QComboBox()
        for value, text in DELIMITER_CHOICES:
            self.delimiter_combo.addItem(self.tr(text), value)
        form_left.addRow(self.tr("Delimiter"), self.delimiter_combo)
        self.header_combo = QComboBox()
        for value, text in HEADER_CHOICES:
            self.header_combo.addItem(self.tr(text), value)
        form_left.addRow(self.tr("First row holds names"), self.header_combo)
        form_right = QFormLayout()
        self.target_combo = QComboBox()
        form_right.addRow(self.tr("Target column"), self.target_combo)
        self.missing_combo = QComboBox()
        self.missing_combo.addItem(self.tr("Drop rows with a missing value"), "drop")
        self.missing_combo.addItem(
            self.tr("Fill: numbers with the training mean, text with 'missing'"), "fill"
        )
        form_right.addRow(self.tr("Missing values"), self.missing_combo)
        top.addLayout(form_left, 1)
        top.addLayout(form_right, 2)
        outer.addLayout(top)

        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        outer.addWidget(self.preview, 1)
        hint = QLabel(
            self.tr(
                "The first row sets each column's type: numeric, categorical (text; one input "
                "per category, or classes for the target) or ignore."
            )
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        outer.addWidget(self.summary_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        outer.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        if settings is not None:
            _select(self.delimiter_combo, settings.delimiter)
            _select(self.header_combo, settings.header)
            _select(self.missing_combo, settings.missing)
        self.delimiter_combo.currentIndexChanged.connect(self.reload)
        self.header_combo.currentIndexChanged.connect(self.reload)
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.missing_combo.currentIndexChanged.connect(self.update_summary)
        self.resize(900, 560)
        self.reload()

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        """Read the file with the chosen delimiter and header; rebuild the preview."""
        if self._rebuilding:
            return
        try:
            self.table = read_table(
                self.path, self.delimiter_combo.currentData(), self.header_combo.currentData()
            )
        except NNStudioError as exc:
            self.table = None
            self.detected = []
            self.preview.clear()
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.target_combo.clear()
            self._show(None, core_tr(exc))
            return
        self.detected = detect_kinds(self.table)
        self._rebuild()
        self.update_summary()

    def _rebuild(self) -> None:
        table = self.table
        assert table is not None
        self._rebuilding = True
        try:
            names = table.names
            self.target_combo.clear()
            for name in names:
                self.target_combo.addItem(name, name)
            target = self._target if self._target in names else names[-1]
            self._target = target
            self.target_combo.setCurrentIndex(names.index(target))
            n = min(PREVIEW_ROWS, table.n_rows)
            self.preview.clear()
            self.preview.setColumnCount(len(names))
            self.preview.setRowCount(n + 1)
            self.preview.setHorizontalHeaderLabels(names)
            self.preview.setVerticalHeaderLabels(
                [self.tr("type")] + [str(int(line)) for line in table.lines[:n]]
            )
            self.type_combos: list[QComboBox] = []
            for j, name in enumerate(names):
                combo = QComboBox()
                for kind in COLUMN_KINDS:
                    combo.addItem(self.tr(kind), kind)
                _select(combo, self._kinds.get(name, self.detected[j]))
                combo.currentIndexChanged.connect(lambda _i, j=j: self._kind_changed(j))
                self.preview.setCellWidget(0, j, combo)
                self.type_combos.append(combo)
                col = table.columns[j]
                for r in range(n):
                    value = col[r]
                    if col.dtype.kind == "f":
                        text = "" if np.isnan(value) else f"{value:g}"
                    else:
                        text = str(value)
                    item = QTableWidgetItem(text)
                    if not text:
                        item.setBackground(MISSING_COLOR)
                        item.setToolTip(self.tr("missing value"))
                    self.preview.setItem(r + 1, j, item)
            self._mark_target()
            self.preview.resizeColumnsToContents()
        finally:
            self._rebuilding = False

    def _mark_target(self) -> None:
        """Column headers: the target's name gets a "(target)" mark."""
        if self.table is None:
            return
        labels = [
            self.tr("{name} (target)").format(name=n) if n == self._target else n
            for n in self.table.names
        ]
        self.preview.setHorizontalHeaderLabels(labels)

    # ------------------------------------------------------------------ choices
    def _kind_changed(self, j: int) -> None:
        if self._rebuilding or self.table is None:
            return
        name = self.table.names[j]
        kind = self.type_combos[j].currentData()
        if kind == self.detected[j]:
            self._kinds.pop(name, None)
        else:
            self._kinds[name] = kind
        self.update_summary()

    def _target_changed(self) -> None:
        if self._rebuilding:
            return
        self._target = self.target_combo.currentData()
        self._mark_target()
        self.update_summary()

    def column_types(self) -> dict[str, str]:
        """The user's type overrides (columns whose type differs from the detected one)."""
        if self.table is None:
            return {}
        return {n: k for n, k in self._kinds.items() if n in self.table.names}

    def choices(self) -> dict[str, Any]:
        """DataSettings fields: csv_path, target_column, column_types, missing, delimiter,
        header."""
        return {
            "csv_path": self.path,
            "target_column": self._target,
            "column_types": self.column_types(),
            "missing": self.missing_combo.currentData(),
            "delimiter": self.delimiter_combo.currentData(),
            "header": self.header_combo.currentData(),
        }

    def update_summary(self) -> None:
        """Encode the table with the current choices; show what the dataset will be."""
        if self._rebuilding or self.table is None:
            return
        try:
            enc = fit_encoding(
                self.table, self._target, self.column_types(), self.missing_combo.currentData()
            )
            _x, _y, rows = enc.encode(self.table)
        except NNStudioError as exc:
            self._show(None, core_tr(exc))
            return
        dropped = self.table.n_rows - rows.size
        if enc.classes is not None:
            shown = ", ".join(enc.classes[:8]) + (", ..." if len(enc.classes) > 8 else "")
            task = self.tr("{n} classes ({names})").format(n=len(enc.classes), names=shown)
        else:
            task = self.tr("regression (a number)")
        text = self.tr(
            "{rows} rows ({dropped} dropped) -> {inputs} inputs; target '{target}': {task}"
        ).format(
            rows=rows.size,
            dropped=dropped,
            inputs=len(enc.feature_names),
            target=enc.target,
            task=task,
        )
        self._show(text, "")

    def _show(self, summary: str | None, error: str) -> None:
        self.summary_label.setText(summary or "")
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(summary is not None)

    @property
    def valid(self) -> bool:
        """True if the choices give a usable dataset (OK is enabled)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _select(combo: QComboBox, value: Any) -> None:
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return
