"""The window agrees with the catalog: choosing an optimizer, schedule or loss in the
training panel gives the same complete settings as ``nnstudio new`` and the engine read."""

from __future__ import annotations

from dataclasses import replace

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


@pytest.mark.parametrize("name", [s for s in SCHEDULES if s != "constant"])
def test_the_issue_example_window_and_file_give_the_same_learning_rate_at_epoch_60(
    qtbot, tmp_path, name
):
    """The same project trained for 61 epochs: schedule chosen in the window, or written in
    the file without its settings (as ``nnstudio new`` users do): identical rates."""
    from nnstudio.io import load_project, save_project
    from nnstudio.session import Session

    made = make_template("xor")
    window = TrainingPanel(Document(make_template("xor")))
    qtbot.addWidget(window)
    _choose(window.schedule_combo, name)
    path = tmp_path / "edited.nnstudio"
    made.training = replace(made.training, schedule=name, schedule_params={})
    save_project(made, path)

    def rates(project) -> list[float]:
        return [row["lr"] for row in Session.from_project(project).run(61)]

    from_window, from_file = rates(window.document.project), rates(load_project(path))
    assert len(from_window) == 61 and from_window == from_file
    assert from_window[0] == made.training.learning_rate and from_window[60] < from_window[0]


def test_every_layer_kind_added_in_the_window_has_the_catalogs_complete_parameters():
    """A layer dropped on the canvas carries exactly what ``nnstudio new``, the engine and
    the exporters fill for a node that names only its kind."""
    from nnstudio.graph import CATALOG, analyse, fill_node_params

    document = Document(make_template("regression"))
    for kind in CATALOG:
        if kind == "input":
            continue
        before = set(document.spec.nodes)
        document.add_node(kind, (0.0, 0.0))
        [nid] = set(document.spec.nodes) - before
        params = dict(document.spec.nodes[nid].params)
        assert params == fill_node_params(kind, {}) == CATALOG[kind].defaults(), kind
        assert dict(analyse(document.spec).params[nid]) == params, kind
