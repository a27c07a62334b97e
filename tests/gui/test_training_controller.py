"""The training controller on its own: lock, live settings, epoch count, weights home."""

from __future__ import annotations

import dataclasses

import pytest

from nnstudio.gui.document import Document, LockedError
from nnstudio.gui.training_controller import TRAINING_LOCK, TrainingController
from nnstudio.io import make_template

TIMEOUT = 60_000


@pytest.fixture
def controller(qtbot):
    project = make_template("circle")
    project.training = dataclasses.replace(project.training, epochs=None)
    ctl = TrainingController(Document(project))
    yield ctl
    ctl.stop_and_wait()


def test_only_live_settings_reach_the_worker_and_the_lock_holds(qtbot, controller):
    doc = controller.document
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT):
        assert controller.start()
    assert controller.running and doc.locked == TRAINING_LOCK
    worker = controller.worker
    sent = []
    forward = worker.update_settings
    worker.update_settings = lambda changes: (sent.append(dict(changes)), forward(changes))
    doc.set_training(dataclasses.replace(doc.project.training, l2=0.01, learning_rate=0.02))
    assert sent == [{"l2": 0.01, "learning_rate": 0.02}]
    with pytest.raises(LockedError, match="batch_size"):
        doc.set_training(dataclasses.replace(doc.project.training, batch_size=3))
    assert len(sent) == 1
    qtbot.waitUntil(lambda: worker.session.trainer.config.l2 == pytest.approx(0.01))


def test_epochs_count_on_across_runs_and_weights_reach_the_document(qtbot, controller):
    doc = controller.document
    snaps = []
    controller.snapshot.connect(snaps.append)
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT):
        controller.start()
    qtbot.waitUntil(lambda: controller.total_epochs >= 3, timeout=TIMEOUT)
    controller.stop_and_wait()  # returns with the run's weights in the document
    assert not controller.running and doc.locked is None
    first = len(doc.project.history)
    assert doc.project.weights is not None and first == controller.total_epochs >= 3
    assert all(s["epoch"] <= first for s in snaps)
    snaps.clear()
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT):
        controller.start(max_epochs=2)  # continues the stored history
    qtbot.waitUntil(lambda: not controller.running, timeout=TIMEOUT)
    assert len(doc.project.history) == first + 2 == controller.total_epochs
    assert snaps[-1]["epoch"] == first + 2 and snaps[-1]["budget"] == 2
