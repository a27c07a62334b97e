"""Entry points: ``nnstudio`` (GUI without a subcommand, CLI with one) and ``nnstudio-gui``."""

from __future__ import annotations

import sys

CLI_COMMANDS = {"new", "info", "validate", "train", "predict", "export", "import-weights"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in CLI_COMMANDS or args[0] in {"-h", "--help", "--version"}):
        from nnstudio.cli import main as cli_main

        return cli_main(args)
    return gui_main(args)


def gui_main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from nnstudio.gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
