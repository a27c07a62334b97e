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
    ProjectSaveError,
    ProjectTrainingError,
    ProjectVersionError,
    ProjectWeightsError,
    UnknownLayerKindError,
    WeightsImportError,
)
from .project import FORMAT_VERSION, Project, load_project, save_project
from .weights import apply_weights, load_weights_file

_LAZY_TEMPLATES = ("DEFAULT_TEMPLATE", "TEMPLATES", "UnknownTemplateError", "make_template")


def __getattr__(name: str):
    # Templates are imported on first use so that ``python -m nnstudio.io.templates`` runs
    # the module once (as __main__), not twice.
    if name in _LAZY_TEMPLATES:
        from . import templates

        return getattr(templates, name)
    raise AttributeError(f"module 'nnstudio.io' has no attribute {name!r}")


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
    "ProjectSaveError",
    "ProjectNetworkError",
    "ProjectParamError",
    "ProjectTrainingError",
    "ProjectVersionError",
    "ProjectWeightsError",
    "TEMPLATES",
    "UnknownLayerKindError",
    "UnknownTemplateError",
    "WeightsImportError",
    "apply_weights",
    "load_project",
    "load_weights_file",
    "make_template",
    "save_project",
]
