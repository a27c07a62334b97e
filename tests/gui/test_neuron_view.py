"""The neuron view: unit tiles, weights on the wires, weight edits (issue 10)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from nnstudio.engine.probe import grid_points, unit_outputs
from nnstudio.graph import NetworkSpec
from nnstudio.gui.neuron_tiles import FIRST_UNITS, unit_levels
from nnstudio.gui.weight_lines import BUNDLE_FAN_IN, MAX_WIDTH, MIN_WIDTH, weight_style
from nnstudio.gui.worker import GRID_RESOLUTION
from nnstudio.io import make_template
from nnstudio.session import Session


def _project(hidden=(3, 12)):
    project = make_template("circle")
    project.network = NetworkSpec.sequential(2, list(hidden), "tanh", 1, "sigmoid")
    return project


@pytest.fixture
def setup(qtbot):
    from nnstudio.gui.canvas_view import CanvasView
    from nnstudio.gui.document import Document
    from nnstudio.gui.neuron_view import NeuronView

    doc = Document(_project())
    view = CanvasView(doc)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    neurons = NeuronView(doc, view)
    neurons.set_enabled(True)
    view.fit_all()
    return doc, view, neurons


def _ids(doc):
    return list(doc.spec.nodes)  # input_1, dense_1 (3), dense_2 (12), dense_3 (1)


def _click(view, scene_pos: QPointF) -> None:
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(scene_pos),
    )


def test_tile_counts_per_layer_and_more_handle(setup, qtbot):
    doc, view, neurons = setup
    items = view.canvas_scene.node_items
    inp, d1, d2, out = _ids(doc)
    assert [t.label for t in items[inp].tiles] == ["x1", "x2"]
    assert len(items[d1].tiles) == 3
    assert len(items[d2].tiles) == FIRST_UNITS and items[d2].more_units == 12 - FIRST_UNITS
    assert len(items[out].tiles) == 1
    # the "+4 more" handle, clicked with the mouse, shows every unit (and back)
    more = items[d2].button_rects()["more"]
    QTest.mouseMove(view.viewport(), view.mapFromScene(items[d2].mapToScene(more.center())))
    assert items[d2].toolTip() == "Show every unit"
    _click(view, items[d2].mapToScene(more.center()))
    assert len(items[d2].tiles) == 12 and items[d2].more_units == 0
    _click(view, items[d2].mapToScene(items[d2].button_rects()["more"].center()))
    assert len(items[d2].tiles) == FIRST_UNITS
    # the per-node button collapses one node back to its box
    _click(view, items[d1].mapToScene(items[d1].button_rects()["expand"].center()))
    assert items[d1].tiles == [] and len(items[d2].tiles) == FIRST_UNITS
    neurons.set_enabled(False)
    assert all(not item.tiles for item in items.values())


def test_tile_values_are_the_units_outputs_on_the_surface_grid(setup):
    doc, view, neurons = setup
    session = Session.from_project(doc.project)
    xs, ys, points = grid_points(session.dataset.bounds, GRID_RESOLUTION)
    outs = unit_outputs(session.network, session.dataset.preprocessor.transform(points))
    for node_id, item in view.canvas_scene.node_items.items():
        expected = outs[node_id].reshape(GRID_RESOLUTION, GRID_RESOLUTION, -1)[::2, ::2]
        for tile in item.tiles:
            np.testing.assert_allclose(tile.values, expected[:, :, tile.unit], rtol=1e-5)
            assert tile.value_range == (
                pytest.approx(float(expected[:, :, tile.unit].min())),
                pytest.approx(float(expected[:, :, tile.unit].max())),
            )
    # hovering a tile names the unit and its value range
    tile = view.canvas_scene.node_items[_ids(doc)[1]].tiles[1]
    QTest.mouseMove(view.viewport(), view.mapFromScene(tile.mapToScene(QPointF(20, 20))))
    lo, hi = tile.value_range
    assert tile.toolTip().startswith(f"{_ids(doc)[1]} unit 2: output from {lo:.3g} to {hi:.3g}")
    # colours: tanh layers use the fixed -1..1 scale
    assert unit_levels("tanh", np.zeros(3)) == (-1.0, 1.0)
    assert unit_levels("relu", np.array([0.0, 2.5])) == (-2.5, 2.5)


def _tile_pixel(tile, value_row: int, col: int, levels) -> tuple[int, int]:
    """(pixel drawn, colour expected) for grid point (value_row, col) of a tile."""
    from nnstudio.gui.neuron_tiles import LUT32, color_indices

    r = tile.values.shape[0]
    shown = tile._image.pixel(col, r - 1 - value_row)  # images are top row first
    expected = int(LUT32[color_indices(tile.values[value_row, col], levels)])
    return shown, expected


def test_tile_images_show_their_values_and_update_in_place(setup):
    doc, view, neurons = setup
    d1 = _ids(doc)[1]
    tile = view.canvas_scene.node_items[d1].tiles[2]
    levels = unit_levels("tanh", tile.values)
    r = tile.values.shape[0]
    for row, col in [(0, 0), (r - 1, 0), (r // 3, r - 1), (r - 1, r // 2)]:
        shown, expected = _tile_pixel(tile, row, col, levels)
        assert shown == expected
    image = tile._image
    # a new probe with every unit's output negated recolours the same image in place
    probe = neurons.probe
    flipped = {**probe, "units": {k: -v for k, v in probe["units"].items()}}
    neurons.show_probe(flipped)
    assert tile._image is image
    np.testing.assert_array_equal(tile.values, -probe["units"][d1][:, :, 2])
    for row, col in [(0, 0), (r - 1, r // 2)]:
        shown, expected = _tile_pixel(tile, row, col, levels)
        assert shown == expected


def test_weight_lines_follow_the_weights(setup):
    doc, view, neurons = setup
    inp, d1, d2, out = _ids(doc)
    weights = Session.from_project(doc.project).network.get_weights()
    links = view.canvas_scene.link_items
    assert set(links) == {(inp, d1), (d1, d2), (d2, out)}
    w = weights[f"{d1}.weight"]
    link = links[(d1, d2)]
    np.testing.assert_allclose(link.weights, weights[f"{d2}.weight"], rtol=1e-6)
    assert len(links[(inp, d1)].segments()) == w.size
    # d2 shows 8 of its 12 units: lines join the shown tiles only
    assert not link.bundled and len(link.segments()) == 3 * FIRST_UNITS
    assert {(i, j) for i, j, _ln in link.segments()} == {
        (i, j) for i in range(3) for j in range(FIRST_UNITS)
    }
    sign, width = weight_style(w)
    assert np.all(sign[w > 0] == 1) and np.all(sign[w < 0] == -1)
    big = np.unravel_index(np.argmax(np.abs(w)), w.shape)
    assert width[big] == pytest.approx(MAX_WIDTH)
    assert width.min() >= MIN_WIDTH
    order = np.argsort(np.abs(w).ravel())
    assert np.all(np.diff(width.ravel()[order]) >= -1e-12)  # wider for larger |w|
    # what is painted: blue for w > 0, orange for w < 0, the width of weight_style's step
    from nnstudio.gui.weight_lines import _NEG_LINE, _POS_LINE, WIDTH_STEPS

    first = links[(inp, d1)]
    w0 = first.weights
    sign0, width0 = weight_style(w0)
    where = {(ln.p1().toTuple(), ln.p2().toTuple()): (i, j) for i, j, ln in first.segments()}
    drawn = 0
    for pen, lines in first._buckets:
        for ln in lines:
            i, j = where[(ln.p1().toTuple(), ln.p2().toTuple())]
            assert pen.color() == (_POS_LINE if w0[i, j] >= 0 else _NEG_LINE)
            assert abs(pen.widthF() - width0[i, j]) <= MAX_WIDTH / WIDTH_STEPS / 2 + MIN_WIDTH
            drawn += 1
    assert drawn == w0.size and np.all(sign0 == np.where(w0 >= 0, 1, -1))
    # the plain wires of drawn pairs are hidden
    hidden = [e for e, item in view.canvas_scene.edge_items.items() if not item.isVisible()]
    assert len(hidden) == 3


def test_wide_fan_in_is_one_bundle(qtbot):
    from nnstudio.gui.canvas_view import CanvasView
    from nnstudio.gui.document import Document
    from nnstudio.gui.neuron_view import NeuronView

    doc = Document(_project((BUNDLE_FAN_IN + 4, 2)))
    view = CanvasView(doc)
    qtbot.addWidget(view)
    neurons = NeuronView(doc, view)
    neurons.set_enabled(True)
    neurons.toggle_all_units(list(doc.spec.nodes)[1])
    link = view.canvas_scene.link_items[tuple(list(doc.spec.nodes)[1:3])]
    assert link.weights.shape == (BUNDLE_FAN_IN + 4, 2)
    assert link.bundled and link.segments()[0][0] == -1
    assert "mean" in link.describe(-1, -1)


def test_clicking_a_weight_edits_it_and_undo_restores(setup, qtbot):
    doc, view, neurons = setup
    inp, d1, _d2, _out = _ids(doc)
    link = view.canvas_scene.link_items[(inp, d1)]
    line = link.segments()[1][2]
    point = line.pointAt(0.3)
    i, j = link.line_at(point)  # the line nearest the mouse
    before = float(link.weights[i, j])
    QTest.mouseMove(view.viewport(), view.mapFromScene(point))  # hovering tells the weight
    assert link.toolTip() == link.describe(i, j)
    assert f"= {before:.4g}" in link.toolTip()
    _click(view, point)
    editor = neurons.editor
    assert editor.isVisible()
    assert float(editor.text()) == pytest.approx(before, rel=1e-3)
    editor.selectAll()
    QTest.keyClicks(editor, "1.25")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert doc.project.weights[f"{d1}.weight"][i, j] == pytest.approx(1.25)
    assert doc.undo_stack.undoText().startswith(f"Set {d1}.weight")
    network = Session.from_project(doc.project).network
    assert network.get_weights()[f"{d1}.weight"][i, j] == pytest.approx(1.25)
    neurons.refresh()
    assert float(link.weights[i, j]) == pytest.approx(1.25)
    # Esc cancels a second edit: nothing changes
    _click(view, point)
    assert editor.isVisible()
    QTest.keyClicks(editor, "9")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert doc.project.weights[f"{d1}.weight"][i, j] == pytest.approx(1.25)
    doc.undo()
    assert doc.project.weights is None  # the untrained project had none: back to that
    neurons.refresh()
    assert float(link.weights[i, j]) == pytest.approx(before, rel=1e-5)


def test_weight_edit_is_refused_while_training(setup, qtbot):
    from nnstudio.gui.document import LockedError

    doc, view, neurons = setup
    inp, d1, *_ = _ids(doc)
    doc.set_locked("Training is running")
    line = view.canvas_scene.link_items[(inp, d1)].segments()[0][2]
    with qtbot.waitSignal(view.canvas_scene.message) as blocker:
        _click(view, line.pointAt(0.5))
    assert "stop training" in blocker.args[0]
    assert not neurons.editor.isVisible()
    with pytest.raises(LockedError, match="stop it first"):
        doc.set_weight(f"{d1}.weight", (0, 0), 2.0)
    assert doc.project.weights is None


def test_tiles_and_lines_survive_moving_a_node(setup, qtbot):
    doc, view, neurons = setup
    inp, d1, *_ = _ids(doc)
    link = view.canvas_scene.link_items[(inp, d1)]
    start = link.segments()[0][2].p2()
    doc.move_nodes({d1: (doc.spec.nodes[d1].pos[0] + 30, doc.spec.nodes[d1].pos[1] + 40)})
    moved = link.segments()[0][2].p2()
    assert (moved.x() - start.x(), moved.y() - start.y()) == pytest.approx((30, 40))


def test_units_plus_minus_buttons(setup, qtbot):
    doc, view, neurons = setup
    d1 = _ids(doc)[1]
    item = view.canvas_scene.node_items[d1]
    _click(view, item.mapToScene(item.button_rects()["plus"].center()))
    assert doc.spec.nodes[d1].params["units"] == 4
    neurons.refresh()
    assert len(view.canvas_scene.node_items[d1].tiles) == 4
    item = view.canvas_scene.node_items[d1]
    _click(view, item.mapToScene(item.button_rects()["minus"].center()))
    _click(view, item.mapToScene(item.button_rects()["minus"].center()))
    assert doc.spec.nodes[d1].params["units"] == 2
    doc.undo()
    doc.undo()
    assert doc.spec.nodes[d1].params["units"] == 4
    # box mode has the buttons too
    neurons.set_enabled(False)
    item = view.canvas_scene.node_items[d1]
    assert not item.tiles
    _click(view, item.mapToScene(item.button_rects()["minus"].center()))
    assert doc.spec.nodes[d1].params["units"] == 3


def test_screen_grabs_at_two_sizes(setup, tmp_path):
    doc, view, neurons = setup
    for size in ((1400, 900), (1024, 700)):
        view.resize(*size)
        view.fit_all()
        image = view.grab()
        assert image.width() == size[0]
        assert image.save(str(tmp_path / f"neurons-{size[0]}.png"))


def test_dag_nodes_show_tiles_and_dense_inputs_get_weight_lines(qtbot):
    from nnstudio.gui.canvas_view import CanvasView
    from nnstudio.gui.document import Document
    from nnstudio.gui.neuron_view import NeuronView

    project = make_template("circle")
    spec = NetworkSpec()
    inp = spec.add_node("input", {"units": 2}).id
    a = spec.add_node("dense", {"units": 3, "activation": "relu"}, pos=(220, -80)).id
    b = spec.add_node("dense", {"units": 3, "activation": "tanh"}, pos=(220, 80)).id
    add = spec.add_node("add", {}, pos=(440, 0)).id
    cat = spec.add_node("concat", {}, pos=(440, 160)).id
    act = spec.add_node("activation", {"activation": "sigmoid"}, pos=(660, 0)).id
    bn = spec.add_node("batchnorm", {}, pos=(660, 160)).id
    out = spec.add_node("dense", {"units": 1, "activation": "sigmoid"}, pos=(880, 0)).id
    merge = spec.add_node("concat", {}, pos=(770, 80)).id
    for src, dst in [(inp, a), (inp, b), (a, add), (b, add), (a, cat), (b, cat), (add, act)]:
        spec.add_edge(src, dst)
    for src, dst in [(cat, bn), (act, merge), (bn, merge), (merge, out)]:
        spec.add_edge(src, dst)
    project.network = spec
    doc = Document(project)
    assert doc.problems() == []
    view = CanvasView(doc)
    qtbot.addWidget(view)
    neurons = NeuronView(doc, view)
    neurons.set_enabled(True)
    items = view.canvas_scene.node_items
    counts = {node_id: len(item.tiles) for node_id, item in items.items()}
    assert counts == {inp: 2, a: 3, b: 3, add: 3, cat: 6, act: 3, bn: 6, merge: 8, out: 1}
    assert items[merge].more_units == 1  # 9 units: the first 8 and "+1 more"
    assert set(view.canvas_scene.link_items) == {(inp, a), (inp, b), (merge, out)}
    expected = _dense_free_outputs(doc)
    for node_id in (add, cat, act, bn):
        for tile in items[node_id].tiles:
            np.testing.assert_allclose(tile.values, expected[node_id][:, :, tile.unit], atol=1e-5)
    # sigmoid's fixed 0..1 scale, relu's symmetric one
    assert unit_levels("sigmoid", expected[act]) == (0.0, 1.0)


def _dense_free_outputs(doc):
    session = Session.from_project(doc.project)
    _xs, _ys, points = grid_points(session.dataset.bounds, GRID_RESOLUTION)
    outs = unit_outputs(session.network, session.dataset.preprocessor.transform(points))
    return {k: v.reshape(GRID_RESOLUTION, GRID_RESOLUTION, -1)[::2, ::2] for k, v in outs.items()}


def test_an_invalid_network_clears_the_tiles_and_a_valid_one_redraws(setup):
    doc, view, neurons = setup
    inp, d1, d2, _out = _ids(doc)
    edge = next(e for e in doc.spec.edges if e.src == d1 and e.dst == d2)
    doc.disconnect(edge)
    neurons.refresh()
    assert doc.problems()
    tiles = view.canvas_scene.node_items[inp].tiles
    assert tiles and all(t.values is None for t in tiles)  # no stale maps
    doc.undo()
    neurons.refresh()
    assert all(t.values is not None for t in view.canvas_scene.node_items[inp].tiles)


def test_weight_lines_regroup_only_when_a_pen_changes(setup):
    from nnstudio.gui.weight_lines import _NEG_LINE

    doc, view, _neurons = setup
    inp, d1, *_ = _ids(doc)
    link = view.canvas_scene.link_items[(inp, d1)]
    w = np.array(link.weights, dtype=np.float32)
    buckets = link._buckets
    link.set_weights(w * (1 + 1e-7))  # a training step too small to change any pen
    assert link._buckets is buckets
    np.testing.assert_allclose(link.weights, w * (1 + 1e-7))  # tooltips read the new ones
    flipped = w.copy()
    flipped[0, 0] = -abs(w).max()  # now the widest, and negative: a new pen
    link.set_weights(flipped)
    assert link._buckets is not buckets
    first = next(ln for i, j, ln in link.segments() if (i, j) == (0, 0))
    pens = [pen for pen, lines in link._buckets if first in lines]
    assert len(pens) == 1 and pens[0].color() == _NEG_LINE
    assert pens[0].widthF() == pytest.approx(MAX_WIDTH)
