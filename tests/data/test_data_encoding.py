"""Column types, one-hot categories, named classes, missing values and their storage."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import (
    DataError,
    DataSettings,
    Preprocessor,
    TableEncoding,
    fit_encoding,
    make_dataset,
    read_table,
)
from nnstudio.data.encoding import detect_kinds
from nnstudio.data.inputs import read_new_rows

PEOPLE = """age;colour;size;label
31;red;2.5;yes
45;blue;7.0;no
22;green;;no
60;red;9.5;no
38;;1.0;yes
27;blue;3.5;yes
51;green;8.0;no
33;red;4.0;yes
48;blue;6.5;no
29;green;2.0;yes
41;red;5.5;yes
36;blue;7.5;no
"""


def write(tmp_path, text, name="people.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_detected_kinds_and_text_target_becomes_named_classes(tmp_path):
    table = read_table(write(tmp_path, PEOPLE))
    assert table.delimiter == ";" and table.header
    assert detect_kinds(table) == ["numeric", "categorical", "numeric", "categorical"]
    enc = fit_encoding(table, "label")
    assert enc.task == "binary" and enc.classes == ["no", "yes"]
    assert enc.categories == {"colour": ["blue", "green", "red"]}
    assert enc.feature_names == ["age", "colour=blue", "colour=green", "colour=red", "size"]
    x, y, rows = enc.encode(table)
    # drop policy: the rows with an empty size (line 4) or colour (line 6) are gone
    assert rows.tolist() == [0, 1, 3, 5, 6, 7, 8, 9, 10, 11]
    assert y.tolist() == [1, 0, 0, 1, 0, 1, 0, 1, 1, 0]
    np.testing.assert_array_equal(x[0], [31, 0, 0, 1, 2.5])  # red
    np.testing.assert_array_equal(x[1], [45, 1, 0, 0, 7.0])  # blue
    assert np.all(x[:, 1:4].sum(axis=1) == 1)


def test_fill_policy_missing_category_and_training_mean(tmp_path):
    path = write(tmp_path, PEOPLE)
    table = read_table(path)
    enc = fit_encoding(table, "label", missing="fill")
    assert enc.categories["colour"] == ["blue", "green", "red", "missing"]
    x, y, rows = enc.encode(table)
    assert rows.size == 12
    assert np.isnan(x[2, -1])  # the empty size stays NaN for the preprocessor
    np.testing.assert_array_equal(x[4, 1:5], [0, 0, 0, 1])  # colour 'missing'
    ds = make_dataset(
        DataSettings(name="csv", csv_path=str(path), target_column="label", missing="fill")
    )
    pre = ds.preprocessor
    train_sizes = ds.raw_train[:, -1]
    np.testing.assert_allclose(pre.fill[-1], np.nanmean(train_sizes))
    assert not np.isnan(ds.x_train).any() and not np.isnan(ds.x_test).any()
    assert ds.class_names == ["no", "yes"]


def test_user_kinds_ignore_and_numeric_target_as_classes(tmp_path):
    table = read_table(write(tmp_path, PEOPLE))
    assert fit_encoding(table, "age").task == "multiclass"  # 12 whole numbers: classes
    enc = fit_encoding(table, "age", {"age": "numeric", "colour": "ignore", "label": "categorical"})
    assert enc.task == "regression" and enc.classes is None
    assert enc.feature_names == ["size", "label=no", "label=yes"]
    enc2 = fit_encoding(table, "size", {"size": "categorical"}, missing="drop")
    assert enc2.task == "multiclass" and "2.5" in enc2.classes and "7" in enc2.classes


def test_encoding_errors_name_the_column(tmp_path):
    table = read_table(write(tmp_path, PEOPLE))
    with pytest.raises(DataError, match="no column named 'zz'"):
        fit_encoding(table, "zz")
    with pytest.raises(DataError, match="unknown type 'date'"):
        fit_encoding(table, "label", {"age": "date"})
    with pytest.raises(DataError, match=r"people.csv, line 2, column 'colour' has 'red'"):
        fit_encoding(table, "label", {"colour": "numeric"})
    with pytest.raises(DataError, match="cannot be ignored"):
        fit_encoding(table, "label", {"label": "ignore"})
    with pytest.raises(DataError, match="policy"):
        fit_encoding(table, "label", missing="guess")


def test_new_rows_with_or_without_target_by_name_or_position(tmp_path):
    table = read_table(write(tmp_path, PEOPLE))
    enc = fit_encoding(table, "label")
    expected = np.array([[50, 0, 1, 0, 3.0], [20, 0, 0, 1, 1.0]])
    with_names = write(tmp_path, "size,colour,age\n3,green,50\n1,red,20\n", "a.csv")
    np.testing.assert_array_equal(read_new_rows(with_names, enc), expected)
    by_position = write(tmp_path, "50;green;3\n20;red;1\n", "b.csv")
    np.testing.assert_array_equal(read_new_rows(by_position, enc), expected)
    with_target = write(tmp_path, "50;green;3;yes\n20;red;1;no\n", "c.csv")
    np.testing.assert_array_equal(read_new_rows(with_target, enc), expected)


def test_new_rows_errors_name_file_line_and_column(tmp_path):
    enc = fit_encoding(read_table(write(tmp_path, PEOPLE)), "label")
    bad = write(tmp_path, "age,colour,size\n1,red,2\n3,purple,4\n", "n.csv")
    with pytest.raises(DataError, match=r"n.csv, line 3, column 'colour' has 'purple'.*blue"):
        read_new_rows(bad, enc)
    empty = write(tmp_path, "age,colour,size\n1,red,\n", "e.csv")
    with pytest.raises(DataError, match=r"e.csv, line 2, column 'size' is empty"):
        read_new_rows(empty, enc)
    short = write(tmp_path, "age,size\n1,2\n", "s.csv")
    with pytest.raises(DataError, match="no column 'colour'"):
        read_new_rows(short, enc)
    fill = fit_encoding(read_table(write(tmp_path, PEOPLE)), "label", missing="fill")
    x = read_new_rows(empty, fill)
    assert np.isnan(x[0, -1])


def test_encoding_and_class_names_round_trip_through_the_preprocessor(tmp_path):
    path = write(tmp_path, PEOPLE)
    ds = make_dataset(
        DataSettings(name="csv", csv_path=str(path), target_column="label", missing="fill")
    )
    d = ds.preprocessor.to_dict()
    back = Preprocessor.from_dict(d)
    assert back.class_names == ["no", "yes"]
    assert back.encoding == ds.encoding
    np.testing.assert_array_equal(back.fill, ds.preprocessor.fill)
    raw = np.array([[40.0, 0, 0, 1, 0, np.nan]])  # red, size missing
    np.testing.assert_array_equal(back.transform(raw), ds.preprocessor.transform(raw))
    assert np.isfinite(back.transform(raw)).all()
    assert TableEncoding.from_dict(ds.encoding.to_dict()) == ds.encoding
    with pytest.raises(DataError):
        TableEncoding.from_dict({**ds.encoding.to_dict(), "missing": "guess"})


def test_settings_store_the_wizard_choices_and_old_settings_still_load(tmp_path):
    s = DataSettings(
        name="csv",
        csv_path="p.csv",
        target_column="label",
        column_types={"colour": "ignore"},
        missing="fill",
        delimiter=";",
        header=True,
    )
    assert DataSettings.from_dict(s.to_dict()) == s
    old = {"name": "csv", "csv_path": "p.csv", "target_column": "label"}
    loaded = DataSettings.from_dict(old)
    assert loaded.column_types == {} and loaded.missing == "drop" and loaded.header is None
    with pytest.raises(DataError, match="column_types"):
        DataSettings.from_dict({**old, "column_types": {"a": "text"}})
    with pytest.raises(DataError, match="delimiter"):
        DataSettings.from_dict({**old, "delimiter": "|"})


def test_make_dataset_applies_the_stored_choices(tmp_path):
    path = write(tmp_path, PEOPLE)
    s = DataSettings(
        name="csv", csv_path=str(path), target_column="label", column_types={"colour": "ignore"}
    )
    ds = make_dataset(s)
    assert ds.feature_names == ["age", "size"]
    assert ds.x_train.shape[0] + ds.x_test.shape[0] == 11  # one empty size dropped
    again = make_dataset(DataSettings.from_dict(s.to_dict()))
    np.testing.assert_array_equal(again.x_train, ds.x_train)
