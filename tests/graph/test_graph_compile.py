from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataSettings, make_dataset
from nnstudio.engine import Trainer
from nnstudio.graph import (
    ArityError,
    InvalidGraphError,
    NetworkSpec,
    NoInputError,
    ParamError,
    compile_spec,
    param_counts,
    train_config,
    validate,
)


def residual_spec() -> NetworkSpec:
    spec = NetworkSpec()
    spec.add_node("input", {"units": 3}, node_id="x")
    spec.add_node("dense", {"units": 6, "activation": "tanh"}, node_id="d1")
    spec.add_node("dense", {"units": 6, "activation": "relu"}, node_id="d2")
    spec.add_node("add", node_id="sum")
    spec.add_node("batchnorm", node_id="bn")
    spec.add_node("dense", {"units": 4, "activation": "softmax"}, node_id="out")
    for src, dst in [
        ("x", "d1"),
        ("d1", "d2"),
        ("d1", "sum"),
        ("d2", "sum"),
        ("sum", "bn"),
        ("bn", "out"),
    ]:
        spec.add_edge(src, dst)
    return spec


def test_compile_then_forward_gives_output_width():
    spec = residual_spec()
    net = compile_spec(spec, dtype="float64", seed=1)
    assert net.input_width == 3 and net.output_width == 4
    assert net.output_activation == "softmax"
    y = net.forward(np.random.default_rng(0).standard_normal((5, 3)))
    assert y.shape == (5, 4)
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-6)
    assert net.n_params == sum(param_counts(spec).values())
    shapes = net.param_shapes()
    assert shapes["d1.weight"] == (3, 6) and shapes["out.bias"] == (4,)


def test_compile_sequential_float32():
    net = compile_spec(NetworkSpec.sequential(2, [8], "relu", 1, "sigmoid"))
    out = net.predict(np.zeros((7, 2)))
    assert out.shape == (7, 1)
    assert ((out > 0) & (out < 1)).all()


def test_compile_same_seed_same_weights():
    a = compile_spec(residual_spec(), seed=3).get_weights()
    b = compile_spec(residual_spec(), seed=3).get_weights()
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])


def test_compile_raises_the_single_problem():
    spec = NetworkSpec()
    spec.add_node("dense")
    with pytest.raises(Exception) as info:
        compile_spec(spec)
    assert isinstance(info.value, InvalidGraphError | NoInputError)


def test_compile_lists_every_problem():
    spec = residual_spec()
    spec.remove_edge(next(e for e in spec.edges if e.src == "d2"))
    spec.add_node("dense", node_id="lost")
    with pytest.raises(InvalidGraphError) as info:
        compile_spec(spec)
    assert any(isinstance(e, ArityError) for e in info.value.errors)
    assert "sum" in info.value.node_ids and "lost" in info.value.node_ids
    assert str(info.value).count("\n- ") == len(info.value.errors)


def test_compile_one_problem_is_raised_as_itself():
    spec = NetworkSpec.sequential(2, [4], "relu", 1, "sigmoid")
    spec.nodes["dense_1"].params["units"] = 0
    with pytest.raises(ParamError) as info:
        compile_spec(spec)
    assert info.value.node_ids == ("dense_1",)


def test_dataset_spec_and_engine_fit_together():
    ds = make_dataset(DataSettings(name="gaussian", n_points=200, seed=1))
    spec = NetworkSpec.sequential(ds.n_features, [4], "tanh", 1, "sigmoid")
    assert (
        validate(spec, n_features=ds.n_features, loss="bce", task=ds.task, n_classes=ds.n_classes)
        == []
    )
    net = compile_spec(spec, dtype="float64", seed=0)
    trainer = Trainer(
        net,
        ds.x_train,
        ds.y_train,
        ds.x_test,
        ds.y_test,
        train_config(loss="bce", learning_rate=0.05, epochs=None),
    )
    for _ in range(10):
        report = trainer.train_epoch()
    assert report.test_accuracy > 0.9
