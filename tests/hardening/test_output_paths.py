"""Outputs that are inputs are refused (CLI and core), and empty output paths are errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hardening_helpers import run, saved

from nnstudio.io import load_project, save_project
from nnstudio.io.errors import OutputPathError
from nnstudio.io.export import export_project
from nnstudio.io.paths import check_output_path, same_file


@pytest.fixture
def trained(tmp_path: Path) -> Path:
    return saved(tmp_path, trained=True)


def _refused(argv, paths: list[Path], capsys, needle: str = "refusing to write") -> str:
    before = {p: p.read_bytes() for p in paths}
    code, _, err = run(argv, capsys)
    assert code == 1, err
    assert err.startswith("error: ") and err.count("\n") == 1 and needle in err
    for p, data in before.items():
        assert p.read_bytes() == data, f"{p} was changed"
    return err


@pytest.mark.parametrize("fmt", ["npz", "onnx", "safetensors", "numpy"])
def test_export_onto_the_project_is_refused(trained: Path, fmt: str, capsys) -> None:
    err = _refused(["export", trained, "-f", fmt, "-o", trained], [trained], capsys)
    assert str(trained) in err
    load_project(trained)  # still a valid project


def test_predict_onto_the_project_or_the_inputs_is_refused(trained: Path, capsys) -> None:
    x = trained.parent / "X.csv"
    x.write_text("0.1,0.2\n0.3,-0.4\n")
    _refused(["predict", trained, "-i", x, "-o", trained], [trained, x], capsys)
    err = _refused(["predict", trained, "-i", x, "-o", x], [trained, x], capsys)
    assert "input file" in err


def test_train_log_onto_the_project_is_refused(trained: Path, capsys) -> None:
    other = trained.parent / "other.nnstudio"
    _refused(["train", trained, "--log", trained, "-o", other], [trained], capsys)
    assert not other.exists()
    _refused(["train", trained, "--log", other, "-o", other], [trained], capsys)


def test_import_weights_onto_the_weights_file_is_refused(trained: Path, capsys) -> None:
    weights = trained.parent / "W.npz"
    assert run(["export", trained, "-f", "npz", "-o", weights], capsys)[0] == 0
    _refused(["import-weights", trained, weights, "-o", weights], [trained, weights], capsys)
    init = ["train", trained, "--init-weights", weights, "-o", weights]
    _refused(init, [trained, weights], capsys)


def test_a_hard_link_to_the_input_is_refused(trained: Path, capsys) -> None:
    link = trained.parent / "link.nnstudio"
    os.link(trained, link)
    x = trained.parent / "X.csv"
    x.write_text("0.1,0.2\n")
    err = _refused(["predict", trained, "-i", x, "-o", link], [trained, x], capsys)
    assert "hard link" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "{p}", "-o", ""],
        ["train", "{p}", "--log", ""],
        ["new", "-o", ""],
        ["export", "{p}", "-f", "npz", "-o", ""],
        ["predict", "{p}", "-i", "{x}", "-o", ""],
        ["export", "{p}", "-f", "pytorch-train", "-o", ""],
        ["import-weights", "{p}", "{p}", "-o", ""],
    ],
)
def test_an_empty_output_path_is_an_error(trained: Path, argv, capsys) -> None:
    x = trained.parent / "X.csv"
    x.write_text("0.1,0.2\n")
    argv = [a.format(p=trained, x=x) for a in argv]
    _refused(argv, [trained, x], capsys, needle="path is empty")


def test_the_train_default_output_still_overwrites_the_project(trained: Path, capsys) -> None:
    before = len(load_project(trained).history)
    assert run(["train", trained, "-q", "--epochs", "1"], capsys)[0] == 0
    assert len(load_project(trained).history) == before + 1


# spellings of the same file: relative, absolute, with ./ and .., through a symlink
@pytest.mark.parametrize("how", ["plain", "absolute", "dot", "dotdot", "symlink", "hardlink"])
def test_every_spelling_of_the_input_is_recognised(tmp_path: Path, how: str) -> None:
    folder = tmp_path / how
    (folder / "sub").mkdir(parents=True)
    target = folder / "data.csv"
    target.write_text("1,2\n")
    spelled = {
        "plain": target,
        "absolute": target.resolve(),
        "dot": folder / "." / "data.csv",
        "dotdot": folder / "sub" / ".." / "data.csv",
    }
    if how == "symlink":
        spelled[how] = folder / "sym.csv"
        spelled[how].symlink_to(target)
    if how == "hardlink":
        spelled[how] = folder / "hard.csv"
        os.link(target, spelled[how])
    assert same_file(spelled[how], target)
    with pytest.raises(OutputPathError):
        check_output_path(spelled[how], [("dataset", target)])
    assert check_output_path(folder / "other.csv", [target]) == folder / "other.csv"


def test_core_export_refuses_the_project_file_and_its_dataset(tmp_path: Path) -> None:
    path = saved(tmp_path, trained=True)
    project = load_project(path)
    with pytest.raises(OutputPathError):
        export_project(project, "npz", path)
    # the npz export's sidecar is <stem>.json: protected inputs cannot be replaced either
    data = tmp_path / "W.json"
    data.write_text("[]")
    project.data.name = "csv"
    project.data.csv_path = str(data)
    with pytest.raises(OutputPathError):
        export_project(project, "npz", tmp_path / "W.npz")
    assert data.read_text() == "[]"


def test_save_refuses_to_overwrite_the_projects_dataset(tmp_path: Path) -> None:
    path = saved(tmp_path)
    project = load_project(path)
    data = tmp_path / "table.csv"
    data.write_text("a,b\n1,2\n")
    project.data.name = "csv"
    project.data.csv_path = str(data)
    with pytest.raises(OutputPathError):
        save_project(project, data)
    assert data.read_text() == "a,b\n1,2\n"
