"""Application entry: ``nnstudio [project] [--screenshot out.png] [--train-epochs N]
[--view neurons] [--lang zh_CN|en] [--lesson ID]``.

Sets pyqtgraph's row-major image order once, creates the QApplication (organisation and
application names for QSettings), installs an exception hook that shows unexpected errors
in a dialog instead of a traceback, and opens the main window.

Screenshot mode opens the window at 1400x900, trains N epochs through the real worker,
renders the window to a PNG and exits 0 (1 with a message on stderr on error).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType

ORGANIZATION = "NN Studio"
APPLICATION = "NN Studio"
SCREENSHOT_SIZE = (1400, 900)
#: Screenshot mode gives up after this long (the run, not the machine, is at fault).
SCREENSHOT_TIMEOUT_MS = 10 * 60 * 1000


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="nnstudio", description="NN Studio: design, train and understand neural networks."
    )
    parser.add_argument("project", nargs="?", help="a .nnstudio project to open")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="train, save a PNG of the window and exit"
    )
    parser.add_argument(
        "--train-epochs",
        type=int,
        default=None,
        metavar="N",
        help="epochs to train before the screenshot (default: 200)",
    )
    parser.add_argument(
        "--view",
        choices=("boxes", "neurons"),
        default=None,
        help="canvas view: layer boxes, or neurons (each unit's map, weights on the wires)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=None,
        help="interface language (default: the Preferences choice, else the system's)",
    )
    parser.add_argument(
        "--lesson",
        metavar="ID",
        default=None,
        help="open a lesson: its project and its steps (see 'nnstudio lessons')",
    )
    return parser.parse_args(argv)


def _excepthook_factory(app):  # noqa: ANN001, ANN202
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from nnstudio.errors import NNStudioError

        if issubclass(exc_type, KeyboardInterrupt):
            app.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        print(details, file=sys.stderr)
        if isinstance(exc, NNStudioError):
            from nnstudio.gui.i18n import core_tr

            text, informative = core_tr(exc), ""
        else:
            text = QCoreApplication.translate("app", "Something went wrong inside NN Studio.")
            informative = f"{exc_type.__name__}: {exc}\n\n" + QCoreApplication.translate(
                "app",
                "Your project is still open; save it under a new name if in doubt. "
                "Please report this with the details below.",
            )
        box = QMessageBox(QMessageBox.Icon.Critical, "NN Studio", text)
        box.setObjectName("unexpectedErrorBox")
        if informative:
            box.setInformativeText(informative)
            box.setDetailedText(details)
        box.open()
        hook.last_box = box  # keep it alive

    return hook


def run(argv: list[str]) -> int:
    """Run the app; returns the process exit code."""
    args = parse_args(argv)
    import pyqtgraph as pg
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "nnstudio"])
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("nnstudio")
    from nnstudio import resources_path

    icon_path = resources_path() / "icons" / "nnstudio.svg"
    if icon_path.is_file():
        app.setWindowIcon(QIcon(str(icon_path)))
    sys.excepthook = _excepthook_factory(app)
    from nnstudio.gui.i18n import choose_language, install_translators

    install_translators(app, choose_language(args.lang))

    from nnstudio.errors import NNStudioError
    from nnstudio.gui.main_window import MainWindow

    project = path = None
    if args.project:
        from nnstudio.io import load_project

        try:
            project, path = load_project(args.project), str(args.project)
        except NNStudioError as exc:
            if args.screenshot:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            from PySide6.QtWidgets import QMessageBox

            from nnstudio.gui.i18n import core_tr

            QMessageBox.critical(None, "NN Studio", core_tr(exc))

    if args.lesson:
        from nnstudio.lessons import get_lesson

        try:
            get_lesson(args.lesson)  # an unknown id: one line naming the known ones
        except NNStudioError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if args.screenshot:
        return screenshot(
            app, project, path, args.screenshot, args.train_epochs, args.view, args.lesson
        )

    window = MainWindow(project, path)
    window.show()
    if args.lesson:
        from nnstudio.gui.lessons_panel import open_lesson

        open_lesson(window, args.lesson)
    if args.view is not None and window.neuron_view.available:
        window.neuron_view.set_enabled(args.view == "neurons")
    if path is None or project is not None:
        try:
            window.offer_recovery()
        except NNStudioError as exc:
            from nnstudio.gui.i18n import core_tr

            window.show_error("Recovery", core_tr(exc))
    if path:
        window._add_recent(path)
    return app.exec()


def screenshot(  # noqa: ANN001
    app, project, path, out: str, epochs: int | None, view: str | None = None, lesson=None
) -> int:
    """Train ``epochs`` through the real worker, save the window as ``out``; exit code.

    ``view`` "neurons" turns the canvas's neuron view on ("boxes" off) before training.
    """
    import tempfile

    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from nnstudio.gui.main_window import MainWindow

    scratch = tempfile.TemporaryDirectory(prefix="nnstudio-shot-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(project, path, settings=settings, recovery_dir=scratch.name)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if lesson:
        from nnstudio.gui.lessons_panel import open_lesson

        open_lesson(window, lesson)
    outcome: dict[str, object] = {"code": None, "error": None}

    def finish(error: str | None = None) -> None:
        if outcome["code"] is not None:
            return
        if error is None:
            if window.neuron_view.any_shown():
                window.neuron_view.refresh()  # the trained weights' maps, not a stale frame
            window.canvas.fit_all()
            app.processEvents()
            from nnstudio.errors import NNStudioError
            from nnstudio.gui.atomic_images import save_image_atomic

            try:  # atomically: a failed write never leaves a truncated PNG behind
                save_image_atomic(window.grab(), out, NNStudioError, "PNG")
                outcome["code"] = 0
            except NNStudioError:
                error = f"cannot write the screenshot to {out}"
        if error is not None:
            outcome["error"] = error
            outcome["code"] = 1
        window.document.mark_saved(window.document.path or "")  # no prompt on close
        window.close()
        loop.quit()

    def failed(message: str) -> None:
        outcome["error"] = message

    def done(_result: dict) -> None:
        if outcome["error"]:
            finish(str(outcome["error"]))
        else:
            QTimer.singleShot(100, finish)

    def start() -> None:
        if view is not None:
            if view == "neurons" and not window.neuron_view.available:
                finish("the neuron view needs data with two inputs (a 2-D input plane)")
                return
            window.neuron_view.set_enabled(view == "neurons")
        problems = window.document.problems()
        if problems:
            finish("cannot train: " + "; ".join(str(p) for p in problems))
            return
        n = 200 if epochs is None else max(0, int(epochs))
        if n == 0:
            finish()
            return
        window.start_training(max_epochs=n)

    window.trainingFinished.connect(done)
    window.controller.failed.connect(failed)  # re-emitted in the GUI thread
    QTimer.singleShot(200, start)
    # A local loop, and no quit-on-last-window: closing the window must not post a Quit
    # event that would end the caller's next event loop.
    loop = QEventLoop()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    watchdog = QTimer(window)
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: finish("screenshot mode timed out"))
    watchdog.start(SCREENSHOT_TIMEOUT_MS)
    loop.exec()
    watchdog.stop()
    app.processEvents()
    app.setQuitOnLastWindowClosed(quit_on_close)
    scratch.cleanup()
    if outcome["code"] != 0:
        print(f"error: {outcome['error']}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0
