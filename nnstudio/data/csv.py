"""Load a table of numbers from a CSV file."""

from __future__ import annotations

import csv as _csv
import math
import os
from pathlib import Path

import numpy as np

from .errors import DataError

MIN_ROWS = 10
MAX_CLASSES = 20


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def load_csv(
    path: str | os.PathLike[str], target_column: str | int | None = None
) -> tuple[np.ndarray, np.ndarray, str, list[str]]:
    """Read a numeric CSV table.

    The first row is a header if any of its cells is not a number (else the columns are
    named ``col1``, ``col2``...). The delimiter is sniffed among ``,`` ``;`` and tab.
    ``target_column`` is a column name or index (negative counts from the end), default the
    last column. The target is a classification label if it is integer-valued with at most
    20 distinct values (remapped to 0..k-1 in sorted order; 2 values -> ``"binary"``, more
    -> ``"multiclass"``), else a ``"regression"`` target.

    Returns:
        raw_x: (n_rows, n_columns - 1) float64 feature columns.
        y: (n_rows,) int64 labels or float64 targets.
        task: ``"binary"``, ``"multiclass"`` or ``"regression"``.
        column_names: names of the feature columns (the target excluded), in order.

    Raises:
        DataError: unreadable or empty file, ragged rows, non-numeric or missing values
        (naming the line and column), unknown target column, fewer than 10 rows, a
        constant target.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"CSV file not found: {p}. Check the path.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"Cannot read {p} as a UTF-8 text file: {exc}.") from None
    lines = [(i + 1, line) for i, line in enumerate(text.splitlines()) if line.strip()]
    if not lines:
        raise DataError(f"{p.name} is empty: it needs a table of numbers, one row per line.")
    try:
        dialect = _csv.Sniffer().sniff("\n".join(line for _, line in lines[:20]), ",;\t")
        delimiter = dialect.delimiter
    except _csv.Error:
        delimiter = ","
    rows = [
        (lineno, [cell.strip() for cell in next(_csv.reader([line], delimiter=delimiter))])
        for lineno, line in lines
    ]
    first = rows[0][1]
    has_header = any(_number(cell) is None for cell in first)
    if has_header:
        names = [c if c else f"col{j + 1}" for j, c in enumerate(first)]
        rows = rows[1:]
    else:
        names = [f"col{j + 1}" for j in range(len(first))]
    n_cols = len(names)
    if n_cols < 2:
        raise DataError(
            f"{p.name} has only one column: it needs at least one feature column and a "
            "target column."
        )
    if len(rows) < MIN_ROWS:
        raise DataError(
            f"{p.name} has {len(rows)} data row(s); at least {MIN_ROWS} are needed to train "
            "and test."
        )
    data = np.empty((len(rows), n_cols), dtype=np.float64)
    for r, (lineno, cells) in enumerate(rows):
        if len(cells) != n_cols:
            raise DataError(
                f"{p.name}, line {lineno}: {len(cells)} values but the table has {n_cols} "
                "columns; every row needs the same number of values."
            )
        for j, cell in enumerate(cells):
            value = _number(cell)
            if value is None or not math.isfinite(value):
                what = "is empty" if not cell else f"has {cell!r}"
                raise DataError(
                    f"{p.name}, line {lineno}, column '{names[j]}' {what}: every value must "
                    "be a finite number (encode categories as integers, fill missing values)."
                )
            data[r, j] = value
    t = _target_index(target_column, names, p.name)
    y_raw = data[:, t]
    x = np.delete(data, t, axis=1)
    feature_names = [n for j, n in enumerate(names) if j != t]
    distinct = np.unique(y_raw)
    if distinct.size < 2:
        raise DataError(
            f"The target column '{names[t]}' has a single value ({distinct[0]:g}); a model "
            "cannot learn from it. Choose another target column."
        )
    if np.all(y_raw == np.round(y_raw)) and distinct.size <= MAX_CLASSES:
        y = np.searchsorted(distinct, y_raw).astype(np.int64)
        task = "binary" if distinct.size == 2 else "multiclass"
    else:
        y = y_raw.copy()
        task = "regression"
    return x, y, task, feature_names


def _target_index(target: str | int | None, names: list[str], fname: str) -> int:
    n = len(names)
    if target is None:
        return n - 1
    if isinstance(target, bool):
        raise DataError(f"Target column must be a name or an index, got {target!r}.")
    if isinstance(target, int):
        if -n <= target < n:
            return target % n
        raise DataError(
            f"Target column index {target} is out of range: {fname} has {n} columns "
            f"(0 to {n - 1}, or -1 for the last)."
        )
    if isinstance(target, str):
        if target in names:
            return names.index(target)
        raise DataError(f"{fname} has no column named {target!r}; columns: {', '.join(names)}.")
    raise DataError(f"Target column must be a name or an index, got {target!r}.")
