"""Collect every piece of text a widget tree shows, and find the English left in it; find
what does not fit in a window.

:func:`visible_texts` walks a widget and its children (labels, buttons, combo items,
tooltips, placeholders, spin-box suffixes, dock and window titles, menus and their actions,
table and tree headers and items); :func:`english_words` returns the English words of a
text once the allowed names (layer ids, formats, library names, math) are taken out.
:func:`misfits` lists what a main window squeezes below its minimum or puts outside
itself, :func:`cut_texts` the labels, buttons and dock tabs whose text is cut off.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

#: Names that stay as they are in every language (case-insensitive whole words).
ALLOWED = {
    # the app, libraries, formats, file extensions
    "nn",
    "studio",
    "onnx",
    "pytorch",
    "numpy",
    "torch",
    "safetensors",
    "csv",
    "tsv",
    "txt",
    "png",
    "svg",
    "npz",
    "json",
    "qt",
    "pyside",
    "pyqtgraph",
    "python",
    "nnstudio",
    "html",
    "py",
    "md",
    "gz",
    "nn.module",
    # optimizers, losses, metrics, math and settings that are names or ids
    "adam",
    "adamw",
    "adagrad",
    "rmsprop",
    "sgd",
    "nesterov",
    "huber",
    "mse",
    "mae",
    "bce",
    "cce",
    "rmse",
    "relu",
    "tanh",
    "sigmoid",
    "softmax",
    "elu",
    "gelu",
    "selu",
    "swish",
    "leaky_relu",
    "linear",
    "he",
    "xavier",
    "glorot",
    "lecun",
    "uniform",
    "normal",
    "auto",
    "zeros",
    "ones",
    "float32",
    "float64",
    "logits",
    "pca",
    "pc1",
    "pc2",
    "l1",
    "l2",
    "lr",
    "x1",
    "x2",
    "xy",
    "sin",
    "cos",
    "max",
    "min",
    "exp",
    "log",
    "log10",
    "eps",
    "nan",
    "inf",
    "id",
    "ids",
    "epoch",
    "dtype",
    "weight_decay",
    "ctrl",
    "shift",
    "space",
    "alt",
    "del",
    "f10",
    "esc",
    "tab",
    "nchw",
    "ir",
    "cpu",
    "api",
    "ui",
    "ok",
    # layer and node ids
    "input",
    "dense",
    "activation",
    "dropout",
    "batchnorm",
    "add",
    "concat",
    "conv2d",
    "maxpool2d",
    "avgpool2d",
    "flatten",
    "reshape",
    "input_1",
    "dense_1",
    "dense_2",
    "dense_3",
    "output",
    "image_input",
}
WORD = re.compile(r"[A-Za-z][A-Za-z_0-9.]*[A-Za-z0-9]|[A-Za-z]{2,}")
#: things that are data, not words: numbers with units, file paths, keyboard shortcuts
SKIP = re.compile(r"(\b\w+\.(nnstudio|csv|png|npz|py|onnx)\b|/[^\s]+|\b[A-Z]\b)")


def english_words(text: str, allowed: set[str] = ALLOWED) -> list[str]:
    """Words of ``text`` that are English (not an allowed name)."""
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    text = text.replace("&", "")  # mnemonics
    text = SKIP.sub(" ", text)
    words = WORD.findall(text)
    return [
        w
        for w in words
        if w.lower() not in allowed
        and not w.lower().startswith(
            tuple(a + "_" for a in ("input", "dense", "activation", "dropout", "conv2d"))
        )
    ]


def _action_texts(action: QAction, where: str) -> list[tuple[str, str]]:
    out = [(f"{where} action", action.text()), (f"{where} action tip", action.toolTip())]
    out.append((f"{where} action status", action.statusTip()))
    menu = action.menu()
    if isinstance(menu, QMenu):
        out += menu_texts(menu, f"{where} > {action.text()}")
    return out


def menu_texts(menu: QMenu, where: str = "menu") -> list[tuple[str, str]]:
    out = [(where, menu.title())]
    for action in menu.actions():
        if not action.isSeparator():
            out += _action_texts(action, where)
    return out


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of ``root`` and its descendants (shown or not)."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}({w.objectName()})"
        if w.isWindow() or isinstance(w, QDockWidget):
            out.append((name + " title", w.windowTitle()))
        out.append((name + " tooltip", w.toolTip()))
        out.append((name + " status", w.statusTip()))
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + " placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
            out += [(f"{name} item tip", w.itemData(i, 3) or "") for i in range(w.count())]
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            out += [(name + " suffix", w.suffix()), (name + " prefix", w.prefix())]
        if isinstance(w, QAbstractSpinBox):
            out.append((name + " special", w.specialValueText()))
        if isinstance(w, QTabWidget):
            out += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                out.append((name + " header", item.text() if item else ""))
        if isinstance(w, QTreeWidget):
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                out += [(name + " item", item.text(0)), (name + " item tip", item.toolTip(0))]
                stack += [item.child(i) for i in range(item.childCount())]
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                out += [(name + " item", w.item(i).text()), (name + " tip", w.item(i).toolTip())]
        if isinstance(w, QMenu):
            out += menu_texts(w, name)
        for action in w.actions():
            if not action.isSeparator():
                out += _action_texts(action, name)
    return [(where, text) for where, text in out if text]


def untranslated(root: QWidget, allowed: set[str] = ALLOWED) -> list[tuple[str, str, list]]:
    """(where, text, English words) for every text of ``root`` that still has English."""
    found = []
    for where, text in visible_texts(root):
        words = english_words(text, allowed)
        if words:
            found.append((where, text, words))
    return found


# ---------------------------------------------------------------------------- fitting
_ORIGIN = QPoint(0, 0)


def docks_on_screen(window: QMainWindow) -> list[QDockWidget]:
    """The window's docks that are shown and not behind another dock's tab (Qt moves
    those off the window) nor floating."""
    return [
        d
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not d.isFloating() and d.x() >= 0 and d.y() >= 0
    ]


def misfits(window: QMainWindow) -> list[str]:
    """What does not fit: the window's minimum size bigger than the window, a dock or the
    central widget smaller than its own minimum or reaching outside the window, a
    vertical-only scroll area narrower than its content's minimum (the right edge hidden)."""
    out = []
    hint = window.minimumSizeHint()
    if hint.width() > window.width() or hint.height() > window.height():
        out.append(f"window minimum {hint.toTuple()} > size {window.size().toTuple()}")
    parts = [*docks_on_screen(window), window.centralWidget()]
    for part in parts:
        need, geo = part.minimumSizeHint().expandedTo(part.minimumSize()), part.geometry()
        name = part.objectName() or type(part).__name__
        if geo.width() < need.width() or geo.height() < need.height():
            out.append(f"{name} {geo.size().toTuple()} < its minimum {need.toTuple()}")
        if not window.rect().contains(geo):
            out.append(f"{name} at {geo.getRect()} outside the window {window.size().toTuple()}")
    for area in window.findChildren(QScrollArea):
        off = area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        widget = area.widget()
        if off and widget is not None and area.isVisible() and _on_screen(area, window):
            if widget.width() < widget.minimumSizeHint().width():
                out.append(
                    f"{type(widget).__name__} in a scroll area {widget.width()} wide "
                    f"< its minimum {widget.minimumSizeHint().width()} (right edge hidden)"
                )
    return out


