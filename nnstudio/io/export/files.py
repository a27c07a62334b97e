"""Writing export files atomically, with errors a person can act on."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..filemode import file_mode
from .errors import ExportError


def check_writable(path: Path) -> None:
    """Raise ExportError unless ``path`` can be created or replaced."""
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"cannot write '{path}': it is a folder; give a file name")
    if not folder.is_dir():
        raise ExportError(
            f"cannot write '{path}': the folder '{folder}' does not exist; create it first"
        )
    if not os.access(folder, os.W_OK):
        raise ExportError(
            f"cannot write '{path}': the folder '{folder}' is not writable; "
            "choose a folder you can write to"
        )


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Write through ``write(file)`` into a temp file beside ``path``, then replace it."""
    check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, file_mode(path))  # mkstemp made it 0600; give the usual permissions
        os.replace(tmp, path)
    except OSError as exc:
        _remove_quietly(tmp)
        raise ExportError(f"cannot write '{path}': {exc.strerror or exc}") from exc
    except BaseException:
        _remove_quietly(tmp)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    return write_atomic(path, lambda fh: fh.write(text.encode("utf-8")))


def write_bytes(path: Path, data: bytes) -> Path:
    return write_atomic(path, lambda fh: fh.write(data))


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
