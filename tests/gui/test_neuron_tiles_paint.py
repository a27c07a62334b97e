"""Neuron tiles as painted on the canvas: each tile shows its unit's colours and the new
ones after every probe (tiles are drawn by Qt from a pixmap, not by a Python paint)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from nnstudio.graph import NetworkSpec
from nnstudio.gui.neuron_tiles import LUT32, TILE, color_indices, unit_levels
from nnstudio.io import make_template


@pytest.fixture
def setup(qtbot):
    from nnstudio.gui.canvas_view import CanvasView
    from nnstudio.gui.document import Document
    from nnstudio.gui.neuron_view import NeuronView

    project = make_template("circle")
    project.network = NetworkSpec.sequential(2, [3], "tanh", 1, "sigmoid")
    doc = Document(project)
    view = CanvasView(doc)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    neurons = NeuronView(doc, view)
    neurons.set_enabled(True)
    view.fit_all()
    qtbot.wait(20)
    return doc, view, neurons


def _painted(view, tile, fx: float, fy: float) -> int:
    """The RGB the canvas shows at fraction (fx, fy) of a tile (from its top left)."""
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    point = view.mapFromScene(tile.mapToScene(QPointF(fx * TILE, fy * TILE)))
    return image.pixel(point.x(), point.y()) & 0xFFFFFF


def _expected(tile, fx: float, fy: float, levels) -> int:
    r = tile.values.shape[0]
    row = r - 1 - int(fy * r)  # the grid's rows go upwards, images' downwards
    col = int(fx * r)
    return int(LUT32[color_indices(tile.values[row, col], levels)]) & 0xFFFFFF


def _close(a: int, b: int) -> bool:
    ca = np.array([(a >> s) & 0xFF for s in (16, 8, 0)])
    cb = np.array([(b >> s) & 0xFF for s in (16, 8, 0)])
    return int(np.abs(ca - cb).max()) <= 2


def test_painted_tiles_show_their_values_and_each_new_probe(setup, qtbot):
    doc, view, neurons = setup
    node_id = list(doc.spec.nodes)[1]  # the hidden tanh layer
    item = view.canvas_scene.node_items[node_id]
    levels = unit_levels("tanh", np.zeros(1))
    rng = np.random.default_rng(3)
    probe = neurons.probe
    for step in range(2):
        units = dict(probe["units"])
        r = units[node_id].shape[0]
        # blocks of constant value: the colour at a block's centre is unambiguous
        blocks = rng.uniform(-1, 1, size=(4, 4, units[node_id].shape[2]))
        units[node_id] = np.repeat(np.repeat(blocks, r // 4 + 1, 0), r // 4 + 1, 1)[:r, :r]
        neurons.show_probe({**probe, "units": units})
        qtbot.wait(10)
        for tile in item.tiles:
            for fx, fy in [(0.12, 0.12), (0.62, 0.37), (0.87, 0.87)]:
                shown = _painted(view, tile, fx, fy)
                expected = _expected(tile, fx, fy, levels)
                assert _close(shown, expected), (step, tile.unit, fx, fy, hex(shown))


def test_cleared_tiles_show_the_empty_colour(setup, qtbot):
    doc, view, neurons = setup
    node_id = list(doc.spec.nodes)[1]
    tile = view.canvas_scene.node_items[node_id].tiles[0]
    assert tile.values is not None
    tile.clear()
    qtbot.wait(10)
    assert _close(_painted(view, tile, 0.5, 0.5), 0xE8EAEB)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("levels", [(-1.0, 1.0), (0.0, 1.0), (-2.5, 2.5)])
def test_paint_node_colours_each_unit_like_color_indices(dtype, levels):
    from nnstudio.gui.neuron_tiles import paint_node

    values = np.random.default_rng(5).uniform(-3, 3, size=(12, 10, 6)).astype(dtype)
    shown = values[:, :, :4]  # the first units of a wider node: not contiguous
    out = paint_node(shown, levels, None)
    assert out.shape == (4, 12, 10) and out.dtype == np.uint32
    for unit in range(4):
        expected = LUT32[color_indices(shown[::-1, :, unit], levels)]  # top row first
        np.testing.assert_array_equal(out[unit], expected)
    again = paint_node(-shown, levels, out)  # the same buffer, recoloured in place
    assert again is out
    np.testing.assert_array_equal(out[1], LUT32[color_indices(-shown[::-1, :, 1], levels)])


def test_weight_lines_are_painted_in_their_colours(setup, qtbot):
    from nnstudio.gui.weight_lines import _NEG_LINE, _POS_LINE

    doc, view, neurons = setup
    inp, hidden = list(doc.spec.nodes)[:2]
    link = view.canvas_scene.link_items[(inp, hidden)]
    drawn = link.lines_drawn()
    # every segment is a quad (four corners) in the path of its colour
    assert sum(path.elementCount() for _colour, path in drawn) == 4 * len(link.segments())
    assert {colour.rgb() for colour, _path in drawn} <= {_POS_LINE.rgb(), _NEG_LINE.rgb()}
    w = link.weights
    i, j = np.unravel_index(np.argmax(np.abs(w)), w.shape)  # the widest line
    line = next(ln for a, b, ln in link.segments() if (a, b) == (i, j))
    qtbot.wait(10)
    shown = _painted_scene(view, line.pointAt(0.5))
    colour = _POS_LINE if w[i, j] >= 0 else _NEG_LINE
    assert _close(shown, colour.rgb() & 0xFFFFFF), hex(shown)
    # new weights of the other sign: the same line is painted in the other colour
    probe = neurons.probe
    neurons.show_probe({**probe, "weights": {k: -v for k, v in probe["weights"].items()}})
    qtbot.wait(10)
    other = _NEG_LINE if w[i, j] >= 0 else _POS_LINE
    assert _close(_painted_scene(view, line.pointAt(0.5)), other.rgb() & 0xFFFFFF)


def _painted_scene(view, point: QPointF) -> int:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    p = view.mapFromScene(point)
    return image.pixel(p.x(), p.y()) & 0xFFFFFF
