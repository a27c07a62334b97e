"""The status-bar widget: epoch, losses, accuracy (or RMSE), epochs/s and progress.

The progress bar shows the project's epoch out of the run's last epoch ("250 / 300 · 12 s
left"), so it agrees with the epoch label when a run continues earlier training; it never
reads past 100 %. While paused it says so and shows no time left. A note ("Changed since
the last run") marks numbers that belong to an earlier network.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

#: Least time between two status updates while training (4 a second: a re-layout of the
#: labels costs more than a frame when snapshots come at 60 Hz); the newest snapshot wins.
STATUS_INTERVAL_MS = 250


def _fmt(v: float | None, digits: int = 4) -> str:
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "–"
    return f"{v:.{digits}f}"


def _set_text(label: QLabel, text: str) -> None:
    """setText only when the text changes (each change re-lays out the status bar)."""
    if label.text() != text:
        label.setText(text)


def format_duration(seconds: float) -> str:
    """'1:05:03', '4:07' or '12 s'."""
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    if h:
        return f"{h}:{m:02d}:{s:02d}"
    if m:
        return f"{m}:{s:02d}"
    return f"{s} s"


class TrainingStatus(QWidget):
    """Shows the latest report; the progress bar appears when the epoch budget is fixed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.epoch_label = QLabel()
        self.loss_label = QLabel()
        self.metric_label = QLabel()
        self.rate_label = QLabel()
        for label in (self.epoch_label, self.loss_label, self.metric_label, self.rate_label):
            layout.addWidget(label)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.note_label = QLabel()
        self.note_label.setObjectName("statusNote")
        layout.addWidget(self.note_label)
        self.paused = False
        self._last: tuple[dict, dict] | None = None
        self._pending: tuple[dict, dict] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(STATUS_INTERVAL_MS)
        self._timer.timeout.connect(self._show_pending)
        self.clear()

    def post_report(self, report: dict, **kwargs: object) -> None:
        """:meth:`show_report` now, or (within STATUS_INTERVAL_MS of the last) a moment
        later with the newest report posted by then."""
        self._pending = (report, kwargs)
        if not self._timer.isActive():
            self._show_pending()

    def flush(self) -> None:
        """Show a posted report at once (the run ended)."""
        self._timer.stop()
        self._show_pending()
        self._timer.stop()

    def _show_pending(self) -> None:
        if self._pending is not None:
            report, kwargs = self._pending
            self._pending = None
            self.show_report(report, **kwargs)
            self._timer.start()

    def clear(self) -> None:
        self._last = self._pending = None
        self.epoch_label.setText(self.tr("Epoch 0"))
        self.loss_label.setText(self.tr("Loss –"))
        self.metric_label.setText("")
        self.rate_label.setText("")
        self.progress.hide()
        self.set_note("")

    def set_note(self, text: str, tip: str = "") -> None:
        """A short remark after the numbers (e.g. that they belong to an older network)."""
        _set_text(self.note_label, f"<i>{text}</i>" if text else "")
        if self.note_label.toolTip() != tip:
            self.note_label.setToolTip(tip)
        if self.note_label.isVisibleTo(self) != bool(text):
            self.note_label.setVisible(bool(text))

    def set_paused(self, paused: bool) -> None:
        """Say "Paused" instead of a speed and a time left."""
        if paused == self.paused:
            return
        self.paused = paused
        if self._last is not None:
            self.show_report(self._last[0], **self._last[1])
        elif paused:
            self.rate_label.setText(self.tr("Paused"))

    def show_report(
        self,
        report: dict,
        *,
        epoch: int,
        epochs_per_s: float = 0.0,
        done: int = 0,
        budget: int | None = None,
    ) -> None:
        """Display a Report dict; ``done``/``budget`` are this run's epochs (progress)."""
        self._last = (
            report,
            {"epoch": epoch, "epochs_per_s": epochs_per_s, "done": done, "budget": budget},
        )
        if self.paused:
            epochs_per_s = 0.0
        self.set_note("")
        _set_text(self.epoch_label, self.tr("Epoch {0}").format(epoch))
        _set_text(
            self.loss_label,
            self.tr("Loss {0} / test {1}").format(
                _fmt(report.get("train_loss")), _fmt(report.get("test_loss"))
            ),
        )
        if report.get("train_accuracy") is not None:
            _set_text(
                self.metric_label,
                self.tr("Accuracy {0} / test {1}").format(
                    _fmt(report.get("train_accuracy"), 3), _fmt(report.get("test_accuracy"), 3)
                ),
            )
        elif report.get("train_rmse") is not None:
            _set_text(
                self.metric_label,
                self.tr("RMSE {0} / test {1}").format(
                    _fmt(report.get("train_rmse")), _fmt(report.get("test_rmse"))
                ),
            )
        else:
            _set_text(self.metric_label, "")
        if self.paused:
            _set_text(self.rate_label, self.tr("Paused"))
        else:
            rate = self.tr("{0:,.0f} epochs/s").format(epochs_per_s)
            _set_text(self.rate_label, rate if epochs_per_s > 0 else "")
        if budget:
            # The bar counts the project's epochs: a run continuing earlier training starts
            # part-way, so "Epoch 250" and the bar always agree ("250 / 300").
            start = max(0, epoch - done)
            total = start + budget
            self.progress.show()
            if (self.progress.minimum(), self.progress.maximum()) != (0, total):
                self.progress.setRange(0, total)
            # QProgressBar.setValue repaints at once, inside this Python call (GIL held):
            # with updates off it only schedules the paint, which Qt then does by itself
            self.progress.setUpdatesEnabled(False)
            self.progress.setValue(min(epoch, total))
            self.progress.setUpdatesEnabled(True)
            text = f"{min(epoch, total):,} / {total:,}"
            if epochs_per_s > 0 and done < budget:
                left = format_duration((budget - done) / epochs_per_s)
                text += self.tr(" · {0} left").format(left)
            if self.progress.format() != text:
                self.progress.setFormat(text)
            self.progress.setToolTip(
                self.tr("This run: {0:,} of {1:,} epochs").format(min(done, budget), budget)
                + (self.tr(" (continuing from epoch {0:,})").format(start) if start else "")
            )
        elif done:  # a run "until paused": no fraction, the epoch and the rate
            self.progress.show()
            self.progress.setRange(0, 0)
            text = self.tr("Epoch {0:,}").format(epoch)
            if epochs_per_s > 0:
                text += f" · {epochs_per_s:,.0f}/s"
            self.progress.setFormat(text)
            self.progress.setToolTip(self.tr("Training until paused or stopped"))
        else:
            self.progress.hide()
