"""The bundled classic tables: shapes, classes, names and known values of the files."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DATASETS, TABLES, DataSettings, load_bundled, make_dataset
from nnstudio.data.bundled import datasets_folder

EXPECTED = {
    # name: (rows, features, task, class counts or None)
    "iris": (150, 4, "multiclass", [50, 50, 50]),
    "wine": (178, 13, "multiclass", [59, 71, 48]),
    "breast_cancer": (569, 30, "binary", [212, 357]),
    "diabetes": (442, 10, "regression", None),
    "digits": (1797, 64, "multiclass", [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_shape_task_and_class_counts(name):
    rows, features, task, counts = EXPECTED[name]
    x, y, got_task, k, names, classes = load_bundled(name)
    assert x.shape == (rows, features) and x.dtype == np.float64
    assert got_task == task == DATASETS[name].task
    assert len(names) == features == len(set(names))
    assert np.isfinite(x).all()
    if counts is None:
        assert classes is None and y.dtype == np.float64 and k == 1
    else:
        assert y.dtype == np.int64 and k == len(counts) == len(classes)
        assert np.bincount(y).tolist() == counts


def test_known_values_and_class_names():
    x, y, *_rest, classes = load_bundled("iris")
    np.testing.assert_array_equal(x[0], [5.1, 3.5, 1.4, 0.2])
    assert classes == ["setosa", "versicolor", "virginica"] and y[-1] == 2
    x, y, *_rest, classes = load_bundled("breast_cancer")
    assert classes == ["malignant", "benign"] and x[0, 0] == 17.99
    x, y, *_rest = load_bundled("diabetes")
    assert y[:3].tolist() == [151.0, 75.0, 141.0] and x[0, 0] == 59
    x, y, *_rest, classes = load_bundled("digits")
    assert x.min() == 0 and x.max() == 16 and classes == [str(i) for i in range(10)]
    assert _rest[2][0] == "pixel_0_0" and _rest[2][63] == "pixel_7_7"


def test_files_and_licence_notes_are_present():
    folder = datasets_folder()
    readme = (folder / "README.md").read_text()
    for name in TABLES.values():
        assert (folder / name.data_file).is_file()
        assert name.data_file in readme
    assert "BSD" in readme and "CC BY 4.0" in readme and "Efron" in readme
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total < 400_000


@pytest.mark.parametrize("name", list(EXPECTED))
def test_make_dataset_uses_raw_columns_and_keeps_class_names(name):
    ds = make_dataset(DataSettings(name=name, train_ratio=0.7))
    rows, features, task, counts = EXPECTED[name]
    assert ds.n_features == features and ds.task == task
    assert ds.x_train.shape[0] == int(rows * 0.7)
    assert ds.feature_names == list(TABLES[name].feature_names)
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0, atol=1e-9)
    if counts is not None:
        assert ds.preprocessor.class_names == ds.class_names and len(ds.class_names) == len(counts)
