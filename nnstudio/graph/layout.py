"""Automatic left-to-right layout of a network for the canvas's auto-arrange."""

from __future__ import annotations

from .analysis import analyse
from .spec import NetworkSpec

X_SPACING = 220.0
Y_SPACING = 120.0


def auto_arrange(spec: NetworkSpec) -> dict[str, tuple[float, float]]:
    """Canvas position ``(x, y)`` per node: layered by the longest path from a source.

    Layer ``k`` sits at ``x = k * 220``; the nodes of a layer are spread vertically
    ``120`` apart, centred on ``y = 0`` and ordered by the mean position of their inputs
    (fewer crossings). An edge that skips layers reserves a lane in each layer it crosses,
    so it never runs behind a node. Nodes in cycles go one layer after the rest.
    """
    result = analyse(spec)
    order, cyclic = list(result.order), list(result.cyclic)
    layer: dict[str, int] = {}
    for nid in order:
        preds = [e.src for e in spec.edges if e.dst == nid and e.src in layer]
        layer[nid] = 1 + max(layer[p] for p in preds) if preds else 0
    last = max(layer.values(), default=-1)
    for nid in cyclic:
        layer[nid] = last + 1
    # An edge that skips layers gets a placeholder ("lane") in each layer it crosses, so
    # the nodes it passes make room for it instead of hiding it behind them.
    preds: dict[str, list[str]] = {nid: [] for nid in layer}
    layers: dict[int, list[str]] = {}
    for nid in order + cyclic:
        layers.setdefault(layer[nid], []).append(nid)
    for edge in spec.edges:
        if edge.src not in layer or edge.dst not in layer:
            continue
        prev = edge.src
        for k in range(layer[edge.src] + 1, layer[edge.dst]):
            lane = f"\0lane:{edge.src}:{edge.dst}:{edge.slot}:{k}"
            preds[lane] = [prev]
            layers.setdefault(k, []).append(lane)
            prev = lane
        preds[edge.dst].append(prev)
    pos: dict[str, tuple[float, float]] = {}
    rank = {nid: i for i, nid in enumerate(spec.nodes)}
    for k in sorted(layers):
        members = layers[k]

        def key(nid: str) -> tuple[float, int, int]:
            ys = [pos[p][1] for p in preds[nid] if p in pos]
            is_lane = nid not in rank
            return (sum(ys) / len(ys) if ys else 0.0, int(is_lane), rank.get(nid, 0))

        members.sort(key=key)
        n = len(members)
        for i, nid in enumerate(members):
            pos[nid] = (k * X_SPACING, (i - (n - 1) / 2) * Y_SPACING)
    return {nid: pos[nid] for nid in spec.nodes}
