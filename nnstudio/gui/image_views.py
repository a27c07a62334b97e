"""Views for image data (issue 13), in one "Images" dock with three tabs:

- **Test samples**: the first test images with their true and predicted labels,
  misclassified first (red);
- **Filters**: the first convolution's weights, one picture per filter and input channel;
- **Feature maps**: the output of every layer for one chosen test sample (up to
  :data:`MAX_MAPS` channels per layer; flat layers as one row).

They follow training live: :func:`image_probe` runs in the worker's thread at each snapshot
(``TrainingWorker.set_image_probe``) and its ``"image_views"`` item joins the snapshot.
Outside training the current network is drawn directly. The confusion matrix is the
Results dock's (issue 11). :func:`install` is the main window's one hook.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.engine.probe import unit_outputs
from nnstudio.errors import NNStudioError
from nnstudio.graph import compile_spec
from nnstudio.gui.image_tiles import Tile, TileGrid, as_picture

GRID_SAMPLES = 48  # test images in the samples grid
MAX_MAPS = 16  # channels shown per layer
MAX_FILTERS = 64  # filter pictures
PREVIEW_DELAY_MS = 150
LIVE_INTERVAL_S = 0.25  # the pictures follow training at most 4 times a second


def misclassified_first(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """Indices of the samples, the misclassified ones first, each group in sample order."""
    wrong = np.asarray(y_pred) != np.asarray(y_true)
    return np.concatenate([np.flatnonzero(wrong), np.flatnonzero(~wrong)])


def predicted_classes(outputs: np.ndarray, output_activation: str) -> np.ndarray:
    """``(n,)`` int labels from network outputs ``(n, k)``: argmax, or for one output the
    0.5 threshold of a sigmoid (0 for logits)."""
    out = np.asarray(outputs).reshape(len(outputs), -1)
    if out.shape[1] > 1:
        return out.argmax(axis=1)
    cut = 0.5 if output_activation == "sigmoid" else 0.0
    return (out[:, 0] > cut).astype(np.int64)


def first_conv(nodes: list[Any]) -> str | None:
    """Id of the first ``conv2d`` node in ``nodes`` (topological order), or None."""
    return next((nd.id for nd in nodes if nd.kind == "conv2d"), None)


def input_image_shape(doc: Any) -> tuple[int, int, int] | None:
    """``(channels, height, width)`` when the document's network takes images, else None."""
    inputs = [i for i, n in doc.project.network.nodes.items() if n.kind == "input"]
    shape = doc.shapes().get(inputs[0]) if len(inputs) == 1 else None
    return tuple(shape) if shape is not None and len(shape) == 3 else None


def image_probe(
    samples: np.ndarray,
    sample: int,
    shapes: dict[str, tuple[int, ...] | None],
    min_interval: float = 0.0,
) -> Callable[[Any], dict]:
    """A ``probe(session) -> {"image_views": {...}}`` for the worker (NumPy only):
    ``predictions`` (m,) for ``samples`` (m, n_features) model inputs, ``filters`` (the
    first conv's weight (f, c, k, k) or None) and ``filter_node``, ``maps`` {node id:
    output of ``samples[sample]`` shaped by ``shapes``}. Called again within
    ``min_interval`` seconds it returns ``{}`` (the pictures need not follow every
    snapshot; training keeps its pace)."""
    samples = np.array(samples, copy=True)
    last = [-np.inf]

    def probe(session: Any) -> dict:
        now = time.perf_counter()
        if now - last[0] < min_interval:
            return {}
        last[0] = now
        net = session.network
        outputs = net.predict(samples)
        flat = unit_outputs(net, samples[sample : sample + 1])
        maps = {}
        for node_id, out in flat.items():
            shape = shapes.get(node_id)
            maps[node_id] = out[0].reshape(shape) if shape else out[0]
        conv = first_conv(net.nodes)
        filters = None if conv is None else net.get_weights()[f"{conv}.weight"]
        return {
            "image_views": {
                "predictions": predicted_classes(outputs, net.output_activation),
                "filters": None if filters is None else filters.astype(np.float32),
                "filter_node": conv,
                "maps": maps,
            }
        }

    return probe


