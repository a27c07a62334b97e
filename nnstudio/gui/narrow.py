"""What lets a dock get narrow without cutting anything off (the window fits 1024x700 in
every language):

- :func:`narrow_combo`: a combo box sized to a few characters, not its longest entry (a
  longer current entry elides; the open list shows every entry whole);
- :class:`WrapRow`: a row of buttons or check boxes that wraps onto more lines when the
  dock is narrower than the row; its minimum height grows by as much;
- :class:`VScrollArea`: a tall form scrolls up and down when its dock is short; its
  minimum width is the form's (nothing hides behind the right edge);
- :class:`SideColumns`: the left and right dock columns keep their share of the window's
  width when it is resized (as a splitter's panes do), so a smaller window does not take
  everything from the canvas and the bottom docks' tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStyle,
    QWidget,
)

#: characters a narrow combo box shows before it elides (its popup is as wide as needed)
COMBO_CHARS = 12


def narrow_combo(combo: QComboBox, chars: int = COMBO_CHARS) -> QComboBox:
    """Make ``combo``'s minimum width ``chars`` characters (plus its icon), not its
    longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line where the next one would not fit.

    Its minimum width is its widest item's; its minimum height is that of the lines the
    items take at the width it was last given (:attr:`lines` of them).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.lines = 1

    # ------------------------------------------------------------------ QLayout API
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._arrange(QRect(0, 0, width, 0), move=False)[0]

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        lines = self._arrange(rect, move=True)[1]
        if lines != self.lines:
            self.lines = lines
            if self.parentWidget() is not None:  # its minimum height changed
                self.parentWidget().updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """All items on one line."""
        shown = self._shown()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        """The widest item; as high as the lines at the width last laid out."""
        m = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._shown()), default=0)
        laid_out = self.geometry().width()
        height = self.heightForWidth(laid_out) if laid_out > 0 else self.sizeHint().height()
        return QSize(width + m.left() + m.right(), height)

    # ------------------------------------------------------------------ placing
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        gap = self.spacing()
        parent = self.parentWidget()
        if gap < 0 and parent is not None:
            gap = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return max(gap, 0)

    def _arrange(self, rect: QRect, *, move: bool) -> tuple[int, int]:
        """Place the items in ``rect`` (when ``move``); returns (height, lines) they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line, lines, gap = area.x(), area.y(), 0, 1, self._gap()
        for item in self._shown():
            size = item.sizeHint().expandedTo(item.minimumSize())
            if x > area.x() and x + size.width() > area.x() + area.width():
                x, y, line, lines = area.x(), y + line + gap, 0, lines + 1
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + gap
            line = max(line, size.height())
        return y + line - area.y() + m.top() + m.bottom(), lines


class WrapRow(QWidget):
    """A row of widgets (:meth:`addWidget`) that wraps onto more lines when it is narrow;
    its minimum height is that of its lines, so the dock it is in gives it room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 (like QBoxLayout's)
        self.flow.addWidget(widget)


class VScrollArea(QScrollArea):
    """Scrolls ``widget`` vertically only; as narrow as the widget can be, never narrower.

    Its minimum height is small (the dock may be short) and its minimum width follows the
    widget's as that changes (e.g. another layer's form). When the widget gets taller than
    the area shows, the area asks its dock for the missing height (the window gives what
    the other docks can spare); the rest scrolls.
    """

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        self._asked = 0  # the widget's height when it last asked for room

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        widget = self.widget()
        if widget is None:
            return hint
        bar = self.verticalScrollBar().minimumSizeHint()
        frame = 2 * self.frameWidth()
        width = max(hint.width(), widget.minimumSizeHint().width() + bar.width() + frame)
        return QSize(width, bar.height() + frame)  # as short as its scroll bar

    def needed_height(self) -> int:
        """The widget's whole height at the width it has beside a scroll bar (the
        narrower of the two, so that asking for it makes the scroll bar go)."""
        widget = self.widget()
        need = widget.minimumSizeHint().height()
        if widget.hasHeightForWidth():
            bar = self.verticalScrollBar().sizeHint().width()
            need = max(need, widget.heightForWidth(self.width() - bar - 2 * self.frameWidth()))
        return need

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the widget's minimum width may have changed
            QTimer.singleShot(0, self, self.ask_for_room)  # once its layout has settled
        return super().eventFilter(obj, event)

    def ask_for_room(self) -> None:
        """Grow the dock by what the widget newly lacks (only when it got taller)."""
        widget, need = self.widget(), self.needed_height() if self.widget() else 0
        grew, self._asked = need > self._asked, need
        missing = need - self.viewport().height()
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        window = dock.parentWidget() if dock is not None else None
        if not grew or missing <= 0 or not isinstance(window, QMainWindow) or not widget:
            return
        if dock.isFloating() or not self.isVisible():
            return
        window.resizeDocks([dock], [dock.height() + missing], Qt.Orientation.Vertical)
        if isinstance(self.parentWidget(), QSplitter):  # once the dock has its new height
            retry = lambda: self._take_splitter_room(need, dock, window, 2)  # noqa: E731
            QTimer.singleShot(0, self, retry)  # (never after this area is gone)

    def _take_splitter_room(
        self, need: int, dock: QDockWidget, window: QMainWindow, tries: int
    ) -> None:
        """In a splitter, this pane gets the dock's new height first (the other panes
        keep their minimum); then the dock grows by what is still missing, if it can."""
        splitter = self.parentWidget()
        sizes, i = splitter.sizes(), splitter.indexOf(self)
        floors = [_min_height(splitter.widget(j)) for j in range(len(sizes))]
        spare = sum(max(h - floors[j], 0) for j, h in enumerate(sizes) if j != i)
        take = max(min(need - sizes[i], spare), 0)
        if take:
            left = take
            for j in range(len(sizes)):
                if j != i and left:
                    give = min(max(sizes[j] - floors[j], 0), left)
                    sizes[j] -= give
                    left -= give
            sizes[i] += take
            splitter.setSizes(sizes)
        short = need - sizes[i]
        if short > 0 and tries > 1:
            window.resizeDocks([dock], [dock.height() + short], Qt.Orientation.Vertical)
            retry = lambda: self._take_splitter_room(need, dock, window, tries - 1)  # noqa: E731
            QTimer.singleShot(0, self, retry)


def _min_height(widget: QWidget) -> int:
    """The height a layout will not squeeze ``widget`` below."""
    return widget.minimumHeight() or widget.minimumSizeHint().height()


class SideColumns(QObject):
    """Scales the left and right dock columns with ``window``'s width (see the module
    docstring); a column never gets narrower than its docks' minimum, and gets its share
    back when the window is widened again. A column the user resized keeps the new width
    as its share."""

    AREAS = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)

    def __init__(self, window: QMainWindow, *, filter_events: bool = True) -> None:
        """``filter_events=False``: the window calls :meth:`resized` from its own
        ``resizeEvent`` instead (an event filter runs Python for every event the window
        gets, dozens a second while training draws)."""
        super().__init__(window)
        self.window = window
        #: per area: (the width the column should have, the width it was given)
        self._widths: dict[Qt.DockWidgetArea, tuple[float, int]] = {}
        if filter_events:
            window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if obj is self.window and event.type() == QEvent.Type.Resize:
            self.resized(event)
        return False

    def resized(self, event: QResizeEvent) -> None:
        """The window was resized: scale the columns by the change of its width."""
        old, new = event.oldSize().width(), event.size().width()
        if self.window.isVisible() and old > 0 and new > 0 and old != new:
            self.scale(new / old)

    def column(self, area: Qt.DockWidgetArea) -> QDockWidget | None:
        """A dock on screen in ``area`` (setting its width sets its column's)."""
        for dock in self.window.findChildren(QDockWidget):
            if (
                dock.isVisible()
                and not dock.isFloating()
                and self.window.dockWidgetArea(dock) == area
                and dock.x() >= 0  # a dock behind another's tab is moved off the window
            ):
                return dock
        return None

    def scale(self, factor: float) -> None:
        """Multiply each side column's width by ``factor``."""
        docks, widths = [], []
        for area in self.AREAS:
            dock = self.column(area)
            if dock is None:
                continue
            ideal, given = self._widths.get(area, (dock.width(), dock.width()))
            if abs(dock.width() - given) > 2:  # resized since (by the user): a new share
                ideal = dock.width()
            ideal *= factor
            width = max(round(ideal), dock.minimumSizeHint().width())
            self._widths[area] = (ideal, width)
            docks.append(dock)
            widths.append(width)
        if docks:
            self.window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
