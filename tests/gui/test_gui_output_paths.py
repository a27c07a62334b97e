"""The app's save and export refuse to write over the files a project reads (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from window_helpers import open_window

from nnstudio.io import load_project, make_template, save_project
from nnstudio.io.errors import OutputPathError


def _project_file(tmp_path: Path) -> Path:
    project = make_template("xor")
    project.data.n_points = 40
    path = tmp_path / "p.nnstudio"
    save_project(project, path)
    return path


def test_export_over_the_open_project_is_refused_with_a_message(qtbot, tmp_path: Path) -> None:
    path = _project_file(tmp_path)
    before = path.read_bytes()
    window = open_window(qtbot, tmp_path, load_project(path), str(path))
    with pytest.raises(OutputPathError, match="refusing to write the export"):
        window.export("npz", str(path))
    assert window._guard(lambda: window.export("onnx", str(path))) is None
    box = window.message_box
    assert "refusing to write the export" in box.text() and str(path) in box.text()
    assert path.read_bytes() == before
    window.export("npz", str(tmp_path / "model.npz"))  # elsewhere: written
    assert (tmp_path / "model.npz").stat().st_size > 0


def test_save_as_over_the_projects_dataset_is_refused(qtbot, tmp_path: Path) -> None:
    path = _project_file(tmp_path)
    data = tmp_path / "table.csv"
    data.write_text("a,b,y\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20)))
    project = load_project(path)
    project.data.name = "csv"
    project.data.csv_path = str(data)
    window = open_window(qtbot, tmp_path, project, str(path))
    before = data.read_bytes()
    assert window._guard(lambda: window.save_to(str(data))) is None
    assert "dataset" in window.message_box.text()
    assert data.read_bytes() == before


def test_a_network_too_large_for_memory_is_refused_when_opened(qtbot, tmp_path: Path) -> None:
    """Opening builds a session for the preview: the estimate refuses it, no MemoryError."""
    from nnstudio.graph import NetworkSpec

    project = make_template("xor")
    project.data.n_points = 40
    project.network = NetworkSpec.sequential(2, [100_000, 100_000], "relu", 1, "sigmoid")
    path = tmp_path / "huge.nnstudio"
    save_project(project, path)
    window = open_window(qtbot, tmp_path, load_project(path), str(path))
    window._schedule_preview()
    qtbot.waitUntil(lambda: "needs about" in window.statusBar().currentMessage(), timeout=10_000)
    assert "available" in window.statusBar().currentMessage()
