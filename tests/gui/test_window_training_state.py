"""The window's training state as a user drives it with keys and the mouse: Epochs lowered
mid-run, refusals in the status bar, Pause/Resume, the window-wide Space shortcut, stale
results after an edit, export confirmations and the debounced autosave."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from window_helpers import open_window

from nnstudio.gui.recovery import describe_age
from nnstudio.io import load_project, make_template

TIMEOUT = 60_000


def _project(**training):
    project = make_template("circle")
    project.training = dataclasses.replace(project.training, **training)
    return project


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, _project(epochs=100_000))
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
    w.wait_for_thread()


def _start(qtbot, window, epochs=3):
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    qtbot.waitUntil(lambda: window.worker.epochs_run >= epochs, timeout=TIMEOUT)


def _type_into(qtbot, box, text):
    """Select the box's text and type ``text`` + Enter, as a user does."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_typing_epochs_below_the_current_epoch_ends_the_run(qtbot, window):
    _start(qtbot, window, epochs=5)
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT) as blocker:
        _type_into(qtbot, window.training_panel.epochs_spin, "2")
    assert window.document.project.training.epochs == 2
    run = blocker.args[0]["epochs_run"]
    assert 5 <= run < 100_000
    bar = window.status.progress
    assert bar.isHidden() or bar.value() <= bar.maximum()
    assert window.worker is None and window.document.locked is None


def test_ctrl_z_of_an_epochs_change_ends_the_run_too(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, _project(epochs=3))
    window.training_panel.epochs_spin.setValue(100_000)  # an undoable step
    _start(qtbot, window, epochs=6)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.training.epochs == 3
    assert 6 <= blocker.args[0]["epochs_run"] < 100_000


def test_delete_on_a_node_during_training_says_why(qtbot, window):
    _start(qtbot, window)
    canvas = window.canvas
    item = canvas.canvas_scene.node_items["dense_1"]
    pos = canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos))
    assert item.isSelected()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "dense_1" in window.document.spec.nodes
    assert "Training is running" in window.statusBar().currentMessage()


def test_paused_says_paused_and_the_button_reads_resume(qtbot, window):
    _start(qtbot, window)
    window.train_action.trigger()  # pause
    qtbot.waitUntil(lambda: window.worker.is_paused)
    panel = window.training_panel
    assert window.train_action.text() == "&Resume"
    assert panel.lock_label.text().startswith("Training is paused")
    assert "running" not in panel.lock_label.text()
    assert window.status.rate_label.text() == "Paused"
    assert "left" not in window.status.progress.text()
    window.train_action.trigger()  # resume
    assert window.train_action.text() == "&Pause"
    assert panel.lock_label.text().startswith("Training is running")
    assert window.status.rate_label.text() != "Paused"


def test_space_works_from_a_focused_toolbar_button_but_types_in_a_text_field(qtbot, window):
    button = window.toolbar.widgetForAction(window.fit_action)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    with qtbot.waitSignal(window.trainingStarted, timeout=TIMEOUT):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.worker.is_paused
    # in a text field Space is a character, not Train/Pause
    editor = window.training_panel.lr_spin
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert window.worker.is_paused
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert not window.worker.is_paused


def test_results_are_marked_stale_after_a_network_or_data_change(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, _project(epochs=5))
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.start_training()
    status, doc = window.status, window.document
    assert status.metric_label.text().startswith("Accuracy")
    assert window.plots.n_points == 5
    doc.set_param("dense_1", "units", 3)  # the trained weights no longer fit
    assert status.metric_label.text() == "" and window.plots.n_points == 0
    assert not status.note_label.isHidden() and "Changed" in status.note_label.text()
    doc.undo()  # the weights come back, with their curves and numbers
    assert status.metric_label.text().startswith("Accuracy")
    assert window.plots.n_points == 5 and status.note_label.isHidden()
    data = dataclasses.replace(doc.project.data, noise=0.3)
    doc.set_data_settings(data)
    assert status.metric_label.text() == "" and window.plots.n_points == 0


def test_pytorch_export_lists_every_file_written(qtbot, window, tmp_path):
    out = tmp_path / "export" / "model.py"
    out.parent.mkdir()
    window.export("pytorch", str(out))
    message = window.statusBar().currentMessage()
    written = sorted(p.name for p in out.parent.iterdir())
    assert len(written) >= 2 and "model.py" in written and "model.npz" in written
    for name in written:
        assert name in message
    assert str(out.parent) in message


def test_an_edit_is_autosaved_within_seconds_without_a_timer_of_minutes(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    path = window.recovery.path()
    assert not path.exists()
    window.document.set_param("dense_1", "units", 7)
    qtbot.waitUntil(path.exists, timeout=10_000)
    assert load_project(path).network.nodes["dense_1"].params["units"] == 7
    window.document.set_param("dense_1", "units", 9)  # a later edit is saved again
    qtbot.waitUntil(
        lambda: load_project(path).network.nodes["dense_1"].params["units"] == 9,
        timeout=10_000,
    )


def test_recovery_says_how_old_the_copy_is(qtbot, tmp_path):
    import os
    import time

    first = open_window(qtbot, tmp_path)
    first.document.set_param("dense_1", "units", 5)
    autosave = Path(first.recovery.autosave())
    first.recovery.instance_lock.unlock()  # the app "crashes"
    first.recovery.instance_lock = None
    old = time.time() - 3 * 3600
    os.utime(autosave, (old, old))
    fresh = open_window(qtbot, tmp_path / "b", recovery=tmp_path / "recovery")
    asked = []
    fresh.recovery.ask = lambda name, when, age: asked.append(age) or True
    assert fresh.offer_recovery()
    assert asked == ["3 hours ago"]
    assert "3 hours ago" in fresh.statusBar().currentMessage()
    first.document.mark_saved("")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (5, "a few seconds ago"),
        (70, "1 minute ago"),
        (600, "10 minutes ago"),
        (2 * 3600, "2 hours ago"),
        (86400 * 3, "3 days ago"),
    ],
)
def test_describe_age(seconds, text):
    assert describe_age(seconds) == text


def test_an_export_onto_the_projects_own_file_is_refused(qtbot, window, tmp_path):
    path = tmp_path / "mine.nnstudio"
    window.save_to(str(path))
    before = path.read_bytes()
    window._guard(lambda: window.export("npz", str(path)))
    assert window.message_box is not None and "mine.nnstudio" in window.message_box.text()
    assert path.read_bytes() == before
    assert load_project(path).network.to_dict() == window.document.spec.to_dict()
    # after Save As, the new file is the protected one
    other = tmp_path / "other.nnstudio"
    window.save_to(str(other))
    window.message_box = None
    window._guard(lambda: window.export("onnx", str(other)))
    assert window.message_box is not None and load_project(other) is not None
