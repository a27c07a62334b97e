"""Permissions for files written atomically through a temporary file.

``tempfile.mkstemp`` creates files readable only by their owner (0600); a file a user saves
should get the usual permissions instead: those of the file it replaces, or
``0o666 & ~umask`` for a new one.
"""

from __future__ import annotations

import os
from pathlib import Path


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(umask)
    return umask


def file_mode(target: str | os.PathLike[str]) -> int:
    """The existing file's permission bits, or ``0o666 & ~umask`` for a new file."""
    try:
        return Path(target).stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~current_umask()
