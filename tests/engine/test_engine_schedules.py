"""Learning-rate schedules: PyTorch's closed forms, and their description in words."""

from __future__ import annotations

import math

import pytest

from nnstudio.engine import ConfigError
from nnstudio.engine.schedules import describe_schedule, scheduled_lr


def test_cosine_rises_again_after_t_max_with_period_two_t_max():
    params = {"t_max": 10, "eta_min": 0.001}
    lrs = [scheduled_lr("cosine", params, 0.1, e) for e in range(41)]
    assert lrs[10] == pytest.approx(0.001, rel=1e-12)  # the minimum at t_max
    assert lrs[15] == pytest.approx(0.001 + 0.099 * 0.5, rel=1e-12)  # back up half-way
    assert lrs[20] == pytest.approx(0.1, rel=1e-12)
    for e in range(21):
        assert lrs[e + 20] == pytest.approx(lrs[e], rel=1e-12, abs=1e-15)
    assert all(b > a for a, b in zip(lrs[10:20], lrs[11:21], strict=True))


def test_describe_cosine_over_a_run_longer_than_t_max():
    text = describe_schedule("cosine", {"t_max": 100, "eta_min": 0.0001}, 0.01, 300)
    assert "lr 0.01 → 0.0001 at epoch 101" in text
    assert "back up to 0.01 at epoch 201" in text and "period 200 epochs" in text
    last = scheduled_lr("cosine", {"t_max": 100, "eta_min": 0.0001}, 0.01, 299)
    assert f"{last:.3g} in the last epoch (300)" in text


def test_describe_cosine_shorter_runs():
    short = describe_schedule("cosine", {"t_max": 100, "eta_min": 0.0}, 0.01, 50)
    assert "at epoch 50 (the last)" in short and "0 at epoch 101" in short
    middle = describe_schedule("cosine", {"t_max": 100, "eta_min": 0.0}, 0.01, 150)
    assert "then back up;" in middle and "(150)" in middle and "201" not in middle


@pytest.mark.parametrize(
    ("name", "params", "epochs", "words"),
    [
        ("constant", {}, 200, ["stays 0.01", "all 200 epochs"]),
        ("constant", {}, None, ["stays 0.01."]),
        (
            "step",
            {"step_size": 50, "gamma": 0.5},
            200,
            ["every 50 epochs", "0.005 from epoch 51", "0.00125 in the last epoch (200)"],
        ),
        (
            "exponential",
            {"gamma": 0.99},
            200,
            [
                "0.99 each epoch",
                "halves every 69 epochs",
                f"{0.01 * 0.99**199:.3g} in the last epoch",
            ],
        ),
        ("cosine", {"t_max": 10, "eta_min": 0.0}, None, ["period 20 epochs"]),
    ],
)
def test_describe_each_schedule(name, params, epochs, words):
    text = describe_schedule(name, params, 0.01, epochs)
    for w in words:
        assert w in text, (w, text)


def test_describe_rejects_bad_settings_like_check():
    with pytest.raises(ConfigError, match="t_max"):
        describe_schedule("cosine", {"t_max": 0}, 0.01, 10)
    assert math.isclose(scheduled_lr("exponential", {"gamma": 0.5}, 1.0, 3), 0.125)
