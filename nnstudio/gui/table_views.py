"""Pictures for data with more than two inputs, wired into the main window.

- the decision surface is drawn on a chosen pair of features (the Feature pair dock) with
  the other features held at set values;
- the Projection dock places every sample by the first two principal components,
  coloured by class, wrong predictions circled.

Both follow training live: :func:`view_probe` runs in the worker's thread at each
snapshot (one batched forward pass over the grid and the projected samples) and its
results join the snapshot. When no run is going, the current network is drawn directly.
:func:`install` is the main window's one hook.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from nnstudio.data.image_sets import IMAGE_FOLDER, IMAGE_SETS
from nnstudio.data.views import FeaturePair, PairData, grid_points, pair_view
from nnstudio.errors import NNStudioError
from nnstudio.graph import compile_spec
from nnstudio.gui.feature_pair import FeaturePairPanel
from nnstudio.gui.image_views import input_image_shape
from nnstudio.gui.projection_view import ProjectionView
from nnstudio.gui.worker import GRID_RESOLUTION

PREVIEW_DELAY_MS = 150


def view_probe(
    pair: FeaturePair | None,
    bounds: tuple[float, float, float, float] | None,
    samples: np.ndarray | None,
    resolution: int = GRID_RESOLUTION,
) -> Callable[[Any], dict]:
    """A ``probe(session) -> dict`` for the worker: ``"grid"`` (xs, ys, values (res, res,
    k)) of the network over the feature pair with the held values, and
    ``"projection_outputs"`` (n, k) on the projected samples (model inputs). NumPy only:
    it runs in the worker's thread."""
    samples = None if samples is None else np.array(samples, copy=True)

    def probe(session: Any) -> dict:
        out: dict = {}
        if pair is not None and bounds is not None:
            xs, ys, points = grid_points(bounds, resolution)
            x = session.dataset.preprocessor.transform(pair.embed(points))
            values = session.network.predict(x).astype(np.float32)
            out["grid"] = (xs, ys, values.reshape(resolution, resolution, -1))
        if samples is not None:
            out["projection_outputs"] = session.network.predict(samples).astype(np.float32)
        return out

    return probe


class TableViews(QObject):
    """Keeps the feature-pair surface and the projection in step with the document."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        doc = window.document
        tr = self.tr
        self.pair_panel = FeaturePairPanel()
        self.projection = ProjectionView()
        self.pair_dock = QDockWidget(tr("Feature pair"), window)
        self.pair_dock.setObjectName("FeaturePairDock")
        self.pair_dock.setWidget(self.pair_panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.pair_dock)
        window.tabifyDockWidget(window.data_dock, self.pair_dock)
        self.projection_dock = QDockWidget(tr("Projection"), window)
        self.projection_dock.setObjectName("ProjectionDock")
        self.projection_dock.setWidget(self.projection)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.projection_dock)
        window.tabifyDockWidget(window.surface_dock, self.projection_dock)
        window.surface_dock.raise_()
        self.dataset: Any = None
        self.pair: FeaturePair | None = None
        self.view: PairData | None = None
        self.previews = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        doc.dataChanged.connect(self.data_changed)
        doc.projectReplaced.connect(self.data_changed)
        doc.trainingChanged.connect(self.data_changed)
        doc.networkChanged.connect(self.schedule_preview)
        doc.weightsChanged.connect(self.schedule_preview)
        self.pair_panel.pairChanged.connect(self.set_pair)
        window.controller.started.connect(self._send_probe)
        window.controller.snapshot.connect(self.on_snapshot)
        window.controller.finished.connect(lambda *_a: self.schedule_preview())
        self.data_changed()

    @property
    def active(self) -> bool:
        """True when the data has more than two raw inputs (the views are in use)."""
        return self.dataset is not None and self.pair is not None

    # ------------------------------------------------------------------ data
    def data_changed(self) -> None:
        doc = self.window.document
        try:
            ds = doc.dataset()
        except NNStudioError:
            ds = None
        # tables of more than two columns; images have their own views (gui.image_views)
        image = (
            doc.project.data.name in IMAGE_SETS
            or doc.project.data.name == IMAGE_FOLDER
            or input_image_shape(doc) is not None  # e.g. digits read as 1x8x8 images
        )
        wide = ds is not None and not image and ds.bounds is None and ds.raw_train.shape[1] > 2
        for dock in (self.pair_dock, self.projection_dock):
            dock.toggleViewAction().setEnabled(wide)
            dock.setVisible(wide)
        if not wide:
            if self.dataset is not None:  # leaving: the 2-D surface has no axis names
                self.window.surface.plot.setLabel("bottom", "")
                self.window.surface.plot.setLabel("left", "")
            self.dataset = self.pair = self.view = None
            return
        loss = doc.project.training.loss
        if ds is not self.dataset:
            self.dataset = ds
            self.pair_panel.set_features(list(ds.feature_names), ds.raw_train)
            self.pair = self.pair_panel.pair
            self.projection.set_dataset(ds, loss=loss)
        self._show_pair(loss)
        self.schedule_preview()

    def set_pair(self, pair: FeaturePair) -> None:
        """Draw the surface on ``pair`` (from the panel, or called directly)."""
        if self.dataset is None:
            return
        self.pair = pair
        self._show_pair(self.window.document.project.training.loss)
        self._send_probe()
        self.schedule_preview()

    def _show_pair(self, loss: str) -> None:
        assert self.pair is not None
        self.view = pair_view(self.dataset, self.pair)
        surface = self.window.surface
        surface.set_dataset(self.view, loss=loss)
        surface.plot.setLabel("bottom", self.view.names[0])
        surface.plot.setLabel("left", self.view.names[1])

    # ------------------------------------------------------------------ network outputs
    def schedule_preview(self) -> None:
        if self.active and not self.window.controller.running:
            self._timer.start()

    def refresh_preview(self) -> None:
        """Draw the current network (trained or freshly initialised) on the pair and the
        projection, outside training."""
        if not self.active or self.window.controller.running:
            return
        doc = self.window.document
        if doc.problems():
            self.window.surface.clear_surface()
            return
        project = doc.project
        try:  # the document's cached dataset: no second read of a large CSV
            network = compile_spec(
                project.network, dtype=project.training.dtype, seed=project.training.seed
            )
            if project.weights is not None:
                network.set_weights(dict(project.weights))
            current = SimpleNamespace(network=network, dataset=doc.dataset())
        except NNStudioError:
            self.window.surface.clear_surface()
            return
        out = view_probe(self.pair, self.view.bounds, self.projection.samples)(current)
        self.window.surface.set_grid(out["grid"])
        self.projection.set_outputs(out["projection_outputs"])
        self.previews += 1

    def _send_probe(self) -> None:
        worker = self.window.controller.worker
        setter = getattr(worker, "set_view_probe", None)
        if setter is None:
            return
        if not self.active:
            setter(None)
            return
        setter(view_probe(self.pair, self.view.bounds, self.projection.samples))

    def on_snapshot(self, snap: dict) -> None:
        outputs = snap.get("projection_outputs")
        if outputs is not None and self.active:
            self.projection.set_outputs(outputs)


def install(window: Any) -> TableViews:
    """Add the Feature pair and Projection docks to ``window`` (a MainWindow) and keep
    them in step; returns the controller (``window.table_views``)."""
    window.table_views = TableViews(window)
    return window.table_views
