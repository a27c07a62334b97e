"""Central-difference gradient checks (float64) for every layer, activation and loss."""

from __future__ import annotations

import numpy as np
import pytest
from engine_helpers import node, numeric_grad

from nnstudio.engine import ACTIVATIONS, Network
from nnstudio.engine.losses import make_head
from nnstudio.graph import fill_params

RTOL = 1e-5


def _check_network(net: Network, x, y, loss: str, loss_params=None, seed=None) -> None:
    """Compare analytic parameter and input gradients with central differences."""

    def rng():
        return None if seed is None else np.random.default_rng(seed)

    def f():
        return net.loss_and_gradients(x, y, loss, loss_params, rng=rng())[0]

    _, grads, gx = net.loss_and_gradients(x, y, loss, loss_params, rng=rng())
    for name, view in net._named.items():
        if name not in grads:
            continue  # running statistics are not trainable
        num = numeric_grad(f, view)
        np.testing.assert_allclose(grads[name], num, rtol=RTOL, atol=1e-7, err_msg=name)
    num_x = numeric_grad(f, x)
    np.testing.assert_allclose(gx, num_x, rtol=RTOL, atol=1e-7, err_msg="input")


def _x(n=6, d=3, seed=1, scale=1.0):
    return np.random.default_rng(seed).normal(size=(n, d)) * scale


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dense_with_each_activation(activation):
    nodes = [
        node("in", "input", {"units": 3}),
        node("d1", "dense", {"units": 4, "activation": activation, "slope": 0.1}, ["in"]),
        node("out", "dense", {"units": 2, "activation": "linear"}, ["d1"]),
    ]
    net = Network(nodes, dtype="float64", seed=3)
    y = np.random.default_rng(2).normal(size=(6, 2))
    _check_network(net, _x(), y, "mse")


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_activation_node(activation):
    nodes = [
        node("in", "input", {"units": 3}),
        node("d1", "dense", {"units": 4, "activation": "linear", "use_bias": False}, ["in"]),
        node("act", "activation", {"activation": activation, "alpha": 0.7}, ["d1"]),
        node("out", "dense", {"units": 2, "activation": "linear"}, ["act"]),
    ]
    net = Network(nodes, dtype="float64", seed=4)
    y = np.random.default_rng(2).normal(size=(6, 2))
    _check_network(net, _x(scale=1.5), y, "mse")


HEADS = [
    ("mse", {}, 3, "linear"),
    ("mae", {}, 3, "linear"),
    ("huber", {"delta": 0.5}, 3, "linear"),
    ("bce", {}, 1, "sigmoid"),  # fused: gradient w.r.t. logits
    ("bce", {}, 1, "linear"),  # on probabilities
    ("bce_logits", {}, 1, "linear"),
    ("cce", {}, 4, "softmax"),  # fused
    ("cce", {}, 4, "linear"),  # raw logits
    ("cce", {}, 4, "sigmoid"),  # probabilities
]


@pytest.mark.parametrize(("loss", "params", "k", "act"), HEADS)
def test_loss_gradient(loss, params, k, act):
    rng = np.random.default_rng(7)
    n = 5
    head = make_head(loss, params, k, act)
    if loss in ("bce", "bce_logits"):
        y = rng.integers(0, 2, size=n)
    elif loss == "cce":
        y = rng.integers(0, k, size=n)
    else:
        y = rng.normal(size=(n, k))
    t = head.targets(y, np.float64)
    if head.name == "bce" and not head.skip_activation:
        out = rng.uniform(0.1, 0.9, size=(n, k))
    elif loss == "cce" and act == "sigmoid":
        out = rng.uniform(0.1, 0.9, size=(n, k))
    else:
        out = rng.normal(size=(n, k)) * 2
    g = np.empty_like(out)
    head.grad_kernel(out, g)(t)
    num = numeric_grad(lambda: float(head.per_sample(out, t).mean()), out)
    np.testing.assert_allclose(g, num, rtol=RTOL, atol=1e-8)


@pytest.mark.parametrize(
    ("loss", "out_act", "k"),
    [("bce", "sigmoid", 1), ("cce", "softmax", 3), ("huber", "linear", 2), ("mae", "tanh", 2)],
)
def test_losses_through_a_network(loss, out_act, k):
    nodes = [
        node("in", "input", {"units": 3}),
        node("h", "dense", {"units": 5, "activation": "gelu"}, ["in"]),
        node("out", "dense", {"units": k, "activation": out_act}, ["h"]),
    ]
    net = Network(nodes, dtype="float64", seed=5)
    rng = np.random.default_rng(0)
    y = rng.integers(0, max(k, 2), size=6) if loss in ("bce", "cce") else rng.normal(size=(6, k))
    _check_network(net, _x(), y, loss, fill_params("loss", loss))  # the engine has no defaults


