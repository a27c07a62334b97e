"""Playground-grade editing (issue 10): splice onto wires, add a layer after one, the empty
project, and the "until paused" epochs setting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnstudio.graph import Edge


def _vp(view, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def _edges(doc) -> set[tuple[str, str, int]]:
    return {(e.src, e.dst, e.slot) for e in doc.spec.edges}


def _wire_point(canvas, edge: Edge) -> QPointF:
    return canvas.canvas_scene.edge_items[edge].path().pointAtPercent(0.5)


def test_dropping_a_palette_layer_on_a_wire_splices_it_in_one_undo_step(canvas, qtbot):
    from nnstudio.gui.palette import layer_mime_data

    doc = canvas.document
    before = _edges(doc)
    count = doc.undo_stack.count()
    wire = Edge("dense_1", "dense_2", 0)
    pos = _vp(canvas, _wire_point(canvas, wire))
    args = (
        Qt.DropAction.CopyAction,
        layer_mime_data("dropout"),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    vp = canvas.viewport()
    QApplication.sendEvent(vp, QDragEnterEvent(pos, *args))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, *args))
    assert canvas.canvas_scene.edge_items[wire].splice_hover  # highlighted during the drag
    QApplication.sendEvent(vp, QDropEvent(QPointF(pos), *args))
    new = next(n for n in doc.spec.nodes if n.startswith("dropout"))
    assert _edges(doc) == (before - {("dense_1", "dense_2", 0)}) | {
        ("dense_1", new, 0),
        (new, "dense_2", 0),
    }
    assert not any(item.splice_hover for item in canvas.canvas_scene.edge_items.values())
    assert doc.undo_stack.count() == count + 1
    doc.undo()
    assert _edges(doc) == before and new not in doc.spec.nodes
    doc.redo()
    assert ("dense_1", new, 0) in _edges(doc)


def test_dragging_an_unconnected_node_onto_a_wire_splices_it(canvas, qtbot):
    doc = canvas.document
    x, y = doc.spec.nodes["dense_3"].pos
    node_id = doc.add_node("batchnorm", (x, y + 250))
    canvas.fit_all()
    before = _edges(doc)
    count = doc.undo_stack.count()
    scene = canvas.canvas_scene
    item = scene.node_items[node_id]
    start = item.mapToScene(QPointF(item.width / 2, item.height - 12))  # body, no button
    wire = Edge("dense_2", "dense_3", 0)
    end = _wire_point(canvas, wire)
    vp = canvas.viewport()
    QTest.mousePress(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(canvas, start)
    )
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(vp, _vp(canvas, start + (end - start) * t))
    assert scene.edge_items[wire].splice_hover
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(canvas, end)
    )
    assert _edges(doc) == (before - {("dense_2", "dense_3", 0)}) | {
        ("dense_2", node_id, 0),
        (node_id, "dense_3", 0),
    }
    assert doc.undo_stack.count() == count + 1  # the move and the rewiring: one step
    doc.undo()
    assert _edges(doc) == before
    assert doc.spec.nodes[node_id].pos == pytest.approx((x, y + 250))
    # a connected node is never spliced: dragging dense_1 over a wire only moves it
    connected = scene.node_items["dense_1"]
    start = connected.mapToScene(QPointF(connected.width / 2, connected.height - 12))
    end = _wire_point(canvas, wire)
    QTest.mousePress(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(canvas, start)
    )
    for t in (0.5, 1.0):
        QTest.mouseMove(vp, _vp(canvas, start + (end - start) * t))
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(canvas, end)
    )
    assert _edges(doc) == before


def test_add_layer_after_a_selected_node(canvas, qtbot):
    doc = canvas.document
    before = _edges(doc)
    x2 = doc.spec.nodes["dense_2"].pos[0]
    x3 = doc.spec.nodes["dense_3"].pos[0]
    canvas.select_nodes(["dense_1"])
    new = canvas.add_layer_after_selection()
    assert doc.spec.nodes[new].kind == "dense"
    assert _edges(doc) == (before - {("dense_1", "dense_2", 0)}) | {
        ("dense_1", new, 0),
        (new, "dense_2", 0),
    }
    assert doc.spec.nodes["dense_2"].pos[0] > x2 and doc.spec.nodes["dense_3"].pos[0] > x3
    assert doc.problems() == []  # wired in: still a valid network
    assert canvas.selected_node_ids() == [new]
    doc.undo()
    assert _edges(doc) == before and new not in doc.spec.nodes
    assert doc.spec.nodes["dense_2"].pos[0] == x2
    # nothing selected: a hint, no change
    canvas.canvas_scene.clearSelection()
    with qtbot.waitSignal(canvas.message):
        assert canvas.add_layer_after_selection() is None


def test_empty_project_has_only_an_input_matching_the_data():
    from nnstudio.data import make_dataset
    from nnstudio.io import make_template
    from nnstudio.io.blank import empty_project

    data = make_template("spiral").data  # engineered features
    project = empty_project(data)
    nodes = list(project.network.nodes.values())
    assert [n.kind for n in nodes] == ["input"]
    assert nodes[0].params["units"] == make_dataset(data).n_features > 2
    assert project.network.edges == [] and project.weights is None
    assert project.data.to_dict() == data.to_dict()


def test_file_new_offers_the_empty_project(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    from window_helpers import open_window

    window = open_window(qtbot, tmp_path)
    data = window.document.project.data.to_dict()
    offered = {}

    def pick(_parent, _title, _label, items, *args):
        offered["items"] = list(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window.new_project()
    assert offered["items"][0].startswith("empty")
    assert len(offered["items"]) > 5  # the templates too, by their titles
    assert any(item.startswith("Circle — ") for item in offered["items"])
    spec = window.document.spec
    assert [n.kind for n in spec.nodes.values()] == ["input"]
    assert window.document.project.data.to_dict() == data
    assert set(window.canvas.canvas_scene.node_items) == set(spec.nodes)


def test_until_paused_setting(qtbot, document):
    from nnstudio.gui.training_panel import TrainingPanel

    panel = TrainingPanel(document)
    qtbot.addWidget(panel)
    assert document.project.training.epochs is not None
    count = panel.epochs_spin.value()
    panel.until_paused.setChecked(True)
    assert document.project.training.epochs is None
    assert not panel.epochs_spin.isEnabled() and panel.epochs_spin.value() == count
    document.undo()
    assert document.project.training.epochs == count
    assert not panel.until_paused.isChecked() and panel.epochs_spin.isEnabled()
