from __future__ import annotations

import pytest

from nnstudio.graph import (
    ArityError,
    ConnectionError_,
    CycleError,
    DanglingNodeError,
    Edge,
    InputWidthError,
    LossMismatchError,
    MultipleInputsError,
    NetworkSpec,
    NoInputError,
    OutputError,
    ParamError,
    UnknownLayerError,
    WidthMismatchError,
    analyse,
    check_connect,
    validate,
)


def build(nodes: list[tuple[str, str, dict]], edges: list[tuple[str, str]]) -> NetworkSpec:
    """Build a spec without the connection checks (so invalid graphs can be made)."""
    spec = NetworkSpec()
    for nid, kind, params in nodes:
        spec.add_node(kind, params, node_id=nid)
    slots: dict[str, int] = {}
    for src, dst in edges:
        spec.edges.append(Edge(src, dst, slots.get(dst, 0)))
        slots[dst] = slots.get(dst, 0) + 1
    return spec


def mlp(out_units=1, out_act="sigmoid", n_in=2) -> NetworkSpec:
    return NetworkSpec.sequential(n_in, [4], "relu", out_units, out_act)


def kinds(errors):
    return [type(e) for e in errors]


def test_valid_network_has_no_problems():
    assert validate(mlp(), n_features=2, loss="bce", task="binary", n_classes=2) == []
    assert validate(mlp(3, "softmax"), loss="cce", task="multiclass", n_classes=3) == []
    assert validate(mlp(1, "linear"), loss="mse", task="regression", n_classes=1) == []
    assert validate(mlp(1, "linear"), loss="bce_logits", task="binary", n_classes=2) == []


def test_empty_network_has_no_input():
    errors = validate(NetworkSpec())
    assert kinds(errors) == [NoInputError]
    assert "add an Input node" in str(errors[0])


def test_no_input_node():
    spec = build([("d", "dense", {})], [])
    errors = validate(spec)
    assert NoInputError in kinds(errors)


def test_two_input_nodes_are_named():
    spec = build([("a", "input", {}), ("b", "input", {}), ("d", "dense", {})], [("a", "d")])
    errors = [e for e in validate(spec) if isinstance(e, MultipleInputsError)]
    assert len(errors) == 1 and errors[0].node_ids == ("a", "b")


def test_cycle_names_its_nodes():
    spec = build(
        [("in", "input", {}), ("a", "add", {}), ("d1", "dense", {}), ("d2", "dense", {})],
        [("in", "a"), ("a", "d1"), ("d1", "d2"), ("d2", "a")],
    )
    errors = validate(spec)
    cycles = [e for e in errors if isinstance(e, CycleError)]
    assert len(cycles) == 1
    assert set(cycles[0].node_ids) == {"a", "d1", "d2"}
    assert "remove one of these connections" in str(cycles[0])


def test_self_loop_is_a_cycle():
    spec = build([("in", "input", {}), ("a", "add", {})], [("in", "a"), ("a", "a")])
    assert any(isinstance(e, CycleError) and e.node_ids == ("a",) for e in validate(spec))


def test_input_alone_has_no_output():
    spec = build([("in", "input", {})], [])
    errors = validate(spec)
    assert kinds(errors) == [OutputError]
    assert errors[0].node_ids == ("in",)


def test_two_outputs_are_named():
    spec = build(
        [("in", "input", {}), ("d1", "dense", {}), ("d2", "dense", {})],
        [("in", "d1"), ("in", "d2")],
    )
    errors = validate(spec)
    assert kinds(errors) == [OutputError]
    assert errors[0].node_ids == ("d1", "d2")
    assert "Add or Concatenate" in str(errors[0])


def test_isolated_node_is_dangling():
    spec = build([("in", "input", {}), ("d1", "dense", {}), ("lost", "dense", {})], [("in", "d1")])
    errors = validate(spec)
    assert kinds(errors) == [DanglingNodeError]
    assert errors[0].node_ids == ("lost",)
    assert "delete it" in str(errors[0])


def test_node_fed_only_by_a_dangling_node_is_unreachable():
    spec = build(
        [("in", "input", {}), ("d1", "dense", {}), ("x", "dense", {}), ("y", "dense", {})],
        [("in", "d1"), ("x", "y")],
    )
    errors = validate(spec)
    dangling = sorted(e.node_ids for e in errors if isinstance(e, DanglingNodeError))
    assert dangling == [("x",), ("y",)]
    assert "not connected to the input" in next(str(e) for e in errors if e.node_ids == ("y",))


def test_add_with_one_input_is_an_arity_error():
    spec = build(
        [("in", "input", {}), ("d", "dense", {}), ("a", "add", {})], [("in", "d"), ("d", "a")]
    )
    errors = validate(spec)
    assert kinds(errors) == [ArityError]
    assert errors[0].node_ids == ("a",)
    assert "at least 2" in str(errors[0])


def test_dense_with_two_inputs_is_an_arity_error():
    spec = build(
        [("in", "input", {}), ("d1", "dense", {}), ("d2", "dense", {})],
        [("in", "d1"), ("in", "d2"), ("d1", "d2")],
    )
    errors = validate(spec)
    assert kinds(errors) == [ArityError]
    assert errors[0].node_ids == ("d2",)
    assert "exactly 1" in str(errors[0])


def test_add_of_unequal_widths():
    spec = build(
        [
            ("in", "input", {"units": 2}),
            ("d4", "dense", {"units": 4}),
            ("d8", "dense", {"units": 8}),
            ("a", "add", {}),
        ],
        [("in", "d4"), ("in", "d8"), ("d4", "a"), ("d8", "a")],
    )
    errors = validate(spec)
    assert kinds(errors) == [WidthMismatchError]
    assert errors[0].node_ids == ("a", "d4", "d8")
    assert "d4 (4)" in str(errors[0]) and "d8 (8)" in str(errors[0])


