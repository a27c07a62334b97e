"""Engine, session and lesson messages are nnstudio.text.Text: the English text as before,
with the template and values a translated window formats again (issue 16)."""

from __future__ import annotations

import numpy as np
import pytest
from engine_helpers import mlp, node

from nnstudio.engine import (
    ConfigError,
    DivergenceError,
    Network,
    ShapeError,
    TrainConfig,
    Trainer,
    WeightsMismatchError,
)
from nnstudio.engine.watch import DEGRADE_PATIENCE, RunWatch
from nnstudio.graph import train_config
from nnstudio.text import Text, message


def _text(info: pytest.ExceptionInfo) -> Text:
    text = message(info.value)
    assert isinstance(text, Text), repr(text)
    assert text == str(info.value)
    return text


def test_unknown_training_settings_list_their_names_as_a_list():
    settings = train_config().to_dict() | {"speed": 1, "colour": 2}
    with pytest.raises(ConfigError) as info:
        TrainConfig.from_dict(settings)
    text = _text(info)
    assert text.template == "Unknown training setting(s): {unknown}. Known: {known}."
    assert text.values["unknown"] == ["colour", "speed"]
    assert "learning_rate" in text.values["known"]
    assert text.startswith("Unknown training setting(s): colour, speed. Known: ")


def test_a_bad_value_keeps_its_repr_in_the_template():
    with pytest.raises(ConfigError) as info:
        TrainConfig.from_dict(train_config().to_dict() | {"seed": -3})
    text = _text(info)
    assert text.template == "seed must be a whole number >= 0, got {value!r}."
    assert text.values == {"value": -3}
    assert text == "seed must be a whole number >= 0, got -3."


def test_a_range_is_built_from_translatable_pieces():
    with pytest.raises(ConfigError) as info:
        Network(
            [
                node("in", "input", {"units": 2}),
                node("drop", "dropout", {"rate": 1.5}, ["in"]),
            ]
        )
    text = _text(info)
    assert text == "Node 'drop': rate must be >= 0.0 and < 1.0, got 1.5."
    assert text.template == "Node {id!r}: {key} must be {range}, got {value!r}."
    rng = text.values["range"]
    assert rng.template == "{low} and {high}"
    assert (rng.values["low"].template, rng.values["high"].template) == (">= {lo}", "< {hi}")


def test_a_layer_shape_error_wraps_the_rule_message_keeping_its_text():
    nodes = [
        node("in", "input", {"units": 12, "channels": 3, "height": 2, "width": 2}),
        node("fc", "dense", {"units": 4}, ["in"]),
    ]
    with pytest.raises(ShapeError) as info:
        Network(nodes)
    text = _text(info)
    assert text.template == "Node {id!r} ({kind}) {error}"
    assert text.values["id"] == "fc" and text.values["kind"] == "dense"
    inner = text.values["error"]
    assert isinstance(inner, Text)
    assert inner.template.startswith("needs a flat input (features,) but gets shape {shape}")
    assert inner.values == {"shape": (3, 2, 2)}
    assert text == (
        "Node 'fc' (dense) needs a flat input (features,) but gets shape (3, 2, 2); "
        "insert a Flatten layer before it."
    )


def test_weights_mismatch_joins_each_problem_as_its_own_text():
    net = mlp([2, 3, 1])
    weights = net.get_weights()
    weights["dense_1.weight"] = np.zeros((5, 5))
    del weights["out.bias"]
    weights |= {f"extra_{i}": np.zeros(1) for i in range(22)}
    with pytest.raises(WeightsMismatchError) as info:
        net.set_weights(weights)
    err = info.value
    problems = err.problems
    assert len(problems) == 24 and all(isinstance(p, Text) for p in problems)
    assert problems[0].template == "missing {name!r}"
    assert problems[1].template == "{name!r} has shape {shape}, expected {expected}"
    assert problems[1].values == {"name": "dense_1.weight", "shape": (5, 5), "expected": (2, 3)}
    # the English message is exactly the one of v0.1: the first 20 problems, "; "-joined
    assert str(err) == (
        "The weights do not match this network: "
        + "; ".join(problems[:20])
        + " (and 4 more). Load weights saved from a network with the same layers, ids and sizes."
    )
    shown = message(err).values["problems"]
    assert shown.template == "{shown} (and {n} more)" and shown.values["n"] == 4
    pieces = _leaves(shown.values["shown"], "{first}; {rest}")
    assert pieces == problems[:20]


def _leaves(text: str, template: str) -> list:
    """The items of a list joined as nested ``template`` Texts, in order."""
    if isinstance(text, Text) and text.template == template:
        return _leaves(text.values["first"], template) + _leaves(text.values["rest"], template)
    return [text]


