"""Atomic file writes: every file NN Studio writes goes through here.

A file is written to a temporary file beside its target (same folder, so same file system),
flushed to disk, given the usual permissions, and moved over the target with
``os.replace``. A crash, a full disk or Ctrl+C leaves either the old file or the new one,
never a truncated mix; the temporary file is removed when anything fails.

Temporary names are ``.<target name>.<8 random characters>.tmp``. A save that is killed
(power cut, ``kill -9``) cannot remove its temporary file, so every write first removes this
program's stale ones for the same target: regular files of that name pattern, owned by the
current user and older than :data:`STALE_AFTER_S`. :func:`is_temporary_name` lets readers
refuse such a file instead of opening it as a project.

Writes also refuse to replace a *protected input* (see :func:`protect_inputs`): a command
that reads a project and writes files marks what it reads, so no writer can destroy it.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from nnstudio.io.errors import FileWriteError, OutputPathError
from nnstudio.io.filemode import file_mode
from nnstudio.io.paths import same_file
from nnstudio.text import Text

#: own temporary files older than this many seconds are removed when the same target is
#: written again (a write in progress is never that old)
STALE_AFTER_S = 3600.0

_TMP_SUFFIX = ".tmp"
# ".<name>.<8 chars from tempfile's alphabet>.tmp"
_TMP_RE = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")

_PROTECTED: contextvars.ContextVar[tuple[Path, ...]] = contextvars.ContextVar(
    "nnstudio_protected_inputs", default=()
)


def is_temporary_name(path: str | os.PathLike[str]) -> bool:
    """True if ``path``'s name is one of this program's temporary save files."""
    return _TMP_RE.match(Path(path).name) is not None


def clean_stale_temporaries(
    target: str | os.PathLike[str], max_age_s: float = STALE_AFTER_S
) -> int:
    """Remove this user's temporary files for ``target`` older than ``max_age_s``.

    Only files named ``.<target name>.XXXXXXXX.tmp`` in ``target``'s folder are considered,
    so other programs' files and temporary files of a save in progress are never touched.
    Returns how many were removed; failures to remove are ignored.
    """
    t = Path(target)
    folder = t.parent if str(t.parent) else Path(".")
    prefix = f".{t.name}."
    removed = 0
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
            continue
        match = _TMP_RE.match(name)
        if match is None or match.group("target") != t.name:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        if uid is not None and st.st_uid != uid:
            continue
        if now - st.st_mtime < max_age_s:
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


@contextlib.contextmanager
def protect_inputs(paths: Iterable[str | os.PathLike[str] | None]) -> Iterator[None]:
    """While active, every atomic write refuses to replace any of ``paths`` (or a hard
    link to one). ``None`` entries are ignored; protections nest."""
    extra = tuple(Path(p) for p in paths if p is not None and str(p) != "")
    token = _PROTECTED.set(_PROTECTED.get() + extra)
    try:
        yield
    finally:
        _PROTECTED.reset(token)


def protected_inputs() -> tuple[Path, ...]:
    """The inputs protected by the enclosing :func:`protect_inputs` blocks."""
    return _PROTECTED.get()


def _check_target(target: Path, error: type[Exception]) -> Path:
    if str(target) in ("", "."):
        raise error(Text("Cannot write to an empty path; give a file name"))
    for protected in _PROTECTED.get():
        if same_file(target, protected):
            raise OutputPathError(
                Text(
                    "refusing to write {target}: it is the input file {input}; "
                    "choose another output file",
                    target=str(target),
                    input=str(protected),
                )
            )
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise error(
            Text("Cannot write {target}: it is a folder; give a file name", target=str(target))
        )
    if not folder.is_dir():
        raise error(
            Text(
                "Cannot write {target}: the folder {folder} does not exist; create it first",
                target=str(target),
                folder=str(folder),
            )
        )
    return folder


class AtomicFile:
    """A file being written atomically: write to it, then :meth:`commit` (or :meth:`close`).

    ``mode`` is ``"wb"`` or ``"w"`` (text, with ``encoding`` and ``newline`` as for
    :func:`open`). Used as a context manager it commits on success and discards on an
    exception. Attribute access (``write``, ``flush``...) goes to the open temporary file,
    so ``csv.writer(AtomicFile(...))`` works. ``error`` is the exception type raised when
    the file cannot be written (an :class:`~nnstudio.errors.NNStudioError` subclass).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        mode: str = "wb",
        *,
        encoding: str | None = None,
        newline: str | None = None,
        error: type[Exception] = FileWriteError,
    ) -> None:
        if mode not in ("w", "wb"):
            raise ValueError(f"AtomicFile mode must be 'w' or 'wb', not {mode!r}")
        self.path = Path(path)
        self._error = error
        folder = _check_target(self.path, error)
        clean_stale_temporaries(self.path)
        try:
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=_TMP_SUFFIX, dir=folder
            )
        except OSError as exc:
            raise error(
                Text(
                    "Cannot write {target}: {reason}; choose a folder you can write to",
                    target=str(self.path),
                    reason=exc.strerror or str(exc),
                )
            ) from exc
        try:
            if mode == "wb":
                self.file: IO[Any] = os.fdopen(fd, "wb")
            else:
                self.file = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        except BaseException:
            os.close(fd)
            self._remove_tmp()
            raise
        self._done = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()

    def commit(self) -> Path:
        """Flush to disk and move the temporary file over the target; returns the target."""
        if self._done:
            return self.path
        self._done = True
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self._tmp, file_mode(self.path))
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self._close_quietly()
            self._remove_tmp()
            raise self._error(
                Text(
                    "Cannot write {target}: {reason}",
                    target=str(self.path),
                    reason=exc.strerror or str(exc),
                )
            ) from exc
        except BaseException:
            self._close_quietly()
            self._remove_tmp()
            raise
        return self.path

    close = commit

    def discard(self) -> None:
        """Drop what was written; the target is left as it was."""
        if self._done:
            return
        self._done = True
        self._close_quietly()
        self._remove_tmp()

    def _close_quietly(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass

    def _remove_tmp(self) -> None:
        try:
            os.unlink(self._tmp)
        except OSError:
            pass


def write_atomic(
    path: str | os.PathLike[str],
    write: Callable[[BinaryIO], None],
    *,
    error: type[Exception] = FileWriteError,
) -> Path:
    """Write ``path`` atomically through ``write(binary file)``; returns ``path``.

    Raises ``error`` (default :class:`FileWriteError`) if it cannot be written and
    :class:`OutputPathError` if it is a protected input.
    """
    with AtomicFile(path, "wb", error=error) as fh:
        write(fh.file)
    return fh.path


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, error: type[Exception] = FileWriteError
) -> Path:
    """Write ``data`` to ``path`` atomically."""
    return write_atomic(path, lambda fh: fh.write(data), error=error)


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, error: type[Exception] = FileWriteError
) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    return write_atomic(path, lambda fh: fh.write(text.encode("utf-8")), error=error)
