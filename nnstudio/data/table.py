"""Read a delimited text table (CSV) into typed columns: the one parser for datasets and
``nnstudio predict``.

The delimiter (``,`` ``;`` or tab) and the header row are sniffed from the first lines
unless given. An all-numeric file goes through NumPy's C parser (``np.loadtxt``) in one
pass; anything else (text cells, empty cells, quotes) falls back to the ``csv`` module,
column by column, so every error can name the file, the line and the column.
"""

from __future__ import annotations

import csv as _csv
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnstudio.text import Text, message

from .errors import DataError
from .files import check_regular_file, open_regular_file

DELIMITERS = (",", ";", "\t")
SNIFF_BYTES = 64 * 1024
SNIFF_LINES = 50
#: cells read as "missing" (compared in lower case, after stripping spaces)
MISSING_TOKENS = frozenset({"", "na", "n/a", "nan", "null", "none", "?"})
DELIMITER_NAMES = {",": Text("comma"), ";": Text("semicolon"), "\t": Text("tab")}


@dataclass
class Table:
    """A table read from a file.

    Attributes:
        source: the file name, for messages.
        names: column names (``col1``, ``col2``... without a header row).
        columns: one array per column: float64 for numeric columns (NaN = missing), else
            an object array of stripped strings (missing cells are ``""``).
        lines: (n_rows,) int64 line number of each row in the file (1-based).
        delimiter: the delimiter used.
        header: whether the first line held the column names.
    """

    source: str
    names: list[str]
    columns: list[np.ndarray]
    lines: np.ndarray
    delimiter: str
    header: bool

    @property
    def n_rows(self) -> int:
        """Number of data rows."""
        return int(self.lines.shape[0])

    def is_numeric(self, j: int) -> bool:
        """True if column ``j`` holds numbers (or missing cells) only."""
        return self.columns[j].dtype.kind == "f"

    def missing(self, j: int) -> np.ndarray:
        """(n_rows,) bool: which cells of column ``j`` are missing."""
        col = self.columns[j]
        if col.dtype.kind == "f":
            return np.isnan(col)
        return col == ""

    def where(self, row: int, j: int) -> Text:
        """``"<file>, line L, column 'name'"`` for messages."""
        return Text(
            "{file}, line {line}, column '{column}'",
            file=self.source,
            line=int(self.lines[row]),
            column=self.names[j],
        )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_TOKENS


def sniff(sample_lines: list[str]) -> tuple[str, bool]:
    """Delimiter and header of a table from its first non-blank lines.

    The delimiter is the one of ``,`` ``;`` tab that splits every sampled line into the same
    number (> 1) of cells, the most cells winning; a file with one column gets ``,``.
    The first line is a header if one of its cells is text (not a number, not missing)
    where the column below holds numbers, or if every first-line cell is text that never
    appears again in its column.
    """
    lines = [line for line in sample_lines if line.strip()][:SNIFF_LINES]
    if not lines:
        return ",", False
    best, best_cells = ",", 1
    for d in DELIMITERS:
        counts = {len(_split(line, d)) for line in lines}
        if len(counts) == 1:
            n = counts.pop()
            if n > best_cells:
                best, best_cells = d, n
    if best_cells == 1:  # ragged everywhere: the delimiter with the most cells in line 1
        best = max(DELIMITERS, key=lambda d: len(_split(lines[0], d)))
    return best, _detect_header([_split(line, best) for line in lines])


def _detect_header(rows: list[list[str]]) -> bool:
    if not rows:
        return False
    first, rest = rows[0], rows[1:]
    text_first = [not _is_number(c) and not _is_missing(c) for c in first]
    for j, is_text in enumerate(text_first):
        below = [r[j] for r in rest if j < len(r) and not _is_missing(r[j])]
        if is_text and below and all(_is_number(c) for c in below):
            return True
    if all(text_first):  # names only, or names above text values that never repeat them
        return not any(r[j] == c for j, c in enumerate(first) for r in rest if j < len(r))
    return False


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return [c.strip() for c in next(_csv.reader([line], delimiter=delimiter))]
    except (StopIteration, _csv.Error):
        return [line.strip()]


