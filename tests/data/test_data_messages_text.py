"""The data package's user-facing errors are nnstudio.text.Text: the English message as
before, plus the template and values the translated GUI formats again."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

import nnstudio.data
from nnstudio.data import DataError, DataSettings, fit_encoding, read_table
from nnstudio.data.features import check_features
from nnstudio.data.files import CSV_FILE, check_regular_file
from nnstudio.data.idx import parse_idx
from nnstudio.data.preprocess import Preprocessor
from nnstudio.data.table import table_matrix
from nnstudio.text import Text, message


def _error(call, *args, **kwargs) -> Text:
    with pytest.raises(DataError) as info:
        call(*args, **kwargs)
    text = message(info.value)
    assert isinstance(text, Text), f"not a Text: {text!r}"
    assert str(info.value) == text  # the English message is the exception's str
    return text


def _translate(text: object, table: dict[str, str]) -> str:
    """What nnstudio.gui.i18n.core_tr does, with a dict instead of Qt's translator."""
    if not isinstance(text, Text):
        return str(text)
    template = table.get(text.template, text.template)
    values = {k: _translate(v, table) for k, v in text.values.items()}
    return template.format(**values)


def _csv(tmp_path: Path, body: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_ragged_row_keeps_file_line_counts_and_a_translatable_delimiter(tmp_path):
    path = _csv(tmp_path, "a;b;c\n1;2;3\n4;5\n")
    text = _error(read_table, path, delimiter=";")
    assert text == (
        "t.csv, line 3: 2 values but the table has 3 columns; every row needs the same "
        "number of values (the delimiter is a semicolon)."
    )
    assert text.template.startswith("{file}, line {line}: {n} values")
    assert {k: text.values[k] for k in ("file", "line", "n", "columns")} == {
        "file": "t.csv",
        "line": 3,
        "n": 2,
        "columns": 3,
    }
    delimiter = text.values["delimiter"]
    assert isinstance(delimiter, Text) and delimiter.template == "semicolon"
    zh = {
        text.template: "{file} 第 {line} 行：{n} 个值，表有 {columns} 列（分隔符：{delimiter}）",
        "semicolon": "分号",
    }
    assert _translate(text, zh) == "t.csv 第 3 行：2 个值，表有 3 列（分隔符：分号）"


def test_a_cell_that_is_not_a_number_nests_its_place_as_a_text(tmp_path):
    table = read_table(_csv(tmp_path, "x,y\n1,2\n3,oops\n"))
    text = _error(table_matrix, table)
    assert text == "t.csv, line 3, column 'y' has 'oops', which is not a number."
    assert text.template == "{where} has {value!r}, which is not a number."
    assert text.values["value"] == "oops"
    where = text.values["where"]
    assert where.template == "{file}, line {line}, column '{column}'"
    assert where.values == {"file": "t.csv", "line": 3, "column": "y"}
    zh = {
        text.template: "{where} 的值为 {value!r}，不是数字。",
        where.template: "{file} 第 {line} 行的列 '{column}'",
    }
    assert _translate(text, zh) == "t.csv 第 3 行的列 'y' 的值为 'oops'，不是数字。"


def test_settings_range_error_keeps_name_value_and_bounds():
    text = _error(DataSettings(n_points=5).validate)
    assert text == "Data setting 'n_points' is 5; it must be between 10 and 200000."
    assert text.template == "Data setting '{name}' is {value}; it must be between {lo} and {hi}."
    assert text.values == {"name": "n_points", "value": 5, "lo": 10, "hi": 200_000}


def test_unknown_settings_pass_lists_of_names():
    text = _error(DataSettings.from_dict, {"name": "spiral", "colour": 1, "bogus": 2})
    assert text.template == "Unknown data setting(s): {unknown}; known: {known}."
    assert text.values["unknown"] == ["bogus", "colour"]
    assert "n_points" in text.values["known"]
    assert text.startswith("Unknown data setting(s): bogus, colour; known: ")


def test_missing_row_count_message_is_one_template_per_policy(tmp_path):
    rows = "x,y\n" + "".join(f"{i},{'' if i % 2 else i % 3}\n" for i in range(12))
    table = read_table(_csv(tmp_path, rows))
    drop = _error(fit_encoding(table, "y", missing="drop").encode, table)
    assert drop == (
        "t.csv has 6 usable row(s) (rows with a missing target or feature are left out); "
        "at least 10 are needed to train and test."
    )
    assert drop.values == {"file": "t.csv", "n": 6, "min": 10}
    fill = _error(fit_encoding(table, "y", missing="fill").encode, table)
    assert "missing target are left out" in fill
    assert fill.template != drop.template and fill.values == drop.values


def test_unknown_category_on_new_rows_is_empty_or_has_value(tmp_path):
    body = "colour,y\n" + "".join(f"{c},{i % 2}\n" for i, c in enumerate(["red", "blue"] * 6))
    enc = fit_encoding(read_table(_csv(tmp_path, body)), "y")
    new = read_table(_csv(tmp_path, "colour,y\ngreen,1\n", "new.csv"))
    text = _error(enc.encode_features, new)
    assert text == (
        "new.csv, line 2, column 'colour' has 'green', which is not one of the categories "
        "the network was trained on: blue, red."
    )
    assert text.values["value"] == "green" and text.values["categories"] == "blue, red"


def test_a_folder_given_as_csv_names_what_was_expected(tmp_path):
    text = _error(check_regular_file, tmp_path)
    assert text == f"{tmp_path} is a folder; give a CSV file saved on disk."
    assert text.values["what"] is CSV_FILE and CSV_FILE.template == "CSV file"
    missing = _error(check_regular_file, tmp_path / "nope.csv")
    assert missing.template == "CSV file not found: {path}. Check the path."
    other = _error(check_regular_file, tmp_path / "nope.csv", what="input file")
    assert other == f"Input file not found: {tmp_path / 'nope.csv'}. Check the path."


def test_a_wrapped_os_error_is_a_value_not_part_of_the_template(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("a,b\n1,caf\xe9\n".encode("latin-1"))
    text = _error(read_table, path)
    assert text.template in (
        "Cannot read {path} as a UTF-8 text file: {error}.",
        "Cannot read {path} as a CSV text file: {error}.",
    )
    assert text.values["path"] == str(path)
    assert "utf-8" in text.values["error"]


def test_features_preprocessor_and_idx_errors_are_texts():
    text = _error(check_features, ["x1", "z"])
    assert text.template == "Unknown feature {feature!r}; choose among {features}."
    assert text.values == {"feature": "z", "features": list(nnstudio.data.FEATURES)}
    assert text == "Unknown feature 'z'; choose among x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)."
    pre = Preprocessor(None).fit(np.ones((4, 3)))
    wrong = _error(pre.transform, np.ones((2, 2)))
    assert (
        wrong
        == "Expected 3 input columns, got 2: give the same columns the network was trained on."
    )
    assert wrong.values == {"expected": 3, "n": 2}
    idx = _error(parse_idx, b"\x01\x02")
    assert idx == "the IDX file is not an IDX file (wrong header); delete it and retry."
    assert idx.values["source"].template == "the IDX file"


def test_no_data_error_is_raised_with_a_plain_string():
    """Every raise in nnstudio/data gives a Text or a helper's result, never an f-string or
    a literal (which the GUI could not translate)."""
    plain = []
    for path in Path(nnstudio.data.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                first = node.exc.args[0]
                literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
                if literal or isinstance(first, ast.JoinedStr | ast.BinOp):
                    plain.append(f"{path.name}:{node.lineno}")
    assert plain == []
