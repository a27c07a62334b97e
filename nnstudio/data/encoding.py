"""Table columns -> model inputs and targets: column types, one-hot categories, classes
with names, missing values.

A :class:`TableEncoding` is fitted once on the dataset's file
(:func:`nnstudio.data.encoding_fit.fit_encoding`) and
stored in the project (inside the preprocessor), so reopening the project and
``nnstudio predict`` on new rows apply exactly the same encoding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.text import Text, message

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
        raise DataError(_bad_target(target))
    if isinstance(target, int):
        if -n <= target < n:
            return target % n
        raise DataError(
            Text(
                "Target column index {index} is out of range: {file} has {n} columns "
                "(0 to {last}, or -1 for the last).",
                index=target,
                file=source,
                n=n,
                last=n - 1,
            )
        )
    if isinstance(target, str):
        if target in names:
            return names.index(target)
        raise DataError(_no_column(source, target, names))
    raise DataError(_bad_target(target))


def _bad_target(target: object) -> Text:
    return Text("Target column must be a name or an index, got {target!r}.", target=target)


def _names(names: list[str]) -> str:
    """Column, class or category names of the user's data, for messages (not translated)."""
    return ", ".join(names)


def _no_column(source: str, name: str, names: list[str]) -> Text:
    return Text(
        "{file} has no column named {name!r}; columns: {columns}.",
        file=source,
        name=name,
        columns=_names(names),
    )


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
            values = {"file": table.source, "n": int(rows.size), "min": MIN_ROWS}
            if self.missing == "drop":
                text = Text(
                    "{file} has {n} usable row(s) (rows with a missing target or feature are "
                    "left out); at least {min} are needed to train and test.",
                    **values,
                )
            else:
                text = Text(
                    "{file} has {n} usable row(s) (rows with a missing target are left out); "
                    "at least {min} are needed to train and test.",
                    **values,
                )
            raise DataError(text)
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
                        Text(
                            "{where} is empty: this project drops rows with missing values "
                            "when training, so every value is needed to predict. Fill it in "
                            "(or choose 'fill' in the data settings and retrain).",
                            where=table.where(int(where[0]), positions[j]),
                        )
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
                        Text(
                            "{file} has no column '{name}': the network was trained on the "
                            "columns {columns}.",
                            file=table.source,
                            name=name,
                            columns=_names([n for i, n in enumerate(self.names) if i != t]),
                        )
                    )
            return positions
        n = len(table.names)
        if n == len(self.names):
            return list(range(n))
        if n == len(self.names) - 1:
            return [-1 if j == t else (j if j < t else j - 1) for j in range(len(self.names))]
        raise DataError(
            Text(
                "{file} has {n} columns but the network was trained on a table of "
                "{expected} columns ({columns}); give the same columns, with or without "
                "'{target}'.",
                file=table.source,
                n=n,
                expected=len(self.names),
                columns=_names(self.names),
                target=self.target,
            )
        )

    def _check_columns(self, table: Table, with_target: bool) -> None:
        if len(table.names) != len(self.names):
            raise DataError(
                Text(
                    "{file} has {n} columns; the data settings describe {expected} ({columns}).",
                    file=table.source,
                    n=len(table.names),
                    expected=len(self.names),
                    columns=_names(self.names),
                )
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
                        Text(
                            "{where} is infinite: every value must be a finite number.",
                            where=table.where(r, tj),
                        )
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
                if value == "":
                    text = Text(
                        "{where} is empty, which is not one of the categories the network was "
                        "trained on: {categories}.",
                        where=table.where(r, tj),
                        categories=_names(levels),
                    )
                else:
                    text = Text(
                        "{where} has {value!r}, which is not one of the categories the network "
                        "was trained on: {categories}.",
                        where=table.where(r, tj),
                        value=value,
                        categories=_names(levels),
                    )
                raise DataError(text)
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
                    Text(
                        "{where} has {value!r}, which is not a number; make the column "
                        "categorical or ignore it.",
                        where=table.where(r, j),
                        value=cell,
                    )
                ) from None
        return out

    def _targets(self, table: Table, rows: np.ndarray) -> np.ndarray:
        t = self.target_j
        if self.task == "regression":
            col = table.columns[t]
            values = (col if col.dtype.kind == "f" else self._numbers(table, t))[rows]
            bad = np.flatnonzero(~np.isfinite(values))
            if bad.size:
                raise DataError(
                    Text("{where} is not a finite number.", where=table.where(int(rows[bad[0]]), t))
                )
            return values.astype(np.float64)
        assert self.classes is not None
        cells = _levels(table, t)[rows]
        y = _lookup(cells, self.classes)
        bad = np.flatnonzero(y < 0)
        if bad.size:
            raise DataError(
                Text(
                    "{where} has {value!r}, not one of the classes {classes}.",
                    where=table.where(int(rows[bad[0]]), t),
                    value=cells[bad[0]],
                    classes=_names(self.classes),
                )
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
            raise DataError(Text("The table encoding must be an object."))
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
            raise DataError(
                Text("The table encoding is malformed ({error}).", error=message(exc))
            ) from None
        enc.validate()
        return enc

    def validate(self) -> None:
        """Raise DataError if the fields do not fit together."""
        if len(self.names) != len(self.kinds) or self.target not in self.names:
            raise DataError(Text("The table encoding's columns, kinds and target do not match."))
        if any(k not in COLUMN_KINDS for k in self.kinds):
            raise DataError(Text("Column kinds must be among {kinds}.", kinds=list(COLUMN_KINDS)))
        if self.task not in ("binary", "multiclass", "regression"):
            raise DataError(Text("Unknown task {task!r} in the table encoding.", task=self.task))
        if (self.task == "regression") != (self.classes is None):
            raise DataError(
                Text("The table encoding needs class names exactly for classification.")
            )
        if self.missing not in MISSING_POLICIES:
            raise DataError(
                Text(
                    "Missing-value policy must be one of {policies}.",
                    policies=list(MISSING_POLICIES),
                )
            )
        if self.delimiter not in DELIMITERS:
            raise DataError(
                Text("The table encoding's delimiter must be a comma, semicolon or tab.")
            )
        for j in self.feature_columns():
            if self.kinds[j] == "categorical" and not self.categories.get(self.names[j]):
                raise DataError(
                    Text("Categorical column '{name}' has no categories.", name=self.names[j])
                )
