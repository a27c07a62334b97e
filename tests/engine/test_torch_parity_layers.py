"""Torch parity, float64: every activation, every loss on several outputs, BatchNorm in
training and evaluation, Dropout in evaluation, Add/Concatenate graphs, L1/L2 and clipping.

Losses and gradients of whole networks are compared with a torch twin holding the same
weights (``torch_twin.Twin``); the engine side trains through ``Trainer.train_batch``, the
step function of the epoch loop.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from engine_helpers import mlp, node  # noqa: E402
from torch_twin import Twin, loss, targets  # noqa: E402

from nnstudio.engine import ACTIVATIONS, LOSSES, Network, Trainer  # noqa: E402
from nnstudio.engine.losses import make_head  # noqa: E402
from nnstudio.graph import train_config  # noqa: E402

RTOL = 1e-10


def _grads_match(net, twin, x, y, loss_name, fused, **loss_kw):
    value, grads, _ = net.loss_and_gradients(x, y, loss_name, loss_kw or None)
    out = twin.forward(x, training=True, skip=fused)
    theirs = loss(loss_name, out, targets(loss_name, y, net.output_width), fused=fused, **loss_kw)
    theirs.backward()
    assert value == pytest.approx(theirs.item(), rel=RTOL)
    for k, p in twin.params.items():
        np.testing.assert_allclose(grads[k], p.grad.numpy(), rtol=RTOL, atol=1e-12, err_msg=k)


@pytest.mark.parametrize("act", [a for a in ACTIVATIONS if a != "softmax"])
def test_every_hidden_activation_forward_and_backward(act):
    nodes = [
        node("in", "input", {"units": 3}),
        node("h", "dense", {"units": 5, "activation": act, "slope": 0.2, "alpha": 0.7}, ["in"]),
        node("a", "activation", {"activation": act, "slope": 0.2, "alpha": 0.7}, ["h"]),
        node("out", "dense", {"units": 2, "activation": "linear"}, ["a"]),
    ]
    net = Network(nodes, dtype="float64", seed=3)
    twin = Twin(net)
    x = np.random.default_rng(1).normal(size=(7, 3)) * 1.5
    np.testing.assert_allclose(
        net.predict(x), twin.forward(x, training=False).detach().numpy(), rtol=RTOL, atol=1e-13
    )
    y = np.random.default_rng(2).normal(size=(7, 2))
    _grads_match(net, twin, x, y, "mse", fused=False)


def test_softmax_output_forward():
    net = mlp([3, 4, 5], activation="relu", out_activation="softmax", seed=2)
    x = np.random.default_rng(0).normal(size=(6, 3))
    twin = Twin(net)
    np.testing.assert_allclose(
        net.predict(x), twin.forward(x, training=False).detach().numpy(), rtol=RTOL
    )


LOSS_CASES = [
    ("mse", "linear", 3, {}),
    ("mae", "linear", 3, {}),
    ("huber", "linear", 3, {"delta": 0.4}),
    ("bce", "sigmoid", 1, {}),
    ("bce_logits", "linear", 1, {}),
    ("cce", "softmax", 4, {}),
    ("cce", "linear", 4, {}),
]


@pytest.mark.parametrize(("name", "out_act", "k", "kw"), LOSS_CASES)
def test_every_loss_on_a_network_matches_torch(name, out_act, k, kw):
    assert {c[0] for c in LOSS_CASES} == set(LOSSES)
    net = mlp([3, 6, k], activation="tanh", out_activation=out_act, seed=5)
    rng = np.random.default_rng(4)
    x = rng.normal(size=(9, 3))
    if name in ("bce", "bce_logits"):
        y = rng.integers(0, 2, size=9)
    elif name == "cce":
        y = rng.integers(0, k, size=9)
    else:
        y = rng.normal(size=(9, k))
    fused = make_head(name, kw, k, out_act).skip_activation or name == "bce_logits"
    fused = fused or (name == "cce" and out_act == "linear")
    _grads_match(net, Twin(net), x, y, name, fused, **kw)


def test_cce_with_soft_targets_whose_rows_do_not_sum_to_one():
    net = mlp([3, 6, 4], activation="tanh", out_activation="softmax", seed=5)
    rng = np.random.default_rng(8)
    x, y = rng.normal(size=(9, 3)), rng.uniform(0, 1, size=(9, 4))
    _grads_match(net, Twin(net), x, y, "cce", fused=True)


@pytest.mark.parametrize(("name", "k"), [("bce", 1), ("cce", 3)])
def test_probability_heads_match_torchs_formula(name, k):
    rng = np.random.default_rng(6)
    out = rng.uniform(0.05, 0.95, size=(8, k))
    y = rng.integers(0, 2, size=8) if name == "bce" else rng.integers(0, k, size=8)
    head = make_head(name, {}, k, "tanh")  # not sigmoid/softmax: outputs read as probabilities
    t = head.targets(y, np.float64)
    g = np.empty_like(out)
    head.grad_kernel(out, g)(t)
    o = torch.tensor(out, requires_grad=True)
    theirs = loss(name, o, targets(name, y, k), fused=False)
    theirs.backward()
    assert float(head.per_sample(out, t).mean()) == pytest.approx(theirs.item(), rel=RTOL)
    np.testing.assert_allclose(g, o.grad.numpy(), rtol=RTOL)


def _bn_net(rate: float):
    nodes = [
        node("in", "input", {"units": 3}),
        node("d", "dense", {"units": 5, "activation": "relu"}, ["in"]),
        node("bn", "batchnorm", {"momentum": 0.2, "eps": 1e-4}, ["d"]),
        node("drop", "dropout", {"rate": rate}, ["bn"]),
        node("out", "dense", {"units": 1, "activation": "sigmoid"}, ["drop"]),
    ]
    return Network(nodes, dtype="float64", seed=7)


def test_batchnorm_training_steps_and_running_statistics_then_eval_with_dropout():
    net = _bn_net(0.0)  # no dropout masks while comparing training steps
    twin = Twin(net)
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(24, 3)) * 2 + 1, rng.integers(0, 2, size=24)
    cfg = train_config(loss="bce", optimizer="sgd", learning_rate=0.1, dtype="float64")
    trainer = Trainer(net, x, y, config=cfg)
    opt = torch.optim.SGD(list(twin.params.values()), lr=0.1)
    for i in range(3):
        xb, yb = x[i * 8 : i * 8 + 8], y[i * 8 : i * 8 + 8]
        ours = trainer.train_batch(xb, yb)
        opt.zero_grad()
        out = twin.forward(xb, training=True, skip=True)
        value = loss("bce", out, targets("bce", yb, 1), fused=True)
        value.backward()
        opt.step()
        assert ours == pytest.approx(value.item(), rel=RTOL)
    got = net.get_weights()
    for k, v in twin.weights().items():  # includes running_mean / running_var
        np.testing.assert_allclose(got[k], v, rtol=RTOL, atol=1e-13, err_msg=k)
    # evaluation: running statistics, and Dropout (rate 0.3) is the identity
    evaluated = _bn_net(0.3)
    evaluated.set_weights(got)
    np.testing.assert_allclose(
        evaluated.predict(x), twin.forward(x, training=False).detach().numpy(), rtol=RTOL
    )


@pytest.mark.parametrize("merge", ["add", "concat"])
def test_add_and_concatenate_graphs(merge):
    nodes = [
        node("in", "input", {"units": 3}),
        node("a", "dense", {"units": 4, "activation": "tanh"}, ["in"]),
        node("b", "dense", {"units": 4, "activation": "relu"}, ["in"]),
        node("c", "dense", {"units": 4, "activation": "elu"}, ["a"]),
        node("m", merge, {}, ["c", "b", "a"]),
        node("out", "dense", {"units": 2, "activation": "linear"}, ["m"]),
    ]
    net = Network(nodes, dtype="float64", seed=9)
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    _grads_match(net, Twin(net), x, y, "huber", fused=False, delta=0.5)


def test_l1_l2_and_clipping_in_the_step_match_torch():
    net = mlp([3, 6, 5, 1], activation="tanh", out_activation="sigmoid", seed=4)
    twin = Twin(net)
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(32, 3)), rng.integers(0, 2, size=32)
    cfg = train_config(
        loss="bce",
        optimizer="momentum",
        learning_rate=0.2,
        dtype="float64",
        l1=0.003,
        l2=0.02,
        clip_norm=0.1,
    )
    trainer = Trainer(net, x, y, config=cfg)
    opt = torch.optim.SGD(list(twin.params.values()), lr=0.2, momentum=0.9)
    clipped = 0
    for i in range(8):
        xb, yb = x[i * 4 : i * 4 + 8], y[i * 4 : i * 4 + 8]
        ours = trainer.train_batch(xb, yb)
        opt.zero_grad()
        data = loss(
            "bce", twin.forward(xb, training=True, skip=True), targets("bce", yb, 1), fused=True
        )
        penalty = sum(0.02 * (w**2).sum() + 0.003 * w.abs().sum() for w in twin.decay())
        (data + penalty).backward()
        norm = torch.nn.utils.clip_grad_norm_(list(twin.params.values()), 0.1)
        clipped += int(norm > 0.1)
        opt.step()
        assert ours == pytest.approx(data.item(), rel=RTOL)  # reported: the data loss only
    assert clipped >= 4  # clipping really acted
    got = net.get_weights()
    for k, v in twin.weights().items():
        np.testing.assert_allclose(got[k], v, rtol=RTOL, atol=1e-13, err_msg=k)
