"""A run continued from a converged model is not 'ruined' by wobbles near its best."""

import numpy as np
import pytest

from nnstudio.engine.losses import make_head
from nnstudio.engine.watch import DEGRADE_PATIENCE, RunWatch


def _watch(start, chance):
    params, state = np.zeros(3), np.zeros(0)
    return RunWatch(params, state, "training loss", 0, start, chance)


def test_wobbles_after_a_converged_start_are_not_degradation():
    watch = _watch(start=1e-5, chance=0.69)
    for _ in range(3 * DEGRADE_PATIENCE):
        assert watch.degraded(1e-4) is None  # 10x its best, but far below chance level


def test_a_fall_back_to_chance_level_is_still_degradation():
    watch = _watch(start=1e-5, chance=0.69)
    reasons = [watch.degraded(0.7) for _ in range(DEGRADE_PATIENCE)]
    assert reasons[-1] is not None and "chance level" in reasons[-1]


@pytest.mark.parametrize(
    "loss, k, y, expected",
    [
        ("mse", 1, np.array([0.0, 2.0, 4.0]), 8.0 / 3.0),  # variance
        ("mae", 1, np.array([0.0, 1.0, 5.0]), 5.0 / 3.0),  # mean |y - median|
        # class frequency 1/4: entropy -(p ln p + (1-p) ln(1-p))
        ("bce_logits", 1, np.array([1, 0, 0, 0]), -(0.25 * np.log(0.25) + 0.75 * np.log(0.75))),
        ("cce", 3, np.array([0, 1, 2, 2]), -(2 * 0.25 * np.log(0.25) + 0.5 * np.log(0.5))),
    ],
)
def test_chance_loss_is_the_loss_of_predicting_the_average(loss, k, y, expected):
    head = make_head(loss, {}, k, "linear")
    t = head.targets(y, np.dtype(np.float64))
    assert head.chance_loss(t) == pytest.approx(expected, rel=1e-6)
