"""The neuron view: layer boxes become columns of unit tiles, wires show their weights.

:class:`NeuronView` decides which nodes show tiles (the View toggle, each node's expand
button, the "+N more" handles), keeps the canvas's tiles and weight lines in step with the
network, and paints them from a *probe* (``engine.probe.grid_probe``: every unit's map and
every Dense weight matrix from one forward pass). While training runs the probes come
from the worker's snapshots; otherwise the view computes one from the document's project.
Its state is stored in the project's ``metadata["canvas"]`` so it survives save and open.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator, QImage, QPixmap
from PySide6.QtWidgets import QLineEdit

from nnstudio.errors import NNStudioError
from nnstudio.gui.i18n import core_tr

from .canvas_view import CanvasView
from .document import Document
from .neuron_tiles import FIRST_UNITS, MAX_UNITS, TILE_KINDS, paint_node, unit_levels
from .worker import GRID_RESOLUTION


def canvas_state(project: Any) -> dict:
    """The neuron-view part of ``project.metadata["canvas"]`` (defaults when absent)."""
    raw = dict((project.metadata or {}).get("canvas") or {})
    return {
        "neuron_view": bool(raw.get("neuron_view", False)),
        "expanded": [str(i) for i in raw.get("expanded", [])],
        "collapsed": [str(i) for i in raw.get("collapsed", [])],
        "all_units": [str(i) for i in raw.get("all_units", [])],
    }


class WeightEditor(QLineEdit):
    """The small field a clicked weight is typed into: Enter applies, Esc cancels."""

    cancelled = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class NeuronView(QObject):
    """Controller of the canvas's neuron view; see the module docstring.

    Signals:
        enabledChanged(bool): the View toggle changed.
        unitClicked(str, int): a tile was clicked (node id, unit).
    """

    enabledChanged = Signal(bool)
    unitClicked = Signal(str, int)

    def __init__(self, document: Document, canvas: CanvasView, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.canvas = canvas
        self.scene = canvas.canvas_scene
        self.probe: dict | None = None
        self.tile_frames = 0
        self._pixels: dict[str, np.ndarray] = {}  # node id -> (units, r, r) ARGB32 pixels
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.editor = WeightEditor(canvas.viewport())
        self.editor.setObjectName("weightEditor")
        self.editor.setValidator(QDoubleValidator(self.editor))
        self.editor.setFixedWidth(90)
        self.editor.hide()
        self.editor.returnPressed.connect(self._commit_weight)
        self.editor.editingFinished.connect(self.editor.hide)
        self.editor.cancelled.connect(lambda: setattr(self, "_editing", None))
        self._editing: tuple[str, int, int] | None = None
        for signal in (
            document.networkChanged,
            document.dataChanged,
            document.weightsChanged,
            document.projectReplaced,
        ):
            signal.connect(self.schedule)
        document.lockChanged.connect(lambda _r: self.schedule())
        self.scene.nodeButtonClicked.connect(self._node_button)
        self.scene.tileClicked.connect(self.unitClicked)
        self.scene.weightClicked.connect(self.edit_weight)
        self.refresh()

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> dict:
        return canvas_state(self.document.project)

    def _store(self, state: dict) -> None:
        project = self.document.project
        metadata = dict(project.metadata or {})
        canvas = dict(metadata.get("canvas") or {})
        canvas.update(state)
        metadata["canvas"] = canvas
        project.metadata = metadata

    @property
    def enabled(self) -> bool:
        return self.state["neuron_view"]

    @property
    def available(self) -> bool:
        """True when the data has a 2-D input plane to draw unit maps over."""
        try:
            return self.document.dataset().bounds is not None
        except NNStudioError:
            return False

    def set_enabled(self, on: bool) -> None:
        """The View toggle: every node that can shows its tiles (or none does)."""
        if on == self.enabled:
            return
        self._store({"neuron_view": bool(on), "expanded": [], "collapsed": []})
        self.refresh()
        self.enabledChanged.emit(bool(on))

    def toggle_node(self, node_id: str) -> None:
        """A node's expand button: tiles for this node only (or its box again)."""
        state = self.state
        key = "collapsed" if state["neuron_view"] else "expanded"
        ids = set(state[key]) ^ {node_id}
        self._store({key: sorted(ids)})
        self.refresh()

    def toggle_all_units(self, node_id: str) -> None:
        """The "+N more" handle: every unit (up to MAX_UNITS) or the first ones again."""
        ids = set(self.state["all_units"]) ^ {node_id}
        self._store({"all_units": sorted(ids)})
        self.refresh()

    def _node_button(self, node_id: str, button: str) -> None:
        if button == "expand":
            self.toggle_node(node_id)
        elif button == "more":
            self.toggle_all_units(node_id)

    def shows_tiles(self, node_id: str) -> bool:
        state = self.state
        if state["neuron_view"]:
            return node_id not in state["collapsed"]
        return node_id in state["expanded"]

    # ------------------------------------------------------------------ layout
    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def _labels(self, node_id: str, width: int) -> list[str]:
        node = self.document.spec.nodes[node_id]
        if node.kind == "input":
            try:
                names = list(self.document.dataset().feature_names)
            except NNStudioError:
                names = []
            if len(names) == width:
                return names
            return [f"x{u + 1}" for u in range(width)]
        return [self.tr("{node} unit {n}").format(node=node_id, n=u + 1) for u in range(width)]

    def refresh(self) -> None:
        """Lay the tiles and weight lines out again, then redraw them (preview if idle)."""
        self._timer.stop()
        available = self.available
        shapes = self.document.shapes()
        all_units = set(self.state["all_units"])
        shown: set[str] = set()
        for node_id, item in self.scene.node_items.items():
            node = self.document.spec.nodes.get(node_id)
            shape = shapes.get(node_id)
            can = (
                available
                and node is not None
                and node.kind in TILE_KINDS
                and shape is not None
                and len(shape) == 1
            )
            if item.can_expand != can:
                item.can_expand = can
                item.update()
            if not (can and self.shows_tiles(node_id)):
                item.set_neurons(None)
                continue
            width = int(shape[0])
            limit = MAX_UNITS if node_id in all_units else FIRST_UNITS
            n = min(width, limit)
            item.set_neurons(self._labels(node_id, width)[:n], width - n, node_id in all_units)
            shown.add(node_id)
        pairs = [
            (e.src, e.dst)
            for e in self.document.spec.edges
            if e.src in shown and e.dst in shown and self.document.spec.nodes[e.dst].kind == "dense"
        ]
        self.scene.set_links(pairs)
        self.canvas.viewport().update()
        if not shown:
            return
        if not self.document.locked:
            self.preview()
        elif self.probe is not None:
            self.show_probe(self.probe)

    # ------------------------------------------------------------------ drawing
    def any_shown(self) -> bool:
        return any(item.tiles for item in self.scene.node_items.values())

    def preview(self) -> None:
        """Probe the document's (trained or freshly initialised) network and draw it."""
        if self.document.problems():
            self._clear()
            return
        try:
            from nnstudio.engine.probe import grid_probe
            from nnstudio.session import Session

            session = Session.from_project(self.document.project)
            if session.dataset.bounds is None:
                return
            probe = grid_probe(
                session.network,
                session.dataset.preprocessor.transform,
                session.dataset.bounds,
                GRID_RESOLUTION,
            )
        except NNStudioError:
            self._clear()
            return
        self.show_probe(probe)

    def _clear(self) -> None:
        self.probe = None
        for item in self.scene.node_items.values():
            for tile in item.tiles:
                tile.clear()
        for link in self.scene.link_items.values():
            link.set_weights(None)

    def show_probe(self, probe: dict) -> None:
        """Paint ``probe`` (``{"units": {id: (r, r, units)}, "weights": {id: W}}``)."""
        units = probe.get("units")
        if units is None:
            return
        self.probe = probe
        spec = self.document.spec
        for node_id, item in self.scene.node_items.items():
            values = units.get(node_id)
            if not item.tiles or values is None or values.shape[2] < len(item.tiles):
                continue
            node = spec.nodes.get(node_id)
            activation = node.params.get("activation") if node is not None else None
            levels = unit_levels(activation, values)
            # one colour pass for the node's shown units (tile k shows unit k), into a
            # buffer kept per node whose slices the tiles' images wrap
            pixels = paint_node(values[:, :, : len(item.tiles)], levels, self._pixels.get(node_id))
            self._pixels[node_id] = pixels
            n, r0, r1 = pixels.shape
            # one pixmap per node; tile k shows its block
            column = QPixmap.fromImage(
                QImage(pixels.data, r1, n * r0, r1 * 4, QImage.Format.Format_ARGB32)
            )
            for k, tile in enumerate(item.tiles):
                tile.show_column(values, pixels, column, k)
        weights = probe.get("weights") or {}
        for (_src, dst), link in self.scene.link_items.items():
            link.set_weights(weights.get(dst))
        self.tile_frames += 1

    def unit_map(self, node_id: str, unit: int) -> tuple[np.ndarray, tuple[float, float]] | None:
        """The last map of one unit (r, r) and its node's levels, for the large view."""
        if self.probe is None or node_id not in self.probe.get("units", {}):
            return None
        values = self.probe["units"][node_id]
        if unit >= values.shape[2]:
            return None
        node = self.document.spec.nodes.get(node_id)
        activation = node.params.get("activation") if node is not None else None
        return values[:, :, unit], unit_levels(activation, values)

    # ------------------------------------------------------------------ weight edits
    def edit_weight(self, node_id: str, i: int, j: int, screen_pos: QPoint) -> None:
        """A click on a weight line: type a new value there (refused while training)."""
        if self.document.locked:
            self.scene.report(
                self.tr("{reason}: stop training to edit a weight.").format(
                    reason=self.document.locked
                ),
                screen_pos,
            )
            return
        link = next((lk for (s, d), lk in self.scene.link_items.items() if d == node_id), None)
        value = None if link is None or link.weights is None else float(link.weights[i, j])
        self._editing = (node_id, i, j)
        pos = self.canvas.viewport().mapFromGlobal(screen_pos)
        self.editor.setText("" if value is None else f"{value:.4g}")
        self.editor.setToolTip(self.tr("New weight; Enter applies it, Esc cancels."))
        self.editor.move(pos + QPoint(6, 6))
        self.editor.show()
        self.editor.raise_()
        self.editor.selectAll()
        self.editor.setFocus(Qt.FocusReason.MouseFocusReason)

    def _commit_weight(self) -> None:
        target, self._editing = self._editing, None
        self.editor.hide()
        if target is None:
            return
        text = self.editor.text().strip().replace(",", ".")
        node_id, i, j = target
        try:
            self.document.set_weight(f"{node_id}.weight", (i, j), float(text))
        except ValueError:
            self.scene.report(self.tr("'{text}' is not a number.").format(text=text))
        except NNStudioError as exc:
            self.scene.report(core_tr(exc))


