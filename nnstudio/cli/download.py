"""The CLI's side of on-demand datasets: download before use, with a progress line."""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressLine:
    """``progress(done, total, file)`` for :func:`nnstudio.data.download.fetch`: one line
    on stderr, rewritten in place on a terminal, one line per file otherwise."""

    def __init__(self, title: str, err: TextIO | None = None) -> None:
        self.title = title
        self.err = err if err is not None else sys.stderr
        self.tty = bool(getattr(self.err, "isatty", lambda: False)())
        self.file = ""
        self.shown = -1

    def __call__(self, done: int, total: int, file: str) -> None:
        if file != self.file:
            if self.file and self.tty:
                self.err.write("\n")
            self.file, self.shown = file, -1
            if not self.tty:
                print(f"downloading {self.title}: {file} ...", file=self.err, flush=True)
        if not self.tty:
            return
        pct = int(100 * done / total) if total else -1
        if pct == self.shown and total:
            return
        self.shown = pct
        size = f"{done / 1e6:.1f}" + (f" / {total / 1e6:.1f} MB" if total else " MB")
        share = f"{pct:3d}% " if total else ""
        self.err.write(f"\rdownloading {self.title}: {file} {share}({size})")
        self.err.flush()

    def close(self) -> None:
        if self.file and self.tty:
            self.err.write("\n")
            self.err.flush()


def prefetch(project, err: TextIO | None = None) -> None:
    """Download the project's image dataset if it is not cached yet (else nothing)."""
    from nnstudio.data.download import TITLES, fetch
    from nnstudio.data.image_sets import needs_download

    name = project.data.name
    if not needs_download(name):
        return
    line = ProgressLine(TITLES.get(name, name), err)
    try:
        fetch(name, progress=line)
    finally:
        line.close()
