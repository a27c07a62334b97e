"""Edit > Preferences: the interface language (saved in QSettings; applies on restart)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .i18n import LANGUAGES, SETTINGS_KEY, normalise


class PreferencesDialog(QDialog):
    """The language choice: the system's, or one of :data:`~.i18n.LANGUAGES`."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        saved = normalise(str(settings.value(SETTINGS_KEY, "") or "")) or ""
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(saved)))
        note = QLabel(self.tr("The new language applies when NN Studio starts again."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.setValue(SETTINGS_KEY, self.language_combo.currentData())
        self.settings.sync()
        super().accept()


def show_preferences(window: Any) -> PreferencesDialog:
    """Open the Preferences dialog over ``window`` (non-blocking); returns it."""
    dialog = PreferencesDialog(window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # no Python reference outlives the dialog (a stale wrapper could be handed out again)
    dialog.finished.connect(lambda _result: setattr(window, "preferences_dialog", None))
    window.preferences_dialog = dialog
    dialog.open()
    return dialog
