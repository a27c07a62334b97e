"""export_project: what the CLI and GUI call, on real projects."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.errors import NNStudioError
from nnstudio.io import make_template
from nnstudio.io.export import (
    FOLDER_FORMATS,
    FORMATS,
    UNTRAINED_WARNING,
    ExportError,
    export_project,
)
from nnstudio.session import Session

ort = pytest.importorskip("onnxruntime")


def _onnx_predict(path, raw):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["output"], {"input": raw.astype(np.float32)})[0]


@pytest.fixture(scope="module")
def trained():
    session = Session.from_project(make_template("spiral"))
    for _ in range(3):
        session.train_epoch()
    return session, session.store()


# formats that write one file (pytorch-train writes a folder: test_export_pytorch_train*.py)
FILE_FORMATS = tuple(f for f in FORMATS if f not in FOLDER_FORMATS)


def test_formats_are_the_documented_ones():
    assert FORMATS == ("npz", "safetensors", "onnx", "pytorch", "numpy", "pytorch-train")
    assert FOLDER_FORMATS == ("pytorch-train",)


def test_trained_project_exports_to_every_format_without_warnings(trained, tmp_path):
    session, project = trained
    names = {"npz": "w.npz", "safetensors": "w.safetensors", "onnx": "m.onnx"}
    names |= {"pytorch": "torch_model.py", "numpy": "np_model.py"}
    for fmt in FILE_FORMATS:
        assert export_project(project, fmt, tmp_path / names[fmt]) == []
        assert (tmp_path / names[fmt]).stat().st_size > 0
    raw = session.dataset.raw_test
    np.testing.assert_allclose(
        _onnx_predict(tmp_path / "m.onnx", raw), session.predict_raw(raw), rtol=1e-5, atol=1e-5
    )
    with np.load(tmp_path / "w.npz", allow_pickle=False) as f:
        assert set(f.files) == set(project.weights)


def test_untrained_project_exports_initial_weights_with_a_warning(tmp_path):
    project = make_template("xor")
    assert project.weights is None
    warnings = export_project(project, "onnx", tmp_path / "m.onnx")
    assert warnings == [UNTRAINED_WARNING]
    # the same initial weights and preprocessing a training session starts from
    session = Session.from_project(project)
    raw = session.dataset.raw_train[:50]
    np.testing.assert_allclose(
        _onnx_predict(tmp_path / "m.onnx", raw), session.predict_raw(raw), rtol=1e-5, atol=1e-5
    )


def test_invalid_network_is_refused_with_the_reason(tmp_path):
    project = make_template("xor")
    out = project.network.sinks()[0]
    edge = next(e for e in project.network.edges if e.dst == out)
    project.network.remove_edge(edge)
    with pytest.raises(ExportError) as info:
        export_project(project, "npz", tmp_path / "w.npz")
    assert "network is invalid" in str(info.value)
    assert out in str(info.value) or edge.src in str(info.value)
    assert isinstance(info.value, NNStudioError)
    assert list(tmp_path.iterdir()) == []


def test_bad_format_and_paths(trained, tmp_path):
    _, project = trained
    with pytest.raises(ExportError, match="choose one of npz, safetensors, onnx"):
        export_project(project, "keras", tmp_path / "m.keras")
    with pytest.raises(ExportError, match="does not exist"):
        export_project(project, "onnx", tmp_path / "missing" / "m.onnx")
    with pytest.raises(ExportError, match="name it 'm.py'"):
        export_project(project, "pytorch", tmp_path / "m.txt")


@pytest.mark.parametrize("fmt", ["npz", "safetensors"])
def test_weight_exports_import_back_into_a_fresh_project(trained, fmt, tmp_path):
    from nnstudio.io import apply_weights, load_weights_file

    session, project = trained
    path = tmp_path / f"w.{fmt}"
    export_project(project, fmt, path)
    fresh = apply_weights(make_template("spiral"), load_weights_file(path))
    again = Session.from_project(fresh)
    raw = session.dataset.raw_test
    np.testing.assert_allclose(again.predict_raw(raw), session.predict_raw(raw), rtol=0, atol=0)


def test_exported_files_get_the_usual_permissions(trained, tmp_path):
    import os

    _, project = trained
    names = {"npz": "w.npz", "safetensors": "w.safetensors", "onnx": "m.onnx"}
    names |= {"pytorch": "torch_model.py", "numpy": "np_model.py"}
    old = os.umask(0o022)
    try:
        for fmt in FILE_FORMATS:
            export_project(project, fmt, tmp_path / names[fmt])
    finally:
        os.umask(old)
    written = sorted(p for p in tmp_path.iterdir())
    assert len(written) > len(FILE_FORMATS)  # sidecars (npz JSON, PyTorch weights) included
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o644, path.name  # not mkstemp's 0o600
