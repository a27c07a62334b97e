"""Project files: one ``.nnstudio`` zip holding a network, dataset and training settings.

Layout of the zip (see ``docs/file-format.md``)::

    project.json    format version, app, name, network, data, training, preprocessor, metadata
    weights.npz     once trained: "<node id>.<param>" -> array (read with allow_pickle=False)
    history.json    once trained: list of per-epoch metric dicts
    runs.json       optional: one record per training run (``nnstudio.io.runs``)
    snapshots.npz   optional: the last run's weight snapshots (``nnstudio.io.runs``)

Loading parses into plain typed pieces first, checks the format version explicitly, then
builds the live objects; anything malformed raises a :class:`ProjectError` subclass.
Saving is atomic: a temporary file beside the target, then ``os.replace``.
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

import nnstudio
from nnstudio.data import DataSettings, Preprocessor
from nnstudio.engine import TrainConfig
from nnstudio.errors import NNStudioError
from nnstudio.graph import (
    GraphError,
    NetworkSpec,
    ParamError,
    UnknownLayerError,
    total_params,
    train_config,
)
from nnstudio.io.archive import (
    MAX_HISTORY_BYTES,
    MAX_PROJECT_JSON_BYTES,
    check_archive_names,
    npz_bytes,
    parse_json,
    parse_npz,
    read_member,
    weights_budget,
    write_member,
)
from nnstudio.io.atomic import AtomicFile, is_temporary_name
from nnstudio.io.errors import (
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
)
from nnstudio.io.history import (
    HISTORY_CSV,
    HISTORY_JSON,
    check_history,
    check_row_count,
    parse_history_csv,
)
from nnstudio.io.paths import check_output_path
from nnstudio.io.runs import read_run_members, run_members
from nnstudio.io.statistics import check_statistics
from nnstudio.io.weights import check_weights

FORMAT_VERSION = 1
APP_NAME = "nnstudio"
PROJECT_JSON = "project.json"
WEIGHTS_NPZ = "weights.npz"


@dataclass
class Project:
    """Everything a ``.nnstudio`` file holds.

    ``weights`` maps ``"<node id>.<param>"`` to arrays (Dense weights ``(fan_in, fan_out)``)
    and is ``None`` until trained. ``preprocessor`` is ``Preprocessor.to_dict()`` of the
    trained run; ``history`` is one ``Report.to_dict()`` per epoch; ``metadata`` holds app
    version, created/modified times and the canvas view.
    """

    name: str
    network: NetworkSpec
    data: DataSettings
    training: TrainConfig
    weights: dict[str, np.ndarray] | None = None
    preprocessor: dict | None = None
    history: list[dict] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    #: run history: one record per training run (``nnstudio.io.runs``), oldest first
    runs: list[dict] = field(default_factory=list)
    #: the last run's weight snapshots: "<epoch>.params" / "<epoch>.state" flat vectors
    snapshots: dict[str, np.ndarray] | None = None
    #: the file this project was loaded from (not saved; resolves relative CSV paths)
    path: Path | None = field(default=None, compare=False, repr=False)

    def data_settings(self) -> DataSettings:
        """The dataset settings with a relative ``csv_path`` resolved against the folder of
        the project file (when the project came from a file and the path exists there)."""
        data = DataSettings.from_dict(self.data.to_dict())
        if data.csv_path and self.path is not None and not Path(data.csv_path).is_absolute():
            candidate = Path(self.path).parent / data.csv_path
            if candidate.exists():
                data.csv_path = str(candidate)
        return data

    @property
    def trained(self) -> bool:
        """True if the project holds weights."""
        return self.weights is not None

    def copy(self) -> Project:
        """A deep copy (network, settings and arrays are not shared)."""
        return Project(
            name=self.name,
            network=self.network.copy(),
            data=DataSettings.from_dict(self.data.to_dict()),
            training=TrainConfig.from_dict(self.training.to_dict()),
            weights=None
            if self.weights is None
            else {k: np.array(v) for k, v in self.weights.items()},
            preprocessor=json.loads(json.dumps(self.preprocessor)),
            history=json.loads(json.dumps(self.history)),
            metadata=json.loads(json.dumps(self.metadata)),
            runs=json.loads(json.dumps(self.runs)),
            snapshots=None if self.snapshots is None else dict(self.snapshots),
            path=self.path,
        )


# ---------------------------------------------------------------------------------------
# saving


def project_to_dict(project: Project) -> dict[str, Any]:
    """The ``project.json`` document of ``project`` (JSON-able)."""
    return {
        "format_version": FORMAT_VERSION,
        "app": APP_NAME,
        "app_version": nnstudio.__version__,
        "name": project.name,
        "network": project.network.to_dict(),
        "data": project.data.to_dict(),
        "training": project.training.to_dict(),
        "preprocessor": project.preprocessor,
        "metadata": project.metadata,
    }


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write ``project`` to ``path`` atomically.

    The zip is written to a temporary file in the same folder and moved over ``path`` with
    ``os.replace``, so a crash never leaves a half-written project; the temporary file is
    removed if anything fails. Raises :class:`ProjectFormatError` if the project cannot be
    serialized and :class:`ProjectSaveError` if the file cannot be written there.
    """
    target = Path(path)
    try:
        doc = json.dumps(project_to_dict(project), indent=2, allow_nan=False, sort_keys=False)
        history = json.dumps(_jsonable_history(project.history), indent=1, allow_nan=False)
        optional = run_members(project.runs, project.snapshots)  # runs.json, snapshots.npz
    except (TypeError, ValueError) as exc:
        raise ProjectFormatError(f"cannot save project '{project.name}': {exc}") from exc
    weights_blob = None if project.weights is None else npz_bytes(project.weights)

    _refuse_own_dataset(project, target)
    with AtomicFile(target, "wb", error=ProjectSaveError) as fh:
        with zipfile.ZipFile(fh.file, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            write_member(zf, PROJECT_JSON, doc.encode("utf-8"))
            if weights_blob is not None:
                write_member(zf, WEIGHTS_NPZ, weights_blob)
            if project.history:
                write_member(zf, HISTORY_JSON, history.encode("utf-8"))
            for member, blob in optional:
                write_member(zf, member, blob)


def _refuse_own_dataset(project: Project, target: Path) -> None:
    """A project saved over its own dataset CSV would destroy the data it trains on."""
    csv_path = project.data_settings().csv_path if project.data.name == "csv" else None
    if csv_path:
        check_output_path(target, [("dataset", csv_path)], what="project")


def _jsonable_history(history: list[dict]) -> list[dict]:
    """History rows with NaN/inf replaced by ``None`` (JSON has no NaN)."""
    out = []
    for row in history:
        clean = {}
        for key, value in row.items():
            if isinstance(value, float | np.floating) and not math.isfinite(float(value)):
                clean[str(key)] = None
            elif isinstance(value, np.generic):
                clean[str(key)] = value.item()
            else:
                clean[str(key)] = value
        out.append(clean)
    return out


# ---------------------------------------------------------------------------------------
# loading


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a ``.nnstudio`` file.

    Raises (all :class:`ProjectError`): :class:`ProjectFileNotFoundError` (missing, a
    folder, or not a regular file), :class:`NotAProjectError` (not a zip / damaged / a
    temporary file of an interrupted save), :class:`ProjectJSONError` (invalid JSON, NaN or
    out-of-range numbers), :class:`ProjectVersionError` (unknown or newer format),
    :class:`ProjectFormatError` (missing field / wrong type / bad history row),
    :class:`UnknownLayerKindError`, :class:`ProjectParamError`, :class:`ProjectNetworkError`,
    :class:`ProjectDataError`, :class:`ProjectTrainingError`, :class:`ProjectWeightsError`
    (weights not matching the network, unsupported dtype), :class:`ResourceLimitError`
    (a member or array larger than its limit).
    """
    p = Path(path)
    if not p.exists():
        raise ProjectFileNotFoundError(f"project file not found: {p}")
    if p.is_dir():
        raise ProjectFileNotFoundError(f"{p} is a folder, not a project file")
    if not p.is_file():
        raise ProjectFileNotFoundError(
            f"{p} is not a regular file (a device, pipe or socket); give a .nnstudio file"
        )
    if is_temporary_name(p):
        raise NotAProjectError(
            f"{p} is a temporary file left by an interrupted save, not a project; open "
            f"{p.name[1:].rsplit('.', 2)[0]} instead (or delete the temporary file)"
        )
    try:
        with open(p, "rb") as fh:
            project = _load_from(fh)
        project.path = p
        return project
    except ProjectError as exc:
        if str(p) not in str(exc):
            exc.args = (f"{p}: {exc}",) + exc.args[1:]
        raise


def project_from_bytes(data: bytes, name: str = "<memory>") -> Project:
    """Like :func:`load_project` for the bytes of a ``.nnstudio`` file."""
    try:
        return _load_from(io.BytesIO(data))
    except ProjectError as exc:
        exc.args = (f"{name}: {exc}",) + exc.args[1:]
        raise


_ZIP_FAILURES = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    ValueError,
    NotImplementedError,  # unsupported compression method
    RuntimeError,  # encrypted member
    OverflowError,
    KeyError,
    IndexError,
    MemoryError,
    OSError,
)


def _load_from(fh: Any) -> Project:
    try:
        zf = zipfile.ZipFile(fh)
    except _ZIP_FAILURES as exc:
        raise NotAProjectError(
            "not an NN Studio project: the file is not a zip archive or is damaged"
        ) from exc
    with zf:
        names = check_archive_names(zf)
        if PROJECT_JSON not in names:
            raise ProjectJSONError(
                f"the file has no {PROJECT_JSON}; it is not an NN Studio project (or it is damaged)"
            )
        doc = parse_json(_unpack(zf, PROJECT_JSON, MAX_PROJECT_JSON_BYTES), PROJECT_JSON)
        if not isinstance(doc, dict):
            raise ProjectFormatError(f"{PROJECT_JSON} must hold a JSON object, not {_tname(doc)}")
        if HISTORY_JSON in names:
            text = check_row_count(_unpack(zf, HISTORY_JSON, MAX_HISTORY_BYTES), HISTORY_JSON)
            history = check_history(parse_json(text, HISTORY_JSON))
        elif HISTORY_CSV in names:
            text = check_row_count(_unpack(zf, HISTORY_CSV, MAX_HISTORY_BYTES), HISTORY_CSV)
            history = parse_history_csv(text)
        else:
            history = []
        project = _build(doc, history)
        project.runs, project.snapshots = read_run_members(names, lambda m, n: _unpack(zf, m, n))
        if WEIGHTS_NPZ in names:
            project.weights = _read_weights(zf, project.network)
            _check_weights(project.network, project.weights)
    return project


def _unpack(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        return read_member(zf, name, limit)
    except ProjectError:
        raise
    except Exception as exc:  # zlib.error, CRC errors, bad headers...
        raise NotAProjectError(
            f"the project file is damaged and cannot be unpacked ({type(exc).__name__}: "
            f"{_flat(exc)}); restore it from a backup"
        ) from exc


def _read_weights(zf: zipfile.ZipFile, network: NetworkSpec) -> dict[str, np.ndarray]:
    """``weights.npz``, its size and every array header checked against the network
    before any array data is read.

    Parameters plus non-trainable statistics (BatchNorm running mean and variance) never
    exceed twice the trainable count, which bounds the numbers the file may hold.
    """
    try:
        trainable = int(total_params(network))
    except (NNStudioError, *_LOOSE_FAILURES):
        trainable = 0
    max_values = 2 * trainable + 64
    n_arrays = 4 * max(1, len(network.nodes))
    blob = _unpack(zf, WEIGHTS_NPZ, weights_budget(max_values, n_arrays))
    return parse_npz(blob, WEIGHTS_NPZ, max_values)


def _flat(exc: BaseException) -> str:
    """``str(exc)`` on one line: a list of problems (``"...:\n- a\n- b"``) becomes
    ``"...: a; b"``, so every load error prints as one ``error: ...`` line."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    head, rest = lines[0], [line.removeprefix("- ") for line in lines[1:]]
    return head + (" " + "; ".join(rest) if rest else "")


def _tname(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _field(doc: dict, key: str, types: type | tuple[type, ...], what: str, optional=False):
    if key not in doc:
        if optional:
            return None
        raise ProjectFormatError(f"{PROJECT_JSON} has no '{key}' ({what})")
    value = doc[key]
    if optional and value is None:
        return None
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        raise ProjectFormatError(f"'{key}' in {PROJECT_JSON} must be {what}, not {_tname(value)}")
    return value


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _check_version(doc: dict) -> None:
    if "format_version" not in doc:
        raise ProjectVersionError(
            f"{PROJECT_JSON} has no 'format_version'; it was not written by NN Studio"
        )
    version = doc["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectVersionError(
            f"'format_version' must be a whole number, not {_tname(version)} ({version!r})"
        )
    if version > FORMAT_VERSION:
        made_by = doc.get("app_version")
        newer = isinstance(made_by, str) and made_by != nnstudio.__version__
        by = f" ({made_by})" if newer else ""
        raise ProjectVersionError(
            f"this project was made by a newer NN Studio{by} (file format {version}; this "
            f"NN Studio {nnstudio.__version__} reads format {FORMAT_VERSION} and older): "
            "update NN Studio to open it"
        )
    if version < 1:
        raise ProjectVersionError(
            f"unknown file format version {version}; this NN Studio reads formats 1 to "
            f"{FORMAT_VERSION}"
        )


def _build(doc: dict, history: list[dict]) -> Project:
    _check_version(doc)
    app = doc.get("app", APP_NAME)
    if app != APP_NAME:
        raise ProjectFormatError(f"'app' is {app!r}: this file was not written by NN Studio")
    name = _field(doc, "name", str, "text (the project's name)")
    network_d = _field(doc, "network", dict, "an object (the network description)")
    data_d = _field(doc, "data", dict, "an object (the dataset settings)")
    training_d = _field(doc, "training", dict, "an object (the training settings)")
    preprocessor = _field(doc, "preprocessor", dict, "an object or null", optional=True)
    metadata = _field(doc, "metadata", dict, "an object", optional=True) or {}

    network = _build_network(network_d)
    data = _build_part(DataSettings.from_dict, data_d, ProjectDataError, "data")
    # missing settings (older files, hand-written ones) get the catalog's defaults
    training = _build_part(train_config, training_d, ProjectTrainingError, "training")
    _run_check(training.validate, ProjectTrainingError, "training")
    if preprocessor is not None:
        _build_part(Preprocessor.from_dict, preprocessor, ProjectDataError, "preprocessor")
        check_statistics(preprocessor)
    return Project(
        name=name,
        network=network,
        data=data,
        training=training,
        weights=None,
        preprocessor=preprocessor,
        history=history,
        metadata=metadata,
    )


# Exceptions another package's from_dict may raise on a value of an unexpected type when
# its own validation misses it; they are turned into ProjectFormatError with the section.
_LOOSE_FAILURES = (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError)


def _build_network(d: dict) -> NetworkSpec:
    try:
        return NetworkSpec.from_dict(d)
    except UnknownLayerError as exc:
        raise UnknownLayerKindError(
            f"the network uses an unknown layer kind: {_flat(exc)} (was it made by a newer "
            "NN Studio?)"
        ) from exc
    except ParamError as exc:
        raise ProjectParamError(f"invalid layer parameter: {_flat(exc)}") from exc
    except GraphError as exc:
        raise ProjectNetworkError(f"invalid network: {_flat(exc)}") from exc
    except NNStudioError as exc:
        raise ProjectNetworkError(f"invalid network: {_flat(exc)}") from exc
    except (*_LOOSE_FAILURES, RecursionError) as exc:
        raise ProjectFormatError(f"the 'network' section is malformed ({_flat(exc)})") from exc


def _build_part(fn: Any, d: dict, error: type[ProjectError], section: str) -> Any:
    try:
        return fn(d)
    except NNStudioError as exc:
        raise error(f"invalid '{section}' settings: {_flat(exc)}") from exc
    except (*_LOOSE_FAILURES, RecursionError) as exc:
        raise ProjectFormatError(f"the '{section}' section is malformed ({_flat(exc)})") from exc


def _run_check(fn: Any, error: type[ProjectError], section: str) -> None:
    try:
        fn()
    except NNStudioError as exc:
        raise error(f"invalid '{section}' settings: {_flat(exc)}") from exc
    except _LOOSE_FAILURES as exc:
        raise ProjectFormatError(f"the '{section}' section is malformed ({_flat(exc)})") from exc


def _check_weights(network: NetworkSpec, weights: dict[str, np.ndarray]) -> None:
    try:
        problems = check_weights(network, weights)
    except NNStudioError as exc:
        raise ProjectWeightsError(
            f"the file holds weights but its network is not valid ({_flat(exc)}); fix the "
            "network and retrain"
        ) from exc
    except (*_LOOSE_FAILURES, MemoryError) as exc:
        raise ProjectWeightsError(
            f"the network cannot be compiled to check its weights ({_flat(exc)})"
        ) from exc
    if problems:
        raise ProjectWeightsError(
            "the stored weights do not match the network: " + "; ".join(problems),
            problems,
        )
