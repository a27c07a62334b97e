"""Torch parity, float64: every optimizer with non-default settings and weight decay, live
changes of the learning rate and the betas, and every learning-rate schedule.

The engine side runs through ``Trainer.train_batch``, which uses the same step function as
the epoch loop; the torch side is a twin network with the same weights.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from engine_helpers import mlp  # noqa: E402
from torch_twin import Twin, loss, targets  # noqa: E402

from nnstudio.engine import Trainer, fit_iter  # noqa: E402
from nnstudio.engine.schedules import scheduled_lr  # noqa: E402
from nnstudio.graph import train_config  # noqa: E402

RTOL = 1e-10

OPTIMIZERS = [
    ("sgd", {"weight_decay": 0.01}, "SGD", {"weight_decay": 0.01}),
    (
        "momentum",
        {"momentum": 0.8, "dampening": 0.1, "weight_decay": 0.01},
        "SGD",
        {"momentum": 0.8, "dampening": 0.1, "weight_decay": 0.01},
    ),
    (
        "nesterov",
        {"momentum": 0.7, "weight_decay": 0.02},
        "SGD",
        {"momentum": 0.7, "nesterov": True, "weight_decay": 0.02},
    ),
    (
        "adagrad",
        {"lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1, "eps": 1e-8},
        "Adagrad",
        {"lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1, "eps": 1e-8},
    ),
    (
        "rmsprop",
        {"alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01, "momentum": 0.5, "centered": True},
        "RMSprop",
        {"alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01, "momentum": 0.5, "centered": True},
    ),
    (
        "adam",
        {"beta1": 0.8, "beta2": 0.99, "eps": 1e-7, "weight_decay": 0.01, "amsgrad": True},
        "Adam",
        {"betas": (0.8, 0.99), "eps": 1e-7, "weight_decay": 0.01, "amsgrad": True},
    ),
    (
        "adamw",
        {"beta1": 0.85, "beta2": 0.995, "weight_decay": 0.05},
        "AdamW",
        {"betas": (0.85, 0.995), "weight_decay": 0.05},
    ),
]


def _data(n=48, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 3))
    y = (x[:, 0] * x[:, 1] + 0.3 * x[:, 2] > 0).astype(np.int64)
    return x, y


def _pair(optimizer, params, lr, **cfg):
    net = mlp([3, 6, 5, 1], activation="tanh", out_activation="sigmoid", seed=4)
    x, y = _data()
    config = train_config(
        optimizer=optimizer,
        optimizer_params=params,
        learning_rate=lr,
        dtype="float64",
        loss="bce",
        **cfg,
    )
    return Trainer(net, x, y, config=config), Twin(net), x, y


def _torch_step(twin, opt, xb, yb):
    opt.zero_grad()
    value = loss(
        "bce", twin.forward(xb, training=True, skip=True), targets("bce", yb, 1), fused=True
    )
    value.backward()
    opt.step()
    return value.item()


def _assert_same_weights(engine_net, twin, rtol=RTOL):
    got = engine_net.get_weights()
    for k, v in twin.weights().items():
        np.testing.assert_allclose(got[k], v, rtol=rtol, atol=1e-13, err_msg=k)


@pytest.mark.parametrize(("name", "params", "tname", "tparams"), OPTIMIZERS)
def test_every_optimizer_with_non_default_settings_follows_torch(name, params, tname, tparams):
    trainer, twin, x, y = _pair(name, params, 0.05)
    opt = getattr(torch.optim, tname)(list(twin.params.values()), lr=0.05, **tparams)
    for i in range(12):
        xb, yb = x[(i * 8) % 48 : (i * 8) % 48 + 8], y[(i * 8) % 48 : (i * 8) % 48 + 8]
        ours = trainer.train_batch(xb, yb)
        theirs = _torch_step(twin, opt, xb, yb)
        assert ours == pytest.approx(theirs, rel=RTOL), i
    _assert_same_weights(trainer.network, twin)


@pytest.mark.parametrize(("name", "amsgrad"), [("adam", False), ("adam", True), ("adamw", False)])
def test_learning_rate_and_betas_changed_while_training_follow_torch(name, amsgrad):
    params = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.01, "amsgrad": amsgrad}
    trainer, twin, x, y = _pair(name, params, 0.02)
    opt = getattr(torch.optim, "Adam" if name == "adam" else "AdamW")(
        list(twin.params.values()), lr=0.02, betas=(0.9, 0.999), weight_decay=0.01, amsgrad=amsgrad
    )
    for i in range(15):
        if i == 5:  # a live change: the moments are kept as they are, like torch
            trainer.update(optimizer_params={**params, "beta1": 0.5, "beta2": 0.9})
            opt.param_groups[0]["betas"] = (0.5, 0.9)
        if i == 10:
            trainer.update(learning_rate=0.005)
            opt.param_groups[0]["lr"] = 0.005
        xb, yb = x[i * 3 : i * 3 + 8], y[i * 3 : i * 3 + 8]
        assert trainer.train_batch(xb, yb) == pytest.approx(
            _torch_step(twin, opt, xb, yb), rel=RTOL
        ), i
    _assert_same_weights(trainer.network, twin)


SCHEDULES = [
    ("step", {"step_size": 3, "gamma": 0.5}, "StepLR", {"step_size": 3, "gamma": 0.5}),
    ("exponential", {"gamma": 0.9}, "ExponentialLR", {"gamma": 0.9}),
    ("cosine", {"t_max": 7, "eta_min": 0.001}, "CosineAnnealingLR", {"T_max": 7, "eta_min": 0.001}),
    ("cosine", {"t_max": 10, "eta_min": 0.0}, "CosineAnnealingLR", {"T_max": 10, "eta_min": 0.0}),
]


@pytest.mark.parametrize(("name", "params", "tname", "tparams"), SCHEDULES)
def test_schedules_give_torchs_learning_rate_every_epoch_past_t_max(name, params, tname, tparams):
    epochs = 3 * 10  # three times the longest t_max: the cosine goes down, up and down
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    sched = getattr(torch.optim.lr_scheduler, tname)(opt, **tparams)
    theirs = []
    for _ in range(epochs):
        theirs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    ours = [scheduled_lr(name, params, 0.1, e) for e in range(epochs)]
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


def test_the_epoch_loop_uses_the_scheduled_rate_of_each_epoch():
    net = mlp([3, 4, 1], seed=1)
    x, y = _data(16)
    config = train_config(
        learning_rate=0.1,
        schedule="cosine",
        schedule_params={"t_max": 3, "eta_min": 0.01},
        epochs=9,
        dtype="float64",
        loss="bce",
    )
    got = [r.lr for r in fit_iter(net, x, y, config=config)]
    want = [0.01 + 0.09 * (1 + math.cos(math.pi * e / 3)) / 2 for e in range(9)]
    np.testing.assert_allclose(got, want, rtol=1e-12)
