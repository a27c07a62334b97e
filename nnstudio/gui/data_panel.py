"""The data panel: dataset (with thumbnails: synthetic sets, the bundled classic tables),
points, noise, train ratio, engineered features, standardization, regenerate, and CSV
files opened through the CSV wizard (target, column types, missing values).

Edits build a new DataSettings and go through ``Document.set_data_settings`` (undoable);
the panel mirrors the document with signals blocked. Errors (a bad CSV, a refused edit)
are shown in the panel and emitted as ``error(str)``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data import DATASETS, FEATURES, DataSettings, read_table
from nnstudio.data.image_sets import IMAGE_SETS
from nnstudio.errors import NNStudioError
from nnstudio.gui.csv_wizard import CsvWizard
from nnstudio.gui.i18n import catalog_tr, core_tr
from nnstudio.gui.narrow import narrow_combo

THUMB = 48
MULTI_CLASS_SETS = ("blobs", "spiral_multi")


def thumbnail_icon(name: str) -> QIcon:
    """The dataset's thumbnail as an icon (an empty icon if none can be drawn)."""
    try:
        from nnstudio.data.thumbnails import thumbnail

        rgb = np.ascontiguousarray(thumbnail(name), dtype=np.uint8)
    except Exception:  # noqa: BLE001 - a missing thumbnail must not break the panel
        return QIcon()
    h, w = rgb.shape[:2]
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QIcon(QPixmap.fromImage(image))


