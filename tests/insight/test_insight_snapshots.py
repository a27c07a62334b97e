"""Weight snapshots: log-spaced, within the memory budget, restoring exact weights."""

from __future__ import annotations

import math

import numpy as np

from nnstudio.engine.snapshots import SnapshotStore
from nnstudio.io import make_template
from nnstudio.session import Session


def test_snapshots_restore_exact_weights() -> None:
    session = Session.from_project(make_template("circle"))
    net = session.network
    store = SnapshotStore(net.n_params, net.flat_state.size, net.dtype)
    kept = {}
    for row in session.run(20):
        if store.offer(row["epoch"], net.flat_params, net.flat_state):
            kept[row["epoch"]] = net.get_weights()
    assert store.epochs == list(range(1, 21))
    for epoch in (1, 7, 20):
        store.restore(epoch, net.flat_params, net.flat_state)
        for name, value in kept[epoch].items():
            np.testing.assert_array_equal(net.get_weights()[name], value, err_msg=name)


def test_memory_stays_within_budget_over_100000_epochs() -> None:
    params = np.zeros(1000, dtype=np.float32)
    state = np.zeros(0, dtype=np.float32)
    budget = 50 * 1000 * 4  # room for 50 snapshots
    store = SnapshotStore(1000, 0, np.float32, budget=budget)
    copies = 0
    for epoch in range(1, 100_001):
        params[0] = epoch
        if store.offer(epoch, params, state, force=epoch == 100_000):
            copies += 1
        assert store.nbytes <= budget
    assert len(store) == store.capacity == 50
    assert store.epochs[0] == 1 and store.epochs[-1] == 100_000
    assert copies < 2000  # offers too close to the last kept epoch cost nothing
    # log-spaced: successive kept epochs grow by a bounded factor
    ratios = [
        math.log(b + 1) - math.log(a + 1)
        for a, b in zip(store.epochs, store.epochs[1:], strict=False)
    ]
    assert max(ratios) < 4 * (math.log(100_001) / 49)
    p, _ = store.get(store.epochs[10])
    assert p[0] == store.epochs[10]  # each snapshot holds its own epoch's values


def test_a_network_larger_than_the_budget_keeps_nothing() -> None:
    store = SnapshotStore(10_000, 0, np.float64, budget=100_000)
    assert store.capacity == 1
    assert not store.offer(1, np.zeros(10_000), np.zeros(0))
    assert store.nbytes == 0


def test_monitor_refreshes_less_often_when_a_refresh_is_expensive() -> None:
    from nnstudio.insight import live

    session = Session.from_project(make_template("circle"))
    now = [0.0]

    def clock() -> float:
        now[0] += 0.3  # every clock reading: 0.3 s later (a refresh "takes" 0.3 s)
        return now[0]

    monitor = live.RunMonitor(session, clock=clock)
    assert "insight" in monitor.refresh()
    assert monitor._gap == live.COST_FACTOR * 0.3  # waits 20 times its cost
    assert monitor.refresh() == {}
    now[0] += monitor._gap
    assert "insight" in monitor.refresh()
