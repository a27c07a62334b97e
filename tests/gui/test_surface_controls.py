"""The decision surface's own controls (issue 10): point toggles, discretize, legend, its
right-click menu and image export."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from nnstudio.gui.surface import DecisionSurface
from nnstudio.gui.surface_legend import REGRESSION_BANDS, discretize


def _dataset(task="binary", n_classes=2, n=30):
    rng = np.random.default_rng(1)
    raw = rng.uniform(-1, 1, size=(n, 2))
    y = rng.uniform(-5, 7, size=n) if task == "regression" else rng.integers(0, n_classes, n)
    return SimpleNamespace(
        raw_train=raw,
        y_train=y,
        raw_test=raw[:10],
        y_test=y[:10],
        task=task,
        n_classes=n_classes,
        bounds=(-1.0, 1.0, -1.0, 1.0),
    )


@pytest.fixture
def surface(qtbot):
    widget = DecisionSurface()
    qtbot.addWidget(widget)
    widget.resize(420, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_dataset(_dataset())
    return widget


def _grid(z):
    res = z.shape[0]
    return np.linspace(-1, 1, res), np.linspace(-1, 1, res), z[:, :, None]


def test_train_and_test_points_toggle_with_the_mouse(surface):
    for check, scatter in (
        (surface.train_check, surface.train_scatter),
        (surface.test_check, surface.test_scatter),
    ):
        assert scatter.isVisible()
        QTest.mouseClick(check, Qt.MouseButton.LeftButton)
        assert not scatter.isVisible() and not check.isChecked()
        QTest.mouseClick(check, Qt.MouseButton.LeftButton)
        assert scatter.isVisible()


def test_discretize_output(surface):
    z = np.linspace(0, 1, 16 * 16).reshape(16, 16).astype(np.float32)
    surface.set_grid(_grid(z))
    np.testing.assert_allclose(surface.image_item.image, z)
    QTest.mouseClick(surface.discrete_check, Qt.MouseButton.LeftButton)
    shown = surface.image_item.image
    assert set(np.unique(shown)) == {0.0, 1.0}
    np.testing.assert_array_equal(shown, (z >= 0.5).astype(np.float32))
    # regression: a few bands between the levels, each value at its band's centre
    bands = discretize(np.linspace(-5, 7, 100).reshape(10, 10), (-5.0, 7.0), "regression")
    assert len(np.unique(bands)) == REGRESSION_BANDS
    assert bands.min() == pytest.approx(-5 + 12 / REGRESSION_BANDS / 2)


def test_legend_shows_the_value_scale(surface):
    assert surface.legend.labels() == ["0", "0.5", "1"]
    surface.set_dataset(_dataset("regression"))
    lo, hi = surface.levels
    assert surface.legend.labels()[0] == f"{lo:.3g}" and surface.legend.labels()[-1] == f"{hi:.3g}"
    surface.set_dataset(_dataset("multiclass", 4))
    assert surface.legend.labels() == ["0", "1", "2", "3"]


def test_own_context_menu_and_export(surface, tmp_path):
    item = surface.plot.getPlotItem()
    assert not item.menuEnabled() and not item.getViewBox().menuEnabled()
    menu = surface.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Export image…", "Train points", "Test points", "Discretize output"]
    toggle = menu.actions()[2]  # after the separator: "Train points"
    toggle.trigger()
    assert not surface.train_check.isChecked()
    surface.set_grid(_grid(np.full((8, 8), 0.9, dtype=np.float32)))
    out = tmp_path / "surface.png"
    surface.export_image(out)
    assert QImage(str(out)).width() > 100
