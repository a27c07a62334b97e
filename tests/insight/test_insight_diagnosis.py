"""The diagnosis rules on pathologies built on purpose, and on the healthy templates."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.engine import DivergenceError, TrainConfig
from nnstudio.engine.layerstats import HIST_EDGES, N_BINS, histogram, layer_stats
from nnstudio.graph import NetworkSpec, fill_training
from nnstudio.insight import Evidence, diagnose, diagnose_session, session_stats
from nnstudio.io import TEMPLATES, make_template
from nnstudio.session import Session


def _train(project, epochs=None, before=None):
    session = Session.from_project(project)
    if before is not None:
        before(session)
    rows, failure = [], None
    try:
        for row in session.run(epochs):
            rows.append(row)
    except DivergenceError as exc:  # also DegradedError
        failure = str(exc)
    return session, diagnose_session(session, rows=rows, failure=failure)


def _codes(findings):
    return {(f.code, f.layer) for f in findings}


def test_dead_relu_layer_with_large_negative_bias() -> None:
    project = make_template("circle")
    project.network.set_param("dense_1", "activation", "relu")

    def kill(session):
        w = session.network.get_weights()
        w["dense_1.bias"][:] = -50.0
        session.network.set_weights(w)

    _session, findings = _train(project, 10, kill)
    dead = [f for f in findings if f.code == "dead-units"]
    assert [f.layer for f in dead] == ["dense_1"]
    assert dead[0].numbers["dead"] == 1.0 and dead[0].numbers["units"] == 8
    assert dead[0].fix == {"node": "dense_1", "params": {"activation": "leaky_relu"}}
    assert dead[0].line().startswith("[dead-units] dense_1: 100% of the 8 ReLU units")
    # the dead layer has no gradient, which is not reported as vanishing
    assert "vanishing-gradients" not in {f.code for f in findings}


def test_ten_layer_sigmoid_stack_has_vanishing_gradients() -> None:
    project = make_template("circle")
    project.network = NetworkSpec.sequential(2, [8] * 10, "sigmoid", 1, "sigmoid")
    _session, findings = _train(project, 3)
    vanishing = [f for f in findings if f.code == "vanishing-gradients"]
    assert [f.layer for f in vanishing] == ["dense_1"]
    assert vanishing[0].numbers["ratio"] < 1e-3
    assert vanishing[0].numbers["grad_norm"] < vanishing[0].numbers["last_grad_norm"]


def _with_training(project, **changes):
    d = project.training.to_dict()
    d.update(changes)
    project.training = TrainConfig.from_dict(fill_training(d))
    return project


def test_sgd_learning_rate_10_is_too_high() -> None:
    project = _with_training(
        make_template("circle"), optimizer="sgd", optimizer_params={}, learning_rate=10.0
    )
    _session, findings = _train(project, 50)
    high = [f for f in findings if f.code == "lr-too-high"]
    assert len(high) == 1 and high[0].layer is None
    assert high[0].fix == {"training": {"learning_rate": 1.0}}


def test_rising_loss_without_nan_is_lr_too_high() -> None:
    rows = [{"epoch": i + 1, "train_loss": v} for i, v in enumerate([0.7, 0.5, 0.9, 3.0, 5.0])]
    ev = Evidence(rows=rows, stats=None, training={"learning_rate": 0.5}, task="binary")
    (finding,) = diagnose(ev)
    assert finding.code == "lr-too-high"
    assert finding.numbers == {"first": 0.7, "best": 0.5, "last": 5.0}


def test_tiny_training_split_and_wide_network_overfit() -> None:
    project = make_template("circle")
    project.data.train_ratio = 0.1
    project.data.noise = 0.3
    project.network = NetworkSpec.sequential(2, [256, 256], "relu", 1, "sigmoid")
    _session, findings = _train(project, 300)
    over = [f for f in findings if f.code == "overfitting"]
    assert len(over) == 1
    n = over[0].numbers
    assert n["last_test_loss"] > 2 * n["best_test_loss"]
    assert over[0].fix == {"training": {"l2": 1e-3}}


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_healthy_templates_have_no_finding(name: str) -> None:
    _session, findings = _train(make_template(name))
    assert [f.line() for f in findings] == []


def test_plateau_and_lr_too_low_from_curves() -> None:
    flat = [{"epoch": i + 1, "train_loss": 0.69 - 0.02 * min(i, 5)} for i in range(40)]
    ev = Evidence(rows=flat, stats=None, training={"learning_rate": 0.01}, task="binary")
    assert [f.code for f in diagnose(ev)] == ["plateau"]
    slow = [{"epoch": i + 1, "train_loss": 0.69 - 0.0005 * i} for i in range(40)]
    ev = Evidence(rows=slow, stats=None, training={"learning_rate": 1e-5}, task="binary")
    (f,) = diagnose(ev)
    assert f.code == "lr-too-low" and f.fix == {"training": {"learning_rate": 1e-4}}


def test_data_and_output_rules() -> None:
    ev = Evidence(
        rows=[],
        stats=None,
        training={"loss": "mse", "learning_rate": 0.01},
        task="regression",
        feature_mean=np.array([500.0, 0.1]),
        feature_std=np.array([200.0, 1.0]),
        standardize=False,
        target_range=(-3.0, 40.0),
        output_activation="sigmoid",
        output_node="dense_3",
    )
    findings = {f.code: f for f in diagnose(ev)}
    assert set(findings) == {"unscaled-inputs", "output-mismatch"}
    assert findings["unscaled-inputs"].fix == {"data": {"standardize": True}}
    assert findings["output-mismatch"].fix == {
        "node": "dense_3",
        "params": {"activation": "linear"},
    }
    ev = Evidence(rows=[], stats=None, training={}, task="binary", class_counts=[180, 20])
    (f,) = diagnose(ev)
    assert f.code == "class-imbalance" and f.numbers["majority_accuracy"] == 0.9


def test_saturated_tanh_units_on_unscaled_inputs() -> None:
    project = make_template("circle")
    project.data.standardize = False

    def blow_up(session):
        w = session.network.get_weights()
        w["dense_1.weight"] *= 100.0
        session.network.set_weights(w)

    session, _ = _train(project, 1, blow_up)
    stats = session_stats(session)
    assert stats["layers"]["dense_1"]["saturated"] >= 0.8
    ev_codes = {(f.code, f.layer) for f in diagnose_session(session, rows=[])}
    assert ("saturated-units", "dense_1") in ev_codes


def test_layer_stats_leave_training_unchanged() -> None:
    """Statistics between epochs (dropout, BatchNorm) do not change what training does."""
    spec = NetworkSpec.sequential(2, [16, 16], "relu", 1, "sigmoid")
    bn = spec.add_node("batchnorm")
    drop = spec.add_node("dropout")
    spec.remove_edge(next(e for e in spec.edges if e.dst == "dense_2"))
    spec.add_edge("dense_1", bn.id)
    spec.add_edge(bn.id, drop.id)
    spec.add_edge(drop.id, "dense_2")
    project = make_template("circle")
    project.network = spec
    plain = Session.from_project(project)
    for _ in plain.run(4):
        pass
    watched = Session.from_project(project)
    stats = None
    for _ in watched.run(4):
        stats = session_stats(watched)
    for name, value in plain.network.get_weights().items():
        np.testing.assert_array_equal(value, watched.network.get_weights()[name], err_msg=name)
    assert stats["order"] == ["dense_1", bn.id, "dense_2", "dense_3"]
    entry = stats["layers"]["dense_1"]
    assert entry["weight_hist"].shape == (N_BINS,) and abs(entry["weight_hist"].sum() - 1) < 1e-6
    assert entry["grad_norm"] > 0 and 0.0 <= entry["dead"] <= 1.0


def test_histogram_fixed_bins() -> None:
    h = histogram(np.array([0.0, 1e-7, 0.5, -0.5, 1e9]))
    assert h.shape == (len(HIST_EDGES) - 1,)
    assert h.sum() == pytest.approx(1.0)
    middle = int(np.searchsorted(HIST_EDGES, 0.0)) - 1
    assert h[middle] == pytest.approx(0.4)  # 0 and 1e-7 share the bin around zero
    assert h[-1] == pytest.approx(0.2)  # beyond the last edge: the end bin
    assert h[0] == 0.0


def test_layer_stats_of_an_image_network() -> None:
    session = Session.from_project(make_template("digits-cnn"))
    stats = session_stats(session)
    conv = [n for n in stats["order"] if n.startswith("conv2d")]
    assert conv and "grad_norm" in stats["layers"][conv[0]]
    assert stats["layers"][conv[0]]["units"] == session.network._layers[conv[0]].out_shape[0]
    x = session.dataset.x_train[:5]
    head = session.trainer.head
    t = head.targets(session.dataset.y_train[:5], session.network.dtype)
    assert layer_stats(session.network, x, t, head, histograms=False)["order"]


def test_dead_means_dead_on_the_whole_training_split() -> None:
    """A unit active only on rows beyond the first chunk is alive for the diagnosis."""
    from nnstudio.engine import Network, NodeDef

    net = Network(
        [
            NodeDef("input_1", "input", {"units": 1, "channels": 1, "height": 0, "width": 0}, []),
            NodeDef(
                "dense_1",
                "dense",
                {
                    "units": 1,
                    "activation": "relu",
                    "use_bias": True,
                    "init": "auto",
                    "slope": 0.01,
                    "alpha": 1.0,
                },
                ["input_1"],
            ),
            NodeDef(
                "dense_2",
                "dense",
                {
                    "units": 1,
                    "activation": "linear",
                    "use_bias": True,
                    "init": "auto",
                    "slope": 0.01,
                    "alpha": 1.0,
                },
                ["dense_1"],
            ),
        ],
        dtype="float64",
    )
    net.set_weights(
        {
            "dense_1.weight": np.ones((1, 1)),
            "dense_1.bias": np.zeros(1),
            "dense_2.weight": np.ones((1, 1)),
            "dense_2.bias": np.zeros(1),
        }
    )
    x = -np.ones((3000, 1))
    x[2500] = 1.0  # only row 2500 activates the unit
    head = net.head("mse", {})
    t = head.targets(np.zeros(3000), net.dtype)
    assert layer_stats(net, x, t, head)["layers"]["dense_1"]["dead"] == 1.0  # first 1024
    whole = layer_stats(net, x, t, head, activation_rows=None)
    assert whole["layers"]["dense_1"]["dead"] == 0.0
    hist = whole["layers"]["dense_1"]["act_hist"]
    assert hist.sum() == pytest.approx(1.0)
