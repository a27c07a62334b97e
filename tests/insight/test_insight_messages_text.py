"""Diagnosis findings carry nnstudio.text.Text in their evidence and action (issue 16), all
the way to the dicts the GUI receives from the worker, so the Diagnosis dock can show them
in the learner's language; project files still store the English."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np

from nnstudio.insight import Evidence, diagnose
from nnstudio.io import make_template
from nnstudio.session import Session
from nnstudio.text import Text

RISING = [{"epoch": i + 1, "train_loss": v} for i, v in enumerate([1.0, 0.5, 0.6, 2.5])]


def _texts(finding: dict) -> tuple[Text, Text]:
    evidence, action = finding["evidence"], finding["action"]
    assert isinstance(evidence, Text) and isinstance(action, Text)
    return evidence, action


def test_a_finding_keeps_template_and_values_of_its_evidence_and_action() -> None:
    ev = Evidence(rows=RISING, stats=None, training={"learning_rate": 0.5}, task="binary")
    (finding,) = diagnose(ev)
    assert finding.code == "lr-too-high"
    assert finding.evidence == (
        "the training loss ended at 2.5, above where it started (1) and 5 times its best (0.5)"
    )
    assert finding.evidence.template == (
        "the training loss ended at {last:.4g}, above where it started ({first:.4g}) and "
        "{times:.3g} times its best ({best:.4g})"
    )
    assert finding.evidence.values == {"last": 2.5, "first": 1.0, "times": 5.0, "best": 0.5}
    assert finding.action == "lower the learning rate (now 0.5; try 0.05)"
    assert finding.action.template == "lower the learning rate (now {lr:g}; try {new:g})"
    assert finding.action.values == {"lr": 0.5, "new": 0.05}


def test_to_dict_deepcopy_and_pickle_keep_the_texts() -> None:
    ev = Evidence(
        rows=[],
        stats=None,
        training={"learning_rate": 0.1},
        task="binary",
        class_counts=[90, 10],
        feature_mean=np.array([200.0, 0.0]),
        feature_std=np.array([50.0, 1.0]),
        standardize=False,
    )
    findings = [f.to_dict() for f in diagnose(ev)]
    assert [f["code"] for f in findings] == ["unscaled-inputs", "class-imbalance"]
    for back in (findings, copy.deepcopy(findings), pickle.loads(pickle.dumps(findings))):
        evidence, action = _texts(back[0])
        assert action.template == "standardize the inputs"
        assert evidence.values == {"small": 1.0, "big": 50.0, "mean": 200.0}
        evidence, _ = _texts(back[1])
        assert evidence.values["share"] == 0.9
        assert evidence == (
            "the largest class has 90 training samples and the smallest 10; always predicting "
            "the largest is 90% accurate"
        )


def test_the_dicts_a_monitor_hands_to_the_gui_carry_texts_and_save_as_english() -> None:
    from nnstudio.insight.live import RunMonitor

    session = Session.from_project(make_template("circle"))
    monitor = RunMonitor(session, budget=0)
    monitor.rows = [dict(r) for r in RISING]
    failure = Text("Training diverged at epoch {n}", n=4)
    insight = monitor.refresh(force=True, failure=failure)["insight"]
    high = [f for f in insight["findings"] if f["code"] == "lr-too-high"]
    assert len(high) == 1
    evidence, action = _texts(high[0])
    assert evidence == "the run stopped: Training diverged at epoch 4"
    assert evidence.template == "the run stopped: {reason}"
    reason = evidence.values["reason"]  # one sentence: kept as a Text, translatable
    assert isinstance(reason, Text) and reason == failure
    assert reason.template == failure.template and reason.values == {"n": 4}
    assert action.template == "lower the learning rate (now {lr:g}; try {new:g})"
    # the GUI may copy the snapshot; a project file stores the English
    copied = copy.deepcopy(insight["findings"])
    assert _texts(copied[0])[0].template == insight["findings"][0]["evidence"].template
    saved = json.loads(json.dumps(insight["findings"]))
    assert saved[0]["evidence"] == str(insight["findings"][0]["evidence"])
    assert type(saved[0]["evidence"]) is str


def test_a_failure_of_several_sentences_gives_its_first_in_english() -> None:
    ev = Evidence(
        rows=[],
        stats=None,
        training={"learning_rate": 1.0},
        task="binary",
        failure="The loss became NaN at epoch 3. Lower the learning rate.",
    )
    (finding,) = diagnose(ev)
    assert finding.evidence == "the run stopped: The loss became NaN at epoch 3"
    assert finding.evidence.values == {"reason": "The loss became NaN at epoch 3"}


def test_a_failure_the_gui_already_translated_gives_its_first_sentence() -> None:
    ev = Evidence(
        rows=[],
        stats=None,
        training={"learning_rate": 1.0},
        task="binary",
        failure="训练在第 3 轮发散。请降低学习率。",
    )
    (finding,) = diagnose(ev)
    assert finding.evidence.values == {"reason": "训练在第 3 轮发散"}
