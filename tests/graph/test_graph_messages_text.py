"""Messages of the network description are nnstudio.text.Text (issue 16): the English stays
as it was, and the template and values let the GUI show them in the learner's language."""

from __future__ import annotations

import re

import pytest

from nnstudio.graph import (
    InvalidGraphError,
    NetworkSpec,
    ParamError,
    SpecFormatError,
    analyse,
    combine_errors,
    fill_params,
    fill_training,
    validate,
)
from nnstudio.graph.memory import MemoryEstimate, NotEnoughMemoryError, check_memory
from nnstudio.graph.spec import Node
from nnstudio.text import Text, message


def _raw(nodes, edges) -> NetworkSpec:
    """A spec built without the checks of add_node/add_edge (broken on purpose)."""
    from nnstudio.graph.spec import Edge

    spec = NetworkSpec()
    for nid, kind, params in nodes:
        spec.nodes[nid] = Node(nid, kind, params)
    for src, dst in edges:
        spec.edges.append(Edge(src, dst, sum(1 for e in spec.edges if e.dst == dst)))
    return spec


def test_a_validation_problem_is_a_text_with_its_values() -> None:
    spec = _raw(
        [("i", "input", {"units": 2}), ("j", "input", {"units": 2}), ("d", "dense", {})],
        [("i", "d"), ("j", "d")],
    )
    (err,) = [e for e in validate(spec) if "input nodes" in e.message]
    text = message(err)
    assert isinstance(text, Text) and text is err.message
    assert text.template == (
        "The network has {n} input nodes ({ids}); keep one and delete the others."
    )
    assert text.values == {"n": 2, "ids": ["i", "j"]}
    assert str(err) == "The network has 2 input nodes (i, j); keep one and delete the others."


def test_parameter_errors_nest_the_owner_the_problem_and_the_range_hint() -> None:
    spec = NetworkSpec.sequential(2, [3])
    with pytest.raises(ParamError) as info:
        spec.set_param("dense_1", "units", 0)
    text = message(info.value)
    assert text == "dense_1: 'units' is 0 but must be at least 1 (allowed: 1 to 100000)."
    assert text.template == "{owner}: {problem}" and text.values["owner"] == "dense_1"
    problem = text.values["problem"]
    assert problem.template == "'{name}' is {value} but must be at least {min}{hint}."
    assert problem.values["name"] == "units" and problem.values["value"] == 0
    hint = problem.values["hint"]
    assert hint.template == " (allowed: {min} to {max})"
    assert hint.values == {"min": 1, "max": 100000}
    assert info.value.node_ids == ("dense_1",)


def test_settings_errors_name_the_entry_with_a_translatable_text() -> None:
    with pytest.raises(ParamError) as info:
        fill_params("optimizer", "adam", {"beta1": 3})
    text = message(info.value)
    assert text.template == "{owner}: {problem}"
    owner = text.values["owner"]
    assert owner.template == "optimizer {name}" and owner.values == {"name": "adam"}
    assert (
        text.values["problem"].template == "'{name}' is {value} but must be less than {max}{hint}."
    )
    assert info.value.node_ids == ()  # an entry, not a node

    with pytest.raises(ParamError) as info:
        fill_training({"zz": 1})
    text = message(info.value)
    assert text.template == "Unknown training setting(s): {unknown}. Known: {known}."
    assert text.values["unknown"] == ["zz"]
    assert "learning_rate" in text.values["known"]
    with pytest.raises(ParamError) as info:
        fill_training({"learning_rate": "fast"})
    assert message(info.value).values["owner"] == Text("training settings")
    assert message(info.value).values["owner"].template == "training settings"


def test_an_unknown_parameter_of_an_entry_without_parameters_says_none() -> None:
    with pytest.raises(ParamError) as info:
        fill_params("activation", "relu", {"slope": 0.1})
    problem = message(info.value).values["problem"]
    assert problem.template == (
        "{title} has no parameter {name!r} (parameters: {allowed}); remove it."
    )
    assert problem.values["allowed"].template == "none"
    assert str(info.value).endswith("(parameters: none); remove it.")


def test_loss_problems_keep_units_and_alternatives_as_texts() -> None:
    spec = NetworkSpec.sequential(2, [4], "relu", 3, "relu")
    errors = validate(spec, loss="bce", task="binary", n_classes=2)
    units = next(message(e) for e in errors if "needs exactly 1 output unit" in e.message)
    assert units.values["units"].template == "{n} units"
    assert units.values["units"].values == {"n": 3}
    act = next(message(e) for e in errors if "must use sigmoid" in e.message)
    assert act.values["alt"].template == "or use bce_logits with a linear output"
    assert act == (
        "With bce the output 'dense_2' must use sigmoid, not relu: change its activation to "
        "sigmoid (or use bce_logits with a linear output)."
    )


def test_the_softmax_cross_entropy_note_is_a_text() -> None:
    spec = NetworkSpec.sequential(2, [4], "relu", 3, "softmax")
    result = analyse(spec, loss="cce", task="multiclass", n_classes=3)
    assert result.valid
    (note,) = result.warnings
    assert note.severity == "warning"
    assert isinstance(note.message, Text) and note.message.values == {"out": "dense_2"}
    assert note.message.template.startswith("'{out}' ends in softmax and the loss is")


