"""The main window: docks around the canvas, menus, training control, files, autosave.

The window owns one :class:`~nnstudio.gui.document.Document` for its whole life (New and
Open replace the document's project, so every view stays connected). Training runs on a
QThread through :class:`~nnstudio.gui.worker.TrainingWorker`; while it runs the document
is locked for structural edits, the learning rate stays live, and snapshots feed the plots,
the decision surface and the status bar. The window never closes with a live thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QLockFile,
    QSettings,
    QStandardPaths,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from nnstudio import __version__, resources_path
from nnstudio.errors import NNStudioError
from nnstudio.gui.canvas_view import CanvasView
from nnstudio.gui.data_panel import DataPanel
from nnstudio.gui.document import Document
from nnstudio.gui.inspector import Inspector
from nnstudio.gui.palette import Palette
from nnstudio.gui.plots import TrainingPlots
from nnstudio.gui.problems import ProblemsView
from nnstudio.gui.status import TrainingStatus
from nnstudio.gui.surface import DecisionSurface
from nnstudio.gui.training_panel import TrainingPanel
from nnstudio.gui.worker import GRID_RESOLUTION, TrainingWorker, start_worker
from nnstudio.io import TEMPLATES, load_project, make_template, save_project

APP_NAME = "NN Studio"
FILE_FILTER = "NN Studio projects (*.nnstudio);;All files (*)"
MAX_RECENT = 10
AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000
TRAINING_LOCK = "Training is running"
#: TrainConfig fields a running worker accepts (engine ``Trainer.LIVE_FIELDS``).
LIVE_TRAINING_FIELDS = ("learning_rate", "epochs", "optimizer_params", "l1", "l2", "clip_norm")
EXPORT_FORMATS = {
    "npz": ("NumPy weights (.npz)", "NumPy archives (*.npz)", ".npz"),
    "safetensors": ("safetensors", "safetensors (*.safetensors)", ".safetensors"),
    "onnx": ("ONNX model", "ONNX models (*.onnx)", ".onnx"),
    "pytorch": ("PyTorch module (.py)", "Python files (*.py)", ".py"),
    "numpy": ("Standalone NumPy script (.py)", "Python files (*.py)", ".py"),
}


def recovery_file_for(folder: Path, path: str | None) -> Path:
    """The autosave file of the project at ``path`` (or of the untitled project)."""
    key = os.path.abspath(path) if path else "untitled"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    stem = Path(path).stem if path else "untitled"
    return folder / f"{stem}-{digest}.nnstudio"


class MainWindow(QMainWindow):
    """The NN Studio main window; see the module docstring.

    Args:
        project: the project to show (default: the default template).
        path: the file it came from, if any.
        settings: where geometry, docks and recent files live (default: QSettings()).
        recovery_dir: folder for autosave files (default: AppDataLocation/recovery).
    """

    trainingStarted = Signal()
    trainingFinished = Signal(object)  # the worker's result dict
    snapshotShown = Signal(object)  # the snapshot dict

    def __init__(
        self,
        project: Any = None,
        path: str | None = None,
        *,
        settings: QSettings | None = None,
        recovery_dir: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        if recovery_dir is None:
            base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
            recovery_dir = Path(base or Path.home() / ".nnstudio") / "recovery"
        self.recovery_dir = Path(recovery_dir)
        # Only the one running instance may offer other projects' autosaves back (a
        # second instance must not "recover" the files the first is still writing).
        self._instance_lock: QLockFile | None = None
        try:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(self.recovery_dir / "instance.lock"))
            if lock.tryLock(0):
                self._instance_lock = lock
        except OSError:
            pass
        self.document = Document(project if project is not None else make_template(), path)
        self.worker: TrainingWorker | None = None
        self.thread: QThread | None = None
        self.message_box: QMessageBox | None = None
        self.help_browser: Any = None
        self._selection: list[str] = []
        self._run_budget: int | None = None
        self._run_epochs = 0
        self._total_epochs = len(self.document.project.history or [])
        self._last_report: dict | None = None
        self._live_config: dict | None = None
        self._run_override: int | None = None
        self._run_done_at_start = 0
        self.surface_updates = 0
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect_document()
        self._restore_settings()

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._project_loaded()

    # =================================================================== construction
    def _build_widgets(self) -> None:
        doc = self.document
        self.canvas = CanvasView(doc)
        self.setCentralWidget(self.canvas)

        self.palette_widget = Palette()
        # double-clicking a layer kind adds it in the middle of the visible canvas
        self.palette_widget.kindActivated.connect(self.canvas.add_node_at_center)
        self.palette_dock = self._dock("Layers", "PaletteDock", self.palette_widget)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)

        self.inspector = Inspector(doc)
        self.problems_view = ProblemsView(doc)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.inspector)
        right.addWidget(self.problems_view)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        self.inspector_dock = self._dock("Inspector", "InspectorDock", right)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)

        self.training_panel = TrainingPanel(doc)
        self.training_dock = self._dock("Training", "TrainingDock", self.training_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.training_dock)
        self.data_panel = DataPanel(doc)
        self.data_dock = self._dock("Data", "DataDock", self.data_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.data_dock)
        self.tabifyDockWidget(self.training_dock, self.data_dock)
        self.training_dock.raise_()

        self.surface = DecisionSurface()
        self.surface_dock = self._dock("Decision surface", "SurfaceDock", self.surface)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.surface_dock)
        self.splitDockWidget(self.inspector_dock, self.surface_dock, Qt.Orientation.Vertical)
        # The curves live under the canvas only (the side columns run full height).
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.plots = TrainingPlots()
        self.plots_dock = self._dock("Plots", "PlotsDock", self.plots)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.plots_dock)
        self.resizeDocks(
            [self.palette_dock, self.inspector_dock], [330, 440], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.palette_dock, self.training_dock, self.inspector_dock, self.surface_dock],
            [220, 560, 300, 480],
            Qt.Orientation.Vertical,
        )
        self.resizeDocks([self.plots_dock], [250], Qt.Orientation.Vertical)

        self.status = TrainingStatus()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("reasonLabel")

        self.training_panel.learningRateChanged.connect(self.set_learning_rate)
        self.training_panel.error.connect(lambda m: self.show_error("Training settings", m))
        self.data_panel.error.connect(lambda m: self.statusBar().showMessage(m, 8000))

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: Any = None,
        tip: str = "",
        menu_only: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: self._guard(slot))
        if not menu_only:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action("&New…", self.new_project, K.New, "New project")
        self.open_action = self._action("&Open…", self.open_dialog, K.Open, "Open a project")
        self.save_action = self._action("&Save", self.save, K.Save, "Save the project")
        self.save_as_action = self._action("Save &As…", self.save_as, K.SaveAs)
        self.import_weights_action = self._action("&Import Weights…", self.import_weights)
        self.export_plot_png_action = self._action("Plots as &PNG…", self.export_plots_png)
        self.export_plot_svg_action = self._action("Plots as S&VG…", self.export_plots_svg)
        self.export_curves_csv_action = self._action("Curves as &CSV…", self.export_curves_csv)
        self.export_canvas_action = self._action("&Canvas as PNG…", self.export_canvas)
        self.export_canvas_svg_action = self._action(
            "Canvas as &SVG…", lambda: self.export_canvas(svg=True)
        )
        self.quit_action = self._action("&Quit", self.close, K.Quit)

        doc = self.document
        # Undo/redo go through the document (not QUndoStack.createUndoAction) so a network
        # or data step cannot be undone while training holds the lock.
        self.undo_action = self._action("&Undo", lambda: doc.undo(), K.Undo)
        self.redo_action = self._action(
            "&Redo",
            lambda: doc.redo(),
            [QKeySequence(K.Redo), QKeySequence("Ctrl+Shift+Z")]
            if QKeySequence(K.Redo) != QKeySequence("Ctrl+Shift+Z")
            else [QKeySequence(K.Redo)],
        )
        # The toolbar keeps short labels; the menu shows what will be undone.
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        for signal in (
            doc.undo_stack.indexChanged,
            doc.undo_stack.cleanChanged,
            doc.lockChanged,
        ):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.delete_action = self._action("&Delete", self.delete_selection, K.Delete)
        self.select_all_action = self._action("Select &All", self.select_all, K.SelectAll)
        self.copy_action = self._action("&Copy", self.copy_selection, K.Copy)
        self.paste_action = self._action("&Paste", self.paste, K.Paste)
        self.duplicate_action = self._action("D&uplicate", self.duplicate_selection, "Ctrl+D")
        for action in (
            self.delete_action,
            self.copy_action,
            self.paste_action,
            self.duplicate_action,
            self.select_all_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.removeAction(action)
            self.canvas.addAction(action)

        self.zoom_in_action = self._action("Zoom &In", self.canvas.zoom_in, K.ZoomIn)
        self.zoom_out_action = self._action("Zoom &Out", self.canvas.zoom_out, K.ZoomOut)
        self.fit_action = self._action("&Fit to View", self.canvas.fit_all, "Ctrl+0")
        self.arrange_action = self._action("&Auto-Arrange", self.auto_arrange, "Ctrl+L")

        self.train_action = self._action(
            "&Train", self.toggle_training, "Space", "Start or pause training (Space)"
        )
        self.step_action = self._action("&Step", self.step, "F10", "Train one epoch (F10)")
        self.stop_action = self._action(
            "St&op", self.stop_training, "Shift+Space", "Stop training (Shift+Space)"
        )
        self.reset_action = self._action(
            "&Reset", self.reset_training, "Ctrl+R", "Forget the trained weights (Ctrl+R)"
        )
        self.about_action = self._action("&About NN Studio", self.about)
        self.docs_action = self._action("&Documentation", self.open_docs, K.HelpContents)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.examples_menu = file_menu.addMenu("E&xamples")
        for name, description in TEMPLATES.items():
            action = self.examples_menu.addAction(name.replace("_", " ").capitalize())
            action.setToolTip(description)
            action.setStatusTip(description)
            action.triggered.connect(
                lambda _c=False, n=name: self._guard(lambda: self.open_example(n))
            )
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("&Export")
        self.export_actions: dict[str, QAction] = {}
        for fmt, (label, _filter, _suffix) in EXPORT_FORMATS.items():
            action = self.export_menu.addAction(label + "…")
            action.triggered.connect(lambda _c=False, f=fmt: self._guard(lambda: self.export(f)))
            self.export_actions[fmt] = action
        self.export_menu.addSeparator()
        for action in (
            self.export_plot_png_action,
            self.export_plot_svg_action,
            self.export_curves_csv_action,
            self.export_canvas_action,
            self.export_canvas_svg_action,
        ):
            self.export_menu.addAction(action)
        file_menu.addAction(self.import_weights_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for action in (
            self.copy_action,
            self.paste_action,
            self.duplicate_action,
            self.delete_action,
            self.select_all_action,
        ):
            edit.addAction(action)

        view = bar.addMenu("&View")
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.arrange_action,
        ):
            view.addAction(action)
        view.addSeparator()
        for dock in (
            self.palette_dock,
            self.inspector_dock,
            self.training_dock,
            self.data_dock,
            self.plots_dock,
            self.surface_dock,
        ):
            view.addAction(dock.toggleViewAction())
        view.addAction(self.plots.log_check.text(), self.plots.log_check.toggle)

        train = bar.addMenu("&Train")
        for action in (self.train_action, self.step_action, self.stop_action, self.reset_action):
            train.addAction(action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.docs_action)
        help_menu.addAction(self.about_action)

        tools = QToolBar("Training")
        tools.setObjectName("TrainingToolbar")
        for action in (self.train_action, self.step_action, self.stop_action, self.reset_action):
            tools.addAction(action)
        tools.addSeparator()
        for action in (self.undo_action, self.redo_action, self.fit_action):
            tools.addAction(action)
        tools.addSeparator()
        tools.addWidget(self.reason_label)
        self.addToolBar(tools)
        self.toolbar = tools

    def _connect_document(self) -> None:
        doc = self.document
        doc.cleanChanged.connect(lambda _clean: self._update_title())
        doc.pathChanged.connect(lambda _p: self._update_title())
        doc.projectReplaced.connect(self._project_loaded)
        doc.problemsChanged.connect(lambda _p: self._update_actions())
        doc.lockChanged.connect(self._lock_changed)
        doc.networkChanged.connect(self._schedule_preview)
        doc.dataChanged.connect(self._data_changed)
        doc.trainingChanged.connect(self._training_changed)
        self.canvas.selectionChangedIds.connect(self._selection_changed)
        self.canvas.message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.problems_view.nodeActivated.connect(self._node_activated)

    # =================================================================== state & views
    def _project_loaded(self) -> None:
        self._total_epochs = len(self.document.project.history or [])
        self.plots.set_history(self.document.project.history or [])
        self.status.clear()
        if self.document.project.history:
            last = self.document.project.history[-1]
            self.status.show_report(last, epoch=self._total_epochs)
        self._data_changed()
        self._update_title()
        self._update_actions()
        QTimer.singleShot(0, self.canvas.fit_all)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self.canvas.fit_all)

    def _data_changed(self) -> None:
        try:
            dataset = self.document.dataset()
        except NNStudioError as exc:
            self.surface.clear_surface()
            self.statusBar().showMessage(str(exc), 8000)
            return
        self.plots.set_task(dataset.task)
        self.surface.set_dataset(dataset, loss=self.document.project.training.loss)
        self._schedule_preview()

    def _training_changed(self) -> None:
        self._send_live_settings()
        if self.surface.logits != (self.document.project.training.loss == "bce_logits"):
            self._data_changed()
        self._update_actions()

    def _schedule_preview(self) -> None:
        if self.worker is None:
            self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Draw the current (trained or freshly initialised) network's surface."""
        if self.worker is not None:
            return
        if self.document.problems():
            # An invalid network has no output to draw: keep the points, drop the stale
            # colours of the network it was before the edit.
            self.surface.clear_surface()
            return
        try:
            from nnstudio.session import Session

            session = Session.from_project(self.document.project)
            if session.dataset.bounds is None:
                return
            self.surface.set_grid(session.grid(GRID_RESOLUTION))
        except NNStudioError as exc:
            self.surface.clear_surface()
            self.statusBar().showMessage(str(exc), 8000)

    def _update_title(self) -> None:
        doc = self.document
        name = Path(doc.path).stem if doc.path else (doc.project.name or "untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(doc.is_dirty)

    def _update_actions(self) -> None:
        running = self.worker is not None
        paused = running and self.worker.is_paused
        problems = [] if running else self.document.problems()
        reason = ""
        if problems:
            reason = "Cannot train: " + str(problems[0])
            if len(problems) > 1:
                reason += f" (and {len(problems) - 1} more problem(s))"
        self.train_action.setEnabled(not problems)
        self.step_action.setEnabled(not problems)
        self.train_action.setText("&Pause" if running and not paused else "&Train")
        self.stop_action.setEnabled(running)
        self.reset_action.setEnabled(True)
        self.train_action.setToolTip(reason or "Start or pause training (Space)")
        self.reason_label.setText(reason)
        for action in self.export_actions.values():
            action.setEnabled(not running)
        self.import_weights_action.setEnabled(not running)

    def _update_undo_actions(self, *_args: object) -> None:
        doc = self.document
        if not (shiboken6.isValid(doc.undo_stack) and shiboken6.isValid(self.undo_action)):
            return  # the window or its document is being torn down
        undo_text, redo_text = doc.undo_stack.undoText(), doc.undo_stack.redoText()
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.redo_action.setText(f"&Redo {redo_text}" if redo_text else "&Redo")
        self.undo_action.setEnabled(doc.can_undo())
        self.redo_action.setEnabled(doc.can_redo())

    def _lock_changed(self, reason: str) -> None:
        if reason:
            self.statusBar().showMessage(reason + ": network and data edits are paused", 4000)

    def _selection_changed(self, ids: list) -> None:
        self._selection = list(ids)
        inspect = self._selection[0] if len(self._selection) == 1 else None
        self.inspector.show_node(inspect)

    def _node_activated(self, node_id: str) -> None:
        self.canvas.select_nodes([node_id])
        self.inspector.show_node(node_id)
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    # =================================================================== errors
    def _guard(self, slot: Any) -> Any:
        """Run an action; any NNStudioError becomes a message box, never a traceback."""
        try:
            return slot()
        except NNStudioError as exc:
            self.show_error("NN Studio", str(exc))
        return None

    def show_error(self, title: str, message: str) -> QMessageBox:
        """A non-blocking, window-modal message box (tests find it as ``message_box``)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        return box

    # =================================================================== training
    def toggle_training(self) -> None:
        """Space: start, pause or resume."""
        if self.worker is None:
            self.start_training()
        elif self.worker.is_paused:
            self.worker.resume()
        else:
            self.worker.pause()
        self._update_actions()

    def start_training(self, max_epochs: int | None = None, *, paused: bool = False) -> None:
        """Start a run on a background thread (``max_epochs`` overrides the config)."""
        if self.worker is not None:
            if not paused:
                self.worker.resume()
            return
        problems = self.document.problems()
        if problems:
            self.show_error("Cannot train", "\n".join(str(p) for p in problems))
            return
        project = self.document.project
        # A run continues the stored history only when the project holds its weights.
        done = len(project.history or []) if project.weights is not None else 0
        if done == 0:
            self.plots.clear()
        epochs = project.training.epochs
        if max_epochs is not None:
            self._run_budget = max_epochs
        elif epochs is None:
            self._run_budget = None
        else:
            self._run_budget = epochs - done if done < epochs else epochs
        self._run_epochs = 0
        self._total_epochs = done
        self._run_done_at_start = done
        self._run_override = max_epochs
        self._live_config = project.training.to_dict()
        worker = TrainingWorker(project, max_epochs=self._run_budget, start_paused=paused)
        worker.snapshot.connect(self._on_snapshot)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        worker.pausedChanged.connect(lambda _p: self._update_actions())
        worker.warning.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.worker = worker
        self.document.set_locked(TRAINING_LOCK)
        self.thread = start_worker(worker)
        self._update_actions()
        self.trainingStarted.emit()

    def step(self) -> None:
        """One epoch, then stay paused."""
        if self.worker is None:
            self.start_training(paused=True)
        if self.worker is not None:
            self.worker.request_step()
        self._update_actions()

    def stop_training(self) -> None:
        if self.worker is not None:
            self.worker.stop()

    def wait_for_thread(self) -> None:
        """Stop the run and block until its thread has finished."""
        if self.worker is not None:
            self.worker.stop()
        if self.thread is not None:
            self.thread.wait()

    def reset_training(self) -> None:
        """Forget the trained weights and history (the network gets fresh weights)."""
        if self.worker is not None:
            self.wait_for_thread()
            QGuiApplication.processEvents()  # deliver the finished signal
        self.document.set_weights(None, None, [])
        self._total_epochs = 0
        self.plots.clear()
        self.status.clear()
        self._schedule_preview()

    def _send_live_settings(self) -> None:
        """Forward edits of live settings (lr, epochs, optimizer params, l1/l2, clip)."""
        if self.worker is None or self._live_config is None:
            return
        new = self.document.project.training.to_dict()
        changes = {
            k: new[k] for k in LIVE_TRAINING_FIELDS if new.get(k) != self._live_config.get(k)
        }
        if not changes:
            return
        self._live_config = new
        if "epochs" in changes and self._run_override is None:
            epochs, done = changes["epochs"], self._run_done_at_start
            self._run_budget = (
                None if epochs is None else (epochs - done if done < epochs else epochs)
            )
        self.worker.update_settings(changes)

    def set_learning_rate(self, lr: float) -> None:
        if self.worker is not None:
            self.worker.set_learning_rate(lr)

    def _on_snapshot(self, snap: dict) -> None:
        reports = snap["reports"]
        self._run_epochs = snap["epochs_run"]
        self._total_epochs += len(reports)
        if reports:
            self.plots.append_reports(reports)
            self._last_report = reports[-1]
        if snap.get("grid") is not None:
            self.surface.set_grid(snap["grid"])
            self.surface_updates += 1
        if self._last_report is not None:
            self.status.show_report(
                self._last_report,
                epoch=self._total_epochs,
                epochs_per_s=snap.get("epochs_per_s", 0.0),
                done=self._run_epochs,
                budget=self._run_budget,
            )
        self.snapshotShown.emit(snap)

    def _on_failed(self, message: str) -> None:
        if "last finite" not in message:  # the engine's divergence message says it already
            message += "\n\nThe weights of the last finite step are kept."
        self.show_error("Training stopped", message)

    def _on_finished(self, result: dict) -> None:
        thread = self.thread
        if thread is not None:
            thread.wait()  # finished was emitted last: this returns at once
        self.worker = None  # deleted here, after its thread has ended
        self.thread = None
        self.last_thread = thread
        self.document.set_locked(None)
        self.plots.flush()
        if result.get("weights") is not None:
            self.document.set_weights(
                result["weights"], result.get("preprocessor"), result.get("history") or []
            )
            self.autosave()
        self._update_actions()
        self.trainingFinished.emit(result)

    # =================================================================== files
    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask whether to save unsaved changes (tests replace this)."""
        return QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.windowTitle().split('[*]')[0]}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or clean)."""
        if not self.document.is_dirty:
            return True
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self._guard(self.save) is True
        return answer == QMessageBox.StandardButton.Discard

    def _replace(self, project: Any, path: str | None) -> None:
        if self.worker is not None:
            self.wait_for_thread()
            QGuiApplication.processEvents()
        self.remove_recovery()
        self.document.replace_project(project, path)

    def new_project(self) -> None:
        names = list(TEMPLATES)
        labels = [f"{n} — {TEMPLATES[n]}" for n in names]
        label, ok = QInputDialog.getItem(self, "New project", "Start from:", labels, 0, False)
        if ok:
            self.open_template(names[labels.index(label)])

    def open_template(self, name: str) -> None:
        if self.maybe_save():
            self._replace(make_template(name), None)

    def open_example(self, name: str) -> None:
        """Open the bundled example ``name`` as a new, untitled project."""
        if not self.maybe_save():
            return
        path = resources_path() / "examples" / f"{name}.nnstudio"
        project = load_project(path) if path.is_file() else make_template(name)
        self._replace(project, None)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", self._last_folder(), FILE_FILTER
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str, *, ask: bool = True) -> None:
        """Open the project at ``path`` (raises ProjectError for a bad file)."""
        if ask and not self.maybe_save():
            return
        project = load_project(path)
        self._replace(project, str(path))
        self._add_recent(str(path))

    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or os.path.join(
            self._last_folder(), f"{self.document.project.name or 'untitled'}.nnstudio"
        )
        path, _ = QFileDialog.getSaveFileName(self, "Save project as", start, FILE_FILTER)
        if not path:
            return False
        if not path.endswith(".nnstudio"):
            path += ".nnstudio"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        project = self.document.project
        project.metadata = dict(project.metadata or {})
        project.metadata["app_version"] = __version__
        save_project(project, path)
        self.remove_recovery()
        self.document.mark_saved(str(path))
        self._add_recent(str(path))
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def export(self, fmt: str, path: str | None = None) -> list[str]:
        from nnstudio.io.export import export_project

        label, file_filter, suffix = EXPORT_FORMATS[fmt]
        problems = self.document.problems()
        if problems:  # refuse before asking for a file name
            self.show_error(
                "Cannot export",
                "The network cannot be exported until it is valid:\n"
                + "\n".join(f"• {p}" for p in problems),
            )
            return []
        if path is None:
            stem = self.document.project.name or "model"
            path = self._save_dialog(f"Export {label}", stem + suffix, file_filter, suffix)
            if not path:
                return []
        warnings = export_project(self.document.project, fmt, path)
        note = f"Exported {label} to {path}"
        if warnings:
            note += " (" + "; ".join(warnings) + ")"
            self.show_error("Export", "\n".join([f"Exported to {path}.", *warnings]))
        self.statusBar().showMessage(note, 6000)
        return warnings

    def import_weights(self, path: str | None = None) -> None:
        from nnstudio.io import apply_weights, load_weights_file

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                "Import weights",
                self._last_folder(),
                "Weights (*.npz *.safetensors);;All files (*)",
            )
            if not path:
                return
        self.settings.setValue("lastFolder", os.path.dirname(os.path.abspath(path)))
        weights = load_weights_file(path)
        updated = apply_weights(self.document.project, weights)
        self.document.set_weights(updated.weights, updated.preprocessor, updated.history)
        self.plots.set_history(updated.history)
        self._total_epochs = len(updated.history or [])
        self.status.clear()
        self._schedule_preview()
        self.statusBar().showMessage(f"Imported weights from {path}", 6000)

    def _save_dialog(self, title: str, name: str, file_filter: str, suffix: str) -> str:
        """Ask for a file to write (starting in the last folder); '' when cancelled.

        Adds ``suffix`` when the name has no extension and remembers the folder.
        """
        start = os.path.join(self._last_folder(), name)
        path, _ = QFileDialog.getSaveFileName(self, title, start, file_filter)
        if not path:
            return ""
        if not Path(path).suffix:
            path += suffix
        self.settings.setValue("lastFolder", os.path.dirname(os.path.abspath(path)))
        return path

    def export_plots_png(self, path: str | None = None) -> None:
        path = path or self._save_dialog("Export plots", "plots.png", "PNG images (*.png)", ".png")
        if path:
            self.plots.export_png(path)
            self.statusBar().showMessage(f"Exported the plots to {path}", 6000)

    def export_plots_svg(self, path: str | None = None) -> None:
        path = path or self._save_dialog("Export plots", "plots.svg", "SVG images (*.svg)", ".svg")
        if path:
            self.plots.export_svg(path)
            self.statusBar().showMessage(f"Exported the plots to {path}", 6000)

    def export_curves_csv(self, path: str | None = None) -> None:
        path = path or self._save_dialog("Export curves", "curves.csv", "CSV files (*.csv)", ".csv")
        if path:
            self.plots.export_csv(path)
            self.statusBar().showMessage(f"Exported the curves to {path}", 6000)

    def export_canvas(self, path: str | None = None, *, svg: bool = False) -> None:
        suffix = ".svg" if svg else ".png"
        file_filter = "SVG images (*.svg)" if svg else "PNG images (*.png)"
        path = path or self._save_dialog("Export canvas", "network" + suffix, file_filter, suffix)
        if path:
            self.canvas.export_image(path)
            self.statusBar().showMessage(f"Exported the canvas to {path}", 6000)

    # =================================================================== autosave
    def recovery_path(self) -> Path:
        return recovery_file_for(self.recovery_dir, self.document.path)

    def autosave(self) -> Path | None:
        """Write the project to its recovery file if it has unsaved changes.

        The copy records the file it belongs to (``metadata["autosave_of"]``), so a
        recovery offered at the next start reopens it under the right name.
        """
        if not self.document.is_dirty:
            return None
        path = self.recovery_path()
        project = self.document.project
        metadata = dict(project.metadata or {})
        metadata["autosave_of"] = os.path.abspath(self.document.path) if self.document.path else ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_project(dataclasses.replace(project, metadata=metadata), path)
        except (NNStudioError, OSError) as exc:
            self.statusBar().showMessage(f"Autosave failed: {exc}", 6000)
            return None
        return path

    def remove_recovery(self) -> None:
        try:
            self.recovery_path().unlink(missing_ok=True)
        except OSError:
            pass

    def pending_recovery(self) -> Path | None:
        """A recovery file left by an unclean exit, newer than the project file.

        First the open project's own; when the window starts on a fresh untitled project,
        the newest autosave of any project (only in the instance holding the lock).
        """
        path = self.recovery_path()
        if path.is_file():
            if not (self.document.path and os.path.exists(self.document.path)):
                return path
            if path.stat().st_mtime > os.path.getmtime(self.document.path):
                return path
        if self.document.path or self.document.is_dirty or self._instance_lock is None:
            return None
        try:
            files = [p for p in self.recovery_dir.glob("*.nnstudio") if p.is_file()]
        except OSError:
            return None
        return max(files, key=lambda p: p.stat().st_mtime, default=None)

    def _ask_recover(self, name: str, when: str) -> bool:
        """Ask whether to restore the autosave (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Recover unsaved work?",
            f"NN Studio did not close properly. An autosave of {name} from {when} exists."
            "\nRestore it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        """Ask to restore an autosave left by a crash; True if it was restored.

        A restored project keeps its original file name and is marked unsaved; a refused
        autosave is deleted.
        """
        path = self.pending_recovery()
        if path is None:
            return False
        project = load_project(path)
        metadata = dict(project.metadata or {})
        original = metadata.pop("autosave_of", None) or self.document.path or None
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
        name = Path(original).name if original else "an untitled project"
        if not self._ask_recover(name, when):
            path.unlink(missing_ok=True)
            return False
        project.metadata = metadata
        self._replace_keeping(project, original, path)
        return True

    def _replace_keeping(self, project: Any, original: str | None, autosave: Path) -> None:
        """Show a recovered ``project`` under ``original``, unsaved, its autosave kept."""
        self.document.replace_project(project, original)
        self.document.set_weights(project.weights, project.preprocessor, project.history)
        if autosave != self.recovery_path():  # keep exactly one autosave of it
            autosave.unlink(missing_ok=True)
            self.autosave()

    # =================================================================== settings
    def _last_folder(self) -> str:
        return str(self.settings.value("lastFolder", str(Path.home())))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [p for p in self.recent_files() if p != path]
        files.insert(0, path)
        self.settings.setValue("recentFiles", files[:MAX_RECENT])
        self.settings.setValue("lastFolder", os.path.dirname(path))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)
            return
        for i, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(
                lambda _c=False, p=path: self._guard(lambda: self.open_path(p))
            )
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear", lambda: self.settings.setValue("recentFiles", []))

    def _restore_settings(self) -> None:
        geometry = self.settings.value("mainWindow/geometry")
        state = self.settings.value("mainWindow/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_settings(self) -> None:
        self.settings.setValue("mainWindow/geometry", self.saveGeometry())
        self.settings.setValue("mainWindow/state", self.saveState())
        self.settings.sync()

    # =================================================================== edit / view
    # The canvas implements these on its own selection (nodes and edges); the window's
    # actions (with the standard shortcuts shown in the Edit menu) delegate to it.
    def delete_selection(self) -> None:
        self.canvas.delete_selection()

    def select_all(self) -> None:
        self.canvas.select_all()

    def copy_selection(self) -> None:
        self.canvas.copy_selection()

    def paste(self) -> None:
        self.canvas.paste()

    def duplicate_selection(self) -> None:
        self.canvas.duplicate_selection()

    def auto_arrange(self) -> None:
        self.document.auto_arrange()
        self.canvas.fit_all()

    # =================================================================== help
    def about(self) -> None:
        import numpy
        import pyqtgraph
        import PySide6
        from PySide6.QtCore import qVersion

        QMessageBox.about(
            self,
            "About NN Studio",
            f"<h3>NN Studio {__version__}</h3>"
            "<p>Design, train and understand neural networks on your desktop.</p>"
            f"<p>Qt {qVersion()}<br>PySide6 {PySide6.__version__}<br>"
            f"pyqtgraph {pyqtgraph.__version__}<br>NumPy {numpy.__version__}</p>",
        )

    def open_docs(self) -> None:
        """Help > Documentation: the Markdown manual in an in-app viewer (works offline)."""
        from .help_browser import HelpBrowser

        if self.help_browser is None:
            self.help_browser = HelpBrowser(self)
        self.help_browser.show()
        self.help_browser.raise_()

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.plots.apply_palette()
            self.surface.apply_palette()

    # =================================================================== closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # Stop a run first, so its weights reach the document before the save prompt
        # (saving mid-run would store the weights from before the run).
        if self.worker is not None:
            self.wait_for_thread()
            QGuiApplication.processEvents()  # deliver finished: weights -> document
        if not self.maybe_save():
            event.ignore()
            return
        self._autosave_timer.stop()
        self._preview_timer.stop()
        self.save_settings()
        self.remove_recovery()
        if self._instance_lock is not None:
            self._instance_lock.unlock()
            self._instance_lock = None
        event.accept()
