from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataError, DataSettings, load_csv, make_dataset


def write(tmp_path, text, name="data.csv"):
    p = tmp_path / name
    p.write_text(text)
    return p


def table(rows, header="a,b,label"):
    lines = [header] if header else []
    lines += [",".join(str(v) for v in r) for r in rows]
    return "\n".join(lines) + "\n"


ROWS = [(i * 0.5, -i, i % 3 * 2 + 1) for i in range(12)]  # labels 1, 3, 5


def test_header_and_multiclass_labels_remapped(tmp_path):
    x, y, task, names = load_csv(write(tmp_path, table(ROWS)))
    assert names == ["a", "b"]
    assert x.shape == (12, 2) and x.dtype == np.float64
    np.testing.assert_allclose(x[:, 0], [r[0] for r in ROWS])
    assert task == "multiclass"
    assert y.dtype == np.int64
    assert y.tolist() == [i % 3 for i in range(12)]


def test_no_header_binary_and_target_by_index(tmp_path):
    rows = [(i % 2, float(i) * 1.5, i) for i in range(10)]
    x, y, task, names = load_csv(write(tmp_path, table(rows, header=None)), target_column=0)
    assert names == ["col2", "col3"]
    assert task == "binary" and y.tolist() == [i % 2 for i in range(10)]
    np.testing.assert_allclose(x[:, 1], np.arange(10))


def test_regression_target_by_name_and_semicolons(tmp_path):
    rows = [(i, i * 0.37, 1) for i in range(15)]
    text = table(rows, header="n,t,c").replace(",", ";")
    x, y, task, names = load_csv(write(tmp_path, text), target_column="t")
    assert task == "regression" and y.dtype == np.float64
    np.testing.assert_allclose(y, [i * 0.37 for i in range(15)])
    assert names == ["n", "c"]


def test_many_integer_values_are_regression(tmp_path):
    rows = [(i, i) for i in range(30)]
    _, y, task, _ = load_csv(write(tmp_path, table(rows, header="a,b")))
    assert task == "regression" and y.dtype == np.float64


def test_blank_lines_are_skipped_and_negative_index(tmp_path):
    text = table(ROWS).replace("\n", "\n\n", 3)
    _, y, task, _ = load_csv(write(tmp_path, text), target_column=-1)
    assert task == "multiclass" and len(y) == 12


@pytest.mark.parametrize(
    ("text", "target", "match"),
    [
        ("", None, "empty"),
        ("\n\n  \n", None, "empty"),
        (table(ROWS[:5]), None, "at least 10"),
        (table(ROWS) + "1,2\n", None, "line 14: 2 values"),
        (table(ROWS).replace("3.0,-6", "inf,-6"), None, "line 8, column 'a' is infinite"),
        (table(ROWS), "zz", "no column named 'zz'"),
        (table(ROWS), 5, "out of range"),
        (table([(i, 1) for i in range(12)], header="a,b"), None, "single value"),
        (table([(i,) for i in range(12)], header="a"), None, "only one column"),
    ],
)
def test_errors(tmp_path, text, target, match):
    with pytest.raises(DataError, match=match):
        load_csv(write(tmp_path, text), target_column=target)


def test_text_in_a_column_declared_numeric_names_file_line_and_column(tmp_path):
    path = write(tmp_path, table(ROWS).replace("3.0,-6", "abc,-6"))
    with pytest.raises(DataError, match=r"data.csv, line 8, column 'a' has 'abc'"):
        load_csv(path, column_types={"a": "numeric"})


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        load_csv(tmp_path / "nope.csv")


def test_make_dataset_from_csv(tmp_path):
    rows = [(i, (i * 7) % 5, i % 2) for i in range(40)]
    path = write(tmp_path, table(rows))
    ds = make_dataset(DataSettings(name="csv", csv_path=str(path), train_ratio=0.75, seed=2))
    assert ds.task == "binary" and ds.n_classes == 2
    assert ds.x_train.shape == (30, 2) and ds.x_test.shape == (10, 2)
    assert ds.feature_names == ["a", "b"]
    assert ds.bounds is not None
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0, atol=1e-12)
    # rows are shuffled but keep their label
    for raw, label in zip(ds.raw_train, ds.y_train, strict=True):
        assert label == int(raw[0]) % 2


def test_make_dataset_csv_needs_a_path():
    with pytest.raises(DataError, match="csv_path"):
        make_dataset(DataSettings(name="csv"))
