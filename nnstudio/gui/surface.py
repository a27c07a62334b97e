"""The decision surface: the model's output over the data's bounding box, with the points.

- binary classification: P(class 1) through a diverging colour map with fixed levels
  (0..1), so a colour means the same probability in every frame;
- multi-class: one colour per class, blended by the predicted probabilities;
- regression: the predicted value, levels fixed to the range of the training targets.

The surface is drawn in softened colours (``SURFACE_STRENGTH`` of the way from the neutral
to the class colour) and the points in full colours, so every point stands out, and a
point on the wrong side of the boundary is easy to spot.

The image is an ``ImageItem`` placed in data coordinates with ``setRect`` (only when the
rectangle or the grid's shape changes); it holds the data, levels and colour table and
makes the ``QImage``, but a C++ ``QGraphicsPixmapItem`` child draws it. Train and test
points are two ``ScatterPlotItem`` created once and refreshed with ``setData``.

Why: PySide keeps the GIL during every C++ call made from Python, and pyqtgraph's
``GraphicsView.paintEvent`` and ``ImageItem.paint`` are Python overrides, so the whole
surface (the scaled image, the cached points and axes) was painted with the GIL held, ~60
times a second, while the training thread waited. The surface's view
(:class:`~nnstudio.gui.plots.NativePlotWidget`) and image are painted by Qt alone.

Controls: show or hide the train and the test points, "discretize output" (each point
coloured by its predicted class, or regression values in a few bands), a colour legend
with the value scale, and the surface's own right-click menu (export image, the toggles).
The dock can also show one unit's map large (:meth:`show_unit`, from the neuron view)
until "Back to output" is clicked.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.i18n import core_tr
from nnstudio.gui.narrow import WrapRow
from nnstudio.gui.plots import NativePlotWidget, plot_colors
from nnstudio.gui.surface_legend import ColorLegend, discretize

#: Playground-like colours: class 0 orange, class 1 blue, neutral in the middle.
NEGATIVE = np.array([245, 147, 34], dtype=np.float64)
NEUTRAL = np.array([232, 234, 235], dtype=np.float64)
POSITIVE = np.array([8, 119, 189], dtype=np.float64)
#: One colour per class for multi-class problems (RGB).
CLASS_COLORS = np.array(
    [
        [245, 147, 34],
        [8, 119, 189],
        [44, 160, 44],
        [214, 39, 40],
        [148, 103, 189],
        [140, 86, 75],
        [227, 119, 194],
        [127, 127, 127],
        [188, 189, 34],
        [23, 190, 207],
    ],
    dtype=np.float64,
)


#: How far the surface's colours go from NEUTRAL towards the full class colours (0..1).
SURFACE_STRENGTH = 0.6
#: Regression points are coloured with this many shades (shared brushes draw fast).
POINT_SHADES = 64


def soften(rgb: np.ndarray, strength: float = SURFACE_STRENGTH) -> np.ndarray:
    """Move colours (..., 3) towards NEUTRAL: the surface's paler version of them."""
    return NEUTRAL + (np.asarray(rgb, dtype=np.float64) - NEUTRAL) * strength


def diverging_lut(n: int = 256) -> np.ndarray:
    """(n, 3) uint8 lookup table: NEGATIVE -> NEUTRAL -> POSITIVE."""
    t = np.linspace(-1.0, 1.0, n)[:, None]
    lo = NEUTRAL + (NEGATIVE - NEUTRAL) * np.clip(-t, 0, 1)
    hi = NEUTRAL + (POSITIVE - NEUTRAL) * np.clip(t, 0, 1)
    return np.where(t < 0, lo, hi).round().astype(np.uint8)


def class_colors(n_classes: int) -> np.ndarray:
    """(n_classes, 3) float RGB colours; binary uses the diverging map's two ends."""
    if n_classes <= 2:
        return np.stack([NEGATIVE, POSITIVE])
    reps = int(np.ceil(n_classes / len(CLASS_COLORS)))
    return np.tile(CLASS_COLORS, (reps, 1))[:n_classes]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class CachedScatter(pg.ScatterPlotItem):
    """A ``ScatterPlotItem`` that computes its bounding rectangle once per change of its
    data or view (pyqtgraph recomputes it, with the pixel size of the points, every time
    Qt asks: every frame the surface image repaints under the points)."""

    _bounds_cache: QRectF | None = None

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        if self._bounds_cache is None:
            self._bounds_cache = QRectF(super().boundingRect())
        return QRectF(self._bounds_cache)

    def prepareGeometryChange(self) -> None:  # noqa: N802 (Qt API)
        # pyqtgraph calls it when the data or the view transform change
        self._bounds_cache = None
        super().prepareGeometryChange()

    def _updateMaxSpotSizes(self, **kwargs: Any) -> None:  # noqa: N802 (pyqtgraph's)
        self._bounds_cache = None  # new sizes or pens
        super()._updateMaxSpotSizes(**kwargs)

    def clear(self) -> None:
        self._bounds_cache = None
        super().clear()


