"""The training and data panels, editing a real Document."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from nnstudio.gui.data_panel import DataPanel
from nnstudio.gui.document import Document
from nnstudio.gui.training_panel import TrainingPanel
from nnstudio.io import make_template


@pytest.fixture
def document(qtbot):
    return Document(make_template("circle"))


@pytest.fixture
def panel(qtbot, document):
    widget = TrainingPanel(document)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def data_panel(qtbot, document):
    widget = DataPanel(document)
    qtbot.addWidget(widget)
    return widget


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_panel_shows_the_documents_config(panel, document):
    cfg = document.project.training
    assert panel.lr_spin.value() == pytest.approx(cfg.learning_rate)
    assert panel.optimizer_combo.currentData() == cfg.optimizer
    assert panel.loss_combo.currentData() == cfg.loss
    assert panel.batch_spin.value() == cfg.batch_size


def test_learning_rate_edit_is_undoable_and_emitted(qtbot, panel, document):
    with qtbot.waitSignal(panel.learningRateChanged, timeout=2000) as blocker:
        panel.lr_spin.setValue(0.123)
    assert blocker.args == [pytest.approx(0.123)]
    assert document.project.training.learning_rate == pytest.approx(0.123)
    document.undo_stack.undo()
    assert document.project.training.learning_rate == pytest.approx(0.03)
    assert panel.lr_spin.value() == pytest.approx(0.03)


def test_optimizer_hyperparameters(panel, document):
    _choose(panel.optimizer_combo, "momentum")
    assert document.project.training.optimizer == "momentum"
    assert set(panel.optimizer_params.boxes) == {"momentum", "weight_decay"}
    panel.optimizer_params.boxes["momentum"].setValue(0.5)
    assert document.project.training.optimizer_params["momentum"] == pytest.approx(0.5)
    _choose(panel.optimizer_combo, "adam")
    assert {"beta1", "beta2"} <= set(panel.optimizer_params.boxes)
    panel.optimizer_params.boxes["beta1"].setValue(0.8)
    assert document.project.training.optimizer_params["beta1"] == pytest.approx(0.8)


def test_full_batch_unlimited_epochs_and_clip(panel, document):
    panel.batch_spin.setValue(0)
    panel.epochs_spin.setValue(0)
    panel.clip_spin.setValue(1.5)
    cfg = document.project.training
    assert cfg.batch_size is None and cfg.epochs is None and cfg.clip_norm == pytest.approx(1.5)
    assert panel.batch_spin.text() == "full"
    assert panel.epochs_spin.text() == "unlimited"


def test_schedule_parameters(panel, document):
    _choose(panel.schedule_combo, "step")
    assert document.project.training.schedule == "step"
    panel.schedule_params.boxes["step_size"].setValue(7)
    assert document.project.training.schedule_params["step_size"] == 7


def test_lock_disables_structural_fields_only(panel, document):
    document.set_locked("Training is running")
    assert not panel.loss_combo.isEnabled()
    assert not panel.batch_spin.isEnabled()
    assert panel.lr_spin.isEnabled()
    assert "Training is running" in panel.lock_label.text()
    panel.lr_spin.setValue(0.05)
    assert document.project.training.learning_rate == pytest.approx(0.05)
    document.set_locked(None)
    assert panel.loss_combo.isEnabled()


def test_data_panel_edits_settings(data_panel, document):
    assert data_panel.dataset_combo.currentData() == "circle"
    data_panel.points_spin.setValue(300)
    assert document.project.data.n_points == 300
    data_panel.noise_spin.setValue(20)
    assert document.project.data.noise == pytest.approx(0.2)
    seed = document.project.data.seed
    data_panel.regenerate()
    assert document.project.data.seed == seed + 1
    data_panel.feature_checks["x1^2"].setChecked(True)
    assert "x1^2" in document.project.data.features
    _choose(data_panel.dataset_combo, "xor")
    assert document.project.data.name == "xor"
    document.undo_stack.undo()
    assert data_panel.dataset_combo.currentData() == "circle"


def test_data_panel_thumbnails(data_panel):
    icons = [data_panel.dataset_combo.itemIcon(i) for i in range(data_panel.dataset_combo.count())]
    assert sum(not icon.isNull() for icon in icons) >= 5


def test_data_panel_loads_csv_and_reports_bad_files(data_panel, document, tmp_path):
    good = tmp_path / "table.csv"
    good.write_text("a,b,label\n" + "\n".join(f"{i},{i % 3},{i % 2}" for i in range(40)))
    assert data_panel.load_csv_file(str(good), "label")
    assert document.project.data.name == "csv"
    assert document.project.data.target_column == "label"
    assert data_panel.target_combo.currentData() == "label"
    bad = tmp_path / "bad.csv"
    bad.write_text("only words here\nnothing numeric\n")
    assert not data_panel.load_csv_file(str(bad))
    assert data_panel.message_label.isVisibleTo(data_panel)
    assert data_panel.message_label.text()
    assert document.project.data.csv_path == str(good)
