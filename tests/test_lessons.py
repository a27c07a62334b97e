"""Lessons (no Qt): every lesson loads in both languages, every "Show me" reaches its
step's check through the core, the tutorial's XOR network fails as written and learns once
fixed, and ``nnstudio lessons`` lists them."""

from __future__ import annotations

import importlib.util
import io
import json
import shutil

import numpy as np
import pytest

from nnstudio.cli import main as cli_main
from nnstudio.lessons import (
    CHECKS,
    LessonError,
    Progress,
    all_lessons,
    decided_accuracy,
    get_lesson,
    lessons_dir,
    passes,
    show_me,
)
from nnstudio.session import Session

LESSON_IDS = [
    "one-neuron",
    "layers",
    "activations",
    "losses",
    "forward-backward",
    "optimizers",
    "xor-tutorial",
]


def test_the_seven_lessons_in_order_with_both_languages():
    lessons = all_lessons()
    assert [lesson.id for lesson in lessons] == LESSON_IDS
    for lesson in lessons:
        assert lesson.title_in("en") and lesson.title_in("zh_CN") != lesson.title_in("en")
        assert lesson.intro("en").startswith("# ") and lesson.intro("zh_CN").startswith("# ")
        assert lesson.intro("zh_CN") != lesson.intro("en")
        assert lesson.steps
        for step in lesson.steps:
            assert (
                step.text_in("en")
                and step.text_in("zh")
                and step.text_in("zh") != step.text_in("en")
            )
            assert step.show, f"{lesson.id}/{step.id} has no 'Show me'"
        project = lesson.load_project()
        assert project.network.nodes


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_show_me_reaches_its_check(lesson_id, tmp_path):
    lesson = get_lesson(lesson_id)
    progress = Progress(lesson.load_project())
    for step in lesson.steps:
        progress = show_me(lesson, step, progress, tmp_path)
        assert passes(step.check, progress), f"{lesson_id}/{step.id}: {step.check}"


def test_checks_notice_what_is_not_done_yet():
    lesson = get_lesson("layers")
    start = Progress(lesson.load_project())
    hidden, trained = lesson.steps[1].check, lesson.steps[2].check
    assert not passes(hidden, start)  # one unit, no hidden layer
    assert not passes(trained, start)  # untrained: no accuracy yet
    xor = get_lesson("xor-tutorial")
    begin = Progress(xor.load_project())
    assert not passes(xor.steps[2].check, begin)  # the tutorial's learning rate 0.1
    assert not passes(xor.steps[4].check, begin)  # nothing exported
    assert not passes({"type": "activation_is", "node": "hidden", "value": "tanh"}, begin)


