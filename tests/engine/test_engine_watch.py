"""RunWatch: best weights and the thresholds that call a run degraded."""

from __future__ import annotations

import numpy as np

from nnstudio.engine.watch import DEGRADE_PATIENCE, WEIGHT_LIMIT, RunWatch, max_abs


def _watch(start_loss=0.7):
    params, state = np.ones(4), np.zeros(2)
    return RunWatch(params, state, "test loss", 0, start_loss), params, state


def test_small_losses_wobbling_below_the_start_are_not_degradation():
    watch, _, _ = _watch()
    for loss in [0.5, 0.01, 1e-4] + [2e-3] * 10:  # 20 times the best, far below the start
        assert watch.degraded(loss) is None


def test_a_loss_far_above_its_best_and_back_toward_the_start_for_five_epochs_is():
    watch, _, _ = _watch()
    results = [watch.degraded(loss) for loss in [0.4, 9.0, 8.0, 50.0, 7.0, 6.0]]
    assert results[:5] == [None] * 5 and DEGRADE_PATIENCE == 5
    assert "rose to 6" in results[5] and "for 5 epochs in a row" in results[5]
    watch, _, _ = _watch()
    losses = [9.0] * 4 + [0.5] + [9.0] * 4  # not in a row
    assert [watch.degraded(x) for x in losses] == [None] * 9


def test_a_run_that_learns_then_collapses_is_degraded():
    """SGD at lr 3 on moons: 1.39 at the start, 0.11, then stuck at chance (0.72)."""
    watch, _, _ = _watch(start_loss=1.39)
    for loss in [1.09, 0.24, 0.2, 0.15, 0.11, 481.0, 0.73, 0.72, 0.75]:
        assert watch.degraded(loss) is None
    assert "more than a third of the way back" in watch.degraded(0.71)


def test_noisy_losses_under_five_times_the_best_are_left_alone():
    watch, _, _ = _watch(start_loss=0.7)
    for loss in [0.5, 0.3] + [0.45, 0.3, 0.44, 1.2, 0.4] * 4:  # a third back, not 5x
        assert watch.degraded(loss) is None


def test_weights_growing_without_bound_are_degradation_but_large_improving_ones_are_not():
    watch, params, _ = _watch()
    params[:] = 2 * WEIGHT_LIMIT
    assert "weights grew to 2e+06" in watch.degraded(0.6)
    watch, params, _ = _watch()
    for k in range(1, 4):  # a regression on huge targets: weights grow, the loss improves
        params[:] = WEIGHT_LIMIT * 10**k
        watch.consider(k, 1.0 / k)
        assert watch.degraded(0.6 / k) is None


def test_best_weights_are_kept_and_restored():
    watch, params, state = _watch()
    assert not watch.restore()  # nothing kept yet
    params[:] = 2.0
    state[:] = 5.0
    watch.consider(1, 0.3)
    params[:] = 3.0
    watch.consider(2, 0.4)  # worse: not kept
    params[:] = np.nan
    assert watch.restore() and watch.best_epoch == 1
    np.testing.assert_array_equal(params, 2.0)
    np.testing.assert_array_equal(state, 5.0)
    assert max_abs(np.array([-3.0, 2.0])) == 3.0 and max_abs(np.array([])) == 0.0
