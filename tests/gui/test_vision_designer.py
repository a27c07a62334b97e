"""Image layers in the designer: shapes on nodes, and the one-click "insert Flatten" fix."""

from __future__ import annotations

from nnstudio.graph import Edge, FlattenNeededError
from nnstudio.gui.document import Document
from nnstudio.gui.problems import FIXABLE_ROLE, ProblemsView
from nnstudio.io import make_template


def _without_flatten(qtbot):
    """The digits-cnn template with its Flatten removed: the Dense reads (16, 4, 4)."""
    document = Document(make_template("digits-cnn"))
    assert document.shapes()["maxpool2d_1"] == (16, 4, 4)
    document.remove_nodes(["flatten_1"])
    document.connect("maxpool2d_1", "dense_1")
    return document


def test_scene_shows_image_shapes(qtbot, tmp_path):
    from nnstudio.gui.canvas_scene import CanvasScene

    document = Document(make_template("digits-cnn"))
    scene = CanvasScene(document)
    texts = {nid: item.shape_text for nid, item in scene.node_items.items()}
    assert texts["input_1"] == "(1, 8, 8)"
    assert texts["conv2d_1"] == "(16, 8, 8)"
    assert texts["flatten_1"] == "(256,)"


def test_dense_after_an_image_offers_insert_flatten(qtbot):
    document = _without_flatten(qtbot)
    problems = document.problems()
    assert [type(p) for p in problems] == [FlattenNeededError]
    assert problems[0].node_ids[:2] == ("dense_1", "maxpool2d_1")
    assert "insert a Flatten" in str(problems[0])
    view = ProblemsView(document)
    qtbot.addWidget(view)
    row = next(i for i in range(view.count()) if view.item(i).data(FIXABLE_ROLE) == "flatten")
    assert "insert Flatten" in view.item(row).text()
    depth = document.undo_stack.count()
    view.itemDoubleClicked.emit(view.item(row))
    assert document.problems() == []
    flat = [nid for nid, n in document.spec.nodes.items() if n.kind == "flatten"]
    assert len(flat) == 1
    assert Edge("maxpool2d_1", flat[0], 0) in document.spec.edges
    assert Edge(flat[0], "dense_1", 0) in document.spec.edges
    assert document.shapes()[flat[0]] == (256,)
    assert document.undo_stack.count() == depth + 1  # one undo step
    document.undo_stack.undo()
    assert [type(p) for p in document.problems()] == [FlattenNeededError]
