"""docs/export.md's snippets, run literally against real exports of a trained project."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio.io import make_template, save_project
from nnstudio.io.export import export_project
from nnstudio.session import Session

DOC = Path(__file__).resolve().parents[2] / "docs" / "export.md"
# the doc's sections in order: the Python API, then one per format
SECTIONS = ("api", "npz", "safetensors", "onnx", "pytorch", "numpy")
FILES = {
    "npz": "model.npz",
    "safetensors": "model.safetensors",
    "onnx": "model.onnx",
    "pytorch": "model.py",
    "numpy": "model.py",
}
# what each snippet leaves behind, printed as JSON for the test to check
_REPORT = """
import json as _json
_out = {}
for _name in ("warnings", "info", "y"):
    if _name in globals():
        _v = globals()[_name]
        _out[_name] = _v.tolist() if hasattr(_v, "tolist") else _v
print("REPORT " + _json.dumps(_out))
"""


def _snippets() -> dict[str, str]:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    assert len(blocks) == len(SECTIONS)
    return dict(zip(SECTIONS, blocks, strict=True))


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    project = make_template("spiral")
    project.data.n_points = 100
    session = Session.from_project(project)
    for _ in range(2):
        session.train_epoch()
    project = session.store()
    save_project(project, folder / "trained.nnstudio")
    expected = session.predict_raw(np.array([[0.5, -1.0]]))
    return folder, project, expected


def _run(code: str, cwd: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", code + _REPORT], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    line = [x for x in proc.stdout.splitlines() if x.startswith("REPORT ")][-1]
    return json.loads(line[len("REPORT ") :])


def test_python_api_snippet(trained):
    folder, _, _ = trained
    report = _run(_snippets()["api"], folder)
    assert report["warnings"] == []
    assert (folder / "model.onnx").stat().st_size > 0


@pytest.mark.parametrize("fmt", ["npz", "safetensors", "onnx", "pytorch", "numpy"])
def test_format_snippet_runs_on_a_real_export(trained, fmt, tmp_path):
    if fmt == "onnx":
        pytest.importorskip("onnxruntime")
    if fmt == "pytorch":
        pytest.importorskip("torch")
    _, project, expected = trained
    export_project(project, fmt, tmp_path / FILES[fmt])
    report = _run(_snippets()[fmt], tmp_path)
    if fmt in ("npz", "safetensors"):
        assert report["info"]["preprocessing"]["n_raw"] == 2
        assert [op["op"] for op in report["info"]["ops"]][:2] == ["features", "standardize"]
    else:  # onnx, pytorch, numpy: the same predictions as the app
        np.testing.assert_allclose(np.asarray(report["y"])[:1], expected, rtol=1e-5, atol=1e-6)
