"""Downloading an image dataset from the app: a progress dialog with Cancel.

:func:`ensure_downloaded` is called before the document builds a dataset. When the files
are not cached it runs :func:`nnstudio.data.download.fetch` in a background thread and a
local event loop while a :class:`QProgressDialog` shows the bytes received (the window keeps
repainting and reacting), then returns, or raises the typed error (offline, damaged file,
cancelled) that the caller shows; the app stays usable either way.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from nnstudio.data.download import TITLES, DownloadError, fetch
from nnstudio.data.image_sets import needs_download

_ACTIVE: set[str] = set()


class _Relay(QObject):
    """Carries the download thread's progress and end to the GUI thread (queued)."""

    progress = Signal(int, int, str)
    done = Signal(object)  # None, or the exception


def _tr(text: str) -> str:
    return QCoreApplication.translate("Downloads", text)


def ensure_downloaded(name: str, parent: QWidget | None = None) -> None:
    """Make sure dataset ``name`` is in the cache (nothing to do for other datasets).

    Shows a modal progress dialog while downloading; raises
    :class:`~nnstudio.data.download.DownloadError` (or ``DownloadCancelled``) on failure.
    """
    if not needs_download(name):
        return
    title = TITLES.get(name, name)
    if name in _ACTIVE:
        raise DownloadError(f"{title} is still downloading; wait for it to finish.")
    _ACTIVE.add(name)
    try:
        _run(name, title, parent or _main_window())
    finally:
        _ACTIVE.discard(name)


def _main_window() -> QWidget | None:
    """The visible main window to centre the dialog on (not ``activeWindow()``, which can
    hand back the wrapper of a dialog that was already deleted)."""
    from PySide6.QtWidgets import QMainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def _run(name: str, title: str, parent: QWidget | None) -> None:
    dialog = QProgressDialog(parent)
    dialog.setObjectName("DownloadDialog")
    dialog.setWindowTitle(_tr("Downloading {0}").format(title))
    dialog.setLabelText(_tr("Connecting to download {0}…").format(title))
    dialog.setCancelButtonText(_tr("Cancel"))
    dialog.setRange(0, 0)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    cancel = threading.Event()
    dialog.canceled.connect(cancel.set)
    relay = _Relay()
    loop = QEventLoop()
    outcome: list[Any] = []

    def show(done: int, total: int, file: str) -> None:
        if total:
            dialog.setRange(0, 1000)
            dialog.setValue(int(1000 * done / total))
            size = _tr("{0:.1f} of {1:.1f} MB").format(done / 1e6, total / 1e6)
        else:
            size = _tr("{0:.1f} MB").format(done / 1e6)
        dialog.setLabelText(_tr("Downloading {0}: {1}\n{2}").format(title, file, size))

    def finish(error: object) -> None:
        outcome.append(error)
        loop.quit()

    relay.progress.connect(show, Qt.ConnectionType.QueuedConnection)
    relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            fetch(name, progress=relay.progress.emit, cancel=cancel.is_set)
        except Exception as exc:  # handed to the GUI thread, raised there
            relay.done.emit(exc)
        else:
            relay.done.emit(None)

    thread = threading.Thread(target=work, name=f"nnstudio-download-{name}", daemon=True)
    dialog.show()
    thread.start()
    if not outcome:
        loop.exec()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if outcome and outcome[0] is not None:
        raise outcome[0]
