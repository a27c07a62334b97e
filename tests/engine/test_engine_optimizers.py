"""Each optimizer: three steps compared with the published update rule, computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnstudio.engine import ConfigError
from nnstudio.engine.optimizers import make_optimizer
from nnstudio.graph import default_params, fill_params


def filled(name, params=None):
    """The optimizer's settings completed from the catalog (the engine has no defaults)."""
    return fill_params("optimizer", name, params or {})


P0 = [0.5, -1.0, 2.0]
TARGET = [0.1, 0.3, -0.4]
LR = 0.1


def grad(p):
    """Gradient of 0.5 * sum((p - target)^2) * (1, 2, 3): a small problem with known g."""
    return [(pi - ti) * w for pi, ti, w in zip(p, TARGET, (1.0, 2.0, 3.0), strict=True)]


def run_engine(name, params, lrs=(LR, LR, LR)):
    opt = make_optimizer(name, 3, np.float64, filled(name, params))
    p = np.array(P0)
    out = []
    for lr in lrs:
        g = np.array(grad(p.tolist()))
        opt.step(p, g, lr)
        out.append(p.copy())
    return out


def sgd_by_hand(momentum=0.0, dampening=0.0, nesterov=False, wd=0.0):
    p, b, out = list(P0), None, []
    for t in range(1, 4):
        g = [gi + wd * pi for gi, pi in zip(grad(p), p, strict=True)]
        if momentum:
            if t == 1:
                b = list(g)
            else:
                b = [momentum * bi + (1 - dampening) * gi for bi, gi in zip(b, g, strict=True)]
            if nesterov:
                g = [gi + momentum * bi for gi, bi in zip(g, b, strict=True)]
            else:
                g = b
        p = [pi - LR * gi for pi, gi in zip(p, g, strict=True)]
        out.append(p)
    return out


def adagrad_by_hand(lr_decay=0.0, eps=1e-10, init=0.0):
    p, s, out = list(P0), [init] * 3, []
    for t in range(1, 4):
        g = grad(p)
        clr = LR / (1 + (t - 1) * lr_decay)
        s = [si + gi * gi for si, gi in zip(s, g, strict=True)]
        p = [pi - clr * gi / (math.sqrt(si) + eps) for pi, gi, si in zip(p, g, s, strict=True)]
        out.append(p)
    return out


def rmsprop_by_hand(alpha=0.99, eps=1e-8, momentum=0.0, centered=False):
    p, v, ga, b, out = list(P0), [0.0] * 3, [0.0] * 3, [0.0] * 3, []
    for _ in range(3):
        g = grad(p)
        v = [alpha * vi + (1 - alpha) * gi * gi for vi, gi in zip(v, g, strict=True)]
        if centered:
            ga = [alpha * a + (1 - alpha) * gi for a, gi in zip(ga, g, strict=True)]
            avg = [math.sqrt(vi - a * a) + eps for vi, a in zip(v, ga, strict=True)]
        else:
            avg = [math.sqrt(vi) + eps for vi in v]
        if momentum:
            b = [momentum * bi + gi / ai for bi, gi, ai in zip(b, g, avg, strict=True)]
            p = [pi - LR * bi for pi, bi in zip(p, b, strict=True)]
        else:
            p = [pi - LR * gi / ai for pi, gi, ai in zip(p, g, avg, strict=True)]
        out.append(p)
    return out


def adam_by_hand(b1=0.9, b2=0.999, eps=1e-8, wd=0.0, decoupled=False, lrs=(LR, LR, LR)):
    p, m, v, out = list(P0), [0.0] * 3, [0.0] * 3, []
    for t, lr in enumerate(lrs, start=1):
        if decoupled:  # gradient at the old p, then p shrinks before the Adam step
            g = grad(p)
            p = [pi * (1 - lr * wd) for pi in p]
        else:
            g = [gi + wd * pi for gi, pi in zip(grad(p), p, strict=True)]
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g, strict=True)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g, strict=True)]
        m_hat = [mi / (1 - b1**t) for mi in m]
        v_hat = [vi / (1 - b2**t) for vi in v]
        p = [
            pi - lr * mh / (math.sqrt(vh) + eps) for pi, mh, vh in zip(p, m_hat, v_hat, strict=True)
        ]
        out.append(p)
    return out


CASES = [
    ("sgd", {}, sgd_by_hand()),
    ("sgd", {"weight_decay": 0.1}, sgd_by_hand(wd=0.1)),
    ("momentum", {}, sgd_by_hand(momentum=0.9)),
    ("momentum", {"momentum": 0.5, "dampening": 0.2}, sgd_by_hand(momentum=0.5, dampening=0.2)),
    ("nesterov", {}, sgd_by_hand(momentum=0.9, nesterov=True)),
    ("adagrad", {}, adagrad_by_hand()),
    (
        "adagrad",
        {"lr_decay": 0.5, "initial_accumulator_value": 0.1},
        adagrad_by_hand(lr_decay=0.5, init=0.1),
    ),
    ("rmsprop", {}, rmsprop_by_hand()),
    ("rmsprop", {"momentum": 0.9, "centered": True}, rmsprop_by_hand(momentum=0.9, centered=True)),
    ("adam", {}, adam_by_hand()),
    ("adam", {"betas": (0.8, 0.99), "weight_decay": 0.1}, adam_by_hand(0.8, 0.99, wd=0.1)),
    ("adamw", {}, adam_by_hand(wd=0.01, decoupled=True)),
    ("adamw", {"weight_decay": 0.5}, adam_by_hand(wd=0.5, decoupled=True)),
]


