"""The training and data panels, editing a real Document."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from nnstudio.graph.catalog import OPTIMIZER_PARAMS, SCHEDULE_PARAMS, TRAINING_FIELDS
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


def _field(name):
    return next(s for s in TRAINING_FIELDS if s.name == name)


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_panel_shows_the_documents_config(panel, document):
    cfg = document.project.training
    assert panel.lr_spin.value() == pytest.approx(cfg.learning_rate)
    assert panel.optimizer_combo.currentData() == cfg.optimizer
    assert panel.loss_combo.currentData() == cfg.loss
    assert panel.batch_spin.value() == cfg.batch_size


def test_learning_rate_edit_is_undoable(qtbot, panel, document):
    with qtbot.waitSignal(document.trainingChanged, timeout=2000):
        panel.lr_spin.setValue(0.123)
    assert document.project.training.learning_rate == pytest.approx(0.123)
    document.undo_stack.undo()
    assert document.project.training.learning_rate == pytest.approx(0.03)
    assert panel.lr_spin.value() == pytest.approx(0.03)


def test_optimizer_hyperparameters(panel, document):
    _choose(panel.optimizer_combo, "momentum")
    assert document.project.training.optimizer == "momentum"
    assert (
        set(panel.optimizer_params.boxes)
        == {s.name for s in OPTIMIZER_PARAMS["momentum"]}
        >= {"momentum", "weight_decay"}
    )
    panel.optimizer_params.boxes["momentum"].setValue(0.5)
    assert document.project.training.optimizer_params["momentum"] == pytest.approx(0.5)
    _choose(panel.optimizer_combo, "adam")
    assert {"beta1", "beta2"} <= set(panel.optimizer_params.boxes)
    panel.optimizer_params.boxes["beta1"].setValue(0.8)
    assert document.project.training.optimizer_params["beta1"] == pytest.approx(0.8)


def test_full_batch_unlimited_epochs_and_clip(panel, document):
    panel.batch_spin.setValue(0)
    panel.until_paused.setChecked(True)
    panel.clip_spin.setValue(1.5)
    cfg = document.project.training
    assert cfg.batch_size is None and cfg.epochs is None and cfg.clip_norm == pytest.approx(1.5)
    assert panel.batch_spin.text() == _field("batch_size").none_label
    assert "unlimited" in panel.schedule_label.text() or cfg.schedule == "constant"
    panel.clip_spin.setValue(0)
    assert document.project.training.clip_norm is None
    assert panel.clip_spin.text() == _field("clip_norm").none_label


def test_schedule_parameters(panel, document):
    _choose(panel.schedule_combo, "step")
    assert document.project.training.schedule == "step"
    panel.schedule_params.boxes["step_size"].setValue(7)
    assert document.project.training.schedule_params["step_size"] == 7


@pytest.mark.parametrize("name", list(SCHEDULE_PARAMS))
def test_a_chosen_schedule_starts_from_the_catalog_defaults_and_is_described(panel, document, name):
    from nnstudio.engine.schedules import describe_schedule

    _choose(panel.schedule_combo, "constant" if name != "constant" else "step")
    _choose(panel.schedule_combo, name)
    cfg = document.project.training
    assert cfg.schedule == name
    assert cfg.schedule_params == {s.name: s.default for s in SCHEDULE_PARAMS[name]}
    for spec in SCHEDULE_PARAMS[name]:
        assert panel.schedule_params.boxes[spec.name].value() == spec.default
    expected = describe_schedule(name, cfg.schedule_params, cfg.learning_rate, cfg.epochs)
    assert panel.schedule_label.text() == expected and expected


def test_schedule_description_follows_the_run_length(panel, document):
    _choose(panel.schedule_combo, "step")
    before = panel.schedule_label.text()
    panel.epochs_spin.setValue(panel.epochs_spin.value() * 3)
    assert panel.schedule_label.text() != before
    assert str(panel.epochs_spin.value()) in panel.schedule_label.text()


@pytest.mark.parametrize("name", list(OPTIMIZER_PARAMS))
def test_a_chosen_optimizer_starts_from_the_catalog_defaults(panel, document, name):
    _choose(panel.optimizer_combo, "sgd" if name != "sgd" else "adam")
    _choose(panel.optimizer_combo, name)
    cfg = document.project.training
    assert cfg.optimizer == name
    assert cfg.optimizer_params == {s.name: s.default for s in OPTIMIZER_PARAMS[name]}


def test_every_training_field_has_the_catalogs_range_and_choices(panel):
    for spec in TRAINING_FIELDS:
        _spec, editor = panel.fields[spec.name]
        assert editor.toolTip() in (spec.help, "Takes effect at once, even while training")
        if spec.type == "choice":
            assert [editor.itemData(i) for i in range(editor.count())] == list(spec.choices)
        elif spec.max is not None:
            assert editor.maximum() == min(spec.max, 2**31 - 1)
            if spec.min is not None and not spec.optional:
                assert editor.minimum() == spec.min


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
