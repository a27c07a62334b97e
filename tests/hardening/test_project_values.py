"""Values in a project file: non-finite numbers, history rows, preprocessing statistics,
weight dtypes. Each is refused when the file is read, with a typed one-line error."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from hardening_helpers import edit_doc, members, run, saved, write_members
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.io import load_project, save_project
from nnstudio.io.errors import (
    ProjectDataError,
    ProjectFormatError,
    ProjectJSONError,
    ProjectWeightsError,
)
from nnstudio.io.project import project_from_bytes

_TRAINED: dict[str, bytes] = {}


def trained_bytes(tmp_path_factory) -> bytes:
    if "xor" not in _TRAINED:
        _TRAINED["xor"] = saved(tmp_path_factory.mktemp("values"), trained=True).read_bytes()
    return _TRAINED["xor"]


def _numeric_paths(value, path=()) -> list[tuple]:
    """Every path to a number (not bool) inside a JSON document."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _numeric_paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _numeric_paths(v, (*path, i))]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [path]
    return []


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _set(doc, path: tuple, text: str) -> str:
    """``doc`` serialised with the value at ``path`` replaced by the raw JSON ``text``."""
    marker = "__NNSTUDIO_MARKER__"
    target = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = marker
    return json.dumps(doc).replace(f'"{marker}"', text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), literal=st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", "-Infinity"]))
def test_a_non_finite_number_anywhere_is_refused_naming_the_field(
    tmp_path_factory, data, literal: str
) -> None:
    parts = members_of(trained_bytes(tmp_path_factory))
    doc = json.loads(parts["project.json"])
    paths = _numeric_paths(doc)
    path = data.draw(st.sampled_from(paths))
    parts["project.json"] = _set(doc, path, literal).encode()
    with pytest.raises(ProjectJSONError) as info:
        project_from_bytes(_zip(parts), "p.nnstudio")
    message = str(info.value)
    assert "\n" not in message
    if literal.endswith("1e400"):
        assert _dotted(path) in message and "infinity" in message
    else:
        assert literal.lstrip("-") in message


def members_of(data: bytes) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_saved_project_never_holds_what_it_cannot_reload(tmp_path: Path) -> None:
    """1e400 used to load as infinity and then make every save fail."""
    path = saved(tmp_path)
    edit_doc(path, lambda d: None)
    parts = members(path)
    text = parts["project.json"].decode().replace('"learning_rate": 0.03', '"learning_rate": 1e400')
    text = text.replace('"learning_rate": 0.1', '"learning_rate": 1e400')
    assert "1e400" in text
    parts["project.json"] = text.encode()
    write_members(path, parts)
    with pytest.raises(ProjectJSONError, match=r"training\.learning_rate"):
        load_project(path)


BAD_EPOCHS = ['"abc"', "null", "1e400", "-1", "1.5", "true", "[]"]


@pytest.mark.parametrize("epoch", BAD_EPOCHS)
def test_bad_history_epochs_fail_info_and_validate_not_train(
    tmp_path: Path, epoch: str, capsys
) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    history = json.loads(parts["history.json"])
    text = json.dumps(history).replace(f'"epoch": {history[-1]["epoch"]}', f'"epoch": {epoch}', 1)
    if text == json.dumps(history):
        text = json.dumps(history).replace('"epoch": 1', f'"epoch": {epoch}', 1)
    parts["history.json"] = text.encode()
    write_members(path, parts)
    for command in ("info", "validate", "train"):
        code, _, err = run([command, path], capsys)
        assert code == 1, command
        assert err.startswith("error: ") and "internal error" not in err
        assert "epoch" in err and err.count("\n") == 1


@pytest.mark.parametrize("cell", ["", "abc", "1e400", "2.5"])
def test_history_csv_with_a_bad_epoch_cell_is_refused(tmp_path: Path, cell: str) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    del parts["history.json"]
    parts["history.csv"] = f"epoch,train_loss\n1,0.5\n{cell},0.4\n".encode()
    write_members(path, parts)
    with pytest.raises(ProjectFormatError, match="entry 1, 'epoch'"):
        load_project(path)


