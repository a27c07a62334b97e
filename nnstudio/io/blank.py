"""The empty project: only an Input node matching the data, for building a network by hand
(File > New offers it besides the templates)."""

from __future__ import annotations

from nnstudio.data import DataSettings, make_dataset
from nnstudio.graph import NetworkSpec
from nnstudio.io.project import Project
from nnstudio.io.templates import make_template

#: Where the Input node sits on the canvas.
INPUT_POS = (0.0, 0.0)


def empty_project(data: DataSettings | None = None, name: str = "untitled") -> Project:
    """A project whose network is one Input node with one unit per feature of ``data``.

    ``data`` defaults to the default template's data; the training settings are the
    default template's. Raises ``nnstudio.data.DataError`` if the data cannot be built.
    """
    project = make_template()
    if data is not None:
        project.data = DataSettings.from_dict(data.to_dict())
    n_features = make_dataset(project.data_settings()).n_features
    spec = NetworkSpec()
    spec.add_node("input", {"units": n_features}, pos=INPUT_POS)
    project.network = spec
    project.name = name
    project.weights = None
    project.preprocessor = None
    project.history = []
    return project
