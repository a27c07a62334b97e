"""The main window's file lifecycle: new, open, save, export, import, recent files.

:class:`FileOperations` is a mixin of :class:`~nnstudio.gui.main_window.MainWindow`; it
uses the window's ``document``, ``settings``, ``controller``, ``recovery``, ``plots``,
``canvas`` and status bar. Every file written is named in the status bar afterwards.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from nnstudio import __version__, resources_path
from nnstudio.io import TEMPLATES, load_project, make_template, save_project

from .actions import EXPORT_FORMATS
from .i18n import catalog_tr, core_tr

FILE_FILTER = "NN Studio projects (*.nnstudio);;All files (*)"
MAX_RECENT = 10
MESSAGE_MS = 8000


def describe_written(paths: list[Path]) -> str:
    """'/out/model.py' or 'model.py, model.npz and model.pt in /out'."""
    if len(paths) == 1:
        return str(paths[0])
    names = [p.name for p in paths]
    folder = str(paths[0].parent)
    return f"{', '.join(names[:-1])} and {names[-1]} in {folder}"


class FileOperations:
    """New/Open/Save/Export/Import, recent files and the window's saved layout (a mixin of
    the main window; see the module docstring)."""

    # ------------------------------------------------------------------ asking
    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask whether to save unsaved changes (tests replace this)."""
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {0}?").format(self.windowTitle().split("[*]")[0]),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def _start_weights_box(self) -> tuple[QMessageBox, Any, Any]:
        """The question of :meth:`_ask_start_weights`: (box, initial button, trained button)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Export PyTorch training script"))
        box.setText(self.tr("Where should the exported training start?"))
        box.setInformativeText(
            self.tr(
                "Initial weights: the run from the beginning, as this project's seed "
                "starts it.\nTrained weights: the network as it is now, to train it further."
            )
        )
        initial = box.addButton(self.tr("Initial weights"), QMessageBox.ButtonRole.AcceptRole)
        trained = box.addButton(self.tr("Trained weights"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(initial)
        return box, initial, trained

    def _ask_start_weights(self) -> str | None:
        """``"initial"``, ``"trained"`` or None (cancelled) for a training export of a
        trained project (tests replace this)."""
        box, initial, trained = self._start_weights_box()
        box.exec()
        clicked = box.clickedButton()
        return "initial" if clicked is initial else "trained" if clicked is trained else None

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or clean)."""
        if not self.document.is_dirty:
            return True
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self._guard(self.save) is True
        return answer == QMessageBox.StandardButton.Discard

    def _replace(self, project: Any, path: str | None) -> None:
        self.controller.stop_and_wait()
        self.recovery.remove()
        self.document.replace_project(project, path)

    # ------------------------------------------------------------------ new / open
    def new_project(self) -> None:
        names = list(TEMPLATES)
        empty = self.tr("empty — only an Input node for the current data")
        labels = [empty] + [
            f"{catalog_tr(n.replace('_', ' ').capitalize())} — {catalog_tr(TEMPLATES[n])}"
            for n in names
        ]  # the templates' titles as the File > Examples menu shows them
        label, ok = QInputDialog.getItem(
            self, self.tr("New project"), self.tr("Start from:"), labels, 0, False
        )
        if ok and label == empty:
            self.open_empty()
        elif ok:
            self.open_template(names[labels.index(label) - 1])

    def open_empty(self) -> None:
        """A new project with only an Input node, keeping the current data settings."""
        from nnstudio.io.blank import empty_project

        if self.maybe_save():
            self._replace(empty_project(self.document.project.data), None)

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
            self, self.tr("Open project"), self._last_folder(), self.tr(FILE_FILTER)
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

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or os.path.join(
            self._last_folder(), f"{self.document.project.name or 'untitled'}.nnstudio"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save project as"), start, self.tr(FILE_FILTER)
        )
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
        self.recovery.remove()
        self.document.mark_saved(str(path))
        self._add_recent(str(path))
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), MESSAGE_MS)
        return True

    # ------------------------------------------------------------------ export / import
    def export(self, fmt: str, path: str | None = None) -> list[str]:
        """Export the model as ``fmt``; the status bar lists every file written."""
        from nnstudio.io.export import FOLDER_FORMATS, export_project
        from nnstudio.io.paths import check_output_path

        label, file_filter, suffix = EXPORT_FORMATS[fmt]
        problems = self.document.problems()
        if problems:  # refuse before asking for a file name
            self.show_error(
                self.tr("Cannot export"),
                self.tr("The network cannot be exported until it is valid:\n")
                + "\n".join(f"• {core_tr(p)}" for p in problems),
            )
            return []
        options = {}
        if fmt in FOLDER_FORMATS and self.document.project.weights is not None:
            start = self._ask_start_weights()  # the training's start: the user's choice
            if start is None:
                return []
            options["start_weights"] = start
        if path is None:
            stem = self.document.project.name or "model"
            path = self._save_dialog(
                self.tr("Export {0}").format(catalog_tr(label)), stem + suffix, file_filter, suffix
            )
            if not path:
                return []
        # never over the open project's own file (or, in export_project, its dataset)
        check_output_path(path, [("project file", self.document.path)], what="export")
        written: list[Path] = []
        warnings = export_project(self.document.project, fmt, path, written=written, **options)
        where = describe_written(written or [Path(path)])
        note = self.tr("Exported {0}: {1}").format(catalog_tr(label), where)
        if warnings:
            shown = [core_tr(w) for w in warnings]
            note += " (" + "; ".join(shown) + ")"
            self.show_error(self.tr("Export"), "\n".join([note, *shown]))
        self.statusBar().showMessage(note, 2 * MESSAGE_MS)
        return warnings

    def import_weights(self, path: str | None = None) -> None:
        from nnstudio.io import apply_weights, load_weights_file

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import weights"),
                self._last_folder(),
                self.tr("Weights (*.npz *.safetensors);;All files (*)"),
            )
            if not path:
                return
        self.settings.setValue("lastFolder", os.path.dirname(os.path.abspath(path)))
        weights = load_weights_file(path, self.document.project.network)
        updated = apply_weights(self.document.project, weights)
        self.document.set_weights(updated.weights, updated.preprocessor, updated.history)
        self.show_history()
        self._schedule_preview()
        self.statusBar().showMessage(self.tr("Imported weights from {0}").format(path), 6000)

    def _save_dialog(self, title: str, name: str, file_filter: str, suffix: str) -> str:
        """Ask for a file to write (starting in the last folder); '' when cancelled.

        Adds ``suffix`` when the name has no extension and remembers the folder.
        """
        start = os.path.join(self._last_folder(), name)
        path, _ = QFileDialog.getSaveFileName(self, title, start, self.tr(file_filter))
        if not path:
            return ""
        if not Path(path).suffix:
            path += suffix
        self.settings.setValue("lastFolder", os.path.dirname(os.path.abspath(path)))
        return path

    def _export_image(self, what: str, name: str, kind: str, write: Any, path: str | None):
        suffix = "." + kind.lower()
        file_filter = f"{kind} images (*{suffix})"
        path = path or self._save_dialog(
            self.tr("Export {0}").format(what), name + suffix, file_filter, suffix
        )
        if path:
            write(path)
            self.statusBar().showMessage(
                self.tr("Exported the {0} to {1}").format(what, path), MESSAGE_MS
            )

    def export_plots_png(self, path: str | None = None) -> None:
        self._export_image(self.tr("plots"), "plots", "PNG", self.plots.export_png, path)

    def export_plots_svg(self, path: str | None = None) -> None:
        self._export_image(self.tr("plots"), "plots", "SVG", self.plots.export_svg, path)

    def export_curves_csv(self, path: str | None = None) -> None:
        path = path or self._save_dialog(
            self.tr("Export curves"), "curves.csv", self.tr("CSV files (*.csv)"), ".csv"
        )
        if path:
            self.plots.export_csv(path)
            self.statusBar().showMessage(
                self.tr("Exported the curves to {0}").format(path), MESSAGE_MS
            )

    def export_canvas(self, path: str | None = None, *, svg: bool = False) -> None:
        kind = "SVG" if svg else "PNG"
        self._export_image(self.tr("canvas"), "network", kind, self.canvas.export_image, path)

    # ------------------------------------------------------------------ window settings
    def _restore_settings(self) -> None:
        geometry = self.settings.value("mainWindow/geometry")
        state = self.settings.value("mainWindow/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _default_geometry(self) -> None:
        """The first start: 1400x900, or the screen's free area where that is smaller (a
        1024x768 screen gets a window that fits it, side columns scaled to match)."""
        from .main_window import DEFAULT_SIZE, SIDE_WIDTHS

        width, height = DEFAULT_SIZE
        screen = self.screen() or QGuiApplication.primaryScreen()
        # (the offscreen platform's 800x600 "screen" is no display: keep the full size)
        if screen is not None and QGuiApplication.platformName() != "offscreen":
            free = screen.availableGeometry()
            frame = 40  # room for the window manager's title bar and borders
            width = max(640, min(width, free.width()))
            height = max(480, min(height, free.height() - frame))
            if (width, height) != DEFAULT_SIZE:
                self.move(free.topLeft())
        self.resize(width, height)
        if width < DEFAULT_SIZE[0]:
            factor = width / DEFAULT_SIZE[0]
            docks = [self.palette_dock, self.inspector_dock]
            self.resizeDocks(
                docks, [round(w * factor) for w in SIDE_WIDTHS], Qt.Orientation.Horizontal
            )

    def save_settings(self) -> None:
        self.settings.setValue("mainWindow/geometry", self.saveGeometry())
        self.settings.setValue("mainWindow/state", self.saveState())
        self.settings.sync()

    # ------------------------------------------------------------------ recent files
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
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
            return
        for i, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(
                lambda _c=False, p=path: self._guard(lambda: self.open_path(p))
            )
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(
            self.tr("Clear"), lambda: self.settings.setValue("recentFiles", [])
        )