class DataPanel(QWidget):
    """Edits the document's DataSettings; see the module docstring."""

    error = Signal(str)

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._updating = False
        self._csv_columns: list[str] = []
        outer = QVBoxLayout(self)
        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: field below
        outer.addLayout(form)

        self.dataset_combo = QComboBox()
        self.dataset_combo.setIconSize(QSize(THUMB, THUMB))
        narrow_combo(self.dataset_combo)  # long names elide: the dock stays narrow
        for name, info in DATASETS.items():
            if name in ("csv", "image_folder"):  # chosen from a file / folder, not listed
                continue
            self.dataset_combo.addItem(
                thumbnail_icon(name), catalog_tr(getattr(info, "title", name)), name
            )
        self.dataset_combo.addItem(self.tr("CSV file…"), "csv")
        self.dataset_combo.addItem(self.tr("Image folder…"), "image_folder")
        form.addRow(self.tr("Dataset"), self.dataset_combo)

        csv_row = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Open CSV…"))
        self.csv_button.setToolTip(
            self.tr("Open a table: preview it, choose the target and the column types")
        )
        self.csv_edit_button = QPushButton(self.tr("Columns…"))
        self.csv_edit_button.setToolTip(
            self.tr("Reopen the CSV wizard: target, column types, missing values")
        )
        self.csv_label = QLabel()
        self.csv_label.setWordWrap(True)
        csv_row.addWidget(self.csv_button)
        csv_row.addWidget(self.csv_edit_button)
        csv_row.addWidget(self.csv_label, 1)
        self.csv_widget = QWidget()
        self.csv_widget.setLayout(csv_row)
        csv_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.csv_widget)
        self.target_combo = QComboBox()
        narrow_combo(self.target_combo)
        self.target_label = QLabel(self.tr("Target column"))
        form.addRow(self.target_label, self.target_combo)

        self.points_spin = QSpinBox()
        self.points_spin.setRange(10, 100_000)
        self.points_spin.setSingleStep(50)
        self.points_spin.setKeyboardTracking(False)
        form.addRow(self.tr("Points"), self.points_spin)
        self.noise_spin = QSpinBox()
        self.noise_spin.setRange(0, 50)
        self.noise_spin.setSuffix(" %")
        self.noise_spin.setKeyboardTracking(False)
        form.addRow(self.tr("Noise"), self.noise_spin)
        self.ratio_spin = QSpinBox()
        self.ratio_spin.setRange(10, 90)
        self.ratio_spin.setSuffix(self.tr(" % train"))
        self.ratio_spin.setSingleStep(5)
        self.ratio_spin.setKeyboardTracking(False)
        form.addRow(self.tr("Split"), self.ratio_spin)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(2, 10)
        self.classes_spin.setKeyboardTracking(False)
        self.classes_label = QLabel(self.tr("Classes"))
        form.addRow(self.classes_label, self.classes_spin)

        self.feature_box = QWidget()
        grid = QGridLayout(self.feature_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.feature_checks: dict[str, QCheckBox] = {}
        for i, feature in enumerate(FEATURES):
            check = QCheckBox(feature)
            self.feature_checks[feature] = check
            grid.addWidget(check, i // 3, i % 3)  # three columns: the dock stays narrow
        self.features_label = QLabel(self.tr("Features"))
        form.addRow(self.features_label, self.feature_box)
        self.standardize_check = QCheckBox(self.tr("Standardize inputs"))
        form.addRow(self.standardize_check)
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("Draw a new sample (new seed)"))
        form.addRow(self.regenerate_button)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        outer.addWidget(self.message_label)
        outer.addStretch(1)

        self.dataset_combo.currentIndexChanged.connect(self._dataset_picked)
        self.target_combo.currentIndexChanged.connect(self._commit)
        for box in (self.points_spin, self.noise_spin, self.ratio_spin, self.classes_spin):
            box.valueChanged.connect(self._commit)
        for check in self.feature_checks.values():
            check.toggled.connect(self._commit)
        self.standardize_check.toggled.connect(self._commit)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.csv_button.clicked.connect(self._browse_csv)
        self.csv_edit_button.clicked.connect(self.edit_csv)

        document.dataChanged.connect(self.refresh)
        document.projectReplaced.connect(self.refresh)
        document.lockChanged.connect(self._lock_changed)
        self.refresh()

    # ------------------------------------------------------------------------ mirror
    def _widgets(self) -> list[QWidget]:
        return [
            self.dataset_combo,
            self.target_combo,
            self.points_spin,
            self.noise_spin,
            self.ratio_spin,
            self.classes_spin,
            self.standardize_check,
            *self.feature_checks.values(),
        ]

    def refresh(self) -> None:
        s: DataSettings = self.document.project.data
        self._updating = True
        blockers = [QSignalBlocker(w) for w in self._widgets()]
        try:
            i = self.dataset_combo.findData(s.name)
            self.dataset_combo.setCurrentIndex(max(i, 0))
            self.points_spin.setValue(int(s.n_points))
            self.noise_spin.setValue(int(round(float(s.noise) * 100)))
            self.ratio_spin.setValue(int(round(float(s.train_ratio) * 100)))
            self.classes_spin.setValue(int(s.n_classes))
            for name, check in self.feature_checks.items():
                check.setChecked(name in s.features)
            self.standardize_check.setChecked(bool(s.standardize))
            is_csv = s.name == "csv"
            info = DATASETS.get(s.name)
            synthetic = info is not None and info.generator is not None
            for w in (self.points_spin, self.noise_spin):
                w.setEnabled(synthetic and not self._locked)
                self.form.setRowVisible(w, synthetic)  # tables have no points or noise
            if s.name in IMAGE_SETS:  # downloaded images: how many of the 70,000 to use
                self.points_spin.setEnabled(not self._locked)
                self.form.setRowVisible(self.points_spin, True)
            self.csv_widget.setVisible(is_csv)
            self.target_combo.setVisible(is_csv)
            self.target_label.setVisible(is_csv)
            self.feature_box.setVisible(synthetic)
            self.features_label.setVisible(synthetic)
            multi = s.name in MULTI_CLASS_SETS
            self.classes_spin.setVisible(multi)
            self.classes_label.setVisible(multi)
            if is_csv:
                self.csv_label.setText(Path(s.csv_path).name if s.csv_path else self.tr("no file"))
                if s.csv_path and not self._csv_columns:
                    path = self.document.project.data_settings().csv_path or s.csv_path
                    self._read_columns(path, s.delimiter, s.header)
                self.target_combo.clear()
                for col in self._csv_columns:
                    self.target_combo.addItem(col, col)
                if s.target_column is not None:
                    j = self.target_combo.findData(str(s.target_column))
                    if j >= 0:
                        self.target_combo.setCurrentIndex(j)
        finally:
            del blockers
            self._updating = False

    @property
    def _locked(self) -> bool:
        return bool(getattr(self, "_lock_reason", ""))

    # ------------------------------------------------------------------------ edits
    def settings(self) -> DataSettings:
        """The DataSettings the widgets show."""
        old: DataSettings = self.document.project.data
        name = self.dataset_combo.currentData()
        features = [f for f in FEATURES if self.feature_checks[f].isChecked()]
        target = self.target_combo.currentData() if name == "csv" else old.target_column
        return dataclasses.replace(
            old,
            name=name,
            n_points=int(self.points_spin.value()),
            noise=self.noise_spin.value() / 100.0,
            train_ratio=self.ratio_spin.value() / 100.0,
            n_classes=int(self.classes_spin.value()),
            features=features or list(old.features),
            standardize=self.standardize_check.isChecked(),
            target_column=target,
        )

    def apply(self, settings: DataSettings) -> bool:
        """Give ``settings`` to the document; shows the error and returns False if refused."""
        try:
            self.document.set_data_settings(settings)
            self.document.dataset()  # surface a bad CSV / setting now, not at Train
        except NNStudioError as exc:
            self._show_error(core_tr(exc))
            self.refresh()
            return False
        self._show_error("")
        self.refresh()
        return True

    def regenerate(self) -> None:
        s = self.settings()
        self.apply(dataclasses.replace(s, seed=int(s.seed) + 1))

    def load_csv_file(
        self, path: str, target_column: str | int | None = None, **choices: Any
    ) -> bool:
        """Use the CSV at ``path`` (the last column is the target unless one is given);
        ``choices`` are further DataSettings fields (column_types, missing, delimiter,
        header), as the CSV wizard returns them."""
        choices.pop("csv_path", None)
        if not self._read_columns(path, choices.get("delimiter"), choices.get("header")):
            return False
        if target_column is None and self._csv_columns:
            target_column = self._csv_columns[-1]
        fields = {"column_types": {}, "missing": "drop", "delimiter": None, "header": None}
        fields.update(choices)
        s = dataclasses.replace(
            self.settings(), name="csv", csv_path=str(path), target_column=target_column, **fields
        )
        return self.apply(s)

    def open_wizard(self, path: str, settings: DataSettings | None = None) -> bool:
        """Show the CSV wizard for ``path``; on OK use the file with the chosen settings."""
        wizard = CsvWizard(path, settings, self)
        if wizard.exec() != CsvWizard.DialogCode.Accepted:
            return False
        choices = wizard.choices()
        target = choices.pop("target_column")
        return self.load_csv_file(path, target, **choices)

    def edit_csv(self) -> bool:
        """Reopen the wizard on the current CSV file with its current choices."""
        s: DataSettings = self.document.project.data
        if s.name != "csv" or not s.csv_path:
            return False
        return self.open_wizard(self.document.project.data_settings().csv_path, s)

    def _commit(self) -> None:
        if self._updating:
            return
        s = self.settings()
        if s.name == "csv" and not s.csv_path:
            self.refresh()
            return
        self.apply(s)

    def _dataset_picked(self) -> None:
        if self._updating:
            return
        if self.dataset_combo.currentData() == "csv" and not self.document.project.data.csv_path:
            if not self._browse_csv():
                self.refresh()
            return
        if self.dataset_combo.currentData() == "image_folder":
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a folder with one subfolder of images per class")
            )
            if not folder or not self.load_image_folder(folder):
                self.refresh()
            return
        self._commit()

    def load_image_folder(self, folder: str) -> bool:
        """Use the images of ``folder`` (one subfolder per class, read with Pillow)."""
        return self.apply(
            dataclasses.replace(self.settings(), name="image_folder", image_folder=str(folder))
        )

    def _browse_csv(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load a CSV file"),
            "",
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if not path:
            return False
        return self.open_wizard(path)

    def _read_columns(self, path: str, delimiter: str | None = None, header=None) -> bool:
        try:
            table = read_table(path, delimiter, header)
        except NNStudioError as exc:
            self._csv_columns = []
            self._show_error(core_tr(exc))
            return False
        except OSError as exc:
            self._csv_columns = []
            self._show_error(
                self.tr("Cannot read {path}: {why}").format(path=path, why=exc.strerror or exc)
            )
            return False
        self._csv_columns = list(table.names)
        return True

    def _show_error(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setStyleSheet("color: #c0392b;" if message else "")
        self.message_label.setVisible(bool(message))
        if message:
            self.error.emit(message)

    def _lock_changed(self, reason: str) -> None:
        self._lock_reason = reason
        for w in self._widgets() + [self.regenerate_button, self.csv_button, self.csv_edit_button]:
            w.setEnabled(not reason)
        if reason:
            self.message_label.setStyleSheet("")
            text = self.tr("{0}: the data cannot change now.")
            self.message_label.setText(text.format(catalog_tr(reason)))
            self.message_label.show()
        else:
            self.message_label.hide()
            self.refresh()
