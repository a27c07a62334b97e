"""Saving and loading .nnstudio project files."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest

from nnstudio.data import DataSettings
from nnstudio.graph import NetworkSpec, compile_spec, train_config
from nnstudio.io import (
    FORMAT_VERSION,
    NotAProjectError,
    Project,
    ProjectDataError,
    ProjectError,
    ProjectFileNotFoundError,
    ProjectFormatError,
    ProjectJSONError,
    ProjectParamError,
    ProjectSaveError,
    ProjectTrainingError,
    ProjectVersionError,
    ProjectWeightsError,
    UnknownLayerKindError,
    load_project,
    save_project,
)


def small_project(trained: bool = True) -> Project:
    spec = NetworkSpec.sequential(2, [4], "tanh", 1, "sigmoid")
    project = Project(
        name="tiny",
        network=spec,
        data=DataSettings(name="circle", n_points=60),
        training=train_config(epochs=3, learning_rate=0.05),
        metadata={"created": "2026-01-01T00:00:00"},
    )
    if trained:
        project.weights = compile_spec(spec, seed=3).get_weights()
        project.history = [
            {"epoch": 1, "train_loss": 0.7, "test_loss": 0.69, "train_accuracy": 0.5},
            {"epoch": 2, "train_loss": 0.6, "test_loss": None, "train_accuracy": 0.75},
        ]
        project.preprocessor = {
            "features": ["x1", "x2"],
            "standardize": True,
            "n_raw": 2,
            "mean": [0.1, -0.2],
            "std": [1.5, 2.0],
        }
    return project


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_members(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def edit_json(path: Path, edit) -> None:
    members = read_members(path)
    doc = json.loads(members["project.json"])
    edit(doc)
    members["project.json"] = json.dumps(doc).encode()
    write_members(path, members)


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    project = small_project()
    path = tmp_path / "p.nnstudio"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded.name == "tiny"
    assert loaded.network.to_dict() == project.network.to_dict()
    assert loaded.data.to_dict() == project.data.to_dict()
    assert loaded.training.to_dict() == project.training.to_dict()
    assert loaded.preprocessor == project.preprocessor
    assert loaded.history == project.history
    assert loaded.metadata == project.metadata
    assert set(loaded.weights) == set(project.weights)
    for name, value in project.weights.items():
        np.testing.assert_array_equal(loaded.weights[name], value)
        assert loaded.weights[name].dtype == value.dtype


def test_zip_layout_and_json_document(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    members = read_members(path)
    assert set(members) == {"project.json", "weights.npz", "history.json"}
    doc = json.loads(members["project.json"])
    assert doc["format_version"] == FORMAT_VERSION == 1
    assert doc["app"] == "nnstudio"
    assert set(doc) >= {"name", "network", "data", "training", "preprocessor", "metadata"}
    npz = np.load(io.BytesIO(members["weights.npz"]), allow_pickle=False)
    assert sorted(npz.files) == ["dense_1.bias", "dense_1.weight", "dense_2.bias", "dense_2.weight"]
    assert npz["dense_1.weight"].shape == (2, 4)
    assert json.loads(members["history.json"])[1]["train_accuracy"] == 0.75


def test_untrained_project_has_only_json(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(trained=False), path)
    assert set(read_members(path)) == {"project.json"}
    loaded = load_project(path)
    assert loaded.weights is None and loaded.history == [] and loaded.preprocessor is None


def test_saving_twice_gives_identical_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.nnstudio", tmp_path / "b.nnstudio"
    save_project(small_project(), a)
    save_project(small_project(), b)
    assert a.read_bytes() == b.read_bytes()


def test_save_is_atomic_and_cleans_up_on_failure(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(trained=False), path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ProjectSaveError, match="disk full"):
        save_project(small_project(), path)
    assert path.read_bytes() == before  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.nnstudio"]  # no temp file left


def test_history_csv_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    members = read_members(path)
    del members["history.json"]
    members["history.csv"] = b"epoch,train_loss,test_accuracy\n1,0.5,\n2,0.25,0.75\n"
    write_members(path, members)
    assert load_project(path).history == [
        {"epoch": 1, "train_loss": 0.5, "test_accuracy": None},
        {"epoch": 2, "train_loss": 0.25, "test_accuracy": 0.75},
    ]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileNotFoundError, match="not found"):
        load_project(tmp_path / "nope.nnstudio")
    with pytest.raises(ProjectFileNotFoundError, match="folder"):
        load_project(tmp_path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    path.write_text("hello, I am text")
    with pytest.raises(NotAProjectError, match="not a zip"):
        load_project(path)


def test_truncated_zip(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(NotAProjectError):
        load_project(path)


def test_missing_and_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    write_members(path, {"other.txt": b"x"})
    with pytest.raises(ProjectJSONError, match="no project.json"):
        load_project(path)
    write_members(path, {"project.json": b"{not json"})
    with pytest.raises(ProjectJSONError, match="not valid JSON"):
        load_project(path)
    write_members(path, {"project.json": b'{"a": NaN}'})
    with pytest.raises(ProjectJSONError, match="NaN"):
        load_project(path)
    write_members(path, {"project.json": b"[1, 2]"})
    with pytest.raises(ProjectFormatError, match="JSON object"):
        load_project(path)


def test_newer_format_version_asks_to_update(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    edit_json(path, lambda d: d.update(format_version=FORMAT_VERSION + 1))
    with pytest.raises(ProjectVersionError, match="newer NN Studio.*update"):
        load_project(path)


@pytest.mark.parametrize("version", [0, -3, "1", 1.0, True, None])
def test_unknown_or_malformed_version(tmp_path: Path, version) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    edit_json(path, lambda d: d.update(format_version=version))
    with pytest.raises(ProjectVersionError):
        load_project(path)


def test_missing_version(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    edit_json(path, lambda d: d.pop("format_version"))
    with pytest.raises(ProjectVersionError, match="format_version"):
        load_project(path)


@pytest.mark.parametrize(
    ("key", "value", "match"),
    [
        ("name", 3, "'name'"),
        ("network", [], "'network'"),
        ("data", "spiral", "'data'"),
        ("training", None, "'training'"),
        ("metadata", [1], "'metadata'"),
        ("preprocessor", 5, "'preprocessor'"),
    ],
)
def test_wrong_types_are_named(tmp_path: Path, key, value, match) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    edit_json(path, lambda d: d.update({key: value}))
    with pytest.raises(ProjectFormatError, match=match):
        load_project(path)


def test_missing_section_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    edit_json(path, lambda d: d.pop("training"))
    with pytest.raises(ProjectFormatError, match="no 'training'"):
        load_project(path)


def test_unknown_layer_kind(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(trained=False), path)
    edit_json(path, lambda d: d["network"]["nodes"][1].update(kind="transformer"))
    with pytest.raises(UnknownLayerKindError, match="transformer"):
        load_project(path)


def test_bad_layer_parameter(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(trained=False), path)
    edit_json(path, lambda d: d["network"]["nodes"][1]["params"].update(units=-4))
    with pytest.raises(ProjectParamError, match="units"):
        load_project(path)


def test_bad_data_and_training_settings(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(trained=False), path)
    edit_json(path, lambda d: d["data"].update(noise=7.0))
    with pytest.raises(ProjectDataError, match="noise"):
        load_project(path)
    save_project(small_project(trained=False), path)
    edit_json(path, lambda d: d["training"].update(optimizer="magic"))
    with pytest.raises(ProjectTrainingError, match="magic|optimizer"):
        load_project(path)
    save_project(small_project(), path)
    edit_json(path, lambda d: d["preprocessor"].update(std=[1.0, -1.0]))
    with pytest.raises(ProjectDataError, match="std"):
        load_project(path)


def _replace_weights(path: Path, weights: dict[str, np.ndarray]) -> None:
    members = read_members(path)
    buf = io.BytesIO()
    np.savez(buf, **weights)
    members["weights.npz"] = buf.getvalue()
    write_members(path, members)


def test_weights_that_do_not_match_the_network(tmp_path: Path) -> None:
    project = small_project()
    path = tmp_path / "p.nnstudio"
    save_project(project, path)
    weights = dict(project.weights)
    weights["dense_1.weight"] = np.zeros((3, 4), np.float32)
    del weights["dense_2.bias"]
    weights["dense_9.weight"] = np.zeros((1,), np.float32)
    _replace_weights(path, weights)
    with pytest.raises(ProjectWeightsError) as info:
        load_project(path)
    problems = info.value.problems
    assert len(problems) == 3
    assert any("dense_1.weight" in p and "(3, 4)" in p and "(2, 4)" in p for p in problems)
    assert any("missing" in p and "dense_2.bias" in p for p in problems)
    assert any("unexpected" in p and "dense_9.weight" in p for p in problems)


def test_pickled_or_damaged_weights_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)
    members = read_members(path)
    buf = io.BytesIO()
    np.savez(buf, **{"dense_1.weight": np.array([{"a": 1}], dtype=object)})
    members["weights.npz"] = buf.getvalue()
    write_members(path, members)
    with pytest.raises(ProjectWeightsError):
        load_project(path)
    members["weights.npz"] = b"garbage"
    write_members(path, members)
    with pytest.raises(ProjectWeightsError, match="damaged"):
        load_project(path)


def test_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.nnstudio"
    path.write_bytes(b"PK\x03\x04 nope")
    with pytest.raises(ProjectError, match="broken.nnstudio"):
        load_project(path)


def test_huge_network_with_small_weights_is_refused_without_compiling(tmp_path: Path) -> None:
    # A damaged file asking for 10^10 parameters must not allocate them to check weights.
    path = tmp_path / "p.nnstudio"
    save_project(small_project(), path)

    def grow(doc):
        nodes = doc["network"]["nodes"]
        nodes[1]["params"]["units"] = 100_000
        nodes[0]["params"]["units"] = 100_000

    edit_json(path, grow)
    with pytest.raises(ProjectWeightsError, match="trainable parameters"):
        load_project(path)


def test_saved_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        path = tmp_path / "p.nnstudio"
        save_project(small_project(), path)
        assert path.stat().st_mode & 0o777 == 0o640  # 0o666 & ~umask, not mkstemp's 0o600
        path.chmod(0o664)
        save_project(small_project(), path)  # replacing keeps the file's permissions
        assert path.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


def test_save_where_it_cannot_be_written_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectSaveError, match="does not exist"):
        save_project(small_project(), tmp_path / "no" / "p.nnstudio")
    with pytest.raises(ProjectSaveError, match="is a folder"):
        save_project(small_project(), tmp_path)
    assert list(tmp_path.iterdir()) == []
