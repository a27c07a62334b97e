"""Feature-pair grids with held values, and the principal-component projection."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataError, DataSettings, make_dataset
from nnstudio.data.views import (
    FeaturePair,
    default_pair,
    pair_grid,
    pair_view,
    pca_projection,
    predicted_classes,
    subsample,
)


def test_pair_grid_holds_the_other_features():
    raw = np.array([[0.0, 10.0, 5.0, 1.0], [2.0, 30.0, 7.0, 3.0], [4.0, 20.0, 9.0, 2.0]])
    pair = FeaturePair(2, 0, held=[9.0, 8.0, 7.0, 6.0])
    xs, ys, points = pair_grid(raw, pair, 5)
    assert points.shape == (25, 4)
    np.testing.assert_allclose(xs, np.linspace(5 - 0.4, 9 + 0.4, 5))  # feature 2, 10 % margin
    np.testing.assert_allclose(ys, np.linspace(0 - 0.4, 4 + 0.4, 5))  # feature 0
    assert np.all(points[:, 1] == 8.0) and np.all(points[:, 3] == 6.0)
    # row-major: row r holds ys[r], column c holds xs[c]
    grid = points.reshape(5, 5, 4)
    np.testing.assert_allclose(grid[3, 1, [2, 0]], [xs[1], ys[3]])


def test_default_pair_uses_medians_and_checks_indices():
    raw = np.array([[1.0, 2.0, 3.0], [5.0, np.nan, 0.0], [3.0, 4.0, 6.0]])
    pair = default_pair(raw)
    assert (pair.i, pair.j) == (0, 1)
    np.testing.assert_allclose(pair.held, [3.0, 3.0, 3.0])
    with pytest.raises(DataError, match="two different"):
        FeaturePair(1, 1, held=[0, 0])
    with pytest.raises(DataError, match="out of range"):
        FeaturePair(0, 5, held=[0, 0, 0])


def test_feature_pair_surface_is_the_network_on_the_grid_with_held_values():
    from nnstudio.io import make_template
    from nnstudio.session import Session

    session = Session.from_project(make_template("wine"))
    session.train_epoch()
    ds = session.dataset
    pair = FeaturePair(6, 12, held=np.quantile(ds.raw_train, 0.3, axis=0))
    xs, ys, points = pair_grid(np.concatenate([ds.raw_train, ds.raw_test]), pair, 7)
    got = session.predict_raw(points).reshape(7, 7, -1)
    for r, c in [(0, 0), (3, 5), (6, 2)]:
        raw = pair.held.copy()
        raw[6], raw[12] = xs[c], ys[r]
        direct = session.network.predict(ds.preprocessor.transform(raw[None, :]))[0]
        np.testing.assert_allclose(got[r, c], direct, rtol=1e-5, atol=1e-6)
    view = pair_view(ds, pair)
    np.testing.assert_array_equal(view.raw_train, ds.raw_train[:, [6, 12]])
    assert view.names == ("flavanoids", "proline") and view.class_names == ds.class_names


def test_projection_equals_the_first_two_principal_components_by_eigh():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(200, 5)) @ rng.normal(size=(5, 5)) + rng.normal(size=5) * 10
    proj = pca_projection(x)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    evals, evecs = np.linalg.eigh(np.cov(z, rowvar=False, bias=True))
    top = evecs[:, np.argsort(evals)[::-1][:2]]
    expected = z @ top
    for k in range(2):  # a component's sign is arbitrary
        sign = np.sign(expected[:, k] @ proj.coords[:, k])
        np.testing.assert_allclose(proj.coords[:, k], sign * expected[:, k], atol=1e-9)
    np.testing.assert_allclose(proj.explained, np.sort(evals)[::-1][:2] / evals.sum(), rtol=1e-9)
    np.testing.assert_allclose(proj.transform(x[:3]), proj.coords[:3], atol=1e-12)


def test_projection_of_digits_64_features():
    ds = make_dataset(DataSettings(name="digits", train_ratio=0.7))
    x = np.concatenate([ds.raw_train, ds.raw_test])
    proj = pca_projection(x)  # constant pixels (always 0) get scale 1, no NaN
    assert proj.coords.shape == (1797, 2) and np.isfinite(proj.coords).all()
    assert 0 < proj.explained[1] <= proj.explained[0] < 1


def test_subsample_and_predicted_classes():
    assert subsample(10, 20).tolist() == list(range(10))
    idx = subsample(100_000, 500)
    assert idx.size == 500 and np.all(np.diff(idx) > 0)
    np.testing.assert_array_equal(subsample(100_000, 500), idx)
    assert predicted_classes(np.array([[0.2], [0.7]]), "binary").tolist() == [0, 1]
    assert predicted_classes(np.array([[-1.0], [0.3]]), "binary", 0.0).tolist() == [0, 1]
    assert predicted_classes(np.array([[0.1, 0.9, 0], [3, 1, 2]]), "multiclass").tolist() == [1, 0]
