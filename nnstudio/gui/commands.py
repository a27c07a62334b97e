"""Undo commands for the :class:`~nnstudio.gui.document.Document`.

One undo step is a :class:`Command` holding one or more :class:`Operation` objects. Each
operation only calls the document's low-level ``_apply_*`` methods (which change the project
and emit signals) and stores what it needs to undo; it never touches widgets. Operations
that change the network's structure also park the trained weights (they no longer fit the
network) and give them back on undo.
"""

from __future__ import annotations

import copy
import dataclasses
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from nnstudio.engine.training import LIVE_SETTINGS as _LIVE

#: TrainConfig fields that may change while training runs (declared once, in the engine).
LIVE_SETTINGS: frozenset[str] = frozenset(_LIVE)

if TYPE_CHECKING:
    from nnstudio.graph import Edge, Node

    from .document import Document


class Command(QUndoCommand):
    """One undo step made of one or more operations (run in order, undone in reverse).

    Operations are plain Python objects with ``redo()``/``undo()``; only this wrapper is
    a Qt object, and the undo stack owns it. (Qt-level child commands lose their Python
    overrides when their wrappers are collected, so they are not used.)
    """

    def __init__(self, text: str, ops: list[Operation] | None = None) -> None:
        super().__init__(text)
        self.ops: list[Operation] = list(ops or [])

    @property
    def allowed_while_locked(self) -> bool:
        """True if undoing/redoing it is fine during training: layout, or training settings
        that are all live (:data:`LIVE_SETTINGS`); a loss or batch-size step is not."""
        return all(
            isinstance(op, MoveNodesOp) or (isinstance(op, SetTrainingOp) and op.is_live)
            for op in self.ops
        )

    def add(self, op: Operation) -> Operation:
        self.ops.append(op)
        return op

    def redo(self) -> None:
        for op in self.ops:
            op.redo()

    def undo(self) -> None:
        for op in reversed(self.ops):
            op.undo()


class Operation:
    """One reversible change of the document (see the subclasses).

    Operations reach the document through a weak reference: the document owns the undo
    stack that owns the commands, so a strong back-reference would keep it alive forever.
    """

    _doc_ref: weakref.ReferenceType

    @property
    def _doc(self) -> Document:
        doc = self._doc_ref()
        if doc is None:  # pragma: no cover - the stack dies with its document
            raise RuntimeError("the document of this undo step is gone")
        return doc

    @_doc.setter
    def _doc(self, doc: Document) -> None:
        self._doc_ref = weakref.ref(doc)

    def redo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class _StructuralOp(Operation):
    """Base for changes after which trained weights no longer match the network."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._parked: tuple[Any, Any] | None = None

    def _park_weights(self) -> None:
        self._parked = self._doc._take_weights()

    def _restore_weights(self) -> None:
        if self._parked is not None and self._parked[0] is not None:
            self._doc._give_weights(*self._parked)
        self._parked = None


class AddNodeOp(_StructuralOp):
    """Insert a node (a full :class:`Node` snapshot, id included)."""

    def __init__(self, doc: Document, node: Node) -> None:
        super().__init__(doc)
        self._node = copy.deepcopy(node)

    def redo(self) -> None:
        self._park_weights()
        self._doc._apply_insert_node(copy.deepcopy(self._node), None)

    def undo(self) -> None:
        self._doc._apply_delete_node(self._node.id)
        self._restore_weights()


class RemoveNodeOp(_StructuralOp):
    """Remove one node whose edges were already removed (by earlier operations)."""

    def __init__(self, doc: Document, node_id: str) -> None:
        super().__init__(doc)
        self._node_id = node_id
        self._node: Node | None = None
        self._index: int | None = None

    def redo(self) -> None:
        self._park_weights()
        self._node, self._index = self._doc._apply_delete_node(self._node_id)

    def undo(self) -> None:
        assert self._node is not None
        self._doc._apply_insert_node(copy.deepcopy(self._node), self._index)
        self._restore_weights()


class AddEdgeOp(_StructuralOp):
    def __init__(self, doc: Document, edge: Edge) -> None:
        super().__init__(doc)
        self._edge = edge

    def redo(self) -> None:
        self._park_weights()
        self._doc._apply_insert_edge(self._edge, None)

    def undo(self) -> None:
        self._doc._apply_delete_edge(self._edge)
        self._restore_weights()


class RemoveEdgeOp(_StructuralOp):
    """Remove an edge; undo puts it back at the same position in the edge list."""

    def __init__(self, doc: Document, edge: Edge) -> None:
        super().__init__(doc)
        self._edge = edge
        self._index: int | None = None

    def redo(self) -> None:
        self._park_weights()
        self._index = self._doc._apply_delete_edge(self._edge)

    def undo(self) -> None:
        self._doc._apply_insert_edge(self._edge, self._index)
        self._restore_weights()


class MoveNodesOp(Operation):
    """Move several nodes at once (a whole drag is one operation)."""

    def __init__(
        self,
        doc: Document,
        old: dict[str, tuple[float, float]],
        new: dict[str, tuple[float, float]],
    ) -> None:
        self._doc = doc
        self._old = dict(old)
        self._new = dict(new)

    def redo(self) -> None:
        self._doc._apply_positions(self._new)

    def undo(self) -> None:
        self._doc._apply_positions(self._old)


class SetParamOp(_StructuralOp):
    def __init__(self, doc: Document, node_id: str, name: str, old: Any, new: Any) -> None:
        super().__init__(doc)
        self._node_id, self._name, self._old, self._new = node_id, name, old, new

    def redo(self) -> None:
        self._park_weights()
        self._doc._apply_param(self._node_id, self._name, self._new)

    def undo(self) -> None:
        self._doc._apply_param(self._node_id, self._name, self._old)
        self._restore_weights()


class SetDataOp(_StructuralOp):
    def __init__(self, doc: Document, old: Any, new: Any) -> None:
        super().__init__(doc)
        self._old, self._new = copy.deepcopy(old), copy.deepcopy(new)

    def redo(self) -> None:
        self._park_weights()
        self._doc._apply_data(copy.deepcopy(self._new))

    def undo(self) -> None:
        self._doc._apply_data(copy.deepcopy(self._old))
        self._restore_weights()


class SetTrainingOp(Operation):
    """Replace the TrainConfig; :attr:`changed` names the fields that differ."""

    def __init__(self, doc: Document, old: Any, new: Any) -> None:
        self._doc = doc
        self._old, self._new = copy.deepcopy(old), copy.deepcopy(new)
        self.changed = frozenset(
            f.name for f in dataclasses.fields(new) if getattr(new, f.name) != getattr(old, f.name)
        )

    @property
    def is_live(self) -> bool:
        """True when every changed field may change while training runs."""
        return self.changed <= LIVE_SETTINGS

    def redo(self) -> None:
        self._doc._apply_training(copy.deepcopy(self._new))

    def undo(self) -> None:
        self._doc._apply_training(copy.deepcopy(self._old))


class SetWeightsOp(Operation):
    """Replace the project's weights dict (a weight edit); undo puts the old one back."""

    def __init__(self, doc: Document, old: Any, new: Any, preprocessor: Any) -> None:
        self._doc = doc
        self._old, self._new = old, new
        self._pre = preprocessor

    def redo(self) -> None:
        self._doc._apply_weights(self._new, self._pre)

    def undo(self) -> None:
        self._doc._apply_weights(self._old, self._pre)
