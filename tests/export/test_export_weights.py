"""npz and safetensors exports: the real readers get the names, shapes and values back."""

from __future__ import annotations

import json

import numpy as np
import pytest
from export_cases import ALL_FEATURES, NetworkSpec

from nnstudio.io.export import ExportError, export_network

safetensors_numpy = pytest.importorskip("safetensors.numpy")


def test_npz_loads_without_pickle_and_matches_the_network(dag_case, tmp_path):
    path = tmp_path / "weights.npz"
    export_network(dag_case.spec, dag_case.weights, dag_case.pre_dict, "npz", path)
    with np.load(path, allow_pickle=False) as f:
        loaded = {name: f[name] for name in f.files}
    assert set(loaded) == set(dag_case.network.param_shapes())
    for name, shape in dag_case.network.param_shapes().items():
        assert loaded[name].shape == tuple(shape)
        np.testing.assert_array_equal(loaded[name], dag_case.weights[name])
    assert loaded["dense_1.weight"].shape == (7, 6)  # (fan_in, fan_out)
    description = json.loads((tmp_path / "weights.json").read_text())
    assert description["preprocessing"]["features"] == ALL_FEATURES
    np.testing.assert_allclose(description["preprocessing"]["mean"], dag_case.preprocessor.mean)
    assert NetworkSpec.from_dict(description["network"]) == dag_case.spec
    assert description["weights"] == {k: list(v.shape) for k, v in loaded.items()}


def test_npz_export_imports_back_into_the_app(dag_case, tmp_path):
    io = pytest.importorskip("nnstudio.io")
    path = tmp_path / "weights.npz"
    export_network(dag_case.spec, dag_case.weights, dag_case.pre_dict, "npz", path)
    back = io.load_weights_file(path)
    assert set(back) == set(dag_case.weights)
    for name, value in back.items():
        np.testing.assert_array_equal(value, dag_case.weights[name])


def test_safetensors_reads_back_with_description(dag_case, tmp_path):
    from safetensors import safe_open

    path = tmp_path / "model.safetensors"
    export_network(dag_case.spec, dag_case.weights, dag_case.pre_dict, "safetensors", path)
    loaded = safetensors_numpy.load_file(str(path))
    assert set(loaded) == set(dag_case.weights)
    for name, value in dag_case.weights.items():
        assert loaded[name].dtype == value.dtype
        np.testing.assert_array_equal(loaded[name], value)
    with safe_open(str(path), framework="np") as f:
        meta = f.metadata()
    description = json.loads(meta["nnstudio"])
    assert description["output"]["activation"] == "softmax"
    assert [op["op"] for op in description["ops"]][:2] == ["features", "standardize"]
    assert NetworkSpec.from_dict(description["network"]) == dag_case.spec


def test_unwritable_paths_are_export_errors(dag_case, tmp_path):
    args = (dag_case.spec, dag_case.weights, dag_case.pre_dict)
    with pytest.raises(ExportError, match="does not exist"):
        export_network(*args, "npz", tmp_path / "no" / "such" / "w.npz")
    with pytest.raises(ExportError, match="is a folder"):
        export_network(*args, "npz", tmp_path)
    with pytest.raises(ExportError, match="unknown export format 'h5'"):
        export_network(*args, "h5", tmp_path / "w.h5")
    assert list(tmp_path.iterdir()) == []
