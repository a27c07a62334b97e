"""docs/file-format.md's reading example works on a real trained project."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np

from nnstudio.io import load_project, make_template, save_project
from nnstudio.session import Predictor, Session

DOC = Path(__file__).resolve().parents[2] / "docs" / "file-format.md"


def test_reading_example_reproduces_the_apps_predictions(tmp_path: Path) -> None:
    code = re.search(r"```python\n(.*?)```", DOC.read_text(), re.S).group(1)
    project = make_template("spiral")  # engineered features + standardization
    project.data.n_points = 100
    session = Session.from_project(project)
    session.train_epoch()
    save_project(session.store(), tmp_path / "trained.nnstudio")
    # Run with only NumPy importable from the example's point of view: a plain subprocess.
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    printed = float(re.findall(r"[-+0-9.e]+", proc.stdout)[-1])
    expected = Predictor(load_project(tmp_path / "trained.nnstudio")).predict_raw(
        np.array([[0.5, -1.0]])
    )
    assert abs(printed - float(expected[0, 0])) < 1e-5