def test_dag_with_fan_out_add_concat_batchnorm_dropout():
    nodes = [
        node("in", "input", {"units": 3}),
        node("d1", "dense", {"units": 4, "activation": "tanh"}, ["in"]),
        node("d2", "dense", {"units": 4, "activation": "relu"}, ["d1"]),
        node("d3", "dense", {"units": 4, "activation": "elu"}, ["d1"]),
        node("sum", "add", {}, ["d2", "d3", "d1"]),
        node("cat", "concat", {}, ["sum", "d1", "in"]),
        node("bn", "batchnorm", {"momentum": 0.1, "eps": 1e-5}, ["cat"]),
        node("drop", "dropout", {"rate": 0.3}, ["bn"]),
        node("out", "dense", {"units": 3, "activation": "softmax"}, ["drop"]),
    ]
    net = Network(nodes, dtype="float64", seed=6)
    assert [nd.id for nd in net.nodes][0] == "in" and net.nodes[-1].id == "out"
    assert net.output_width == 3 and net.input_width == 3
    assert net.param_shapes()["bn.weight"] == (11,)
    y = np.array([0, 1, 2, 1, 0, 2, 2, 1])
    _check_network(net, _x(n=8), y, "cce", seed=11)


def test_same_input_twice_into_add():
    nodes = [
        node("in", "input", {"units": 2}),
        node("d", "dense", {"units": 3, "activation": "sigmoid"}, ["in"]),
        node("sum", "add", {}, ["d", "d"]),
        node("out", "dense", {"units": 1, "activation": "linear"}, ["sum"]),
    ]
    net = Network(nodes, dtype="float64")
    _check_network(net, _x(d=2), np.ones((6, 1)), "mse")


def test_batchnorm_training_mode_alone():
    nodes = [
        node("in", "input", {"units": 3}),
        node("bn", "batchnorm", {}, ["in"]),
        node("out", "dense", {"units": 2, "activation": "silu"}, ["bn"]),
    ]
    net = Network(nodes, dtype="float64")
    w = net.get_weights()
    w["bn.weight"] = np.array([0.5, 1.5, -1.0])
    w["bn.bias"] = np.array([0.1, -0.2, 0.3])
    net.set_weights(w)
    _check_network(net, _x(scale=3.0), np.random.default_rng(0).normal(size=(6, 2)), "mse")


def test_dropout_with_a_fixed_mask():
    nodes = [
        node("in", "input", {"units": 3}),
        node("d", "dense", {"units": 6, "activation": "softplus"}, ["in"]),
        node("drop", "dropout", {"rate": 0.5}, ["d"]),
        node("out", "dense", {"units": 1, "activation": "sigmoid"}, ["drop"]),
    ]
    net = Network(nodes, dtype="float64")
    x = _x()
    a = net.forward(x, training=True, rng=np.random.default_rng(1))
    b = net.forward(x, training=True, rng=np.random.default_rng(1))
    c = net.forward(x, training=True, rng=np.random.default_rng(2))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    _check_network(net, x, np.array([0, 1, 1, 0, 1, 0]), "bce", seed=9)


@pytest.mark.parametrize("act", ["softmax", "linear", "sigmoid"])
def test_cce_soft_targets_whose_rows_do_not_sum_to_one_follow_the_reported_loss(act):
    rng = np.random.default_rng(3)
    n, k = 6, 4
    head = make_head("cce", {}, k, act)
    y = rng.uniform(0.0, 1.0, size=(n, k))  # rows sum to anything in (0, 4)
    y[0] = [1.0, 0.0, 0.0, 0.0]  # mixed with a one-hot row
    t = head.targets(y, np.float64)
    if act == "sigmoid":
        out = rng.uniform(0.1, 0.9, size=(n, k))
    else:
        out = rng.normal(size=(n, k)) * 2
    g = np.empty_like(out)
    head.grad_kernel(out, g)(t)
    num = numeric_grad(lambda: float(head.per_sample(out, t).mean()), out)
    np.testing.assert_allclose(g, num, rtol=RTOL, atol=1e-8)


def test_cce_soft_targets_that_sum_to_one_keep_the_fast_kernel():
    head = make_head("cce", {}, 3, "softmax")
    head.targets(np.array([[0.2, 0.3, 0.5], [0.1, 0.2, 0.7]]), np.float64)
    assert head.unit_rows
    head.targets(np.array([[0.5, 0.5, 0.5]]), np.float64)
    assert not head.unit_rows
