"""Autosave and crash recovery for the window's document.

A change to the document schedules an autosave about two seconds later (a burst of edits
writes once); the copy goes to ``<recovery dir>/<stem>-<hash>.nnstudio`` and records the
file it belongs to in ``metadata["autosave_of"]``. A clean close or a save removes it.
At the next start an autosave newer than its project is offered back, with its age, so a
user knows which edits it holds. Only the instance holding the folder's lock offers other
projects' autosaves (a second window must not "recover" files the first is writing).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import core_tr
from nnstudio.io import load_project, save_project

#: Delay between the last change and its autosave.
AUTOSAVE_DELAY_MS = 2000


def recovery_file_for(folder: Path, path: str | None) -> Path:
    """The autosave file of the project at ``path`` (or of the untitled project)."""
    key = os.path.abspath(path) if path else "untitled"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    stem = Path(path).stem if path else "untitled"
    return folder / f"{stem}-{digest}.nnstudio"


def describe_age(seconds: float) -> str:
    """'a few seconds ago', '1 minute ago', '3 hours ago', '2 days ago'."""
    tr = QCoreApplication.translate
    s = max(0.0, float(seconds))
    if s < 45:
        return QCoreApplication.translate("Recovery", "a few seconds ago")
    if s < 45 * 60:
        n = round(s / 60)
        one = QT_TRANSLATE_NOOP("Recovery", "1 minute ago")
        many = QT_TRANSLATE_NOOP("Recovery", "{n} minutes ago")
    elif s < 18 * 3600:
        n = round(s / 3600)
        one = QT_TRANSLATE_NOOP("Recovery", "1 hour ago")
        many = QT_TRANSLATE_NOOP("Recovery", "{n} hours ago")
    else:
        n = round(s / 86400)
        one = QT_TRANSLATE_NOOP("Recovery", "1 day ago")
        many = QT_TRANSLATE_NOOP("Recovery", "{n} days ago")
    return tr("Recovery", one) if n <= 1 else tr("Recovery", many).format(n=n)


class Recovery(QObject):
    """Autosaves ``document`` to ``folder`` and offers autosaves back after a crash.

    Signals:
        message(str): a line for the status bar (autosave failed, copy restored).
    """

    message = Signal(str)

    def __init__(self, document: Any, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(folder)
        self.instance_lock: QLockFile | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self.folder / "instance.lock"))
            if lock.tryLock(0):
                self.instance_lock = lock
        except OSError:
            pass
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.autosave)
        for signal in (document.undo_stack.indexChanged, document.weightsChanged):
            signal.connect(self.schedule)

    def schedule(self, *_args: object) -> None:
        """Autosave a little after the last change (restarts the delay)."""
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.document.undo_stack)):
            return  # the window is being torn down
        if self.document.is_dirty:
            self.timer.start()

    def path(self) -> Path:
        return recovery_file_for(self.folder, self.document.path)

    def autosave(self) -> Path | None:
        """Write the project to its recovery file if it has unsaved changes."""
        self.timer.stop()
        doc = self.document
        if not doc.is_dirty:
            return None
        path = self.path()
        metadata = dict(doc.project.metadata or {})
        metadata["autosave_of"] = os.path.abspath(doc.path) if doc.path else ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_project(dataclasses.replace(doc.project, metadata=metadata), path)
        except (NNStudioError, OSError) as exc:
            self.message.emit(self.tr("Autosave failed: {0}").format(core_tr(exc)))
            return None
        return path

    def remove(self) -> None:
        self.timer.stop()
        try:
            self.path().unlink(missing_ok=True)
        except OSError:
            pass

    def release(self) -> None:
        """Give up the instance lock (a clean close)."""
        self.timer.stop()
        if self.instance_lock is not None:
            self.instance_lock.unlock()
            self.instance_lock = None

    def pending(self) -> Path | None:
        """A recovery file left by an unclean exit, newer than the project file.

        First the open project's own; when the window starts on a fresh untitled project,
        the newest autosave of any project (only in the instance holding the lock).
        """
        doc = self.document
        path = self.path()
        if path.is_file():
            if not (doc.path and os.path.exists(doc.path)):
                return path
            if path.stat().st_mtime > os.path.getmtime(doc.path):
                return path
        if doc.path or doc.is_dirty or self.instance_lock is None:
            return None
        try:
            files = [p for p in self.folder.glob("*.nnstudio") if p.is_file()]
        except OSError:
            return None
        return max(files, key=lambda p: p.stat().st_mtime, default=None)

    def ask(self, name: str, when: str, age: str) -> bool:
        """Ask whether to restore the autosave of ``name`` (tests replace this)."""
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        answer = QMessageBox.question(
            parent,
            self.tr("Recover unsaved work?"),
            self.tr(
                "NN Studio did not close properly. An autosave of {name} from {when} ({age}) "
                "exists; edits made after it are not in it.\nRestore it?"
            ).format(name=name, when=when, age=age),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer(self, ask: Callable[[str, str, str], bool] | None = None) -> bool:
        """Offer the pending autosave; True if it was restored.

        ``ask(name, when, age)`` (default :meth:`ask`) gets the project's file name, the
        autosave's local time and its age ("3 minutes ago") and returns whether to
        restore. A restored project keeps its original file name and is marked unsaved
        (the status bar says how old it is); a refused autosave is deleted.
        """
        ask = ask or self.ask
        path = self.pending()
        if path is None:
            return False
        project = load_project(path)
        metadata = dict(project.metadata or {})
        original = metadata.pop("autosave_of", None) or self.document.path or None
        mtime = path.stat().st_mtime
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(mtime))
        age = describe_age(time.time() - mtime)
        name = Path(original).name if original else self.tr("an untitled project")
        if not ask(name, when, age):
            path.unlink(missing_ok=True)
            return False
        project.metadata = metadata
        doc = self.document
        doc.replace_project(project, original)
        doc.set_weights(project.weights, project.preprocessor, project.history)
        if path != self.path():  # keep exactly one autosave of it
            path.unlink(missing_ok=True)
            self.autosave()
        self.message.emit(
            self.tr(
                "Restored the autosave of {name} from {when} ({age}); later edits were lost."
            ).format(name=name, when=when, age=age)
        )
        return True