class ImageViews(QObject):
    """Keeps the Images dock in step with the document and the training run."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        tr = self.tr
        self.samples_grid = TileGrid(64)
        self.filters_grid = TileGrid(56)
        self.filters_label = QLabel()
        self.sample_spin = QSpinBox()
        self.sample_spin.setToolTip(tr("Which test sample's feature maps to show"))
        self.sample_spin.setRange(0, 0)
        self.maps_box = QWidget()
        self.maps_layout = QVBoxLayout(self.maps_box)
        self.maps_layout.setContentsMargins(4, 4, 4, 4)
        self.map_grids: dict[str, TileGrid] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(
            _scroll(self.samples_grid, tr("Misclassified first (red)")), tr("Test samples")
        )
        self.tabs.addTab(_scroll(self.filters_grid, self.filters_label), tr("Filters"))
        picker = QWidget()
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Sample")))
        row.addWidget(self.sample_spin)
        row.addStretch(1)
        self.tabs.addTab(_scroll(self.maps_box, picker), tr("Feature maps"))
        self.dock = QDockWidget(tr("Images"), window)
        self.dock.setObjectName("ImagesDock")
        self.dock.setWidget(self.tabs)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.surface_dock, self.dock)
        self.dataset: Any = None
        self.image_shape: tuple[int, ...] | None = None
        self.labels = np.zeros(0, np.int64)
        self.samples: np.ndarray | None = None
        self.pixels: np.ndarray | None = None
        self.order = np.zeros(0, np.int64)
        self.shown: dict | None = None
        self.updates = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        doc = window.document
        for signal in (doc.dataChanged, doc.projectReplaced, doc.networkChanged):
            signal.connect(self.data_changed)
        doc.weightsChanged.connect(self.schedule_preview)
        self.sample_spin.valueChanged.connect(self._sample_changed)
        window.controller.started.connect(self._send_probe)
        window.controller.snapshot.connect(self.on_snapshot)
        window.controller.finished.connect(lambda *_a: self.schedule_preview())
        self.data_changed()

    @property
    def active(self) -> bool:
        """True when the network takes images and the data loads."""
        return self.samples is not None

    # ------------------------------------------------------------------ data
    def data_changed(self) -> None:
        doc = self.window.document
        try:
            ds = doc.dataset()
        except NNStudioError:
            ds = None
        shape = input_image_shape(doc)
        image = ds is not None and shape is not None
        image = image and int(np.prod(shape)) == ds.raw_test.shape[1]
        self.dock.toggleViewAction().setEnabled(image)
        self.dock.setVisible(image)
        if not image:
            self.dataset = self.samples = self.pixels = self.shown = None
            return
        if ds is not self.dataset or shape != self.image_shape:
            m = min(GRID_SAMPLES, len(ds.y_test))
            self.dataset, self.image_shape = ds, tuple(shape)
            self.samples = np.array(ds.x_test[:m])
            self.pixels = np.asarray(ds.raw_test[:m]).reshape(m, *shape)
            self.labels = np.asarray(ds.y_test[:m]).astype(np.int64)
            self.sample_spin.setRange(0, max(0, m - 1))
        self._send_probe()
        self.schedule_preview()

    def _class_name(self, label: int) -> str:
        names = getattr(self.dataset, "class_names", None)
        return str(names[label]) if names and 0 <= label < len(names) else str(label)

    def _sample_changed(self) -> None:
        self._send_probe()
        self.schedule_preview()

    # ------------------------------------------------------------------ network outputs
    def probe(self, min_interval: float = 0.0) -> Callable[[Any], dict]:
        shapes = self.window.document.shapes()
        return image_probe(self.samples, self.sample_spin.value(), shapes, min_interval)

    def schedule_preview(self) -> None:
        if self.active and not self.window.controller.running:
            self._timer.start()

    def refresh_preview(self) -> None:
        """Draw the current network (trained or freshly initialised), outside training."""
        if not self.active or self.window.controller.running:
            return
        doc = self.window.document
        if doc.problems():
            return
        project = doc.project
        try:
            network = compile_spec(
                project.network, dtype=project.training.dtype, seed=project.training.seed
            )
            if project.weights is not None:
                network.set_weights(dict(project.weights))
        except NNStudioError:
            return
        self.show(self.probe()(SimpleNamespace(network=network))["image_views"])

    def _send_probe(self) -> None:
        worker = self.window.controller.worker
        setter = getattr(worker, "set_image_probe", None)
        if setter is not None:
            setter(self.probe(LIVE_INTERVAL_S) if self.active else None)

    def on_snapshot(self, snap: dict) -> None:
        views = snap.get("image_views")
        if views is not None and self.active:
            self.show(views)

    # ------------------------------------------------------------------ drawing
    def show(self, views: dict) -> None:
        """Draw a probe's ``"image_views"`` dict on the three tabs."""
        assert self.pixels is not None
        tr = self.tr
        self.shown = views
        pred = np.asarray(views["predictions"])
        self.order = misclassified_first(self.labels, pred)
        self.samples_grid.set_tiles(
            [
                Tile(
                    as_picture(self.pixels[i]),
                    f"{self._class_name(int(self.labels[i]))}→{self._class_name(int(pred[i]))}",
                    bool(pred[i] != self.labels[i]),
                )
                for i in self.order
            ]
        )
        filters = views.get("filters")
        if filters is None:
            self.filters_grid.set_tiles([])
            self.filters_label.setText(tr("The network has no convolution."))
        else:
            f, c = filters.shape[:2]
            tiles = [
                Tile(filters[i, j], f"{i + 1}" + (f".{j + 1}" if c > 1 else ""))
                for i in range(f)
                for j in range(c)
            ][:MAX_FILTERS]
            self.filters_grid.set_tiles(tiles)
            self.filters_label.setText(
                tr("{0}: {1} filters of {2}x{3}, {4} input channel(s)").format(
                    views.get("filter_node"), f, filters.shape[2], filters.shape[3], c
                )
            )
        self._show_maps(views["maps"])
        self.updates += 1

    def _show_maps(self, maps: dict[str, np.ndarray]) -> None:
        if list(maps) != list(self.map_grids):
            while self.maps_layout.count():
                item = self.maps_layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            self.map_grids = {}
            for node_id in maps:
                title = QLabel()
                title.setObjectName(f"map-title-{node_id}")
                self.maps_layout.addWidget(title)
                grid = TileGrid(40)
                self.maps_layout.addWidget(grid)
                self.map_grids[node_id] = grid
            self.maps_layout.addStretch(1)
        for node_id, values in maps.items():
            v = np.asarray(values)
            tiles = (
                [Tile(v[k]) for k in range(min(MAX_MAPS, v.shape[0]))]
                if v.ndim == 3
                else [Tile(as_picture(v))]
            )
            self.map_grids[node_id].set_tiles(tiles)
            title = self.maps_box.findChild(QLabel, f"map-title-{node_id}")
            if title is not None:
                more = v.shape[0] - MAX_MAPS if v.ndim == 3 and v.shape[0] > MAX_MAPS else 0
                extra = self.tr(" (first {0} channels)").format(MAX_MAPS) if more else ""
                title.setText(f"{node_id} {tuple(v.shape)}{extra}")


def _scroll(content: QWidget, header: QWidget | str) -> QWidget:
    """``header`` above ``content`` in a vertical scroll area."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.addWidget(QLabel(header) if isinstance(header, str) else header)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    layout.addWidget(area, 1)
    return page


def install(window: Any) -> ImageViews:
    """Add the Images dock to ``window`` (a MainWindow); returns ``window.image_views``."""
    window.image_views = ImageViews(window)
    return window.image_views
