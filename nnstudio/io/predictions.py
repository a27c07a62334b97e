"""Predictions as a CSV table: fast writing of many rows (``nnstudio predict``)."""

from __future__ import annotations

import itertools
from typing import TextIO

import numpy as np

CHUNK_ROWS = 50_000


def prediction_columns(
    values: np.ndarray, task: str, class_names: list[str] | None = None
) -> tuple[list[str], np.ndarray | None, list[str] | None]:
    """Header and label columns of a predictions table.

    ``values`` (n, k): regression outputs or class probabilities. Returns the value
    column names (``y`` / ``y0``... or ``p0``, ``p1``...), the predicted class indices
    ``(n,)`` (``None`` for regression) and the class names to write in a ``label``
    column (``"0"``, ``"1"``... when the classes have no names).
    """
    k = values.shape[1]
    if task == "regression":
        return (["y"] if k == 1 else [f"y{i}" for i in range(k)]), None, None
    names = class_names if class_names is not None and len(class_names) == k else None
    labels = [str(i) for i in range(k)] if names is None else list(names)
    return [f"p{i}" for i in range(k)], values.argmax(axis=1), labels


def write_predictions(
    fh: TextIO,
    header: list[str],
    values: np.ndarray,
    classes: np.ndarray | None = None,
    class_names: list[str] | None = None,
    digits: int = 9,
) -> None:
    """Write ``values`` (n, k) as CSV rows with ``digits`` significant digits (9 restores a
    float32 exactly, 17 a float64), then, for classification, the ``class`` index and its
    ``label`` name.

    Formats a block of rows with one ``%`` operation (about 1 s per million rows).
    """
    k = values.shape[1]
    cols = list(header)
    if classes is not None:
        cols += ["class", "label"]
    fh.write(",".join(_quote(c) for c in cols) + "\r\n")
    row_fmt = ",".join([f"%.{int(digits)}g"] * k)
    if classes is not None:
        assert class_names is not None
        row_fmt += ",%d,%s"
        quoted = np.array([_quote(n) for n in class_names], dtype=object)
    row_fmt += "\r\n"
    for start in range(0, values.shape[0], CHUNK_ROWS):
        block = values[start : start + CHUNK_ROWS]
        cols = [block[:, j].tolist() for j in range(k)]
        if classes is not None:
            cls = classes[start : start + CHUNK_ROWS]
            cols += [cls.tolist(), quoted[cls].tolist()]
        cells = tuple(itertools.chain.from_iterable(zip(*cols, strict=True)))
        fh.write((row_fmt * block.shape[0]) % cells)


def _quote(text: str) -> str:
    """A CSV cell: quoted when it holds a delimiter, quote or line break."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
