"""``pytorch-train`` export: the folder runs on its own, under torchrun, resumes from
checkpoints, and its trained weights come back into NN Studio."""

from __future__ import annotations

import csv
import importlib.util
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pytorch_train_cases import chain, export, project, read_log, run_train_py  # noqa: E402

from nnstudio.cli import main as cli_main  # noqa: E402

torch = pytest.importorskip("torch")

VENV_BIN = Path(sys.executable).parent
TORCHRUN = VENV_BIN / "torchrun"


def _clean_env() -> dict[str, str]:
    """The environment for torchrun and train.py: no PYTHONPATH, one thread per process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["OMP_NUM_THREADS"] = "1"
    return env


# Python without site processing (-S: the editable install's .pth that makes nnstudio
# importable is not read), isolated from the user site (-s), with only the folder holding
# torch and numpy on the path.
ISOLATED = [sys.executable, "-S", "-s"]


def _isolated_env() -> dict[str, str]:
    env = _clean_env()
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    return env


def _load_model_module(folder: Path):
    sys.modules.pop("model", None)
    spec = importlib.util.spec_from_file_location("exported_model_for_test", folder / "model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dropout_project(tmp_path) -> Path:
    spec = chain(
        2,
        [
            ("dense", {"units": 8, "activation": "tanh"}),
            ("dropout", {"rate": 0.2}),
            ("dense", {"units": 1, "activation": "sigmoid"}),
        ],
    )
    training = {
        "loss": "bce",
        "optimizer": "adam",
        "learning_rate": 0.03,
        "epochs": 6,
        "schedule": "cosine",  # its state goes into the checkpoint too
        "schedule_params": {"t_max": 4, "eta_min": 0.001},
    }
    return project(tmp_path, "circle", spec, training, n_points=80)


def test_folder_runs_without_nnstudio_and_results_come_back(dropout_project, tmp_path):
    folder = export(dropout_project, tmp_path / "out")
    check = subprocess.run(
        [*ISOLATED, "-c", "import torch, numpy\nimport nnstudio"],
        cwd=folder,
        env=_isolated_env(),
        capture_output=True,
        text=True,
    )
    assert "No module named 'nnstudio'" in check.stderr, check.stderr
    run = subprocess.run(
        [*ISOLATED, "train.py", "--device", "cpu"],
        cwd=folder,
        env=_isolated_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    header, log = read_log(folder / "log.csv")
    assert header == ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
    assert list(log["epoch"]) == [1, 2, 3, 4, 5, 6]
    assert log["train_loss"][-1] < log["train_loss"][0]

    # back into NN Studio: import-weights, then predict == PyTorch's predictions
    trained = tmp_path / "trained.nnstudio"
    weights = folder / "trained.safetensors"
    assert cli_main(["import-weights", str(dropout_project), str(weights), "-o", str(trained)]) == 0
    raw = np.random.default_rng(5).normal(0.0, 1.5, size=(40, 2))
    inputs = tmp_path / "inputs.csv"
    np.savetxt(inputs, raw, delimiter=",", header="x1,x2", comments="")
    predictions = tmp_path / "predictions.csv"
    assert cli_main(["predict", str(trained), "-i", str(inputs), "-o", str(predictions)]) == 0
    with open(predictions, newline="") as fh:
        rows = list(csv.DictReader(fh))
    ours = np.array([float(r["p1"]) for r in rows])
    model = _load_model_module(folder)
    for state in ("trained.pt", None):
        net = model.load(folder / state) if state else _load_safetensors_into(model, weights)
        with torch.no_grad():
            theirs = net(torch.tensor(raw, dtype=torch.float32)).numpy()[:, 0]
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-5)
    assert not np.allclose(ours, ours[0])  # a real classifier, not a constant
    sys.modules.pop("model", None)


def _load_safetensors_into(model, path: Path):
    """model.py's module with the weights of an NN Studio-named safetensors file."""
    import json

    from safetensors.numpy import load_file

    config = json.loads((path.parent / "config.json").read_text())
    named = load_file(path)
    net = model.load(path.parent / "model.pt")
    state = net.state_dict()
    for name, key, transpose in config["weights"]["names"]:
        value = named[name].T if transpose else named[name]
        state[key] = torch.from_numpy(np.ascontiguousarray(value, dtype=np.float32))
    net.load_state_dict(state)
    return net