def test_params_out_of_range_and_unknown_are_errors_missing_ones_are_filled():
    spec = mlp()
    spec.nodes["dense_1"].params["units"] = 0
    spec.nodes["dense_1"].params["bogus"] = 1
    del spec.nodes["dense_2"].params["activation"]
    errors = validate(spec)
    assert kinds(errors) == [ParamError, ParamError]
    assert [e.node_ids for e in errors] == [("dense_1",), ("dense_1",)]
    assert any("at least 1" in str(e) for e in errors)
    assert analyse(spec).params["dense_2"]["activation"] == "relu"  # the catalog default


def test_wrong_type_and_unknown_choice():
    spec = mlp()
    spec.nodes["dense_1"].params["units"] = "eight"
    spec.nodes["dense_2"].params["activation"] = "swish"
    errors = validate(spec)
    assert kinds(errors) == [ParamError, ParamError]
    assert "must be one of" in str(errors[1])


def test_unknown_kind():
    spec = mlp()
    spec.nodes["dense_1"].kind = "conv"
    errors = validate(spec)
    assert UnknownLayerError in kinds(errors)


def test_edge_to_missing_node():
    spec = mlp()
    spec.edges.append(Edge("dense_2", "ghost", 0))
    assert ConnectionError_ in kinds(validate(spec))


def test_input_width_must_match_features():
    errors = validate(mlp(n_in=2), n_features=5)
    assert kinds(errors) == [InputWidthError]
    assert errors[0].node_ids == ("input_1",)
    assert "set its units to 5" in str(errors[0])


@pytest.mark.parametrize(
    ("units", "act", "loss", "task", "n_classes", "match"),
    [
        (1, "softmax", "cce", "binary", 2, "one output unit per class"),
        (3, "softmax", "cce", "multiclass", 4, "4 classes"),
        (3, "sigmoid", "cce", "multiclass", 3, "softmax"),
        (3, "softmax", "bce", "multiclass", 3, "3 classes"),
        (2, "sigmoid", "bce", "binary", 2, "exactly 1 output unit"),
        (1, "linear", "bce", "binary", 2, "must use sigmoid"),
        (1, "sigmoid", "bce_logits", "binary", 2, "must use linear"),
        (2, "linear", "mse", "regression", 1, "1 target"),
        (1, "softmax", "mae", "regression", 1, "softmax"),
        (1, "sigmoid", "bce", "regression", 1, "regression task"),
        (3, "linear", "huber", "multiclass", 3, "use cce"),
        (1, "linear", "kl", None, None, "Unknown loss"),
    ],
)
def test_output_incompatible_with_loss(units, act, loss, task, n_classes, match):
    errors = validate(mlp(units, act), loss=loss, task=task, n_classes=n_classes)
    assert errors, "expected a loss mismatch"
    assert all(isinstance(e, LossMismatchError) for e in errors)
    assert all(e.node_ids == ("dense_2",) for e in errors)
    assert any(match in str(e) for e in errors), [str(e) for e in errors]


def test_cce_accepts_linear_logits():
    assert validate(mlp(3, "linear"), loss="cce", task="multiclass", n_classes=3) == []


def test_loss_check_uses_output_behind_activation_node():
    spec = build(
        [
            ("in", "input", {}),
            ("d", "dense", {"units": 3, "activation": "linear"}),
            ("act", "activation", {"activation": "softmax"}),
        ],
        [("in", "d"), ("d", "act")],
    )
    assert validate(spec, loss="cce", n_classes=3) == []
    errors = validate(spec, loss="bce", n_classes=2)
    assert {e.node_ids for e in errors} == {("act",)}


def test_every_problem_is_reported_at_once():
    spec = build(
        [
            ("in", "input", {"units": 2}),
            ("d1", "dense", {"units": 1}),
            ("a", "add", {}),
            ("lost", "dropout", {}),
        ],
        [("in", "d1"), ("d1", "a")],
    )
    spec.nodes["d1"].params["units"] = 0
    found = set(kinds(validate(spec, n_features=3)))
    assert {ParamError, ArityError, DanglingNodeError, InputWidthError} <= found


# ------------------------------------------------------------------ check_connect
def connect_spec() -> NetworkSpec:
    spec = NetworkSpec.sequential(2, [4, 4], "relu", 1, "sigmoid")
    spec.add_node("add", node_id="add_1")
    return spec


def test_check_connect_accepts_a_valid_edge():
    spec = connect_spec()
    check_connect(spec, "dense_1", "add_1")
    check_connect(spec, "dense_2", "add_1")


@pytest.mark.parametrize(
    ("src", "dst", "error", "match"),
    [
        ("dense_3", "dense_1", CycleError, "cycle"),
        ("dense_2", "dense_2", CycleError, "itself"),
        ("dense_1", "dense_2", ConnectionError_, "already connected"),
        ("dense_1", "input_1", ConnectionError_, "input node"),
        ("input_1", "dense_2", ArityError, "already has 1 input"),
        ("dense_1", "nowhere", ConnectionError_, "does not exist"),
    ],
)
def test_check_connect_refusals(src, dst, error, match):
    spec = connect_spec()
    n_edges = len(spec.edges)
    with pytest.raises(error, match=match):
        check_connect(spec, src, dst)
    with pytest.raises(error):
        spec.add_edge(src, dst)
    assert len(spec.edges) == n_edges


def test_cycle_refusal_names_both_nodes():
    spec = connect_spec()
    with pytest.raises(CycleError) as info:
        check_connect(spec, "dense_3", "dense_1")
    assert info.value.node_ids == ("dense_3", "dense_1")
