"""Entry points: ``nnstudio`` (GUI without a subcommand, CLI with one) and ``nnstudio-gui``."""

from __future__ import annotations

import os
import sys

CLI_COMMANDS = {
    "new", "info", "validate", "train", "predict", "export", "import-weights", "lessons"
}
CLI_FLAGS = {"-h", "--help", "--version"}


def _is_cli(args: list[str]) -> bool:
    """True when the arguments name a command (or look like a mistyped one).

    ``nnstudio my.nnstudio`` and ``nnstudio --screenshot out.png`` start the app; a first
    word that is neither an option nor an existing/``.nnstudio`` file goes to the CLI, so a
    typo such as ``nnstudio trian`` gets argparse's "invalid choice" message instead of an
    app complaining about a missing project called "trian".
    """
    if not args:
        return False
    first = args[0]
    if first in CLI_COMMANDS or first in CLI_FLAGS:
        return True
    if first.startswith("-"):
        return False
    return not (os.path.exists(first) or first.endswith(".nnstudio"))


def _display_problem(args: list[str]) -> str | None:
    """Why the desktop app cannot open a window here, or None if it can (or may)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if "--screenshot" in args:
        # Screenshot mode renders offscreen; it needs no display.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return (
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop app "
        "cannot open a window. Start it from a desktop session, render it headless with "
        "'nnstudio --screenshot out.png', or use a command (see 'nnstudio --help')."
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _is_cli(args):
        from nnstudio.cli import main as cli_main

        return cli_main(args)
    return gui_main(args)


def gui_main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    problem = _display_problem(args)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    try:
        from nnstudio.gui.app import run
    except ImportError as exc:  # PySide6 or pyqtgraph missing: a core-only install
        print(
            f"error: the desktop app needs PySide6 and pyqtgraph ({exc}). Install them with "
            "'pip install PySide6-Essentials pyqtgraph', or use a command (see 'nnstudio --help').",
            file=sys.stderr,
        )
        return 1
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
