"""Shared helper for the main-window tests: a shown MainWindow with throwaway settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from nnstudio.gui.main_window import MainWindow


def open_window(qtbot, tmp_path, project=None, path=None, recovery=None) -> MainWindow:
    """A shown window whose settings and autosaves live in ``tmp_path``; the unsaved-changes
    prompt answers Discard so closing never blocks a test."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        project, path, settings=settings, recovery_dir=recovery or tmp_path / "recovery"
    )
    window._ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
