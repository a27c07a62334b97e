"""The io package's messages are nnstudio.text.Text: the same English, with the template
and values a translated interface formats again."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nnstudio.data import DataSettings
from nnstudio.graph import GraphError, InvalidGraphError, NetworkSpec, compile_spec, train_config
from nnstudio.io import (
    Project,
    ProjectError,
    WeightsImportError,
    apply_weights,
    load_project,
    save_project,
)
from nnstudio.io.errors import OutputPathError, ProjectFormatError, ProjectVersionError
from nnstudio.io.export import ExportError, export_project
from nnstudio.io.history import check_history
from nnstudio.io.messages import flat, joined, size_text
from nnstudio.io.paths import check_output_path
from nnstudio.text import Text, message


def render(value: Any, translate=lambda template: template) -> str:
    """``value`` formatted again from its templates (each passed through ``translate``),
    the way the GUI's ``core_tr`` does; with the identity it must give the English."""
    if isinstance(value, Text):
        if not value.values:
            return translate(value.template)
        values = {k: _render_value(v, translate) for k, v in value.values.items()}
        return translate(value.template).format(**values)
    return value


def _render_value(value: Any, translate) -> Any:
    if isinstance(value, Text):
        return render(value, translate)
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        return ", ".join(render(v, translate) for v in value)
    return value


def project(trained: bool = False) -> Project:
    spec = NetworkSpec.sequential(2, [3], "tanh", 1, "sigmoid")
    p = Project(
        name="m",
        network=spec,
        data=DataSettings(name="xor", n_points=40),
        training=train_config(dtype="float64", epochs=2),
    )
    if trained:
        p.weights = compile_spec(spec, dtype="float64", seed=1).get_weights()
    return p


def test_a_missing_project_file_names_the_path_in_a_text(tmp_path: Path) -> None:
    path = tmp_path / "nope.nnstudio"
    with pytest.raises(ProjectError) as info:
        load_project(path)
    text = message(info.value)
    assert isinstance(text, Text)
    assert text.template == "project file not found: {path}"
    assert text.values == {"path": str(path)}
    assert text == f"project file not found: {path}"


def test_a_load_error_is_wrapped_with_the_path_keeping_the_inner_text(tmp_path: Path) -> None:
    path = tmp_path / "p.nnstudio"
    save_project(project(), path)
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    doc = json.loads(members["project.json"])
    doc["format_version"] = 99
    doc["app_version"] = "9.0"
    members["project.json"] = json.dumps(doc).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(ProjectVersionError) as info:
        load_project(path)
    outer = message(info.value)
    assert outer.template == "{path}: {error}"
    assert outer.values["path"] == str(path)
    inner = outer.values["error"]
    assert isinstance(inner, Text)
    assert inner.template.startswith("this project was made by a newer NN Studio ({made_by})")
    assert inner.values["made_by"] == "9.0" and inner.values["version"] == 99
    assert "newer NN Studio (9.0) (file format 99;" in str(info.value)
    assert render(outer) == str(info.value)


def test_mismatched_weights_list_each_problem_as_a_text() -> None:
    p = project()
    good = compile_spec(p.network, dtype="float64", seed=0).get_weights()
    weights = dict(good)
    weights["dense_1.weight"] = np.zeros((5, 3))
    weights["ghost.bias"] = np.zeros(2)
    with pytest.raises(WeightsImportError) as info:
        apply_weights(p, weights)
    err = info.value
    text = message(err)
    assert text.template == "the weights do not match the network ({n} problems): {problems}"
    assert text.values["n"] == 2
    problems = {t.template: t.values for t in err.problems}
    assert problems["'{name}' has shape {shape}, the network needs {needed}"] == {
        "name": "dense_1.weight",
        "shape": "(5, 3)",
        "needed": "(2, 3)",
    }
    assert problems["unexpected tensor '{name}': the network has no such parameter"] == {
        "name": "ghost.bias"
    }
    joined_problems = text.values["problems"]
    assert joined_problems.template == "{first}; {rest}"
    assert joined_problems == "; ".join(err.problems)
    # a translation of each piece reaches the whole message
    zh = {"{first}; {rest}": "{first}；{rest}"}
    assert "；" in render(text, lambda t: zh.get(t, t))
    assert render(text) == str(err)


def test_joined_nests_balanced_and_keeps_the_english() -> None:
    items = [Text("problem {i}", i=i) for i in range(1000)]
    whole = joined(items)
    assert whole == "; ".join(items)
    depth, node = 0, whole
    while node.template == "{first}; {rest}":
        node, depth = node.values["first"], depth + 1
    assert depth <= 11
    assert joined(items[:1]) is items[0]
    assert joined([]) == ""
    assert joined(["a", "b", "c"], "\n  ") == "a\n  b\n  c"
    assert joined(["a", "b"], " ").template == "{first} {rest}"


def test_sizes_are_texts_with_their_unit() -> None:
    assert size_text(512) == "512 bytes" and size_text(512).template == "{n} bytes"
    mb = size_text(3 * (1 << 20) // 2)
    assert mb == "1.5 MB" and mb.values == {"size": 1.5, "unit": "MB"}


def test_flat_keeps_a_one_line_text_and_rebuilds_several_graph_problems() -> None:
    one = GraphError(Text("node {id} is dangling", id="dense_2"))
    assert flat(one) is one.args[0]
    many = InvalidGraphError([one, GraphError(Text("no output node"))])
    text = flat(many)
    assert isinstance(text, Text)
    assert text.template == "The network has {n} problems: {problems}"
    assert text == "The network has 2 problems: node dense_2 is dangling; no output node"
    plain = GraphError("line one\n- a\n- b")
    assert flat(plain) == "line one a; b"


def test_history_errors_nest_where_the_entry_is() -> None:
    with pytest.raises(ProjectFormatError) as info:
        check_history([{"epoch": 1}, {"epoch": -2}])
    text = message(info.value)
    assert text.template == "{where}, '{key}' must be a whole number >= 0, not {value}"
    assert text.values["where"].template == "{name}: entry {i}"
    assert text.values["where"].values == {"name": "history.json", "i": 1}
    assert text == "history.json: entry 1, 'epoch' must be a whole number >= 0, not -2"


def test_output_path_words_are_translatable(tmp_path: Path) -> None:
    src = tmp_path / "p.nnstudio"
    src.write_bytes(b"x")
    with pytest.raises(OutputPathError) as info:
        check_output_path(src, [("project file", src)], what="export")
    text = message(info.value)
    assert text.values["what"].template == "export"
    assert text.values["label"].template == "project file"
    assert text == (
        f"refusing to write the export to {src}: it is the project file {src}, which would be "
        "destroyed; choose another file name"
    )
    words = {"export": "导出文件", "project file": "项目文件"}
    assert "导出文件" in render(text, lambda t: words.get(t, t))


def test_export_errors_and_the_untrained_warning_are_texts(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        export_project(project(), "tflite", tmp_path / "m.x")
    text = message(info.value)
    assert text.template == "unknown export format '{format}'; choose one of {formats}"
    assert text.values["format"] == "tflite" and "onnx" in text.values["formats"]
    warnings = export_project(project(), "npz", tmp_path / "m.npz")
    assert [type(w) for w in warnings] == [Text]
    assert warnings[0].template == "network is untrained: exporting its initial weights"
