"""Typed errors for project files and weight files.

Every failure to read, write or import a file raises a :class:`ProjectError` subclass whose
message names the file (when known), what is wrong, and what to do about it.
"""

from __future__ import annotations

from nnstudio.errors import NNStudioError


class ProjectError(NNStudioError):
    """A project or weights file cannot be used as given."""


class ProjectFileNotFoundError(ProjectError):
    """The project file does not exist (or is a folder)."""


class NotAProjectError(ProjectError):
    """The file is not a readable zip archive (damaged, truncated, or another kind of file)."""


class ProjectSaveError(ProjectError):
    """The project file cannot be written there (missing or read-only folder, a folder's
    name, a full disk)."""


class ProjectJSONError(ProjectError):
    """``project.json`` or ``history.json`` is missing or is not valid JSON."""


class ProjectVersionError(ProjectError):
    """The file's format version is unknown to this NN Studio (usually: made by a newer one)."""


class ProjectFormatError(ProjectError):
    """A field is missing or has the wrong type (e.g. a list where an object belongs)."""


class ProjectNetworkError(ProjectError):
    """The ``network`` section cannot be turned into a network description."""


class UnknownLayerKindError(ProjectNetworkError):
    """The network uses a layer kind this NN Studio does not know."""


class ProjectParamError(ProjectNetworkError):
    """A layer parameter has a value outside its allowed range or choices."""


class ProjectDataError(ProjectError):
    """The ``data`` section (dataset settings) or the stored preprocessor is invalid."""


class ProjectTrainingError(ProjectError):
    """The ``training`` section (loss, optimizer, learning rate...) is invalid."""


class ProjectWeightsError(ProjectError):
    """The stored weights cannot be read or do not match the network.

    ``problems`` lists every mismatch, one per entry.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = list(problems or [])


class WeightsImportError(ProjectError):
    """A weights file cannot be read, or its tensors do not match the project's network.

    ``problems`` lists every missing name, unexpected name and wrong shape, one per entry;
    ``str(error)`` contains all of them.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = list(problems or [])


class FileWriteError(NNStudioError):
    """A file (predictions, log, export...) cannot be written there (missing or read-only
    folder, a folder's name, a full disk)."""


class OutputPathError(FileWriteError):
    """An output path is empty, or names a file the same command reads (writing it would
    destroy the input)."""


class ResourceLimitError(ProjectError):
    """A file asks for more than NN Studio allows or the machine has: a member or array
    larger than its limit, or a network that does not fit in memory."""
