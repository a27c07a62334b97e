"""The network as data: nodes with stable string ids, edges, and their serialization.

A :class:`NetworkSpec` is plain Python: the GUI's document owns one and mutates it only
through these methods, the canvas mirrors it, and :func:`nnstudio.graph.compile_spec`
turns a valid one into an engine network.
"""

from __future__ import annotations

import copy as _copy
import math
import re
from dataclasses import dataclass, field
from typing import Any

from nnstudio.text import Text

from .catalog import CATALOG, check_params, get_kind
from .errors import (
    ArityError,
    ConnectionError_,
    CycleError,
    GraphError,
    SpecFormatError,
    UnknownLayerError,
)

ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


@dataclass
class Node:
    """One layer of the network.

    ``id`` is stable across saves (``"dense_1"``), ``kind`` a catalog id, ``params`` the
    layer's parameters (complete, checked against the catalog) and ``pos`` its canvas
    position ``(x, y)``.
    """

    id: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    pos: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class Edge:
    """A connection from node ``src`` to input ``slot`` of node ``dst``."""

    src: str
    dst: str
    slot: int = 0


class NetworkSpec:
    """A directed graph of layer nodes.

    Attributes:
        nodes: node id -> :class:`Node`, in insertion order.
        edges: the connections, in insertion order.
    """

    def __init__(
        self, nodes: dict[str, Node] | None = None, edges: list[Edge] | None = None
    ) -> None:
        self.nodes: dict[str, Node] = dict(nodes) if nodes else {}
        self.edges: list[Edge] = list(edges) if edges else []

    def __repr__(self) -> str:
        return f"NetworkSpec(nodes={list(self.nodes)}, edges={len(self.edges)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NetworkSpec):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    # ------------------------------------------------------------------ nodes
    def new_id(self, kind: str) -> str:
        """A free id for a node of ``kind``: ``"dense_3"`` with the smallest free number."""
        get_kind(kind)
        n = 1
        while f"{kind}_{n}" in self.nodes:
            n += 1
        return f"{kind}_{n}"

    def add_node(
        self,
        kind: str,
        params: dict[str, Any] | None = None,
        pos: tuple[float, float] = (0.0, 0.0),
        node_id: str | None = None,
    ) -> Node:
        """Add a node of ``kind``; missing params get the catalog defaults.

        Raises :class:`UnknownLayerError`, :class:`ParamError`, or :class:`SpecFormatError`
        for an invalid or already used ``node_id``.
        """
        get_kind(kind)
        if node_id is None:
            node_id = self.new_id(kind)
        else:
            _check_id(node_id)
            if node_id in self.nodes:
                raise SpecFormatError(
                    Text("A node with id '{id}' already exists; choose another id.", id=node_id),
                    (node_id,),
                )
        node = Node(node_id, kind, check_params(kind, params, node_id), _check_pos(pos, node_id))
        self.nodes[node_id] = node
        return node

    def insert_node(self, node: Node, edges: list[Edge] | None = None) -> None:
        """Put back a node removed by :meth:`remove_node` (with its edges), e.g. for undo."""
        if node.id in self.nodes:
            raise SpecFormatError(
                Text("A node with id '{id}' already exists.", id=node.id), (node.id,)
            )
        self.nodes[node.id] = node
        self.edges.extend(edges or [])

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Remove a node and every edge touching it; returns both (for undo)."""
        node = self._node(node_id)
        removed = [e for e in self.edges if e.src == node_id or e.dst == node_id]
        self.edges = [e for e in self.edges if e.src != node_id and e.dst != node_id]
        del self.nodes[node_id]
        return node, removed

    def set_param(self, node_id: str, name: str, value: Any) -> None:
        """Set one parameter, checked against the catalog schema (raises ParamError)."""
        node = self._node(node_id)
        spec = get_kind(node.kind).param(name)
        node.params[name] = spec.check(value, node_id)

    def move_node(self, node_id: str, pos: tuple[float, float]) -> None:
        """Move a node on the canvas."""
        self._node(node_id).pos = _check_pos(pos, node_id)

    # ------------------------------------------------------------------ edges
    def add_edge(self, src: str, dst: str, slot: int | None = None) -> Edge:
        """Connect ``src`` to ``dst``; ``slot=None`` takes the smallest free input slot.

        Runs the checks of :func:`~nnstudio.graph.check_connect` first and raises the
        error that refuses the connection.
        """
        _check_edge(self, src, dst)
        used = {e.slot for e in self.edges if e.dst == dst}
        if slot is None:
            slot = 0
            while slot in used:
                slot += 1
        elif isinstance(slot, bool) or not isinstance(slot, int) or slot < 0:
            raise ConnectionError_(
                Text("Input slot must be a whole number >= 0, got {slot!r}.", slot=slot),
                (src, dst),
            )
        elif slot in used:
            raise ConnectionError_(
                Text(
                    "Input {slot} of '{dst}' is already connected; disconnect it first.",
                    slot=slot,
                    dst=dst,
                ),
                (dst,),
            )
        edge = Edge(src, dst, slot)
        self.edges.append(edge)
        return edge

    def remove_edge(self, edge: Edge) -> None:
        """Remove one edge (raises ConnectionError_ if it is not in the graph)."""
        try:
            self.edges.remove(edge)
        except ValueError:
            raise ConnectionError_(
                Text("There is no connection from '{src}' to '{dst}'.", src=edge.src, dst=edge.dst),
                (edge.src, edge.dst),
            ) from None

    def inputs_of(self, node_id: str) -> list[str]:
        """Ids of the nodes feeding ``node_id``, ordered by input slot."""
        return [e.src for e in sorted(self.in_edges(node_id), key=lambda e: e.slot)]

    def outputs_of(self, node_id: str) -> list[str]:
        """Ids of the nodes ``node_id`` feeds, in edge order."""
        return [e.dst for e in self.edges if e.src == node_id]

    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges into ``node_id``, in edge order."""
        return [e for e in self.edges if e.dst == node_id]

    def sinks(self) -> list[str]:
        """Ids of the nodes that feed nothing (the output candidates)."""
        has_out = {e.src for e in self.edges}
        return [nid for nid in self.nodes if nid not in has_out]

    # ------------------------------------------------------------------ misc
    def copy(self) -> NetworkSpec:
        """A deep copy."""
        return NetworkSpec(
            {nid: _copy.deepcopy(n) for nid, n in self.nodes.items()}, list(self.edges)
        )

    def _node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except (KeyError, TypeError):
            raise GraphError(Text("There is no node '{id}' in the network.", id=node_id)) from None

    # ---------------------------------------------------------- serialization
    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: ``{"nodes": [{id, kind, params, pos}], "edges": [{src, dst, slot}]}``."""
        return {
            "nodes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "params": _copy.deepcopy(n.params),
                    "pos": [float(n.pos[0]), float(n.pos[1])],
                }
                for n in self.nodes.values()
            ],
            "edges": [{"src": e.src, "dst": e.dst, "slot": e.slot} for e in self.edges],
        }

    @classmethod
    def from_dict(cls, d: Any) -> NetworkSpec:
        """Build a spec from :meth:`to_dict` output, rejecting anything malformed.

        Raises :class:`SpecFormatError` (structure), :class:`UnknownLayerError`,
        :class:`ParamError` or :class:`ConnectionError_` (edges that could never be drawn:
        unknown node, self-loop, duplicate, into an input node, too many inputs, slot
        used twice). Cycles and missing connections are left to :func:`validate`.
        """
        if not isinstance(d, dict):
            raise SpecFormatError(
                Text("The network must be a JSON object, got {type}.", type=type(d).__name__)
            )
        extra = set(d) - {"nodes", "edges"}
        if extra:
            raise SpecFormatError(
                Text("Unknown network field(s): {fields}.", fields=sorted(map(str, extra)))
            )
        nodes_raw = d.get("nodes")
        edges_raw = d.get("edges", [])
        if not isinstance(nodes_raw, list):
            raise SpecFormatError(Text("The network needs a 'nodes' list."))
        if not isinstance(edges_raw, list):
            raise SpecFormatError(Text("The network's 'edges' must be a list."))
        spec = cls()
        for i, raw in enumerate(nodes_raw):
            if not isinstance(raw, dict):
                raise SpecFormatError(
                    Text("Node #{i} must be an object, got {type}.", i=i, type=type(raw).__name__)
                )
            missing = {"id", "kind"} - set(raw)
            if missing:
                raise SpecFormatError(
                    Text("Node #{i} lacks {fields}.", i=i, fields=sorted(missing))
                )
            extra = set(raw) - {"id", "kind", "params", "pos"}
            if extra:
                raise SpecFormatError(
                    Text(
                        "Node #{i} has unknown field(s): {fields}.",
                        i=i,
                        fields=sorted(map(str, extra)),
                    )
                )
            node_id, kind = raw["id"], raw["kind"]
            _check_id(node_id)
            if node_id in spec.nodes:
                raise SpecFormatError(Text("Two nodes have the id '{id}'.", id=node_id), (node_id,))
            if not isinstance(kind, str) or kind not in CATALOG:
                raise UnknownLayerError(
                    Text(
                        "Node '{id}' has unknown layer kind {kind!r}; known kinds: {known}.",
                        id=node_id,
                        kind=kind,
                        known=list(CATALOG),
                    ),
                    (node_id,),
                )
            pos = raw.get("pos", (0.0, 0.0))
            if not isinstance(pos, list | tuple):
                raise SpecFormatError(
                    Text("Node '{id}': pos must be [x, y].", id=node_id), (node_id,)
                )
            spec.add_node(kind, raw.get("params", {}), tuple(pos), node_id)  # type: ignore[arg-type]
        for i, raw in enumerate(edges_raw):
            if not isinstance(raw, dict) or not {"src", "dst"} <= set(raw):
                raise SpecFormatError(Text("Edge #{i} must be an object with src and dst.", i=i))
            extra = set(raw) - {"src", "dst", "slot"}
            if extra:
                raise SpecFormatError(
                    Text(
                        "Edge #{i} has unknown field(s): {fields}.",
                        i=i,
                        fields=sorted(map(str, extra)),
                    )
                )
            src, dst, slot = raw["src"], raw["dst"], raw.get("slot", 0)
            if isinstance(slot, bool) or not isinstance(slot, int) or slot < 0:
                raise SpecFormatError(Text("Edge #{i}: slot must be a whole number >= 0.", i=i))
            _check_edge(spec, src, dst, check_cycle=False)
            if any(e.dst == dst and e.slot == slot for e in spec.edges):
                raise ConnectionError_(
                    Text("Input {slot} of '{dst}' is connected twice.", slot=slot, dst=dst), (dst,)
                )
            spec.edges.append(Edge(src, dst, slot))
        return spec

    @classmethod
    def sequential(
        cls,
        n_inputs: int,
        hidden: list[int],
        activation: str = "relu",
        n_outputs: int = 1,
        output_activation: str = "sigmoid",
    ) -> NetworkSpec:
        """A chain input -> dense(h) for each h in ``hidden`` -> dense(n_outputs).

        Nodes are laid out left to right on the canvas.
        """
        from .layout import auto_arrange

        spec = cls()
        prev = spec.add_node("input", {"units": n_inputs}).id
        for units in hidden:
            node = spec.add_node("dense", {"units": units, "activation": activation})
            spec.add_edge(prev, node.id)
            prev = node.id
        out = spec.add_node("dense", {"units": n_outputs, "activation": output_activation})
        spec.add_edge(prev, out.id)
        for node_id, pos in auto_arrange(spec).items():
            spec.nodes[node_id].pos = pos
        return spec


def _check_id(node_id: Any) -> None:
    if not isinstance(node_id, str) or not ID_PATTERN.match(node_id):
        raise SpecFormatError(
            Text(
                "Invalid node id {id!r}: use letters, digits and underscores, starting "
                "with a letter (at most 64 characters), e.g. 'dense_1'.",
                id=node_id,
            )
        )


def _check_pos(pos: Any, node_id: str) -> tuple[float, float]:
    try:
        x, y = pos
    except (TypeError, ValueError):
        raise SpecFormatError(
            Text("Node '{id}': pos must be (x, y).", id=node_id), (node_id,)
        ) from None
    for v in (x, y):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise SpecFormatError(
                Text(
                    "Node '{id}': pos must be two finite numbers, got {pos!r}.",
                    id=node_id,
                    pos=pos,
                ),
                (node_id,),
            )
    return (float(x), float(y))


def _reaches(spec: NetworkSpec, start: str, target: str) -> bool:
    """Whether a path of edges leads from ``start`` to ``target``."""
    seen = {start}
    stack = [start]
    while stack:
        nid = stack.pop()
        if nid == target:
            return True
        for e in spec.edges:
            if e.src == nid and e.dst not in seen:
                seen.add(e.dst)
                stack.append(e.dst)
    return False


def _check_edge(spec: NetworkSpec, src: Any, dst: Any, check_cycle: bool = True) -> None:
    """Why a new edge ``src -> dst`` is refused (see ``validation.check_connect``)."""
    for end in (src, dst):
        if not isinstance(end, str) or end not in spec.nodes:
            raise ConnectionError_(
                Text("A connection refers to node {node!r}, which does not exist.", node=end),
            )
    if src == dst:
        raise CycleError(
            Text("'{src}' cannot be connected to itself: that would make a cycle.", src=src),
            (src,),
        )
    dst_kind = get_kind(spec.nodes[dst].kind)
    if dst_kind.id == "input":
        raise ConnectionError_(
            Text(
                "'{dst}' is an input node and cannot receive connections; connect into a layer.",
                dst=dst,
            ),
            (dst,),
        )
    if check_cycle and _reaches(spec, dst, src):
        raise CycleError(
            Text(
                "Connecting '{src}' to '{dst}' would create a cycle ('{dst}' already feeds "
                "'{src}'); networks must flow one way from input to output.",
                src=src,
                dst=dst,
            ),
            (src, dst),
        )
    if any(e.src == src and e.dst == dst for e in spec.edges):
        raise ConnectionError_(
            Text("'{src}' is already connected to '{dst}'.", src=src, dst=dst), (src, dst)
        )
    n_in = sum(1 for e in spec.edges if e.dst == dst)
    if dst_kind.max_inputs is not None and n_in >= dst_kind.max_inputs:
        if n_in == 1:
            text = Text(
                "'{dst}' ({layer}) already has {n} input (at most {most}); remove its "
                "connection first, or merge with an Add/Concatenate node.",
                dst=dst,
                layer=dst_kind.name,
                n=n_in,
                most=dst_kind.max_inputs,
            )
        else:
            text = Text(
                "'{dst}' ({layer}) already has {n} inputs (at most {most}); remove its "
                "connection first, or merge with an Add/Concatenate node.",
                dst=dst,
                layer=dst_kind.name,
                n=n_in,
                most=dst_kind.max_inputs,
            )
        raise ArityError(text, (dst,))
