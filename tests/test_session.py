"""Session: a project turned into dataset + compiled network + trainer."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.graph import GraphError, InvalidGraphError
from nnstudio.io import WeightsImportError, make_template
from nnstudio.session import Predictor, Session, SessionError, to_probabilities


def small(name: str = "xor"):
    project = make_template(name)
    project.data.n_points = 100
    project.training.epochs = 3
    return project


def test_from_project_builds_everything() -> None:
    project = small()
    session = Session.from_project(project)
    assert session.dataset.x_train.shape == (50, 2)
    assert session.network.input_width == 2 and session.network.output_width == 1
    assert session.network.dtype == np.float32
    assert session.task == "binary"
    report = session.train_epoch()
    assert report.epoch == 1 and session.history[-1]["epoch"] == 1
    assert np.isfinite(report.train_loss)


def test_dtype_override_and_same_seed_same_weights() -> None:
    a = Session.from_project(small(), dtype="float64")
    b = Session.from_project(small(), dtype="float64")
    assert a.network.dtype == np.float64
    for _ in range(2):
        a.train_epoch()
        b.train_epoch()
    wa, wb = a.network.get_weights(), b.network.get_weights()
    assert all(np.array_equal(wa[k], wb[k]) for k in wa)


def test_store_copies_weights_preprocessor_history_and_continues() -> None:
    project = small()
    session = Session.from_project(project)
    session.train_epoch()
    session.train_epoch()
    stored = session.store()
    assert project.weights is None and project.history == []  # original untouched
    assert len(stored.history) == 2
    assert stored.preprocessor == session.dataset.preprocessor.to_dict()
    weights = session.network.get_weights()
    assert all(np.array_equal(stored.weights[k], weights[k]) for k in weights)
    again = Session.from_project(stored)
    x = session.dataset.x_test
    np.testing.assert_array_equal(again.network.predict(x), session.network.predict(x))
    again.train_epoch()
    assert [row["epoch"] for row in again.history] == [1, 2, 3]


def test_graph_problems_are_listed_together() -> None:
    project = small()
    project.network.set_param("input_1", "units", 3)  # dataset has 2 features
    project.network.set_param("dense_3", "units", 2)  # BCE needs 1 output
    with pytest.raises(InvalidGraphError) as info:
        Session.from_project(project)
    assert len(info.value.errors) >= 2
    assert "input_1" in info.value.node_ids and "dense_3" in info.value.node_ids


def test_single_graph_problem_is_that_error() -> None:
    project = small()
    project.network.set_param("input_1", "units", 3)
    with pytest.raises(GraphError, match="input_1|feature"):
        Session.from_project(project)


def test_init_weights_dict_and_mismatch() -> None:
    source = Session.from_project(small())
    source.train_epoch()
    weights = source.network.get_weights()
    session = Session.from_project(small(), init_weights=weights)
    got = session.network.get_weights()
    assert all(np.array_equal(got[k], weights[k]) for k in weights)
    assert session.history == []
    del weights["dense_1.bias"]
    with pytest.raises(WeightsImportError, match="dense_1.bias"):
        Session.from_project(small(), init_weights=weights)


def test_predict_raw_applies_preprocessor() -> None:
    project = small("spiral")  # engineered features: 2 raw columns -> 7 inputs
    session = Session.from_project(project)
    raw = session.dataset.raw_test[:5]
    np.testing.assert_allclose(
        session.predict_raw(raw), session.network.predict(session.dataset.x_test[:5]), rtol=1e-6
    )


def test_grid_covers_bounds_row_major() -> None:
    session = Session.from_project(small())
    xs, ys, values = session.grid(resolution=7)
    xmin, xmax, ymin, ymax = session.dataset.bounds
    assert xs.shape == (7,) and ys.shape == (7,) and values.shape == (7, 7, 1)
    assert xs[0] == pytest.approx(xmin) and xs[-1] == pytest.approx(xmax)
    assert ys[0] == pytest.approx(ymin) and ys[-1] == pytest.approx(ymax)
    point = np.array([[xs[2], ys[5]]])
    np.testing.assert_allclose(values[5, 2], session.predict_raw(point)[0], rtol=1e-5)
    with pytest.raises(SessionError):
        session.grid(resolution=1)


def test_predictor_matches_session_and_needs_weights() -> None:
    session = Session.from_project(small("multiclass"))
    session.train_epoch()
    stored = session.store()
    predictor = Predictor(stored)
    raw = session.dataset.raw_test[:6]
    np.testing.assert_allclose(predictor.predict_raw(raw), session.predict_raw(raw), rtol=1e-6)
    probs = predictor.probabilities(predictor.predict_raw(raw))
    assert probs.shape == (6, stored.data.n_classes)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    with pytest.raises(SessionError, match="not trained"):
        Predictor(small())


def test_to_probabilities_applies_missing_output_functions() -> None:
    logits = np.array([[0.0], [2.0]])
    np.testing.assert_allclose(
        to_probabilities(logits, "binary", "linear")[:, 1], 1 / (1 + np.exp(-logits[:, 0]))
    )
    np.testing.assert_allclose(
        to_probabilities(np.array([[0.3]]), "binary", "sigmoid"), [[0.7, 0.3]]
    )
    p = to_probabilities(np.array([[1.0, 2.0, 3.0]]), "multiclass", "linear")
    np.testing.assert_allclose(p[0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    with pytest.raises(SessionError):
        to_probabilities(logits, "regression", "linear")