@pytest.mark.parametrize("value", ['"abc"', "1e400", "true", "{}"])
def test_history_metrics_must_be_finite_numbers_or_null(tmp_path: Path, value: str) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    text = parts["history.json"].decode()
    parts["history.json"] = text.replace(
        '"train_loss": ', f'"train_loss": {value}, "x": ', 1
    ).encode()
    write_members(path, parts)
    with pytest.raises((ProjectFormatError, ProjectJSONError)):
        load_project(path)


def test_a_valid_history_with_nulls_loads_and_continues(tmp_path: Path, capsys) -> None:
    path = saved(tmp_path, trained=True)
    project = load_project(path)
    project.history[-1]["test_loss"] = None
    save_project(project, path)
    assert run(["train", path, "-q", "--epochs", "1"], capsys)[0] == 0
    assert [row["epoch"] for row in load_project(path).history] == [1, 2]


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("std", 1e-300, "standard deviation"),
        ("std", 1e300, "standard deviation"),
        ("mean", 1e308, "mean"),
        ("mean", -1e20, "mean"),
    ],
)
def test_preprocessing_statistics_out_of_range_are_refused(
    tmp_path: Path, field: str, value: float, needle: str
) -> None:
    path = saved(tmp_path, trained=True)

    def edit(doc) -> None:
        doc["preprocessor"][field][0] = value

    edit_doc(path, edit)
    with pytest.raises(ProjectDataError, match=needle):
        load_project(path)


def test_predict_never_writes_nan_rows(tmp_path: Path, capsys, monkeypatch) -> None:
    """Whatever makes the network's output NaN (statistics are bounded at load, but a
    network can still overflow), predict fails instead of writing NaN rows."""
    from nnstudio.session import Predictor

    path = saved(tmp_path, trained=True)
    real = Predictor.predict_raw

    def overflowing(self, raw):
        out = real(self, raw)
        out[1] = np.nan
        return out

    monkeypatch.setattr(Predictor, "predict_raw", overflowing)
    x = tmp_path / "X.csv"
    x.write_text("0.5,0.5\n-0.5,-0.5\n1,1\n")
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    code, _, err = run(["predict", path, "-i", x, "-o", out], capsys)
    assert code == 1 and "NaN or infinite outputs for 1 of 3 rows (rows 2)" in err
    assert "nothing was written" in err and out.read_text() == "old\n"
    monkeypatch.setattr(Predictor, "predict_raw", real)
    assert run(["predict", path, "-i", x, "-o", out], capsys)[0] == 0
    assert len(out.read_text().splitlines()) == 4


@pytest.mark.parametrize("dtype", ["float16", "complex128", "int64", "longdouble", "bool"])
def test_unsupported_weight_dtypes_are_refused_at_load(tmp_path: Path, dtype: str) -> None:
    if dtype == "longdouble" and np.dtype(np.longdouble).itemsize == 8:
        pytest.skip("this platform's long double is float64")
    path = saved(tmp_path, trained=True)
    parts = members(path)
    with np.load(io.BytesIO(parts["weights.npz"])) as npz:
        arrays = {k: npz[k] for k in npz.files}
    name = sorted(arrays)[0]
    arrays[name] = arrays[name].astype(dtype)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    parts["weights.npz"] = buf.getvalue()
    write_members(path, parts)
    with pytest.raises(ProjectWeightsError) as info:
        load_project(path)
    assert "float32 or float64" in str(info.value) and name in str(info.value)


def test_object_arrays_are_refused_without_unpickling(tmp_path: Path) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    buf = io.BytesIO()
    np.savez(buf, **{"dense_1.weight": np.array([object()], dtype=object)})
    parts["weights.npz"] = buf.getvalue()
    write_members(path, parts)
    with pytest.raises(ProjectWeightsError, match="dtype object"):
        load_project(path)


def test_a_lone_surrogate_in_the_name_prints(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = saved(tmp_path)
    edit_doc(path, lambda doc: doc.update(name="x\ud800y"))
    assert load_project(path).name == "x\ud800y"
    proc = subprocess.run(
        [sys.executable, "-m", "nnstudio", "info", str(path)],
        capture_output=True,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"x\\ud800y" in proc.stdout
