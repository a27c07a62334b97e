"""Guard against the PySide6 release whose void calls and emits leak singleton refcounts.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call of a Qt method
that returns nothing and one to ``True`` on every ``Signal.emit()``; after a few thousand
calls the interpreter aborts ("deallocating None"). ``pyproject.toml`` excludes that
release. This test runs the pattern in a child process, so a bad PySide6 fails one test
instead of killing the whole run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem

    app = QApplication([])

    class Emitter(QObject):
        ping = Signal(int)

    emitter = Emitter()
    item = QGraphicsRectItem(0, 0, 1, 1)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(20_000):
        item.setPos(i, i)
        emitter.ping.emit(i)
    print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
    """
)


def test_void_qt_calls_and_emits_keep_singleton_refcounts():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    none_delta, true_delta = (int(v) for v in done.stdout.split())
    # A healthy binding leaves both counts where they were, give or take a few.
    assert abs(none_delta) < 100 and abs(true_delta) < 100
