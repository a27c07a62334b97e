from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.graph import (
    ArityError,
    ConnectionError_,
    CycleError,
    Edge,
    GraphError,
    NetworkSpec,
    ParamError,
    SpecFormatError,
    UnknownLayerError,
)


def chain() -> NetworkSpec:
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2})
    spec.add_node("dense", {"units": 4})
    spec.add_node("dense", {"units": 1, "activation": "sigmoid"})
    spec.add_edge("input_1", "dense_1")
    spec.add_edge("dense_1", "dense_2")
    return spec


def test_new_id_takes_smallest_free_number():
    spec = chain()
    assert spec.new_id("dense") == "dense_3"
    spec.remove_node("dense_1")
    assert spec.new_id("dense") == "dense_1"
    assert spec.add_node("dropout").id == "dropout_1"


def test_add_node_fills_defaults_and_rejects_duplicates():
    spec = NetworkSpec()
    node = spec.add_node("dense", {"units": 3}, pos=(10, 20))
    assert node.params["activation"] == "relu" and node.params["units"] == 3
    assert node.pos == (10.0, 20.0)
    with pytest.raises(SpecFormatError, match="already exists"):
        spec.add_node("dense", node_id="dense_1")
    with pytest.raises(SpecFormatError, match="Invalid node id"):
        spec.add_node("dense", node_id="dense.1")
    with pytest.raises(UnknownLayerError):
        spec.add_node("conv")


def test_remove_node_returns_its_edges_and_insert_restores():
    spec = chain()
    before = spec.to_dict()
    node, edges = spec.remove_node("dense_1")
    assert node.id == "dense_1"
    assert edges == [Edge("input_1", "dense_1", 0), Edge("dense_1", "dense_2", 0)]
    assert spec.edges == []
    spec.insert_node(node, edges)
    assert sorted(map(str, spec.to_dict()["edges"])) == sorted(map(str, before["edges"]))


def test_add_edge_assigns_next_free_slot_and_inputs_are_slot_ordered():
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2})
    for _ in range(3):
        spec.add_node("dense", {"units": 2})
    spec.add_node("concat")
    for d in ("dense_1", "dense_2", "dense_3"):
        spec.add_edge("input_1", d)
    spec.add_edge("dense_2", "concat_1", slot=1)
    e = spec.add_edge("dense_3", "concat_1")
    assert e.slot == 0
    spec.add_edge("dense_1", "concat_1")
    assert spec.inputs_of("concat_1") == ["dense_3", "dense_2", "dense_1"]
    assert spec.outputs_of("input_1") == ["dense_1", "dense_2", "dense_3"]
    with pytest.raises(ConnectionError_, match="already connected"):
        spec.add_edge("input_1", "dense_1")


def test_add_edge_refuses_used_slot():
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2})
    spec.add_node("dense")
    spec.add_node("concat")
    spec.add_edge("input_1", "concat_1", slot=0)
    spec.add_edge("input_1", "dense_1")
    with pytest.raises(ConnectionError_, match="Input 0 of 'concat_1'"):
        spec.add_edge("dense_1", "concat_1", slot=0)


def test_remove_edge():
    spec = chain()
    spec.remove_edge(Edge("dense_1", "dense_2", 0))
    assert spec.inputs_of("dense_2") == []
    with pytest.raises(ConnectionError_):
        spec.remove_edge(Edge("dense_1", "dense_2", 0))


def test_set_param_and_move_node():
    spec = chain()
    spec.set_param("dense_1", "units", 16)
    assert spec.nodes["dense_1"].params["units"] == 16
    with pytest.raises(ParamError) as info:
        spec.set_param("dense_1", "units", -3)
    assert info.value.node_ids == ("dense_1",)
    assert spec.nodes["dense_1"].params["units"] == 16
    with pytest.raises(ParamError, match="no parameter"):
        spec.set_param("dense_1", "rate", 0.1)
    spec.move_node("dense_1", (5, -5))
    assert spec.nodes["dense_1"].pos == (5.0, -5.0)
    with pytest.raises(GraphError, match="no node"):
        spec.move_node("nope", (0, 0))


def test_copy_is_deep():
    spec = chain()
    other = spec.copy()
    other.set_param("dense_1", "units", 99)
    assert spec.nodes["dense_1"].params["units"] == 4
    assert other != spec


def test_round_trip_through_json():
    spec = chain()
    spec.move_node("dense_2", (440.5, -12))
    again = NetworkSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert again == spec
    assert again.to_dict() == spec.to_dict()
    assert list(again.nodes) == ["input_1", "dense_1", "dense_2"]


def test_from_dict_fills_missing_params_with_defaults():
    spec = NetworkSpec.from_dict({"nodes": [{"id": "d", "kind": "dense"}], "edges": []})
    assert spec.nodes["d"].params["units"] == 8


def _base():
    return chain().to_dict()


def _mutate(fn):
    d = _base()
    fn(d)
    return d


