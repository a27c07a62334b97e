"""Table columns -> model inputs and targets: column types, one-hot categories, classes
with names, missing values.

A :class:`TableEncoding` is fitted once on the dataset's file (:func:`fit_encoding`) and
stored in the project (inside the preprocessor), so reopening the project and
``nnstudio predict`` on new rows apply exactly the same encoding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import DataError
from .table import DELIMITERS, Table

#: column kinds a user can choose (the target column's kind decides the task)
COLUMN_KINDS = ("numeric", "categorical", "ignore")
#: missing-value policies: drop the rows, or fill (numbers: training mean; text: "missing")
MISSING_POLICIES = ("drop", "fill")
MISSING_LEVEL = "missing"
MAX_CATEGORIES = 50
MAX_CLASSES = 20
MIN_ROWS = 10


def _level(value: float) -> str:
    """A number as a category/class name: ``3.0`` -> ``"3"``, ``2.5`` -> ``"2.5"``."""
    return np.format_float_positional(float(value), trim="-")


def _levels(table: Table, j: int) -> np.ndarray:
    """Column ``j`` as strings (missing cells ``""``)."""
    col = table.columns[j]
    if col.dtype.kind != "f":
        return col
    out = np.empty(col.shape[0], dtype=object)
    nan = np.isnan(col)
    out[nan] = ""
    uniq, inverse = np.unique(col[~nan], return_inverse=True)
    out[~nan] = np.array([_level(v) for v in uniq], dtype=object)[inverse]
    return out


def _lookup(cells: np.ndarray, names: list[str]) -> np.ndarray:
    """(n,) int64 index of each cell in ``names`` (-1 where it is not there)."""
    uniq, inverse = np.unique(cells.astype(str), return_inverse=True)
    where = {name: i for i, name in enumerate(names)}
    codes = np.array([where.get(u, -1) for u in uniq.tolist()], dtype=np.int64)
    return codes[inverse.reshape(-1)] if uniq.size else np.empty(0, np.int64)


def detect_kinds(table: Table) -> list[str]:
    """Per column: ``numeric`` if every present cell is a number, ``categorical`` for text
    with at most 50 distinct values, else ``ignore`` (names, identifiers, free text)."""
    kinds = []
    for j in range(len(table.names)):
        if table.is_numeric(j):
            kinds.append("numeric")
        else:
            levels = np.unique(table.columns[j][table.columns[j] != ""])
            kinds.append("categorical" if levels.size <= MAX_CATEGORIES else "ignore")
    return kinds


def target_index(target: str | int | None, names: list[str], source: str) -> int:
    """Index of the target column: a name, an index (negative from the end) or None (last)."""
    n = len(names)
    if target is None:
        return n - 1
    if isinstance(target, bool):
        raise DataError(f"Target column must be a name or an index, got {target!r}.")
    if isinstance(target, int):
        if -n <= target < n:
            return target % n
        raise DataError(
            f"Target column index {target} is out of range: {source} has {n} columns "
            f"(0 to {n - 1}, or -1 for the last)."
        )
    if isinstance(target, str):
        if target in names:
            return names.index(target)
        raise DataError(f"{source} has no column named {target!r}; columns: {', '.join(names)}.")
    raise DataError(f"Target column must be a name or an index, got {target!r}.")


@dataclass
class TableEncoding:
    """How a table's columns become model inputs and targets.

    Attributes:
        names: every column name of the file, in order.
        kinds: per column, ``numeric`` / ``categorical`` / ``ignore`` (for the target:
            ``categorical`` = classes, ``numeric`` = regression).
        target: the target column's name.
        task: ``"binary"``, ``"multiclass"`` or ``"regression"``.
        classes: class names (label ``i`` is ``classes[i]``), ``None`` for regression.
        categories: categorical feature column -> its levels (one-hot order).
        missing: ``"drop"`` or ``"fill"``.
        delimiter, header: how the file was read.
    """

    names: list[str]
    kinds: list[str]
    target: str
    task: str
    classes: list[str] | None = None
    categories: dict[str, list[str]] = field(default_factory=dict)
    missing: str = "drop"
    delimiter: str = ","
    header: bool = True

    @property
    def target_j(self) -> int:
        return self.names.index(self.target)

    def feature_columns(self) -> list[int]:
        """Indices of the columns used as features (not the target, not ignored)."""
        t = self.target_j
        return [j for j, k in enumerate(self.kinds) if j != t and k != "ignore"]

    @property
    def feature_names(self) -> list[str]:
        """Model input names: a numeric column's name, ``column=level`` per one-hot level."""
        out: list[str] = []
        for j in self.feature_columns():
            name = self.names[j]
            if self.kinds[j] == "categorical":
                out += [f"{name}={level}" for level in self.categories[name]]
            else:
                out.append(name)
        return out

    # ------------------------------------------------------------------ encoding
    def encode(self, table: Table) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The dataset's rows -> ``(x, y, rows)``.

        ``x`` (n, n_features) float64 with NaN where a number is missing (the fill policy;
        the preprocessor puts the training mean there), ``y`` (n,) int64 labels or float64
        targets, ``rows`` (n,) indices of the kept table rows. Rows with a missing target
        are dropped; with the ``drop`` policy, so are rows missing any feature.
        """
        self._check_columns(table, with_target=True)
        t = self.target_j
        keep = ~table.missing(t)
        if self.missing == "drop":
            for j in self.feature_columns():
                keep &= ~table.missing(j)
        rows = np.flatnonzero(keep)
        if rows.size < MIN_ROWS:
            raise DataError(
                f"{table.source} has {rows.size} usable row(s) (rows with a missing target"
                + (" or feature" if self.missing == "drop" else "")
                + f" are left out); at least {MIN_ROWS} are needed to train and test."
            )
        y = self._targets(table, rows)
        x = self._features(table, rows, list(range(len(self.names))))
        return x, y, rows

    def encode_features(self, table: Table) -> np.ndarray:
        """New rows (for ``predict``) -> (n, n_features) float64, every row kept.

        The table may hold every column of the original file or every column but the
        target; with a header row columns are matched by name, else by position.
        Raises DataError naming the file, line and column of a value that cannot be used.
        """
        positions = self._positions(table)
        rows = np.arange(table.n_rows)
        if self.missing == "drop":
            for j in self.feature_columns():
                where = np.flatnonzero(table.missing(positions[j]))
                if where.size:
                    raise DataError(
                        f"{table.where(int(where[0]), positions[j])} is empty: this project "
                        "drops rows with missing values when training, so every value is "
                        "needed to predict. Fill it in (or choose 'fill' in the data settings "
                        "and retrain)."
                    )
        return self._features(table, rows, positions)

    def _positions(self, table: Table) -> list[int]:
        """For each column of the encoding, its index in ``table`` (-1: absent target)."""
        t = self.target_j
        if table.header:
            positions = []
            for j, name in enumerate(self.names):
                if name in table.names:
                    positions.append(table.names.index(name))
                elif j == t or self.kinds[j] == "ignore":
                    positions.append(-1)
                else:
                    raise DataError(
                        f"{table.source} has no column '{name}': the network was trained on "
                        f"the columns {', '.join(n for i, n in enumerate(self.names) if i != t)}."
                    )
            return positions
        n = len(table.names)
        if n == len(self.names):
            return list(range(n))
        if n == len(self.names) - 1:
            return [-1 if j == t else (j if j < t else j - 1) for j in range(len(self.names))]
        raise DataError(
            f"{table.source} has {n} columns but the network was trained on a table of "
            f"{len(self.names)} columns ({', '.join(self.names)}); give the same columns, "
            f"with or without '{self.target}'."
        )

    def _check_columns(self, table: Table, with_target: bool) -> None:
        if len(table.names) != len(self.names):
            raise DataError(
                f"{table.source} has {len(table.names)} columns; the data settings describe "
                f"{len(self.names)} ({', '.join(self.names)})."
            )

    def _features(self, table: Table, rows: np.ndarray, positions: list[int]) -> np.ndarray:
        width = len(self.feature_names)
        x = np.empty((rows.size, width), dtype=np.float64)
        c = 0
        for j in self.feature_columns():
            tj = positions[j]
            name = self.names[j]
            if self.kinds[j] == "numeric":
                col = table.columns[tj]
                if col.dtype.kind != "f":
                    col = self._numbers(table, tj)
                values = col[rows] if rows.size != table.n_rows else col
                bad = np.isinf(values)
                if bad.any():
                    r = int(rows[np.flatnonzero(bad)[0]])
                    raise DataError(
                        f"{table.where(r, tj)} is infinite: every value must be a finite number."
                    )
                x[:, c] = values
                c += 1
                continue
            levels = self.categories[name]
            cells = _levels(table, tj)[rows]
            if self.missing == "fill":
                cells = np.where(cells == "", MISSING_LEVEL, cells)
            index = _lookup(cells, levels)
            unknown = np.flatnonzero(index < 0)
            if unknown.size:
                r = int(rows[unknown[0]])
                value = cells[unknown[0]]
                what = "is empty" if value == "" else f"has {value!r}"
                raise DataError(
                    f"{table.where(r, tj)} {what}, which is not one of the categories the "
                    f"network was trained on: {', '.join(levels)}."
                )
            block = np.zeros((rows.size, len(levels)), dtype=np.float64)
            block[np.arange(rows.size), index] = 1.0
            x[:, c : c + len(levels)] = block
            c += len(levels)
        return x

    def _numbers(self, table: Table, j: int) -> np.ndarray:
        """A text column the user declared numeric: numbers or an error naming the cell."""
        cells = table.columns[j]
        out = np.full(cells.shape[0], np.nan)
        for r, cell in enumerate(cells):
            if cell == "":
                continue
            try:
                out[r] = float(cell)
            except ValueError:
                raise DataError(
                    f"{table.where(r, j)} has {cell!r}, which is not a number; make the "
                    "column categorical or ignore it."
                ) from None
        return out

    def _targets(self, table: Table, rows: np.ndarray) -> np.ndarray:
        t = self.target_j
        if self.task == "regression":
            col = table.columns[t]
            values = (col if col.dtype.kind == "f" else self._numbers(table, t))[rows]
            bad = np.flatnonzero(~np.isfinite(values))
            if bad.size:
                raise DataError(f"{table.where(int(rows[bad[0]]), t)} is not a finite number.")
            return values.astype(np.float64)
        assert self.classes is not None
        cells = _levels(table, t)[rows]
        y = _lookup(cells, self.classes)
        bad = np.flatnonzero(y < 0)
        if bad.size:
            raise DataError(
                f"{table.where(int(rows[bad[0]]), t)} has {cells[bad[0]]!r}, not one of the "
                f"classes {', '.join(self.classes)}."
            )
        return y

    # ------------------------------------------------------------------ storage
    def to_dict(self) -> dict[str, Any]:
        """JSON-able copy."""
        return {
            "names": list(self.names),
            "kinds": list(self.kinds),
            "target": self.target,
            "task": self.task,
            "classes": None if self.classes is None else list(self.classes),
            "categories": {k: list(v) for k, v in self.categories.items()},
            "missing": self.missing,
            "delimiter": self.delimiter,
            "header": self.header,
        }

    @classmethod
    def from_dict(cls, d: Any) -> TableEncoding:
        """Rebuild from :meth:`to_dict`; raises DataError if malformed."""
        if not isinstance(d, dict):
            raise DataError("The table encoding must be an object.")
        try:
            enc = cls(
                names=[str(n) for n in d["names"]],
                kinds=[str(k) for k in d["kinds"]],
                target=str(d["target"]),
                task=str(d["task"]),
                classes=None if d.get("classes") is None else [str(c) for c in d["classes"]],
                categories={str(k): [str(x) for x in v] for k, v in d["categories"].items()},
                missing=str(d.get("missing", "drop")),
                delimiter=str(d.get("delimiter", ",")),
                header=bool(d.get("header", True)),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataError(f"The table encoding is malformed ({exc}).") from None
        enc.validate()
        return enc

    def validate(self) -> None:
        """Raise DataError if the fields do not fit together."""
        if len(self.names) != len(self.kinds) or self.target not in self.names:
            raise DataError("The table encoding's columns, kinds and target do not match.")
        if any(k not in COLUMN_KINDS for k in self.kinds):
            raise DataError(f"Column kinds must be among {', '.join(COLUMN_KINDS)}.")
        if self.task not in ("binary", "multiclass", "regression"):
            raise DataError(f"Unknown task {self.task!r} in the table encoding.")
        if (self.task == "regression") != (self.classes is None):
            raise DataError("The table encoding needs class names exactly for classification.")
        if self.missing not in MISSING_POLICIES:
            raise DataError(f"Missing-value policy must be one of {', '.join(MISSING_POLICIES)}.")
        if self.delimiter not in DELIMITERS:
            raise DataError("The table encoding's delimiter must be a comma, semicolon or tab.")
        for j in self.feature_columns():
            if self.kinds[j] == "categorical" and not self.categories.get(self.names[j]):
                raise DataError(f"Categorical column '{self.names[j]}' has no categories.")


def fit_encoding(
    table: Table,
    target: str | int | None = None,
    kinds: dict[str, str] | None = None,
    missing: str = "drop",
) -> TableEncoding:
    """Decide how ``table`` is encoded.

    Args:
        target: the target column (name, index or ``None`` = last).
        kinds: user overrides, column name -> ``numeric`` / ``categorical`` / ``ignore``.
            The detected kind (:func:`detect_kinds`) is used for the other columns. A text
            target always gives classes; a numeric target gives classes when it holds at
            most 20 distinct whole numbers (or is set ``categorical``), else regression.
        missing: ``"drop"`` rows with a missing value, or ``"fill"`` them.

    Raises:
        DataError naming the column for an unknown column / kind, a text column set numeric
        that holds text, a target with a single value, too many classes or no features.
    """
    if missing not in MISSING_POLICIES:
        raise DataError(
            f"Unknown missing-value policy {missing!r}; choose one of "
            f"{', '.join(MISSING_POLICIES)}."
        )
    detected = detect_kinds(table)
    for name, kind in (kinds or {}).items():
        if name not in table.names:
            raise DataError(
                f"{table.source} has no column named {name!r}; columns: {', '.join(table.names)}."
            )
        if kind not in COLUMN_KINDS:
            raise DataError(
                f"Column '{name}': unknown type {kind!r}; choose one of {', '.join(COLUMN_KINDS)}."
            )
        detected[table.names.index(name)] = kind
    t = target_index(target, table.names, table.source)
    if len(table.names) < 2:
        raise DataError(
            f"{table.source} has only one column: it needs at least one feature column and a "
            "target column."
        )
    present = ~table.missing(t)
    forced = (kinds or {}).get(table.names[t])
    if forced == "ignore":
        raise DataError(f"The target column '{table.names[t]}' cannot be ignored.")
    col = table.columns[t]
    classes: list[str] | None
    if col.dtype.kind == "f":
        values = np.unique(col[present])
        integral = values.size <= MAX_CLASSES and np.all(values == np.round(values))
        as_classes = forced == "categorical" or (forced is None and integral)
        classes = [_level(v) for v in values] if as_classes else None
    else:
        if forced == "numeric":
            raise DataError(
                f"The target column '{table.names[t]}' holds text; it can only be a class column."
            )
        classes = sorted(set(col[present].tolist()))
    n_distinct = len(classes) if classes is not None else int(np.unique(col[present]).size)
    if n_distinct < 2:
        only = classes[0] if classes else (_level(col[present][0]) if present.any() else "")
        raise DataError(
            f"The target column '{table.names[t]}' has a single value ({only}); a model cannot "
            "learn from it. Choose another target column."
        )
    if classes is not None and len(classes) > MAX_CLASSES:
        raise DataError(
            f"The target column '{table.names[t]}' has {len(classes)} classes; at most "
            f"{MAX_CLASSES} are supported. Choose another target column."
        )
    detected[t] = "categorical" if classes is not None else "numeric"
    task = "regression" if classes is None else ("binary" if len(classes) == 2 else "multiclass")
    categories: dict[str, list[str]] = {}
    for j, kind in enumerate(detected):
        if j == t or kind != "categorical":
            continue
        cells = _levels(table, j)
        levels = sorted(set(cells[cells != ""].tolist()))
        if missing == "fill" and (cells == "").any() and MISSING_LEVEL not in levels:
            levels.append(MISSING_LEVEL)
        if not levels:
            detected[j] = "ignore"
            continue
        categories[table.names[j]] = levels
    enc = TableEncoding(
        names=list(table.names),
        kinds=detected,
        target=table.names[t],
        task=task,
        classes=classes,
        categories=categories,
        missing=missing,
        delimiter=table.delimiter,
        header=table.header,
    )
    if not enc.feature_columns():
        raise DataError(
            f"{table.source}: no feature columns are left (all ignored); use at least one "
            "column besides the target."
        )
    for j in enc.feature_columns():
        if detected[j] == "numeric" and not table.is_numeric(j):
            enc._numbers(table, j)  # raises naming the first cell that is not a number
    enc.validate()
    return enc
