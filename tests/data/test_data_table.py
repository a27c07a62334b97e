"""The table reader: delimiter and header sniffing, typed columns, missing cells, errors."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataError
from nnstudio.data.table import read_table, sniff, table_matrix


def write(tmp_path, text, name="t.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


NUMERIC = [(1.5, -2, 3), (4, 5.25, 6), (7, 8, 9e-3)]


@pytest.mark.parametrize("delim", [",", ";", "\t"])
@pytest.mark.parametrize("header", [True, False])
def test_numeric_table_each_delimiter_with_and_without_header(tmp_path, delim, header):
    lines = [delim.join(["alpha", "beta", "gamma"])] if header else []
    lines += [delim.join(str(v) for v in row) for row in NUMERIC]
    t = read_table(write(tmp_path, "\n".join(lines) + "\n"))
    assert t.delimiter == delim and t.header is header
    assert t.names == (["alpha", "beta", "gamma"] if header else ["col1", "col2", "col3"])
    np.testing.assert_array_equal(table_matrix(t), np.array(NUMERIC, dtype=float))
    assert t.lines.tolist() == ([2, 3, 4] if header else [1, 2, 3])


@pytest.mark.parametrize("delim", [",", ";", "\t"])
@pytest.mark.parametrize("header", [True, False])
def test_text_columns_each_delimiter_with_and_without_header(tmp_path, delim, header):
    rows = [("red", "1.5", "yes"), ("blue", "2", "no"), ("red", "", "no"), ("green", "4", "yes")]
    lines = [delim.join(["colour", "size", "label"])] if header else []
    lines += [delim.join(r) for r in rows]
    t = read_table(write(tmp_path, "\n".join(lines) + "\n"))
    assert t.delimiter == delim and t.header is header
    assert not t.is_numeric(0) and t.is_numeric(1) and not t.is_numeric(2)
    assert t.columns[0].tolist() == ["red", "blue", "red", "green"]
    np.testing.assert_array_equal(t.missing(1), [False, False, True, False])
    assert t.columns[1][0] == 1.5 and np.isnan(t.columns[1][2])


def test_fast_and_general_readers_agree(tmp_path):
    rng = np.random.default_rng(0)
    data = rng.normal(size=(50, 4))
    text = "a,b,c,d\n" + "\n".join(",".join(repr(float(v)) for v in row) for row in data) + "\n"
    fast = read_table(write(tmp_path, text))
    quoted = text.replace("a,b", '"a",b')  # quotes send the file to the general reader
    general = read_table(write(tmp_path, quoted, "q.csv"))
    assert fast.names == general.names == ["a", "b", "c", "d"]
    np.testing.assert_array_equal(table_matrix(fast), data)
    np.testing.assert_array_equal(table_matrix(general), data)
    np.testing.assert_array_equal(fast.lines, general.lines)


def test_missing_tokens_and_blank_lines_keep_line_numbers(tmp_path):
    text = "x,y\n1,NA\n\n2,?\n3,4\n4,\n"
    t = read_table(write(tmp_path, text))
    np.testing.assert_array_equal(t.missing(1), [True, True, False, True])
    assert t.lines.tolist() == [2, 4, 5, 6]
    with pytest.raises(DataError, match=r"t.csv, line 2, column 'y' is empty"):
        table_matrix(t)


def test_given_delimiter_and_header_override_sniffing(tmp_path):
    p = write(tmp_path, "1;2,5\n3;4,5\n")
    t = read_table(p, delimiter=";", header=False)
    assert t.names == ["col1", "col2"] and t.columns[1].tolist() == ["2,5", "4,5"]
    t2 = read_table(p, delimiter=",", header=True)
    assert t2.names == ["1;2", "5"]


def test_sniff_all_text_header_and_duplicate_names(tmp_path):
    assert sniff(["name,colour", "ann,red", "bob,blue"]) == (",", True)
    assert sniff(["ann,red", "bob,red"]) == (",", False)  # 'red' repeats: data, not names
    t = read_table(write(tmp_path, "a,a,b\n1,2,3\n4,5,6\n"))
    assert t.names == ["a", "a.1", "b"]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("\n \n", "empty"),
        ("a,b\n1,2\n3\n", r"t.csv, line 3: 1 values but the table has 2 columns"),
        ("a,b\n1,2\n3,4,5\n", r"line 3: 3 values"),
    ],
)
def test_errors_name_the_file_and_line(tmp_path, text, match):
    with pytest.raises(DataError, match=match):
        read_table(write(tmp_path, text))


def test_text_in_numbers_named_by_table_matrix(tmp_path):
    t = read_table(write(tmp_path, "a,b\n1,2\n3,oops\n"))
    with pytest.raises(DataError, match=r"t.csv, line 3, column 'b' has 'oops'"):
        table_matrix(t)


def test_not_a_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(DataError, match="folder"):
        read_table(tmp_path)
    with pytest.raises(DataError, match="delimiter"):
        read_table(write(tmp_path, "1,2\n"), delimiter="|")
