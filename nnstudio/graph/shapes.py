"""Shape inference and parameter counts of a network description (no engine needed)."""

from __future__ import annotations

from .spec import NetworkSpec


def topological_order(spec: NetworkSpec) -> tuple[list[str], list[str]]:
    """Kahn's order over the nodes; returns ``(ordered ids, ids left over in cycles)``.

    Ties are broken by insertion order, so the order is deterministic. Edges naming nodes
    that do not exist are ignored.
    """
    indeg = {nid: 0 for nid in spec.nodes}
    succ: dict[str, list[str]] = {nid: [] for nid in spec.nodes}
    for e in spec.edges:
        if e.src in indeg and e.dst in indeg:
            indeg[e.dst] += 1
            succ[e.src].append(e.dst)
    ready = [nid for nid in spec.nodes if indeg[nid] == 0]
    order: list[str] = []
    rank = {nid: i for i, nid in enumerate(spec.nodes)}
    while ready:
        nid = ready.pop(0)
        order.append(nid)
        for d in succ[nid]:
            indeg[d] -= 1
            if indeg[d] == 0:
                ready.append(d)
                ready.sort(key=rank.__getitem__)
    placed = set(order)
    return order, [nid for nid in spec.nodes if nid not in placed]


def infer_shapes(
    spec: NetworkSpec, n_features: int | None = None
) -> dict[str, tuple[int, ...] | None]:
    """Output shape ``(units,)`` of every node, or ``None`` where it cannot be known.

    The input node is ``n_features`` wide if given, else its ``units`` parameter. Dense
    nodes are always ``(units,)``; pass-through layers take their single input's width;
    Add needs all inputs known and equal; Concatenate sums its inputs' widths.
    """
    order, cyclic = topological_order(spec)
    shapes: dict[str, tuple[int, ...] | None] = {}
    for nid in order + cyclic:
        node = spec.nodes[nid]
        ins = [shapes.get(s) for s in spec.inputs_of(nid)] if nid not in cyclic else [None]
        shape: tuple[int, ...] | None = None
        units = node.params.get("units")
        if node.kind == "input":
            width = n_features if n_features is not None else units
            shape = (int(width),) if isinstance(width, int) else None
        elif node.kind == "dense":
            shape = (int(units),) if isinstance(units, int) else None
        elif node.kind in ("activation", "dropout", "batchnorm"):
            if len(ins) == 1 and ins[0] is not None:
                shape = ins[0]
        elif node.kind == "add":
            if ins and all(s is not None for s in ins) and len(set(ins)) == 1:
                shape = ins[0]
        elif node.kind == "concat":
            if ins and all(s is not None for s in ins):
                shape = (sum(s[0] for s in ins if s is not None),)
        shapes[nid] = shape
    return {nid: shapes[nid] for nid in spec.nodes}


def param_counts(spec: NetworkSpec, n_features: int | None = None) -> dict[str, int]:
    """Trainable parameters per node (0 where the input width is unknown).

    Dense: ``fan_in * units (+ units with bias)``; BatchNorm: ``2 * units`` (scale and
    shift; the running statistics are not trainable). Uses the input node's units unless
    ``n_features`` is given.
    """
    shapes = infer_shapes(spec, n_features)
    counts: dict[str, int] = {}
    for nid, node in spec.nodes.items():
        count = 0
        ins = spec.inputs_of(nid)
        if node.kind == "dense" and len(ins) == 1:
            fan_in = shapes.get(ins[0])
            units = shapes[nid]
            if fan_in is not None and units is not None:
                count = fan_in[0] * units[0]
                if node.params.get("use_bias", True):
                    count += units[0]
        elif node.kind == "batchnorm" and shapes[nid] is not None:
            count = 2 * shapes[nid][0]  # type: ignore[index]
        counts[nid] = count
    return counts


def total_params(spec: NetworkSpec, n_features: int | None = None) -> int:
    """Sum of :func:`param_counts`."""
    return sum(param_counts(spec, n_features).values())


def output_activation(spec: NetworkSpec, node_id: str) -> str:
    """The activation a node's output ends with (``"linear"`` for layers without one)."""
    node = spec.nodes[node_id]
    if node.kind in ("dense", "activation"):
        return str(node.params.get("activation", "linear"))
    return "linear"