@pytest.mark.parametrize(
    ("data", "error", "match"),
    [
        ([], SpecFormatError, "JSON object"),
        ({"nodes": "x"}, SpecFormatError, "'nodes' list"),
        ({"nodes": [], "edges": {}}, SpecFormatError, "edges"),
        ({"nodes": [], "extra": 1}, SpecFormatError, "Unknown network field"),
        ({"nodes": [3]}, SpecFormatError, "Node #0"),
        ({"nodes": [{"kind": "dense"}]}, SpecFormatError, "lacks id"),
        ({"nodes": [{"id": "a", "kind": "dense", "x": 1}]}, SpecFormatError, "unknown field"),
        ({"nodes": [{"id": 7, "kind": "dense"}]}, SpecFormatError, "Invalid node id"),
        ({"nodes": [{"id": "a", "kind": "lstm"}]}, UnknownLayerError, "lstm"),
        ({"nodes": [{"id": "a", "kind": "dense", "params": {"units": -1}}]}, ParamError, "a:"),
        ({"nodes": [{"id": "a", "kind": "dense", "params": []}]}, ParamError, "mapping"),
        ({"nodes": [{"id": "a", "kind": "dense", "pos": [1]}]}, SpecFormatError, "pos"),
        ({"nodes": [{"id": "a", "kind": "dense", "pos": "ab"}]}, SpecFormatError, "pos"),
        (
            {"nodes": [{"id": "a", "kind": "dense", "pos": [0, float("inf")]}]},
            SpecFormatError,
            "finite",
        ),
        (_mutate(lambda d: d["nodes"].append(d["nodes"][0])), SpecFormatError, "Two nodes"),
        (_mutate(lambda d: d["edges"].append({"src": "x"})), SpecFormatError, "Edge #2"),
        (
            _mutate(lambda d: d["edges"].append({"src": "zz", "dst": "dense_1"})),
            ConnectionError_,
            "does not exist",
        ),
        (
            _mutate(lambda d: d["edges"].append({"src": "dense_2", "dst": "dense_2"})),
            CycleError,
            "itself",
        ),
        (
            _mutate(lambda d: d["edges"].append({"src": "dense_1", "dst": "input_1"})),
            ConnectionError_,
            "input node",
        ),
        (
            _mutate(lambda d: d["edges"].append({"src": "input_1", "dst": "dense_2"})),
            ArityError,
            "already has 1 input",
        ),
        (_mutate(lambda d: d["edges"][0].update(slot=-1)), SpecFormatError, "slot"),
        (_mutate(lambda d: d["edges"][0].update(slot=True)), SpecFormatError, "slot"),
        (_mutate(lambda d: d["edges"][0].update(w=1)), SpecFormatError, "unknown field"),
    ],
)
def test_from_dict_rejects_malformed_input(data, error, match):
    with pytest.raises(error, match=match):
        NetworkSpec.from_dict(data)


def test_sequential_builds_a_chain_left_to_right():
    spec = NetworkSpec.sequential(3, [8, 4], "tanh", 2, "softmax")
    assert [n.kind for n in spec.nodes.values()] == ["input", "dense", "dense", "dense"]
    assert spec.nodes["input_1"].params["units"] == 3
    assert [spec.nodes[f"dense_{i}"].params["units"] for i in (1, 2, 3)] == [8, 4, 2]
    assert spec.nodes["dense_1"].params["activation"] == "tanh"
    assert spec.nodes["dense_3"].params["activation"] == "softmax"
    xs = [n.pos[0] for n in spec.nodes.values()]
    assert xs == sorted(xs) and len(set(xs)) == 4


_kinds = st.sampled_from(["dense", "activation", "dropout", "batchnorm", "add", "concat"])


@st.composite
def random_specs(draw):
    spec = NetworkSpec()
    spec.add_node("input", {"units": draw(st.integers(1, 50))})
    for _ in range(draw(st.integers(0, 7))):
        kind = draw(_kinds)
        params = {}
        if kind == "dense":
            params = {
                "units": draw(st.integers(1, 64)),
                "activation": draw(st.sampled_from(["relu", "tanh", "linear"])),
                "use_bias": draw(st.booleans()),
            }
        elif kind == "dropout":
            params = {"rate": draw(st.floats(0, 0.95))}
        pos = (draw(st.floats(-1e4, 1e4)), draw(st.floats(-1e4, 1e4)))
        node = spec.add_node(kind, params, pos)
        ids = list(spec.nodes)[:-1]
        for src in draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)):
            try:
                spec.add_edge(src, node.id)
            except GraphError:
                pass
    return spec


@settings(max_examples=60, deadline=None)
@given(random_specs())
def test_round_trip_property(spec):
    d = json.loads(json.dumps(spec.to_dict()))
    again = NetworkSpec.from_dict(d)
    assert again.to_dict() == spec.to_dict()
    assert again.edges == spec.edges
