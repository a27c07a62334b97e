"""gui.narrow: narrow combo boxes, rows that wrap, a vertical scroll area as wide as its
form, side dock columns that keep their share of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.narrow import SideColumns, VScrollArea, WrapRow, narrow_combo

LONG = "Breast cancer (Wisconsin) and a much longer name still"


def test_a_narrow_combo_is_as_wide_as_a_few_characters_not_its_longest_entry(qtbot):
    wide, narrow = QComboBox(), narrow_combo(QComboBox(), chars=8)
    for combo in (wide, narrow):
        qtbot.addWidget(combo)
        combo.addItems(["Circle", LONG])
    long_px = narrow.fontMetrics().horizontalAdvance(LONG)
    eight_px = narrow.fontMetrics().horizontalAdvance("x" * 8)
    assert wide.minimumSizeHint().width() > long_px
    assert eight_px <= narrow.minimumSizeHint().width() < long_px
    narrow.setCurrentIndex(1)  # the long entry chosen: still narrow
    assert narrow.minimumSizeHint().width() < long_px
    assert narrow.itemText(1) == LONG  # the list keeps the whole name


def _dock_window(qtbot, content: QWidget, width: int = 800) -> tuple[QMainWindow, QDockWidget]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit())
    dock = QDockWidget("dock", window)
    dock.setObjectName("dock")
    dock.setWidget(content)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(width, 500)
    window.show()
    qtbot.waitExposed(window)
    return window, dock


def _row_widget() -> tuple[QWidget, WrapRow, list[QCheckBox], QLabel]:
    host = QWidget()
    layout = QVBoxLayout(host)
    row = WrapRow()
    checks = [QCheckBox(t) for t in ("Train points", "Test points", "Discretize output")]
    for check in checks:
        row.addWidget(check)
    layout.addWidget(row)
    below = QLabel("below")
    below.setMinimumHeight(100)
    layout.addWidget(below, 1)
    return host, row, checks, below


def test_a_wrap_row_wraps_when_narrow_and_the_dock_makes_room_for_its_lines(qtbot):
    host, row, checks, below = _row_widget()
    window, dock = _dock_window(qtbot, host)
    widest = max(c.sizeHint().width() for c in checks)
    assert row.minimumSizeHint().width() == widest  # as narrow as its widest check box
    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: row.flow.lines == 1)
    ys = {c.y() for c in checks}
    assert len(ys) == 1  # one line, left to right
    assert checks[0].x() < checks[1].x() < checks[2].x()
    one_line = dock.minimumSizeHint().height()

    window.resizeDocks([dock], [widest + 30], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: row.flow.lines == 3)
    assert [c.x() for c in checks] == [0, 0, 0]  # one check box per line
    assert checks[0].y() < checks[1].y() < checks[2].y()
    qtbot.waitUntil(lambda: dock.minimumSizeHint().height() > one_line)
    # every line shows whole, above the widget below the row
    qtbot.waitUntil(lambda: row.height() >= checks[2].geometry().bottom() + 1)
    assert below.y() >= row.geometry().bottom()
    for check in checks:
        assert check.width() >= check.sizeHint().width()

    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: row.flow.lines == 1)
    qtbot.waitUntil(lambda: dock.minimumSizeHint().height() == one_line)


def test_a_hidden_widget_takes_no_place_in_a_wrap_row(qtbot):
    row = WrapRow()
    qtbot.addWidget(row)
    a, b, c = QPushButton("a"), QPushButton("b"), QPushButton("a much wider button")
    for w in (a, b, c):
        row.addWidget(w)
    c.hide()
    row.show()
    assert row.minimumSizeHint().width() == max(a.sizeHint().width(), b.sizeHint().width())
    row.resize(row.flow.sizeHint().width(), row.flow.sizeHint().height())
    qtbot.waitUntil(lambda: b.x() > a.x())
    assert row.flow.lines == 1


def test_a_vertical_scroll_area_is_never_narrower_than_its_form(qtbot):
    form = QWidget()
    layout = QVBoxLayout(form)
    button = QPushButton("a button with a long text that needs room")
    layout.addWidget(button)
    for i in range(30):
        layout.addWidget(QLabel(f"row {i}"))
    area = VScrollArea(form)
    window, dock = _dock_window(qtbot, area)
    assert area.minimumSizeHint().width() > button.sizeHint().width()
    assert area.minimumSizeHint().height() < 100  # short: the rows scroll
    window.resizeDocks([dock], [50], Qt.Orientation.Horizontal)  # asks too little
    qtbot.wait(20)
    assert form.width() >= form.minimumSizeHint().width()  # nothing hides on the right
    assert button.width() >= button.sizeHint().width()
    # the form's minimum width changes: the area follows
    wider = QPushButton("an even longer button text that needs even more room than that")
    layout.addWidget(wider)
    qtbot.waitUntil(lambda: area.minimumSizeHint().width() > wider.sizeHint().width())
    qtbot.waitUntil(lambda: wider.width() >= wider.sizeHint().width())


def test_a_scroll_area_asks_its_dock_for_room_when_its_form_grows(qtbot):
    form = QWidget()
    layout = QVBoxLayout(form)
    layout.addWidget(QLabel("one row"))
    area = VScrollArea(form)
    window, dock = _dock_window(qtbot, area)
    other = QDockWidget("other", window)
    other.setObjectName("other")
    other.setWidget(QLabel("other"))
    window.splitDockWidget(dock, other, Qt.Orientation.Vertical)
    qtbot.wait(20)
    window.resizeDocks([dock, other], [80, 400], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: dock.height() < 150)
    short = dock.height()
    for i in range(8):  # the form gets taller than the area shows
        layout.addWidget(QPushButton(f"row {i}"))
    # the dock takes what the other dock can spare (down to its minimum); the rest scrolls
    qtbot.waitUntil(lambda: dock.height() > short + 100)
    assert area.viewport().height() > short
    assert other.height() >= other.minimumSizeHint().height()
    shown = dock.height()
    layout.itemAt(layout.count() - 1).widget().hide()  # shorter: the dock keeps its height
    qtbot.wait(50)
    assert dock.height() == shown


def test_side_columns_keep_their_share_when_the_window_is_resized(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit())
    left, right = QDockWidget("left", window), QDockWidget("right", window)
    for name, dock, area in (
        ("left", left, Qt.DockWidgetArea.LeftDockWidgetArea),
        ("right", right, Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        dock.setObjectName(name)
        dock.setWidget(QLabel(name))
        window.addDockWidget(area, dock)
    window.resize(1400, 600)
    window.show()
    qtbot.waitExposed(window)
    window.resizeDocks([left, right], [350, 420], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    SideColumns(window)
    before = (left.width(), right.width())
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: window.width() == 1000)
    qtbot.wait(20)
    for dock, was in zip((left, right), before, strict=True):
        assert abs(dock.width() - was * 1000 / 1400) <= 3, (dock.objectName(), dock.width())
    assert window.centralWidget().width() >= 0.4 * 1000
    window.resize(1400, 600)  # and back
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.wait(20)
    for dock, was in zip((left, right), before, strict=True):
        assert abs(dock.width() - was) <= 4
    # narrower than the columns' minimum and back: each gets its share again
    left.widget().setMinimumWidth(300)
    for width in (900, 700, 1000, 1400):
        window.resize(width, 600)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(20)
        assert left.width() >= 300
    assert abs(left.width() - before[0]) <= 4 and abs(right.width() - before[1]) <= 4
    # a column the user made wider keeps its new share
    window.resizeDocks([right], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(right.width() - 600) <= 2)
    window.resize(1050, 600)
    qtbot.waitUntil(lambda: window.width() == 1050)
    qtbot.wait(20)
    assert abs(right.width() - 600 * 1050 / 1400) <= 4
