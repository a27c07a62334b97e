"""The status bar's progress: its value and its painted fill follow the reports (the
bar's paint is left to Qt's event loop, not done inside the report call)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from nnstudio.gui.status import TrainingStatus


def _bar_pixels(status: TrainingStatus) -> np.ndarray:
    image = status.progress.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    return rows[:, : w * 3].reshape(h, w, 3).astype(int)


def test_progress_value_and_painted_fill_follow_reports(qtbot):
    status = TrainingStatus()
    qtbot.addWidget(status)
    status.resize(900, 30)
    status.show()
    qtbot.waitExposed(status)
    report = {"train_loss": 0.5, "test_loss": 0.4, "train_accuracy": 0.9}
    status.show_report(report, epoch=100, epochs_per_s=50.0, done=100, budget=1000)
    assert status.progress.value() == 100 and status.progress.updatesEnabled()
    qtbot.wait(20)
    early = _bar_pixels(status)
    status.show_report(report, epoch=900, epochs_per_s=50.0, done=900, budget=1000)
    assert status.progress.value() == 900 and status.progress.updatesEnabled()
    assert status.progress.format().startswith("900 / 1,000")
    qtbot.wait(20)
    late = _bar_pixels(status)
    # the fill grew: many more columns differ from the empty bar's colour
    changed = np.abs(early - late).max(axis=2) > 30
    assert changed.any(axis=0).sum() > status.progress.width() // 3
