"""Project files, templates and weights import (export lives in ``nnstudio.io.export``)."""

from __future__ import annotations

from .errors import (
    NotAProjectError,
    ProjectDataError,
    ProjectError,
    ProjectFileNotFoundError,
    ProjectFormatError,
    ProjectJSONError,
    ProjectNetworkError,
    ProjectParamError,
    ProjectTrainingError,
    ProjectVersionError,
    ProjectWeightsError,
    UnknownLayerKindError,
    WeightsImportError,
)
from .project import FORMAT_VERSION, Project, load_project, save_project
from .templates import DEFAULT_TEMPLATE, TEMPLATES, make_template
from .weights import apply_weights, load_weights_file

__all__ = [
    "DEFAULT_TEMPLATE",
    "FORMAT_VERSION",
    "NotAProjectError",
    "Project",
    "ProjectDataError",
    "ProjectError",
    "ProjectFileNotFoundError",
    "ProjectFormatError",
    "ProjectJSONError",
    "ProjectNetworkError",
    "ProjectParamError",
    "ProjectTrainingError",
    "ProjectVersionError",
    "ProjectWeightsError",
    "TEMPLATES",
    "UnknownLayerKindError",
    "WeightsImportError",
    "apply_weights",
    "load_project",
    "load_weights_file",
    "make_template",
    "save_project",
]
