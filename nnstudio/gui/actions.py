"""The main window's actions, menus, toolbar and window-wide Space shortcut.

:func:`create_actions` makes every QAction as an attribute of the window (``train_action``,
``undo_action``, ...) connected to the window's slots through its error guard;
:func:`create_menus` arranges them in the menu bar and the toolbar. Other panels add
their own entries to the menus afterwards (``window.view_menu``, ``window.help_menu``...).
:class:`SpaceShortcut` lets Space reach Train/Pause wherever focus is, except in a text
field being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from nnstudio import __version__
from nnstudio.io import TEMPLATES

from .i18n import catalog_tr

if TYPE_CHECKING:
    from .main_window import MainWindow

#: format -> (menu label, file filter, suffix) of the model exports
EXPORT_FORMATS = {
    "npz": ("NumPy weights (.npz)", "NumPy archives (*.npz)", ".npz"),
    "safetensors": ("safetensors", "safetensors (*.safetensors)", ".safetensors"),
    "onnx": ("ONNX model", "ONNX models (*.onnx)", ".onnx"),
    "pytorch": ("PyTorch module (.py)", "Python files (*.py)", ".py"),
    "numpy": ("Standalone NumPy script (.py)", "Python files (*.py)", ".py"),
    # a folder (model.py, train.py, weights, data, README): the name given is the folder
    "pytorch-train": ("PyTorch training script", "Folders (*)", ""),
}
TRAIN_TIP = "Start or pause training (Space)"


def _action(w: MainWindow, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
    action = QAction(text, w)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: w._guard(slot))
    w.addAction(action)
    return action


def create_actions(w: MainWindow) -> None:
    """Create the window's actions (attributes of ``w``)."""
    K = QKeySequence.StandardKey
    tr = w.tr
    w.new_action = _action(w, tr("&New…"), w.new_project, K.New, tr("New project"))
    w.open_action = _action(w, tr("&Open…"), w.open_dialog, K.Open, tr("Open a project"))
    w.save_action = _action(w, tr("&Save"), w.save, K.Save, tr("Save the project"))
    w.save_as_action = _action(w, tr("Save &As…"), w.save_as, K.SaveAs)
    w.import_weights_action = _action(w, tr("&Import Weights…"), w.import_weights)
    w.export_plot_png_action = _action(w, tr("Plots as &PNG…"), w.export_plots_png)
    w.export_plot_svg_action = _action(w, tr("Plots as S&VG…"), w.export_plots_svg)
    w.export_curves_csv_action = _action(w, tr("Curves as &CSV…"), w.export_curves_csv)
    w.export_canvas_action = _action(w, tr("&Canvas as PNG…"), w.export_canvas)
    w.export_canvas_svg_action = _action(
        w, tr("Canvas as &SVG…"), lambda: w.export_canvas(svg=True)
    )
    w.quit_action = _action(w, tr("&Quit"), w.close, K.Quit)

    # Undo/redo go through the document (not QUndoStack.createUndoAction) so a step the
    # training lock forbids is refused with a reason in the status bar.
    redo_keys = [QKeySequence(K.Redo)]
    if QKeySequence(K.Redo) != QKeySequence("Ctrl+Shift+Z"):
        redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
    w.undo_action = _action(w, tr("&Undo"), w.undo, K.Undo)
    w.redo_action = _action(w, tr("&Redo"), w.redo, redo_keys)
    # The toolbar keeps short labels; the menu shows what will be undone.
    w.undo_action.setIconText(tr("Undo"))
    w.redo_action.setIconText(tr("Redo"))
    doc = w.document
    for signal in (doc.undo_stack.indexChanged, doc.undo_stack.cleanChanged, doc.lockChanged):
        signal.connect(lambda *_a: update_undo_actions(w))
    update_undo_actions(w)

    # the canvas implements these on its own selection (nodes and edges)
    canvas = w.canvas
    w.delete_action = _action(w, tr("&Delete"), canvas.delete_selection, K.Delete)
    w.select_all_action = _action(w, tr("Select &All"), canvas.select_all, K.SelectAll)
    w.copy_action = _action(w, tr("&Copy"), canvas.copy_selection, K.Copy)
    w.paste_action = _action(w, tr("&Paste"), canvas.paste, K.Paste)
    w.duplicate_action = _action(w, tr("D&uplicate"), canvas.duplicate_selection, "Ctrl+D")
    for action in (
        w.delete_action,
        w.copy_action,
        w.paste_action,
        w.duplicate_action,
        w.select_all_action,
    ):  # canvas edits: only while the canvas has focus (text fields keep Delete, Ctrl+C)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        w.removeAction(action)
        w.canvas.addAction(action)

    w.zoom_in_action = _action(w, tr("Zoom &In"), w.canvas.zoom_in, K.ZoomIn)
    w.zoom_out_action = _action(w, tr("Zoom &Out"), w.canvas.zoom_out, K.ZoomOut)
    w.fit_action = _action(w, tr("&Fit to View"), w.canvas.fit_all, "Ctrl+0")
    w.arrange_action = _action(w, tr("&Auto-Arrange"), w.auto_arrange, "Ctrl+L")

    w.train_action = _action(w, tr("&Train"), w.toggle_training, "Space", tr(TRAIN_TIP))
    w.step_action = _action(w, tr("&Step"), w.step, "F10", tr("Train one epoch (F10)"))
    w.stop_action = _action(
        w, tr("St&op"), w.stop_training, "Shift+Space", tr("Stop training (Shift+Space)")
    )
    w.reset_action = _action(
        w, tr("&Reset"), w.reset_training, "Ctrl+R", tr("Forget the trained weights (Ctrl+R)")
    )
    w.about_action = _action(w, tr("&About NN Studio"), lambda: show_about(w))
    w.docs_action = _action(w, tr("&Documentation"), lambda: open_docs(w), K.HelpContents)


