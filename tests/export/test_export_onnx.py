"""ONNX export: onnx.checker passes and onnxruntime gives the app's predictions."""

from __future__ import annotations

import numpy as np
import onnx
import pytest
from export_cases import ACTIVATIONS, NetworkSpec, dag, make_case, mlp, raw_inputs

from nnstudio.io.export import export_network

ort = pytest.importorskip("onnxruntime")


def _export(case, tmp_path, name="model.onnx"):
    path = tmp_path / name
    assert export_network(case.spec, case.weights, case.pre_dict, "onnx", path) == []
    model = onnx.load(str(path))
    onnx.checker.check_model(model, full_check=True)
    return path, model


def _run(path, raw):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (y,) = session.run(["output"], {"input": raw.astype(np.float32)})
    return y


def _assert_matches(case, path, n=64):
    for batch in (1, n):  # dynamic batch dimension
        raw = raw_inputs(batch, n_raw=case.preprocessor.n_raw, seed=batch)
        np.testing.assert_allclose(_run(path, raw), case.predict_raw(raw), rtol=1e-5, atol=1e-5)


def _op_types(model):
    return [node.op_type for node in model.graph.node]


def test_interface_opset_names_and_dynamic_batch(dag_case, tmp_path):
    path, model = _export(dag_case, tmp_path)
    assert max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")) >= 17
    (inp,) = model.graph.input
    (out,) = model.graph.output
    assert inp.name == "input" and out.name == "output"
    in_dims = inp.type.tensor_type.shape.dim
    out_dims = out.type.tensor_type.shape.dim
    assert in_dims[0].dim_param == "batch" and in_dims[1].dim_value == 2
    assert out_dims[0].dim_param == "batch" and out_dims[1].dim_value == 3
    ops = _op_types(model)
    assert ops.count("Gemm") == 4
    assert "BatchNormalization" in ops and "Add" in ops and "Concat" in ops
    assert "Dropout" not in ops
    assert {"Slice", "Sin", "Sub", "Div"} <= set(ops)  # preprocessing is in the graph
    assert "nnstudio" in {p.key for p in model.metadata_props}


def test_every_layer_kind_matches_the_app(dag_case, tmp_path):
    path, _ = _export(dag_case, tmp_path)
    _assert_matches(dag_case, path)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_activation_in_dense_layers(activation, tmp_path):
    case = make_case(mlp(activation, activation, n_outputs=3))
    path, model = _export(case, tmp_path)
    _assert_matches(case, path)
    if activation == "gelu":
        assert "Tanh" in _op_types(model)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_activation_as_a_node(activation, tmp_path):
    s = NetworkSpec()
    i = s.add_node("input", {"units": 7}).id
    d = s.add_node("dense", {"units": 4, "activation": "linear"}).id
    s.add_edge(i, d)
    params = {"activation": activation, "slope": 0.3, "alpha": 0.5}
    a = s.add_node("activation", params).id
    s.add_edge(d, a)
    case = make_case(s)
    path, _ = _export(case, tmp_path)
    _assert_matches(case, path)


@pytest.mark.parametrize(
    "kind,params",
    [("batchnorm", {"eps": 1e-3}), ("dropout", {"rate": 0.5}), ("add", {}), ("concat", {})],
)
def test_each_layer_kind_alone(kind, params, tmp_path):
    s = NetworkSpec()
    i = s.add_node("input", {"units": 7}).id
    d1 = s.add_node("dense", {"units": 4, "activation": "relu"}).id
    s.add_edge(i, d1)
    node = s.add_node(kind, params).id
    s.add_edge(d1, node)
    if kind in ("add", "concat"):
        d2 = s.add_node("dense", {"units": 4, "activation": "tanh", "use_bias": False}).id
        s.add_edge(i, d2)
        s.add_edge(d2, node)
    out = s.add_node("dense", {"units": 2, "activation": "linear"}).id
    s.add_edge(node, out)
    case = make_case(s)
    path, model = _export(case, tmp_path)
    _assert_matches(case, path)
    expected = {"batchnorm": "BatchNormalization", "add": "Add", "concat": "Concat"}
    if kind in expected:
        assert expected[kind] in _op_types(model)


def test_plain_table_inputs_without_features(tmp_path):
    case = make_case(dag(n_inputs=4), features=None, n_raw=4)
    path, model = _export(case, tmp_path)
    assert model.graph.input[0].type.tensor_type.shape.dim[1].dim_value == 4
    assert "Sin" not in _op_types(model)
    _assert_matches(case, path)


def test_subset_of_features_in_given_order(tmp_path):
    features = ["sin(x2)", "x1*x2", "x1"]
    case = make_case(mlp("relu", "sigmoid", n_inputs=3), features=features)
    path, _ = _export(case, tmp_path)
    _assert_matches(case, path)
