"""Canvas gestures added in the second pass: backward links, refusals, Space/middle panning,
wheel and key zoom, merge-node ports and labels, short links without overshoot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from nnstudio.graph import Edge


def _vp(view, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def _drag(view, start: QPointF, end: QPointF, button=Qt.MouseButton.LeftButton) -> None:
    vp = view.viewport()
    QTest.mousePress(vp, button, Qt.KeyboardModifier.NoModifier, _vp(view, start))
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(vp, _vp(view, start + (end - start) * t))
    QTest.mouseRelease(vp, button, Qt.KeyboardModifier.NoModifier, _vp(view, end))


def _center(item) -> QPointF:
    return item.sceneBoundingRect().center()


def test_drag_from_input_port_back_to_an_output_connects(canvas, qtbot):
    doc = canvas.document
    scene = canvas.canvas_scene
    x3, y3 = doc.spec.nodes["dense_3"].pos
    drop = doc.add_node("dropout", (x3, y3 + 160))
    canvas.fit_all()
    # from the dropout's input port back to dense_1's body
    _drag(canvas, scene.node_items[drop].input_port_scene(), _center(scene.node_items["dense_1"]))
    assert Edge("dense_1", drop, 0) in doc.spec.edges
    assert Edge("dense_1", drop, 0) in scene.edge_items
    assert doc.undo_stack.text(doc.undo_stack.count() - 1) == f"Connect dense_1 to {drop}"
    # backwards into a node downstream of it would close a cycle: refused, nothing added
    count = doc.undo_stack.count()
    with qtbot.waitSignal(canvas.message) as blocker:
        _drag(
            canvas,
            scene.node_items["dense_1"].input_port_scene(),
            _center(scene.node_items[drop]),
        )
    assert "cycle" in blocker.args[0]
    assert doc.undo_stack.count() == count


@pytest.mark.parametrize(
    ("src", "dst", "words"),
    [
        ("dense_2", "input_1", "input"),  # into the input layer
        ("dense_1", "dense_2", "already"),  # a duplicate of an existing edge
    ],
)
def test_refused_connections_explain_and_create_nothing(canvas, qtbot, src, dst, words):
    doc = canvas.document
    scene = canvas.canvas_scene
    before = list(doc.spec.edges)
    with qtbot.waitSignal(canvas.message) as blocker:
        _drag(canvas, scene.node_items[src].output_port_scene(), _center(scene.node_items[dst]))
    assert words in blocker.args[0].lower()
    assert doc.spec.edges == before and doc.undo_stack.count() == 0
    assert set(scene.edge_items) == set(before)


@pytest.fixture
def windowed_canvas(qtbot, document):
    """The canvas inside a main window whose "Space" action counts its triggers."""
    from nnstudio.gui.canvas_view import CanvasView

    window = QMainWindow()
    view = CanvasView(document)
    window.setCentralWidget(view)
    space = QAction("Train", window)
    space.setShortcut("Space")
    window.addAction(space)
    window.triggered = []
    space.triggered.connect(lambda: window.triggered.append(1))
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    view.fit_all()
    view.zoom_in()  # leave room to scroll
    view.setFocus()
    QApplication.processEvents()
    return window, view


def _scroll(view) -> tuple[int, int]:
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


def test_space_drag_pans_the_canvas_and_a_space_tap_still_trains(windowed_canvas):
    window, view = windowed_canvas
    doc = view.document
    before = _scroll(view)
    QTest.keyPress(view, Qt.Key.Key_Space)
    assert window.triggered == []  # the window shortcut did not swallow it
    vp = view.viewport()
    empty = QPoint(20, 20)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    QTest.mouseMove(vp, empty + QPoint(60, 40))
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty + QPoint(60, 40)
    )
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert _scroll(view) == (before[0] - 60, before[1] - 40)
    assert window.triggered == []  # a pan is not a tap
    assert doc.undo_stack.count() == 0 and not view.selected_node_ids()
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert window.triggered == [1]


def test_middle_drag_pans_without_selecting(windowed_canvas):
    _window, view = windowed_canvas
    before = _scroll(view)
    node = view.canvas_scene.node_items["dense_2"]
    start = _center(node)  # even when it starts on a node
    vp = view.viewport()
    p0 = _vp(view, start)
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, p0)
    QTest.mouseMove(vp, p0 + QPoint(-50, 30))
    QTest.mouseRelease(
        vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, p0 + QPoint(-50, 30)
    )
    assert _scroll(view) == (before[0] + 50, before[1] - 30)
    assert view.document.undo_stack.count() == 0
    assert view.document.spec.nodes["dense_2"].pos == (node.pos().x(), node.pos().y())


def test_wheel_and_keys_zoom_within_limits(canvas):
    from nnstudio.gui.canvas_view import MAX_ZOOM, MIN_ZOOM

    def wheel(delta: int) -> None:
        pos = QPointF(400, 250)
        event = QWheelEvent(
            pos,
            QPointF(canvas.viewport().mapToGlobal(pos.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(canvas.viewport(), event)

    z = canvas.zoom
    wheel(120)
    assert canvas.zoom == pytest.approx(z * 1.2)
    wheel(-240)
    assert canvas.zoom == pytest.approx(z / 1.2)
    for _ in range(30):
        wheel(120)
    assert canvas.zoom == pytest.approx(MAX_ZOOM)
    canvas.setFocus()
    for _ in range(40):
        QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.zoom == pytest.approx(MIN_ZOOM)
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom == pytest.approx(MIN_ZOOM * 1.2)
    QTest.keyClick(canvas, Qt.Key.Key_F)
    view_rect = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    for item in canvas.canvas_scene.node_items.values():
        assert view_rect.contains(item.sceneBoundingRect())


def test_merge_node_shows_one_port_per_input_and_counts_them(canvas):
    doc = canvas.document
    scene = canvas.canvas_scene
    x3, y3 = doc.spec.nodes["dense_3"].pos
    add = doc.add_node("add", (x3 + 240, y3))
    item = scene.node_items[add]
    assert item.detail == "needs 2+ inputs" and item.n_inputs == 0
    doc.connect("dense_1", add)
    doc.connect("dense_2", add)
    assert item.detail == "sum of 2 inputs" and item.n_inputs == 2
    ends = sorted(scene.edge_items[e].end_point().y() for e in doc.spec.edges if e.dst == add)
    assert ends[1] - ends[0] >= 14  # separate ports, far enough apart to tell edges apart
    for y in ends:  # each port is grabbable for a backward link
        assert item.is_on_input_port(QPointF(item.pos().x(), y))
    doc.remove_nodes(["dense_2"])
    assert item.n_inputs == 1 and item.detail == "needs 2+ inputs"
    doc.undo_stack.undo()
    assert item.n_inputs == 2
    concat = doc.add_node("concat", (x3 + 240, y3 + 140))
    for src in ("dense_1", "dense_2", "dense_3"):
        doc.connect(src, concat)
    assert scene.node_items[concat].detail == "3 inputs side by side"


def test_short_forward_links_do_not_overshoot():
    from nnstudio.gui.canvas_items import link_path

    start, end = QPointF(0, 0), QPointF(40, -8)  # neighbouring nodes, slightly offset ports
    path = link_path(start, end)
    xs = [path.pointAtPercent(t / 50).x() for t in range(51)]
    assert min(xs) >= -0.5 and max(xs) <= 40.5
    back = link_path(QPointF(0, 0), QPointF(-100, 120))  # a backward link still bulges out
    assert max(back.pointAtPercent(t / 50).x() for t in range(51)) > 5


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette(QApplication.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e0e0e0"),
        (QPalette.ColorRole.Highlight, "#3d8ee6"),
    ):
        pal.setColor(role, QColor(color))
    return pal


@pytest.mark.parametrize("dark", [False, True])
def test_exported_labels_contrast_with_their_node_in_both_palettes(canvas, tmp_path, dark):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage

    from nnstudio.gui.canvas_items import HEADER_HEIGHT, NODE_HEIGHT, NODE_WIDTH, NodeItem

    if dark:
        canvas.setPalette(_dark_palette())
        canvas.canvas_scene.setPalette(_dark_palette())
    path = tmp_path / "net.png"
    canvas.export_image(path, scale=2.0)
    image = QImage(str(path))
    rect = QRectF()
    for item in canvas.canvas_scene.items():
        rect = rect.united(item.sceneBoundingRect())
    rect = rect.adjusted(-20, -20, 20, 20)
    node = canvas.canvas_scene.node_items["dense_2"]
    assert isinstance(node, NodeItem)
    # the body below the header: its text row ("16 units · tanh") and the plain body colour
    body = QRectF(node.pos().x() + 8, node.pos().y() + HEADER_HEIGHT + 4, NODE_WIDTH - 16, 0)
    body.setHeight(NODE_HEIGHT - HEADER_HEIGHT - 8)
    x0, y0 = (body.left() - rect.left()) * 2, (body.top() - rect.top()) * 2
    values = [
        image.pixelColor(int(x0 + dx), int(y0 + dy)).lightness()
        for dx in range(0, int(body.width() * 2), 2)
        for dy in range(0, int(body.height() * 2), 2)
    ]
    background = max(set(values), key=values.count)  # the body colour is the most common
    text = [v for v in values if abs(v - background) > 100]
    assert (background < 80) if dark else (background > 180)
    assert len(text) > 30  # plenty of strongly contrasting text pixels
    corner = image.pixelColor(2, 2).lightness()
    assert (corner < 80) if dark else (corner > 180)
