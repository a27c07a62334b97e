"""``pytorch-train`` export: train.py reproduces ``nnstudio train`` epoch by epoch.

Every case exports a small project, runs the exported ``train.py --dtype float64`` and
``nnstudio train --dtype float64 --init-weights start_weights.npz`` (both in process) and
compares the per-epoch logs: every optimizer, every loss (and each way the engine reads
it: fused sigmoid / softmax, logits, probabilities), schedules, L1/L2, clipping, dropout,
batch norm, a partial last batch, branching graphs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio.cli import main as cli_main
from nnstudio.data import FEATURES
from nnstudio.graph import NetworkSpec

sys.path.insert(0, str(Path(__file__).parent))

from pytorch_train_cases import (  # noqa: E402
    branches,
    chain,
    export,
    nnstudio_log,
    project,
    read_log,
    run_train_py,
)

torch = pytest.importorskip("torch")

EPOCHS = 20
RTOL = 1e-6  # the bound; measured differences are about 1e-13


def _hidden(act: str = "tanh", units: int = 6) -> tuple[str, dict]:
    return ("dense", {"units": units, "activation": act})


# (id, dataset, spec, training settings)
CASES = [
    (
        "sgd-mse-step",
        "reg_plane",
        chain(2, [_hidden(), ("dense", {"units": 1, "activation": "linear"})]),
        {
            "loss": "mse",
            "optimizer": "sgd",
            "learning_rate": 0.05,
            "optimizer_params": {"momentum": 0.5, "dampening": 0.1, "weight_decay": 0.001},
            "schedule": "step",
            "schedule_params": {"step_size": 5, "gamma": 0.7},
        },
    ),
    (
        "momentum-bce-sigmoid-l2-clip",
        "xor",
        chain(2, [_hidden(), ("dense", {"units": 1, "activation": "sigmoid"})]),
        {
            "loss": "bce",
            "optimizer": "momentum",
            "learning_rate": 0.1,
            "optimizer_params": {"momentum": 0.8},
            "l2": 0.001,
            "clip_norm": 0.3,
        },
    ),
    (
        "nesterov-cce-softmax-exponential",
        "blobs",
        chain(2, [_hidden("relu"), ("dense", {"units": 3, "activation": "softmax"})]),
        {
            "loss": "cce",
            "optimizer": "nesterov",
            "learning_rate": 0.05,
            "optimizer_params": {"momentum": 0.85, "weight_decay": 0.001},
            "schedule": "exponential",
            "schedule_params": {"gamma": 0.93},
        },
    ),
    (
        "adagrad-huber-l1",
        "reg_plane",
        chain(2, [_hidden("elu"), ("dense", {"units": 1, "activation": "linear"})]),
        {
            "loss": "huber",
            "loss_params": {"delta": 0.5},
            "optimizer": "adagrad",
            "learning_rate": 0.05,
            "optimizer_params": {
                "lr_decay": 0.01,
                "initial_accumulator_value": 0.1,
                "eps": 1e-8,
                "weight_decay": 0.001,
            },
            "l1": 0.001,
            "schedule": "step",  # its parameters filled from the catalog
        },
    ),
    (
        "rmsprop-bce_logits-dropout-branches-cosine",
        "circle",
        branches(2, 1, "linear"),
        {
            "loss": "bce_logits",
            "optimizer": "rmsprop",
            "learning_rate": 0.01,
            "optimizer_params": {"alpha": 0.9, "momentum": 0.5, "centered": True, "eps": 1e-6},
            "schedule": "cosine",  # past t_max: periodic, as PyTorch's CosineAnnealingLR
            "schedule_params": {"t_max": 8, "eta_min": 0.001},
        },
    ),
    (
        "adam-cce-linear-batchnorm-amsgrad",
        "blobs",
        chain(
            2,
            [
                _hidden("relu", 8),
                ("batchnorm", {"momentum": 0.2, "eps": 1e-4}),
                ("dense", {"units": 3, "activation": "linear"}),
            ],
        ),
        {
            "loss": "cce",
            "optimizer": "adam",
            "learning_rate": 0.02,
            "optimizer_params": {"beta1": 0.8, "beta2": 0.99, "amsgrad": True, "eps": 1e-7},
        },
    ),
    (
        "adam-bce-batchnorm-last-batch-of-one",
        "xor",
        chain(
            2,
            [
                _hidden("softplus", 5),
                ("batchnorm", {}),
                ("dense", {"units": 1, "activation": "sigmoid"}),
            ],
        ),
        {"loss": "bce", "optimizer": "adam", "learning_rate": 0.02, "batch_size": 29},
    ),
    (
        "adamw-mae-gelu-clip",
        "reg_plane",
        chain(2, [_hidden("gelu"), ("dense", {"units": 1, "activation": "linear"})]),
        {
            "loss": "mae",
            "optimizer": "adamw",
            "learning_rate": 0.02,
            "optimizer_params": {"weight_decay": 0.05},
            "clip_norm": 0.5,
        },
    ),
    (
        "adam-bce-probabilities-dropout-features",
        "circle",
        chain(
            7,
            [
                _hidden("silu"),
                ("dense", {"units": 1, "activation": "sigmoid"}),
                ("dropout", {"rate": 0.1}),
            ],
        ),
        {"loss": "bce", "optimizer": "adam", "learning_rate": 0.005, "batch_size": 7},
    ),
    (
        "sgd-mse-full-batch-leaky",
        "reg_plane",
        chain(2, [_hidden("leaky_relu"), ("dense", {"units": 1, "activation": "linear"})]),
        {"loss": "mse", "optimizer": "sgd", "learning_rate": 0.1, "batch_size": None},
    ),
]

_FEATURES = {"adam-bce-probabilities-dropout-features": list(FEATURES)}  # all 7


@pytest.mark.parametrize(("name", "dataset", "spec", "training"), CASES, ids=[c[0] for c in CASES])
def test_train_py_follows_nnstudio_train_epoch_by_epoch(name, dataset, spec, training, tmp_path):
    path = project(tmp_path, dataset, spec, training, features=_FEATURES.get(name))
    folder = export(path, tmp_path / "out")
    assert run_train_py(folder, "--dtype", "float64", "--epochs", str(EPOCHS), "--quiet") == 0
    ours_header, ours = read_log(folder / "log.csv")
    ref_header, ref = read_log(nnstudio_log(path, folder, EPOCHS, tmp_path))
    assert ours_header == ref_header
    assert len(ours["epoch"]) == EPOCHS
    np.testing.assert_array_equal(ours["epoch"], ref["epoch"])
    for column in ref_header[1:]:
        if np.all(np.isnan(ref[column])):
            assert np.all(np.isnan(ours[column])), column
            continue
        np.testing.assert_allclose(ours[column], ref[column], rtol=RTOL, atol=0, err_msg=column)
    # the run moved (the comparison is not between two idle runs)
    assert ref["train_loss"][-1] != ref["train_loss"][0]


def test_every_optimizer_and_loss_is_covered():
    from nnstudio.engine import LOSSES, OPTIMIZERS

    training = [c[3] for c in CASES]
    assert {t["optimizer"] for t in training} == set(OPTIMIZERS)
    assert {t["loss"] for t in training} == set(LOSSES)


def test_config_holds_every_setting_resolved(tmp_path):
    spec = chain(2, [_hidden(), ("dense", {"units": 1, "activation": "sigmoid"})])
    path = project(tmp_path, "xor", spec, {"loss": "bce", "optimizer": "adam"})
    folder = export(path, tmp_path / "out")
    config = json.loads((folder / "config.json").read_text())
    assert config["optimizer"] == {
        "name": "adam",
        "torch_class": "Adam",
        "params": {"betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False},
    }
    assert config["loss"] == {"name": "bce", "form": "bce_logits", "fused_activation": "sigmoid"}
    assert config["batch_size"] == 8 and config["epochs"] == 20 and config["seed"] == 11
    assert config["decay"] == ["dense_1.weight", "dense_2.weight"]
    files = {p.name for p in folder.iterdir()}
    assert {"model.py", "train.py", "config.json", "start_weights.npz", "data.npz"} <= files
    assert "README.md" in files
    with np.load(folder / "data.npz") as data:
        assert data["raw_train"].shape == (30, 2) and data["raw_test"].shape == (30, 2)


# (loss, output activation of the network, form train.py uses)
HEADS = [
    ("mse", "linear", "mse"),
    ("mae", "linear", "mae"),
    ("huber", "linear", "huber"),
    ("bce", "sigmoid", "bce_logits"),
    ("bce", "linear", "bce_probabilities"),
    ("bce_logits", "linear", "bce_logits"),
    ("cce", "softmax", "cce_logits"),
    ("cce", "linear", "cce_logits"),
    ("cce", "sigmoid", "cce_probabilities"),
]


@pytest.mark.parametrize(("loss", "activation", "form"), HEADS)
def test_per_sample_loss_and_gradient_match_the_engine_head(loss, activation, form, tmp_path):
    """train.py's losses against the engine's heads, values and gradients, on every form
    (also those no valid project reaches, like cce on probabilities)."""
    from nnstudio.engine.losses import make_head
    from nnstudio.io.export.pytorch_train import loss_form

    k = 3 if loss == "cce" else 1
    params = {"delta": 0.4} if loss == "huber" else {}
    head = make_head(loss, params, k, activation)
    assert loss_form(head)[0] == form
    rng = np.random.default_rng(2)
    n = 12
    if form.endswith("probabilities"):
        out = rng.uniform(0.0, 1.0, size=(n, k))
        out[0, 0], out[1, 0] = 0.0, 1.0  # clipped: the gradient passes through as in the engine
    else:
        out = rng.normal(0.0, 2.0, size=(n, k))
    if loss == "cce":
        y = rng.integers(0, k, size=n)
    elif loss.startswith("bce"):
        y = rng.integers(0, 2, size=n)
    else:
        y = rng.normal(0.0, 1.0, size=n)
    t = head.targets(y, np.float64)
    ref_loss = head.per_sample(out, t)
    ref_grad = np.empty_like(out)
    head.grad_kernel(out, ref_grad)(t)

    spec = chain(2, [("dense", {"units": 1, "activation": "sigmoid"})])
    folder = export(project(tmp_path, "xor", spec, {"loss": "bce"}), tmp_path / "out")
    train = _import_train_module(folder)
    target = t if loss == "cce" else y.reshape(n, 1).astype(np.float64)  # train.py's targets
    o = torch.tensor(out, requires_grad=True)
    per = train.per_sample_loss(form, o, torch.tensor(target), 0.4)
    per.mean().backward()
    np.testing.assert_allclose(per.detach().numpy(), ref_loss, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(o.grad.numpy(), ref_grad, rtol=1e-10, atol=1e-15)


def _import_train_module(folder):
    import importlib.util

    sys.modules.pop("model", None)
    spec = importlib.util.spec_from_file_location("exported_train_for_losses", folder / "train.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("model", None)
        while str(folder) in sys.path:
            sys.path.remove(str(folder))
    return module


def test_weights_option_and_errors(tmp_path, capsys):
    from nnstudio.io import load_project

    spec = chain(2, [_hidden(), ("dense", {"units": 1, "activation": "sigmoid"})])
    path = project(tmp_path, "xor", spec, {"loss": "bce", "epochs": 3})
    trained = tmp_path / "trained.nnstudio"
    assert cli_main(["train", str(path), "-o", str(trained), "-q"]) == 0
    folder = export(trained, tmp_path / "continue", "--weights", "trained")
    project_weights = load_project(trained).weights
    with np.load(folder / "start_weights.npz") as start:
        assert set(start.files) == set(project_weights)
        for name, value in project_weights.items():
            np.testing.assert_array_equal(start[name], value)
    assert json.loads((folder / "config.json").read_text())["epoch_offset"] == 3
    assert run_train_py(folder, "--epochs", "2", "--quiet") == 0
    _, log = read_log(folder / "log.csv")
    assert list(log["epoch"]) == [4, 5]  # numbered on, as nnstudio train continues
    # without --epochs: the project's 3 epochs again (it has done them), as nnstudio train
    assert run_train_py(folder, "--dtype", "float64", "--quiet") == 0
    _, ours = read_log(folder / "log.csv")
    log_path = tmp_path / "continued.csv"
    again = ["train", str(trained), "--dtype", "float64", "--log", str(log_path), "-q"]
    assert cli_main([*again, "-o", str(tmp_path / "again.nnstudio")]) == 0
    _, ref = read_log(log_path)
    assert list(ours["epoch"]) == list(ref["epoch"]) == [4, 5, 6]
    np.testing.assert_allclose(ours["train_loss"], ref["train_loss"], rtol=RTOL)

    initial = export(trained, tmp_path / "initial")  # default: the seed's initial weights
    with np.load(initial / "start_weights.npz") as start:
        assert not np.array_equal(start["dense_1.weight"], project_weights["dense_1.weight"])

    capsys.readouterr()
    args = ["export", str(trained), "--format", "onnx", "-o", str(tmp_path / "m.onnx")]
    assert cli_main([*args, "--weights", "trained"]) == 1
    assert "--weights is for pytorch-train only" in capsys.readouterr().err
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    args = ["export", str(trained), "--format", "pytorch-train", "-o", str(a_file)]
    assert cli_main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "it is a file" in err


def test_csv_project_trains_the_same_and_records_its_source(tmp_path):
    """A project on a CSV file with a text column (one-hot encoded by NN Studio)."""
    from nnstudio.io import save_project
    from nnstudio.io.templates import project_from_csv

    rng = np.random.default_rng(0)
    lines = ["age,city,income,label"]
    for _ in range(60):
        age, city, income = rng.uniform(20, 60), rng.choice(["oslo", "rome"]), rng.normal(50, 9)
        lines.append(f"{age:.1f},{city},{income:.2f},{int(age + income > 100)}")
    table = tmp_path / "people.csv"
    table.write_text("\n".join(lines) + "\n")
    path = tmp_path / "people.nnstudio"
    p = project_from_csv(table, "label", path)
    p.training.epochs = EPOCHS
    save_project(p, path)
    folder = export(path, tmp_path / "out")
    config = json.loads((folder / "config.json").read_text())
    assert config["data"]["dataset"] == "csv"
    assert Path(config["data"]["csv_path"]) == table.resolve()
    assert config["data"]["encoding"]["mean"] == config["preprocessing"]["mean"]
    with np.load(folder / "data.npz") as data:  # the rows as NN Studio encodes them
        assert data["raw_train"].dtype == np.float64 and data["raw_train"].shape[1] == 4
    assert run_train_py(folder, "--dtype", "float64", "--quiet") == 0
    _, ours = read_log(folder / "log.csv")
    _, ref = read_log(nnstudio_log(path, folder, EPOCHS, tmp_path))
    np.testing.assert_allclose(ours["train_loss"], ref["train_loss"], rtol=RTOL)
    np.testing.assert_allclose(ours["test_accuracy"], ref["test_accuracy"], rtol=RTOL)


def test_image_network_with_dropout_and_batchnorm_trains_the_same(tmp_path):
    """digits as 1x8x8 images: Conv2D, BatchNorm per channel, Dropout on feature maps
    (masks drawn per sample over (channels, height, width), as the engine draws them)."""
    from nnstudio.io import make_template, save_project

    spec = NetworkSpec()
    layers = [
        ("input", {"units": 64, "channels": 1, "height": 8, "width": 8}),
        ("conv2d", {"filters": 3, "kernel_size": 3, "padding": "same", "activation": "relu"}),
        ("batchnorm", {}),
        ("dropout", {"rate": 0.25}),
        ("maxpool2d", {"pool_size": 2, "stride": 2}),
        ("flatten", {}),
        ("dense", {"units": 10, "activation": "softmax"}),
    ]
    prev = None
    for kind, params in layers:
        node = spec.add_node(kind, params)
        if prev is not None:
            spec.add_edge(prev, node.id)
        prev = node.id
    p = make_template("digits-cnn")
    p.network = spec
    p.data.train_ratio = 0.1  # 179 training images: a small, fast case
    p.training.batch_size = 32
    p.training.epochs = EPOCHS
    path = tmp_path / "images.nnstudio"
    save_project(p, path)
    folder = export(path, tmp_path / "out")
    assert run_train_py(folder, "--dtype", "float64", "--quiet") == 0
    _, ours = read_log(folder / "log.csv")
    _, ref = read_log(nnstudio_log(path, folder, EPOCHS, tmp_path))
    np.testing.assert_allclose(ours["train_loss"], ref["train_loss"], rtol=RTOL)
    np.testing.assert_allclose(ours["test_loss"], ref["test_loss"], rtol=RTOL)


def test_float32_runs_agree_closely(tmp_path):
    """The project's own dtype (float32): summation order differs in the last bits, the
    runs drift apart slowly (measured ~1e-6 relative after 20 epochs)."""
    spec = chain(
        2, [_hidden(units=12), _hidden(units=12), ("dense", {"units": 1, "activation": "sigmoid"})]
    )
    path = project(
        tmp_path, "circle", spec, {"loss": "bce", "optimizer": "adam", "dtype": "float32"}
    )
    folder = export(path, tmp_path / "out")
    assert json.loads((folder / "config.json").read_text())["dtype"] == "float32"
    assert run_train_py(folder, "--quiet") == 0
    _, ours = read_log(folder / "log.csv")
    log = tmp_path / "f32.csv"
    args = ["train", str(path), "--init-weights", str(folder / "start_weights.npz")]
    assert cli_main([*args, "--log", str(log), "-o", str(tmp_path / "t.nnstudio"), "-q"]) == 0
    _, ref = read_log(log)
    np.testing.assert_allclose(ours["train_loss"], ref["train_loss"], rtol=1e-4)


def test_invalid_network_or_missing_parent_leaves_nothing_behind(tmp_path):
    from nnstudio.errors import NNStudioError
    from nnstudio.io import load_project
    from nnstudio.io.export import ExportError, export_project

    spec = chain(2, [_hidden(), ("dense", {"units": 1, "activation": "sigmoid"})])
    p = load_project(project(tmp_path, "xor", spec, {"loss": "bce"}))
    with pytest.raises(ExportError, match="does not exist"):
        export_project(p, "pytorch-train", tmp_path / "missing" / "out")
    sink = p.network.sinks()[0]
    p.network.remove_edge(next(e for e in p.network.edges if e.dst == sink))
    with pytest.raises(ExportError) as info:
        export_project(p, "pytorch-train", tmp_path / "out")
    assert isinstance(info.value, NNStudioError) and "invalid" in str(info.value)
    assert not (tmp_path / "out").exists() and not (tmp_path / "missing").exists()