def test_xor_as_written_fails_and_the_fixed_network_learns(tmp_path):
    lesson = get_lesson("xor-tutorial")
    start = lesson.load_project()
    # the tutorial's network: one sigmoid unit, MSE, plain gradient descent, lr 0.1
    assert [n.kind for n in start.network.nodes.values()] == ["input", "dense"]
    dense = start.network.nodes["dense_1"].params
    assert (dense["units"], dense["activation"], dense["init"]) == (1, "sigmoid", "normal")
    t = start.training
    assert (t.loss, t.optimizer, t.learning_rate) == ("mse", "sgd", 0.1)
    # it starts from the tutorial's weights: standard normal x 0.01, zero bias
    w = start.weights["dense_1.weight"]
    assert w.shape == (2, 1) and 0 < np.abs(w).max() < 0.05
    assert np.array_equal(start.weights["dense_1.bias"], np.zeros(1))
    session = Session.from_project(start)
    np.testing.assert_array_equal(session.network.get_weights()["dense_1.weight"], w)
    progress = Progress(start)
    steps = {step.id: step for step in lesson.steps}
    progress = show_me(lesson, steps["as-written"], progress, tmp_path)
    assert progress.epochs == 2000
    assert progress.accuracy < 0.75
    for name in ("hidden-layer", "learning-rate", "train-fixed"):
        progress = show_me(lesson, steps[name], progress, tmp_path)
    assert progress.accuracy == 1.0
    # the training split is exactly the tutorial's four inputs
    x = Session.from_project(progress.project).dataset.raw_train
    assert sorted(map(tuple, x.tolist())) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_the_exported_numpy_script_matches_the_trained_network(tmp_path):
    lesson = get_lesson("xor-tutorial")
    progress = Progress(lesson.load_project())
    for step in lesson.steps:
        progress = show_me(lesson, step, progress, tmp_path)
    script = tmp_path / "xor-tutorial.py"
    assert script.is_file() and "numpy" in progress.exported
    source = script.read_text()
    assert "import numpy" in source and "torch" not in source
    spec = importlib.util.spec_from_file_location("xor_script", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from nnstudio.session import Predictor

    inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    expected = Predictor(progress.project).predict_raw(inputs)
    names = [n for n in ("predict", "forward") if hasattr(module, n)]
    assert names, "the script has a predict/forward function"
    got = np.asarray(getattr(module, names[0])(inputs), dtype=float)
    np.testing.assert_allclose(got.reshape(expected.shape), expected, atol=1e-6)
    assert ((got.reshape(-1) > 0.5) == np.array([0, 1, 1, 0], bool)).all()


def test_decided_accuracy_counts_undecided_outputs_as_wrong():
    lesson = get_lesson("xor-tutorial")
    project = lesson.load_project()
    project.weights = {
        "dense_1.weight": np.zeros((2, 1)),
        "dense_1.bias": np.zeros(1),
    }
    assert decided_accuracy(project) == 0.0  # 0.5 for every input: nothing decided


def test_unknown_lesson_names_the_known_ones():
    with pytest.raises(LessonError, match="xor-tutorial"):
        get_lesson("nope")


def test_a_lesson_with_an_unknown_check_is_refused(tmp_path):
    folder = tmp_path / "lessons"
    shutil.copytree(lessons_dir() / "one-neuron", folder / "one-neuron")
    doc = json.loads((folder / "one-neuron" / "lesson.json").read_text())
    doc["steps"][0]["check"] = {"type": "magic"}
    (folder / "one-neuron" / "lesson.json").write_text(json.dumps(doc))
    with pytest.raises(LessonError, match="unknown check"):
        all_lessons(folder)
    assert "magic" not in CHECKS


def test_cli_lists_the_lessons_one_per_line():
    out = io.StringIO()
    assert cli_main(["lessons"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert [line.split("\t")[0] for line in lines] == LESSON_IDS
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in lines)
    zh = io.StringIO()
    assert cli_main(["lessons", "--lang", "zh"], out=zh) == 0
    assert "一个神经元" in zh.getvalue()


def test_activation_curves_come_from_the_engine_and_are_shown():
    """The activations lesson's picture is what the engine's kernels compute (regenerated
    by scripts/make_lesson_projects.py) and both intros show it."""
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "make_lesson_projects", repo / "scripts" / "make_lesson_projects.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lesson = get_lesson("activations")
    svg = lesson.file("curves.svg").read_text()
    assert svg == module.activation_curves_svg()
    assert svg.count("<polyline") == 3 * 4  # per function: two axes, f and its derivative
    for language in ("en", "zh"):
        assert "](curves.svg)" in lesson.intro(language)


def test_setting_a_weight_by_hand_counts_only_before_training(tmp_path):
    lesson = get_lesson("one-neuron")
    start = Progress(lesson.load_project())
    assert not passes({"type": "weights_set_by_hand"}, start)
    by_hand = show_me(lesson, lesson.steps[0], start, tmp_path)
    assert by_hand.project.weights["dense_1.weight"][0, 0] == 2.0
    assert passes({"type": "weights_set_by_hand"}, by_hand)
    trained = show_me(lesson, lesson.steps[1], by_hand, tmp_path)
    assert not passes({"type": "weights_set_by_hand"}, trained)
