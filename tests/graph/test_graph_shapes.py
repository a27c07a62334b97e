from __future__ import annotations

from nnstudio.graph import NetworkSpec, infer_shapes, param_counts, total_params


def branchy() -> NetworkSpec:
    """input(3) -> d1(5, bias) -> bn -> drop -> concat(d1', d2) ; d2(4, no bias) from input
    concat(9) -> add with d3(9)... -> out(2)."""
    spec = NetworkSpec()
    spec.add_node("input", {"units": 3}, node_id="x")
    spec.add_node("dense", {"units": 5}, node_id="d1")
    spec.add_node("batchnorm", node_id="bn")
    spec.add_node("dropout", node_id="dr")
    spec.add_node("dense", {"units": 4, "use_bias": False}, node_id="d2")
    spec.add_node("concat", node_id="cat")
    spec.add_node("dense", {"units": 9, "activation": "tanh"}, node_id="d3")
    spec.add_node("add", node_id="sum")
    spec.add_node("activation", {"activation": "relu"}, node_id="act")
    spec.add_node("dense", {"units": 2, "activation": "softmax"}, node_id="out")
    for src, dst in [
        ("x", "d1"),
        ("d1", "bn"),
        ("bn", "dr"),
        ("x", "d2"),
        ("dr", "cat"),
        ("d2", "cat"),
        ("x", "d3"),
        ("cat", "sum"),
        ("d3", "sum"),
        ("sum", "act"),
        ("act", "out"),
    ]:
        spec.add_edge(src, dst)
    return spec


def test_infer_shapes_by_hand():
    shapes = infer_shapes(branchy())
    assert shapes == {
        "x": (3,),
        "d1": (5,),
        "bn": (5,),
        "dr": (5,),
        "d2": (4,),
        "cat": (9,),
        "d3": (9,),
        "sum": (9,),
        "act": (9,),
        "out": (2,),
    }


def test_infer_shapes_uses_n_features_for_the_input():
    shapes = infer_shapes(branchy(), n_features=7)
    assert shapes["x"] == (7,) and shapes["cat"] == (9,)


def test_param_counts_by_hand():
    counts = param_counts(branchy())
    assert counts == {
        "x": 0,
        "d1": 3 * 5 + 5,
        "bn": 2 * 5,
        "dr": 0,
        "d2": 3 * 4,
        "cat": 0,
        "d3": 3 * 9 + 9,
        "sum": 0,
        "act": 0,
        "out": 9 * 2 + 2,
    }
    assert total_params(branchy()) == 20 + 10 + 12 + 36 + 20
    assert param_counts(branchy(), n_features=4)["d1"] == 4 * 5 + 5


def test_unknown_shapes_are_none():
    spec = NetworkSpec()
    spec.add_node("input", {"units": 2}, node_id="x")
    spec.add_node("dense", {"units": 3}, node_id="a")
    spec.add_node("dense", {"units": 4}, node_id="b")
    spec.add_node("add", node_id="sum")
    spec.add_node("dropout", node_id="lonely")
    spec.add_edge("x", "a")
    spec.add_edge("x", "b")
    spec.add_edge("a", "sum")
    spec.add_edge("b", "sum")
    shapes = infer_shapes(spec)
    assert shapes["sum"] is None and shapes["lonely"] is None
    assert param_counts(spec)["a"] == 2 * 3 + 3
