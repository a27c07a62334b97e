"""The canvas's scrollable area grows to hold nodes moved (or grown) past its edge."""

from __future__ import annotations

from PySide6.QtCore import QPointF


def test_scene_rect_grows_when_a_node_is_moved_far_out(canvas, qtbot):
    item = canvas.canvas_scene.node_items["dense_3"]
    far = canvas.sceneRect().bottomRight() + QPointF(900, 700)
    assert not canvas.sceneRect().contains(far)
    item.setPos(far)
    qtbot.waitUntil(lambda: canvas.sceneRect().contains(item.sceneBoundingRect()), timeout=2000)
    # scrolling there shows it
    canvas.centerOn(item)
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.intersects(item.sceneBoundingRect())


def test_scene_rect_grows_when_a_node_grows(canvas, qtbot):
    item = canvas.canvas_scene.node_items["dense_2"]
    bottom = canvas.sceneRect().bottom()
    item.setPos(item.pos().x(), bottom - item.boundingRect().height() - 1)
    qtbot.wait(10)
    labels = [f"unit {u}" for u in range(8)]
    item.set_neurons(labels, 8, False)  # a column of tiles, taller than the box
    qtbot.waitUntil(lambda: canvas.sceneRect().contains(item.sceneBoundingRect()), timeout=2000)