def install(window: Any) -> NeuronView:
    """Give a main window its neuron view: the View menu toggle, live tiles from training
    snapshots, the worker's probe switch and the large unit map in the surface dock.

    Uses the window's ``document``, ``canvas``, ``surface``, ``snapshotShown`` and
    ``trainingStarted``; sets ``window.neuron_view`` and ``window.neuron_view_action``.
    """
    from PySide6.QtGui import QAction, QKeySequence

    view = NeuronView(window.document, window.canvas, window)
    action = QAction(view.tr("&Neuron View"), window)
    action.setCheckable(True)
    action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    action.setStatusTip(view.tr("Show each unit as a map over the input plane"))
    action.setChecked(view.enabled)
    action.toggled.connect(view.set_enabled)
    view.enabledChanged.connect(action.setChecked)
    window.addAction(action)

    def sync_action(*_args: object) -> None:
        action.setEnabled(view.available)
        action.setToolTip(
            view.tr("Show each unit as a map over the input plane")
            if view.available
            else view.tr("The neuron view needs data with two inputs (a 2-D input plane)")
        )
        action.blockSignals(True)
        action.setChecked(view.enabled)
        action.blockSignals(False)

    layer_action = QAction(view.tr("Add &Layer After"), window)
    layer_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    layer_action.setStatusTip(view.tr("Add a hidden Dense layer after the selected layer"))
    layer_action.triggered.connect(lambda _c=False: window.canvas.add_layer_after_selection())
    layer_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.canvas.addAction(layer_action)
    window.document.projectReplaced.connect(sync_action)
    window.document.dataChanged.connect(sync_action)
    sync_action()
    view_menu = getattr(window, "view_menu", None)  # actions.create_menus names them
    if view_menu is not None:
        first = view_menu.actions()[0] if view_menu.actions() else None
        view_menu.insertAction(first, action)
        if first is not None:
            view_menu.insertSeparator(first)
    edit_menu = getattr(window, "edit_menu", None)
    if edit_menu is not None:
        edit_menu.addSeparator()
        edit_menu.addAction(layer_action)

    def probe_switch(*_args: object) -> None:
        worker = getattr(window, "worker", None)
        if worker is not None and hasattr(worker, "set_probe_units"):
            worker.set_probe_units(view.any_shown())

    latest: list[dict] = []

    def draw_latest() -> None:
        if latest:
            view.show_probe(latest.pop())
            _refresh_unit(window.surface, view)

    def on_snapshot(snap: dict) -> None:
        # Coalesced: when snapshots queue up (a busy main thread), only the newest probe
        # is drawn, once, after the queue is through.
        if snap.get("units") is not None:
            if not latest:
                QTimer.singleShot(0, draw_latest)
            latest[:] = [snap]

    window.trainingStarted.connect(probe_switch)
    # the run's last maps are on the tiles by the time the window says it finished
    window.trainingFinished.connect(lambda *_a: draw_latest())
    view.enabledChanged.connect(probe_switch)
    # boxes and tile columns differ in size: show the whole network again after a toggle
    view.enabledChanged.connect(lambda _on: QTimer.singleShot(0, window.canvas.fit_all))
    view.scene.nodeButtonClicked.connect(lambda *_a: QTimer.singleShot(0, probe_switch))
    window.snapshotShown.connect(on_snapshot)

    def show_unit(node_id: str, unit: int) -> None:
        window.surface.unit_view = (node_id, unit)
        _refresh_unit(window.surface, view)
        dock = getattr(window, "surface_dock", None)
        if dock is not None:
            dock.show()
            dock.raise_()

    view.unitClicked.connect(show_unit)
    window.neuron_view = view
    window.neuron_view_action = action
    window.add_layer_action = layer_action
    return view


def _refresh_unit(surface: Any, view: NeuronView) -> None:
    """Redraw the unit map the surface dock shows large, if it shows one."""
    target = getattr(surface, "unit_view", None)
    if target is None:
        return
    found = view.unit_map(*target)
    if found is None:
        surface.show_output()
        return
    values, levels = found
    item = view.scene.node_items.get(target[0])
    tile = item.tiles[target[1]] if item is not None and target[1] < len(item.tiles) else None
    label = tile.label if tile is not None else f"{target[0]} #{target[1] + 1}"
    surface.show_unit(label, values, levels)
