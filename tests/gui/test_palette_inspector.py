"""Palette, inspector and problems list, through their real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from nnstudio.graph import CATALOG, Edge


@pytest.fixture
def palette(qtbot):
    from nnstudio.gui.palette import Palette

    widget = Palette()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def inspector(qtbot, document):
    from nnstudio.gui.inspector import Inspector

    widget = Inspector(document)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_palette_groups_every_kind_with_icon_and_tooltip(palette):
    tree = palette.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == list(dict.fromkeys(k.category for k in CATALOG.values()))
    assert palette.visible_kinds() == list(CATALOG)
    for kind in CATALOG.values():
        item = palette.item_for(kind.id)
        assert item.text(0) == kind.name
        assert item.parent().text(0) == kind.category
        assert kind.description in item.toolTip(0)
        assert not item.icon(0).isNull()


def test_palette_filter_and_mime(palette):
    from nnstudio.gui.palette import LAYER_MIME

    palette.filter_edit.setText("drop")
    assert palette.visible_kinds() == ["dropout"]
    hidden_groups = [
        palette.tree.topLevelItem(i).text(0)
        for i in range(palette.tree.topLevelItemCount())
        if palette.tree.topLevelItem(i).isHidden()
    ]
    assert "Merge" in hidden_groups and "Regularization" not in hidden_groups
    palette.filter_edit.clear()
    assert len(palette.visible_kinds()) == len(CATALOG)
    mime = palette.tree.mimeData([palette.item_for("batchnorm")])
    assert bytes(mime.data(LAYER_MIME).data()) == b"batchnorm"


def test_inspector_builds_editors_from_schema(inspector):
    inspector.show_node("dense_1")
    units = inspector.editors["units"]
    assert isinstance(units, QSpinBox)
    spec = CATALOG["dense"].param("units")
    assert (units.minimum(), units.maximum()) == (spec.min, spec.max)
    assert units.value() == 16
    activation = inspector.editors["activation"]
    assert isinstance(activation, QComboBox)
    assert [activation.itemText(i) for i in range(activation.count())] == list(
        CATALOG["dense"].param("activation").choices
    )
    assert activation.currentText() == "tanh"
    assert isinstance(inspector.editors["use_bias"], QCheckBox)
    assert isinstance(inspector.editors["slope"], QDoubleSpinBox)
    assert inspector.editors["slope"].isHidden()  # only shown for leaky_relu
    activation.setCurrentText("leaky_relu")
    assert not inspector.editors["slope"].isHidden()
    inspector.show_node(None)
    assert inspector.editors == {}


def test_inspector_edit_is_undoable_and_never_echoes(inspector, document):
    inspector.show_node("dense_1")
    units = inspector.editors["units"]
    units.setValue(5)
    assert document.spec.nodes["dense_1"].params["units"] == 5
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert units.value() == 16  # refreshed from the document
    assert document.undo_stack.count() == 1  # the refresh pushed nothing
    assert document.undo_stack.index() == 0
    document.undo_stack.redo()
    assert units.value() == 5
    inspector.editors["use_bias"].setChecked(False)
    assert document.spec.nodes["dense_1"].params["use_bias"] is False
    assert document.undo_stack.count() == 2


def test_typed_spinbox_edit_commits_once(inspector, document):
    inspector.show_node("dense_2")
    units = inspector.editors["units"]
    units.setFocus()
    units.selectAll()
    QTest.keyClicks(units, "32")
    assert document.undo_stack.count() == 0  # no keyboard tracking: nothing yet
    QTest.keyClick(units, Qt.Key.Key_Return)
    assert document.spec.nodes["dense_2"].params["units"] == 32
    assert document.undo_stack.count() == 1


def test_inspector_edit_updates_canvas_shape_label(inspector, canvas, document):
    inspector.show_node("dense_1")
    inspector.editors["units"].setValue(5)
    items = canvas.canvas_scene.node_items
    assert items["dense_1"].shape_text == "(5,)"
    assert items["dense_1"].count_text == f"{7 * 5 + 5} params"
    assert items["dense_2"].count_text == f"{5 * 16 + 16} params"
    assert "(5,)" in inspector.info_label.text()
    document.undo_stack.undo()
    assert items["dense_1"].shape_text == "(16,)"


def test_inspector_follows_canvas_selection_and_lock(inspector, canvas, document, qtbot):
    canvas.selectionChangedIds.connect(
        lambda ids: inspector.show_node(ids[0] if len(ids) == 1 else None)
    )
    canvas.select_nodes(["dense_3"])
    assert inspector.node_id == "dense_3"
    assert inspector.editors["activation"].currentText() == "sigmoid"
    document.set_locked("Training is running")
    assert not inspector.editors["units"].isEnabled()
    document.set_locked(None)
    assert inspector.editors["units"].isEnabled()
    document.remove_nodes(["dense_3"])
    assert inspector.node_id is None


def test_problems_view_lists_errors_and_activates_nodes(document, qtbot):
    from nnstudio.gui.problems import ProblemsView

    view = ProblemsView(document)
    qtbot.addWidget(view)
    assert view.count() == 1 and not view.node_ids_of(0)  # the "no problems" row
    document.disconnect(Edge("dense_2", "dense_3", 0))
    problems = document.problems()
    assert view.count() == len(problems) >= 1
    assert [view.item(i).text() for i in range(view.count())] == [str(p) for p in problems]
    row = next(i for i in range(view.count()) if "dense_3" in view.node_ids_of(i))
    with qtbot.waitSignal(view.nodeActivated) as blocker:
        view.itemDoubleClicked.emit(view.item(row))
    assert blocker.args == [view.node_ids_of(row)[0]]
    document.undo_stack.undo()
    assert view.count() == 1 and not view.node_ids_of(0)


def test_problems_view_shows_a_broken_dataset(spiral_project, qtbot):
    import dataclasses

    from nnstudio.gui.document import Document
    from nnstudio.gui.problems import ProblemsView

    spiral_project.data = dataclasses.replace(
        spiral_project.data, name="csv", csv_path="/nonexistent/table.csv"
    )
    document = Document(spiral_project)
    view = ProblemsView(document)
    qtbot.addWidget(view)
    assert document.dataset_error is not None
    assert view.item(0).text().startswith("Data: ")
    assert "table.csv" in view.item(0).text()


def test_problems_view_shows_a_softmax_cce_warning_that_does_not_block(qtbot):
    from nnstudio.graph import SoftmaxCrossEntropyWarning
    from nnstudio.gui.document import Document
    from nnstudio.gui.problems import ProblemsView
    from nnstudio.io import make_template

    document = Document(make_template("multiclass"))  # softmax output, cce
    view = ProblemsView(document)
    qtbot.addWidget(view)
    assert document.problems() == []  # training is not blocked
    [warning] = document.warnings()
    assert isinstance(warning, SoftmaxCrossEntropyWarning) and warning.severity == "warning"
    texts = [view.item(i).text() for i in range(view.count())]
    assert texts[0] == "Note: " + str(warning) and "fuses" in texts[0]
    assert texts[1].startswith("No problems")
    assert view.node_ids_of(0) == list(warning.node_ids)
