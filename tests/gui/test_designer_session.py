"""A whole design session through the real widgets, then undone and redone step by step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def _vp(view, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def _drag(view, start: QPointF, end: QPointF) -> None:
    vp = view.viewport()
    QTest.mousePress(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(view, start)
    )
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(vp, _vp(view, start + (end - start) * t))
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(view, end)
    )


def _drop(view, kind: str, viewport_pos: QPoint) -> None:
    from nnstudio.gui.palette import layer_mime_data

    mime = layer_mime_data(kind)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(viewport_pos, *args))
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(viewport_pos), *args))


def _state(view) -> tuple:
    """The document and what the scene shows of it."""
    doc = view.document
    scene = view.canvas_scene
    shown = (
        sorted(scene.node_items),
        sorted((e.src, e.dst, e.slot) for e in scene.edge_items),
        sorted(
            (i, item.pos().x(), item.pos().y(), item.detail) for i, item in scene.node_items.items()
        ),
    )
    return doc.spec.to_dict(), shown


def test_design_session_undoes_and_redoes_step_by_step(canvas, qtbot):
    from nnstudio.gui.inspector import Inspector

    doc = canvas.document
    scene = canvas.canvas_scene
    inspector = Inspector(doc)
    qtbot.addWidget(inspector)
    inspector.show()
    canvas.selectionChangedIds.connect(
        lambda ids: inspector.show_node(ids[0] if len(ids) == 1 else None)
    )
    states = [_state(canvas)]

    # 1. drop a Dense below the network
    _drop(canvas, "dense", QPoint(600, 440))
    new = "dense_4"
    assert new in doc.spec.nodes and inspector.node_id == new
    states.append(_state(canvas))
    # 2-3. edit it in the inspector (one step each): the node's labels follow
    inspector.editors["units"].setValue(4)
    states.append(_state(canvas))
    inspector.editors["activation"].setCurrentText("elu")
    item = scene.node_items[new]
    assert item.detail == "4 units · elu"
    assert item.shape_text == "(4,)" and item.count_text == ""  # no input yet: no weights
    states.append(_state(canvas))
    # 4. connect dense_2 -> it by dragging from the output port
    _drag(
        canvas, scene.node_items["dense_2"].output_port_scene(), item.sceneBoundingRect().center()
    )
    assert item.shape_text == "(4,)" and item.count_text == f"{16 * 4 + 4} params"
    states.append(_state(canvas))
    # 5. move it
    start = item.sceneBoundingRect().center()
    _drag(canvas, start, start + QPointF(-80, 40))
    states.append(_state(canvas))
    # 6. duplicate it (Ctrl+D), 7. delete the copy (Del), 8. auto-arrange
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.spec.nodes) == 6
    states.append(_state(canvas))
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(doc.spec.nodes) == 5
    states.append(_state(canvas))
    doc.auto_arrange()
    states.append(_state(canvas))

    assert doc.undo_stack.count() == len(states) - 1  # one undo step per gesture
    assert doc.undo_stack.text(5) == "Duplicate dense_4"
    assert all(a != b for a, b in zip(states, states[1:], strict=False))  # each step did something
    # walk back: every step restores the document and the scene exactly
    for expected in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert _state(canvas) == expected
    # and forward again
    for expected in states[1:]:
        doc.undo_stack.redo()
        assert _state(canvas) == expected
