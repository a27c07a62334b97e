from __future__ import annotations

from nnstudio.graph import NetworkSpec, auto_arrange


def test_layers_by_longest_path_left_to_right():
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2}, node_id="x")
    spec.add_node("dense", node_id="a")
    spec.add_node("dense", node_id="b")
    spec.add_node("dense", node_id="c")
    spec.add_node("add", node_id="s")
    spec.add_edge("x", "a")
    spec.add_edge("a", "b")
    spec.add_edge("x", "c")
    spec.add_edge("b", "s")
    spec.add_edge("c", "s")
    pos = auto_arrange(spec)
    assert set(pos) == set(spec.nodes)
    assert pos["x"][0] == 0.0
    assert pos["a"][0] == 220.0 and pos["c"][0] == 220.0
    assert pos["b"][0] == 440.0
    assert pos["s"][0] == 660.0  # longest path x-a-b-s, not x-c-s
    # the two nodes of layer 1 are spread 120 apart around y = 0
    assert sorted([pos["a"][1], pos["c"][1]]) == [-60.0, 60.0]
    assert pos["x"][1] == 0.0


def test_every_edge_points_right():
    spec = NetworkSpec.sequential(2, [3, 3, 3], "relu", 1, "sigmoid")
    pos = auto_arrange(spec)
    for e in spec.edges:
        assert pos[e.src][0] < pos[e.dst][0]


def test_empty_spec():
    assert auto_arrange(NetworkSpec()) == {}


def test_skip_edge_does_not_run_behind_nodes():
    """A residual connection x -> s past the chain x-a-b-s gets its own lane."""
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2}, node_id="x")
    spec.add_node("dense", node_id="a")
    spec.add_node("dense", node_id="b")
    spec.add_node("add", node_id="s")
    for src, dst in (("x", "a"), ("a", "b"), ("b", "s"), ("x", "s")):
        spec.add_edge(src, dst)
    pos = auto_arrange(spec)
    (x0, y0), (x1, y1) = pos["x"], pos["s"]
    for nid in ("a", "b"):
        x, y = pos[nid]
        assert x0 < x < x1
        on_line = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        assert abs(y - on_line) >= 30.0, f"{nid} sits on the skip edge"
    # the chain itself stays straight
    assert pos["a"][1] == pos["b"][1]


def test_sizes_make_room_for_tall_nodes_in_a_layer():
    """Two parallel columns of neuron tiles (420 tall) must not overlap."""
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2}, node_id="x")
    spec.add_node("dense", node_id="a")
    spec.add_node("dense", node_id="c")
    spec.add_node("concat", node_id="m")
    spec.add_node("dense", node_id="o")
    for src, dst in (("x", "a"), ("x", "c"), ("a", "m"), ("c", "m"), ("m", "o")):
        spec.add_edge(src, dst)
    sizes = {"x": (64.0, 120.0), "a": (64.0, 420.0), "c": (64.0, 420.0), "m": (64.0, 420.0)}
    sizes["o"] = (260.0, 70.0)  # a wide box
    pos = auto_arrange(spec, sizes)
    top_a, top_c = sorted([pos["a"][1], pos["c"][1]])
    assert top_c - (top_a + 420.0) >= 30.0  # a gap between the two columns
    # every node is centred on the row of its layer's middle: a single node on y = 0
    for nid in ("x", "m", "o"):
        assert pos[nid][1] + sizes[nid][1] / 2 == 0.0
    assert (pos["a"][1] + 210.0) + (pos["c"][1] + 210.0) == 0.0
    # layers still left to right, at least the usual spacing apart
    xs = [pos[n][0] for n in ("x", "a", "m", "o")]
    assert xs == sorted(xs) and min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 220.0
    # unknown sizes (and small ones) keep the usual 120 spacing
    small = {n: (180.0, 82.0) for n in spec.nodes}
    spread = auto_arrange(spec, small)
    assert abs(spread["a"][1] - spread["c"][1]) == 120.0


def test_a_wide_layer_pushes_the_next_one_right():
    spec = NetworkSpec.sequential(2, [3], "relu", 1, "sigmoid")
    ids = list(spec.nodes)
    sizes = {nid: (180.0, 82.0) for nid in ids}
    sizes[ids[1]] = (400.0, 82.0)
    pos = auto_arrange(spec, sizes)
    assert pos[ids[2]][0] - pos[ids[1]][0] >= 400.0 + 30.0
