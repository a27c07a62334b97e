"""Property-based: corrupted project files raise only ProjectError, never anything else."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.data import DataSettings
from nnstudio.graph import NetworkSpec, compile_spec, train_config
from nnstudio.io import Project, ProjectError
from nnstudio.io.project import project_from_bytes, project_to_dict, save_project


def _valid_bytes(tmp_dir) -> bytes:
    spec = NetworkSpec.sequential(2, [3], "tanh", 1, "sigmoid")
    project = Project(
        name="fuzz",
        network=spec,
        data=DataSettings(name="xor", n_points=40),
        training=train_config(epochs=2),
        weights=compile_spec(spec, seed=1).get_weights(),
        history=[{"epoch": 1, "train_loss": 0.5, "test_loss": 0.6}],
        preprocessor={
            "features": ["x1", "x2"],
            "standardize": True,
            "n_raw": 2,
            "mean": [0.0, 0.0],
            "std": [1.0, 1.0],
        },
    )
    path = tmp_dir / "valid.nnstudio"
    save_project(project, path)
    return path.read_bytes()


def _zip_with_json(doc_text: str, weights: bytes | None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("project.json", doc_text)
        if weights is not None:
            zf.writestr("weights.npz", weights)
    return buf.getvalue()


def _only_project_errors(data: bytes) -> None:
    try:
        project_from_bytes(data, "fuzz.nnstudio")
    except ProjectError:
        pass


_VALID: dict[str, object] = {}


def valid_bytes(tmp_path_factory) -> bytes:
    if "bytes" not in _VALID:
        _VALID["bytes"] = _valid_bytes(tmp_path_factory.mktemp("fuzz"))
    return _VALID["bytes"]  # type: ignore[return-value]


def test_valid_file_loads(tmp_path_factory) -> None:
    project = project_from_bytes(valid_bytes(tmp_path_factory))
    assert project.name == "fuzz" and set(project.weights) == {
        "dense_1.weight",
        "dense_1.bias",
        "dense_2.weight",
        "dense_2.bias",
    }


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(doc, prefix=()):
    """Every (path) into a JSON document, for mutating one value."""
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from _paths(value, (*prefix, i))


@pytest.mark.slow
@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_corrupted_files_raise_only_project_errors(tmp_path_factory, data) -> None:
    valid = valid_bytes(tmp_path_factory)
    kind = data.draw(
        st.sampled_from(
            ["random", "truncate", "flip", "json_value", "json_value", "json_text", "weights"]
        )
    )
    if kind == "random":
        blob = data.draw(st.binary(max_size=300))
        if data.draw(st.booleans()):
            blob = b"PK\x03\x04" + blob
    elif kind == "truncate":
        blob = valid[: data.draw(st.integers(0, len(valid) - 1))]
    elif kind == "flip":
        arr = bytearray(valid)
        for _ in range(data.draw(st.integers(1, 4))):
            i = data.draw(st.integers(0, len(arr) - 1))
            arr[i] ^= data.draw(st.integers(1, 255))
        blob = bytes(arr)
    else:
        with zipfile.ZipFile(io.BytesIO(valid)) as zf:
            doc = json.loads(zf.read("project.json"))
            weights = zf.read("weights.npz")
        if kind == "weights":
            arrays = dict(np.load(io.BytesIO(weights), allow_pickle=False))
            name = data.draw(st.sampled_from(sorted(arrays)))
            change = data.draw(st.sampled_from(["drop", "rename", "reshape", "dtype"]))
            if change == "drop":
                del arrays[name]
            elif change == "rename":
                arrays[data.draw(st.text(min_size=1, max_size=8))] = arrays.pop(name)
            elif change == "reshape":
                shape = data.draw(st.lists(st.integers(0, 4), max_size=3))
                arrays[name] = np.zeros(shape, np.float32)
            else:
                arrays[name] = arrays[name].astype(
                    data.draw(st.sampled_from(["int8", "bool", "U2"]))
                )
            buf = io.BytesIO()
            np.savez(buf, **arrays)
            weights = buf.getvalue()
            text = json.dumps(doc)
        elif kind == "json_value":
            paths = list(_paths(doc))
            path = data.draw(st.sampled_from(paths[1:]))
            target = doc
            for key in path[:-1]:
                target = target[key]
            if data.draw(st.booleans()):
                target[path[-1]] = data.draw(json_values)
            elif isinstance(target, dict):
                del target[path[-1]]
            else:
                target.pop(path[-1])
            text = json.dumps(doc)
        else:
            text = json.dumps(doc)
            i = data.draw(st.integers(0, len(text) - 1))
            text = text[:i] + data.draw(st.text(max_size=3)) + text[i + 1 :]
        keep = kind == "weights" or data.draw(st.booleans())
        blob = _zip_with_json(text, weights if keep else None)
    _only_project_errors(blob)


def test_project_to_dict_is_json(tmp_path_factory) -> None:
    project = project_from_bytes(valid_bytes(tmp_path_factory))
    doc = project_to_dict(project)
    assert json.loads(json.dumps(doc)) == doc
    assert np.all(np.isfinite(project.weights["dense_1.weight"]))