def _xy(n: int = 20) -> tuple[np.ndarray, np.ndarray]:
    x = np.random.default_rng(0).normal(size=(n, 2))
    return x, x.sum(axis=1)


def test_a_diverging_run_says_where_what_and_which_weights_it_kept():
    x, y = _xy()
    net = mlp([2, 8, 1], activation="linear", out_activation="linear", dtype="float32")
    cfg = train_config(
        loss="mse", learning_rate=10.0, epochs=50, optimizer="sgd", batch_size=1, dtype="float32"
    )
    with pytest.raises(DivergenceError) as info:
        list(Trainer(net, x, y, x[:5], y[:5], config=cfg).run())
    text = _text(info)
    assert "or turn on gradient clipping" in text.template
    where = text.values["where"]
    assert where.template == "diverged at epoch {epoch}, step {step}"
    assert where.values["epoch"] == 1 and where.values["step"] >= 2
    what = text.values["what"]
    assert isinstance(what, Text) and what.template == "the gradient became infinite or NaN"
    assert text.values["lr"] == 10.0 and text.values["lower"] == 1.0
    assert "(now 10; try 1)" in text
    kept = text.values["kept"]
    assert kept.template == (
        "Kept the weights the run started from ({score}): no epoch did better."
    )
    score = kept.values["score"]
    assert score.template == "{metric} {loss:.4g}"
    assert score.values["metric"].template == "test loss"
    assert f"(test loss {score.values['loss']:.4g})" in text


def test_a_test_loss_that_becomes_infinite_is_a_divergence():
    x, y = _xy()
    net = mlp([2, 1], out_activation="linear")
    cfg = train_config(loss="mse", epochs=2, clip_norm=1.0)
    trainer = Trainer(net, x, y, np.full((4, 2), 1e300), np.zeros(4), config=cfg)
    with pytest.raises(DivergenceError) as info:
        list(trainer.run())
    text = _text(info)
    assert text.values["what"] == "the test loss became infinite or NaN"
    assert "gradient clipping" not in text  # clipping is on: the other template
    assert np.isfinite(net.flat_params).all()


def test_degradation_reasons_are_texts_with_their_numbers():
    params = np.zeros(4)
    watch = RunWatch(params, np.zeros(0), Text("test loss"), 0, 1.0, 0.7)
    watch.consider(1, 0.01)
    assert watch.degraded(0.01) is None
    reasons = [watch.degraded(0.9) for _ in range(DEGRADE_PATIENCE)]
    assert reasons[:-1] == [None] * (DEGRADE_PATIENCE - 1)
    why = reasons[-1]
    assert isinstance(why, Text)
    assert why.values["n"] == DEGRADE_PATIENCE
    assert why.template.startswith("the training loss rose to {loss:.4g}")
    assert why.values["loss"] == 0.9 and why.values["low"] == 0.01
    assert why.startswith("the training loss rose to 0.9, more than 5 times its best (0.01)")


def test_batchnorm_notes_and_refusals_are_texts():
    nodes = [
        node("in", "input", {"units": 2}),
        node("bn", "batchnorm", {}, ["in"]),
        node("out", "dense", {"units": 1, "activation": "linear"}, ["bn"]),
    ]
    x, y = _xy(21)
    trainer = Trainer(Network(nodes), x, y, config=train_config(loss="mse", batch_size=4))
    (note,) = trainer.notes
    assert isinstance(note, Text) and note.values == {"n": 21, "used": 20}
    with pytest.raises(ConfigError) as info:
        Trainer(Network(nodes), x, y, config=train_config(loss="mse", batch_size=1))
    text = _text(info)
    assert text.values["why"].template == "the batch size is 1"


def test_session_and_lesson_errors_are_texts():
    from nnstudio.io import WeightsImportError, make_template
    from nnstudio.lessons import LessonError, get_lesson
    from nnstudio.session import Predictor, Session, SessionError

    project = make_template("xor")
    with pytest.raises(SessionError) as info:
        Predictor(project)
    text = _text(info)
    assert text.template.startswith("project '{name}' is not trained")
    assert text.values == {"name": project.name}

    with pytest.raises(LessonError) as info:
        get_lesson("no-such-lesson")
    text = _text(info)
    assert text.template == "unknown lesson '{id}'; the lessons are: {known}"
    assert text.values["id"] == "no-such-lesson" and "xor-tutorial" in text.values["known"]

    session = Session.from_project(project)
    weights = session.network.get_weights()
    first = next(iter(weights))
    project.weights = {**weights, first: np.zeros((7, 7))}
    with pytest.raises(WeightsImportError) as info:
        Session.from_project(project)
    text = _text(info)
    assert text.startswith("the weights do not match the network:\n  ")
    assert text.template == "the weights do not match the network:\n  {problems}"
    assert info.value.problems and all(isinstance(p, Text) for p in info.value.problems)
