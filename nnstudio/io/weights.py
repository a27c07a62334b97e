"""Reading weight files and checking weights against a network.

Weight names are ``"<node id>.<parameter>"`` (``dense_1.weight`` with shape
``(fan_in, fan_out)``, ``dense_1.bias`` with shape ``(fan_out,)``, ``bn_1.running_mean``...),
exactly the names :meth:`nnstudio.engine.Network.get_weights` uses.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nnstudio.errors import NNStudioError
from nnstudio.io.archive import SUPPORTED_DTYPES, parse_npz, weights_budget
from nnstudio.io.errors import ProjectError, WeightsImportError
from nnstudio.io.messages import joined
from nnstudio.text import Text, message

if TYPE_CHECKING:
    from nnstudio.graph import NetworkSpec
    from nnstudio.io.project import Project

WEIGHT_SUFFIXES = (".npz", ".safetensors")


def expected_shapes(spec: NetworkSpec) -> dict[str, tuple[int, ...]]:
    """Name -> shape of every tensor the compiled ``spec`` holds (from the graph's analysis;
    nothing is allocated).

    Raises :class:`nnstudio.graph.GraphError` if the network is not valid (it cannot be
    compiled, so it has no weights to match).
    """
    from nnstudio.graph import analyse, combine_errors

    result = analyse(spec)
    if result.errors:
        raise combine_errors(list(result.errors))
    return result.weight_shapes()


# Above this many parameters, a network whose weights plainly cannot fit is reported without
# compiling it (compiling would allocate all of them; a damaged file may ask for gigabytes).
COMPILE_CHECK_LIMIT = 1_000_000


def check_weights(spec: NetworkSpec, weights: Mapping[str, object]) -> list[str]:
    """Every way ``weights`` fails to fit the network ``spec`` (empty if they fit).

    Raises :class:`nnstudio.graph.GraphError` if the network is not valid.
    """
    from nnstudio.graph import total_params

    needed = total_params(spec)
    given = sum(int(v.size) for v in weights.values() if isinstance(v, np.ndarray))
    if needed > COMPILE_CHECK_LIMIT and needed > given:
        return [
            Text(
                "the network has {needed} trainable parameters but the weights hold {given}",
                needed=needed,
                given=given,
            )
        ]
    return weight_problems(expected_shapes(spec), weights)


def weight_problems(
    expected: Mapping[str, tuple[int, ...]], weights: Mapping[str, object]
) -> list[str]:
    """Every way ``weights`` fails to fit ``expected``, one readable line each (empty if none).

    Checks: missing names, unexpected names, arrays that are not real numbers, wrong shapes,
    and non-finite values.
    """
    problems: list[str] = []
    for name in expected:
        if name not in weights:
            problems.append(
                Text(
                    "missing tensor '{name}' (shape {shape})", name=name, shape=_fmt(expected[name])
                )
            )
    for name, value in weights.items():
        if name not in expected:
            problems.append(
                Text("unexpected tensor '{name}': the network has no such parameter", name=name)
            )
            continue
        if not isinstance(value, np.ndarray):
            problems.append(Text("'{name}' is not an array", name=name))
            continue
        if value.dtype.name not in SUPPORTED_DTYPES:
            problems.append(
                Text(
                    "'{name}' has dtype {dtype}; NN Studio supports {first} and {second} weights",
                    name=name,
                    dtype=str(value.dtype),
                    first=SUPPORTED_DTYPES[0],
                    second=SUPPORTED_DTYPES[1],
                )
            )
            continue
        if tuple(value.shape) != tuple(expected[name]):
            problems.append(
                Text(
                    "'{name}' has shape {shape}, the network needs {needed}",
                    name=name,
                    shape=_fmt(value.shape),
                    needed=_fmt(expected[name]),
                )
            )
            continue
        if value.size and not np.all(np.isfinite(value)):
            problems.append(Text("'{name}' contains NaN or infinite values", name=name))
    return problems


def _fmt(shape: tuple[int, ...] | object) -> str:
    return "(" + ", ".join(str(int(n)) for n in shape) + ("," if len(shape) == 1 else "") + ")"


#: most numbers a weights file may hold when the network it is for is not given
MAX_IMPORT_VALUES = 2**28


def load_weights_file(
    path: str | os.PathLike[str], network: NetworkSpec | None = None
) -> dict[str, np.ndarray]:
    """Read every tensor of a ``.npz`` or ``.safetensors`` file: name -> array.

    The kind comes from the suffix, or, for any other name, from the file's first bytes (an
    ``.npz`` is a zip archive). Sizes are checked before data is read: the file and every
    ``.npy`` header (shape, dtype) against what ``network`` can hold (or
    :data:`MAX_IMPORT_VALUES` numbers); only float32/float64 arrays are read, nothing is
    unpickled. Raises :class:`WeightsImportError` if the file is missing, not a regular
    file, of another kind, too large or damaged.
    """
    p = Path(path)
    if p.is_dir():
        raise WeightsImportError(
            Text("{path} is a folder; give a .npz or .safetensors weights file", path=str(p))
        )
    if not p.exists():
        raise WeightsImportError(Text("weights file not found: {path}", path=str(p)))
    if not p.is_file():
        raise WeightsImportError(
            Text("{path} is not a regular file (a device, pipe or socket)", path=str(p))
        )
    max_values = MAX_IMPORT_VALUES
    if network is not None:
        from nnstudio.graph import total_params

        try:
            max_values = 2 * int(total_params(network)) + 64
        except NNStudioError:
            pass
    budget = weights_budget(max_values, 4 * (len(network.nodes) if network else 1024))
    if p.stat().st_size > budget:
        raise WeightsImportError(
            Text(
                "{path} is {size} bytes, more than weights for this network can take "
                "({budget} bytes); is it the right file?",
                path=str(p),
                size=p.stat().st_size,
                budget=budget,
            )
        )
    suffix = p.suffix.lower()
    if suffix not in WEIGHT_SUFFIXES:
        suffix = _sniff(p)
    if suffix == ".npz":
        return _load_npz(p, max_values)
    if suffix == ".safetensors":
        return _load_safetensors(p)
    if suffix == ".npy":
        raise WeightsImportError(
            Text(
                "{name} is a .npy file holding one unnamed array; weights need names: save "
                "them with {call} into a .npz file",
                name=p.name,
                call="numpy.savez(path, **{'dense_1.weight': ..., ...})",
            )
        )
    raise WeightsImportError(
        Text(
            "cannot read weights from '{name}': it is neither a .npz nor a .safetensors file",
            name=p.name,
        )
    )


def _sniff(path: Path) -> str | None:
    """``.npz`` for a zip archive, ``.safetensors`` for a plausible header, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(9)
    except OSError:
        return None
    if head.startswith(b"PK"):
        return ".npz"
    if head.startswith(b"\x93NUMPY"):
        return ".npy"
    if len(head) == 9 and head[8:9] == b"{" and int.from_bytes(head[:8], "little") > 1:
        return ".safetensors"  # 8-byte little-endian header length, then JSON
    return None


