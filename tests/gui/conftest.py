"""Fixtures for the Qt tests (pytest-qt, offscreen).

The whole folder is skipped when PySide6 is not installed (the no-Qt CI job).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6")


@pytest.fixture
def spiral_project():
    """The default project: the spiral template (input_1 -> dense_1 -> dense_2 -> dense_3)."""
    from nnstudio.io import make_template

    return make_template("spiral")


@pytest.fixture
def document(qtbot, spiral_project):
    """A Document over a fresh spiral project."""
    from nnstudio.gui.document import Document

    return Document(spiral_project)


@pytest.fixture
def canvas(qtbot, document):
    """A shown CanvasView of ``document`` (800x500), fitted to the network."""
    from nnstudio.gui.canvas_view import CanvasView

    view = CanvasView(document)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    return view
