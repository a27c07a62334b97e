"""The document: the one object through which the GUI changes a project.

It owns the :class:`~nnstudio.io.Project` and a :class:`QUndoStack`. Every user edit goes
through one public method, which first tries the change on a copy (so a refused edit raises
its typed error and changes nothing) and then pushes one undo command (or macro). Commands
call the ``_apply_*`` methods below, which change the project and emit the signals that
views mirror. Views never own state. Edits made of several steps (splice a layer into a
connection, paste, fit the output to the data, edit one weight) live in
:mod:`~nnstudio.gui.document_edits`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nnstudio.data import make_dataset
from nnstudio.errors import NNStudioError
from nnstudio.graph import (
    Edge,
    GraphError,
    NetworkSpec,
    analyse,
    param_counts,
    train_config,
)
from nnstudio.graph import check_connect as graph_check_connect

from . import commands as cmd
from .clipboard import ClipboardError  # noqa: F401 - raised by paste, re-exported
from .document_edits import CompoundEdits, LockedError, WeightEditError  # noqa: F401
from .downloads import ensure_downloaded

if TYPE_CHECKING:
    from nnstudio.data import Dataset, DataSettings
    from nnstudio.engine import TrainConfig
    from nnstudio.io import Project


class Document(CompoundEdits, QObject):
    """Owns the project and the undo stack; see the module docstring."""

    nodeAdded = Signal(str)
    nodeRemoved = Signal(str)
    nodeChanged = Signal(str)  # params or position
    edgeAdded = Signal(object)  # graph.Edge
    edgeRemoved = Signal(object)
    networkChanged = Signal()
    dataChanged = Signal()
    trainingChanged = Signal()
    weightsChanged = Signal()
    problemsChanged = Signal(list)  # list[GraphError]
    projectReplaced = Signal()
    lockChanged = Signal(str)  # "" = unlocked, else the reason
    cleanChanged = Signal(bool)
    pathChanged = Signal(str)

    def __init__(self, project: Project, path: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        if path:
            project.path = Path(path)
        self._path = path
        self._lock: str | None = None
        self._weights_dirty = False
        self._dataset: Dataset | None = None
        self._dataset_key: str | None = None
        self._dataset_error: NNStudioError | None = None
        self._problems: list[GraphError] = []
        self._warnings: list[GraphError] = []
        self._shapes: dict[str, tuple[int, ...] | None] = {}
        self._counts: dict[str, int] = {}
        self.undo_stack = QUndoStack(self)
        self._last_clean = True
        self.undo_stack.cleanChanged.connect(self._update_clean)
        self.undo_stack.indexChanged.connect(self._update_clean)
        self._recompute()

    # ------------------------------------------------------------------ properties
    @property
    def project(self) -> Project:
        return self._project

    @property
    def spec(self) -> NetworkSpec:
        return self._project.network

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def is_dirty(self) -> bool:
        return self._weights_dirty or not self.undo_stack.isClean()

    @property
    def locked(self) -> str | None:
        """The lock reason, or None when edits are allowed."""
        return self._lock

    # ------------------------------------------------------------------ derived state
    def dataset(self) -> Dataset:
        """The dataset for ``project.data`` (cached; rebuilt when the settings change)."""
        key = json.dumps(self._project.data.to_dict(), sort_keys=True, default=str)
        if self._dataset is None or key != self._dataset_key:
            ensure_downloaded(self._project.data.name)  # progress dialog, Cancel (issue 13)
            self._dataset = make_dataset(self._project.data)
            self._dataset_key = key
        return self._dataset

    def _try_dataset(self) -> Dataset | None:
        try:
            ds = self.dataset()
        except NNStudioError as exc:
            self._dataset_error = exc
            return None
        self._dataset_error = None
        return ds

    @property
    def dataset_error(self) -> NNStudioError | None:
        """Why the dataset cannot be built (e.g. a missing CSV file), or None."""
        return self._dataset_error

    @property
    def n_features(self) -> int | None:
        ds = self._try_dataset()
        return None if ds is None else ds.n_features

    def problems(self) -> list[GraphError]:
        """Validation errors of the network against the dataset and the loss."""
        return list(self._problems)

    def problems_of(self, node_id: str) -> list[GraphError]:
        return [p for p in self._problems if node_id in tuple(getattr(p, "node_ids", ()))]

    def warnings(self) -> list[GraphError]:
        """Findings that do not block training (``severity == "warning"``), e.g. a softmax
        output fused into categorical cross-entropy."""
        return list(self._warnings)

    def shapes(self) -> dict[str, tuple[int, ...] | None]:
        """Output shape per node id, e.g. ``{"dense_1": (16,)}`` (None when unknown)."""
        return dict(self._shapes)

    def param_counts(self) -> dict[str, int]:
        return dict(self._counts)

    def _recompute(self) -> None:
        ds = self._try_dataset()
        kwargs: dict[str, Any] = {"loss": self._project.training.loss}
        if ds is not None:
            kwargs.update(n_features=ds.n_features, task=ds.task, n_classes=ds.n_classes)
        n_features = kwargs.pop("n_features", None)
        shape = None if n_features is None else (n_features,)
        try:  # one analysis of the graph: errors, warnings and shapes
            result = analyse(self.spec, shape, **kwargs)
            self._problems, self._warnings = list(result.errors), list(result.warnings)
            self._shapes = dict(result.shapes)
        except GraphError as exc:  # defensive: analyse should return, not raise
            self._problems, self._warnings, self._shapes = [exc], [], {}
        try:
            self._counts = dict(param_counts(self.spec))
        except NNStudioError:
            self._counts = {}

    def _changed(self, *, network: bool = False, data: bool = False, training: bool = False):
        self._recompute()
        if network:
            self.networkChanged.emit()
        if data:
            self.dataChanged.emit()
        if training:
            self.trainingChanged.emit()
        self.problemsChanged.emit(self.problems())

    # ------------------------------------------------------------------ locking / state
    def set_locked(self, reason: str | None) -> None:
        reason = reason or None
        if reason == self._lock:
            return
        self._lock = reason
        self.lockChanged.emit(reason or "")

    def _check_unlocked(self) -> None:
        if self._lock:
            raise LockedError(f"{self._lock}: stop it before changing the network or the data.")

    # undo / redo that respect the lock (use these rather than undo_stack.undo directly)
    def _step_allowed(self, index: int) -> bool:
        if not self._lock:
            return True
        command = self.undo_stack.command(index)
        return command is None or bool(getattr(command, "allowed_while_locked", False))

    def can_undo(self) -> bool:
        stack = self.undo_stack
        return stack.canUndo() and self._step_allowed(stack.index() - 1)

    def can_redo(self) -> bool:
        stack = self.undo_stack
        return stack.canRedo() and self._step_allowed(stack.index())

    def _refuse_step(self, verb: str, index: int) -> None:
        if not self._step_allowed(index):
            text = self.undo_stack.text(index)
            raise LockedError(
                f'{self._lock}: cannot {verb} "{text}" now, it changes the network, the '
                "data or a setting that is fixed during training; stop training first."
            )

    def undo(self) -> None:
        """Undo one step; raises LockedError for a step the training lock forbids (a
        network or data edit, or a training setting that is not live)."""
        if self.undo_stack.canUndo():
            self._refuse_step("undo", self.undo_stack.index() - 1)
        self.undo_stack.undo()

    def redo(self) -> None:
        """Redo one step; raises LockedError like :meth:`undo`."""
        if self.undo_stack.canRedo():
            self._refuse_step("redo", self.undo_stack.index())
        self.undo_stack.redo()

    def _update_clean(self, *_args: object) -> None:
        clean = not self.is_dirty
        if clean != self._last_clean:
            self._last_clean = clean
            self.cleanChanged.emit(clean)

    def mark_saved(self, path: str) -> None:
        """The project was written to ``path`` (it is now the project's file, which no
        export may overwrite)."""
        self._weights_dirty = False
        self.undo_stack.setClean()
        if path:
            self._project.path = Path(path)
        if path != self._path:
            self._path = path
            self.pathChanged.emit(path)
        self._update_clean()

    def replace_project(self, project: Project, path: str | None = None) -> None:
        """Load a new or opened project: clears the undo stack; views rebuild."""
        self.undo_stack.clear()
        self._project = project
        # the file it belongs to (a recovered copy: the original; an example: none)
        project.path = Path(path) if path else None
        self._dataset = None
        self._dataset_key = None
        self._weights_dirty = False
        self.undo_stack.setClean()
        self._recompute()
        self.projectReplaced.emit()
        self.networkChanged.emit()
        self.dataChanged.emit()
        self.trainingChanged.emit()
        self.weightsChanged.emit()
        self.problemsChanged.emit(self.problems())
        self._path = path
        self.pathChanged.emit(path or "")
        self._update_clean()

    def set_weights(self, weights: dict | None, preprocessor: Any, history: list) -> None:
        """Store a trained run (not undoable); marks the document dirty."""
        if preprocessor is not None and hasattr(preprocessor, "to_dict"):
            preprocessor = preprocessor.to_dict()
        self._project.weights = weights
        self._project.preprocessor = preprocessor
        self._project.history = list(history)
        self._weights_dirty = True
        self.weightsChanged.emit()
        self._update_clean()

    # weights parking, used by structural commands
    def _take_weights(self) -> tuple[Any, Any]:
        parked = (self._project.weights, self._project.preprocessor)
        if parked[0] is not None:
            self._project.weights = None
            self._project.preprocessor = None
            self.weightsChanged.emit()
        return parked

    def _give_weights(self, weights: Any, preprocessor: Any) -> None:
        self._project.weights = weights
        self._project.preprocessor = preprocessor
        self.weightsChanged.emit()

    # ------------------------------------------------------------------ undo helpers
    def _push(self, text: str, *ops: cmd.Operation) -> None:
        self.undo_stack.push(cmd.Command(text, list(ops)))

    def _dry_run(self, change: Callable[[NetworkSpec], Any]) -> tuple[NetworkSpec, Any]:
        trial = self.spec.copy()
        return trial, change(trial)

    def _input_node_id(self, spec: NetworkSpec | None = None) -> str | None:
        spec = spec or self.spec
        return next((n.id for n in spec.nodes.values() if n.kind == "input"), None)

    # ------------------------------------------------------------------ user API: network
    def add_node(self, kind: str, pos: tuple[float, float], params: dict | None = None) -> str:
        """Add a node of ``kind`` at scene position ``pos``; returns its new id."""
        self._check_unlocked()
        params = dict(params or {})
        if kind == "input" and "units" not in params:
            n = self.n_features
            if n is not None:
                params["units"] = n
        pos = (float(pos[0]), float(pos[1]))
        _trial, node = self._dry_run(lambda s: s.add_node(kind, params=params, pos=pos))
        self._push(self.tr("Add {0}").format(node.id), cmd.AddNodeOp(self, node))
        return node.id

    def remove_nodes(self, ids: Iterable[str]) -> None:
        """Remove nodes and their edges (one undo step; undo restores them in place)."""
        self._check_unlocked()
        ids = [i for i in dict.fromkeys(ids) if i in self.spec.nodes]
        if not ids:
            return
        wanted = set(ids)
        edges = [e for e in self.spec.edges if e.src in wanted or e.dst in wanted]
        self._push(
            self.tr("Delete {0}").format(", ".join(ids)),
            *(cmd.RemoveEdgeOp(self, edge) for edge in edges),
            *(cmd.RemoveNodeOp(self, node_id) for node_id in ids),
        )

    def connect(self, src: str, dst: str, slot: int | None = None) -> Edge:
        """Connect ``src``'s output to ``dst``; raises the GraphError that refuses it."""
        self._check_unlocked()
        graph_check_connect(self.spec, src, dst)
        _trial, edge = self._dry_run(lambda s: s.add_edge(src, dst, slot))
        text = self.tr("Connect {0} to {1}").format(edge.src, edge.dst)
        self._push(text, cmd.AddEdgeOp(self, edge))
        return edge

    def check_connect(self, src: str, dst: str) -> None:
        """Raise the error that would refuse ``connect(src, dst)`` (lock included)."""
        self._check_unlocked()
        graph_check_connect(self.spec, src, dst)

    def disconnect(self, edge: Edge) -> None:
        self._check_unlocked()
        if edge not in self.spec.edges:
            return
        text = self.tr("Disconnect {0} from {1}").format(edge.src, edge.dst)
        self._push(text, cmd.RemoveEdgeOp(self, edge))

    def move_nodes(self, new_positions: dict[str, tuple[float, float]]) -> None:
        """Move nodes (one undo step). Moving is allowed while locked: it is only layout."""
        old: dict[str, tuple[float, float]] = {}
        new: dict[str, tuple[float, float]] = {}
        for node_id, pos in new_positions.items():
            node = self.spec.nodes[node_id]
            p = (float(pos[0]), float(pos[1]))
            if tuple(node.pos) != p:
                old[node_id] = tuple(node.pos)  # type: ignore[assignment]
                new[node_id] = p
        if new:
            text = self.tr("Move {0}").format(", ".join(new))
            self._push(text, cmd.MoveNodesOp(self, old, new))

    def set_param(self, node_id: str, name: str, value: Any) -> None:
        self._check_unlocked()
        old = self.spec.nodes[node_id].params.get(name)
        self._dry_run(lambda s: s.set_param(node_id, name, value))
        if old == value and type(old) is type(value):
            return
        self._push(
            self.tr("Set {0} {1} to {2}").format(node_id, name, repr(value)),
            cmd.SetParamOp(self, node_id, name, old, value),
        )

    def auto_arrange(self, sizes: dict[str, tuple[float, float]] | None = None) -> None:
        """Lay the network out left to right (graph.layout.auto_arrange), one undo step;
        ``sizes`` are the nodes' drawn (width, height) on the canvas (room for tiles)."""
        from nnstudio.graph import layout

        trial = self.spec.copy()
        result = layout.auto_arrange(trial, sizes)
        if isinstance(result, dict):
            positions = {k: (float(v[0]), float(v[1])) for k, v in result.items()}
        else:
            source = result if isinstance(result, NetworkSpec) else trial
            positions = {i: tuple(n.pos) for i, n in source.nodes.items()}
        old = {i: tuple(self.spec.nodes[i].pos) for i in positions if i in self.spec.nodes}
        new = {i: p for i, p in positions.items() if i in old and old[i] != tuple(p)}
        if new:
            text = self.tr("Auto-arrange")
            self._push(text, cmd.MoveNodesOp(self, {i: old[i] for i in new}, new))

    # ------------------------------------------------------------------ data / training
    def set_data_settings(self, settings: DataSettings) -> None:
        """Change the data settings (undoable); the input node follows the feature count."""
        self._check_unlocked()
        if settings.to_dict() == self._project.data.to_dict():
            return
        ensure_downloaded(settings.name)  # MNIST etc.: progress dialog, Cancel
        new_ds = make_dataset(settings)  # raises DataError before anything changes
        ops: list[cmd.Operation] = [cmd.SetDataOp(self, self._project.data, settings)]
        input_id = self._input_node_id()
        if input_id is not None:
            old_units = self.spec.nodes[input_id].params.get("units")
            if old_units != new_ds.n_features:
                ops.append(cmd.SetParamOp(self, input_id, "units", old_units, new_ds.n_features))
        self._dataset = new_ds
        self._dataset_key = json.dumps(settings.to_dict(), sort_keys=True, default=str)
        self._push(self.tr("Change data settings"), *ops)

    def set_training(self, config: TrainConfig) -> None:
        """Change the training settings (undoable).

        While locked only the live settings (:data:`commands.LIVE_SETTINGS`: learning rate,
        epochs, ...) may change. Settings the config leaves out get the catalog's defaults
        (``nnstudio.graph.train_config``), so the engine always receives complete ones.
        """
        config = train_config(config.to_dict())
        op = cmd.SetTrainingOp(self, self._project.training, config)
        if not op.changed:
            return
        if self._lock and not op.is_live:
            blocked = ", ".join(sorted(op.changed - cmd.LIVE_SETTINGS))
            raise LockedError(
                f"{self._lock}: {blocked} cannot change during training; stop it first "
                "(the learning rate and other hyperparameters can change at any time)."
            )
        names = ", ".join(sorted(name.replace("_", " ") for name in op.changed))
        self._push(self.tr("Change {0}").format(names), op)

    # ------------------------------------------------------------------ _apply_* (commands)
    def _apply_insert_node(self, node: Any, index: int | None) -> None:
        spec = self.spec
        spec.add_node(node.kind, params=dict(node.params), pos=tuple(node.pos), node_id=node.id)
        # keep the exact parameters of the snapshot (add_node may have filled defaults)
        spec.nodes[node.id].params = copy.deepcopy(node.params)
        if index is not None and index < len(spec.nodes) - 1:
            items = list(spec.nodes.items())
            item = items.pop()
            items.insert(index, item)
            spec.nodes.clear()
            spec.nodes.update(items)
        self.nodeAdded.emit(node.id)
        self._changed(network=True)

    def _apply_delete_node(self, node_id: str) -> tuple[Any, int]:
        index = list(self.spec.nodes).index(node_id)
        node, edges = self.spec.remove_node(node_id)
        for edge in edges:  # normally none: the macro removed them first
            self.edgeRemoved.emit(edge)
        self.nodeRemoved.emit(node_id)
        self._changed(network=True)
        return copy.deepcopy(node), index

    def _apply_insert_edge(self, edge: Edge, index: int | None) -> None:
        added = self.spec.add_edge(edge.src, edge.dst, edge.slot)
        if index is not None:
            self.spec.edges.remove(added)
            self.spec.edges.insert(index, added)
        self.edgeAdded.emit(added)
        self._changed(network=True)

    def _apply_delete_edge(self, edge: Edge) -> int:
        index = self.spec.edges.index(edge)
        self.spec.remove_edge(edge)
        self.edgeRemoved.emit(edge)
        self._changed(network=True)
        return index

    def _apply_positions(self, positions: dict[str, tuple[float, float]]) -> None:
        for node_id, pos in positions.items():
            self.spec.move_node(node_id, (float(pos[0]), float(pos[1])))
            self.nodeChanged.emit(node_id)
        self.networkChanged.emit()

    def _apply_param(self, node_id: str, name: str, value: Any) -> None:
        if value is None:
            self.spec.nodes[node_id].params.pop(name, None)
        else:
            self.spec.set_param(node_id, name, value)
        self._changed(network=True)
        self.nodeChanged.emit(node_id)

    def _apply_data(self, settings: DataSettings) -> None:
        self._project.data = settings
        self._changed(data=True)

    def _apply_training(self, config: TrainConfig) -> None:
        self._project.training = config
        self._changed(training=True)

    def _apply_weights(self, weights: dict | None, preprocessor: Any) -> None:
        """Replace the trained weights (a weight edit or its undo); keeps the history."""
        self._project.weights = weights
        self._project.preprocessor = preprocessor
        self.weightsChanged.emit()
