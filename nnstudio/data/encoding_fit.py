"""Deciding how a table is encoded: the target, each column's kind, classes and categories
(:func:`fit_encoding`, giving a :class:`~nnstudio.data.encoding.TableEncoding`)."""

from __future__ import annotations

import numpy as np

from nnstudio.text import Text

from .encoding import (
    COLUMN_KINDS,
    MAX_CLASSES,
    MISSING_LEVEL,
    MISSING_POLICIES,
    TableEncoding,
    _level,
    _levels,
    _no_column,
    detect_kinds,
    target_index,
)
from .errors import DataError
from .table import Table


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
            Text(
                "Unknown missing-value policy {missing!r}; choose one of {policies}.",
                missing=missing,
                policies=list(MISSING_POLICIES),
            )
        )
    detected = detect_kinds(table)
    for name, kind in (kinds or {}).items():
        if name not in table.names:
            raise DataError(_no_column(table.source, name, table.names))
        if kind not in COLUMN_KINDS:
            raise DataError(
                Text(
                    "Column '{name}': unknown type {kind!r}; choose one of {kinds}.",
                    name=name,
                    kind=kind,
                    kinds=list(COLUMN_KINDS),
                )
            )
        detected[table.names.index(name)] = kind
    t = target_index(target, table.names, table.source)
    if len(table.names) < 2:
        raise DataError(
            Text(
                "{file} has only one column: it needs at least one feature column and a "
                "target column.",
                file=table.source,
            )
        )
    present = ~table.missing(t)
    forced = (kinds or {}).get(table.names[t])
    if forced == "ignore":
        raise DataError(Text("The target column '{name}' cannot be ignored.", name=table.names[t]))
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
                Text(
                    "The target column '{name}' holds text; it can only be a class column.",
                    name=table.names[t],
                )
            )
        classes = sorted(set(col[present].tolist()))
    n_distinct = len(classes) if classes is not None else int(np.unique(col[present]).size)
    if n_distinct < 2:
        only = classes[0] if classes else (_level(col[present][0]) if present.any() else "")
        raise DataError(
            Text(
                "The target column '{name}' has a single value ({value}); a model cannot "
                "learn from it. Choose another target column.",
                name=table.names[t],
                value=only,
            )
        )
    if classes is not None and len(classes) > MAX_CLASSES:
        raise DataError(
            Text(
                "The target column '{name}' has {n} classes; at most {max} are supported. "
                "Choose another target column.",
                name=table.names[t],
                n=len(classes),
                max=MAX_CLASSES,
            )
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
            Text(
                "{file}: no feature columns are left (all ignored); use at least one "
                "column besides the target.",
                file=table.source,
            )
        )
    for j in enc.feature_columns():
        if detected[j] == "numeric" and not table.is_numeric(j):
            enc._numbers(table, j)  # raises naming the first cell that is not a number
    enc.validate()
    return enc
