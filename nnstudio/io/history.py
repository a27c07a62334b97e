"""The training history stored in a project: one row of metrics per epoch.

Rows are checked when the file is read, so ``info`` and ``validate`` refuse what ``train``
could not continue from: every row is an object whose ``epoch`` is a whole number >= 0 and
whose other values are finite numbers or null (``step`` a whole number >= 0 when present).
"""

from __future__ import annotations

import csv
import io
import math
from typing import Any

from nnstudio.io.errors import ProjectFormatError, ResourceLimitError
from nnstudio.text import Text

HISTORY_JSON = "history.json"
HISTORY_CSV = "history.csv"
#: keys holding whole numbers >= 0; ``epoch`` is required in every row
INTEGER_KEYS = ("epoch", "step")
#: most epochs a history may hold (counted before parsing, so that a small file of tiny
#: rows cannot turn into millions of Python objects)
MAX_HISTORY_ROWS = 1_000_000


def check_row_count(data: bytes, name: str) -> bytes:
    """``data`` unchanged if it cannot hold more than :data:`MAX_HISTORY_ROWS` rows (JSON
    objects or CSV lines); else :class:`ResourceLimitError`."""
    marker = b"{" if name.endswith(".json") else b"\n"
    if data.count(marker) > MAX_HISTORY_ROWS + 1:
        raise ResourceLimitError(
            Text(
                "{name} holds more than {limit:,} epochs; the file is damaged",
                name=name,
                limit=MAX_HISTORY_ROWS,
            )
        )
    return data


def check_history(value: Any, name: str = HISTORY_JSON) -> list[dict]:
    """``value`` as a list of metric rows; raises :class:`ProjectFormatError` naming the
    first bad entry and field."""
    if not isinstance(value, list):
        raise ProjectFormatError(
            Text("{name} must hold a list of epochs, not {kind}", name=name, kind=_tname(value))
        )
    rows: list[dict] = []
    for i, row in enumerate(value):
        where = Text("{name}: entry {i}", name=name, i=i)
        if not isinstance(row, dict):
            raise ProjectFormatError(
                Text("{where} must be an object, not {kind}", where=where, kind=_tname(row))
            )
        if "epoch" not in row:
            raise ProjectFormatError(Text("{where} has no 'epoch'", where=where))
        for key, item in row.items():
            if key in INTEGER_KEYS:
                if isinstance(item, bool) or not isinstance(item, int) or item < 0:
                    raise ProjectFormatError(
                        Text(
                            "{where}, '{key}' must be a whole number >= 0, not {value}",
                            where=where,
                            key=key,
                            value=_show(item),
                        )
                    )
            elif item is not None and (
                isinstance(item, bool)
                or not isinstance(item, int | float)
                or not math.isfinite(item)
            ):
                raise ProjectFormatError(
                    Text(
                        "{where}, '{key}' must be a finite number or null, not {value}",
                        where=where,
                        key=key,
                        value=_show(item),
                    )
                )
        rows.append(row)
    return rows


def parse_history_csv(data: bytes) -> list[dict]:
    """Rows of a ``history.csv`` member (header row of metric names), checked like JSON
    rows; an empty cell is null, but an empty ``epoch`` is an error."""
    try:
        text = data.decode("utf-8")
        reader = list(csv.DictReader(io.StringIO(text)))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ProjectFormatError(
            Text("{name} cannot be read ({error})", name=HISTORY_CSV, error=str(exc))
        ) from exc
    rows = []
    for i, row in enumerate(reader):
        entry: dict[str, Any] = {}
        for key, cell in row.items():
            if key is None:
                raise ProjectFormatError(
                    Text(
                        "{name}: line {line} has more cells than names",
                        name=HISTORY_CSV,
                        line=i + 2,
                    )
                )
            entry[key] = _csv_value(cell, key)
        rows.append(entry)
    return check_history(rows, HISTORY_CSV)


def _csv_value(text: str | None, key: str) -> Any:
    if text is None or text.strip() == "":
        return None
    text = text.strip()
    if key in INTEGER_KEYS:
        try:
            return int(text)
        except ValueError:
            return text  # reported by check_history with the value
    try:
        return float(text)
    except ValueError:
        return text


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _tname(value: Any) -> str:
    return {
        dict: Text("an object"),
        list: Text("a list"),
        str: Text("text"),
        type(None): Text("null"),
    }.get(type(value), type(value).__name__)
