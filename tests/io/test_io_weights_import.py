"""Importing weights from .npz / .safetensors into a project."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import save_file

from nnstudio.data import DataSettings
from nnstudio.graph import NetworkSpec, compile_spec, train_config
from nnstudio.io import Project, WeightsImportError, apply_weights, load_weights_file


def project() -> Project:
    spec = NetworkSpec.sequential(2, [5, 3], "relu", 1, "sigmoid")
    return Project(
        name="w",
        network=spec,
        data=DataSettings(name="xor", n_points=40),
        training=train_config(dtype="float64"),
        history=[{"epoch": 1, "train_loss": 1.0}],
    )


def weights_for(p: Project, seed: int = 7) -> dict[str, np.ndarray]:
    return compile_spec(p.network, dtype="float32", seed=seed).get_weights()


def test_npz_and_safetensors_read_back_the_same_tensors(tmp_path: Path) -> None:
    w = weights_for(project())
    np.savez(tmp_path / "w.npz", **w)
    save_file(w, str(tmp_path / "w.safetensors"))
    for name in ("w.npz", "w.safetensors"):
        loaded = load_weights_file(tmp_path / name)
        assert set(loaded) == set(w)
        for key in w:
            np.testing.assert_array_equal(loaded[key], w[key])


def test_apply_weights_copies_and_casts(tmp_path: Path) -> None:
    p = project()
    w = weights_for(p)
    out = apply_weights(p, w)
    assert p.weights is None  # the original is unchanged
    assert out.history == []
    assert set(out.weights) == set(w)
    assert all(v.dtype == np.float64 for v in out.weights.values())
    np.testing.assert_allclose(out.weights["dense_1.weight"], w["dense_1.weight"])
    w["dense_1.weight"][:] = 99  # later edits to the source do not leak in
    assert not np.any(out.weights["dense_1.weight"] == 99)


def test_every_mismatch_is_reported_and_nothing_changes() -> None:
    p = project()
    w = weights_for(p)
    w["dense_1.weight"] = np.zeros((5, 2), np.float32)  # transposed
    w["dense_2.bias"] = np.zeros((4,), np.float32)
    del w["dense_3.weight"]
    w["conv_1.weight"] = np.zeros((3, 3), np.float32)
    w["dense_3.bias"] = np.zeros((1,), np.int64)
    with pytest.raises(WeightsImportError) as info:
        apply_weights(p, w)
    problems = info.value.problems
    assert len(problems) == 5
    text = str(info.value)
    for fragment in (
        "dense_1.weight",
        "(5, 2)",
        "(2, 5)",
        "dense_2.bias",
        "missing",
        "dense_3.weight",
        "unexpected",
        "conv_1.weight",
        "int64",
    ):
        assert fragment in text
    assert p.weights is None


def test_non_finite_weights_are_refused() -> None:
    p = project()
    w = weights_for(p)
    w["dense_2.weight"][0, 0] = np.nan
    with pytest.raises(WeightsImportError, match="NaN"):
        apply_weights(p, w)


def test_invalid_network_cannot_take_weights() -> None:
    p = project()
    p.network.add_node("dense")  # dangling second sink
    with pytest.raises(WeightsImportError, match="not valid"):
        apply_weights(p, weights_for(project()))


def test_bad_weight_files(tmp_path: Path) -> None:
    with pytest.raises(WeightsImportError, match="not found"):
        load_weights_file(tmp_path / "missing.npz")
    (tmp_path / "w.txt").write_text("x")
    with pytest.raises(WeightsImportError, match="neither a .npz nor a .safetensors"):
        load_weights_file(tmp_path / "w.txt")
    with pytest.raises(WeightsImportError, match="is a folder"):
        load_weights_file(tmp_path)
    np.save(tmp_path / "one.npy", np.ones(3))
    with pytest.raises(WeightsImportError, match="one unnamed array"):
        load_weights_file(tmp_path / "one.npy")
    (tmp_path / "bad.npz").write_bytes(b"garbage")
    with pytest.raises(WeightsImportError, match="not a valid .npz"):
        load_weights_file(tmp_path / "bad.npz")
    (tmp_path / "bad.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}garbage")
    with pytest.raises(WeightsImportError, match="not a valid .safetensors"):
        load_weights_file(tmp_path / "bad.safetensors")
    np.savez(tmp_path / "obj.npz", a=np.array([None], dtype=object))
    with pytest.raises(WeightsImportError):
        load_weights_file(tmp_path / "obj.npz")


def test_weight_files_without_the_usual_suffix_are_recognised(tmp_path: Path) -> None:
    w = weights_for(project())
    np.savez(tmp_path / "w.npz", **w)
    save_file(w, str(tmp_path / "w.safetensors"))
    (tmp_path / "w.npz").rename(tmp_path / "weights_npz")
    (tmp_path / "w.safetensors").rename(tmp_path / "weights.bin")
    for name in ("weights_npz", "weights.bin"):
        loaded = load_weights_file(tmp_path / name)
        assert sorted(loaded) == sorted(w)
        np.testing.assert_array_equal(loaded["dense_1.weight"], w["dense_1.weight"])
