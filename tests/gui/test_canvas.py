"""Canvas: mirrors the document; drop, link, move, select, delete through real mouse/key events."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnstudio.graph import Edge


def _vp(view, scene_pos: QPointF) -> QPoint:
    """Viewport coordinates of a scene position."""
    return view.mapFromScene(scene_pos)


def _drag(view, start: QPointF, end: QPointF, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates)."""
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, modifier, _vp(view, start))
    for t in (0.25, 0.5, 0.75, 1.0):
        p = start + (end - start) * t
        QTest.mouseMove(vp, _vp(view, p))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, _vp(view, end))


def _click(view, pos: QPointF, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, _vp(view, pos))


def _center(item) -> QPointF:
    return item.sceneBoundingRect().center()


def test_scene_mirrors_the_document_with_labels(canvas):
    scene = canvas.canvas_scene
    assert set(scene.node_items) == {"input_1", "dense_1", "dense_2", "dense_3"}
    assert set(scene.edge_items) == set(canvas.document.spec.edges)
    item = scene.node_items["dense_2"]
    assert item.title == "Dense"
    assert item.detail == "16 units · tanh"
    assert item.shape_text == "(16,)"
    assert item.count_text == "272 params"
    assert item.pos() == QPointF(*canvas.document.spec.nodes["dense_2"].pos)
    assert not item.problems


def test_drop_palette_item_creates_node_at_drop_point(canvas, qtbot):
    from nnstudio.gui.palette import Palette

    palette = Palette()
    qtbot.addWidget(palette)
    mime = palette.tree.mimeData([palette.item_for("dropout")])
    drop_scene = canvas.mapToScene(QPoint(400, 420))
    pos = QPointF(canvas.mapFromScene(drop_scene))
    vp = canvas.viewport()
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(vp, drop)
    doc = canvas.document
    assert "dropout_1" in doc.spec.nodes
    item = canvas.canvas_scene.node_items["dropout_1"]
    center = _center(item)
    assert abs(center.x() - drop_scene.x()) < 1.5 and abs(center.y() - drop_scene.y()) < 1.5
    assert item.isSelected()
    doc.undo_stack.undo()
    assert "dropout_1" not in canvas.canvas_scene.node_items


def test_foreign_drop_is_ignored(canvas):
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setText("dense")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas.viewport(), enter)
    assert not enter.isAccepted()


def test_drag_from_output_port_connects_and_cycle_is_refused(canvas, qtbot):
    doc = canvas.document
    scene = canvas.canvas_scene
    x3, y3 = doc.spec.nodes["dense_3"].pos
    drop = doc.add_node("dropout", (x3, y3 + 140))
    merge = doc.add_node("add", (x3 - 220, y3 + 140))
    canvas.fit_all()
    # dense_3's output port -> the dropout node's input port
    start = scene.node_items["dense_3"].output_port_scene()
    end = scene.node_items[drop].input_port_scene()
    _drag(canvas, start, end)
    assert Edge("dense_3", drop, 0) in doc.spec.edges
    assert Edge("dense_3", drop, 0) in scene.edge_items
    assert doc.undo_stack.count() == 3
    # drop -> merge is fine, merge -> drop would close a cycle
    _drag(canvas, scene.node_items[drop].output_port_scene(), _center(scene.node_items[merge]))
    assert Edge(drop, merge, 0) in doc.spec.edges
    count = doc.undo_stack.count()
    with qtbot.waitSignal(canvas.message) as blocker:
        _drag(canvas, scene.node_items[merge].output_port_scene(), _center(scene.node_items[drop]))
    assert "cycle" in blocker.args[0]
    assert doc.undo_stack.count() == count
    assert not any(e.src == merge for e in doc.spec.edges)
    # the temporary link line is gone
    from nnstudio.gui.canvas_items import LinkLineItem

    assert not [i for i in scene.items() if isinstance(i, LinkLineItem)]
    doc.undo_stack.undo()
    assert Edge(drop, merge, 0) not in scene.edge_items


def test_link_line_follows_mouse_while_dragging(canvas):
    from nnstudio.gui.canvas_items import LinkLineItem

    scene = canvas.canvas_scene
    start = scene.node_items["dense_3"].output_port_scene()
    vp = canvas.viewport()
    QTest.mousePress(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(canvas, start)
    )
    target = start + QPointF(80, 120)
    QTest.mouseMove(vp, _vp(canvas, target))
    lines = [i for i in scene.items() if isinstance(i, LinkLineItem)]
    assert len(lines) == 1
    end = lines[0].path().pointAtPercent(1.0)
    assert abs(end.x() - target.x()) < 3 and abs(end.y() - target.y()) < 3
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(canvas, target)
    )
    assert not [i for i in scene.items() if isinstance(i, LinkLineItem)]
    assert canvas.document.undo_stack.count() == 0


