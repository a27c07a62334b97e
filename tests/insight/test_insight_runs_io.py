"""runs.json and snapshots.npz: round trip, and typed one-line errors for bad members."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from nnstudio.cli import main
from nnstudio.io import load_project, make_template, save_project
from nnstudio.io.errors import ProjectError, ProjectFormatError, ProjectWeightsError
from nnstudio.io.runs import curves_from_rows, rows_from_curves


def _with_member(tmp_path, name: str, data: bytes):
    path = tmp_path / "p.nnstudio"
    save_project(make_template("xor"), path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(name, data)
    return path


def _npz(arrays: dict) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


RUN = {"id": 1, "name": "run 1", "curves": {"epoch": [1, 2], "train_loss": [0.5, 0.4]}}


@pytest.mark.parametrize(
    "runs, words",
    [
        ({"id": 1}, "must hold a list of runs"),
        ([dict(RUN), dict(RUN)], "'id' must be a unique whole number"),
        ([{**RUN, "name": 3}], "'name' must be text"),
        ([{**RUN, "curves": {"epoch": [1, 2], "train_loss": [0.5]}}], "different lengths"),
        ([{**RUN, "curves": {"epoch": [1], "train_loss": ["x"]}}], "finite numbers or null"),
        ([{**RUN, "findings": [1]}], "'findings' must be a list of text"),
    ],
)
def test_bad_runs_json_is_a_typed_error(tmp_path, runs, words) -> None:
    path = _with_member(tmp_path, "runs.json", json.dumps(runs).encode())
    with pytest.raises(ProjectFormatError, match=words):
        load_project(path)


@pytest.mark.parametrize(
    "arrays, words",
    [
        ({"3.params": np.zeros(4)}, "epoch 3 lacks params or state"),
        ({"x.params": np.zeros(4), "x.state": np.zeros(0)}, "is not a snapshot vector"),
        ({"1.params": np.zeros((2, 2)), "1.state": np.zeros(0)}, "is not a snapshot vector"),
        (
            {
                "1.params": np.zeros(4),
                "1.state": np.zeros(0),
                "2.params": np.zeros(5),
                "2.state": np.zeros(0),
            },
            "different sizes",
        ),
        ({"1.params": np.array([np.nan]), "1.state": np.zeros(0)}, "NaN or infinity"),
        ({"1.params": np.zeros(3, dtype=np.int64), "1.state": np.zeros(0)}, "dtype"),
    ],
)
def test_bad_snapshots_npz_is_a_typed_error(tmp_path, arrays, words) -> None:
    path = _with_member(tmp_path, "snapshots.npz", _npz(arrays))
    with pytest.raises(ProjectWeightsError, match=words):
        load_project(path)


def test_cli_reports_a_bad_member_on_one_line(tmp_path, capsys) -> None:
    path = _with_member(tmp_path, "runs.json", b"[1, 2")
    assert main(["info", str(path)], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "runs.json" in err


def test_snapshots_round_trip_exactly(tmp_path) -> None:
    project = make_template("xor")
    rng = np.random.default_rng(0)
    project.snapshots = {
        "0.params": rng.normal(size=17).astype(np.float32),
        "0.state": np.zeros(0, np.float32),
        "9.params": rng.normal(size=17).astype(np.float32),
        "9.state": np.zeros(0, np.float32),
    }
    path = tmp_path / "s.nnstudio"
    save_project(project, path)
    loaded = load_project(path)
    assert set(loaded.snapshots) == set(project.snapshots)
    for name, value in project.snapshots.items():
        np.testing.assert_array_equal(loaded.snapshots[name], value)
        assert loaded.snapshots[name].dtype == value.dtype


def test_curves_and_rows_are_inverse() -> None:
    rows = [{"epoch": 1, "train_loss": 0.5, "test_loss": None}, {"epoch": 2, "train_loss": 0.25}]
    curves = curves_from_rows(rows)
    assert curves == {"epoch": [1, 2], "train_loss": [0.5, 0.25]}
    assert rows_from_curves(curves) == [
        {"epoch": 1, "train_loss": 0.5},
        {"epoch": 2, "train_loss": 0.25},
    ]
    assert issubclass(ProjectFormatError, ProjectError)
