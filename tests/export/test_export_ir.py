"""The op list every exporter walks: order, aliases, checks, and the NumPy interpreter."""

from __future__ import annotations

import numpy as np
import pytest
from export_cases import ALL_FEATURES, dag, fitted_preprocessor, make_case, mlp, raw_inputs

from nnstudio.engine import NodeDef
from nnstudio.errors import NNStudioError
from nnstudio.graph import NetworkSpec
from nnstudio.io.export import ExportError, build_ir
from nnstudio.io.export.model_ir import RAW, preprocessing_from_dict
from nnstudio.io.export.numpy_runtime import run_ops


def _run(ir, raw):
    return run_ops([op.to_dict() for op in ir.ops], ir.constants, raw)[ir.output]


def test_dag_ops_follow_the_graph(dag_case):
    ir = build_ir(dag_case.spec, dag_case.weights, dag_case.pre_dict)
    kinds = [op.op for op in ir.ops]
    assert kinds[:2] == ["features", "standardize"]
    assert ir.ops[0].inputs == (RAW,)
    assert kinds.count("dense") == 4
    assert kinds.count("batchnorm") == 1 and kinds.count("dropout") == 1
    assert kinds.count("add") == 1 and kinds.count("concat") == 1
    # every tensor is produced before it is read
    seen = {RAW}
    for op in ir.ops:
        assert set(op.inputs) <= seen, op
        seen.add(op.output)
    concat = next(op for op in ir.ops if op.op == "concat")
    assert concat.inputs == ("add_1", "dense_1")  # slot order
    assert concat.width == 11
    assert (ir.n_raw, ir.n_features, ir.n_outputs) == (2, 7, 3)
    assert ir.output_activation == "softmax"
    assert set(ir.network_weights()) == set(dag_case.weights)
    elu = next(op for op in ir.ops if op.node == "dense_3" and op.op == "activation")
    assert elu.params == {"activation": "elu", "alpha": 0.7}


def test_numpy_interpreter_matches_the_engine(dag_case):
    ir = build_ir(dag_case.spec, dag_case.weights, dag_case.pre_dict)
    raw = raw_inputs(50)
    np.testing.assert_allclose(_run(ir, raw), dag_case.predict_raw(raw), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("activation", ["linear", "gelu", "softplus", "silu", "leaky_relu"])
def test_numpy_interpreter_matches_engine_in_float64(activation):
    case = make_case(mlp(activation, "linear", n_outputs=2), dtype="float64")
    ir = build_ir(case.spec, case.weights, case.pre_dict)
    raw = raw_inputs(40)
    np.testing.assert_allclose(_run(ir, raw), case.predict_raw(raw), rtol=1e-12, atol=1e-12)


def test_linear_activation_node_is_a_pass_through():
    s = NetworkSpec()
    i = s.add_node("input", {"units": 2}).id
    d = s.add_node("dense", {"units": 3, "activation": "linear"}).id
    s.add_edge(i, d)
    a = s.add_node("activation", {"activation": "linear"}).id
    s.add_edge(d, a)
    case = make_case(s, features=["x1", "x2"])
    ir = build_ir(s, case.weights, case.pre_dict)
    assert [op.op for op in ir.ops] == ["standardize", "dense"]
    assert ir.output == "dense_1"
    raw = raw_inputs(10)
    np.testing.assert_allclose(_run(ir, raw), case.predict_raw(raw), rtol=1e-5, atol=1e-6)


def test_engine_nodedefs_are_accepted_too(dag_case):
    defs = [
        NodeDef(nid, n.kind, dict(n.params), dag_case.spec.inputs_of(nid))
        for nid, n in dag_case.spec.nodes.items()
    ]
    ir = build_ir(defs, dag_case.weights, dag_case.pre_dict)
    raw = raw_inputs(5)
    np.testing.assert_allclose(_run(ir, raw), dag_case.predict_raw(raw), rtol=1e-5, atol=1e-6)


def test_mismatched_weights_are_listed_one_by_one(dag_case):
    weights = dict(dag_case.weights)
    del weights["dense_2.bias"]
    weights["dense_1.weight"] = np.zeros((3, 3), np.float32)
    weights["ghost.weight"] = np.zeros(2, np.float32)
    with pytest.raises(ExportError) as info:
        build_ir(dag_case.spec, weights, dag_case.pre_dict)
    msg = str(info.value)
    assert "missing weight 'dense_2.bias'" in msg
    assert "'dense_1.weight' has shape (3, 3), expected (7, 6)" in msg
    assert "unexpected weight 'ghost.weight'" in msg
    assert isinstance(info.value, NNStudioError)


def test_cycles_and_missing_inputs_are_refused():
    a = NodeDef("in", "input", {"units": 2}, [])
    b = NodeDef("d1", "dense", {"units": 2, "activation": "relu"}, ["in", "d2"])
    c = NodeDef("d2", "dense", {"units": 2, "activation": "relu"}, ["d1"])
    with pytest.raises(ExportError, match="Cycle through d1 -> d2"):
        build_ir([a, b, c], {}, None)
    with pytest.raises(ExportError, match="does not exist"):
        build_ir([a, NodeDef("d1", "dense", {"units": 2}, ["nowhere"])], {}, None)


def test_preprocessing_of_plain_columns_and_unknown_features():
    pre = fitted_preprocessor(None, n_raw=3)
    p = preprocessing_from_dict(pre.to_dict(), 3)
    assert p.features is None and p.n_raw == 3 and p.n_features == 3
    np.testing.assert_allclose(p.mean, pre.mean)
    with pytest.raises(ExportError, match="unknown engineered feature"):
        preprocessing_from_dict({"features": ["x1", "cos(x1)"], "n_raw": 2}, 2)
    p = preprocessing_from_dict({"features": ALL_FEATURES, "n_raw": 2}, 7)
    assert p.features == ALL_FEATURES and p.mean is None


def test_table_network_without_engineered_features():
    case = make_case(dag(n_inputs=3), features=None, n_raw=3)
    ir = build_ir(case.spec, case.weights, case.pre_dict)
    assert ir.ops[0].op == "standardize" and ir.n_raw == 3
    raw = raw_inputs(20, n_raw=3)
    np.testing.assert_allclose(_run(ir, raw), case.predict_raw(raw), rtol=1e-5, atol=1e-6)


def test_description_is_json_with_network_and_preprocessing(dag_case):
    import json

    ir = build_ir(dag_case.spec, dag_case.weights, dag_case.pre_dict)
    d = json.loads(ir.describe_json(dag_case.spec.to_dict()))
    assert d["input"] == {"name": "input", "shape": ["batch", 2]}
    assert d["output"]["shape"] == ["batch", 3]
    assert d["preprocessing"]["features"] == ALL_FEATURES
    assert d["weights"]["dense_1.weight"] == [7, 6]
    assert NetworkSpec.from_dict(d["network"]) == dag_case.spec
