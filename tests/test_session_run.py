"""Session.run: the one training loop of the CLI, the GUI worker and scripts.

Regularization, clipping, divergence, degradation, best weights, BatchNorm batches and the
run's budget are tested here through the path the product uses.
"""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.engine import (
    LIVE_SETTINGS,
    ConfigError,
    DegradedError,
    DivergenceError,
    Trainer,
)
from nnstudio.engine.watch import WEIGHT_LIMIT, max_abs
from nnstudio.graph import default_params, train_config
from nnstudio.io import make_template
from nnstudio.session import Session


def _project(name: str = "xor", *, n_points: int = 100, **training):
    project = make_template(name)
    project.data.n_points = n_points
    if "optimizer" in training and "optimizer_params" not in training:
        training["optimizer_params"] = default_params("optimizer", training["optimizer"])
    project.training = train_config({**project.training.to_dict(), **training})
    return project


def _weights_equal(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


# ---------------------------------------------------------------------- the budget
def test_run_yields_rows_and_follows_the_projects_epochs():
    session = Session.from_project(_project(epochs=4))
    rows = session.run()
    assert session.trainer.epochs_left() == 4  # fixed when run() is called
    assert [row["epoch"] for row in rows] == [1, 2, 3, 4]
    assert session.history[-1]["epoch"] == 4 and session.epochs_done == 4
    # a reached target gives another full budget; an explicit count wins
    assert [r["epoch"] for r in session.run()] == [5, 6, 7, 8]
    assert [r["epoch"] for r in session.run(2)] == [9, 10]


def test_a_continued_project_runs_the_epochs_left_to_its_target():
    first = Session.from_project(_project(epochs=5))
    list(first.run(3))
    again = Session.from_project(first.store())
    assert [r["epoch"] for r in again.run()] == [4, 5]


def test_lowering_epochs_live_ends_the_run_after_the_current_epoch():
    session = Session.from_project(_project(epochs=50))
    seen = []
    for row in session.run():
        seen.append(row["epoch"])
        if row["epoch"] == 3:
            session.trainer.update(epochs=2)  # below the current epoch
    assert seen == [1, 2, 3]
    session = Session.from_project(_project(epochs=50))
    seen = [r["epoch"] for r in _raise_at(session, 2, epochs=6)]
    assert seen == [1, 2, 3, 4, 5, 6]


def _raise_at(session, epoch, **changes):
    for row in session.run():
        if row["epoch"] == epoch:
            session.trainer.update(**changes)
        yield row


def test_a_stop_inside_an_epoch_ends_the_run_without_a_row():
    session = Session.from_project(_project(epochs=5, batch_size=1))  # 50 steps an epoch
    rows = list(session.run(interrupt=lambda: session.trainer.step >= 40))
    # asked every 32 steps: epoch 1 ends at step 50, epoch 2 stops at step 64, no row
    assert [r["epoch"] for r in rows] == [1] and len(session.history) == 1
    assert session.trainer.step == 64 and session.epochs_done == 1


def test_live_settings_are_declared_once_and_enforced():
    session = Session.from_project(_project())
    assert set(LIVE_SETTINGS) == {
        "learning_rate",
        "epochs",
        "optimizer_params",
        "l1",
        "l2",
        "clip_norm",
    }
    assert not hasattr(Trainer, "LIVE_FIELDS")
    with pytest.raises(ConfigError, match="cannot change during training"):
        session.trainer.update(batch_size=3)
    session.trainer.update(learning_rate=0.5, l2=0.1)
    assert session.trainer.learning_rate == 0.5 and session.trainer.config.l2 == 0.1


# ---------------------------------------------------------------- regularization
def _one_full_batch_sgd_epoch(**training):
    """Weights before, after one full-batch SGD epoch through Session.run, and the data
    gradient at the start (the one step sees exactly these weights)."""
    project = _project(
        optimizer="sgd", learning_rate=0.1, batch_size=None, epochs=1, dtype="float64", **training
    )
    session = Session.from_project(project)
    net, ds = session.network, session.dataset
    before = net.get_weights()
    _, grads, _ = net.loss_and_gradients(ds.x_train, ds.y_train, project.training.loss)
    list(session.run())
    return before, net.get_weights(), grads


def test_l1_l2_through_the_products_loop_apply_to_weights_not_biases():
    before, after, grads = _one_full_batch_sgd_epoch(l1=0.01, l2=0.02)
    for k, g in grads.items():
        if k.endswith(".weight"):
            g = g + 2 * 0.02 * before[k] + 0.01 * np.sign(before[k])
        np.testing.assert_allclose(after[k], before[k] - 0.1 * g, rtol=1e-10, err_msg=k)


def test_clipping_through_the_products_loop_scales_the_global_norm():
    _, _, grads0 = _one_full_batch_sgd_epoch()
    norm = float(np.sqrt(sum(float((g**2).sum()) for g in grads0.values())))
    before, after, grads = _one_full_batch_sgd_epoch(clip_norm=norm / 4)
    coef = (norm / 4) / (norm + 1e-6)
    for k, g in grads.items():
        np.testing.assert_allclose(after[k], before[k] - 0.1 * coef * g, rtol=1e-10, err_msg=k)


def test_train_batch_and_train_epoch_share_one_step():
    project = _project(
        optimizer="adam", batch_size=None, l1=0.003, l2=0.01, clip_norm=0.05, dtype="float64"
    )
    a, b = Session.from_project(project), Session.from_project(project)
    a.trainer.train_epoch()
    perm = np.random.default_rng(project.training.seed).permutation(len(b.dataset.y_train))
    b.trainer.train_batch(b.dataset.x_train[perm], b.dataset.y_train[perm])
    assert _weights_equal(a.network.get_weights(), b.network.get_weights())


# ------------------------------------------------------------- divergence / best
def test_divergence_keeps_the_best_weights_and_cuts_the_history():
    project = _project("regression", optimizer="sgd", learning_rate=0.05, epochs=5)
    session = Session.from_project(project)
    list(session.run())
    best, best_epoch = session.best_weights, session.best_epoch
    assert best is not None and 1 <= best_epoch <= 5
    session.trainer.update(learning_rate=1e6, epochs=50)
    with pytest.raises(DivergenceError, match="Lower the learning rate") as info:
        list(session.run())
    assert info.value.kept_epoch == session.best_epoch
    assert f"Kept the weights of epoch {session.best_epoch}" in str(info.value)
    assert _weights_equal(session.network.get_weights(), session.best_weights)
    assert session.history[-1]["epoch"] == session.best_epoch == session.epochs_done


def test_restore_best_after_a_normal_run():
    session = Session.from_project(_project("spiral", epochs=30))
    list(session.run())
    best = session.best_weights
    assert session.best_epoch is not None
    assert not _weights_equal(best, session.network.get_weights()) or session.best_epoch == 30
    epoch = session.restore_best()
    assert epoch == session.best_epoch
    assert _weights_equal(session.network.get_weights(), best)
    assert session.history[-1]["epoch"] == epoch
    row = next(session.run(1))
    assert row["epoch"] == epoch + 1  # numbering continues from the restored epoch


@pytest.mark.parametrize(
    ("optimizer", "lr"),
    [("adam", 1e3), ("adagrad", 1e3), ("rmsprop", 1e3), ("adam", 1e6), ("rmsprop", 1e6)],
)
def test_very_high_learning_rates_stop_as_degraded_with_the_best_weights(optimizer, lr):
    project = _project("spiral", n_points=200, optimizer=optimizer, learning_rate=lr, epochs=60)
    session = Session.from_project(project)
    start = session.network.get_weights()
    with pytest.raises(DegradedError, match="Training degraded at epoch") as info:
        list(session.run())
    message = str(info.value)
    assert "Lower the learning rate" in message and "Kept the weights" in message
    kept = session.network.get_weights()
    assert _weights_equal(kept, session.best_weights)
    assert max(max_abs(w) for w in kept.values()) < WEIGHT_LIMIT
    if session.best_epoch == 0:  # nothing beat the untrained network: it is kept as it was
        assert _weights_equal(kept, start) and session.history == []


def test_sgd_on_the_spiral_at_a_high_rate_does_not_finish_quietly():
    project = _project("spiral", n_points=200, optimizer="sgd", learning_rate=30.0, epochs=100)
    session = Session.from_project(project)
    with pytest.raises(DegradedError, match="training loss rose to"):
        list(session.run())
    assert session.history == [] or session.history[-1]["epoch"] == session.best_epoch


def test_a_good_run_is_not_stopped():
    project = _project("spiral", n_points=500, optimizer="adam", learning_rate=0.01, epochs=80)
    session = Session.from_project(project)
    rows = list(session.run())
    assert len(rows) == 80 and rows[-1]["test_accuracy"] > 0.9


# ---------------------------------------------------------------------- BatchNorm
def _with_batchnorm(project):
    spec = project.network
    first = next(n for n in spec.nodes.values() if n.kind == "dense")
    edge = next(e for e in spec.edges if e.src == first.id)
    bn = spec.add_node("batchnorm")
    spec.remove_edge(edge)
    spec.add_edge(first.id, bn.id)
    spec.add_edge(bn.id, edge.dst, edge.slot)
    return project


def test_batchnorm_drops_a_last_batch_of_one_with_a_note():
    project = _with_batchnorm(_project(n_points=42, batch_size=10, epochs=2))  # 21 train
    session = Session.from_project(project)
    assert len(session.dataset.y_train) == 21
    assert len(session.trainer.notes) == 1 and "batch of one" in session.trainer.notes[0]
    rows = list(session.run())
    assert rows[-1]["step"] == 4  # two batches of 10 per epoch, the 21st sample left out
    assert all(np.isfinite(w).all() for w in session.network.get_weights().values())


@pytest.mark.parametrize(("n_points", "batch_size", "words"), [(100, 1, "batch size is 1")])
def test_batchnorm_refuses_batches_of_one(n_points, batch_size, words):
    project = _with_batchnorm(_project(n_points=n_points, batch_size=batch_size))
    with pytest.raises(ConfigError, match=words):
        Session.from_project(project)


def test_a_run_that_learns_then_collapses_keeps_the_weights_of_its_best_epoch():
    """SGD at lr 3 on moons reaches 0.9 test accuracy, blows up at epoch 10 and then sits
    at chance: it must stop with the best epoch's weights, not finish at 0.5."""
    project = _project("moons", n_points=500, optimizer="sgd", learning_rate=3.0, epochs=100)
    session = Session.from_project(project)
    with pytest.raises(DegradedError, match="more than a third of the way back") as info:
        list(session.run())
    assert info.value.kept_epoch == session.best_epoch and session.best_epoch >= 5
    assert session.history[-1]["epoch"] == session.best_epoch
    assert session.trainer.evaluate().test_accuracy > 0.85