def test_several_problems_are_one_text_with_a_line_per_problem() -> None:
    spec = _raw(
        [("i", "input", {"units": 2}), ("a", "dense", {}), ("b", "dense", {})],
        [("i", "a"), ("i", "b")],
    )
    errors = validate(spec, n_features=3)
    assert len(errors) == 2
    combined = combine_errors(errors)
    assert isinstance(combined, InvalidGraphError)
    text = message(combined)
    assert str(combined) == "The network has 2 problems:\n- " + "\n- ".join(
        e.message for e in errors
    )
    # unwind the lines: each is the problem's own Text
    lines = []
    while text.template == "{before}\n- {problem}":
        lines.insert(0, text.values["problem"])
        text = text.values["before"]
    assert text.template == "The network has {n} problems:" and text.values == {"n": 2}
    assert lines == [e.message for e in errors]
    assert all(line is e.message for line, e in zip(lines, errors, strict=True))


def test_spec_format_errors_are_texts() -> None:
    with pytest.raises(SpecFormatError) as info:
        NetworkSpec.from_dict({"nodes": [{"id": "a", "kind": "dense", "zz": 1, "aa": 2}]})
    text = message(info.value)
    assert text.template == "Node #{i} has unknown field(s): {fields}."
    assert text.values == {"i": 0, "fields": ["aa", "zz"]}
    assert text == "Node #0 has unknown field(s): aa, zz."


def test_not_enough_memory_is_a_text_with_translatable_pieces() -> None:
    with pytest.raises(NotEnoughMemoryError) as info:
        check_memory(MemoryEstimate(2 << 30, 0, 1 << 30), available=1 << 20)
    text = message(info.value)
    assert text.values["doing"].template == "training this network"
    assert [p.template for p in text.values["parts"]] == [
        "weights and gradients {size}",
        "layer outputs {size}",
    ]
    assert text.values["advice"].template == "fewer units or layers, or a smaller batch size"
    assert str(info.value) == (
        "training this network needs about 3.0 GB of memory (weights and gradients 2.0 GB, "
        "layer outputs 1.0 GB), but this machine has 1.0 MB available; use fewer units or "
        "layers, or a smaller batch size"
    )


_BROKEN = {
    "unknown kind and parameter": _raw(
        [("a", "zz", {}), ("i", "input", {"units": 2}), ("b", "dense", {"units": 1, "q": 2})],
        [("i", "b"), ("x", "b")],
    ),
    "cycle": _raw(
        [("i", "input", {"units": 2}), ("a", "dense", {}), ("b", "dense", {}), ("c", "dense", {})],
        [("i", "a"), ("a", "b"), ("b", "c"), ("c", "b")],
    ),
    "dangling and arity": _raw(
        [
            ("i", "input", {"units": 2}),
            ("a", "dense", {}),
            ("b", "dense", {}),
            ("c", "add", {}),
            ("d", "dense", {}),
        ],
        [("i", "a"), ("a", "c"), ("b", "d")],
    ),
    "no input": _raw([("a", "dense", {})], []),
    "input only": _raw([("i", "input", {"units": 2})], []),
}

#: two English words in a row: a sentence that would stay English in the Chinese window
_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")


def _plain_values(text: Text):
    for key, value in text.values.items():
        if isinstance(value, Text):
            yield from _plain_values(value)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, Text):
                    yield from _plain_values(item)
                else:
                    yield key, item
        else:
            yield key, value


@pytest.mark.parametrize("name", sorted(_BROKEN))
def test_every_validation_problem_is_a_text_without_english_sentences_in_values(name) -> None:
    result = analyse(_BROKEN[name], (3,), loss="cce", task="multiclass", n_classes=3)
    assert result.findings
    for err in result.findings:
        assert isinstance(err.message, Text), err.message
        for key, value in _plain_values(err.message):
            if key != "error":  # an engine error's own message
                assert not (isinstance(value, str) and _WORDS.search(value)), (key, value)


@pytest.mark.parametrize(
    ("loss", "task", "n_classes", "act", "units"),
    [
        ("bce", "multiclass", 3, "sigmoid", 1),
        ("bce", "multiclass", None, "sigmoid", 1),
        ("bce_logits", "binary", 2, "sigmoid", 2),
        ("cce", "multiclass", 3, "sigmoid", 1),
        ("cce", "regression", None, "softmax", 3),
        ("mse", "multiclass", 3, "linear", 1),
        ("mse", "regression", None, "softmax", 2),
        ("zz", "binary", 2, "sigmoid", 1),
    ],
)
def test_every_loss_problem_is_a_text(loss, task, n_classes, act, units) -> None:
    spec = NetworkSpec.sequential(2, [4], "relu", units, act)
    errors = validate(spec, loss=loss, task=task, n_classes=n_classes)
    assert errors
    for err in errors:
        assert isinstance(err.message, Text)
        for key, value in _plain_values(err.message):
            assert not (isinstance(value, str) and _WORDS.search(value)), (key, value)
