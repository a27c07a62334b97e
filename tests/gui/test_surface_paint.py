"""The decision surface as painted: the image drawn by Qt (no Python paint per frame)
fills the view over the data's rectangle, follows resizes and shows new frames."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QImage

from nnstudio.gui.surface import NEGATIVE, POSITIVE, DecisionSurface, soften


def _dataset(bounds=(-2.0, 3.0, -1.0, 4.0)):
    # no points: only the surface image is painted inside the view
    empty = np.zeros((0, 2))
    return SimpleNamespace(
        raw_train=empty,
        y_train=np.zeros(0),
        raw_test=empty,
        y_test=np.zeros(0),
        task="binary",
        n_classes=2,
        bounds=bounds,
    )


def _pixels(surface: DecisionSurface) -> tuple[np.ndarray, object]:
    """The plot's pixels (h, w, 3) RGB and the view box's rectangle in them."""
    plot = surface.plot
    image = plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    rgb = rows[:, : w * 3].reshape(h, w, 3).astype(int)
    box = plot.getPlotItem().getViewBox()
    rect = plot.mapFromScene(box.mapRectToScene(box.rect())).boundingRect()
    return rgb, rect


def _near(rgb: np.ndarray, colour: np.ndarray) -> bool:
    return int(np.abs(rgb - np.round(colour)).max()) <= 3


def _lower_half_positive(res: int = 20) -> np.ndarray:
    values = np.zeros((res, res, 1))
    values[: res // 2] = 1.0  # rows are y, upwards: the lower half of the plane is class 1
    return values


@pytest.mark.parametrize("size", [(300, 300), (520, 360)])
def test_surface_image_fills_the_view_and_follows_resizes(qtbot, size):
    surface = DecisionSurface()
    qtbot.addWidget(surface)
    surface.resize(*size)
    surface.show()
    qtbot.waitExposed(surface)
    surface.set_dataset(_dataset())
    surface.set_grid((np.linspace(0, 1, 20), np.linspace(0, 1, 20), _lower_half_positive()))
    for width, height in (size, (size[0] + 140, size[1] + 90)):
        surface.resize(width, height)
        qtbot.wait(20)
        rgb, rect = _pixels(surface)
        inset = 10  # past the axes' inward ticks
        top = rgb[rect.top() + inset, rect.center().x()]
        bottom = rgb[rect.bottom() - inset, rect.center().x()]
        assert _near(top, soften(NEGATIVE)), (width, height, top)
        assert _near(bottom, soften(POSITIVE)), (width, height, bottom)
        for x in (rect.left() + inset, rect.right() - inset):
            assert _near(rgb[rect.top() + inset, x], soften(NEGATIVE))
            assert _near(rgb[rect.bottom() - inset, x], soften(POSITIVE))


def test_each_new_frame_is_painted(qtbot):
    surface = DecisionSurface()
    qtbot.addWidget(surface)
    surface.resize(320, 320)
    surface.show()
    qtbot.waitExposed(surface)
    surface.set_dataset(_dataset())
    grid = np.linspace(0, 1, 20), np.linspace(0, 1, 20)
    surface.set_grid((*grid, _lower_half_positive()))
    rgb, rect = _pixels(surface)
    assert _near(rgb[rect.bottom() - 10, rect.center().x()], soften(POSITIVE))
    surface.set_grid((*grid, 1.0 - _lower_half_positive()))  # same shape: no new rect
    rgb, rect = _pixels(surface)
    assert _near(rgb[rect.bottom() - 10, rect.center().x()], soften(NEGATIVE))
    assert _near(rgb[rect.top() + 10, rect.center().x()], soften(POSITIVE))
    surface.clear_surface()
    rgb, rect = _pixels(surface)
    middle = rgb[rect.center().y(), rect.center().x()]
    assert not _near(middle, soften(NEGATIVE)) and not _near(middle, soften(POSITIVE))


def test_points_bounding_rect_follows_new_points_and_resizes(qtbot):
    surface = DecisionSurface()
    qtbot.addWidget(surface)
    surface.resize(320, 320)
    surface.show()
    qtbot.waitExposed(surface)
    data = _dataset()
    data.raw_train = np.array([[-1.0, 0.0], [1.0, 2.0]])
    data.y_train = np.array([0, 1])
    surface.set_dataset(data)
    item = surface.train_scatter
    first = item.boundingRect()
    assert first.contains(-1.0, 0.0) and first.contains(1.0, 2.0)
    assert item.boundingRect() == first  # asked again: the same
    data.raw_train = np.array([[-1.9, -0.9], [2.9, 3.9]])
    surface.set_dataset(data)
    second = item.boundingRect()
    assert second.contains(-1.9, -0.9) and second.contains(2.9, 3.9)
    # the points' pixel size in data units shrinks when the view grows
    pad = second.right() - 2.9
    surface.resize(640, 640)
    qtbot.wait(30)
    assert 0 < item.boundingRect().right() - 2.9 < pad
