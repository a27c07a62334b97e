"""Undo/redo through the window respects the training lock; problems select their nodes."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import open_window

from nnstudio.io import make_template

TIMEOUT = 60_000


_window = open_window


def test_undo_action_names_the_step_and_is_locked_while_training(qtbot, tmp_path):
    project = make_template("circle")
    project.training = dataclasses.replace(project.training, epochs=None)
    window = _window(qtbot, tmp_path, project)
    doc = window.document
    assert not window.undo_action.isEnabled()
    doc.add_node("dense", (500.0, 300.0))
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().startswith("&Undo ") and len(window.undo_action.text()) > 6
    assert window.undo_action.iconText() == "Undo"
    # remove the dangling node again so the network is valid, then train
    window.undo_action.trigger()
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()
    doc.redo()
    doc.undo()
    n_nodes = len(doc.spec.nodes)
    doc.add_node("dropout", (600.0, 300.0))
    doc.undo()
    assert len(doc.spec.nodes) == n_nodes
    doc.redo()
    doc.remove_nodes([next(n for n in doc.spec.nodes if n.startswith("dropout"))])
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    # the last step removed a node: undoing it would change the network under the worker;
    # Ctrl+Z is refused and the status bar says why
    assert not doc.can_undo()
    _press_ctrl_z(qtbot, window)
    assert len(doc.spec.nodes) == n_nodes
    message = window.statusBar().currentMessage()
    assert "Training is running" in message and "Delete" in message
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.stop_training()
    assert doc.can_undo()
    window.wait_for_thread()


def _press_ctrl_z(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_z_of_a_loss_change_is_refused_during_training_and_says_why(qtbot, tmp_path):
    project = make_template("circle")
    project.training = dataclasses.replace(project.training, epochs=None)
    window = _window(qtbot, tmp_path, project)
    doc = window.document
    _choose = window.training_panel.loss_combo
    _choose.setCurrentIndex(_choose.findData("mse"))
    assert doc.project.training.loss == "mse"
    _choose.setCurrentIndex(_choose.findData("bce"))  # back to a loss that trains
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    worker = window.worker
    _press_ctrl_z(qtbot, window)
    assert doc.project.training.loss == "bce"  # the made-before-training edit stays
    assert "loss" in window.statusBar().currentMessage()
    assert "Training is running" in window.statusBar().currentMessage()
    assert window.worker is worker and worker.session.trainer.config.loss == "bce"
    # a live setting changed during the run can be undone at once
    window.training_panel.l2_spin.setValue(0.003)
    _press_ctrl_z(qtbot, window)
    assert doc.project.training.l2 == 0.0
    window.wait_for_thread()


def test_double_clicked_problem_selects_its_node_on_the_canvas(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    node_id = window.document.add_node("dense", (900.0, 500.0))  # unconnected: a problem
    view = window.problems_view
    rows = [view.item(i) for i in range(view.count())]
    row = next(r for r in rows if node_id in r.text())
    view.itemDoubleClicked.emit(row)
    assert window.canvas.canvas_scene.node_items[node_id].isSelected()
    assert window.inspector.node_id == node_id


def test_learning_rate_box_accepts_scientific_notation(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    box = window.training_panel.lr_spin
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "3e-4")
    box.editingFinished.emit()
    box.interpretText()
    assert abs(box.value() - 3e-4) < 1e-12
    assert box.text() == "0.0003"
    qtbot.waitUntil(lambda: abs(window.document.project.training.learning_rate - 3e-4) < 1e-12)


def test_an_invalid_network_clears_the_stale_surface(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.refresh_preview()
    assert window.surface.image_item.image is not None
    window.document.remove_nodes(["dense_2"])  # dense_3 loses its input: invalid
    window.refresh_preview()
    assert window.surface.image_item.image is None
    window.document.undo()
    window.refresh_preview()
    assert window.surface.image_item.image is not None


def test_double_clicked_palette_kind_lands_in_the_middle_of_the_canvas(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    palette = window.palette_widget
    before = set(window.document.spec.nodes)
    palette.tree.itemDoubleClicked.emit(palette.item_for("batchnorm"), 0)
    (added,) = set(window.document.spec.nodes) - before
    assert added.startswith("batchnorm")
    item = window.canvas.canvas_scene.node_items[added]
    assert item.isSelected()
    centre = window.canvas.mapToScene(window.canvas.viewport().rect().center())
    assert item.sceneBoundingRect().contains(centre)