def read_table(
    path: str | os.PathLike[str],
    delimiter: str | None = None,
    header: bool | None = None,
) -> Table:
    """Read the table at ``path``; ``delimiter`` / ``header`` ``None`` = detect.

    Raises:
        DataError: missing, unreadable or empty file (or not a regular file, or too large:
        :mod:`.files`), an unknown delimiter, or rows with a different number of cells
        than the header (naming the file and the line).
    """
    p = check_regular_file(path)  # no folder, device, pipe or oversized file
    if delimiter is not None and delimiter not in DELIMITERS:
        raise DataError(
            Text(
                "Unknown delimiter {delimiter!r}: use a comma, a semicolon or a tab.",
                delimiter=delimiter,
            )
        )
    try:
        with open_regular_file(p) as fh:
            head = fh.read(SNIFF_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(
            Text(
                "Cannot read {path} as a UTF-8 text file: {error}.", path=str(p), error=message(exc)
            )
        ) from None
    head_lines = head.splitlines()
    if len(head) == SNIFF_BYTES and len(head_lines) > 1:
        head_lines = head_lines[:-1]  # the last line may be cut
    if not any(line.strip() for line in head_lines):
        raise DataError(_empty(p))
    sniffed_delim, sniffed_header = sniff(head_lines)
    delimiter = sniffed_delim if delimiter is None else delimiter
    if header is None:
        header = (
            sniffed_header if delimiter == sniffed_delim else sniff_header(head_lines, delimiter)
        )
    table = _read_numeric(p, head_lines, delimiter, header)
    if table is None:
        table = _read_general(p, delimiter, header)
    if table.n_rows == 0:
        raise DataError(
            Text("{file} holds a header but no rows; give one row per sample.", file=p.name)
        )
    return table


def _empty(p: Path) -> Text:
    return Text("{file} is empty: it needs a table, one row per line.", file=p.name)


def sniff_header(lines: list[str], delimiter: str) -> bool:
    """Header detection (as in :func:`sniff`) for a delimiter given by the user."""
    rows = [_split(line, delimiter) for line in lines if line.strip()][:SNIFF_LINES]
    return _detect_header(rows)


def _first_line(lines: list[str]) -> tuple[int, str]:
    for i, line in enumerate(lines):
        if line.strip():
            return i, line
    return 0, ""


def _read_numeric(p: Path, head_lines: list[str], delimiter: str, header: bool) -> Table | None:
    """All-numeric files through NumPy's C parser; ``None`` if any cell is not a number."""
    if '"' in "".join(head_lines):
        return None
    skip, first = _first_line(head_lines)
    names_line = _split(first, delimiter) if header else None
    blank_inside = any(not line.strip() for line in head_lines[skip:])
    if len([line for line in head_lines if line.strip()]) <= (1 if header else 0):
        return None  # no data rows (np.loadtxt would warn)
    try:
        data = np.loadtxt(
            p,
            delimiter=delimiter,
            skiprows=skip + (1 if header else 0),
            dtype=np.float64,
            ndmin=2,
            encoding="utf-8-sig",
            comments=None,
        )
    except (ValueError, OSError, UnicodeDecodeError):
        return None
    n_cols = data.shape[1] if data.size else len(names_line or _split(first, delimiter))
    names = _names(names_line, n_cols)
    if len(names) != n_cols:
        return None  # let the general reader name the line that disagrees
    if blank_inside:
        return None  # line numbers would shift; the general reader counts them
    start = skip + (2 if header else 1)
    lines = np.arange(start, start + data.shape[0], dtype=np.int64)
    columns = [data[:, j] for j in range(n_cols)]
    return Table(p.name, names, columns, lines, delimiter, header)


def _names(cells: list[str] | None, n: int) -> list[str]:
    if cells is None:
        return [f"col{j + 1}" for j in range(n)]
    names = [c if c else f"col{j + 1}" for j, c in enumerate(cells)]
    seen: dict[str, int] = {}
    out = []
    for name in names:
        k = seen.get(name, 0)
        seen[name] = k + 1
        out.append(name if k == 0 else f"{name}.{k}")
    return out


def _read_general(p: Path, delimiter: str, header: bool) -> Table:
    rows: list[list[str]] = []
    line_numbers: list[int] = []
    names: list[str] | None = None
    try:
        with open_regular_file(p) as fh:
            reader = _csv.reader(fh, delimiter=delimiter)
            for cells in reader:
                if not cells or not any(c.strip() for c in cells):
                    continue
                cells = [c.strip() for c in cells]
                if header and names is None:
                    names = _names(cells, len(cells))
                    continue
                if names is None:
                    names = _names(None, len(cells))
                if len(cells) != len(names):
                    raise DataError(
                        Text(
                            "{file}, line {line}: {n} values but the table has {columns} "
                            "columns; every row needs the same number of values (the "
                            "delimiter is a {delimiter}).",
                            file=p.name,
                            line=reader.line_num,
                            n=len(cells),
                            columns=len(names),
                            delimiter=DELIMITER_NAMES[delimiter],
                        )
                    )
                rows.append(cells)
                line_numbers.append(reader.line_num)
    except (OSError, UnicodeDecodeError, _csv.Error) as exc:
        raise DataError(
            Text("Cannot read {path} as a CSV text file: {error}.", path=str(p), error=message(exc))
        ) from None
    if names is None:
        raise DataError(_empty(p))
    columns = []
    for j in range(len(names)):
        cells = np.array([r[j] for r in rows], dtype=object)
        columns.append(_column(cells))
    return Table(p.name, names, columns, np.asarray(line_numbers, np.int64), delimiter, header)


def _column(cells: np.ndarray) -> np.ndarray:
    """Float64 (NaN for missing) if every present cell is a number, else the strings with
    missing cells as ``""``."""
    lowered = np.char.lower(cells.astype(str)) if cells.size else cells.astype(str)
    missing = np.isin(lowered, list(MISSING_TOKENS))
    present = cells[~missing]
    try:
        numbers = present.astype(np.float64)
    except ValueError:
        out = cells.copy()
        out[missing] = ""
        return out
    if not np.all(np.isfinite(numbers)):
        out = cells.copy()
        out[missing] = ""
        return out
    values = np.full(cells.shape[0], np.nan)
    values[~missing] = numbers
    return values


def table_matrix(table: Table) -> np.ndarray:
    """Every column of an all-numeric table as (n_rows, n_columns) float64.

    Raises DataError naming the file, line and column of the first text or missing cell.
    """
    for j in range(len(table.names)):
        if not table.is_numeric(j):
            bad = int(np.flatnonzero(table.columns[j] != "")[0])
            for r, cell in enumerate(table.columns[j]):
                if cell != "" and not _is_number(cell):
                    bad = r
                    break
            raise DataError(
                Text(
                    "{where} has {value!r}, which is not a number.",
                    where=table.where(bad, j),
                    value=table.columns[j][bad],
                )
            )
        missing = np.flatnonzero(np.isnan(table.columns[j]))
        if missing.size:
            raise DataError(
                Text("{where} is empty: give every value.", where=table.where(int(missing[0]), j))
            )
    if len(table.columns) == 1:
        return table.columns[0].reshape(-1, 1).copy()
    base = table.columns[0].base
    if base is not None and all(c.base is base for c in table.columns) and base.ndim == 2:
        return base  # the C parser's array: no copy
    return np.column_stack(table.columns)
