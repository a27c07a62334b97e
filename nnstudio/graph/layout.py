"""Automatic left-to-right layout of a network for the canvas's auto-arrange."""

from __future__ import annotations

from .shapes import topological_order
from .spec import NetworkSpec

X_SPACING = 220.0
Y_SPACING = 120.0


def auto_arrange(spec: NetworkSpec) -> dict[str, tuple[float, float]]:
    """Canvas position ``(x, y)`` per node: layered by the longest path from a source.

    Layer ``k`` sits at ``x = k * 220``; the nodes of a layer are spread vertically
    ``120`` apart, centred on ``y = 0`` and ordered by the mean position of their inputs
    (fewer crossings). Nodes in cycles go one layer after the rest.
    """
    order, cyclic = topological_order(spec)
    layer: dict[str, int] = {}
    for nid in order:
        preds = [e.src for e in spec.edges if e.dst == nid and e.src in layer]
        layer[nid] = 1 + max(layer[p] for p in preds) if preds else 0
    last = max(layer.values(), default=-1)
    for nid in cyclic:
        layer[nid] = last + 1
    layers: dict[int, list[str]] = {}
    for nid in order + cyclic:
        layers.setdefault(layer[nid], []).append(nid)
    pos: dict[str, tuple[float, float]] = {}
    rank = {nid: i for i, nid in enumerate(spec.nodes)}
    for k in sorted(layers):
        members = layers[k]

        def key(nid: str) -> tuple[float, int]:
            ys = [pos[e.src][1] for e in spec.edges if e.dst == nid and e.src in pos]
            return (sum(ys) / len(ys) if ys else 0.0, rank[nid])

        members.sort(key=key)
        n = len(members)
        for i, nid in enumerate(members):
            pos[nid] = (k * X_SPACING, (i - (n - 1) / 2) * Y_SPACING)
    return {nid: pos[nid] for nid in spec.nodes}
