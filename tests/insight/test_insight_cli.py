"""``nnstudio diagnose``, findings after ``train``, ``train --restore-best`` and the run
records ``train`` keeps in the project."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np

from nnstudio.cli import main
from nnstudio.engine import TrainConfig
from nnstudio.graph import NetworkSpec, fill_training
from nnstudio.io import load_project, make_template, save_project
from nnstudio.session import Session


def run(argv, capsys):
    out = io.StringIO()
    code = main(argv, out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def _overfitting_project(tmp_path: Path) -> Path:
    project = make_template("circle")
    project.data.train_ratio = 0.1
    project.data.noise = 0.3
    project.network = NetworkSpec.sequential(2, [256, 256], "relu", 1, "sigmoid")
    project.training.epochs = 300
    path = tmp_path / "over.nnstudio"
    save_project(project, path)
    return path


def test_train_prints_findings_and_diagnose_repeats_them(tmp_path, capsys) -> None:
    path = _overfitting_project(tmp_path)
    code, out, _err = run(["train", str(path)], capsys)
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert any(line.startswith("[overfitting] the test loss rose") for line in lines)
    code, out2, _ = run(["diagnose", str(path)], capsys)
    assert code == 0
    assert out2.splitlines() == lines  # one per line, code first; the same findings
    project = load_project(path)
    (record,) = project.runs
    assert record["findings"] == lines
    assert record["stopped"] == "finished"
    assert len(record["curves"]["train_loss"]) == 300
    assert record["curves"]["epoch"] == list(range(1, 301))


def test_diagnose_healthy_project_prints_nothing(tmp_path, capsys) -> None:
    project = make_template("xor")
    path = tmp_path / "xor.nnstudio"
    save_project(project, path)
    assert run(["train", str(path), "-q"], capsys)[0] == 0
    code, out, err = run(["diagnose", str(path)], capsys)
    assert (code, out) == (0, "")
    assert "no findings" in err


def test_diagnose_untrained_project_sees_the_setup(tmp_path, capsys) -> None:
    project = make_template("regression")
    project.network.set_param(project.network.sinks()[0], "activation", "sigmoid")
    path = tmp_path / "reg.nnstudio"
    save_project(project, path)
    code, out, _ = run(["diagnose", str(path)], capsys)
    assert code == 0
    assert out.startswith("[output-mismatch] ")


def test_diverging_run_prints_findings_and_records_failure(tmp_path, capsys) -> None:
    project = make_template("circle")
    d = project.training.to_dict()
    d.update(optimizer="sgd", optimizer_params={}, learning_rate=10.0)
    project.training = TrainConfig.from_dict(fill_training(d))
    path = tmp_path / "lr.nnstudio"
    save_project(project, path)
    code, out, err = run(["train", str(path), "--epochs", "50"], capsys)
    assert code == 1
    assert err.startswith("error: Training ") and err.count("\n") == 1
    assert "[lr-too-high] the run stopped: Training " in out
    record = load_project(path).runs[-1]
    assert record["stopped"].startswith("failed: ")
    # the record keeps the epochs after the best that the history lost
    assert len(record["curves"]["train_loss"]) > len(load_project(path).history)
    code, out, _ = run(["diagnose", str(path)], capsys)
    assert code == 0 and out.startswith("[lr-too-high]")


def test_restore_best_saves_the_best_epoch(tmp_path, capsys) -> None:
    path = _overfitting_project(tmp_path)
    code, out, _ = run(["train", str(path), "--restore-best"], capsys)
    assert code == 0
    trained = load_project(path)
    best = trained.runs[-1]["best"]
    assert "restored the best weights, of epoch" in out
    assert trained.history[-1]["epoch"] == best["epoch"] < 300
    # the saved weights are those of the best epoch: their test loss is the best one
    session = Session.from_project(trained)
    assert abs(session.trainer.evaluate().test_loss - best["test_loss"]) < 1e-6


def test_runs_round_trip_and_old_files_load(tmp_path, capsys) -> None:
    path = tmp_path / "xor.nnstudio"
    project = make_template("xor")
    project.training.epochs = 5
    save_project(project, path)
    for _ in range(2):
        assert run(["train", str(path), "-q"], capsys)[0] == 0
    loaded = load_project(path)
    assert [r["id"] for r in loaded.runs] == [1, 2]
    assert loaded.runs[1]["curves"]["epoch"] == [6, 7, 8, 9, 10]
    save_project(loaded, tmp_path / "again.nnstudio")
    assert load_project(tmp_path / "again.nnstudio").runs == loaded.runs
    # a file without runs.json (today's files) loads with no runs
    old = tmp_path / "old.nnstudio"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(old, "w") as dst:
        for name in src.namelist():
            if name != "runs.json":
                dst.writestr(name, src.read(name))
    assert load_project(old).runs == []
    np.testing.assert_array_equal(
        load_project(old).weights["dense_1.weight"], loaded.weights["dense_1.weight"]
    )


def test_train_keeps_snapshots_for_the_replay(tmp_path, capsys) -> None:
    from nnstudio.insight.records import network_key

    path = tmp_path / "c.nnstudio"
    project = make_template("circle")
    save_project(project, path)
    assert run(["train", str(path), "--epochs", "30", "-q"], capsys)[0] == 0
    trained = load_project(path)
    epochs = sorted({int(n.split(".")[0]) for n in trained.snapshots})
    assert epochs == list(range(0, 31))
    assert trained.metadata["replay"] == {"network": network_key(trained.network)}
    # the last snapshot is exactly the saved weights
    session = Session.from_project(trained)
    np.testing.assert_array_equal(trained.snapshots["30.params"], session.network.flat_params)
    # a budget too small for two snapshots keeps none
    assert run(["train", str(path), "--epochs", "3", "-q", "--snapshot-mb", "0"], capsys)[0] == 0
    assert load_project(path).snapshots is None
