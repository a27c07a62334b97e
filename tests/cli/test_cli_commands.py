"""Every CLI command through ``nnstudio.cli.main``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

import nnstudio
from nnstudio.cli import main
from nnstudio.io import load_project, make_template, save_project


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


@pytest.fixture
def xor_file(tmp_path: Path) -> Path:
    project = make_template("xor")
    project.data.n_points = 100
    project.training.epochs = 5
    path = tmp_path / "xor.nnstudio"
    save_project(project, path)
    return path


def test_version(capsys) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.strip() == f"nnstudio {nnstudio.__version__}"


def test_usage_errors_exit_2(capsys) -> None:
    code, _, err = run(["train"], capsys)
    assert code == 2 and "required: project" in err and "--help" in err
    assert err.startswith("error: ") and err.count("\n") == 1  # one line, no usage block
    code, _, err = run(["train", "x.nnstudio", "--epochs", "-3"], capsys)
    assert code == 2 and err == "error: argument --epochs: expected at least 1, not -3 " + (
        "(see 'nnstudio train --help')\n"
    )
    code, _, err = run(["new", "--template", "nope"], capsys)
    assert code == 2 and "invalid choice" in err
    code, _, err = run(["train", "x.nnstudio", "--batch-size", "zero"], capsys)
    assert code == 2 and "batch size" in err


def test_new_writes_template_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "c.nnstudio"
    code, out, _ = run(["new", "--template", "circle", "-o", str(path)], capsys)
    assert code == 0 and "circle" in out
    loaded = load_project(path)
    assert loaded.network.to_dict() == make_template("circle").network.to_dict()
    assert loaded.data.name == "circle"
    code, _, err = run(["new", "-o", str(path)], capsys)
    assert code == 1 and err.startswith("error: ") and "--force" in err
    code, _, _ = run(["new", "-o", str(path), "--force"], capsys)
    assert code == 0
    assert load_project(path).data.name == "spiral"  # the default template


def test_new_default_name(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(["new", "--template", "moons"], capsys)
    assert code == 0 and load_project(tmp_path / "moons.nnstudio").name == "moons"


def test_info_lists_layers_shapes_and_counts(xor_file: Path, capsys) -> None:
    code, out, _ = run(["info", str(xor_file)], capsys)
    assert code == 0
    assert "input_1" in out and "dense_3" in out
    assert "(8,)" in out and "(1,)" in out
    # 2*8+8 + 8*8+8 + 8*1+1
    assert "total parameters: 105" in out
    assert "loss bce" in out and "untrained" in out


def test_validate_ok_and_errors(xor_file: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(["validate", str(xor_file)], capsys)
    assert code == 0 and "valid" in out
    project = load_project(xor_file)
    project.network.add_node("dense", node_id="dense_9")  # dangling, and a second sink
    project.network.set_param("input_1", "units", 5)  # does not match the 2 features
    bad = tmp_path / "bad.nnstudio"
    save_project(project, bad)
    code, _, err = run(["validate", str(bad)], capsys)
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert code == 1
    assert len(lines) >= 2
    assert any("dense_9" in line for line in lines)
    assert "Traceback" not in err


def test_validate_notes_softmax_before_cce_without_failing(tmp_path: Path, capsys) -> None:
    """The softmax + cross-entropy warning of the analysis reaches the CLI as a note."""
    path = tmp_path / "multi.nnstudio"
    save_project(make_template("multiclass"), path)  # softmax output, cce
    code, out, err = run(["validate", str(path)], capsys)
    assert code == 0 and out.strip().endswith(": valid")
    [note] = [line for line in err.splitlines() if line.startswith("note: ")]
    assert "softmax" in note and "cross-entropy" in note and "error" not in err
    save_project(make_template("spiral"), path)  # sigmoid + bce: nothing to note
    code, _, err = run(["validate", str(path)], capsys)
    assert code == 0 and "note: " not in err


def test_missing_and_corrupt_files_print_one_error(tmp_path: Path, capsys) -> None:
    for command in (["info"], ["validate"], ["train"], ["export", "--format", "npz", "-o", "x"]):
        code, _, err = run([*command[:1], str(tmp_path / "missing.nnstudio"), *command[1:]], capsys)
        assert code == 1, command
        assert err.startswith("error: ") and "not found" in err and "Traceback" not in err
    junk = tmp_path / "junk.nnstudio"
    junk.write_bytes(b"\x00\x01junk")
    code, _, err = run(["info", str(junk)], capsys)
    assert code == 1 and "not a zip" in err and err.count("\n") == 1


def test_train_log_and_history(xor_file: Path, tmp_path: Path, capsys) -> None:
    out_file = tmp_path / "trained.nnstudio"
    log = tmp_path / "h.csv"
    code, out, err = run(
        ["train", str(xor_file), "--epochs", "4", "-o", str(out_file), "--log", str(log)], capsys
    )
    assert code == 0, err
    assert "epoch 4" in out and "epochs/s" in out
    trained = load_project(out_file)
    assert trained.weights is not None and len(trained.history) == 4
    assert trained.preprocessor is not None
    assert load_project(xor_file).weights is None  # input untouched with -o
    with open(log, newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4"]
    assert all(0.0 <= float(r[3]) <= 1.0 for r in rows[1:])
    assert float(rows[-1][1]) == pytest.approx(trained.history[-1]["train_loss"])


def test_train_regression_log_has_empty_accuracy(tmp_path: Path, capsys) -> None:
    project = make_template("regression")
    project.data.n_points = 60
    path = tmp_path / "r.nnstudio"
    save_project(project, path)
    log = tmp_path / "r.csv"
    code, _, err = run(
        ["train", str(path), "--epochs", "2", "--batch-size", "full", "--log", str(log)], capsys
    )
    assert code == 0, err
    with open(log, newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2
    assert rows[0]["train_accuracy"] == "" and rows[0]["test_accuracy"] == ""
    assert float(rows[1]["test_rmse"]) > 0
    assert load_project(path).training.batch_size is None  # saved in place, full batch


def test_train_twice_same_seed_identical_weights(xor_file: Path, tmp_path: Path, capsys) -> None:
    a, b, c = tmp_path / "a.nnstudio", tmp_path / "b.nnstudio", tmp_path / "c.nnstudio"
    for target, seed in ((a, "3"), (b, "3"), (c, "4")):
        code, _, err = run(
            ["train", str(xor_file), "--epochs", "3", "--seed", seed, "-o", str(target), "-q"],
            capsys,
        )
        assert code == 0, err
    wa, wb, wc = (load_project(p).weights for p in (a, b, c))
    assert all(np.array_equal(wa[k], wb[k]) for k in wa)
    assert not all(np.array_equal(wa[k], wc[k]) for k in wa)


def test_train_continues_and_fresh_restarts(xor_file: Path, capsys) -> None:
    assert run(["train", str(xor_file), "--epochs", "2", "-q"], capsys)[0] == 0
    assert run(["train", str(xor_file), "--epochs", "3", "-q"], capsys)[0] == 0
    history = load_project(xor_file).history
    assert [row["epoch"] for row in history] == [1, 2, 3, 4, 5]
    assert run(["train", str(xor_file), "--epochs", "1", "--fresh", "-q"], capsys)[0] == 0
    assert [row["epoch"] for row in load_project(xor_file).history] == [1]


def test_train_ctrl_c_still_saves(xor_file: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from nnstudio.engine import Trainer

    original = Trainer.train_epoch
    calls = {"n": 0}

    def interrupt_on_third(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Trainer, "train_epoch", interrupt_on_third)
    out_file = tmp_path / "t.nnstudio"
    code, out, _ = run(["train", str(xor_file), "--epochs", "50", "-o", str(out_file)], capsys)
    assert code == 0
    assert "interrupted after 2 epochs" in out
    assert len(load_project(out_file).history) == 2


def test_train_init_weights(xor_file: Path, tmp_path: Path, capsys) -> None:
    trained = tmp_path / "t.nnstudio"
    assert run(["train", str(xor_file), "--epochs", "2", "-o", str(trained), "-q"], capsys)[0] == 0
    weights = load_project(trained).weights
    npz = tmp_path / "w.npz"
    np.savez(npz, **weights)
    out_file = tmp_path / "o.nnstudio"
    code, _, err = run(
        [
            "train",
            str(xor_file),
            "--epochs",
            "1",
            "--init-weights",
            str(npz),
            "-o",
            str(out_file),
            "-q",
            "--learning-rate",
            "1e-12",
        ],
        capsys,
    )
    assert code == 0, err
    got = load_project(out_file).weights
    for key in weights:
        np.testing.assert_allclose(got[key], weights[key], atol=1e-6)
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, **{"dense_1.weight": np.zeros((3, 3))})
    code, _, err = run(["train", str(xor_file), "--init-weights", str(wrong)], capsys)
    assert code == 1 and "dense_1.weight" in err and "missing" in err


def test_predict_csv_and_npy(xor_file: Path, tmp_path: Path, capsys) -> None:
    trained = tmp_path / "t.nnstudio"
    assert run(["train", str(xor_file), "--epochs", "3", "-o", str(trained), "-q"], capsys)[0] == 0
    x = np.array([[1.0, 1.0], [-2.0, 3.0], [0.5, -4.0]])
    (tmp_path / "x.csv").write_text("x1,x2\n" + "\n".join(f"{a},{b}" for a, b in x) + "\n")
    np.save(tmp_path / "x.npy", x)
    from nnstudio.session import Predictor

    predictor = Predictor(load_project(trained))
    p1 = predictor.predict_raw(x)[:, 0]
    for name in ("x.csv", "x.npy"):
        y = tmp_path / f"{name}.out.csv"
        code, _, err = run(
            ["predict", str(trained), "--input", str(tmp_path / name), "-o", str(y)], capsys
        )
        assert code == 0, err
        with open(y, newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0]) == ["p0", "p1", "class", "label"]
        got = np.array([float(r["p1"]) for r in rows])
        np.testing.assert_allclose(got, p1, rtol=1e-6)
        np.testing.assert_allclose([float(r["p0"]) + float(r["p1"]) for r in rows], 1.0)
        assert [int(r["class"]) for r in rows] == [int(v > 0.5) for v in p1]
        assert [r["label"] for r in rows] == [r["class"] for r in rows]  # unnamed classes


def test_predict_errors(xor_file: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(["predict", str(xor_file), "--input", "x.csv", "-o", "y.csv"], capsys)
    assert code == 1 and "not trained" in err
    trained = tmp_path / "t.nnstudio"
    run(["train", str(xor_file), "--epochs", "1", "-o", str(trained), "-q"], capsys)
    (tmp_path / "three.csv").write_text("1,2,3\n4,5,6\n")
    code, _, err = run(
        ["predict", str(trained), "--input", str(tmp_path / "three.csv"), "-o", "y.csv"], capsys
    )
    assert code == 1 and "columns" in err
    (tmp_path / "text.csv").write_text("a,b\n1,x\n")
    code, _, err = run(
        ["predict", str(trained), "--input", str(tmp_path / "text.csv"), "-o", "y.csv"], capsys
    )
    assert code == 1 and "not a number" in err


def test_predict_multiclass_probabilities(tmp_path: Path, capsys) -> None:
    project = make_template("multiclass")
    project.data.n_points = 80
    path = tmp_path / "m.nnstudio"
    save_project(project, path)
    assert run(["train", str(path), "--epochs", "2", "-q"], capsys)[0] == 0
    np.save(tmp_path / "x.npy", np.array([[0.0, 0.0], [1.0, 2.0]]))
    y = tmp_path / "y.csv"
    code, _, err = run(["predict", str(path), "-i", str(tmp_path / "x.npy"), "-o", str(y)], capsys)
    assert code == 0, err
    rows = list(csv.reader(open(y, newline="")))
    n_classes = project.data.n_classes
    assert rows[0] == [f"p{i}" for i in range(n_classes)] + ["class", "label"]
    probs = np.array([[float(v) for v in r[:-2]] for r in rows[1:]])
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    assert [int(r[-2]) for r in rows[1:]] == list(probs.argmax(axis=1))


def test_import_weights_command(xor_file: Path, tmp_path: Path, capsys) -> None:
    from safetensors.numpy import save_file

    from nnstudio.graph import compile_spec

    project = load_project(xor_file)
    weights = compile_spec(project.network, seed=11).get_weights()
    st = tmp_path / "w.safetensors"
    save_file(weights, str(st))
    out_file = tmp_path / "imported.nnstudio"
    code, out, err = run(["import-weights", str(xor_file), str(st), "-o", str(out_file)], capsys)
    assert code == 0, err
    got = load_project(out_file).weights
    for key, value in weights.items():
        np.testing.assert_array_equal(got[key], value)
    weights["dense_1.weight"] = np.zeros((2, 3), np.float32)
    save_file(weights, str(st))
    code, _, err = run(["import-weights", str(xor_file), str(st)], capsys)
    assert code == 1 and "(2, 3)" in err
    assert load_project(xor_file).weights is None  # nothing changed


def test_export_calls_export_package(xor_file: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import types

    calls = []

    def fake_export(project, fmt, out_path):
        calls.append((project.name, fmt, str(out_path)))
        Path(out_path).write_text("ok")
        return ["the network is untrained"]

    fake = types.ModuleType("nnstudio.io.export")
    fake.export_project = fake_export
    fake.FORMATS = ("npz", "onnx")
    monkeypatch.setitem(sys.modules, "nnstudio.io.export", fake)
    target = tmp_path / "m.onnx"
    code, out, err = run(["export", str(xor_file), "--format", "onnx", "-o", str(target)], capsys)
    assert code == 0
    assert calls == [("xor", "onnx", str(target))]
    assert "warning: the network is untrained" in err


def test_unwritable_output_is_one_error(xor_file: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(
        [
            "train",
            str(xor_file),
            "--epochs",
            "1",
            "-o",
            str(tmp_path / "no" / "dir" / "x.nnstudio"),
        ],
        capsys,
    )
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err


def test_subprocess_train_piped(xor_file: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "sub.nnstudio"
    env = dict(os.environ, PYTHONPATH=str(Path(nnstudio.__file__).parent.parent))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "nnstudio",
            "train",
            str(xor_file),
            "--epochs",
            "4",
            "--every",
            "2",
            "-o",
            str(out_file),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "\r" not in proc.stdout
    assert [line.split()[1] for line in lines if line.startswith("epoch ")] == ["2", "4"]
    with zipfile.ZipFile(out_file) as zf:
        assert json.loads(zf.read("history.json"))[-1]["epoch"] == 4
    bad = subprocess.run(
        [sys.executable, "-m", "nnstudio", "info", str(tmp_path / "missing.nnstudio")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_train_on_a_terminal_rewrites_one_line(xor_file: Path, tmp_path: Path) -> None:
    out = _Tty()
    code = main(
        ["train", str(xor_file), "--epochs", "3", "-o", str(tmp_path / "t.nnstudio")], out=out
    )
    text = out.getvalue()
    assert code == 0
    assert "\repoch 3" in text  # the final epoch is always drawn, in place
    assert "\nepoch " not in text  # no plain progress lines
    assert "epochs/s" in text


def test_csv_project_resolves_its_data_beside_the_file(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = tmp_path / "proj"
    folder.mkdir()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3))
    y = (x[:, 0] + x[:, 2] > 0).astype(int)
    lines = ["a,b,c,label"] + [f"{r[0]},{r[1]},{r[2]},{t}" for r, t in zip(x, y, strict=True)]
    (folder / "data.csv").write_text("\n".join(lines) + "\n")
    project = make_template("gaussian")
    project.data.name = "csv"
    project.data.csv_path = "data.csv"  # relative to the project file
    project.data.features = ["x1", "x2"]
    project.network.set_param("input_1", "units", 3)
    save_project(project, folder / "t.nnstudio")
    monkeypatch.chdir(tmp_path)  # not the project's folder
    assert run(["validate", "proj/t.nnstudio"], capsys)[0] == 0
    code, _, err = run(["train", "proj/t.nnstudio", "--epochs", "2", "-q"], capsys)
    assert code == 0, err
    trained = load_project(folder / "t.nnstudio")
    assert trained.data.csv_path == "data.csv"  # stored as given
    assert trained.preprocessor["n_raw"] == 3
    np.save(tmp_path / "x.npy", x[:4])
    code, _, err = run(["predict", "proj/t.nnstudio", "-i", "x.npy", "-o", "y.csv"], capsys)
    assert code == 0, err
    assert len((tmp_path / "y.csv").read_text().splitlines()) == 5


def test_unexpected_bug_prints_one_line(xor_file: Path, capsys, monkeypatch) -> None:
    import nnstudio.cli as cli

    def broken(args, out):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(cli, "cmd_info", broken)
    monkeypatch.delenv("NNSTUDIO_DEBUG", raising=False)
    code, _, err = run(["info", str(xor_file)], capsys)
    assert code == 1
    assert err.startswith("error: internal error (ZeroDivisionError: oops)")
    assert "Traceback" not in err


def _diverging_project(tmp_path: Path) -> Path:
    project = make_template("regression")
    project.data.n_points = 100
    project.training.optimizer = "sgd"
    project.training.optimizer_params = {}  # the catalog fills sgd's settings on load
    project.training.learning_rate = 1e6
    path = tmp_path / "div.nnstudio"
    save_project(project, path)
    return path


def test_train_divergence_saves_last_finite_weights_and_fails(tmp_path: Path, capsys) -> None:
    path = _diverging_project(tmp_path)
    out_file = tmp_path / "out.nnstudio"
    code, _, err = run(["train", str(path), "--epochs", "5", "-o", str(out_file)], capsys)
    assert code == 1
    assert err.startswith("error: Training diverged") and err.count("\n") == 1
    assert "Lower the learning rate" in err and f"Saved those weights to {out_file}" in err
    saved = load_project(out_file)
    assert saved.weights is not None
    assert all(np.all(np.isfinite(w)) for w in saved.weights.values())
    assert saved.training.learning_rate == 1e6  # the settings it was trained with


def test_outputs_are_checked_before_any_work(xor_file: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "no" / "x"
    cases = [
        (["train", str(xor_file), "-o", str(missing)], "does not exist"),
        (["train", str(xor_file), "--log", str(missing)], "does not exist"),
        (["train", str(xor_file), "-o", str(tmp_path)], "is a folder"),
        (["new", "-o", str(tmp_path), "--force"], "is a folder"),
        (["predict", str(xor_file), "-i", "x.csv", "-o", str(missing)], "does not exist"),
        (["import-weights", str(xor_file), "w.npz", "-o", str(tmp_path)], "is a folder"),
    ]
    for argv, message in cases:
        code, out, err = run(argv, capsys)
        assert code == 1, argv
        assert err.startswith("error: cannot write") and message in err, err
        assert err.count("\n") == 1 and "training" not in out
    assert load_project(xor_file).weights is None  # nothing was trained and saved


def test_predict_csv_errors_name_the_line(xor_file: Path, tmp_path: Path, capsys) -> None:
    trained = tmp_path / "t.nnstudio"
    run(["train", str(xor_file), "--epochs", "1", "-o", str(trained), "-q"], capsys)
    files = {
        "text.csv": (
            "x1,x2\n1,2\nfoo,3\n",
            "text.csv, line 3, column 'x1' has 'foo', which is not",
        ),
        "ragged.csv": ("1,2\n3\n", "ragged.csv, line 2: 1 values but the table has 2 columns"),
        "empty.csv": ("", "is empty"),
        "header.csv": ("x1,x2\n", "header but no rows"),
        "one.csv": ("1\n2\n", "has 1 column but the network takes 2 (x1, x2)"),
        "bad.npy": ("junk", "not a .npy array file"),
    }
    for name, (text, message) in files.items():
        (tmp_path / name).write_text(text)
        code, _, err = run(
            ["predict", str(trained), "-i", str(tmp_path / name), "-o", str(tmp_path / "y.csv")],
            capsys,
        )
        assert code == 1 and err.startswith("error: ") and message in err, (name, err)
        assert err.count("\n") == 1
    code, _, err = run(["predict", str(trained), "-i", str(tmp_path), "-o", "y.csv"], capsys)
    assert code == 1 and "is a folder" in err


def test_info_layout(xor_file: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(["info", str(xor_file)], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[:3] == ["project   xor", f"file      {xor_file}", "state     untrained"]
    table = lines[lines.index("network   4 layers") + 1 :][:5]
    assert table[0].split() == ["node", "kind", "settings", "output", "params", "inputs"]
    assert table[1].split() == ["input_1", "input", "units=2", "(2,)", "0", "-"]
    # every column starts at the same offset in each row
    assert len({re.search(r"\S+\s+(\S)", row).start(1) for row in table}) == 1
    trained = tmp_path / "t.nnstudio"
    run(["train", str(xor_file), "--epochs", "2", "-o", str(trained), "-q"], capsys)
    code, out, _ = run(["info", str(trained)], capsys)
    assert "state     trained for 2 epochs: train loss " in out


def test_progress_numbers_stay_readable() -> None:
    from nnstudio.cli import _fmt

    assert _fmt(0.12345) == "0.1235"
    assert _fmt(2123728740.37) == "2.1237e+09"  # an exploding loss
    assert _fmt(3.1e-6) == "3.1000e-06"  # a tiny loss is not shown as 0.0000
    assert _fmt(0.0) == "0.0000" and _fmt(None) == "-" and _fmt(0.5, 3) == "0.500"


def test_learning_rate_option_must_be_positive(capsys) -> None:
    for value in ("-1", "0", "nan", "fast"):
        code, _, err = run(["train", "x.nnstudio", "--lr", value], capsys)
        assert code == 2 and err.startswith("error: argument --learning-rate/--lr")
