"""Confusion matrices equal the counts from ``nnstudio predict``; regression residuals."""

from __future__ import annotations

import csv
import io

import numpy as np

from nnstudio.cli import main
from nnstudio.insight.results import confusion_matrix, precision_recall, session_results
from nnstudio.io import load_project, make_template, save_project
from nnstudio.session import Session


def test_confusion_matrix_equals_predict_counts(tmp_path, capsys) -> None:
    project = make_template("iris")
    project.training.epochs = 5  # not perfect yet: off-diagonal counts exist
    path = tmp_path / "iris.nnstudio"
    save_project(project, path)
    assert main(["train", str(path), "-q"], out=io.StringIO()) == 0
    session = Session.from_project(load_project(path))
    results = session_results(session)
    ds = session.dataset
    for split, raw, y in (("train", ds.raw_train, ds.y_train), ("test", ds.raw_test, ds.y_test)):
        inputs = tmp_path / f"{split}.npy"
        np.save(inputs, raw)
        preds = tmp_path / f"{split}.csv"
        assert (
            main(["predict", str(path), "-i", str(inputs), "-o", str(preds)], out=io.StringIO())
            == 0
        )
        with open(preds, newline="") as fh:
            classes = [int(row["class"]) for row in csv.DictReader(fh)]
        k = ds.n_classes
        expected = np.zeros((k, k), dtype=np.int64)
        for t, p in zip(y, classes, strict=True):
            expected[int(t), p] += 1
        np.testing.assert_array_equal(results[split]["matrix"], expected)
        assert results[split]["matrix"].sum() == len(y)
    assert results["train"]["classes"] == ds.class_names
    capsys.readouterr()


def test_precision_recall_by_hand() -> None:
    m = confusion_matrix(np.array([0, 0, 0, 1, 1, 2]), np.array([0, 0, 1, 1, 0, 1]), 3)
    np.testing.assert_array_equal(m, [[2, 1, 0], [1, 1, 0], [0, 1, 0]])
    precision, recall = precision_recall(m)
    assert precision == [2 / 3, 1 / 3, None]  # nothing predicted as class 2
    assert recall == [2 / 3, 1 / 2, 0.0]


def test_regression_scatter_and_residuals() -> None:
    session = Session.from_project(make_template("regression"))
    for _ in session.run(5):
        pass
    results = session_results(session)
    train = results["train"]
    pred = session.network.predict(session.dataset.x_train)[:, 0]
    np.testing.assert_allclose(train["predicted"], pred[: len(train["predicted"])])
    np.testing.assert_allclose(train["actual"], session.dataset.y_train[: len(train["actual"])])
    assert train["residual_hist"].sum() == len(session.dataset.y_train)
    assert len(train["residual_edges"]) == len(train["residual_hist"]) + 1
    rmse = session.trainer.evaluate().train_rmse
    assert abs(train["rmse"] - rmse) < 1e-5


def test_results_of_the_first_rows_say_so() -> None:
    session = Session.from_project(make_template("iris"))
    full = session_results(session)
    part = session_results(session, max_rows=10)
    assert part["train"]["matrix"].sum() == 10 and part["train"]["rows"] == 10
    assert part["train"]["total"] == full["train"]["rows"] == len(session.dataset.y_train)
