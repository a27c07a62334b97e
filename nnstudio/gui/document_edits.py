"""Compound edits of the :class:`~nnstudio.gui.document.Document`, each one undo step:
the Playground edits (units +/-, a layer after another, a layer spliced into a connection,
a Flatten where one is needed, one weight), the clipboard (copy, paste, duplicate) and
fitting the output layer and loss to the data. A mixin of the Document; it uses the
document's ``_push``, ``_check_unlocked``, ``spec`` and ``_project``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from nnstudio.errors import NNStudioError
from nnstudio.graph import Edge, GraphError, train_config

from . import clipboard
from . import commands as cmd


class LockedError(NNStudioError):
    """An edit was refused because the document is locked (e.g. while training runs)."""


class WeightEditError(NNStudioError):
    """A weight edit names no weight of the network or is not a finite number."""


class CompoundEdits:
    """The Document's edits made of several operations (see the module docstring)."""

    # ------------------------------------------------------------------ Playground edits
    def set_units(self, node_id: str, units: int) -> None:
        """The "+"/"−" buttons of a Dense node: its units (at least 1), one undo step."""
        self.set_param(node_id, "units", max(1, int(units)))

    def add_layer_after(self, node_id: str, kind: str = "dense", params: dict | None = None) -> str:
        """Insert a new ``kind`` node after ``node_id``, taking over its outgoing wires.

        ``node_id -> new -> (each former target)``; nodes to the right of ``node_id`` move
        one column right to make room. One undo step; returns the new id.
        """
        from nnstudio.graph.layout import X_SPACING

        self._check_unlocked()
        node = self.spec.nodes[node_id]
        x, y = node.pos
        pos = (float(x) + X_SPACING, float(y))
        outgoing = [e for e in self.spec.edges if e.src == node_id]
        shifted = {
            i: (float(n.pos[0]) + X_SPACING, float(n.pos[1]))
            for i, n in self.spec.nodes.items()
            if n.pos[0] > x + 1
        }
        text = self.tr("Add layer after {0}").format(node_id)
        return self._splice(node_id, outgoing, kind, params, pos, shifted, text)

    def insert_flatten(self, node_id: str) -> str:
        """Put a Flatten between ``node_id`` and the layer feeding it (the fix of a
        :class:`~nnstudio.graph.FlattenNeededError`), halfway between the two on the
        canvas: one undo step. Returns the Flatten's id."""
        edges = [e for e in self.spec.edges if e.dst == node_id]
        if len(edges) != 1:
            raise GraphError(f"'{node_id}' needs exactly one input to insert a Flatten before it.")
        edge = edges[0]
        (x0, y0), (x1, y1) = self.spec.nodes[edge.src].pos, self.spec.nodes[node_id].pos
        pos = ((float(x0) + float(x1)) / 2, (float(y0) + float(y1)) / 2 + 60.0)
        return self.splice(edge, pos, kind="flatten")

    def splice(
        self,
        edge: Edge,
        pos: tuple[float, float],
        *,
        kind: str | None = None,
        node_id: str | None = None,
        params: dict | None = None,
    ) -> str:
        """Put a new ``kind`` node (or the existing, unconnected ``node_id``) on ``edge``.

        ``src -> node -> dst`` (same input slot of ``dst``), the node at ``pos``: one undo
        step (a moved existing node included). Returns the node's id.
        """
        self._check_unlocked()
        if edge not in self.spec.edges:
            raise GraphError(f"There is no connection from '{edge.src}' to '{edge.dst}'.")
        if node_id is not None:
            if any(node_id in (e.src, e.dst) for e in self.spec.edges):
                raise GraphError(
                    f"'{node_id}' is already connected; only an unconnected layer can be "
                    "dropped onto a connection (delete its connections first)."
                )
            old = tuple(self.spec.nodes[node_id].pos)
            p = (float(pos[0]), float(pos[1]))
            moves = {node_id: p} if old != p else {}
            text = self.tr("Insert {0}").format(node_id)
            return self._splice(edge.src, [edge], None, None, p, moves, text, existing=node_id)
        text = self.tr("Insert layer")
        return self._splice(edge.src, [edge], kind or "dense", params, pos, {}, text)

    def _splice(
        self,
        src: str,
        edges: list[Edge],
        kind: str | None,
        params: dict | None,
        pos: tuple[float, float],
        moves: dict[str, tuple[float, float]],
        text: str,
        existing: str | None = None,
    ) -> str:
        """``src -> middle -> dst`` for each edge (src, dst) in ``edges``: one undo step."""
        trial = self.spec.copy()
        ops: list[cmd.Operation] = []
        if moves:
            old = {i: tuple(trial.nodes[i].pos) for i in moves}
            for i, p in moves.items():
                trial.move_node(i, p)
            ops.append(cmd.MoveNodesOp(self, old, moves))  # type: ignore[arg-type]
        for edge in edges:
            trial.remove_edge(edge)
            ops.append(cmd.RemoveEdgeOp(self, edge))
        if existing is None:
            params = dict(params or {})
            pos = (float(pos[0]), float(pos[1]))
            node = trial.add_node(kind or "dense", params=params, pos=pos)
            ops.append(cmd.AddNodeOp(self, node))
            middle = node.id
        else:
            middle = existing
        first = trial.add_edge(src, middle)
        ops.append(cmd.AddEdgeOp(self, first))
        for edge in edges:
            ops.append(cmd.AddEdgeOp(self, trial.add_edge(middle, edge.dst, edge.slot)))
        self._push(text, *ops)
        return middle

    def set_weight(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Set one trained weight, e.g. ``("dense_1.weight", (0, 3), 0.5)``: one undo step.

        An untrained project first takes its network's initial weights. Refused while
        training runs (the worker owns the weights then).
        """
        if self._lock:
            raise LockedError(
                f"{self._lock}: weights can be edited only while training is stopped or "
                "finished; stop it first."
            )
        value = float(value)
        if not np.isfinite(value):
            raise WeightEditError(f"A weight must be a finite number, not {value!r}.")
        before = self._project.weights
        weights = dict(before) if before is not None else self._initial_weights()
        if name not in weights:
            raise WeightEditError(f"The network has no weight array named '{name}'.")
        array = np.array(weights[name], copy=True)
        try:
            array[tuple(index)] = value
        except (IndexError, TypeError) as exc:
            raise WeightEditError(f"{name} has no element {tuple(index)}.") from exc
        weights[name] = array
        self._push(
            self.tr("Set {0}{1} to {2:.4g}").format(name, list(index), value),
            cmd.SetWeightsOp(self, before, weights, self._project.preprocessor),
        )

    def _initial_weights(self) -> dict:
        from nnstudio.session import Session

        return Session.from_project(self._project).network.get_weights()

    # ------------------------------------------------------------------ clipboard
    def copy_nodes(self, ids: Iterable[str]) -> str:
        """JSON text with the nodes and the edges between them (for the clipboard)."""
        return clipboard.nodes_to_text(self.spec, ids)

    def paste(
        self, text: str, offset: tuple[float, float] = (40, 40), *, label: str | None = None
    ) -> list[str]:
        """Add the nodes of ``copy_nodes`` text, shifted by ``offset``; returns new ids.

        ``label`` names the undo step (default ``"Paste N node(s)"``).
        """
        self._check_unlocked()
        raw_nodes, raw_edges = clipboard.parse_text(text)
        if not raw_nodes:
            return []
        trial = self.spec.copy()
        mapping = clipboard.add_to(trial, raw_nodes, offset)
        new_edges = [
            trial.add_edge(mapping[raw["src"]], mapping[raw["dst"]])
            for raw in raw_edges
            if raw["src"] in mapping and raw["dst"] in mapping
        ]
        n = len(mapping)
        self._push(
            label
            or (self.tr("Paste {0} node") if n == 1 else self.tr("Paste {0} nodes")).format(n),
            *(cmd.AddNodeOp(self, trial.nodes[new_id]) for new_id in mapping.values()),
            *(cmd.AddEdgeOp(self, edge) for edge in new_edges),
        )
        return list(mapping.values())

    def duplicate(self, ids: Iterable[str]) -> list[str]:
        """Copy and paste ``ids`` in one undo step named "Duplicate ..."; returns new ids."""
        ids = [i for i in dict.fromkeys(ids) if i in self.spec.nodes]
        if not ids:
            return []
        label = self.tr("Duplicate {0}").format(", ".join(ids))
        return self.paste(self.copy_nodes(ids), label=label)

    # ------------------------------------------------------------------ output fit
    def fit_output_to_data(self) -> bool:
        """Set the output layer's units and activation and the loss to fit the dataset's
        task and classes (``graph.output_fit.fit_output``), as one undo step. Returns
        False when they already fit. Raises DataError / GraphError / LockedError."""
        from nnstudio.graph.output_fit import fit_output

        self._check_unlocked()
        ds = self.dataset()
        spec, training = fit_output(self.spec, self._project.training, ds.task, ds.n_classes)
        ops: list[cmd.Operation] = []
        for node_id, node in spec.nodes.items():
            for name, value in node.params.items():
                old = self.spec.nodes[node_id].params.get(name)
                if old != value:
                    ops.append(cmd.SetParamOp(self, node_id, name, old, value))
        top = cmd.SetTrainingOp(self, self._project.training, train_config(training.to_dict()))
        if top.changed:
            ops.append(top)
        if ops:
            self._push(self.tr("Fit the output to the data"), *ops)
        return bool(ops)
