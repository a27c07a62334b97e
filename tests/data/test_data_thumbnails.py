from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DATASETS, point_colors, thumbnail
from nnstudio.data.thumbnails import BACKGROUND, BLUE, ORANGE


@pytest.mark.parametrize("name", list(DATASETS))
def test_thumbnail_shape_and_content(name):
    img = thumbnail(name, size=40)
    assert img.shape == (40, 40, 3) and img.dtype == np.uint8
    assert (img != BACKGROUND.astype(np.uint8)).any(axis=2).sum() > 20


def test_circle_thumbnail_is_blue_in_the_middle_orange_outside():
    img = thumbnail("circle", size=48).astype(int)
    centre = img[20:28, 20:28].reshape(-1, 3)
    assert any((p == BLUE.astype(int)).all() for p in centre)
    assert not any((p == ORANGE.astype(int)).all() for p in centre)
    ring = np.concatenate([img[:8].reshape(-1, 3), img[-8:].reshape(-1, 3)])
    assert any((p == ORANGE.astype(int)).all() for p in ring)


def test_same_arguments_same_picture():
    np.testing.assert_array_equal(thumbnail("spiral"), thumbnail("spiral"))
    assert thumbnail("blobs", n_classes=5).shape == (48, 48, 3)


def test_regression_colour_ramp():
    c = point_colors(np.array([-1.0, 0.0, 1.0]), "regression")
    np.testing.assert_allclose(c, [ORANGE, [255, 255, 255], BLUE])
    np.testing.assert_allclose(point_colors(np.array([0, 1]), "binary"), [ORANGE, BLUE])


def test_bundled_tables_get_a_scatter_of_their_principal_components():
    from nnstudio.data import TABLES

    for name in TABLES:
        img = thumbnail(name, 48)
        assert img.shape == (48, 48, 3)
        colours = {tuple(c) for c in img.reshape(-1, 3)}
        assert len(colours) >= 3  # background plus at least two point colours
    iris = thumbnail("iris", 48).reshape(-1, 3).astype(int)
    for c in ([245, 147, 34], [8, 119, 189], [76, 175, 80]):  # the three species
        assert (np.abs(iris - c).sum(axis=1) == 0).any()
