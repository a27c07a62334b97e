"""Image layers in every export: ONNX (checker + onnxruntime), PyTorch (nn.Conv2d, pooling,
nn.Flatten), the NumPy-only script; all match the app's predictions to 1e-5."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import onnx
import pytest
from export_cases import make_case, raw_inputs

from nnstudio.graph import NetworkSpec
from nnstudio.io.export import export_network

torch = pytest.importorskip("torch")
ort = pytest.importorskip("onnxruntime")


def _chain(spec, layers, prev=None):
    for nid, kind, params in layers:
        spec.add_node(kind, params, node_id=nid)
        if prev is not None:
            spec.add_edge(prev, nid)
        prev = nid
    return prev


def digits_cnn() -> NetworkSpec:
    """An image Input (1, 8, 8) -> conv same relu -> maxpool -> flatten -> dense softmax."""
    spec = NetworkSpec()
    _chain(
        spec,
        [
            ("x", "input", {"units": 64, "channels": 1, "height": 8, "width": 8}),
            ("conv", "conv2d", {"filters": 6, "kernel_size": 3, "padding": "same"}),
            ("pool", "maxpool2d", {}),
            ("flat", "flatten", {}),
            ("out", "dense", {"units": 10, "activation": "softmax"}),
        ],
    )
    return spec


def every_image_layer() -> NetworkSpec:
    """Reshape, convolutions (same with an even kernel: asymmetric pads; stride, explicit
    pad, dilation; no bias), batchnorm per channel, add, max/avg pooling with padding,
    concat on channels, global average pooling, flatten and dense branches."""
    s = NetworkSpec()
    _chain(
        s,
        [
            ("x", "input", {"units": 128}),
            ("img", "reshape", {"channels": 2, "height": 8, "width": 8}),
            ("c1", "conv2d", {"filters": 4, "kernel_size": 3, "padding": "same"}),
            ("bn", "batchnorm", {}),
        ],
    )
    _chain(
        s,
        [
            (
                "c2",
                "conv2d",
                {
                    "filters": 4,
                    "kernel_size": 4,
                    "padding": "same",
                    "activation": "linear",
                    "use_bias": False,
                },
            )
        ],
        "bn",
    )
    s.add_node("add", {}, node_id="sum")
    s.add_edge("bn", "sum")
    s.add_edge("c2", "sum")
    conv3 = {
        "filters": 2,
        "kernel_size": 3,
        "stride": 2,
        "padding": "explicit",
        "pad": 2,
        "dilation": 2,
        "activation": "elu",
    }
    _chain(s, [("c3", "conv2d", conv3)], "sum")
    _chain(s, [("p1", "maxpool2d", {"pool_size": 3, "stride": 2, "pad": 1})], "sum")
    _chain(s, [("p2", "avgpool2d", {"pool_size": 2, "stride": 2, "pad": 1})], "c1")
    _chain(s, [("p3", "avgpool2d", {"pool_size": 2, "stride": 2})], "sum")
    s.add_node("concat", {}, node_id="cat")
    for src in ("c3", "p1", "p3"):
        s.add_edge(src, "cat")
    _chain(s, [("gap", "globalavgpool", {})], "cat")
    _chain(s, [("flat", "flatten", {}), ("d1", "dense", {"units": 5, "activation": "tanh"})], "cat")
    _chain(s, [("flat2", "flatten", {})], "p2")
    s.add_node("concat", {}, node_id="feats")
    for src in ("gap", "d1", "flat2"):
        s.add_edge(src, "feats")
    _chain(s, [("out", "dense", {"units": 3, "activation": "softmax"})], "feats")
    return s


CASES = {"digits-cnn": (digits_cnn, 64), "every-image-layer": (every_image_layer, 128)}


@pytest.fixture(params=list(CASES), scope="module")
def image_case(request):
    build, n_raw = CASES[request.param]
    case = make_case(build(), features=None, n_raw=n_raw)
    case.n_raw = n_raw
    return case


def _raw(case, n):
    return raw_inputs(n, n_raw=case.n_raw, seed=n)


def _import(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def test_onnx_checks_and_matches(image_case, tmp_path):
    path = tmp_path / "model.onnx"
    assert (
        export_network(image_case.spec, image_case.weights, image_case.pre_dict, "onnx", path) == []
    )
    model = onnx.load(str(path))
    onnx.checker.check_model(model, full_check=True)
    ops = {node.op_type for node in model.graph.node}
    assert {"Conv", "MaxPool", "Flatten"} <= ops
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    for n in (1, 40):
        raw = _raw(image_case, n)
        (y,) = session.run(["output"], {"input": raw.astype(np.float32)})
        np.testing.assert_allclose(y, image_case.predict_raw(raw), rtol=1e-5, atol=1e-5)


def test_pytorch_module_uses_conv_pool_flatten_and_matches(image_case, tmp_path):
    path = tmp_path / "model.py"
    export_network(image_case.spec, image_case.weights, image_case.pre_dict, "pytorch", path)
    source = path.read_text()
    assert "nn.Conv2d(" in source and "nn.Flatten()" in source
    assert "nn.MaxPool2d(" in source
    model = _import(path, f"image_export_{id(image_case)}").load()
    raw = _raw(image_case, 40)
    with torch.no_grad():
        y = model(torch.tensor(raw, dtype=torch.float32)).numpy()
    np.testing.assert_allclose(y, image_case.predict_raw(raw), rtol=1e-5, atol=1e-5)


def test_numpy_script_matches(image_case, tmp_path):
    script = tmp_path / "model.py"
    export_network(image_case.spec, image_case.weights, image_case.pre_dict, "numpy", script)
    module = _import(script, f"image_numpy_{id(image_case)}")
    raw = _raw(image_case, 40)
    np.testing.assert_allclose(
        module.predict(raw), image_case.predict_raw(raw), rtol=1e-5, atol=1e-5
    )


def test_every_image_layer_reaches_every_format():
    s = every_image_layer()
    kinds = {n.kind for n in s.nodes.values()}
    assert {
        "conv2d",
        "maxpool2d",
        "avgpool2d",
        "globalavgpool",
        "flatten",
        "reshape",
        "batchnorm",
        "add",
        "concat",
    } <= kinds


def test_pytorch_train_folder_trains_the_cnn_as_nnstudio_does(tmp_path, capsys):
    import csv
    import subprocess

    from nnstudio.cli import main
    from nnstudio.io import make_template, save_project

    project = tmp_path / "digits-cnn.nnstudio"
    save_project(make_template("digits-cnn"), project)
    folder = tmp_path / "pt"
    assert main(["export", str(project), "--format", "pytorch-train", "-o", str(folder)]) == 0
    ours = tmp_path / "ours.csv"
    args = ["--dtype", "float64", "--init-weights", str(folder / "start_weights.npz")]
    assert main(["train", str(project), *args, "--epochs", "2", "--log", str(ours), "-q"]) == 0
    theirs = tmp_path / "theirs.csv"
    run = subprocess.run(
        [
            sys.executable,
            "train.py",
            "--dtype",
            "float64",
            "--epochs",
            "2",
            "--device",
            "cpu",
            "--log",
            str(theirs),
            "--quiet",
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    capsys.readouterr()

    def rows(path):
        with path.open(newline="") as fh:
            return [{k: float(v) for k, v in r.items()} for r in csv.DictReader(fh)]

    a, b = rows(ours), rows(theirs)
    assert len(a) == len(b) == 2
    for ra, rb in zip(a, b, strict=True):
        for key in ("train_loss", "test_loss", "test_accuracy"):
            assert ra[key] == pytest.approx(rb[key], rel=1e-9), key
