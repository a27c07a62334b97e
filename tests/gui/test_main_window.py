"""The main window with its real widgets, worker thread and files."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import click_in_next_box, open_window

from nnstudio.graph.catalog import train_config
from nnstudio.io import TEMPLATES, load_project, make_template

TIMEOUT = 60_000


_make_window = open_window


@pytest.fixture
def window(qtbot, tmp_path):
    w = _make_window(qtbot, tmp_path)
    yield w
    w.wait_for_thread()


def _project(name="circle", **training):
    """A template with some training settings changed (a new optimizer gets its defaults)."""
    project = make_template(name)
    if training:
        settings = project.training.to_dict()
        if "optimizer" in training:
            settings["optimizer_params"] = {}
        project.training = train_config(settings, **training)
    return project


def test_first_run_shows_a_valid_spiral(window):
    assert "spiral" in window.windowTitle() and window.windowTitle().endswith("— NN Studio")
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    assert window.document.project.data.name == "spiral"
    assert window.document.problems() == []
    assert window.train_action.isEnabled()
    assert window.train_action.shortcut().toString() == "Space"


def test_training_makes_loss_fall_and_changes_the_surface(qtbot, window):
    window.refresh_preview()
    before = np.array(window.surface.image_item.image, copy=True)
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT) as blocker:
        window.start_training(max_epochs=30)
        assert window.document.locked == "Training is running"
    history = blocker.args[0]["history"]
    assert len(history) == 30
    assert history[-1]["train_loss"] < history[0]["train_loss"]
    assert window.plots.n_points == 30
    after = window.surface.image_item.image
    assert after.shape == before.shape and not np.allclose(after, before)
    assert window.surface_updates >= 1
    assert window.document.project.weights is not None
    assert window.isWindowModified()
    assert window.document.locked is None
    assert window.last_thread.isFinished()
    assert window.status.epoch_label.text() == "Epoch 30"


def test_structural_edits_are_refused_while_training(qtbot, window):
    window.document.replace_project(_project(epochs=None))
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    n_nodes = len(window.document.spec.nodes)
    window._guard(lambda: window.document.add_node("dense", (0.0, 0.0)))
    assert len(window.document.spec.nodes) == n_nodes
    assert "Training is running" in window.message_box.text()
    assert not window.data_panel.points_spin.isEnabled()
    window.message_box.close()
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.stop_training()


def test_stop_and_close_leave_no_running_thread(qtbot, tmp_path):
    window = _make_window(qtbot, tmp_path, _project(epochs=None))
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    thread = window.thread
    assert thread.isRunning()
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.stop_training()
    assert thread.isFinished() and not thread.isRunning()
    assert window.worker is None

    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    thread = window.thread
    assert thread.isRunning()
    assert window.close()
    assert thread.isFinished() and not thread.isRunning()


def test_learning_rate_edit_reaches_the_running_worker(qtbot, window):
    window.document.replace_project(_project(epochs=None, optimizer="sgd"))
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    worker = window.worker
    window.training_panel.lr_spin.setValue(0.0042)
    qtbot.waitUntil(lambda: worker.session.trainer.learning_rate == pytest.approx(0.0042))
    assert window.document.project.training.learning_rate == pytest.approx(0.0042)
    # An epoch interrupted by the stop adds no row: wait for one trained at the new rate.
    qtbot.waitUntil(lambda: worker.session.history[-1]["lr"] == pytest.approx(0.0042))
    epochs_before = worker.epochs_run
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT) as blocker:
        window.stop_training()
    history = blocker.args[0]["history"]
    assert len(history) >= epochs_before and history[-1]["lr"] == pytest.approx(0.0042)


def test_space_toggles_training(qtbot, window):
    window.document.replace_project(_project(epochs=None))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.trainingStarted, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.worker is not None and not window.worker.is_paused
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.worker.is_paused
    assert window.train_action.text() == "&Resume"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.worker.is_paused
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.stop_training()


def test_step_trains_one_epoch(qtbot, window):
    window.document.replace_project(_project())
    window.step()
    qtbot.waitUntil(lambda: window.plots.n_points == 1, timeout=TIMEOUT)
    window.step()
    qtbot.waitUntil(lambda: window.plots.n_points == 2, timeout=TIMEOUT)
    assert window.worker.is_paused
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT) as blocker:
        window.stop_training()
    assert len(blocker.args[0]["history"]) == 2


def test_divergence_shows_a_message_and_keeps_the_app_alive(qtbot, window):
    window.document.replace_project(
        _project("regression", optimizer="sgd", learning_rate=1e6, epochs=50)
    )
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT) as blocker:
        window.start_training()
    box = window.message_box
    assert box is not None and box.isVisible()
    assert "Training stopped" == box.windowTitle()
    assert "diverged" in box.text() and box.text().count("Kept the weights") == 1
    box.close()
    weights = blocker.args[0]["weights"]
    assert all(np.all(np.isfinite(w)) for w in weights.values())
    assert window.document.locked is None and window.worker is None
    # Still usable: a sane learning rate trains again.
    window.training_panel.lr_spin.setValue(0.001)
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.start_training(max_epochs=2)


def test_reset_forgets_weights(qtbot, window):
    window.document.replace_project(_project())
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.start_training(max_epochs=3)
    assert window.document.project.weights is not None
    # Reset asks first; Cancel keeps the trained weights
    asked = click_in_next_box(QMessageBox.StandardButton.Cancel)
    assert not window.reset_training()
    assert asked and "3 epochs" in asked[0]
    assert window.document.project.weights is not None and window.plots.n_points == 3
    asked = click_in_next_box(QMessageBox.StandardButton.Reset)
    assert window.reset_training()
    assert asked
    assert window.document.project.weights is None
    assert window.document.project.history == []
    assert window.plots.n_points == 0
    assert "reset" in window.statusBar().currentMessage()


def test_save_then_open_gives_the_same_project(qtbot, window, tmp_path):
    window.document.replace_project(_project())
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.start_training(max_epochs=3)
    path = str(tmp_path / "run.nnstudio")
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("run[*]")
    saved = window.document.project
    window.open_template("xor")
    assert window.document.project.data.name == "xor"
    window.open_path(path)
    loaded = window.document.project
    assert loaded.network.to_dict() == saved.network.to_dict()
    assert loaded.data.to_dict() == saved.data.to_dict()
    assert loaded.training.to_dict() == saved.training.to_dict()
    assert set(loaded.weights) == set(saved.weights)
    for name, value in saved.weights.items():
        assert np.array_equal(loaded.weights[name], value)
    assert len(loaded.history) == 3 and window.plots.n_points == 3
    assert window.recent_files()[0].endswith("run.nnstudio")
    assert load_project(path).training.to_dict() == saved.training.to_dict()


def test_bad_file_shows_an_error_not_a_traceback(window, tmp_path):
    bad = tmp_path / "broken.nnstudio"
    bad.write_text("not a zip")
    window._guard(lambda: window.open_path(str(bad)))
    assert window.message_box is not None and "broken.nnstudio" in window.message_box.text()
    assert window.document.project.data.name == "spiral"


def test_invalid_network_disables_train_with_reason(window):
    doc = window.document
    out = list(doc.spec.nodes)[-1]
    doc.remove_nodes([out])
    assert doc.problems()
    assert not window.train_action.isEnabled()
    assert window.reason_label.text().startswith("Cannot train")
    doc.undo_stack.undo()
    assert window.train_action.isEnabled()


def test_export_npz_warns_when_untrained(window, tmp_path):
    out = tmp_path / "w.npz"
    warnings = window.export("npz", str(out))
    assert out.is_file()
    assert warnings and "untrained" in warnings[0]
    assert window.message_box is not None


def test_autosave_and_recovery(qtbot, tmp_path):
    window = _make_window(qtbot, tmp_path, _project())
    doc = window.document
    doc.set_param("dense_1", "units", 5)
    saved = window.recovery.autosave()
    assert saved is not None and saved.is_file()
    assert load_project(saved).network.nodes["dense_1"].params["units"] == 5
    # A second window for the same (untitled) project finds it, as after a crash.
    other = _make_window(qtbot, tmp_path / "other", _project())
    other.recovery.folder = window.recovery.folder
    assert other.recovery.pending() == saved
    window.close()
    assert not saved.exists()


def test_dock_layout_is_remembered(qtbot, tmp_path):
    window = _make_window(qtbot, tmp_path)
    window.plots_dock.hide()
    window.close()
    again = _make_window(qtbot, tmp_path)
    assert not again.plots_dock.isVisible()
    assert again.surface_dock.isVisible()


def test_screenshot_mode_writes_the_window(qtbot, tmp_path, monkeypatch):
    from nnstudio.gui.app import SCREENSHOT_SIZE, run

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    org, name = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    project_path = tmp_path / "c.nnstudio"
    from nnstudio.io import save_project

    save_project(_project(), project_path)
    out = tmp_path / "shot.png"
    try:
        code = run([str(project_path), "--screenshot", str(out), "--train-epochs", "5"])
    finally:
        QCoreApplication.setOrganizationName(org)
        QCoreApplication.setApplicationName(name)
    assert code == 0
    image = QImage(str(out))
    assert not image.isNull()
    ratio = image.devicePixelRatio() or 1
    assert (image.width() / ratio, image.height() / ratio) == SCREENSHOT_SIZE


def test_screenshot_into_a_missing_folder_fails_and_leaves_nothing(qtbot, tmp_path, capsys):
    from nnstudio.gui.app import run
    from nnstudio.io import save_project

    org, name = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    project_path = tmp_path / "c.nnstudio"
    save_project(_project(), project_path)
    out = tmp_path / "no" / "such" / "shot.png"
    try:
        code = run([str(project_path), "--screenshot", str(out), "--train-epochs", "1"])
    finally:
        QCoreApplication.setOrganizationName(org)
        QCoreApplication.setApplicationName(name)
    assert code == 1
    assert "cannot write the screenshot" in capsys.readouterr().err
    assert not out.exists() and not out.parent.exists()


def test_live_setting_edits_reach_the_worker(qtbot, window):
    window.document.replace_project(_project(epochs=None))
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    worker = window.worker
    window.training_panel.l2_spin.setValue(0.002)
    qtbot.waitUntil(lambda: worker.session.trainer.config.l2 == pytest.approx(0.002))
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.stop_training()


def test_unexpected_errors_show_a_dialog_not_a_traceback(qtbot, capsys):
    from nnstudio.gui.app import _excepthook_factory

    hook = _excepthook_factory(QApplication.instance())
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    box = hook.last_box
    assert box.isVisible() and box.objectName() == "unexpectedErrorBox"
    assert "RuntimeError: boom" in box.informativeText()
    assert "Traceback" in box.detailedText()
    box.close()


def test_documentation_opens_the_manual_in_app(window, qtbot):
    window.docs_action.trigger()
    browser = window.help_browser
    assert browser is not None and browser.isVisible()
    assert browser.browser.source().toLocalFile().endswith("docs/index.md")
    assert "NN Studio documentation" in browser.browser.toPlainText()
    # the index links to the other pages; following one renders it in place
    browser.browser.setSource(browser.browser.source().resolved("file-format.md"))
    assert "zip" in browser.browser.toPlainText()
    browser.close()


def test_unsaved_changes_prompt_can_cancel_new(window):
    window.document.set_param("dense_1", "units", 5)
    assert window.isWindowModified()
    window._ask_unsaved = lambda: QMessageBox.StandardButton.Cancel
    window.open_template("xor")
    assert window.document.project.data.name == "spiral"
    window._ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.open_template("xor")
    assert window.document.project.data.name == "xor"
    assert not window.isWindowModified()


def test_export_then_import_weights(qtbot, window, tmp_path):
    window.document.replace_project(_project())
    with qtbot.waitSignal(window.trainingFinished, timeout=TIMEOUT):
        window.start_training(max_epochs=2)
    trained = {k: v.copy() for k, v in window.document.project.weights.items()}
    out = tmp_path / "w.npz"
    assert window.export("npz", str(out)) == []
    window.reset_training(ask=False)
    assert window.document.project.weights is None
    window.import_weights(str(out))
    for name, value in trained.items():
        assert np.allclose(window.document.project.weights[name], value)


def test_examples_menu_opens_bundled_examples_untitled(window):
    titles = [a.text() for a in window.examples_menu.actions()]
    assert len(titles) == len(TEMPLATES)
    window.open_example("moons")
    assert window.document.project.data.name == "moons"
    assert window.document.path is None
    assert window.windowTitle().startswith("moons[*]")
