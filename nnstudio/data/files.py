"""Opening data files safely: regular files only, with a size limit stated in the error.

A dataset path may name ``/dev/zero`` (endless), a FIFO (blocks forever on open) or a huge
file; reading any of them would hang the app or exhaust memory. Files are opened without
blocking, then checked with ``fstat`` on the open descriptor (no race between check and
read).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TextIO

from nnstudio.text import Text

from .errors import DataError

#: largest CSV file NN Studio reads (2 GB)
MAX_CSV_BYTES = 2 * 1024**3
#: what the file is, in messages (``what`` of the functions below)
CSV_FILE = Text("CSV file")


def _limit_text(n: int) -> str:
    return f"{n / 1024**3:g} GB" if n >= 1024**3 else f"{n / 1024**2:g} MB"


def _not_found(p: Path, what: str) -> DataError:
    if what == CSV_FILE:
        return DataError(Text("CSV file not found: {path}. Check the path.", path=str(p)))
    return DataError(
        Text(
            "{what} not found: {path}. Check the path.",
            what=what[0].upper() + what[1:],
            path=str(p),
        )
    )


def _unreadable(p: Path, exc: OSError) -> DataError:
    return DataError(
        Text("Cannot read {path}: {error}.", path=str(p), error=exc.strerror or str(exc))
    )


def _check_stat(p: Path, st: os.stat_result, max_bytes: int, what: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise DataError(
            Text("{path} is a folder; give a {what} saved on disk.", path=str(p), what=what)
        )
    if not stat.S_ISREG(st.st_mode):
        raise DataError(
            Text(
                "{path} is not a regular file (it is a device, pipe or socket); give a {what} "
                "saved on disk.",
                path=str(p),
                what=what,
            )
        )
    if st.st_size > max_bytes:
        raise DataError(
            Text(
                "{path} is {size:.1f} GB; the largest {what} NN Studio reads is {limit}. "
                "Use a sample of the rows.",
                path=str(p),
                size=st.st_size / 1024**3,
                what=what,
                limit=_limit_text(max_bytes),
            )
        )


def check_regular_file(
    path: str | os.PathLike[str], max_bytes: int = MAX_CSV_BYTES, what: str = CSV_FILE
) -> Path:
    """``path`` as a Path if it is an existing regular file of at most ``max_bytes``; else
    :class:`DataError` saying why (not found, folder, device or pipe, too large)."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise _not_found(p, what) from None
    except OSError as exc:
        raise _unreadable(p, exc) from None
    _check_stat(p, st, max_bytes, what)
    return p


def open_regular_file(
    path: str | os.PathLike[str],
    max_bytes: int = MAX_CSV_BYTES,
    *,
    what: str = CSV_FILE,
    encoding: str = "utf-8-sig",
    newline: str | None = "",
) -> TextIO:
    """Open ``path`` for reading text after checking, on the open file, that it is a
    regular file of at most ``max_bytes`` (opening never blocks on a pipe)."""
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise _not_found(p, what) from None
    except OSError as exc:
        raise _unreadable(p, exc) from None
    try:
        _check_stat(p, os.fstat(fd), max_bytes, what)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, encoding=encoding, newline=newline)  # noqa: SIM115 - caller closes
    except BaseException:
        os.close(fd)
        raise
