from __future__ import annotations

import json

import numpy as np
import pytest

from nnstudio.data import DataError, DataSettings, Preprocessor, make_dataset


def test_standardization_uses_train_split_only():
    ds = make_dataset(
        DataSettings(
            name="gaussian", n_points=400, noise=0.2, seed=4, features=["x1", "x2", "x1^2"]
        )
    )
    pre = ds.preprocessor
    feats = np.column_stack([ds.raw_train, ds.raw_train[:, 0] ** 2])
    np.testing.assert_allclose(pre.mean, feats.mean(axis=0))
    np.testing.assert_allclose(pre.std, feats.std(axis=0))
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(ds.x_train.std(axis=0), 1, atol=1e-12)
    # the test split is transformed with the train statistics, so it is not exactly standard
    assert np.abs(ds.x_test.mean(axis=0)).max() > 1e-6
    test_feats = np.column_stack([ds.raw_test, ds.raw_test[:, 0] ** 2])
    np.testing.assert_allclose(ds.x_test, (test_feats - feats.mean(0)) / feats.std(0))


def test_without_standardization_features_pass_through():
    ds = make_dataset(DataSettings(name="xor", standardize=False, features=["x1*x2"]))
    np.testing.assert_allclose(ds.x_train[:, 0], ds.raw_train[:, 0] * ds.raw_train[:, 1])
    assert ds.preprocessor.mean is None


def test_constant_feature_gets_unit_std():
    pre = Preprocessor(None).fit(np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]]))
    assert pre.std[1] == 1.0
    np.testing.assert_allclose(pre.transform(np.array([[2.0, 5.0]])), [[0.0, 0.0]])


def test_round_trip_through_json():
    ds = make_dataset(DataSettings(name="circle", features=["x1", "sin(x2)", "x2^2"]))
    d = json.loads(json.dumps(ds.preprocessor.to_dict()))
    again = Preprocessor.from_dict(d)
    assert again.to_dict() == ds.preprocessor.to_dict()
    np.testing.assert_allclose(again.transform(ds.raw_test), ds.x_test)


def test_round_trip_raw_columns():
    pre = Preprocessor(None).fit(np.arange(12.0).reshape(4, 3))
    again = Preprocessor.from_dict(pre.to_dict())
    assert again.n_raw == 3
    np.testing.assert_allclose(again.transform(np.ones((2, 3))), pre.transform(np.ones((2, 3))))
    with pytest.raises(DataError, match="Expected 3 input columns"):
        again.transform(np.ones((2, 2)))


@pytest.mark.parametrize(
    "d",
    [
        None,
        {"features": "x1"},
        {"standardize": "yes"},
        {"features": ["x1", "x2"], "mean": [0.0, 0.0]},
        {"features": ["x1", "x2"], "mean": [0.0, 0.0], "std": [1.0, 0.0]},
        {"features": ["x1", "x2"], "mean": [0.0], "std": [1.0]},
        {"features": ["x1"], "mean": ["a"], "std": [1.0]},
        {"features": ["nope"]},
        {"features": None, "n_raw": 0},
        {"other": 1},
    ],
)
def test_from_dict_rejects(d):
    with pytest.raises(DataError):
        Preprocessor.from_dict(d)


def test_transform_before_fit_is_an_error():
    with pytest.raises(DataError, match="not fitted"):
        Preprocessor(["x1", "x2"]).transform(np.zeros((1, 2)))
