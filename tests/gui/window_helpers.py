"""Shared helper for the main-window tests: a shown MainWindow with throwaway settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

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


def click_in_next_box(button: QMessageBox.StandardButton, attempts: int = 250) -> list[str]:
    """Click ``button`` of the next modal message box with the mouse, as a user would.

    Call it before the action that opens the box; the returned list receives the box's
    text once it was shown (empty if no box appeared within ``attempts`` x 20 ms).
    """
    seen: list[str] = []

    def click(left: int = attempts) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left > 0:
                QTimer.singleShot(20, lambda: click(left - 1))
            return
        seen.append(box.text())
        QTest.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen
