"""Layers on the clipboard: the JSON text that Copy writes and Paste reads.

The text is ``{"format": "nnstudio-nodes", "nodes": [...], "edges": [...]}``; each node has
its id, kind, params and position, each edge its source, destination and input slot.
The :class:`~nnstudio.gui.document.Document` turns a paste into one undo step.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable

from nnstudio.errors import NNStudioError
from nnstudio.graph import NetworkSpec

CLIPBOARD_FORMAT = "nnstudio-nodes"


class ClipboardError(NNStudioError):
    """Pasted text is not a set of NN Studio layers."""


def nodes_to_text(spec: NetworkSpec, ids: Iterable[str]) -> str:
    """JSON text with the nodes ``ids`` of ``spec`` and the edges between them."""
    wanted = [i for i in dict.fromkeys(ids) if i in spec.nodes]
    inside = set(wanted)
    nodes = [
        {
            "id": i,
            "kind": spec.nodes[i].kind,
            "params": copy.deepcopy(spec.nodes[i].params),
            "pos": list(spec.nodes[i].pos),
        }
        for i in wanted
    ]
    edges = [
        {"src": e.src, "dst": e.dst, "slot": e.slot}
        for e in spec.edges
        if e.src in inside and e.dst in inside
    ]
    return json.dumps({"format": CLIPBOARD_FORMAT, "nodes": nodes, "edges": edges})


def parse_text(text: str) -> tuple[list[dict], list[dict]]:
    """The raw nodes and edges (edges sorted by destination and slot) of clipboard text.

    Raises :class:`ClipboardError` for anything that is not NN Studio layers.
    """
    try:
        data = json.loads(text)
        if data.get("format") != CLIPBOARD_FORMAT:
            raise ValueError
        raw_nodes = list(data["nodes"])
        raw_edges = sorted(data.get("edges", []), key=lambda e: (e["dst"], e.get("slot", 0)))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ClipboardError(
            "The clipboard does not hold NN Studio layers; copy some nodes first."
        ) from exc
    return raw_nodes, raw_edges


def add_to(spec: NetworkSpec, raw_nodes: list[dict], offset: tuple[float, float]) -> dict[str, str]:
    """Add ``raw_nodes`` to ``spec`` (new ids), shifted by ``offset``; old id -> new id."""
    mapping: dict[str, str] = {}
    for raw in raw_nodes:
        x, y = raw.get("pos", (0.0, 0.0))
        node = spec.add_node(
            raw["kind"],
            params=dict(raw.get("params", {})),
            pos=(float(x) + offset[0], float(y) + offset[1]),
        )
        mapping[raw["id"]] = node.id
    return mapping
