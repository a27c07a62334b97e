"""Network structure, shape checks, weights in and out, prediction and numerical stability."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from engine_helpers import mlp, node

from nnstudio.engine import (
    ACTIVATIONS,
    INITIALIZERS,
    ConfigError,
    Network,
    NodeDef,
    ShapeError,
    WeightsMismatchError,
)
from nnstudio.engine.activations import activate
from nnstudio.engine.losses import make_head
from nnstudio.errors import NNStudioError


def test_shapes_names_and_layout():
    nodes = [
        node("x", "input", {"units": 4}),
        node("dense_1", "dense", {"units": 5, "activation": "relu", "use_bias": False}, ["x"]),
        node("bn_1", "batchnorm", {"momentum": 0.1, "eps": 1e-5}, ["dense_1"]),
        node("out", "dense", {"units": 3, "activation": "softmax"}, ["bn_1"]),
    ]
    net = Network(nodes, seed=0)
    assert [nd.id for nd in net.nodes] == ["x", "dense_1", "bn_1", "out"]
    assert net.input_shape == (4,) and net.output_shape == (3,)
    assert net.param_shapes() == {
        "dense_1.weight": (4, 5),
        "bn_1.weight": (5,),
        "bn_1.bias": (5,),
        "bn_1.running_mean": (5,),
        "bn_1.running_var": (5,),
        "out.weight": (5, 3),
        "out.bias": (3,),
    }
    assert net.n_params == 20 + 10 + 18
    assert net.input_width == 4 and net.output_width == 3
    assert net.output_activation == "softmax" and net.dtype == np.float32
    w = net.get_weights()
    np.testing.assert_array_equal(w["bn_1.running_var"], np.ones(5))
    assert w["out.weight"].dtype == np.float32


def test_default_initializers_follow_the_activation():
    rng_net = mlp([400, 300, 1], activation="relu", out_activation="sigmoid", seed=0)
    w = rng_net.get_weights()
    # he_uniform for relu: limit sqrt(6/400); glorot_uniform for sigmoid: sqrt(6/301)
    assert abs(w["dense_1.weight"]).max() == pytest.approx(np.sqrt(6 / 400), rel=0.01)
    assert abs(w["out.weight"]).max() == pytest.approx(np.sqrt(6 / 301), rel=0.05)
    np.testing.assert_array_equal(w["out.bias"], 0)


@pytest.mark.parametrize("init", INITIALIZERS)
def test_each_initializer(init):
    net = Network(
        [
            node("in", "input", {"units": 200}),
            node("d", "dense", {"units": 100, "init": init}, ["in"]),
        ],
        dtype="float64",
    )
    w = net.get_weights()["d.weight"]
    expected_std = {
        "glorot_uniform": np.sqrt(2 / 300),
        "glorot_normal": np.sqrt(2 / 300),
        "he_uniform": np.sqrt(2 / 200),
        "he_normal": np.sqrt(2 / 200),
        "lecun_normal": np.sqrt(1 / 200),
        "zeros": 0.0,
        "normal": 0.05,
    }[init]
    assert w.std() == pytest.approx(expected_std, rel=0.03, abs=1e-12)


def test_same_seed_same_weights_different_seed_different():
    a, b, c = (mlp([2, 8, 1], seed=s).get_weights() for s in (1, 1, 2))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["dense_1.weight"], c["dense_1.weight"])


def test_weights_round_trip():
    src = mlp([3, 6, 2], activation="elu", out_activation="linear", seed=1)
    dst = mlp([3, 6, 2], activation="elu", out_activation="linear", seed=2)
    x = np.random.default_rng(0).normal(size=(7, 3))
    dst.set_weights(src.get_weights())
    np.testing.assert_array_equal(dst.predict(x), src.predict(x))
    w = src.get_weights()
    w["out.bias"][:] = 99  # get_weights returns copies
    assert not np.any(src.get_weights()["out.bias"] == 99)


def test_weights_mismatch_lists_every_problem_and_changes_nothing():
    net = mlp([3, 6, 2], seed=1)
    before = net.get_weights()
    bad = dict(before)
    del bad["dense_1.bias"]
    bad["out.weight"] = np.zeros((2, 6))
    bad["extra.weight"] = np.zeros(3)
    bad["dense_1.weight"] = bad["dense_1.weight"] + 1  # valid change must not be applied
    with pytest.raises(WeightsMismatchError) as info:
        net.set_weights(bad)
    problems = info.value.problems
    assert len(problems) == 3
    text = str(info.value)
    assert "missing 'dense_1.bias'" in text and "unexpected 'extra.weight'" in text
    assert "'out.weight' has shape (2, 6), expected (6, 2)" in text
    assert isinstance(info.value, NNStudioError)
    after = net.get_weights()
    assert all(np.array_equal(before[k], after[k]) for k in before)


def test_nodes_out_of_topological_order_are_refused():
    """The engine does not sort (the graph's analysis holds the one order); it checks."""
    nodes = [
        node("out", "dense", {"units": 1}, ["x"]),
        node("x", "input", {"units": 2}),
    ]
    with pytest.raises(ConfigError, match="topological order"):
        Network(nodes)


def test_a_missing_parameter_is_named():
    with pytest.raises(ConfigError, match="'channels'"):
        Network([NodeDef("x", "input", {"units": 2}), node("o", "dense", {}, ["x"])])
    x = node("x", "input", {"units": 2})
    nodes = [x, NodeDef("o", "dense", {"units": 1}, ["x"])]
    with pytest.raises(ConfigError, match="'activation'"):
        Network(nodes)
    act = [x, NodeDef("a", "activation", {}, ["x"])]
    with pytest.raises(ConfigError, match="'activation'"):
        Network(act)
    with pytest.raises(ConfigError, match="'slope'"):
        activate("leaky_relu", np.zeros((1, 2)))


@pytest.mark.parametrize(
    ("nodes", "error", "words"),
    [
        ([node("a", "dense", {"units": 2}, ["a"])], ConfigError, "not an earlier node"),
        (
            [node("i", "input", {"units": 2}), node("j", "input", {"units": 2})],
            ConfigError,
            "exactly one input",
        ),
        (
            [
                node("i", "input", {"units": 2}),
                node("a", "dense", {"units": 2}, ["i", "b"]),
                node("b", "dense", {"units": 2}, ["a"]),
            ],
            ConfigError,
            "not an earlier node",
        ),
        (
            [
                node("i", "input", {"units": 2}),
                node("a", "dense", {"units": 2}, ["i"]),
                node("b", "dense", {"units": 3}, ["i"]),
            ],
            ConfigError,
            "exactly one output",
        ),
        (
            [
                node("i", "input", {"units": 2}),
                node("a", "dense", {"units": 2}, ["i"]),
                node("b", "dense", {"units": 3}, ["i"]),
                node("s", "add", {}, ["a", "b"]),
            ],
            ShapeError,
            "same shape",
        ),
        (
            [node("i", "input", {"units": 2}), node("a", "dense", {"units": 0}, ["i"])],
            ConfigError,
            "units",
        ),
        (
            [node("i", "input", {"units": 2}), node("a", "conv", {}, ["i"])],
            ConfigError,
            "unknown kind",
        ),
        (
            [
                node("i", "input", {"units": 2}),
                node("a", "dense", {"units": 2, "activation": "mish"}, ["i"]),
            ],
            ConfigError,
            "Unknown activation",
        ),
        (
            [node("i", "input", {"units": 2}), node("d", "dropout", {"rate": 1.0}, ["i"])],
            ConfigError,
            "rate",
        ),
        (
            [
                node("i", "input", {"units": 2}),
                node("a", "activation", {"activation": "relu"}, ["i", "i"]),
            ],
            ShapeError,
            "exactly 1 input",
        ),
        (
            [node("i", "input", {"units": 2}), node("a", "dense", {"units": 2}, ["z"])],
            ConfigError,
            "'z', which is not an earlier node",
        ),
    ],
)
def test_invalid_graphs_raise_typed_errors(nodes, error, words):
    with pytest.raises(error, match=words):
        Network(nodes)


def test_forward_and_predict_shapes_and_batching():
    net = mlp([2, 8, 3], activation="relu", out_activation="softmax", dtype="float32")
    grid = np.stack(np.meshgrid(np.linspace(-1, 1, 100), np.linspace(-1, 1, 100)), -1)
    x = grid.reshape(-1, 2)
    full = net.predict(x)
    assert full.shape == (10_000, 3) and full.dtype == np.float32
    np.testing.assert_allclose(net.predict(x, batch_size=777), full, rtol=1e-6)
    np.testing.assert_allclose(net.forward(x[:5]), full[:5], rtol=1e-6)
    first = net.predict(x)
    first[:] = 0  # a copy, not the internal buffer
    assert net.predict(x[:3]).sum() > 0
    with pytest.raises(ShapeError, match=r"\(n, 2\)"):
        net.predict(np.zeros((4, 3)))


def test_batchnorm_uses_running_statistics_in_evaluation():
    net = Network(
        [node("i", "input", {"units": 2}), node("bn", "batchnorm", {"momentum": 0.5}, ["i"])],
        dtype="float64",
    )
    x = np.array([[1.0, 2.0], [3.0, 6.0]])
    y = net.forward(x, training=True)
    np.testing.assert_allclose(y, [[-1, -1], [1, 1]], atol=1e-4)
    w = net.get_weights()
    np.testing.assert_allclose(w["bn.running_mean"], [1.0, 2.0])  # 0.5 * 0 + 0.5 * mean
    np.testing.assert_allclose(w["bn.running_var"], [0.5 + 0.5 * 2.0, 0.5 + 0.5 * 8.0])
    out = net.predict(x)
    expected = (x - w["bn.running_mean"]) / np.sqrt(w["bn.running_var"] + 1e-5)
    np.testing.assert_allclose(out, expected, rtol=1e-12)


def test_dropout_is_inverted_and_off_in_evaluation():
    net = Network(
        [node("i", "input", {"units": 1000}), node("d", "dropout", {"rate": 0.25}, ["i"])],
        dtype="float64",
    )
    x = np.ones((20, 1000))
    y = net.forward(x, training=True, rng=np.random.default_rng(0))
    assert set(np.unique(y)) == {0.0, 1 / 0.75}
    assert (y == 0).mean() == pytest.approx(0.25, abs=0.01)
    np.testing.assert_array_equal(net.predict(x), x)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activations_are_stable_at_1000(name):
    z = np.array([[-1000.0, -50.0, 0.0, 50.0, 1000.0]], dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            a = activate(name, z, slope=0.01, alpha=1.0)
    assert np.isfinite(a).all()


def test_activation_values():
    z = np.array([[-2.0, 0.0, 3.0]])
    np.testing.assert_allclose(activate("sigmoid", z), 1 / (1 + np.exp(-z)), rtol=1e-12)
    np.testing.assert_allclose(activate("leaky_relu", z, slope=0.2), [[-0.4, 0, 3]])
    np.testing.assert_allclose(activate("elu", z, alpha=2.0), [[2 * np.expm1(-2), 0, 3]])
    np.testing.assert_allclose(activate("softplus", z), np.log1p(np.exp(z)), rtol=1e-12)
    np.testing.assert_allclose(activate("silu", z), z / (1 + np.exp(-z)), rtol=1e-12)
    e = np.exp(z - z.max())
    np.testing.assert_allclose(activate("softmax", z), e / e.sum(), rtol=1e-12)
    gelu_tanh = 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))
    np.testing.assert_allclose(activate("gelu", z), gelu_tanh, rtol=1e-12)


@pytest.mark.parametrize(
    ("loss", "k", "act"),
    [("bce", 1, "sigmoid"), ("bce_logits", 1, "linear"), ("cce", 3, "softmax")],
)
def test_fused_losses_are_stable_for_huge_logits(loss, k, act):
    head = make_head(loss, {}, k, act)
    z = np.array([[1000.0] * k, [-1000.0] * k], dtype=np.float32)
    if k > 1:
        z[0, 0] = -1000.0
    y = np.array([0, 1])
    t = head.targets(y, np.float32)
    g = np.empty_like(z)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            values = head.per_sample(z, t)
            head.grad_kernel(z, g)(t)
    assert np.isfinite(values).all() and np.isfinite(g).all()
    assert values[0] > 100  # confidently wrong: a large, finite loss


def test_float64_on_request():
    net = mlp([2, 3, 1], dtype="float64")
    assert net.dtype == np.float64 and net.predict(np.zeros((2, 2))).dtype == np.float64
    with pytest.raises(ConfigError, match="float32"):
        mlp([2, 3, 1], dtype="int8")
