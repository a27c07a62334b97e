"""Output-path safety: never write over a file that is being read.

:func:`check_output_path` is called before any work by every CLI command that writes, and
by the app's save and export dialogs; :func:`nnstudio.io.atomic.protect_inputs` enforces the
same rule at the moment of writing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from nnstudio.io.errors import OutputPathError
from nnstudio.text import Text

#: an input given as a path, or as ``(what it is, path)`` for the message
InputLike = str | os.PathLike[str] | tuple[str, str | os.PathLike[str] | None] | None


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True if ``a`` and ``b`` name the same file: equal after resolving ``..`` and
    symbolic links, or (both existing) the same inode on the same device (a hard link)."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
    except (OSError, ValueError):
        pass
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def check_output_path(
    path: str | os.PathLike[str] | None, inputs: Iterable[InputLike] = (), *, what: str = "output"
) -> Path:
    """``path`` as a Path, after refusing an empty path and any path that is one of
    ``inputs`` (an input is a path or a ``(label, path)`` pair; ``None`` entries are
    skipped). Raises :class:`OutputPathError` with a message naming both files.

    ``what`` and the labels are words of the message (``"export"``, ``"project file"``): a
    :class:`~nnstudio.text.Text`, or a plain word (those of :func:`_word` are translated).
    """
    what = _word(what)
    if path is None or str(path).strip() == "":
        raise OutputPathError(Text("the {what} path is empty; give a path to write to", what=what))
    target = Path(path)
    for item in inputs:
        label, source = item if isinstance(item, tuple) else (Text("input file"), item)
        if source is None or str(source) == "":
            continue
        if same_file(target, source):
            values = {"what": what, "target": str(target), "label": _word(label)}
            if os.path.realpath(target) != os.path.realpath(source):
                raise OutputPathError(
                    Text(
                        "refusing to write the {what} to {target}: it is the {label} {source} "
                        "(a hard link to it), which would be destroyed; choose another file name",
                        source=str(source),
                        **values,
                    )
                )
            raise OutputPathError(
                Text(
                    "refusing to write the {what} to {target}: it is the {label} {source}, "
                    "which would be destroyed; choose another file name",
                    source=str(source),
                    **values,
                )
            )
    return target


def _word(word: str) -> str:
    """A plain word naming a file (``what`` or a label) as a translatable Text when it is
    one the app uses; any other word as it is."""
    if isinstance(word, Text):
        return word
    return {
        "output": Text("output"),
        "export": Text("export"),
        "project": Text("project"),
        "project file": Text("project file"),
        "dataset": Text("dataset"),
        "input file": Text("input file"),
        "weights file": Text("weights file"),
        "predictions": Text("predictions"),
        "trained project": Text("trained project"),
        "log": Text("log"),
        "export folder": Text("export folder"),
    }.get(word, word)


def project_inputs(project: object) -> list[tuple[str, str]]:
    """The files a project reads, as ``(label, path)``: its own file (when it came from
    one) and its dataset CSV (for a CSV dataset). No export or save may replace them."""
    inputs: list[tuple[str, str]] = []
    path = getattr(project, "path", None)
    if path is not None:
        inputs.append((Text("project file"), str(path)))
    data = getattr(project, "data", None)
    if data is not None and getattr(data, "name", None) == "csv" and data.csv_path:
        csv_path = str(project.data_settings().csv_path)  # type: ignore[attr-defined]
        inputs.append((Text("dataset"), csv_path))
    return inputs
