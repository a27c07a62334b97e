"""Training loop: determinism, divergence, schedules, regularisation, learning real tasks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from engine_helpers import mlp, node, spiral

from nnstudio.engine import (
    ConfigError,
    DivergenceError,
    Network,
    Report,
    TrainConfig,
    Trainer,
    fit_iter,
)
from nnstudio.engine.schedules import scheduled_lr
from nnstudio.graph import fill_params, train_config

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0])


def _blobs(n=200, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(int)
    return x, y


def _run(seed, dtype="float32", epochs=3, **cfg):
    x, y = _blobs()
    net = mlp([2, 8, 8, 1], dtype=dtype, seed=1)
    config = train_config(epochs=epochs, seed=seed, dtype=dtype, **cfg)
    reports = list(fit_iter(net, x[:150], y[:150], x[150:], y[150:], config))
    return reports, net.get_weights()


def test_same_seed_gives_identical_losses_and_weights_bit_for_bit():
    nodes = [
        node("in", "input", {"units": 2}),
        node("d", "dense", {"units": 8, "activation": "relu"}, ["in"]),
        node("drop", "dropout", {"rate": 0.2}, ["d"]),
        node("bn", "batchnorm", {}, ["drop"]),
        node("out", "dense", {"units": 1, "activation": "sigmoid"}, ["bn"]),
    ]
    x, y = _blobs()
    runs = []
    for seed in (3, 3, 4):
        net = Network(nodes, seed=1)
        reports = list(fit_iter(net, x, y, config=train_config(epochs=3, seed=seed, batch_size=16)))
        runs.append(([r.train_loss for r in reports], net.get_weights()))
    (l1, w1), (l2, w2), (l3, w3) = runs
    assert l1 == l2
    assert all(np.array_equal(w1[k], w2[k]) for k in w1)
    assert l1 != l3


def test_report_fields_and_progress():
    reports, _ = _run(0, epochs=5)
    r = reports[-1]
    assert isinstance(r, Report)
    assert r.epoch == 5 and r.step == 5 * 15  # 150 points / batch 10
    assert r.lr == 0.01 and r.train_rmse is None and r.test_r2 is None
    assert 0.0 <= r.train_accuracy <= 1.0 and 0.0 <= r.test_accuracy <= 1.0
    assert reports[-1].train_loss < reports[0].train_loss
    d = r.to_dict()
    assert d["epoch"] == 5 and set(d) >= {"train_loss", "test_loss", "lr"}


def test_train_loss_is_the_mean_over_the_epochs_steps():
    x, y = _blobs(40)
    net = mlp([2, 4, 1], seed=2)
    cfg = train_config(epochs=1, batch_size=40, optimizer="sgd", learning_rate=0.1)
    tr = Trainer(net, x, y, config=cfg)
    before = tr.evaluate().train_loss  # full batch: the one step sees exactly these weights
    report = tr.train_epoch()
    assert report.train_loss == pytest.approx(before, rel=1e-12)


def test_divergence_stops_with_a_typed_error_and_keeps_finite_weights():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 3)) * 10
    y = rng.normal(size=64) * 1e3
    nodes = [
        node("in", "input", {"units": 3}),
        node("h", "dense", {"units": 16, "activation": "relu"}, ["in"]),
        node("out", "dense", {"units": 1, "activation": "linear"}, ["h"]),
    ]
    net = Network(nodes)
    cfg = train_config(loss="mse", optimizer="sgd", learning_rate=10.0, epochs=50)
    with pytest.raises(DivergenceError, match="learning rate") as info:
        for _ in fit_iter(net, x, y, config=cfg):
            pass
    assert "weights of the last finite step were kept" in str(info.value)
    w = net.get_weights()
    assert all(np.isfinite(v).all() for v in w.values())
    assert info.value.step > 0


def test_divergence_restores_exactly_the_last_weights_with_a_finite_gradient():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 3)) * 10
    y = rng.normal(size=32) * 1e3
    nodes = [
        node("in", "input", {"units": 3}),
        node("h", "dense", {"units": 8, "activation": "relu"}, ["in"]),
        node("out", "dense", {"units": 1, "activation": "linear"}, ["h"]),
    ]
    net = Network(nodes, dtype="float64", seed=1)
    cfg = train_config(loss="mse", optimizer="sgd", learning_rate=10.0, dtype="float64")
    trainer = Trainer(net, x, y, config=cfg)
    snapshots = []  # the weights each step's gradient was computed at
    with pytest.raises(DivergenceError) as info:
        for _ in range(100):
            snapshots.append(net.get_weights())
            trainer.train_batch(x, y)
    assert len(snapshots) >= 2 and info.value.step == len(snapshots) - 1
    kept = net.get_weights()
    last_finite = snapshots[-2]  # the last weights whose gradient was finite
    assert kept.keys() == last_finite.keys()
    for name in kept:
        np.testing.assert_array_equal(kept[name], last_finite[name])


def test_learning_rate_changes_live_without_resetting_state():
    x, y = _blobs()
    net = mlp([2, 4, 1], seed=2)
    tr = Trainer(net, x, y, config=train_config(epochs=None))
    tr.train_epoch()
    m_before = tr._opt.m.copy()
    tr.learning_rate = 0.05
    r = tr.train_epoch()
    assert r.lr == 0.05 and tr.learning_rate == 0.05
    assert tr._opt.t == 40  # step counter kept: no reset
    assert not np.array_equal(tr._opt.m, m_before)
    with pytest.raises(ConfigError, match="learning_rate"):
        tr.learning_rate = -1


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("constant", {}, [0.1, 0.1, 0.1, 0.1]),
        ("step", {"step_size": 2, "gamma": 0.5}, [0.1, 0.1, 0.05, 0.05]),
        ("exponential", {"gamma": 0.9}, [0.1, 0.09, 0.081, 0.0729]),
        ("cosine", {"t_max": 2, "eta_min": 0.01}, [0.1, 0.055, 0.01, 0.055]),
    ],
)
def test_schedules(name, params, expected):
    got = [scheduled_lr(name, params, 0.1, e) for e in range(4)]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    x, y = _blobs(20)
    cfg = train_config(learning_rate=0.1, schedule=name, schedule_params=params, epochs=4)
    reports = list(fit_iter(mlp([2, 3, 1]), x, y, config=cfg))
    np.testing.assert_allclose([r.lr for r in reports], expected, rtol=1e-12)


def test_gradient_clipping_by_global_norm():
    x, y = _blobs(16)
    net = mlp([2, 4, 1], seed=3)
    _, grads, _ = net.loss_and_gradients(x, y, "bce")
    gnorm = math.sqrt(sum(float((g**2).sum()) for g in grads.values()))
    clip = gnorm / 4
    before = net.get_weights()
    cfg = train_config(optimizer="sgd", learning_rate=0.5, clip_norm=clip, batch_size=None)
    Trainer(net, x, y, config=cfg).train_batch(x, y)
    after = net.get_weights()
    coef = clip / (gnorm + 1e-6)
    for k in grads:
        np.testing.assert_allclose(after[k], before[k] - 0.5 * coef * grads[k], rtol=1e-10)


def test_l1_l2_apply_to_weights_not_biases():
    x, y = _blobs(16)
    net = mlp([2, 4, 1], seed=3)
    w = net.get_weights()
    w["dense_1.bias"][:] = 0.3
    net.set_weights(w)
    _, grads, _ = net.loss_and_gradients(x, y, "bce")
    cfg = train_config(optimizer="sgd", learning_rate=0.1, l1=0.01, l2=0.02)
    Trainer(net, x, y, config=cfg).train_batch(x, y)
    after = net.get_weights()
    for k in grads:
        g = grads[k]
        if k.endswith(".weight"):
            g = g + 2 * 0.02 * w[k] + 0.01 * np.sign(w[k])
        np.testing.assert_allclose(after[k], w[k] - 0.1 * g, rtol=1e-10, err_msg=k)


def test_xor_is_learned_to_100_percent():
    net = mlp([2, 4, 1], activation="tanh", out_activation="sigmoid", seed=0)
    cfg = train_config(loss="bce", optimizer="adam", learning_rate=0.05, batch_size=4, epochs=300)
    *_, last = fit_iter(net, XOR_X, XOR_Y, config=cfg)
    assert last.train_accuracy == 1.0
    pred = (net.predict(XOR_X)[:, 0] > 0.5).astype(int)
    np.testing.assert_array_equal(pred, XOR_Y)


def test_spiral_reaches_95_percent_test_accuracy():
    x, y = spiral(250, seed=0, noise=0.0)
    net = mlp([2, 32, 32, 1], activation="relu", out_activation="sigmoid", dtype="float32")
    cfg = train_config(loss="bce", learning_rate=0.01, batch_size=10, epochs=150, seed=0)
    *_, last = fit_iter(net, x[:250], y[:250], x[250:], y[250:], cfg)
    assert last.test_accuracy >= 0.95
    assert last.train_accuracy >= 0.95


def test_regression_metrics():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=(200, 2))
    y = x[:, 0] - 0.5 * x[:, 1]
    net = Network(
        [
            node("in", "input", {"units": 2}),
            node("o", "dense", {"units": 1, "activation": "linear"}, ["in"]),
        ]
    )
    cfg = train_config(loss="mse", learning_rate=0.05, epochs=30)
    *_, r = fit_iter(net, x[:150], y[:150], x[150:], y[150:], cfg)
    assert r.train_accuracy is None
    assert r.test_r2 > 0.99 and r.test_rmse < 0.05
    assert r.test_loss == pytest.approx(r.test_rmse**2, rel=1e-5)


def test_multiclass_softmax_cce_learns_three_blobs():
    rng = np.random.default_rng(1)
    centers = np.array([[0, 2], [2, -1], [-2, -1]])
    y = rng.integers(0, 3, size=300)
    x = centers[y] + rng.normal(size=(300, 2)) * 0.5
    net = mlp([2, 8, 3], activation="relu", out_activation="softmax", dtype="float32")
    cfg = train_config(loss="cce", learning_rate=0.02, epochs=20, batch_size=32)
    *_, r = fit_iter(net, x[:200], y[:200], x[200:], y[200:], cfg)
    assert r.test_accuracy > 0.95
    p = net.predict(x[:5])
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-5)


def test_float32_and_float64_agree_and_keep_their_dtype():
    r32, w32 = _run(0, dtype="float32", epochs=2)
    r64, w64 = _run(0, dtype="float64", epochs=2)
    assert w32["out.weight"].dtype == np.float32 and w64["out.weight"].dtype == np.float64
    for a, b in zip(r32, r64, strict=True):
        assert a.train_loss == pytest.approx(b.train_loss, rel=1e-4)
    for k in w32:
        np.testing.assert_allclose(w32[k], w64[k], rtol=1e-3, atol=1e-4)


def test_bad_inputs_raise_config_errors():
    net = mlp([2, 3, 1])
    cfg = train_config()
    with pytest.raises(ConfigError, match="x_train"):
        Trainer(net, np.zeros((5, 3)), np.zeros(5), config=cfg)
    with pytest.raises(ConfigError, match="rows"):
        Trainer(net, np.zeros((5, 2)), np.zeros(4), config=cfg)
    with pytest.raises(ConfigError, match="0, 1"):
        Trainer(net, np.zeros((5, 2)), np.full(5, 2.0), config=cfg)
    with pytest.raises(ConfigError, match="exactly 1 output"):
        Trainer(mlp([2, 3, 2]), np.zeros((5, 2)), np.zeros(5), config=cfg)
    with pytest.raises(ConfigError, match="output units"):
        Trainer(
            mlp([2, 3, 2], out_activation="softmax"),
            np.zeros((5, 2)),
            np.full(5, 4),
            config=train_config(loss="cce"),
        )


def test_train_config_round_trip_and_validation():
    cfg = train_config(
        loss="huber",
        loss_params={"delta": 2.0},
        optimizer="adamw",
        optimizer_params={"betas": (0.8, 0.9)},
        schedule="cosine",
        schedule_params={"t_max": 20},
        batch_size=None,
        epochs=None,
        l2=1e-4,
        clip_norm=1.0,
        seed=5,
        dtype="float64",
    )
    d = cfg.to_dict()
    assert (d["optimizer_params"]["beta1"], d["optimizer_params"]["beta2"]) == (0.8, 0.9)
    assert TrainConfig.from_dict(d).to_dict() == d
    bad = [
        ({"learning_rate": 0}, "learning_rate"),
        ({"batch_size": 0}, "batch_size"),
        ({"loss": "hinge"}, "loss"),
        ({"optimizer": "lbfgs"}, "optimizer"),
        ({"schedule": "step", "schedule_params": {"step_size": 0}}, "step_size"),
        ({"l2": -1}, "l2"),
        ({"clip_norm": 0}, "clip_norm"),
        ({"dtype": "float16"}, "dtype"),
        ({"colour": "red"}, "colour"),
        ({"loss": "mse", "loss_params": {"delta": 1}}, "delta"),
    ]
    for fields, word in bad:
        with pytest.raises(ConfigError, match=word):
            TrainConfig.from_dict({**train_config().to_dict(), **fields})


def test_live_update_keeps_state_and_rejects_fixed_fields():
    x, y = _blobs(40)
    net = mlp([2, 4, 1], seed=2)
    tr = Trainer(net, x, y, config=train_config(optimizer="momentum", epochs=None))
    tr.train_epoch()
    buf = tr._opt.buf.copy()
    new_params = fill_params("optimizer", "momentum", {"momentum": 0.5})
    tr.update(optimizer_params=new_params, l2=0.01, clip_norm=1.0, learning_rate=0.02)
    assert tr._opt.momentum == 0.5 and tr._opt.t == 4
    np.testing.assert_array_equal(tr._opt.buf, buf)
    assert tr.config.l2 == 0.01 and tr.learning_rate == 0.02
    assert tr.train_epoch().lr == 0.02
    with pytest.raises(ConfigError, match="cannot change"):
        tr.update(loss="mse")
    with pytest.raises(ConfigError, match="momentum must be >= 0"):
        tr.update(optimizer_params={**new_params, "momentum": -1})
    assert tr.config.l2 == 0.01


def test_fit_iter_unlimited_and_evaluate():
    from itertools import islice

    x, y = _blobs(40)
    net = mlp([2, 4, 1], seed=2)
    reports = list(islice(fit_iter(net, x, y, config=train_config(epochs=None)), 7))
    assert [r.epoch for r in reports] == list(range(1, 8))
    tr = Trainer(net, x[:30], y[:30], x[30:], y[30:], config=train_config())
    r = tr.evaluate()
    assert r.epoch == 0 and r.step == 0 and r.test_loss is not None
    assert r.train_accuracy == pytest.approx(
        float(np.mean((net.predict(x[:30])[:, 0] > 0.5) == y[:30]))
    )


def _bn_mlp():
    nodes = [
        node("in", "input", {"units": 2}),
        node("d", "dense", {"units": 4, "activation": "relu"}, ["in"]),
        node("bn", "batchnorm", {}, ["d"]),
        node("out", "dense", {"units": 1, "activation": "sigmoid"}, ["bn"]),
    ]
    return Network(nodes, dtype="float64", seed=0)


def test_batchnorm_refuses_a_training_split_of_one_sample():
    x, y = _blobs(1)
    with pytest.raises(ConfigError, match="the training split has 1 sample"):
        Trainer(_bn_mlp(), x, y, config=train_config(batch_size=10))
    with pytest.raises(ConfigError, match="batch size is 1"):
        Trainer(_bn_mlp(), *_blobs(20), config=train_config(batch_size=1))
    tr = Trainer(_bn_mlp(), *_blobs(20), config=train_config(batch_size=10))
    with pytest.raises(ConfigError, match="batch of one sample"):
        tr.train_batch(*_blobs(1))
    assert tr.step == 0


def test_batchnorm_drops_the_last_batch_of_one_and_never_trains_on_it():
    x, y = _blobs(21)
    tr = Trainer(_bn_mlp(), x, y, config=train_config(batch_size=10, dtype="float64"))
    assert len(tr.notes) == 1 and "uses 20 samples" in tr.notes[0]
    report = tr.train_epoch()
    assert report.step == 2 and np.isfinite(report.train_loss)
    assert all(np.isfinite(w).all() for w in tr.network.get_weights().values())
    # without BatchNorm the batch of one is trained on as before
    plain = Trainer(mlp([2, 4, 1]), x, y, config=train_config(batch_size=10))
    assert plain.notes == [] and plain.train_epoch().step == 3
