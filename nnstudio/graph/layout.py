"""Automatic left-to-right layout of a network for the canvas's auto-arrange."""

from __future__ import annotations

import itertools

from .analysis import analyse
from .spec import NetworkSpec

X_SPACING = 220.0
Y_SPACING = 120.0
#: With known node sizes: the least gap between two nodes of a layer, and between layers.
GAP = 30.0


def auto_arrange(
    spec: NetworkSpec, sizes: dict[str, tuple[float, float]] | None = None
) -> dict[str, tuple[float, float]]:
    """Canvas position ``(x, y)`` (top left) per node: layered by the longest path from a
    source.

    Layer ``k`` sits at ``x = k * 220``; the nodes of a layer are spread vertically
    ``120`` apart, centred on ``y = 0`` and ordered by the mean position of their inputs
    (fewer crossings). An edge that skips layers reserves a lane in each layer it crosses,
    so it never runs behind a node. Nodes in cycles go one layer after the rest.

    ``sizes`` (node id -> drawn ``(width, height)``, e.g. the canvas's columns of neuron
    tiles) makes room for large nodes: neighbours in a layer are centred at least
    ``(h1 + h2) / 2 + GAP`` apart, layers at least the widest node + ``GAP`` apart, and
    every node is centred on its place instead of hanging from it.
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
    mid: dict[str, float] = {}  # each node's (or lane's) vertical centre
    rank = {nid: i for i, nid in enumerate(spec.nodes)}
    x = 0.0
    for k in sorted(layers):
        members = layers[k]

        def key(nid: str) -> tuple[float, int, int]:
            ys = [mid[p] for p in preds[nid] if p in mid]
            is_lane = nid not in rank
            return (sum(ys) / len(ys) if ys else 0.0, int(is_lane), rank.get(nid, 0))

        members.sort(key=key)
        n = len(members)
        if sizes is None:
            for i, nid in enumerate(members):
                pos[nid] = (k * X_SPACING, (i - (n - 1) / 2) * Y_SPACING)
                mid[nid] = pos[nid][1]
            continue
        heights = [sizes.get(nid, (0.0, 0.0))[1] for nid in members]
        centres = [0.0]
        for above, below in itertools.pairwise(heights):
            centres.append(centres[-1] + max(Y_SPACING, (above + below) / 2 + GAP))
        shift = (centres[0] + centres[-1]) / 2
        for nid, centre, height in zip(members, centres, heights, strict=True):
            mid[nid] = centre - shift
            pos[nid] = (x, mid[nid] - height / 2)
        widest = max((sizes.get(nid, (0.0, 0.0))[0] for nid in members), default=0.0)
        x += max(X_SPACING, widest + GAP)
    return {nid: pos[nid] for nid in spec.nodes}
