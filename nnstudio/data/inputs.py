"""New rows for a trained network (``nnstudio predict``): read with the dataset's parser
and encoded the way the training data was."""

from __future__ import annotations

import os

import numpy as np

from .encoding import TableEncoding
from .table import read_table, table_matrix


def read_new_rows(
    path: str | os.PathLike[str], encoding: TableEncoding | None = None
) -> np.ndarray:
    """Rows of a CSV file -> (n_rows, n_raw) float64 raw inputs.

    With the project's table ``encoding`` (CSV datasets), the file may hold every column
    of the training file or every column but the target, matched by header name (or by
    position without a header); categories are one-hot encoded and missing values handled
    as in training. Without one, every column must be a number.

    Raises DataError naming the file, line and column of a value that cannot be used.
    """
    table = read_table(path)
    if encoding is not None:
        return encoding.encode_features(table)
    return table_matrix(table)


__all__ = ["read_new_rows"]
