"""File > Export > PyTorch training script… writes the training folder."""

from __future__ import annotations

import json
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from nnstudio.gui.main_window import MainWindow  # noqa: E402
from nnstudio.io import make_template  # noqa: E402

pytestmark = pytest.mark.gui


def test_menu_entry_writes_the_training_folder(qtbot, tmp_path, monkeypatch):
    project = make_template("xor")
    project.data.n_points = 60
    window = _window(qtbot, tmp_path, project)

    action = window.export_actions["pytorch-train"]
    assert action.text() == "PyTorch training script…"
    assert action in window.export_menu.actions()
    folder = tmp_path / "xor-train"  # the name typed in the dialog becomes the folder
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder), ""))
    action.trigger()

    assert folder.is_dir()
    names = {p.name for p in folder.iterdir()}
    assert {"train.py", "model.py", "config.json", "start_weights.npz", "data.npz"} <= names
    assert "README.md" in names
    config = json.loads((folder / "config.json").read_text())
    assert config["project"] == project.name and config["task"] == "binary"
    assert "train.py" in window.statusBar().currentMessage()


def _window(qtbot, tmp_path, project) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(project, None, settings=settings, recovery_dir=tmp_path / "recovery")
    window._ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_trained_project_asks_where_the_training_starts(qtbot, tmp_path, monkeypatch):
    import numpy as np

    from nnstudio.session import Session

    project = make_template("xor")
    project.data.n_points = 60
    session = Session.from_project(project)
    session.train_epoch()
    trained = session.store()
    window = _window(qtbot, tmp_path, trained)

    box, initial, trained_button = window._start_weights_box()
    assert [initial.text(), trained_button.text()] == ["Initial weights", "Trained weights"]
    assert box.defaultButton() is initial

    answers = iter(["trained", "initial", None])
    monkeypatch.setattr(window, "_ask_start_weights", lambda: next(answers))
    window.export("pytorch-train", str(tmp_path / "continue"))
    window.export("pytorch-train", str(tmp_path / "fresh"))
    assert window.export("pytorch-train", str(tmp_path / "cancelled")) == []
    assert not (tmp_path / "cancelled").exists()
    weights = window.document.project.weights
    with np.load(tmp_path / "continue" / "start_weights.npz") as start:
        np.testing.assert_array_equal(start["dense_1.weight"], weights["dense_1.weight"])
    with np.load(tmp_path / "fresh" / "start_weights.npz") as start:
        assert not np.array_equal(start["dense_1.weight"], weights["dense_1.weight"])


def test_untrained_project_is_not_asked(qtbot, tmp_path, monkeypatch):
    project = make_template("xor")
    project.data.n_points = 60
    window = _window(qtbot, tmp_path, project)

    def never():
        raise AssertionError("an untrained project has only its initial weights")

    monkeypatch.setattr(window, "_ask_start_weights", never)
    assert window.export("pytorch-train", str(tmp_path / "out")) == []
    assert (tmp_path / "out" / "train.py").is_file()
