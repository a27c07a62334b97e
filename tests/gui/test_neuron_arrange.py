"""Auto-arrange in the neuron view: tall columns of tiles get room (no node overlaps)."""

from __future__ import annotations

import itertools

from window_helpers import open_window

from nnstudio.graph import NetworkSpec
from nnstudio.io import make_template


def _branching_project():
    """input -> two parallel Dense(8) -> concatenate -> Dense(1): two tall columns side
    by side in one layer."""
    project = make_template("circle")
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2}, node_id="input_1")
    spec.add_node("dense", {"units": 8, "activation": "tanh"}, node_id="left")
    spec.add_node("dense", {"units": 8, "activation": "tanh"}, node_id="right")
    spec.add_node("concat", node_id="join")
    spec.add_node("dense", {"units": 1, "activation": "sigmoid"}, node_id="out")
    for src, dst in (
        ("input_1", "left"),
        ("input_1", "right"),
        ("left", "join"),
        ("right", "join"),
        ("join", "out"),
    ):
        spec.add_edge(src, dst)
    project.network = spec
    return project


def _overlaps(scene) -> list[tuple[str, str]]:
    items = scene.node_items
    return [
        (a, b)
        for a, b in itertools.combinations(items, 2)
        if items[a].sceneBoundingRect().intersects(items[b].sceneBoundingRect())
    ]


def test_auto_arrange_leaves_room_for_tile_columns(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, _branching_project())
    assert not window.document.problems()
    scene = window.canvas.canvas_scene
    window.arrange_action.trigger()  # boxes first: the usual layout
    assert _overlaps(scene) == []
    window.neuron_view_action.trigger()
    qtbot.waitUntil(lambda: len(scene.node_items["left"].tiles) == 8)
    window.arrange_action.trigger()
    assert _overlaps(scene) == []
    left, right = scene.node_items["left"], scene.node_items["right"]
    assert left.height > 300  # a column of 8 tiles
    gap = abs(left.sceneBoundingRect().center().y() - right.sceneBoundingRect().center().y())
    assert gap >= left.height + 20
    # one undo step puts the nodes back
    window.document.undo_stack.undo()
    assert _overlaps(scene) != []
