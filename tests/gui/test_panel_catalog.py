"""The window agrees with the catalog: choosing an optimizer, schedule or loss in the
training panel gives the same complete settings as ``nnstudio new`` and the engine read."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from nnstudio.engine import LOSSES, OPTIMIZERS, SCHEDULES
from nnstudio.graph import fill_params
from nnstudio.gui.document import Document
from nnstudio.gui.training_panel import TrainingPanel
from nnstudio.io import make_template


@pytest.fixture
def panel(qtbot):
    document = Document(make_template("regression"))
    widget = TrainingPanel(document)
    qtbot.addWidget(widget)
    return widget


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_choosing_an_optimizer_gives_the_catalog_settings(panel, name):
    _choose(panel.optimizer_combo, "sgd" if name != "sgd" else "adam")
    _choose(panel.optimizer_combo, name)
    cfg = panel.document.project.training
    assert cfg.optimizer == name
    assert cfg.optimizer_params == fill_params("optimizer", name)


@pytest.mark.parametrize("name", SCHEDULES)
def test_choosing_a_schedule_gives_the_catalog_settings(panel, name):
    _choose(panel.schedule_combo, "constant" if name != "constant" else "step")
    _choose(panel.schedule_combo, name)
    cfg = panel.document.project.training
    assert cfg.schedule == name
    assert cfg.schedule_params == fill_params("schedule", name)


@pytest.mark.parametrize("name", [loss for loss in LOSSES if loss in ("mse", "mae", "huber")])
def test_choosing_a_loss_gives_the_catalog_settings(panel, name):
    _choose(panel.loss_combo, name)
    cfg = panel.document.project.training
    assert cfg.loss == name and cfg.loss_params == fill_params("loss", name)