def _load_npz(path: Path, max_values: int) -> dict[str, np.ndarray]:
    try:
        return parse_npz(path.read_bytes(), path.name, max_values)
    except ProjectError as exc:
        raise WeightsImportError(
            Text(
                "cannot read weights file {path}: it is not a valid .npz archive of float "
                "arrays ({error})",
                path=str(path),
                error=message(exc),
            )
        ) from exc
    except OSError as exc:
        raise WeightsImportError(
            Text(
                "cannot read weights file {path}: {reason}",
                path=str(path),
                reason=str(exc.strerror),
            )
        ) from exc


def _load_safetensors(path: Path) -> dict[str, np.ndarray]:
    try:
        from safetensors.numpy import load_file
    except ImportError as exc:  # pragma: no cover - safetensors is a dependency
        raise WeightsImportError(
            Text("reading .safetensors needs the 'safetensors' package: pip install safetensors")
        ) from exc
    try:
        tensors = load_file(str(path))
    except Exception as exc:  # safetensors raises its own SafetensorError and others
        raise WeightsImportError(
            Text(
                "cannot read weights file {path}: it is not a valid .safetensors file ({error})",
                path=str(path),
                error=str(exc),
            )
        ) from exc
    return {str(name): np.array(value) for name, value in tensors.items()}


def apply_weights(project: Project, weights: Mapping[str, np.ndarray]) -> Project:
    """A copy of ``project`` holding ``weights``, after checking them against its network.

    Every missing name, unexpected name and wrong shape is reported in one
    :class:`WeightsImportError` (``problems`` lists them one by one); nothing is changed
    unless all match. The arrays are copied and cast to the project's training dtype.
    The returned project's history is empty (it describes weights that are gone).
    """
    try:
        problems = check_weights(project.network, weights)
    except NNStudioError as exc:
        raise WeightsImportError(
            Text(
                "cannot import weights: the network is not valid ({error}); fix the network first",
                error=message(exc),
            )
        ) from exc
    if problems:
        if len(problems) == 1:
            text = Text(
                "the weights do not match the network (1 problem): {problems}",
                problems=problems[0],
            )
        else:
            text = Text(
                "the weights do not match the network ({n} problems): {problems}",
                n=len(problems),
                problems=joined(problems),
            )
        raise WeightsImportError(text, problems)
    dtype = np.dtype(project.training.dtype)
    copied = {name: np.array(value, dtype=dtype) for name, value in weights.items()}
    return dataclasses.replace(project, weights=copied, history=[])