def _on_screen(widget: QWidget, window: QMainWindow) -> bool:
    """Not on a dock behind a tab (those are moved off the window)."""
    return window.rect().intersects(QRect(widget.mapTo(window, _ORIGIN), widget.size()))


def cut_texts(window: QMainWindow) -> list[str]:
    """Visible labels and buttons narrower than their text (a word-wrapped label: lower
    than its lines), and dock tab bars too narrow for their tabs' whole titles."""
    cut = []
    for w in window.findChildren(QLabel) + window.findChildren(QPushButton):
        if not w.isVisible() or w.width() <= 0 or not _on_screen(w, window):
            continue
        ignored = w.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored
        text = w.text()
        name = f"{type(w).__name__}({w.objectName()}) {text[:40]!r}"
        if isinstance(w, QLabel) and w.wordWrap():
            if text and w.heightForWidth(w.width()) > w.height() + 2:
                cut.append(f"{name} needs {w.heightForWidth(w.width())} px high > {w.height()}")
            continue
        if not text or "<" in text or ignored:
            continue
        need = w.fontMetrics().horizontalAdvance(text.replace("&", ""))
        if need > w.width() + 2:
            cut.append(f"{name} {need}>{w.width()}")
    for bar in dock_tab_bars(window):
        if bar.sizeHint().width() > bar.width():
            titles = [bar.tabText(i) for i in range(bar.count())]
            cut.append(f"dock tabs {titles} need {bar.sizeHint().width()} > {bar.width()}")
    for bar in stray_tab_bars(window):
        titles = [bar.tabText(i) for i in range(bar.count())]
        cut.append(f"stray dock tabs {titles} at {bar.geometry().getRect()} over the docks")
    return cut


def _dock_groups(window: QMainWindow) -> set[frozenset[str]]:
    groups = set()
    for dock in docks_on_screen(window):
        tabbed = [d for d in window.tabifiedDockWidgets(dock) if d.isVisible()]
        if tabbed:
            groups.add(frozenset(d.windowTitle() for d in [dock, *tabbed]))
    return groups


def _shown_tab_bars(window: QMainWindow) -> list[tuple[QTabBar, frozenset[str]]]:
    """The window's own tab bars (a tab widget's are deeper) shown on the window."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    return [
        (bar, frozenset(bar.tabText(i) for i in range(bar.count())))
        for bar in window.findChildren(QTabBar, options=direct)
        if bar.isVisible() and window.rect().intersects(bar.geometry())
    ]


def dock_tab_bars(window: QMainWindow) -> list[QTabBar]:
    """The tab bars of the window's groups of tabbed docks that are on screen."""
    groups = _dock_groups(window)
    return [bar for bar, titles in _shown_tab_bars(window) if titles in groups]


def stray_tab_bars(window: QMainWindow) -> list[QTabBar]:
    """Dock tab bars on the window that name no group of docks on screen."""
    groups = _dock_groups(window)
    return [bar for bar, titles in _shown_tab_bars(window) if titles not in groups]