def test_checkpoint_resumes_exactly(dropout_project, tmp_path):
    folder = export(dropout_project, tmp_path / "out")
    straight = tmp_path / "straight"
    assert run_train_py(folder, "--dtype", "float64", "--out", str(straight), "--quiet") == 0
    ckpt = tmp_path / "run.pt"
    parts = tmp_path / "parts"
    args = ["--dtype", "float64", "--out", str(parts), "--checkpoint", str(ckpt), "--quiet"]
    assert run_train_py(folder, *args, "--epochs", "3") == 0
    assert ckpt.is_file()
    _, first = read_log(parts / "log.csv")
    assert list(first["epoch"]) == [1, 2, 3]
    assert run_train_py(folder, *args, "--resume") == 0
    _, resumed = read_log(parts / "log.csv")
    _, reference = read_log(straight / "log.csv")
    assert list(resumed["epoch"]) == [1, 2, 3, 4, 5, 6]
    np.testing.assert_array_equal(resumed["train_loss"], reference["train_loss"])
    a = torch.load(parts / "trained.pt", weights_only=True)
    b = torch.load(straight / "trained.pt", weights_only=True)
    for key in b:
        assert torch.equal(a[key], b[key]), key


@pytest.mark.slow
def test_torchrun_two_processes_on_cpu(dropout_project, tmp_path):
    if not TORCHRUN.exists():
        pytest.fail(f"torchrun not found beside {sys.executable}")
    folder = export(dropout_project, tmp_path / "out")
    single = tmp_path / "single"
    assert run_train_py(folder, "--dtype", "float64", "--out", str(single), "--quiet") == 0

    ckpt = tmp_path / "ddp.pt"
    ddp = tmp_path / "ddp"

    def torchrun(*extra: str) -> subprocess.CompletedProcess:
        cmd = [
            str(TORCHRUN),
            "--standalone",  # one machine, localhost, a free port chosen by torchrun
            "--nproc_per_node=2",
            "train.py",
            "--device",
            "cpu",
            "--dtype",
            "float64",
            "--out",
            str(ddp),
            "--checkpoint",
            str(ckpt),
            *extra,
        ]
        return subprocess.run(
            cmd, cwd=folder, env=_clean_env(), capture_output=True, text=True, timeout=600
        )

    first = torchrun("--epochs", "3")
    assert first.returncode == 0, first.stderr
    assert "2 processes agree on the weights: max difference 0" in first.stdout
    _, log = read_log(ddp / "log.csv")
    assert list(log["epoch"]) == [1, 2, 3]

    second = torchrun("--resume")  # the project's 6 epochs: 3 more from the checkpoint
    assert second.returncode == 0, second.stderr
    assert "2 processes agree on the weights: max difference 0" in second.stdout
    _, log = read_log(ddp / "log.csv")
    _, reference = read_log(single / "log.csv")
    assert list(log["epoch"]) == [1, 2, 3, 4, 5, 6]
    assert log["train_loss"][-1] < log["train_loss"][0]
    # the same global batches, masks and averaged gradients as one process: equal up to
    # the order of the sums
    np.testing.assert_allclose(log["train_loss"], reference["train_loss"], rtol=1e-9)
    a = torch.load(ddp / "trained.pt", weights_only=True)
    b = torch.load(single / "trained.pt", weights_only=True)
    for key in b:
        torch.testing.assert_close(a[key], b[key], rtol=1e-8, atol=1e-10)
