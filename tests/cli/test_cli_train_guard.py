"""`nnstudio train` never quietly overwrites a good model with a ruined one (issue 14)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from nnstudio.cli import main
from nnstudio.io import load_project, make_template, save_project
from nnstudio.session import Predictor


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def _test_accuracy(path: Path) -> float:
    project = load_project(path)
    predictor = Predictor(project)
    from nnstudio.data import make_dataset

    data = make_dataset(project.data_settings())
    probs = predictor.probabilities(predictor.predict_raw(data.raw_test))
    return float(np.mean(probs.argmax(axis=1) == data.y_test))


def _trained_spiral(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "spiral.nnstudio"
    save_project(make_template("spiral"), path)
    code, _, err = run(["train", str(path), "--epochs", "120", "-q"], capsys)
    assert code == 0, err
    assert _test_accuracy(path) > 0.9
    return path


def test_a_ruinous_continuation_keeps_the_good_model_and_says_so(tmp_path: Path, capsys):
    path = _trained_spiral(tmp_path, capsys)
    good = load_project(path)
    code, _, err = run(["train", str(path), "--epochs", "50", "--lr", "1000"], capsys)
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1  # one error line says it all (diagnosis lines may precede it)
    error = errors[0]
    assert error.startswith("error: Training degraded at epoch 125: ")
    assert "Kept the weights the run started from" in error
    assert f"Saved those weights to {path}" in error and "Lower the learning rate" in error
    saved = load_project(path)
    assert all(np.array_equal(saved.weights[k], good.weights[k]) for k in good.weights)
    assert [r["epoch"] for r in saved.history] == [r["epoch"] for r in good.history]
    assert _test_accuracy(path) > 0.9


def test_sgd_at_a_high_rate_on_the_spiral_does_not_exit_0(tmp_path: Path, capsys):
    path = tmp_path / "spiral.nnstudio"
    project = make_template("spiral")
    save_project(project, path)
    out_file = tmp_path / "out.nnstudio"
    argv = ["train", str(path), "--epochs", "200", "--lr", "30", "-o", str(out_file), "-q"]
    # adam's settings stay: switch the optimizer through the project file
    project.training.optimizer = "sgd"
    project.training.optimizer_params = {
        "momentum": 0.0,
        "dampening": 0.0,
        "weight_decay": 0.0,
        "nesterov": False,
    }
    save_project(project, path)
    code, _, err = run(argv, capsys)
    assert code == 1 and "error: Training degraded" in err
    saved = load_project(out_file)
    assert all(np.all(np.abs(w) < 1e6) for w in saved.weights.values())


def test_a_note_for_batchnorm_goes_to_stderr(tmp_path: Path, capsys):
    project = make_template("xor")
    project.data.n_points = 42  # 21 training points: batches of 10, 10 and 1
    spec = project.network
    first = next(n for n in spec.nodes.values() if n.kind == "dense")
    edge = next(e for e in spec.edges if e.src == first.id)
    bn = spec.add_node("batchnorm")
    spec.remove_edge(edge)
    spec.add_edge(first.id, bn.id)
    spec.add_edge(bn.id, edge.dst, edge.slot)
    path = tmp_path / "bn.nnstudio"
    save_project(project, path)
    code, _, err = run(["train", str(path), "--epochs", "2", "-q"], capsys)
    assert code == 0
    assert err.startswith("note: The 21 training samples leave a last batch of one")
