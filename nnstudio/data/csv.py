"""Load a CSV table as model inputs and a target (a thin layer over :mod:`.table` and
:mod:`.encoding`)."""

from __future__ import annotations

import os

import numpy as np

from .encoding import MAX_CLASSES, MIN_ROWS
from .encoding_fit import fit_encoding
from .table import read_table

__all__ = ["MAX_CLASSES", "MIN_ROWS", "load_csv"]


def load_csv(
    path: str | os.PathLike[str],
    target_column: str | int | None = None,
    column_types: dict[str, str] | None = None,
    missing: str = "drop",
) -> tuple[np.ndarray, np.ndarray, str, list[str]]:
    """Read a CSV table: delimiter and header detected, text columns one-hot encoded, a text
    target turned into classes (see :func:`nnstudio.data.encoding_fit.fit_encoding`).

    ``target_column`` is a column name or index (negative counts from the end), default the
    last column.

    Returns:
        raw_x: (n_rows, n_features) float64 inputs (NaN where ``missing="fill"`` leaves a
            value for the preprocessor to fill).
        y: (n_rows,) int64 labels (classes in sorted order) or float64 targets.
        task: ``"binary"``, ``"multiclass"`` or ``"regression"``.
        feature_names: names of the input columns (``column=level`` for one-hot columns).

    Raises:
        DataError: unreadable or empty file, ragged rows, a value that cannot be used
        (naming the file, line and column), unknown target column, fewer than 10 rows, a
        constant target.
    """
    table = read_table(path)
    enc = fit_encoding(table, target_column, column_types, missing)
    x, y, _rows = enc.encode(table)
    return x, y, enc.task, enc.feature_names