def show_about(w: MainWindow) -> None:
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    QMessageBox.about(
        w,
        w.tr("About NN Studio"),
        f"<h3>NN Studio {__version__}</h3>"
        + w.tr("<p>Design, train and understand neural networks on your desktop.</p>")
        + f"<p>Qt {qVersion()}<br>PySide6 {PySide6.__version__}<br>"
        f"pyqtgraph {pyqtgraph.__version__}<br>NumPy {numpy.__version__}</p>",
    )


def open_docs(w: MainWindow) -> None:
    """Help > Documentation: the Markdown manual in an in-app viewer (works offline)."""
    from .help_browser import HelpBrowser

    if w.help_browser is None:
        w.help_browser = HelpBrowser(w)
    w.help_browser.show()
    w.help_browser.raise_()


def edits_text(widget: QObject | None) -> bool:
    """True for a widget where Space types a character (line edits, spin boxes, text)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit)


class SpaceShortcut(QObject):
    """Space reaches the window's Train/Pause shortcut wherever focus is (a toolbar button,
    a list, a check box), except in a text field being edited and on the canvas (which
    pans with Space held and triggers Train on a tap itself).

    An event filter on the focused widget (ShortcutOverride goes to the focus widget): a
    focused button would otherwise accept Space's ShortcutOverride (to click itself) and
    the shortcut would never fire. It follows the focus rather than filtering the whole
    application, whose every event (paints, timers, queued signals) would otherwise pass
    through Python while training draws at 60 frames a second.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._watched: QWidget | None = None
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and shiboken6.isValid(new):
            new.installEventFilter(self)
            self._watched = new

    def remove(self) -> None:
        app = QApplication.instance()
        try:
            app.focusChanged.disconnect(self._focus_changed)
        except (RuntimeError, TypeError):
            pass
        self._focus_changed(None, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        w = self.window
        if (
            event.key() != Qt.Key.Key_Space
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            or not isinstance(watched, QWidget)
            or watched.window() is not w
            or watched is w.canvas
            or w.canvas.isAncestorOf(watched)
        ):
            return False
        if edits_text(watched):
            event.accept()  # the field wants the key: it types a space, no Train/Pause
        else:
            event.ignore()  # nobody overrides: the window's shortcut fires
        return True


def update_undo_actions(w: MainWindow) -> None:
    """Name the step Undo/Redo would act on; enabled whenever the stack has one (a step
    the training lock forbids is refused with a reason when triggered)."""
    stack = w.document.undo_stack
    if not (shiboken6.isValid(stack) and shiboken6.isValid(w.undo_action)):
        return  # the window or its document is being torn down
    undo_text, redo_text = stack.undoText(), stack.redoText()
    w.undo_action.setText(w.tr("&Undo {0}").format(undo_text) if undo_text else w.tr("&Undo"))
    w.redo_action.setText(w.tr("&Redo {0}").format(redo_text) if redo_text else w.tr("&Redo"))
    w.undo_action.setEnabled(stack.canUndo())
    w.redo_action.setEnabled(stack.canRedo())


def create_menus(w: MainWindow) -> None:
    """Fill the menu bar and the training toolbar with the actions."""
    tr = w.tr
    bar = w.menuBar()
    file_menu = w.file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(w.new_action)
    file_menu.addAction(w.open_action)
    w.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(w._fill_recent_menu)
    w.examples_menu = file_menu.addMenu(tr("E&xamples"))
    for name, description in TEMPLATES.items():
        action = w.examples_menu.addAction(catalog_tr(name.replace("_", " ").capitalize()))
        action.setToolTip(catalog_tr(description))
        action.setStatusTip(catalog_tr(description))
        action.triggered.connect(lambda _c=False, n=name: w._guard(lambda: w.open_example(n)))
    file_menu.addSeparator()
    file_menu.addAction(w.save_action)
    file_menu.addAction(w.save_as_action)
    file_menu.addSeparator()
    w.export_menu = file_menu.addMenu(tr("&Export"))
    w.export_actions = {}
    for fmt, (label, _filter, _suffix) in EXPORT_FORMATS.items():
        action = w.export_menu.addAction(catalog_tr(label) + "…")
        action.triggered.connect(lambda _c=False, f=fmt: w._guard(lambda: w.export(f)))
        w.export_actions[fmt] = action
    w.export_menu.addSeparator()
    for action in (
        w.export_plot_png_action,
        w.export_plot_svg_action,
        w.export_curves_csv_action,
        w.export_canvas_action,
        w.export_canvas_svg_action,
    ):
        w.export_menu.addAction(action)
    file_menu.addAction(w.import_weights_action)
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)

    w.edit_menu = edit = bar.addMenu(tr("&Edit"))
    edit.addAction(w.undo_action)
    edit.addAction(w.redo_action)
    edit.addSeparator()
    for action in (
        w.copy_action,
        w.paste_action,
        w.duplicate_action,
        w.delete_action,
        w.select_all_action,
    ):
        edit.addAction(action)

    w.view_menu = view = bar.addMenu(tr("&View"))
    for action in (w.zoom_in_action, w.zoom_out_action, w.fit_action, w.arrange_action):
        view.addAction(action)
    view.addSeparator()
    for dock in (
        w.palette_dock,
        w.inspector_dock,
        w.training_dock,
        w.data_dock,
        w.plots_dock,
        w.surface_dock,
    ):
        view.addAction(dock.toggleViewAction())
    view.addAction(w.plots.log_check.text(), w.plots.log_check.toggle)

    w.train_menu = train = bar.addMenu(tr("&Train"))
    for action in (w.train_action, w.step_action, w.stop_action, w.reset_action):
        train.addAction(action)

    w.help_menu = help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(w.docs_action)
    help_menu.addAction(w.about_action)

    tools = QToolBar(tr("Training"))
    tools.setObjectName("TrainingToolbar")
    for action in (w.train_action, w.step_action, w.stop_action, w.reset_action):
        tools.addAction(action)
    tools.addSeparator()
    for action in (w.undo_action, w.redo_action, w.fit_action):
        tools.addAction(action)
    tools.addSeparator()
    tools.addWidget(w.reason_label)
    w.addToolBar(tools)
    w.toolbar = tools
