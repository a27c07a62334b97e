"""Shared pieces of the command line: exit codes, the error type, argument types,
output checks and project loading/saving."""

from __future__ import annotations

import argparse
import math
import os
from pathlib import Path

from nnstudio.errors import NNStudioError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

class CLIError(NNStudioError):
    """A command-line request that cannot be carried out (bad input file, existing output)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``error: ...`` line (with a pointer to --help)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"error: {message} (see '{self.prog} --help')\n")


# ---------------------------------------------------------------------------------------
# helpers


def _batch_size(text: str) -> int | None:
    """``full`` -> None (the whole training split), else a positive whole number."""
    if text.strip().lower() == "full":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"batch size must be a positive whole number or 'full', not {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"batch size must be at least 1, not {value}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, not {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, not {text}")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None


def _fmt(value: float | None, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if abs(value) >= 1e5 or 0 < abs(value) < 0.5 * 10**-digits:
        return f"{value:.{digits}e}"  # 2.1237e+09 / 3.1416e-06, not 2123728740.3712 / 0.0000
    return f"{value:.{digits}f}"


def _check_output(path: str | Path) -> Path:
    """``path`` as a Path; raises CLIError unless a file can be written there.

    Checked before any work is done, so a long training run never ends in a failed save.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise CLIError(f"cannot write {target}: it is a folder; give a file name")
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist; create it first"
        raise CLIError(f"cannot write {target}: {folder} {why}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise CLIError(f"cannot write {target}: permission denied; choose a place you can write to")
    return target


def _output(value: str | None, default: str | None, inputs=(), what: str = "output") -> Path:
    """The output path: ``value`` (an empty one is an error), else ``default``; refused if
    it is one of ``inputs`` (paths or ``(label, path)``), then checked by _check_output."""
    from nnstudio.io.paths import check_output_path

    chosen = default if value is None else value
    return _check_output(check_output_path(chosen, inputs, what=what))


def _dataset_input(project) -> tuple[str, str] | None:
    """``("dataset", csv path)`` of a CSV project, for output checks; else None."""
    if project.data.name != "csv" or not project.data.csv_path:
        return None
    return ("dataset", project.data_settings().csv_path)


def _load(path: str):
    from nnstudio.io import load_project

    return load_project(path)


def _prefetch(project) -> None:
    """Download the project's image dataset first if needed (progress line on stderr)."""
    from nnstudio.cli.download import prefetch

    prefetch(project)


def _save(project, path: str | Path) -> None:
    from nnstudio.io import save_project

    save_project(project, path)


#: default of options whose absence differs from any value (e.g. --batch-size)
_UNSET = object()
