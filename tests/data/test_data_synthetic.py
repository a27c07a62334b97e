from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DATASETS, DataSettings, generate_raw, make_dataset

SYNTHETIC = [n for n, info in DATASETS.items() if info.generator is not None]


def test_dataset_names_match_the_contract():
    assert set(DATASETS) == {
        "circle",
        "xor",
        "gaussian",
        "spiral",
        "moons",
        "blobs",
        "spiral_multi",
        "reg_plane",
        "reg_gaussian",
        "iris",
        "wine",
        "breast_cancer",
        "diabetes",
        "digits",
        "csv",
        "mnist",
        "fashion_mnist",
        "image_folder",
    }


@pytest.mark.parametrize("name", SYNTHETIC)
@pytest.mark.parametrize("n", [11, 200])
def test_shapes_dtypes_and_task(name, n):
    info = DATASETS[name]
    raw, y, task, k, names = generate_raw(DataSettings(name=name, n_points=n, noise=0.2))
    assert raw.shape == (n, 2) and raw.dtype == np.float64
    assert y.shape == (n,)
    assert task == info.task and names == ["x1", "x2"]
    assert np.isfinite(raw).all()
    if task == "regression":
        assert y.dtype == np.float64 and k == 1
        # Playground ranges: the plane is (x1 + x2) / 10 of a jittered point (up to
        # 1.2 * (1 + noise)); the bumps are within [-1, 1]
        bound = 1.2 * (1 + 0.2) if name == "reg_plane" else 1.0
        assert np.abs(y).max() <= bound + 1e-12
    else:
        assert y.dtype == np.int64
        assert set(np.unique(y)) == set(range(k))


@pytest.mark.parametrize("name", SYNTHETIC)
def test_same_seed_same_data_other_seed_other_data(name):
    a = make_dataset(DataSettings(name=name, seed=7, noise=0.1))
    b = make_dataset(DataSettings(name=name, seed=7, noise=0.1))
    c = make_dataset(DataSettings(name=name, seed=8, noise=0.1))
    np.testing.assert_array_equal(a.raw_train, b.raw_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.raw_train, c.raw_train)


@pytest.mark.parametrize("name", SYNTHETIC)
def test_coordinates_in_playground_range(name):
    raw, *_ = generate_raw(DataSettings(name=name, n_points=400, noise=0.0))
    assert np.abs(raw).max() <= 7.5


def _raw(name, noise, **kw):
    return generate_raw(DataSettings(name=name, n_points=1000, noise=noise, seed=3, **kw))


def test_circle_labels_without_noise_follow_radius():
    raw, y, *_ = _raw("circle", 0.0)
    r = np.hypot(raw[:, 0], raw[:, 1])
    assert (r[y == 1] <= 2.5).all() and (r[y == 0] >= 3.5).all() and (r[y == 0] <= 5).all()
    assert (y == 1).sum() == 500


def test_circle_noise_flips_some_labels_but_not_positions():
    raw0, y0, *_ = _raw("circle", 0.0)
    raw5, y5, *_ = _raw("circle", 0.5)
    np.testing.assert_array_equal(raw0, raw5)  # the Playground jitters the label, not the point
    flipped = (y0 != y5).mean()
    assert 0.05 < flipped < 0.5


def test_xor_labels_and_padding():
    raw, y, *_ = _raw("xor", 0.0)
    assert (np.abs(raw) >= 0.3).all()
    np.testing.assert_array_equal(y, (raw[:, 0] * raw[:, 1] >= 0).astype(np.int64))
    _, y_noisy, *_ = _raw("xor", 0.5)
    assert (y_noisy != y).mean() > 0.05


def test_gaussian_noise_widens_the_blobs():
    raw0, y0, *_ = _raw("gaussian", 0.0)
    raw5, _, *_ = _raw("gaussian", 0.5)
    centre = raw0[y0 == 1].mean(axis=0)
    np.testing.assert_allclose(centre, [2, 2], atol=0.15)
    np.testing.assert_allclose(raw0[y0 == 0].mean(axis=0), [-2, -2], atol=0.15)
    # variance 0.5 at noise 0 and 4 at noise 0.5 (Playground's scale)
    assert raw0[y0 == 1].var(axis=0) == pytest.approx([0.5, 0.5], rel=0.2)
    assert raw5[y0 == 1].var(axis=0) == pytest.approx([4, 4], rel=0.2)


def test_spiral_without_noise_is_exact():
    raw, y, *_ = generate_raw(DataSettings(name="spiral", n_points=20, noise=0.0))
    # first point of each arm sits at the origin, radius grows linearly to 5 * (n-1)/n
    pos = raw[y == 1]
    r = np.hypot(pos[:, 0], pos[:, 1])
    np.testing.assert_allclose(r, np.arange(10) / 10 * 5)
    t = 1.75 * 3 / 10 * 2 * np.pi
    np.testing.assert_allclose(pos[3], [1.5 * np.sin(t), 1.5 * np.cos(t)])
    neg = raw[y == 0]
    np.testing.assert_allclose(neg, -pos, atol=1e-12)  # second arm is rotated by pi


def test_spiral_noise_moves_points_within_bound():
    raw0, *_ = _raw("spiral", 0.0)
    raw5, *_ = _raw("spiral", 0.5)
    d = np.abs(raw5 - raw0)
    assert d.max() <= 0.5 and d.mean() > 0.1


def test_spiral_multi_arms_and_class_balance():
    raw, y, task, k, _ = _raw("spiral_multi", 0.0, n_classes=5)
    assert task == "multiclass" and k == 5
    assert np.bincount(y).tolist() == [200] * 5


def test_blobs_have_k_separated_centres():
    raw, y, task, k, _ = _raw("blobs", 0.0, n_classes=4)
    assert k == 4
    centres = np.array([raw[y == c].mean(axis=0) for c in range(4)])
    np.testing.assert_allclose(np.hypot(*centres.T), 3.5, atol=0.2)


def test_moons_shape_and_noise():
    raw0, y, *_ = _raw("moons", 0.0)
    assert set(np.unique(y)) == {0, 1}
    upper = raw0[y == 0] / 2.5 + [0.5, 0.25]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0, atol=1e-9)
    raw5, *_ = _raw("moons", 0.3)
    assert np.abs(raw5 - raw0).mean() > 0.3


def test_reg_plane_target_without_noise():
    raw, y, *_ = _raw("reg_plane", 0.0)
    np.testing.assert_allclose(y, raw.sum(axis=1) / 10)
    _, y5, *_ = _raw("reg_plane", 0.5)
    assert np.abs(y5 - y).mean() > 0.05


def test_reg_gaussian_peaks():
    raw, y, *_ = _raw("reg_gaussian", 0.0)
    # target is 1 - d/2 of the nearest signed bump, 0 far from all bumps
    near = np.hypot(raw[:, 0] - 4, raw[:, 1] - 2.5) < 0.5
    assert near.sum() > 2 and (y[near] >= 0.75).all()
    near_neg = np.hypot(raw[:, 0] - 0, raw[:, 1] - 2.5) < 0.5
    assert near_neg.sum() > 2 and (y[near_neg] <= -0.75).all()
    far = np.abs(raw[:, 1]) < 0.4  # more than 2 from every bump centre
    assert far.any() and (y[far] == 0).all()
    assert np.abs(y).max() <= 1.0
