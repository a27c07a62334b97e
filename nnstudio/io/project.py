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
from nnstudio.data import DataSettings
from nnstudio.engine import TrainConfig
from nnstudio.errors import NNStudioError
from nnstudio.graph import (
    NetworkSpec,
    total_params,
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
    ProjectError,
    ProjectFileNotFoundError,
    ProjectFormatError,
    ProjectJSONError,
    ProjectSaveError,
    ProjectWeightsError,
)
from nnstudio.io.history import (
    HISTORY_CSV,
    HISTORY_JSON,
    check_history,
    check_row_count,
    parse_history_csv,
)
from nnstudio.io.messages import flat, joined
from nnstudio.io.paths import check_output_path
from nnstudio.io.project_doc import (
    APP_NAME,
    FORMAT_VERSION,
    LOOSE_FAILURES,
    PROJECT_JSON,
    parse_document,
    type_name,
)
from nnstudio.io.runs import read_run_members, run_members
from nnstudio.io.weights import check_weights
from nnstudio.text import Text, message

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
        raise ProjectFormatError(
            Text("cannot save project '{name}': {error}", name=project.name, error=message(exc))
        ) from exc
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
        check_output_path(target, [(Text("dataset"), csv_path)], what=Text("project"))


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
        raise ProjectFileNotFoundError(Text("project file not found: {path}", path=str(p)))
    if p.is_dir():
        raise ProjectFileNotFoundError(Text("{path} is a folder, not a project file", path=str(p)))
    if not p.is_file():
        raise ProjectFileNotFoundError(
            Text(
                "{path} is not a regular file (a device, pipe or socket); give a .nnstudio file",
                path=str(p),
            )
        )
    if is_temporary_name(p):
        raise NotAProjectError(
            Text(
                "{path} is a temporary file left by an interrupted save, not a project; open "
                "{original} instead (or delete the temporary file)",
                path=str(p),
                original=p.name[1:].rsplit(".", 2)[0],
            )
        )
    try:
        with open(p, "rb") as fh:
            project = _load_from(fh)
        project.path = p
        return project
    except ProjectError as exc:
        if str(p) not in str(exc):
            exc.args = (Text("{path}: {error}", path=str(p), error=message(exc)),) + exc.args[1:]
        raise


def project_from_bytes(data: bytes, name: str = "<memory>") -> Project:
    """Like :func:`load_project` for the bytes of a ``.nnstudio`` file."""
    try:
        return _load_from(io.BytesIO(data))
    except ProjectError as exc:
        exc.args = (Text("{path}: {error}", path=name, error=message(exc)),) + exc.args[1:]
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
            Text("not an NN Studio project: the file is not a zip archive or is damaged")
        ) from exc
    with zf:
        names = check_archive_names(zf)
        if PROJECT_JSON not in names:
            raise ProjectJSONError(
                Text(
                    "the file has no {member}; it is not an NN Studio project (or it is damaged)",
                    member=PROJECT_JSON,
                )
            )
        doc = parse_json(_unpack(zf, PROJECT_JSON, MAX_PROJECT_JSON_BYTES), PROJECT_JSON)
        if not isinstance(doc, dict):
            raise ProjectFormatError(
                Text(
                    "{member} must hold a JSON object, not {kind}",
                    member=PROJECT_JSON,
                    kind=type_name(doc),
                )
            )
        if HISTORY_JSON in names:
            text = check_row_count(_unpack(zf, HISTORY_JSON, MAX_HISTORY_BYTES), HISTORY_JSON)
            history = check_history(parse_json(text, HISTORY_JSON))
        elif HISTORY_CSV in names:
            text = check_row_count(_unpack(zf, HISTORY_CSV, MAX_HISTORY_BYTES), HISTORY_CSV)
            history = parse_history_csv(text)
        else:
            history = []
        project = Project(**parse_document(doc), history=history)
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
            Text(
                "the project file is damaged and cannot be unpacked ({kind}: {error}); "
                "restore it from a backup",
                kind=type(exc).__name__,
                error=flat(exc),
            )
        ) from exc


def _read_weights(zf: zipfile.ZipFile, network: NetworkSpec) -> dict[str, np.ndarray]:
    """``weights.npz``, its size and every array header checked against the network
    before any array data is read.

    Parameters plus non-trainable statistics (BatchNorm running mean and variance) never
    exceed twice the trainable count, which bounds the numbers the file may hold.
    """
    try:
        trainable = int(total_params(network))
    except (NNStudioError, *LOOSE_FAILURES):
        trainable = 0
    max_values = 2 * trainable + 64
    n_arrays = 4 * max(1, len(network.nodes))
    blob = _unpack(zf, WEIGHTS_NPZ, weights_budget(max_values, n_arrays))
    return parse_npz(blob, WEIGHTS_NPZ, max_values)


def _check_weights(network: NetworkSpec, weights: dict[str, np.ndarray]) -> None:
    try:
        problems = check_weights(network, weights)
    except NNStudioError as exc:
        raise ProjectWeightsError(
            Text(
                "the file holds weights but its network is not valid ({error}); fix the "
                "network and retrain",
                error=flat(exc),
            )
        ) from exc
    except (*LOOSE_FAILURES, MemoryError) as exc:
        raise ProjectWeightsError(
            Text("the network cannot be compiled to check its weights ({error})", error=flat(exc))
        ) from exc
    if problems:
        raise ProjectWeightsError(
            Text(
                "the stored weights do not match the network: {problems}",
                problems=joined(problems),
            ),
            problems,
        )
