"""The ``project.json`` document of a project file, checked field by field and turned into
live objects (network, dataset and training settings); every problem raises a
:class:`~nnstudio.io.errors.ProjectError` subclass naming the field."""

from __future__ import annotations

from typing import Any

import nnstudio
from nnstudio.data import DataSettings, Preprocessor
from nnstudio.errors import NNStudioError
from nnstudio.graph import GraphError, NetworkSpec, ParamError, UnknownLayerError, train_config
from nnstudio.io.errors import (
    ProjectDataError,
    ProjectError,
    ProjectFormatError,
    ProjectNetworkError,
    ProjectParamError,
    ProjectTrainingError,
    ProjectVersionError,
    UnknownLayerKindError,
)
from nnstudio.io.messages import flat
from nnstudio.io.statistics import check_statistics
from nnstudio.text import Text

FORMAT_VERSION = 1
APP_NAME = "nnstudio"
PROJECT_JSON = "project.json"


def type_name(value: Any) -> str:
    """What a JSON value is, for a message: ``"an object"``, ``"a list"``... (a Text)."""
    return {
        dict: Text("an object"),
        list: Text("a list"),
        str: Text("text"),
        int: Text("a number"),
        float: Text("a number"),
        bool: Text("true/false"),
        type(None): Text("null"),
    }.get(type(value), type(value).__name__)


def _field(doc: dict, key: str, types: type | tuple[type, ...], what: str, optional=False):
    if key not in doc:
        if optional:
            return None
        raise ProjectFormatError(
            Text("{member} has no '{key}' ({what})", member=PROJECT_JSON, key=key, what=what)
        )
    value = doc[key]
    if optional and value is None:
        return None
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        raise ProjectFormatError(
            Text(
                "'{key}' in {member} must be {what}, not {kind}",
                key=key,
                member=PROJECT_JSON,
                what=what,
                kind=type_name(value),
            )
        )
    return value


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _check_version(doc: dict) -> None:
    if "format_version" not in doc:
        raise ProjectVersionError(
            Text(
                "{member} has no 'format_version'; it was not written by NN Studio",
                member=PROJECT_JSON,
            )
        )
    version = doc["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectVersionError(
            Text(
                "'format_version' must be a whole number, not {kind} ({value!r})",
                kind=type_name(version),
                value=version,
            )
        )
    if version > FORMAT_VERSION:
        made_by = doc.get("app_version")
        newer = isinstance(made_by, str) and made_by != nnstudio.__version__
        values = {"version": version, "app": nnstudio.__version__, "supported": FORMAT_VERSION}
        if newer:
            raise ProjectVersionError(
                Text(
                    "this project was made by a newer NN Studio ({made_by}) (file format "
                    "{version}; this NN Studio {app} reads format {supported} and older): "
                    "update NN Studio to open it",
                    made_by=made_by,
                    **values,
                )
            )
        raise ProjectVersionError(
            Text(
                "this project was made by a newer NN Studio (file format {version}; this "
                "NN Studio {app} reads format {supported} and older): update NN Studio to "
                "open it",
                **values,
            )
        )
    if version < 1:
        raise ProjectVersionError(
            Text(
                "unknown file format version {version}; this NN Studio reads formats 1 to "
                "{supported}",
                version=version,
                supported=FORMAT_VERSION,
            )
        )


def parse_document(doc: dict) -> dict[str, Any]:
    """The checked fields of a ``project.json`` document (keyword arguments of
    :class:`~nnstudio.io.project.Project`, without weights and history); raises a
    :class:`ProjectError` subclass naming what is wrong."""
    _check_version(doc)
    app = doc.get("app", APP_NAME)
    if app != APP_NAME:
        raise ProjectFormatError(
            Text("'app' is {app!r}: this file was not written by NN Studio", app=app)
        )
    name = _field(doc, "name", str, Text("text (the project's name)"))
    network_d = _field(doc, "network", dict, Text("an object (the network description)"))
    data_d = _field(doc, "data", dict, Text("an object (the dataset settings)"))
    training_d = _field(doc, "training", dict, Text("an object (the training settings)"))
    preprocessor = _field(doc, "preprocessor", dict, Text("an object or null"), optional=True)
    metadata = _field(doc, "metadata", dict, Text("an object"), optional=True) or {}

    network = _build_network(network_d)
    data = _build_part(DataSettings.from_dict, data_d, ProjectDataError, "data")
    # missing settings (older files, hand-written ones) get the catalog's defaults
    training = _build_part(train_config, training_d, ProjectTrainingError, "training")
    _run_check(training.validate, ProjectTrainingError, "training")
    if preprocessor is not None:
        _build_part(Preprocessor.from_dict, preprocessor, ProjectDataError, "preprocessor")
        check_statistics(preprocessor)
    return {
        "name": name,
        "network": network,
        "data": data,
        "training": training,
        "preprocessor": preprocessor,
        "metadata": metadata,
    }


# Exceptions another package's from_dict may raise on a value of an unexpected type when
# its own validation misses it; they are turned into ProjectFormatError with the section.
LOOSE_FAILURES = (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError)


def _build_network(d: dict) -> NetworkSpec:
    try:
        return NetworkSpec.from_dict(d)
    except UnknownLayerError as exc:
        raise UnknownLayerKindError(
            Text(
                "the network uses an unknown layer kind: {error} (was it made by a newer "
                "NN Studio?)",
                error=flat(exc),
            )
        ) from exc
    except ParamError as exc:
        raise ProjectParamError(Text("invalid layer parameter: {error}", error=flat(exc))) from exc
    except GraphError as exc:
        raise ProjectNetworkError(Text("invalid network: {error}", error=flat(exc))) from exc
    except NNStudioError as exc:
        raise ProjectNetworkError(Text("invalid network: {error}", error=flat(exc))) from exc
    except (*LOOSE_FAILURES, RecursionError) as exc:
        raise ProjectFormatError(_malformed("network", exc)) from exc


def _invalid(section: str, exc: BaseException) -> Text:
    return Text("invalid '{section}' settings: {error}", section=section, error=flat(exc))


def _malformed(section: str, exc: BaseException) -> Text:
    return Text("the '{section}' section is malformed ({error})", section=section, error=flat(exc))


def _build_part(fn: Any, d: dict, error: type[ProjectError], section: str) -> Any:
    try:
        return fn(d)
    except NNStudioError as exc:
        raise error(_invalid(section, exc)) from exc
    except (*LOOSE_FAILURES, RecursionError) as exc:
        raise ProjectFormatError(_malformed(section, exc)) from exc


def _run_check(fn: Any, error: type[ProjectError], section: str) -> None:
    try:
        fn()
    except NNStudioError as exc:
        raise error(_invalid(section, exc)) from exc
    except LOOSE_FAILURES as exc:
        raise ProjectFormatError(_malformed(section, exc)) from exc