@pytest.mark.parametrize(("name", "params", "expected"), CASES)
def test_three_steps_match_the_published_rule(name, params, expected):
    got = run_engine(name, params)
    for step, (g, e) in enumerate(zip(got, expected, strict=True), start=1):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-14, err_msg=f"step {step}")
    assert not np.allclose(got[0], P0)


def test_learning_rate_change_between_steps_keeps_adam_state():
    lrs = (0.1, 0.02, 0.3)
    got = run_engine("adam", {}, lrs)
    np.testing.assert_allclose(got[-1], adam_by_hand(lrs=lrs)[-1], rtol=1e-12)


def test_catalog_has_torch_defaults_and_the_engine_none():
    assert make_optimizer("adam", 1, np.float64, filled("adam")).eps == 1e-8
    assert make_optimizer("adamw", 1, np.float64, filled("adamw")).weight_decay == 0.01
    assert make_optimizer("rmsprop", 1, np.float64, filled("rmsprop")).alpha == 0.99
    assert make_optimizer("adagrad", 1, np.float64, filled("adagrad")).eps == 1e-10
    with pytest.raises(ConfigError, match="'eps' is missing"):
        make_optimizer("adam", 1, np.float64, {"beta1": 0.9, "beta2": 0.999})
    with pytest.raises(ConfigError, match="'momentum' is missing"):
        make_optimizer("sgd", 1, np.float64, {})
    with pytest.raises(ConfigError, match="unknown setting"):
        make_optimizer("adam", 1, np.float64, {"beta_3": 1})
    with pytest.raises(ConfigError, match="beta1"):
        make_optimizer("adam", 1, np.float64, {"betas": (1.5, 0.9)})
    with pytest.raises(ConfigError, match="Choose one of"):
        make_optimizer("lbfgs", 1, np.float64)


def test_subnormal_moments_are_flushed():
    opt = make_optimizer("adam", 2, np.float32, filled("adam"))
    p = np.ones(2, dtype=np.float32)
    for _ in range(100):
        opt.step(p, np.array([1e-30, 1.0], dtype=np.float32), 1e-3)
    assert opt.v[0] == 0.0 and opt.v[1] > 0


def _adam_changing_betas_by_hand(betas_per_step, wd=0.0, decoupled=False):
    """PyTorch's rule with raw m, v kept across a change of betas (bias terms use the new betas)."""
    p, m, v = list(P0), [0.0] * 3, [0.0] * 3
    for t, (b1, b2) in enumerate(betas_per_step, start=1):
        if decoupled:
            g = grad(p)
            p = [pi * (1 - LR * wd) for pi in p]
        else:
            g = [gi + wd * pi for gi, pi in zip(grad(p), p, strict=True)]
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g, strict=True)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g, strict=True)]
        p = [
            pi - LR / (1 - b1**t) * mi / (math.sqrt(vi / (1 - b2**t)) + 1e-8)
            for pi, mi, vi in zip(p, m, v, strict=True)
        ]
    return p, m, v


@pytest.mark.parametrize("name", ["adam", "adamw"])
def test_changing_betas_between_steps_keeps_the_raw_moments(name):
    betas = [(0.9, 0.999), (0.9, 0.999), (0.5, 0.9), (0.5, 0.9)]
    opt = make_optimizer(name, 3, np.float64, filled(name, {"betas": betas[0]}))
    p = np.array(P0)
    for i, b in enumerate(betas):
        if i and b != betas[i - 1]:
            m_before, v_before = opt.m.copy(), opt.v.copy()
            opt.set_hyperparameters(filled(name, {"betas": b}))
            # not rescaled by the new betas (to rounding of the internal scaled copies)
            np.testing.assert_allclose(opt.m, m_before, rtol=1e-15, atol=0)
            np.testing.assert_allclose(opt.v, v_before, rtol=1e-15, atol=0)
        opt.step(p, np.array(grad(p.tolist())), LR)
    wd = 0.01 if name == "adamw" else 0.0
    want_p, want_m, want_v = _adam_changing_betas_by_hand(betas, wd, decoupled=name == "adamw")
    np.testing.assert_allclose(p, want_p, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(opt.m, want_m, rtol=1e-12)
    np.testing.assert_allclose(opt.v, want_v, rtol=1e-12)


def test_a_live_change_of_one_setting_keeps_the_others():
    opt = make_optimizer("rmsprop", 3, np.float64, filled("rmsprop", {"eps": 1e-6}))
    opt.set_hyperparameters({"momentum": 0.5})
    assert (opt.momentum, opt.eps, opt.alpha) == (0.5, 1e-6, 0.99)
    assert opt.buf is not None  # the new momentum buffer starts at zero
    np.testing.assert_array_equal(opt.buf, 0.0)
    adam = make_optimizer("adam", 3, np.float64, filled("adam", {"betas": [0.8, 0.9]}))
    adam.set_hyperparameters({"beta2": 0.95})
    assert (adam.beta1, adam.beta2, adam.eps) == (0.8, 0.95, 1e-8)
    with pytest.raises(ConfigError, match="momentum"):
        opt.set_hyperparameters({"momentum": -1})
    assert opt.momentum == 0.5


@pytest.mark.parametrize(
    "name", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"]
)
def test_a_learning_rate_of_zero_moves_no_weight(name):
    """A cosine schedule with eta_min 0 reaches lr 0 at t_max (PyTorch: a no-op step)."""
    opt = make_optimizer(name, 3, np.float64, default_params("optimizer", name))
    p = np.array(P0)
    opt.step(p, np.array(grad(P0)), 0.1)
    before = p.copy()
    opt.step(p, np.array(grad(p.tolist())), 0.0)
    np.testing.assert_array_equal(p, before)
    assert opt.t == 2