class DecisionSurface(QWidget):
    """The surface image plus train/test scatter points, with a "test points" toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = "binary"
        self.n_classes = 2
        self.class_names: list[str] | None = None
        self.logits = False
        self.levels: tuple[float, float] = (0.0, 1.0)
        self._lut = diverging_lut()
        self._surface_lut = soften(self._lut).round().astype(np.uint8)
        self.frames = 0

        self.unit_view: tuple[str, int] | None = None  # a unit shown large, or None
        self._last_grid: tuple | None = None
        self.rect = QRectF(0, 0, 1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        bar = WrapRow()  # wraps in a narrow dock
        self.train_check = QCheckBox(self.tr("Train points"))
        self.train_check.setToolTip(self.tr("Show the training points"))
        self.train_check.setChecked(True)
        self.train_check.toggled.connect(self._toggle_train)
        bar.addWidget(self.train_check)
        self.test_check = QCheckBox(self.tr("Test points"))
        self.test_check.setToolTip(self.tr("Show the test points (triangles)"))
        self.test_check.setChecked(True)
        self.test_check.toggled.connect(self._toggle_test)
        bar.addWidget(self.test_check)
        self.discrete_check = QCheckBox(self.tr("Discretize output"))
        self.discrete_check.setToolTip(
            self.tr("Colour each point of the plane by its predicted class only")
        )
        self.discrete_check.toggled.connect(self._redraw)
        bar.addWidget(self.discrete_check)
        self.back_button = QPushButton(self.tr("Back to output"))
        self.back_button.setToolTip(self.tr("Show the network's output again"))
        self.back_button.clicked.connect(self.show_output)
        self.back_button.hide()
        bar.addWidget(self.back_button)
        layout.addWidget(bar)
        self.title = QLabel()
        self.title.setObjectName("surfaceTitle")
        self.title.hide()
        layout.addWidget(self.title)

        self.plot = NativePlotWidget()
        # The view shows exactly the grid's rectangle: a locked aspect ratio would pad a
        # non-square dock with empty bands around the surface.
        self.plot.setAspectLocked(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumSize(160, 160)
        self.plot.getPlotItem().hideButtons()
        self.plot.getPlotItem().setMenuEnabled(False)
        self.plot.getPlotItem().getViewBox().setMenuEnabled(False)
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.plot, 1)
        self.legend = ColorLegend()
        layout.addWidget(self.legend)
        self.message = QLabel(self.tr("The decision surface is drawn for data with two inputs."))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.image_item.setZValue(-10)
        # the ImageItem keeps the data and makes the QImage; its child draws it, in C++
        self.image_item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._pixmap_item = QGraphicsPixmapItem(self.image_item)
        self._placed: tuple | None = None  # (rect, image shape) setRect was last given
        self.plot.addItem(self.image_item)
        self.train_scatter = CachedScatter(
            size=6, pen=pg.mkPen(255, 255, 255, 200, width=1), symbol="o"
        )
        self._test_pen = pg.mkPen(40, 40, 40, 200, width=1)
        self._train_pen = pg.mkPen(255, 255, 255, 220, width=1)
        self.test_scatter = CachedScatter(size=7, pen=self._test_pen, symbol="t")
        self.plot.addItem(self.train_scatter)
        self.plot.addItem(self.test_scatter)
        # Each new surface image repaints what overlaps it: the points and the axes then
        # come from pixmap caches instead of being drawn again (~60 frames a second).
        cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
        for item in (self.train_scatter, self.test_scatter):
            item.setCacheMode(cached)
        for name in ("left", "bottom"):
            self.plot.getPlotItem().getAxis(name).setCacheMode(cached)
        self.apply_palette()

    # ------------------------------------------------------------------------ public API
    def apply_palette(self) -> None:
        bg, fg = plot_colors()
        self.plot.setBackground(bg)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            item.getAxis(name).setPen(fg)
            item.getAxis(name).setTextPen(fg)

    def set_dataset(self, dataset: Any, *, loss: str = "bce") -> None:
        """Show ``dataset``'s points and prepare the colouring for its task.

        ``dataset`` has raw_train (n, 2), y_train (n,), raw_test, y_test, task, n_classes and
        bounds (xmin, xmax, ymin, ymax) or None when the data is not 2-D.
        """
        self.task = dataset.task
        self.n_classes = int(dataset.n_classes)
        self.class_names = getattr(dataset, "class_names", None)  # legend labels
        self.logits = loss in ("bce_logits",)
        bounds = dataset.bounds
        two_d = bounds is not None and dataset.raw_train.shape[1] == 2
        self.plot.setVisible(two_d)
        for widget in (self.train_check, self.test_check, self.discrete_check, self.legend):
            widget.setVisible(two_d)
        self.message.setVisible(not two_d)
        self.show_output()
        if not two_d:
            self._clear_image()
            return
        xmin, xmax, ymin, ymax = (float(b) for b in bounds)
        self.rect = QRectF(xmin, ymin, xmax - xmin, ymax - ymin)
        if self.task == "regression":
            y = np.asarray(dataset.y_train, dtype=np.float64).reshape(len(dataset.y_train), -1)
            lo, hi = float(np.min(y[:, 0])), float(np.max(y[:, 0]))
            if hi <= lo:
                hi = lo + 1.0
            self.levels = (lo, hi)
        else:
            self.levels = (0.0, 1.0)
        self._update_legend()
        # Regression points share the surface's colours: a dark rim keeps them visible.
        rim = (40, 40, 40, 200) if self.task == "regression" else (255, 255, 255, 220)
        self._train_pen = pg.mkPen(*rim, width=1)
        self._set_points(self.train_scatter, dataset.raw_train, dataset.y_train, self._train_pen)
        self._set_points(self.test_scatter, dataset.raw_test, dataset.y_test, self._test_pen)
        self._clear_image()
        self.plot.getPlotItem().setRange(
            xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0.0, disableAutoRange=True
        )

    def set_grid(self, grid: tuple[np.ndarray, np.ndarray, np.ndarray] | None) -> None:
        """Draw the model's output: ``grid`` = (xs (res,), ys (res,), values (res, res, k)).

        ``values[i, j]`` is the output at (xs[j], ys[i]).
        """
        if grid is None:
            return
        self._last_grid = grid
        self.frames += 1
        if self.unit_view is not None:
            return  # a unit's map is shown large; the output is drawn again on "back"
        _xs, _ys, values = grid
        values = np.asarray(values)
        if values.ndim == 2:
            values = values[:, :, None]
        discrete = self.discrete_check.isChecked()
        if self.task == "multiclass" and values.shape[2] > 1:
            probs = values
            sums = probs.sum(axis=2)
            if probs.min() < 0 or not np.allclose(sums[::17, ::17], 1.0, atol=1e-3):
                probs = _softmax(probs)
            colors = class_colors(values.shape[2])
            rgb = np.tensordot(probs, colors, axes=([2], [0]))
            # Blend towards neutral where the model is unsure (max prob near 1/k).
            conf = probs.max(axis=2, keepdims=True)
            k = values.shape[2]
            w = np.clip((conf - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0) * 0.75 + 0.25
            if discrete:
                rgb = colors[np.argmax(probs, axis=2)]
                w = np.ones_like(conf)
            rgb = soften(rgb, SURFACE_STRENGTH * w)
            self.image_item.setImage(
                np.clip(rgb, 0, 255).astype(np.uint8), levels=(0, 255), autoLevels=False
            )
        else:
            z = values[:, :, 0]
            if self.task != "regression" and self.logits:
                z = _sigmoid(z)
            if discrete:
                z = discretize(z, self.levels, self.task)
            self.image_item.setImage(
                np.ascontiguousarray(z, dtype=np.float32),
                levels=self.levels,
                lut=self._surface_lut,
                autoLevels=False,
            )
        self._show_image()

    def clear_surface(self) -> None:
        self._last_grid = None
        self._clear_image()

    def show_unit(self, label: str, values: np.ndarray, levels: tuple[float, float]) -> None:
        """Show one unit's map (r, r) large, with its node's fixed ``levels``."""
        self.image_item.setImage(
            np.ascontiguousarray(values, dtype=np.float32),
            levels=levels,
            lut=self._surface_lut,
            autoLevels=False,
        )
        self._show_image()
        self.title.setText(self.tr("Unit map: {label}").format(label=label))
        self.title.show()
        self.back_button.show()
        self.legend.set_scale(levels, self.tr("unit output"))

    def show_output(self) -> None:
        """Leave a unit's map and draw the network's output again."""
        was = self.unit_view is not None
        self.unit_view = None
        self.title.hide()
        self.back_button.hide()
        self._update_legend()
        if was and self._last_grid is not None:
            self.set_grid(self._last_grid)
        elif was:
            self._clear_image()  # no output drawn yet: never leave the unit's map

    def export_image(self, path: str) -> None:
        """Write the surface (image, points and axes) as PNG; raises PlotExportError."""
        from nnstudio.gui.atomic_images import save_image_atomic
        from nnstudio.gui.plots import PlotExportError

        save_image_atomic(self.plot.grab(), path, PlotExportError, "PNG")

    # ------------------------------------------------------------------------ internals
    def _show_image(self) -> None:
        """Place the image item's new data over ``self.rect`` and hand its colours to the
        pixmap item that draws them."""
        item = self.image_item
        placed = (self.rect.getRect(), item.image.shape[:2])
        if placed != self._placed:
            item.setRect(self.rect)
            self._placed = placed
        item.render()
        if item.qimage is None:
            self._pixmap_item.setPixmap(QPixmap())
        else:
            self._pixmap_item.setPixmap(QPixmap.fromImage(item.qimage))

    def _clear_image(self) -> None:
        self.image_item.clear()
        self._pixmap_item.setPixmap(QPixmap())

    def _toggle_test(self, on: bool) -> None:
        self.test_scatter.setVisible(on)

    def _toggle_train(self, on: bool) -> None:
        self.train_scatter.setVisible(on)

    def _redraw(self, *_args: object) -> None:
        self._update_legend()
        if self._last_grid is not None and self.unit_view is None:
            self.set_grid(self._last_grid)

    def _update_legend(self) -> None:
        if self.task == "regression":
            self.legend.set_scale(self.levels, self.tr("predicted value"))
        elif self.task == "multiclass":
            self.legend.set_classes(max(self.n_classes, 2), self.class_names)
        elif self.class_names and len(self.class_names) == 2:  # the data's class names
            self.legend.set_scale((0.0, 1.0), self.tr("P({name})").format(name=self.class_names[1]))
        else:
            self.legend.set_scale((0.0, 1.0), self.tr("P(class 1)"))

    def context_menu(self) -> QMenu:
        """The surface's own right-click menu: export and the view toggles."""
        menu = QMenu(self)
        menu.addAction(self.tr("Export image…"), self._export_dialog)
        menu.addSeparator()
        for check in (self.train_check, self.test_check, self.discrete_check):
            action = menu.addAction(check.text())
            action.setCheckable(True)
            action.setChecked(check.isChecked())
            action.toggled.connect(check.setChecked)
        if self.unit_view is not None:
            menu.addSeparator()
            menu.addAction(self.back_button.text(), self.show_output)
        return menu

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        self.context_menu().popup(self.plot.mapToGlobal(pos))

    def _export_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from nnstudio.errors import NNStudioError

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export surface image"), "surface.png", self.tr("PNG images (*.png)")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.export_image(path)
        except NNStudioError as exc:
            QMessageBox.warning(self, self.tr("Export image"), core_tr(exc))

    def _point_colors(self, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(palette (k, 3) uint8, index (n,)): each point's colour as an index into a small
        palette (classes, or POINT_SHADES shades of the regression map)."""
        y = np.asarray(y)
        if self.task == "regression":
            v = y.reshape(len(y), -1)[:, 0].astype(np.float64)
            lo, hi = self.levels
            index = np.clip((v - lo) / (hi - lo) * POINT_SHADES, 0, POINT_SHADES - 1)
            index = index.astype(np.intp)
            centres = ((np.arange(POINT_SHADES) + 0.5) * 256 / POINT_SHADES).astype(np.intp)
            palette = self._lut[centres]
        else:
            palette = class_colors(max(self.n_classes, 2)).astype(np.uint8)
            index = np.clip(y.astype(np.intp), 0, len(palette) - 1)
        return palette, index

    def _set_points(self, item: pg.ScatterPlotItem, raw: np.ndarray, y: np.ndarray, pen) -> None:  # noqa: ANN001
        raw = np.asarray(raw)
        if len(raw) == 0:
            item.setData([], [])
            return
        palette, index = self._point_colors(y)
        # One brush object per colour: pyqtgraph renders a symbol once per distinct
        # brush/pen, so shared brushes keep 50,000 points fast to (re)draw.
        brushes = np.array([pg.mkBrush(int(r), int(g), int(b)) for r, g, b in palette])
        item.setData(x=raw[:, 0], y=raw[:, 1], brush=brushes[index], pen=pen)
