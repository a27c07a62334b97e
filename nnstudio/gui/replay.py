"""Replay of the last run (issue 11): a timeline slider over its weight snapshots.

The run's snapshots (``engine.snapshots.SnapshotStore``, log-spaced epochs) are kept in
the project (``project.snapshots``, saved as ``snapshots.npz``) with the network they
belong to (``project.metadata["replay"]["network"]``, a fingerprint of the layers, not
their positions). Moving the slider puts a snapshot's exact weights into a replay session
and redraws from them the decision surface, the neuron tiles (when shown), the results
(confusion matrix or residuals), the layer statistics and the diagnosis of the run up to
that epoch. "Latest" goes back to the project's own weights. "Export PNG sequence…"
writes one image of the window per snapshot; "Export GIF…" an animated GIF when the
optional Pillow package (the ``images`` extra) is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.engine.snapshots import DEFAULT_BUDGET_BYTES
from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import core_tr
from nnstudio.gui.narrow import WrapRow
from nnstudio.insight.records import keep_snapshots, network_key
from nnstudio.io.runs import snapshot_epochs

#: Default memory for a run's snapshots (MB): the engine's default budget.
DEFAULT_MB = DEFAULT_BUDGET_BYTES // (1024 * 1024)
#: An exported GIF has at most this many frames, this many pixels wide.
GIF_FRAMES = 100
GIF_WIDTH = 640


class ReplayError(NNStudioError):
    """A replay cannot be shown or exported (e.g. the folder cannot be written)."""


class ReplayWidget(QWidget):
    """Slider, epoch label, Latest and Export buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("replaySlider")
        self.slider.setEnabled(False)
        row.addWidget(self.slider, 1)
        self.label = QLabel()
        self.label.setMinimumWidth(110)
        row.addWidget(self.label)
        layout.addLayout(row)
        buttons = WrapRow()  # below the slider; wraps onto more lines in a narrow dock
        self.latest_button = QPushButton(self.tr("Latest"))
        self.latest_button.setToolTip(self.tr("Show the project's current weights again"))
        buttons.addWidget(self.latest_button)
        self.export_button = QPushButton(self.tr("Export PNG sequence…"))
        self.export_button.setObjectName("replayExportButton")
        buttons.addWidget(self.export_button)
        self.gif_button = QPushButton(self.tr("Export GIF…"))
        self.gif_button.setObjectName("replayGifButton")
        buttons.addWidget(self.gif_button)
        layout.addWidget(buttons)
        self.note = QLabel(self.tr("Train to record a replay of the run."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        budget_row = QHBoxLayout()
        budget_row.addWidget(QLabel(self.tr("Memory for snapshots:")))
        self.budget_spin = QSpinBox()
        self.budget_spin.setObjectName("snapshotBudget")
        self.budget_spin.setRange(0, 4096)
        self.budget_spin.setSuffix(" MB")
        self.budget_spin.setToolTip(
            self.tr("Weights kept at log-spaced epochs of each run for the replay (0: none)")
        )
        budget_row.addWidget(self.budget_spin)
        budget_row.addStretch(1)
        layout.addLayout(budget_row)
        layout.addStretch(1)


class Replay(QObject):
    """The replay controller of a window (``window.replay``); see the module docstring."""

    def __init__(self, window: Any, insight: Any) -> None:
        super().__init__(window)
        self.window = window
        self.insight = insight
        self.widget = ReplayWidget()
        self.dock = window._dock(self.tr("Replay"), "ReplayDock", self.widget)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.plots_dock, self.dock)
        window.plots_dock.raise_()
        self.epochs: list[int] = []
        self.epoch: int | None = None  # the snapshot shown, None = the latest weights
        self._session: Any = None
        self.frames = 0
        w = self.widget
        w.slider.valueChanged.connect(self._slider_moved)
        w.latest_button.clicked.connect(self.show_latest)
        w.export_button.clicked.connect(self._ask_export)
        w.gif_button.clicked.connect(self._ask_gif)
        mb = int(window.settings.value("replay/snapshot_mb", DEFAULT_MB) or DEFAULT_MB)
        w.budget_spin.setValue(mb)
        self.set_budget(mb)
        w.budget_spin.valueChanged.connect(self.set_budget)
        doc = window.document
        doc.projectReplaced.connect(self.reload)
        doc.networkChanged.connect(self.reload)
        doc.dataChanged.connect(self.reload)
        doc.weightsChanged.connect(self._weights_changed)
        window.trainingStarted.connect(self.reload)
        window.trainingFinished.connect(self.on_finished)
        self.reload()

    def set_budget(self, mb: int) -> None:
        """Memory for the snapshots of the next runs (MB; kept in the settings)."""
        from nnstudio.insight.live import set_snapshot_budget

        set_snapshot_budget(int(mb) * 1024 * 1024)
        self.window.settings.setValue("replay/snapshot_mb", int(mb))

    # ------------------------------------------------------------------ state
    def available(self) -> bool:
        project = self.window.document.project
        replay = (project.metadata or {}).get("replay") or {}
        return bool(
            project.snapshots
            and project.weights is not None  # not after Reset (or an edit parked them)
            and not self.window.controller.running
            and replay.get("network") == network_key(project.network)
            and not self.window.document.problems()
        )

    def _weights_changed(self) -> None:
        if not self.window.controller.running and self.available() != bool(self.epochs):
            self.reload()

    def on_finished(self, result: dict) -> None:
        """Keep the run's snapshots in the project (they belong to this network)."""
        insight = result.get("insight") or {}
        store = insight.get("snapshots")
        project = self.window.document.project
        if store is not None and len(store) and result.get("weights") is not None:
            keep_snapshots(project, store)
        self.reload()

    def reload(self, *_args: object) -> None:
        """Re-read the project's snapshots (after a run, load or edit)."""
        self._session = None
        self.epoch = None
        w = self.widget
        ok = self.available()
        self.epochs = snapshot_epochs(self.window.document.project.snapshots) if ok else []
        w.slider.blockSignals(True)
        w.slider.setRange(0, max(0, len(self.epochs) - 1))
        w.slider.setValue(w.slider.maximum())
        w.slider.blockSignals(False)
        for widget in (w.slider, w.latest_button, w.export_button):
            widget.setEnabled(bool(self.epochs))
        w.gif_button.setEnabled(bool(self.epochs) and gif_available())
        w.gif_button.setToolTip(
            self.tr("An animated GIF of the replay")
            if gif_available()
            else self.tr("Animated GIFs need the optional Pillow package (pip install pillow)")
        )
        if self.epochs:
            w.note.setText(
                self.tr("{0} snapshots from epoch {1} to {2}: drag to replay the run.").format(
                    len(self.epochs), self.epochs[0], self.epochs[-1]
                )
            )
            w.label.setText(self.tr("latest"))
        else:
            w.label.setText("")
            running = self.window.controller.running
            w.note.setText(
                self.tr("Recording the run…")
                if running
                else self.tr("No replay: train this network to record one.")
            )

    # ------------------------------------------------------------------ showing
    def _slider_moved(self, index: int) -> None:
        if 0 <= index < len(self.epochs):
            self.show_epoch(self.epochs[index])

    def _replay_session(self) -> Any:
        if self._session is None:
            from nnstudio.session import Session

            self._session = Session.from_project(self.window.document.project)
        return self._session

    def show_epoch(self, epoch: int) -> None:
        """Draw everything from the snapshot of ``epoch`` (exact weights)."""
        if epoch not in self.epochs:
            return
        try:
            session = self._replay_session()
            snaps = self.window.document.project.snapshots
            params, state = snaps[f"{epoch}.params"], snaps[f"{epoch}.state"]
            net = session.network
            if params.shape != net.flat_params.shape or state.shape != net.flat_state.shape:
                raise ReplayError(self.tr("The snapshots do not match this network."))
            np.copyto(net.flat_params, params)
            np.copyto(net.flat_state, state)
            self._draw(session, epoch)
        except NNStudioError as exc:
            self.window.show_message(core_tr(exc))
            return
        self.epoch = epoch
        self.widget.label.setText(self.tr("epoch {0}").format(epoch))
        self.frames += 1

    def _draw(self, session: Any, epoch: int) -> None:
        from nnstudio.engine.probe import grid_probe
        from nnstudio.gui.worker import GRID_RESOLUTION
        from nnstudio.insight.live import RunMonitor

        ds = session.dataset
        if ds.bounds is not None:
            view = getattr(self.window, "neuron_view", None)
            units = view is not None and view.enabled and view.any_shown()
            probe = grid_probe(
                session.network,
                ds.preprocessor.transform,
                ds.bounds,
                GRID_RESOLUTION,
                units=units,
            )
            self.window.surface.set_grid(probe.pop("grid"))
            if units:
                view.show_probe(probe)
        monitor = RunMonitor(session, budget=0)
        project = self.window.document.project
        rows = self.insight.run_rows(project)
        monitor.rows = [r for r in rows if int(r.get("epoch", 0)) <= epoch]
        insight = monitor.refresh(force=True)["insight"]
        insight["epoch"] = epoch
        full = (self.insight.last_insight or {}).get("history")
        if full is not None:  # the run's statistics up to this epoch
            insight["history"] = _history_until(full, epoch) or insight["history"]
        self.insight.show_insight(insight, keep=True)

    def show_latest(self) -> None:
        """Back to the project's current weights."""
        self.epoch = None
        w = self.widget
        w.slider.blockSignals(True)
        w.slider.setValue(w.slider.maximum())
        w.slider.blockSignals(False)
        w.label.setText(self.tr("latest"))
        self.window.refresh_preview()
        view = getattr(self.window, "neuron_view", None)
        if view is not None and view.enabled:
            view.preview()
        self.insight.compute_from_project()

    # ------------------------------------------------------------------ export
    def _ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Export the replay as PNG images into")
        )
        if folder:
            try:
                paths = self.export_png_sequence(folder)
                self.window.show_message(
                    self.tr("Wrote {0} images to {1}").format(len(paths), folder)
                )
            except NNStudioError as exc:
                self.window.show_error(self.tr("Export replay"), core_tr(exc))

    def _ask_gif(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the replay as an animated GIF"),
            "replay.gif",
            self.tr("GIF images (*.gif)"),
        )
        if path:
            try:
                self.export_gif(path)
                self.window.show_message(self.tr("Wrote {0}").format(path))
            except NNStudioError as exc:
                self.window.show_error(self.tr("Export replay"), core_tr(exc))

    def export_gif(self, path: str | Path, *, width: int = GIF_WIDTH) -> Path:
        """An animated GIF of the window, one frame per snapshot (at most
        :data:`GIF_FRAMES`, evenly chosen), scaled to ``width`` pixels; needs Pillow."""
        if not gif_available():
            raise ReplayError(
                "Animated GIFs need the optional Pillow package: pip install pillow "
                "(or export a PNG sequence)."
            )
        import io

        from PIL import Image
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from nnstudio.io.atomic import write_bytes_atomic

        if not self.epochs:
            raise ReplayError("There is no replay to export: train the network first.")
        step = max(1, -(-len(self.epochs) // GIF_FRAMES))
        frames = []
        for epoch in self.epochs[::step]:
            self.show_epoch(epoch)
            QApplication.processEvents()
            image = (
                self.window.grab()
                .toImage()
                .scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            )
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            buffer.close()
            frame = Image.open(io.BytesIO(bytes(data.data()))).convert("RGB")
            frames.append(frame.quantize(colors=255))
        self.show_latest()
        out = io.BytesIO()
        frames[0].save(
            out, format="GIF", save_all=True, append_images=frames[1:], duration=120, loop=0
        )
        return write_bytes_atomic(path, out.getvalue(), error=ReplayError)

    def export_png_sequence(self, folder: str | Path) -> list[Path]:
        """One PNG of the window per snapshot (``replay_0001_epoch_5.png``...)."""
        from nnstudio.gui.atomic_images import save_image_atomic

        target = Path(folder)
        if not target.is_dir():
            raise ReplayError(f"Cannot write the replay into {target}: it is not a folder.")
        paths = []
        for i, epoch in enumerate(self.epochs, start=1):
            self.show_epoch(epoch)
            QApplication.processEvents()
            path = target / f"replay_{i:04d}_epoch_{epoch}.png"
            save_image_atomic(self.window.grab(), path, ReplayError)
            paths.append(path)
        self.show_latest()
        return paths


def gif_available() -> bool:
    """True when the optional Pillow package (the ``images`` extra) can write GIFs."""
    try:
        import PIL.Image  # noqa: F401
    except ImportError:
        return False
    return True


def _history_until(history: Any, epoch: int) -> Any:
    """A copy of a LayerHistory with the columns up to ``epoch`` (None if none)."""
    keep = [i for i, e in enumerate(history.epochs) if e <= epoch]
    if not keep:
        return None
    out = history.copy()
    out.epochs = [history.epochs[i] for i in keep]
    for cols in out.layers.values():
        for k, col in cols.items():
            cols[k] = [col[i] for i in keep]
    return out


def install(window: Any) -> Replay:
    """Add the Replay dock to ``window`` (after :func:`insight_docks.install`)."""
    window.replay = Replay(window, window.insight)
    return window.replay
