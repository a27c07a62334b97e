"""Pausing and stopping inside an epoch through ``Trainer.train_epoch(interrupt=...)``."""

from __future__ import annotations

import numpy as np
import pytest
from engine_helpers import mlp

from nnstudio.engine import EpochInterrupted, Trainer
from nnstudio.graph import train_config


def _data(n: int = 400) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(n, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    return x, y


def _trainer() -> Trainer:
    x, y = _data()
    return Trainer(mlp([2, 8, 1]), x, y, config=train_config(batch_size=10, seed=5))


def test_a_callback_that_never_stops_changes_nothing():
    plain, watched = _trainer(), _trainer()
    calls: list[int] = []

    def interrupt() -> bool:
        calls.append(watched.step)  # a pause would block here; the epoch goes on after
        return False

    for _ in range(2):
        a = plain.train_epoch()
        b = watched.train_epoch(interrupt, every=7)
        assert a.train_loss == b.train_loss
    # 400 samples / batch 10 = 40 steps per epoch; called after every 7th step
    assert calls == [s for s in range(1, 81) if s % 7 == 0]
    for name, value in plain.network.get_weights().items():
        np.testing.assert_array_equal(value, watched.network.get_weights()[name])


def test_stop_inside_an_epoch_keeps_the_steps_so_far():
    trainer = _trainer()
    before = trainer.network.get_weights()
    answers = iter([False, True])
    with pytest.raises(EpochInterrupted):
        trainer.train_epoch(lambda: next(answers), every=5)
    assert trainer.step == 10  # stopped right after the second check
    assert trainer.epoch == 0  # the partial epoch is not counted
    after = trainer.network.get_weights()
    assert all(np.all(np.isfinite(v)) for v in after.values())
    assert not np.array_equal(before["out.weight"], after["out.weight"])
    # training carries on normally afterwards
    report = trainer.train_epoch()
    assert report.epoch == 1 and trainer.step == 50