def test_moving_selected_nodes_is_one_undo_step(canvas):
    doc = canvas.document
    scene = canvas.canvas_scene
    before = {i: doc.spec.nodes[i].pos for i in doc.spec.nodes}
    _click(canvas, _center(scene.node_items["dense_1"]))
    _click(canvas, _center(scene.node_items["dense_2"]), Qt.KeyboardModifier.ControlModifier)
    assert sorted(canvas.selected_node_ids()) == ["dense_1", "dense_2"]
    start = _center(scene.node_items["dense_1"])
    _drag(canvas, start, start + QPointF(60, 90))
    assert doc.undo_stack.count() == 1
    for node_id in ("dense_1", "dense_2"):
        x, y = doc.spec.nodes[node_id].pos
        bx, by = before[node_id]
        assert abs(x - bx - 60) < 2 and abs(y - by - 90) < 2
        assert scene.node_items[node_id].pos() == QPointF(x, y)
    assert doc.spec.nodes["dense_3"].pos == before["dense_3"]
    # the edges follow the node
    edge_item = scene.edge_items[Edge("dense_1", "dense_2", 0)]
    assert edge_item.path().pointAtPercent(0).x() > scene.node_items["dense_1"].pos().x()
    doc.undo_stack.undo()
    assert {i: doc.spec.nodes[i].pos for i in doc.spec.nodes} == before
    assert scene.node_items["dense_1"].pos() == QPointF(*before["dense_1"])


def test_rubber_band_selects_and_delete_key_removes_with_undo(canvas, qtbot):
    doc = canvas.document
    scene = canvas.canvas_scene
    r1 = scene.node_items["dense_1"].sceneBoundingRect()
    r2 = scene.node_items["dense_2"].sceneBoundingRect()
    start = QPointF(r1.left() - 5, r1.top() - 25)
    end = QPointF(r2.right() - 30, r2.bottom() + 25)
    with qtbot.waitSignal(canvas.selectionChangedIds):
        _drag(canvas, start, end)
    assert sorted(canvas.selected_node_ids()) == ["dense_1", "dense_2"]
    before = doc.spec.to_dict()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert set(doc.spec.nodes) == {"input_1", "dense_3"}
    assert doc.spec.edges == []
    assert set(scene.node_items) == {"input_1", "dense_3"} and not scene.edge_items
    doc.undo_stack.undo()
    assert doc.spec.to_dict() == before
    assert set(scene.edge_items) == set(doc.spec.edges) and len(scene.edge_items) == 3


def test_selected_edge_is_deleted_and_invalid_node_is_marked(canvas):
    doc = canvas.document
    scene = canvas.canvas_scene
    edge = Edge("dense_2", "dense_3", 0)
    scene.edge_items[edge].setSelected(True)
    canvas.delete_selection()
    assert edge not in doc.spec.edges
    item = scene.node_items["dense_3"]
    assert item.problems, "dense_3 lost its input and must be marked invalid"
    assert item.problems[0] in item.toolTip()
    doc.undo_stack.undo()
    assert not scene.node_items["dense_3"].problems


def test_copy_paste_and_duplicate_shortcuts(canvas):
    doc = canvas.document
    canvas.select_nodes(["dense_1", "dense_2"])
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.spec.nodes) == 6
    new = canvas.selected_node_ids()
    assert len(new) == 2 and not set(new) & {"dense_1", "dense_2"}
    assert len(doc.spec.edges) == 4
    QTest.keyClick(canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.spec.nodes) == 8
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert set(canvas.canvas_scene.node_items) == {"input_1", "dense_1", "dense_2", "dense_3"}


def test_context_menu_offers_delete_and_duplicate(canvas):
    node = canvas.canvas_scene.node_items["dense_2"]
    menu = canvas.build_context_menu(_center(node))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "Delete" in texts and "Duplicate" in texts
    next(a for a in menu.actions() if a.text() == "Duplicate").trigger()
    assert len(canvas.document.spec.nodes) == 5
    empty = canvas.build_context_menu(QPointF(-5000, -5000))
    assert "Auto-arrange" in [a.text() for a in empty.actions()]


def test_zoom_fit_and_project_replacement(canvas, qtbot):
    from nnstudio.io import make_template

    z = canvas.zoom
    canvas.zoom_in()
    assert canvas.zoom > z
    canvas.zoom_out()
    canvas.zoom_out()
    assert canvas.zoom < z
    canvas.fit_all()
    view_rect = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    for item in canvas.canvas_scene.node_items.values():
        assert view_rect.contains(item.sceneBoundingRect())
    canvas.document.replace_project(make_template("xor"))
    assert set(canvas.canvas_scene.node_items) == set(canvas.document.spec.nodes)


def test_export_png_and_svg(canvas, tmp_path):
    png = tmp_path / "net.png"
    canvas.export_image(png)
    image = QImage(str(png))
    assert image.width() > image.height() > 50
    base = canvas.palette().color(QPalette.ColorRole.Base)
    assert image.pixelColor(2, 2) == base
    distinct = {image.pixelColor(x, image.height() // 2).name() for x in range(image.width())}
    assert len(distinct) > 5  # nodes and edges were drawn
    svg = tmp_path / "net.svg"
    canvas.export_image(svg)
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "dense_2" in text


def test_locked_canvas_refuses_edits_with_a_message(canvas, qtbot):
    doc = canvas.document
    doc.set_locked("Training is running")
    with qtbot.waitSignal(canvas.message) as blocker:
        canvas.add_node_at("dense", QPointF(0, 300))
    assert "Training is running" in blocker.args[0]
    canvas.select_nodes(["dense_2"])
    with qtbot.waitSignal(canvas.message):
        canvas.delete_selection()
    assert len(doc.spec.nodes) == 4 and doc.undo_stack.count() == 0
    # moving is layout only and stays allowed; a plain click is not a move
    item = canvas.canvas_scene.node_items["dense_2"]
    _click(canvas, _center(item))
    assert doc.undo_stack.count() == 0
    _drag(canvas, _center(item), _center(item) + QPointF(0, 80))
    assert doc.undo_stack.count() == 1
