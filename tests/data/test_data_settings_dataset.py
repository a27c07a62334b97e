from __future__ import annotations

import json

import numpy as np
import pytest

from nnstudio.data import DataError, DataSettings, make_dataset


def test_settings_round_trip():
    s = DataSettings(
        name="blobs",
        n_points=321,
        noise=0.25,
        train_ratio=0.7,
        seed=9,
        n_classes=5,
        features=["x1", "x2", "x1*x2"],
        standardize=False,
    )
    d = json.loads(json.dumps(s.to_dict()))
    assert DataSettings.from_dict(d) == s


def test_settings_defaults_and_ints_as_floats():
    s = DataSettings.from_dict({"noise": 0, "train_ratio": 1 - 0.5})
    assert s == DataSettings()
    assert isinstance(s.noise, float)


@pytest.mark.parametrize(
    ("d", "match"),
    [
        ([], "object"),
        ({"name": "cifar100"}, "Unknown dataset"),
        ({"name": "image_folder"}, "image_folder"),
        ({"image_folder": 3}, "image_folder"),
        ({"n_points": 5}, "n_points"),
        ({"n_points": 50.5}, "n_points"),
        ({"noise": 0.8}, "noise"),
        ({"noise": "low"}, "noise"),
        ({"train_ratio": 0.0}, "train_ratio"),
        ({"seed": -1}, "seed"),
        ({"seed": True}, "seed"),
        ({"n_classes": 1}, "n_classes"),
        ({"features": []}, "at least one"),
        ({"features": ["x1", "cos(x1)"]}, "Unknown feature"),
        ({"standardize": 1}, "standardize"),
        ({"name": "csv"}, "csv_path"),
        ({"target_column": 1.5}, "target_column"),
        ({"colour": "red"}, "Unknown data setting"),
    ],
)
def test_settings_rejections(d, match):
    with pytest.raises(DataError, match=match):
        DataSettings.from_dict(d)


def test_split_sizes_and_task_info():
    ds = make_dataset(DataSettings(name="spiral", n_points=301, train_ratio=0.3))
    assert len(ds.y_train) == 90 and len(ds.y_test) == 211
    assert ds.raw_train.shape == (90, 2)
    assert ds.task == "binary" and ds.n_classes == 2
    assert ds.feature_names == ["x1", "x2"] and ds.n_features == 2


def test_split_is_a_shuffle_of_the_generated_points():
    ds = make_dataset(DataSettings(name="circle", n_points=200))
    assert set(ds.y_train.tolist()) == {0, 1}  # shuffled, so both classes in each split
    assert set(ds.y_test.tolist()) == {0, 1}


def test_train_ratio_does_not_change_the_points():
    a = make_dataset(DataSettings(name="xor", train_ratio=0.5))
    b = make_dataset(DataSettings(name="xor", train_ratio=0.8))
    all_a = np.concatenate([a.raw_train, a.raw_test])
    all_b = np.concatenate([b.raw_train, b.raw_test])
    np.testing.assert_array_equal(all_a, all_b)


def test_features_shape_the_inputs():
    ds = make_dataset(DataSettings(name="circle", features=["x1^2", "x2^2"]))
    assert ds.n_features == 2 and ds.feature_names == ["x1^2", "x2^2"]
    assert ds.raw_train.shape[1] == 2


def test_bounds_have_ten_percent_margin():
    ds = make_dataset(DataSettings(name="gaussian", noise=0.1))
    raw = np.concatenate([ds.raw_train, ds.raw_test])
    xmin, xmax, ymin, ymax = ds.bounds
    span = raw[:, 0].max() - raw[:, 0].min()
    assert xmin == pytest.approx(raw[:, 0].min() - 0.1 * span)
    assert xmax == pytest.approx(raw[:, 0].max() + 0.1 * span)
    assert ymin < raw[:, 1].min() and ymax > raw[:, 1].max()


def test_multiclass_and_regression_datasets():
    ds = make_dataset(DataSettings(name="spiral_multi", n_classes=4))
    assert ds.task == "multiclass" and ds.n_classes == 4
    assert ds.y_train.dtype == np.int64
    reg = make_dataset(DataSettings(name="reg_plane"))
    assert reg.task == "regression" and reg.n_classes == 1 and reg.y_train.dtype == np.float64


def test_make_dataset_validates():
    with pytest.raises(DataError):
        make_dataset(DataSettings(noise=2.0))
