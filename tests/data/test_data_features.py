from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import FEATURES, DataError, compute_features


def test_feature_values():
    raw = np.array([[1.0, 2.0], [-0.5, 3.0]])
    out = compute_features(raw, list(FEATURES))
    expected = np.array(
        [
            [1.0, 2.0, 1.0, 4.0, 2.0, np.sin(1.0), np.sin(2.0)],
            [-0.5, 3.0, 0.25, 9.0, -1.5, np.sin(-0.5), np.sin(3.0)],
        ]
    )
    np.testing.assert_allclose(out, expected)


def test_feature_order_follows_the_list():
    raw = np.array([[2.0, 3.0]])
    np.testing.assert_allclose(compute_features(raw, ["x1*x2", "x1"]), [[6.0, 2.0]])


@pytest.mark.parametrize(
    ("features", "match"),
    [([], "at least one"), (["x3"], "Unknown feature"), (["x1", "x1"], "twice")],
)
def test_bad_feature_lists(features, match):
    with pytest.raises(DataError, match=match):
        compute_features(np.zeros((2, 2)), features)


def test_features_need_two_columns():
    with pytest.raises(DataError, match="2-D points"):
        compute_features(np.zeros((4, 3)), ["x1"])
