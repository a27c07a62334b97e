"""The main window: docks around the canvas, composed from the parts that do the work.

The window owns one :class:`~nnstudio.gui.document.Document` for its whole life (New and
Open replace the document's project, so every view stays connected) and composes:

- ``training_controller.TrainingController``: the run on its QThread, lock, live settings;
- ``recovery.Recovery``: autosave a moment after each change, restore after a crash;
- ``actions``: actions, menus and toolbar; ``file_ops.FileOperations``: files and exports.

What remains here is the layout, the views' reactions to the document and to snapshots,
refusals shown in the status bar, and closing (never with a live thread).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from nnstudio.errors import NNStudioError
from nnstudio.gui import actions, image_views, insight_docks, neuron_view, table_views
from nnstudio.gui.canvas_view import CanvasView
from nnstudio.gui.data_panel import DataPanel
from nnstudio.gui.document import Document
from nnstudio.gui.file_ops import FileOperations
from nnstudio.gui.i18n import catalog_tr, core_tr
from nnstudio.gui.inspector import Inspector
from nnstudio.gui.narrow import SideColumns, VScrollArea
from nnstudio.gui.palette import Palette
from nnstudio.gui.plots import TrainingPlots
from nnstudio.gui.problems import ProblemsView
from nnstudio.gui.recovery import Recovery
from nnstudio.gui.status import TrainingStatus
from nnstudio.gui.surface import DecisionSurface
from nnstudio.gui.training_controller import TRAINING_LOCK, TrainingController
from nnstudio.gui.training_panel import TrainingPanel
from nnstudio.gui.worker import GRID_RESOLUTION
from nnstudio.io import make_template

APP_NAME = "NN Studio"
PAUSED_LOCK = QT_TRANSLATE_NOOP("catalog", "Training is paused")  # shown translated
#: The status bar shows training progress at most this often (ms).
MESSAGE_MS = 8000


#: the window's size when no saved geometry exists (smaller on a smaller screen)
DEFAULT_SIZE = (1400, 900)
#: the left and right dock columns' widths at DEFAULT_SIZE (scaled with the width)
SIDE_WIDTHS = (330, 440)


class MainWindow(FileOperations, QMainWindow):
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
        self.document = Document(project if project is not None else make_template(), path)
        self.controller = TrainingController(self.document, self)
        self.recovery = Recovery(self.document, Path(recovery_dir), self)
        self.message_box: QMessageBox | None = None
        self.help_browser: Any = None
        self.surface_updates = 0
        self._stale = False
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)

        self._build_widgets()
        actions.create_actions(self)
        actions.create_menus(self)
        neuron_view.install(self)  # View > Neuron View, tiles and weights on the canvas
        self._connect()
        self._restore_settings()
        # side docks keep their share on resize (called from resizeEvent)
        self.side_columns = SideColumns(self, filter_events=False)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._project_loaded()
        self.space_shortcut = actions.SpaceShortcut(self)
        table_views.install(self)  # feature-pair surface and projection (> 2 inputs)
        insight_docks.install(self)  # layer statistics, diagnosis, results, runs (issue 11)
        from nnstudio.gui import lessons_panel

        lessons_panel.install(self)  # Help > Lessons, the Lesson dock, Edit > Preferences
        image_views.install(self)  # samples, filters, feature maps of image networks (issue 13)

    # =================================================================== construction
    def _build_widgets(self) -> None:
        doc, tr = self.document, self.tr
        self.canvas = CanvasView(doc)
        self.setCentralWidget(self.canvas)

        self.palette_widget = Palette()
        # double-clicking a layer kind adds it in the middle of the visible canvas
        self.palette_widget.kindActivated.connect(self.canvas.add_node_at_center)
        self.palette_dock = self._dock(tr("Layers"), "PaletteDock", self.palette_widget)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)

        self.inspector = Inspector(doc)
        self.problems_view = ProblemsView(doc)
        self.problems_view.setMinimumHeight(3 * self.problems_view.fontMetrics().height())
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(VScrollArea(self.inspector))  # a long form scrolls in a short dock
        right.addWidget(self.problems_view)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        self.inspector_dock = self._dock(tr("Inspector"), "InspectorDock", right)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)

        self.training_panel = TrainingPanel(doc)
        self.training_dock = self._dock(tr("Training"), "TrainingDock", self.training_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.training_dock)
        self.data_panel = DataPanel(doc)
        self.data_dock = self._dock(tr("Data"), "DataDock", self.data_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.data_dock)
        self.tabifyDockWidget(self.training_dock, self.data_dock)
        self.training_dock.raise_()

        self.surface = DecisionSurface()
        self.surface_dock = self._dock(tr("Decision surface"), "SurfaceDock", self.surface)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.surface_dock)
        self.splitDockWidget(self.inspector_dock, self.surface_dock, Qt.Orientation.Vertical)
        # The curves live under the canvas only (the side columns run full height).
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.plots = TrainingPlots()
        self.plots_dock = self._dock(tr("Plots"), "PlotsDock", self.plots)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.plots_dock)
        self.resizeDocks(
            [self.palette_dock, self.inspector_dock], list(SIDE_WIDTHS), Qt.Orientation.Horizontal
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

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _connect(self) -> None:
        doc, ctl = self.document, self.controller
        doc.cleanChanged.connect(lambda _clean: self._update_title())
        doc.pathChanged.connect(lambda _p: self._update_title())
        doc.projectReplaced.connect(self._project_loaded)
        doc.problemsChanged.connect(lambda _p: self._update_actions())
        doc.lockChanged.connect(self._lock_changed)
        doc.networkChanged.connect(self._schedule_preview)
        doc.dataChanged.connect(self._data_changed)
        doc.trainingChanged.connect(self._training_changed)
        doc.weightsChanged.connect(self._weights_changed)
        ctl.started.connect(self.trainingStarted)
        ctl.snapshot.connect(self._on_snapshot)
        ctl.finished.connect(self._on_finished)
        ctl.stateChanged.connect(self._update_actions)
        ctl.failed.connect(self._on_failed)
        ctl.warning.connect(self.show_message)
        self.recovery.message.connect(self.show_message)
        self.canvas.selectionChangedIds.connect(self._selection_changed)
        self.canvas.message.connect(self.show_message)
        self.problems_view.nodeActivated.connect(self._node_activated)
        self.training_panel.error.connect(self.show_message)
        self.data_panel.error.connect(self.show_message)

    # =================================================================== compatibility
    @property
    def worker(self) -> Any:
        """The running :class:`~nnstudio.gui.worker.TrainingWorker`, or None."""
        return self.controller.worker

    @property
    def thread(self) -> Any:  # the run's QThread (shadows QObject.thread)
        return self.controller.thread

    @property
    def last_thread(self) -> Any:
        return self.controller.last_thread

    # =================================================================== state & views
    def _project_loaded(self) -> None:
        self._stale = False
        self.show_history()
        self._data_changed()
        self._update_title()
        self._update_actions()
        QTimer.singleShot(0, self.canvas.fit_all)

    def show_history(self) -> None:
        """Curves and status bar from the document's history (its last epoch)."""
        history = self.document.project.history or []
        self.controller.reset_count()
        self.plots.set_history(history)
        self.status.clear()
        if history:
            self.status.show_report(history[-1], epoch=len(history))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self.canvas.fit_all)

    def _data_changed(self) -> None:
        try:
            dataset = self.document.dataset()
        except NNStudioError as exc:
            self.surface.clear_surface()
            self.show_message(core_tr(exc))
            return
        self.plots.set_task(dataset.task)
        self.surface.set_dataset(dataset, loss=self.document.project.training.loss)
        self._schedule_preview()

    def _training_changed(self) -> None:
        if self.surface.logits != (self.document.project.training.loss == "bce_logits"):
            self._data_changed()
        self._update_actions()

    def _weights_changed(self) -> None:
        """Mark the curves and metrics stale when an edit parked the trained weights (they
        belong to the network before the edit); show them again when undo brings them back."""
        if self.controller.running:
            return
        project = self.document.project
        stale = project.weights is None and bool(project.history)
        if stale and not self._stale:
            self.plots.clear()
            self.status.clear()
            self.status.set_note(
                self.tr("Changed since the last run"),
                self.tr("The network or the data changed: train again for new results."),
            )
        elif self._stale and not stale:
            self.show_history()
        self._stale = stale

    def _schedule_preview(self) -> None:
        if not self.controller.running:
            self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Draw the current (trained or freshly initialised) network's surface."""
        if self.controller.running:
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
            self.show_message(core_tr(exc))

    def _update_title(self) -> None:
        doc = self.document
        name = Path(doc.path).stem if doc.path else (doc.project.name or "untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(doc.is_dirty)

    def _update_actions(self) -> None:
        ctl, tr = self.controller, self.tr
        running, paused = ctl.running, ctl.paused
        if running:  # the lock says whether the run moves
            self.document.set_locked(PAUSED_LOCK if paused else TRAINING_LOCK)
        problems = [] if running else self.document.problems()
        reason = ""
        if problems:
            reason = tr("Cannot train: {0}").format(core_tr(problems[0]))
            if len(problems) > 1:
                reason += tr(" (and {0} more problem(s))").format(len(problems) - 1)
        self.train_action.setEnabled(not problems)
        self.step_action.setEnabled(not problems)
        label = tr("&Pause") if running and not paused else tr("&Resume") if paused else None
        self.train_action.setText(label or tr("&Train"))
        self.stop_action.setEnabled(running)
        self.train_action.setToolTip(reason or tr(actions.TRAIN_TIP))
        self.reason_label.setText(reason)
        for action in self.export_actions.values():
            action.setEnabled(not running)
        self.import_weights_action.setEnabled(not running)
        self.status.set_paused(paused)

    def _lock_changed(self, reason: str) -> None:
        if reason == TRAINING_LOCK and not self.controller.paused:
            text = self.tr("{0}: network and data edits wait until it stops")
            self.show_message(text.format(catalog_tr(reason)))

    def _selection_changed(self, ids: list) -> None:
        self.inspector.show_node(ids[0] if len(ids) == 1 else None)

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
            self.show_error(self.tr("NN Studio"), core_tr(exc))
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

    def show_message(self, text: str, timeout: int = MESSAGE_MS) -> None:
        """A line in the status bar: why something was refused, what was written."""
        self.statusBar().showMessage(text, timeout)

    # =================================================================== edit / view
    def undo(self) -> None:
        """Undo through the document; a step the training lock forbids says why."""
        try:
            self.document.undo()
        except NNStudioError as exc:
            self.show_message(core_tr(exc))

    def redo(self) -> None:
        try:
            self.document.redo()
        except NNStudioError as exc:
            self.show_message(core_tr(exc))

    def auto_arrange(self) -> None:
        self.document.auto_arrange(self.canvas.node_sizes())
        self.canvas.fit_all()

    # =================================================================== training
    def toggle_training(self) -> None:
        """Space: start, pause or resume."""
        if self.controller.running:
            self.controller.toggle()
        else:
            self.start_training()

    def start_training(self, max_epochs: int | None = None, *, paused: bool = False) -> None:
        """Start a run on a background thread (``max_epochs`` overrides the project's);
        an invalid network is refused with every problem."""
        if not self.controller.running:
            if problems := self.document.problems():
                text = "\n".join(core_tr(p) for p in problems)
                self.show_error(self.tr("Cannot train"), text)
                return
            if self.document.project.weights is None:
                self.plots.clear()
        self.controller.start(max_epochs, paused=paused)

    def step(self) -> None:
        """One epoch, then stay paused."""
        if not self.controller.running:
            self.start_training(paused=True)
        if self.controller.running:
            self.controller.step()

    def stop_training(self) -> None:
        self.controller.stop()

    def wait_for_thread(self) -> None:
        """Stop the run and block until it ended (its weights are in the document)."""
        self.controller.stop_and_wait()

    def _ask_reset(self) -> bool:
        """Ask before discarding trained weights (a modal box; tests click its buttons)."""
        text = self.tr(
            "Reset discards the trained weights and the history of {0} epochs; the network "
            "starts again from fresh weights. This cannot be undone."
        ).format(len(self.document.project.history or []))
        buttons = QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            self, self.tr("Reset training?"), text, buttons, QMessageBox.StandardButton.Cancel
        )
        return answer == QMessageBox.StandardButton.Reset

    def reset_training(self, *, ask: bool = True) -> bool:
        """Forget the trained weights and history (asks first when there are any)."""
        project = self.document.project
        trained = project.weights is not None or bool(project.history)
        if self.controller.running or trained:
            if ask and not self._ask_reset():
                return False
        self.controller.stop_and_wait()
        self.document.set_weights(None, None, [])
        self.show_history()
        self._schedule_preview()
        self.show_message(self.tr("Training reset: the network has fresh weights"))
        return True

    def _on_snapshot(self, snap: dict) -> None:
        reports = snap["reports"]
        if reports:
            self.plots.append_reports(reports)
        if snap.get("grid") is not None:
            self.surface.set_grid(snap["grid"])
            self.surface_updates += 1
        report = self.controller.last_report
        if report is not None:
            self.status.post_report(  # at most every STATUS_INTERVAL_MS, newest wins
                report,
                epoch=snap["epoch"],
                epochs_per_s=snap.get("epochs_per_s", 0.0),
                done=snap["epochs_run"],
                budget=snap.get("budget"),
            )
        self.snapshotShown.emit(snap)

    def _on_failed(self, message: str) -> None:
        # (a divergence's message says itself which weights were kept)
        self.show_error(self.tr("Training stopped"), message)

    def _on_finished(self, result: dict) -> None:
        self.plots.flush()
        self.status.flush()
        self._stale = False
        self.recovery.autosave()
        self._update_actions()
        self._schedule_preview()
        self.trainingFinished.emit(result)

    # =================================================================== autosave
    def offer_recovery(self) -> bool:
        """Ask to restore an autosave left by a crash; True if it was restored."""
        return self.recovery.offer()

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.plots.apply_palette()
            self.surface.apply_palette()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        columns = getattr(self, "side_columns", None)  # (None while the window is built)
        if columns is not None:
            columns.resized(event)

    # =================================================================== closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        ctl = self.controller
        if ctl.running:
            # Pause (not stop) while asking: Cancel lets the run go on where it was.
            was_paused = ctl.paused
            ctl.pause()
            answer = self._ask_unsaved()  # the run's weights are unsaved changes
            if answer == QMessageBox.StandardButton.Cancel:
                if not was_paused:
                    ctl.resume()
                event.ignore()
                return
            ctl.stop_and_wait()  # the run's weights reach the document before saving
            if answer == QMessageBox.StandardButton.Save and self._guard(self.save) is not True:
                event.ignore()
                return
        elif not self.maybe_save():
            event.ignore()
            return
        self.space_shortcut.remove()
        self._preview_timer.stop()
        self.save_settings()
        self.recovery.remove()
        self.recovery.release()
        event.accept()
