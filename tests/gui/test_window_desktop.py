"""Desktop behaviour of the main window: exports, recovery, progress, closing mid-run."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import open_window

from nnstudio.gui.status import TrainingStatus
from nnstudio.io import load_project, make_template, save_project

TIMEOUT = 60_000


_window = open_window


@pytest.fixture
def window(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    yield w
    w.wait_for_thread()


def test_export_of_an_invalid_network_is_refused_before_the_file_dialog(window, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    doc = window.document
    doc.remove_nodes([list(doc.spec.nodes)[-1]])
    assert window.export("onnx") == []
    assert asked == []
    assert window.message_box.windowTitle() == "Cannot export"
    assert str(doc.problems()[0]) in window.message_box.text()


def test_export_menu_offers_every_format_and_plot_and_canvas_images(window):
    texts = [a.text() for a in window.export_menu.actions() if not a.isSeparator()]
    for label in ("ONNX", "safetensors", "PyTorch", "NumPy weights", "Standalone NumPy"):
        assert any(label in t for t in texts), label
    for label in ("Plots as &PNG…", "Plots as S&VG…", "Curves as &CSV…"):
        assert label in texts
    assert "&Canvas as PNG…" in texts and "Canvas as &SVG…" in texts


def test_plot_and_canvas_exports_write_files_and_remember_the_folder(window, tmp_path, monkeypatch):
    out = tmp_path / "figs"
    out.mkdir()
    names = iter(["plots", "plots", "curves", "net", "net"])  # no extension typed
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out / next(names)), "")
    )
    window.plots.append_reports([{"train_loss": 1.0 / (i + 1)} for i in range(5)])
    window.export_plots_png()
    window.export_plots_svg()
    window.export_curves_csv()
    window.export_canvas()
    window.export_canvas(svg=True)
    assert not QImage(str(out / "plots.png")).isNull()
    assert "<svg" in (out / "plots.svg").read_text()
    assert (out / "curves.csv").read_text().startswith("epoch,")
    assert not QImage(str(out / "net.png")).isNull()
    assert "<svg" in (out / "net.svg").read_text()
    assert window.settings.value("lastFolder") == str(out)


def test_unwritable_plot_export_shows_a_message_not_a_traceback(window, tmp_path):
    window._guard(lambda: window.export_curves_csv(str(tmp_path / "no" / "c.csv")))
    assert "cannot write" in window.message_box.text().lower()


def test_autosave_of_a_saved_project_is_offered_on_a_fresh_start(qtbot, tmp_path):
    path = tmp_path / "mine.nnstudio"
    save_project(make_template("circle"), path)
    first = _window(qtbot, tmp_path, load_project(path), str(path))
    first.document.set_param("dense_1", "units", 7)
    autosave = first.recovery.autosave()
    assert autosave is not None
    # The app "crashes": no clean close, the lock is left behind by a dead instance.
    first.recovery.instance_lock.unlock()
    first.recovery.instance_lock = None

    fresh = _window(qtbot, tmp_path / "again", recovery=tmp_path / "recovery")
    asked = []
    fresh.recovery.ask = lambda name, when, age: asked.append(name) or True
    assert fresh.offer_recovery()
    assert asked == ["mine.nnstudio"]
    assert fresh.document.path == str(path)
    assert fresh.document.is_dirty
    assert fresh.document.spec.nodes["dense_1"].params["units"] == 7
    assert "autosave_of" not in fresh.document.project.metadata
    first.document.mark_saved(str(path))  # no prompt when the test closes it


def test_a_second_instance_does_not_recover_the_first_ones_autosaves(qtbot, tmp_path):
    path = tmp_path / "mine.nnstudio"
    save_project(make_template("circle"), path)
    first = _window(qtbot, tmp_path, load_project(path), str(path))
    first.document.set_param("dense_1", "units", 7)
    assert first.recovery.autosave() is not None
    second = _window(qtbot, tmp_path / "two", recovery=tmp_path / "recovery")
    assert second.recovery.pending() is None
    first.document.mark_saved(str(path))


def test_refused_recovery_deletes_the_autosave(qtbot, tmp_path):
    first = _window(qtbot, tmp_path)
    first.document.set_param("dense_1", "units", 5)
    autosave = first.recovery.autosave()
    first.recovery.instance_lock.unlock()
    first.recovery.instance_lock = None
    fresh = _window(qtbot, tmp_path / "b", recovery=tmp_path / "recovery")
    fresh.recovery.ask = lambda name, when, age: False
    assert not fresh.offer_recovery()
    assert not autosave.exists()
    first.document.mark_saved("")


def test_progress_bar_counts_project_epochs_when_a_run_continues():
    status = TrainingStatus()
    report = {"train_loss": 0.5, "test_loss": 0.6}
    # A run of 200 epochs continuing from epoch 100, 50 epochs in: epoch 150 of 300.
    status.show_report(report, epoch=150, epochs_per_s=10.0, done=50, budget=200)
    assert status.progress.maximum() == 300 and status.progress.value() == 150
    assert status.progress.text().startswith("150 / 300")
    assert "15 s left" in status.progress.text()
    # paused: no speed and no time left, until it runs again
    status.set_paused(True)
    assert status.progress.text() == "150 / 300"
    assert status.rate_label.text() == "Paused"
    status.set_paused(False)
    assert "15 s left" in status.progress.text()
    status.show_report(report, epoch=300, epochs_per_s=10.0, done=200, budget=200)
    assert status.progress.text() == "300 / 300"
    # a budget lowered below the epochs already run never reads past 100 %
    status.show_report(report, epoch=420, epochs_per_s=10.0, done=320, budget=120)
    assert status.progress.value() == status.progress.maximum() == 220
    assert status.progress.text() == "220 / 220"
    status.show_report(report, epoch=10, done=0, budget=None)
    assert status.progress.isHidden()


def test_cancelled_close_leaves_the_run_going_and_a_confirmed_one_saves_its_weights(
    qtbot, tmp_path
):
    project = make_template("circle")
    project.training = dataclasses.replace(project.training, epochs=None)
    window = _window(qtbot, tmp_path, project)
    path = tmp_path / "run.nnstudio"
    window.save_to(str(path))
    seen = []

    def ask(answer):
        def _ask():
            seen.append(window.worker is not None and window.worker.is_paused)
            return answer

        return _ask

    window._ask_unsaved = ask(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(window.snapshotShown, timeout=TIMEOUT):
        window.start_training()
    window.close()
    assert seen == [True]  # asked while the run waited, paused
    assert window.isVisible()  # Cancel keeps the window open ...
    worker = window.worker
    assert worker is not None and not worker.is_paused  # ... and the run going on
    epochs = worker.epochs_run
    qtbot.waitUntil(lambda: worker.epochs_run > epochs + 2, timeout=TIMEOUT)
    assert window.train_action.text() == "&Pause"

    window._ask_unsaved = ask(QMessageBox.StandardButton.Save)
    window.close()
    assert not window.isVisible() and window.worker is None
    assert window.last_thread.isFinished()
    saved = load_project(path)
    assert saved.weights is not None and len(saved.history) > epochs + 2
    assert np.isfinite(saved.history[-1]["train_loss"])


class _SmallScreen:
    def availableGeometry(self):  # noqa: N802 (Qt API)
        from PySide6.QtCore import QRect

        return QRect(0, 0, 1024, 768)


@pytest.mark.parametrize("screen", [(1024, 768), None])
def test_first_start_fits_a_small_screen(qtbot, tmp_path, monkeypatch, screen):
    """With no saved geometry the window opens at 1400x900, or inside a smaller screen's
    free area with its side columns scaled (the offscreen platform has no real screen)."""
    from PySide6.QtGui import QGuiApplication

    from nnstudio.gui.main_window import MainWindow

    if screen is not None:
        monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
        monkeypatch.setattr(MainWindow, "screen", lambda self: _SmallScreen())
    window = open_window(qtbot, tmp_path)
    qtbot.waitUntil(window.isVisible)
    if screen is None:
        assert (window.width(), window.height()) == (1400, 900)
        return
    assert window.width() == 1024 and window.height() <= 768 - 40
    canvas = window.centralWidget()
    assert canvas.width() >= 0.4 * window.width()
    for dock in (window.palette_dock, window.inspector_dock, window.surface_dock):
        assert dock.width() >= dock.minimumSizeHint().width()
        assert dock.geometry().right() <= window.width()
