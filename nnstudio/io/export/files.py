"""Writing export files atomically, with errors a person can act on."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from nnstudio.text import Text

from ..atomic import write_atomic as _write_atomic
from .errors import ExportError


def check_writable(path: Path) -> None:
    """Raise ExportError unless ``path`` can be created or replaced."""
    folder = path.parent
    if path.is_dir():
        raise ExportError(
            Text("cannot write '{path}': it is a folder; give a file name", path=str(path))
        )
    if not folder.is_dir():
        raise ExportError(
            Text(
                "cannot write '{path}': the folder '{folder}' does not exist; create it first",
                path=str(path),
                folder=str(folder),
            )
        )
    if not os.access(folder, os.W_OK):
        raise ExportError(
            Text(
                "cannot write '{path}': the folder '{folder}' is not writable; "
                "choose a folder you can write to",
                path=str(path),
                folder=str(folder),
            )
        )


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Write through ``write(file)`` into a temp file beside ``path``, then replace it
    (:func:`nnstudio.io.atomic.write_atomic`: cleaned up on failure, protected inputs
    refused)."""
    check_writable(path)
    return _write_atomic(path, write, error=ExportError)


def write_text(path: Path, text: str) -> Path:
    return write_atomic(path, lambda fh: fh.write(text.encode("utf-8")))


def write_bytes(path: Path, data: bytes) -> Path:
    return write_atomic(path, lambda fh: fh.write(data))
