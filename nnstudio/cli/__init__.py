"""The headless command line: ``nnstudio <command> ...`` (see ``docs/cli.md``).

Every user error prints ``error: <message>`` to stderr and exits 1 (usage errors exit 2);
no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

import nnstudio
from nnstudio.cli.common import (  # noqa: F401
    _UNSET,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    _batch_size,
    _fmt,
    _int,
    _Parser,
    _positive_float,
    _positive_int,
)
from nnstudio.cli.files import cmd_export, cmd_import_weights, cmd_predict
from nnstudio.cli.project import cmd_info, cmd_new, cmd_validate
from nnstudio.cli.train import cmd_train
from nnstudio.errors import NNStudioError

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    from nnstudio.cli import insight as cli_insight
    from nnstudio.cli import lessons as cli_lessons
    from nnstudio.io import DEFAULT_TEMPLATE, TEMPLATES
    from nnstudio.io.export import FORMATS

    parser = _Parser(
        prog="nnstudio",
        description="NN Studio: design, train and export neural networks. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"nnstudio {nnstudio.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("new", help="create a project from a template")
    p.add_argument(
        "--template",
        "-t",
        default=DEFAULT_TEMPLATE,
        choices=list(TEMPLATES),
        help=f"template (default {DEFAULT_TEMPLATE})",
    )
    p.add_argument("--csv", help="build a ready-to-train project from this CSV table instead")
    p.add_argument("--target", help="with --csv: the column to predict (default: the last)")
    p.add_argument("-o", "--output", help="project file to write (default TEMPLATE.nnstudio)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="show layers, shapes, parameter counts and settings")
    p.add_argument("project")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("validate", help="check a project; exit 0 if valid, else list problems")
    p.add_argument("project")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("train", help="train a project and save the weights")
    p.add_argument("project")
    p.add_argument("--epochs", type=_positive_int, help="number of epochs")
    p.add_argument("--seed", type=_int, help="seed for initial weights and shuffling")
    p.add_argument("--dtype", choices=["float32", "float64"], help="floating-point precision")
    p.add_argument("--batch-size", type=_batch_size, default=_UNSET, help="whole number or 'full'")
    p.add_argument("--learning-rate", "--lr", type=_positive_float, help="learning rate (> 0)")
    p.add_argument("--init-weights", help="start from weights in a .npz or .safetensors file")
    p.add_argument(
        "--fresh", action="store_true", help="ignore the project's weights; start from scratch"
    )
    p.add_argument("-o", "--output", help="where to save (default: overwrite PROJECT)")
    p.add_argument("--log", help="write per-epoch metrics to this CSV file")
    p.add_argument("--every", type=_positive_int, help="when piped, print a line every N epochs")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    cli_insight.add_train_options(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("predict", help="run a trained project on inputs from a file")
    p.add_argument("project")
    p.add_argument("--input", "-i", required=True, help="inputs: X.csv or X.npy (raw features)")
    p.add_argument("-o", "--output", required=True, help="CSV file to write")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("export", help="export the network to another format")
    p.add_argument("project")
    p.add_argument("--format", "-f", required=True, choices=list(FORMATS))
    p.add_argument("-o", "--output", required=True, help="file (or folder) to write")
    p.add_argument(
        "--weights",
        choices=["initial", "trained"],
        help="pytorch-train: start from the seed's initial weights (default) or the project's",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-weights", help="load weights from .npz/.safetensors into a project")
    p.add_argument("project")
    p.add_argument("weights", help="a .npz or .safetensors file")
    p.add_argument("-o", "--output", help="where to save (default: overwrite PROJECT)")
    p.set_defaults(func=cmd_import_weights)
    cli_insight.add_parsers(sub)
    cli_lessons.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 error, 2 usage error)."""
    stream = out if out is not None else sys.stdout
    _escape_unencodable(stream)
    try:
        parser = build_parser()
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help/--version (0) or a usage error (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return args.func(args, stream)
    except NNStudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `nnstudio info x | head`: the reader left; say nothing
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        print(f"error: {_os_message(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still no traceback for the user, unless debugging
        if os.environ.get("NNSTUDIO_DEBUG"):
            raise
        print(
            f"error: internal error ({type(exc).__name__}: {exc}); please report it "
            "(set NNSTUDIO_DEBUG=1 to see the traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _escape_unencodable(stream: TextIO) -> None:
    """Print text the terminal cannot encode (a lone surrogate in a project name, a file
    name that is not UTF-8) as backslash escapes instead of failing."""
    for s in (stream, sys.stderr):
        reconfigure = getattr(s, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError, TypeError):
                pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so flushing at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout may not be a real file (tests)
        pass


def _os_message(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"{what}: {os.fsdecode(exc.filename)}"
    return what


if __name__ == "__main__":
    sys.exit(main())
