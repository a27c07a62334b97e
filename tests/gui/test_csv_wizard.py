"""The CSV wizard and the data panel's tables (bundled datasets, CSV choices)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from nnstudio.gui.csv_wizard import CsvWizard
from nnstudio.gui.data_panel import DataPanel

PEOPLE = """age;colour;size;label
31;red;2.5;yes
45;blue;7.0;no
22;green;;no
60;red;9.5;no
38;;1.0;yes
27;blue;3.5;yes
51;green;8.0;no
33;red;4.0;yes
48;blue;6.5;no
29;green;2.0;yes
41;red;5.5;yes
36;blue;7.5;no
"""


@pytest.fixture
def people(tmp_path):
    p = tmp_path / "people.csv"
    p.write_text(PEOPLE)
    return p


@pytest.fixture
def panel(qtbot, document):
    widget = DataPanel(document)
    qtbot.addWidget(widget)
    return widget


def _choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def test_wizard_detects_and_previews(qtbot, people):
    w = CsvWizard(str(people))
    qtbot.addWidget(w)
    assert w.table.delimiter == ";" and w.table.header
    assert [c.currentData() for c in w.type_combos] == [
        "numeric",
        "categorical",
        "numeric",
        "categorical",
    ]
    assert w.target_combo.currentData() == "label"
    assert w.preview.rowCount() == 13 and w.preview.columnCount() == 4
    assert w.preview.horizontalHeaderItem(1).text() == "colour"
    assert w.preview.horizontalHeaderItem(3).text() == "label (target)"
    assert w.preview.item(1, 1).text() == "red"
    assert w.preview.item(3, 2).text() == ""  # the missing size, marked
    assert "2 classes (no, yes)" in w.summary_label.text()
    assert "10 rows (2 dropped) -> 5 inputs" in w.summary_label.text()
    assert w.valid


def test_wizard_choices_follow_the_user(qtbot, people):
    w = CsvWizard(str(people))
    qtbot.addWidget(w)
    _choose(w.type_combos[1], "ignore")
    assert w.column_types() == {"colour": "ignore"}
    assert "-> 2 inputs" in w.summary_label.text()
    _choose(w.missing_combo, "fill")
    assert "12 rows (0 dropped)" in w.summary_label.text()
    _choose(w.target_combo, "size")
    assert "regression" in w.summary_label.text()
    choices = w.choices()
    assert choices == {
        "csv_path": str(people),
        "target_column": "size",
        "column_types": {"colour": "ignore"},
        "missing": "fill",
        "delimiter": None,
        "header": None,
    }
    _choose(w.type_combos[1], "categorical")  # back to the detected type: no override
    assert w.column_types() == {}


def test_wizard_delimiter_and_header_overrides_and_errors(qtbot, people):
    w = CsvWizard(str(people))
    qtbot.addWidget(w)
    _choose(w.delimiter_combo, ",")  # one column: not a dataset
    assert not w.valid and "only one column" in w.error_label.text()
    assert w.error_label.isVisibleTo(w)
    _choose(w.delimiter_combo, ";")
    assert w.valid
    _choose(w.header_combo, False)
    assert w.table.names == ["col1", "col2", "col3", "col4"]
    assert w.preview.item(1, 0).text() == "age"
    assert w.choices()["header"] is False
    _choose(w.type_combos[3], "ignore")  # the target cannot be ignored
    assert not w.valid and "cannot be ignored" in w.error_label.text()
    ok = w.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()


def test_panel_opens_the_wizard_and_stores_the_choices(panel, document, people, monkeypatch):
    def accept(self):
        _choose(self.type_combos[1], "ignore")
        _choose(self.missing_combo, "fill")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CsvWizard, "exec", accept)
    assert panel.open_wizard(str(people))
    s = document.project.data
    assert (s.name, s.csv_path, s.target_column) == ("csv", str(people), "label")
    assert s.column_types == {"colour": "ignore"} and s.missing == "fill"
    dataset = document.dataset()
    assert dataset.feature_names == ["age", "size"] and dataset.class_names == ["no", "yes"]
    assert panel.target_combo.currentData() == "label"
    assert panel.csv_edit_button.isVisibleTo(panel)

    def reopen(self):  # the wizard reopens with the stored choices
        assert self.column_types() == {"colour": "ignore"}
        assert self.missing_combo.currentData() == "fill"
        _choose(self.missing_combo, "drop")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CsvWizard, "exec", reopen)
    assert panel.edit_csv()
    assert document.project.data.missing == "drop"
    document.undo_stack.undo()
    assert document.project.data.missing == "fill"


def test_cancelled_wizard_changes_nothing(panel, document, people, monkeypatch):
    monkeypatch.setattr(CsvWizard, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = document.project.data.to_dict()
    assert not panel.open_wizard(str(people))
    assert document.project.data.to_dict() == before


def test_bundled_tables_are_in_the_dataset_list(panel, document):
    names = [panel.dataset_combo.itemData(i) for i in range(panel.dataset_combo.count())]
    for name in ("iris", "wine", "breast_cancer", "diabetes", "digits"):
        assert name in names
    _choose(panel.dataset_combo, "iris")
    assert document.project.data.name == "iris"
    assert not panel.points_spin.isEnabled() and not panel.noise_spin.isEnabled()
    assert not panel.feature_box.isVisibleTo(panel)
    assert document.dataset().class_names == ["setosa", "versicolor", "virginica"]


def test_problem_offers_the_one_click_output_fix_as_one_undo_step(qtbot, document):
    import dataclasses

    from nnstudio.graph import LossMismatchError
    from nnstudio.gui.problems import FIXABLE_ROLE, ProblemsView

    view = ProblemsView(document)
    qtbot.addWidget(view)
    document.set_data_settings(dataclasses.replace(document.project.data, name="iris"))
    assert any(isinstance(p, LossMismatchError) for p in document.problems())
    rows = [view.item(i) for i in range(view.count())]
    fixable = [item for item in rows if item.data(FIXABLE_ROLE)]
    assert fixable and "fit the output" in fixable[0].text()
    out = document.spec.sinks()[0]
    before = (dict(document.spec.nodes[out].params), document.project.training.loss)
    depth = document.undo_stack.count()
    view.itemDoubleClicked.emit(fixable[0])
    params = document.spec.nodes[out].params
    assert (params["units"], params["activation"]) == (3, "softmax")
    assert document.project.training.loss == "cce"
    assert document.problems() == []
    assert document.undo_stack.count() == depth + 1
    document.undo_stack.undo()
    assert document.spec.nodes[out].params == before[0]
    assert document.project.training.loss == before[1]
    assert document.fit_output_to_data()  # the Document API directly
    assert not document.fit_output_to_data()  # already fits: nothing to do


def test_no_output_fix_next_to_structural_problems(qtbot, document):
    import dataclasses

    from nnstudio.graph import Edge
    from nnstudio.gui.problems import FIXABLE_ROLE, ProblemsView

    view = ProblemsView(document)
    qtbot.addWidget(view)
    document.set_data_settings(dataclasses.replace(document.project.data, name="iris"))
    document.disconnect(Edge("dense_2", "dense_3", 0))  # dense_3 dangles
    kinds = {type(p).__name__ for p in document.problems()}
    assert {"DanglingNodeError", "LossMismatchError"} <= kinds
    assert not any(view.item(i).data(FIXABLE_ROLE) for i in range(view.count()))
