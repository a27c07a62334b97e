"""Export a network (with its preprocessing) to the formats other tools run.

``export_project(project, fmt, out_path)`` is what the CLI and GUI call;
``export_network(spec, weights, preprocessor, fmt, out_path)`` does the work on plain
parts. Formats (:data:`FORMATS`):

- ``npz``: weights as ``"<node id>.<param>"`` arrays plus a sidecar ``.json`` description
- ``safetensors``: the same tensors, description in the metadata key ``"nnstudio"``
- ``onnx``: the whole model, opset 17, input ``"input"``, output ``"output"``
- ``pytorch``: ``model.py`` (an ``nn.Module``) plus its state_dict (``.pt`` / ``.npz``)
- ``numpy``: one self-contained ``.py`` file needing only NumPy
- ``pytorch-train``: a folder with ``model.py``, ``train.py`` (NN Studio's training in
  PyTorch, DDP-ready), the starting weights and the data (:mod:`.pytorch_train`)

Every export takes the RAW inputs: engineered features and standardization are included.
See ``docs/export.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.text import Text

from ..atomic import protect_inputs
from ..paths import check_output_path, project_inputs
from .errors import ExportError
from .files import check_writable
from .model_ir import ModelIR, build_ir
from .project_parts import UNTRAINED_WARNING, resolve

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "UNTRAINED_WARNING",
    "ExportError",
    "ModelIR",
    "build_ir",
    "export_network",
    "export_project",
]

FORMATS = ("npz", "safetensors", "onnx", "pytorch", "numpy", "pytorch-train")
SUFFIXES = {
    "npz": ".npz",
    "safetensors": ".safetensors",
    "onnx": ".onnx",
    "pytorch": ".py",
    "numpy": ".py",
    "pytorch-train": "",  # a folder
}
#: formats that write a folder from the whole project (not one file from the network)
FOLDER_FORMATS = ("pytorch-train",)

# format -> module with ``write(ir, out_path, description) -> list[Path]``; imported on
# use so that importing this package (e.g. for FORMATS) does not load onnx or safetensors
_WRITER_MODULES = {
    "npz": "npz",
    "safetensors": "safetensors_",
    "onnx": "onnx_",
    "pytorch": "pytorch_",
    "numpy": "numpy_script",
}


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(
            Text(
                "unknown export format '{format}'; choose one of {formats}",
                format=fmt,
                formats=list(FORMATS),
            )
        )


def export_network(
    spec: Any,
    weights: Mapping[str, np.ndarray],
    preprocessor: Mapping[str, Any] | None,
    fmt: str,
    out_path: str | Path,
    *,
    name: str = "",
    written: list[Path] | None = None,
) -> list[str]:
    """Write ``spec`` + ``weights`` (+ preprocessing) to ``out_path`` in format ``fmt``.

    spec: a ``graph.NetworkSpec`` (or a list of ``engine.NodeDef``); weights:
    ``"<node id>.<param>"`` arrays (Dense weight (fan_in, fan_out)); preprocessor:
    ``data.Preprocessor.to_dict()`` or None. Returns warnings (empty when all is well).
    Raises ExportError for an unknown format, weights that do not match the network, or
    a path that cannot be written. ``written``, if given, receives every file written
    (the PyTorch export writes the module and its weights beside it).
    """
    _check_format(fmt)
    if fmt in FOLDER_FORMATS:
        raise ExportError(
            Text("the {format} export needs the whole project: use export_project", format=fmt)
        )
    path = Path(out_path)
    check_writable(path)
    ir = build_ir(spec, weights, preprocessor)
    network = spec.to_dict() if hasattr(spec, "to_dict") else None
    description = ir.describe_json(network, name=name)
    writer = importlib.import_module(f"{__name__}.{_WRITER_MODULES[fmt]}")
    paths = writer.write(ir, path, description)
    if written is not None:
        written.extend(Path(p) for p in paths)
    return []


def export_project(
    project: Any,
    fmt: str,
    out_path: str | Path,
    *,
    written: list[Path] | None = None,
    start_weights: str = "initial",
) -> list[str]:
    """Export an ``io.Project``'s network, weights and preprocessing; returns warnings.

    An untrained project (no weights) is exported with the initial weights its seed gives,
    and the warning ``"network is untrained: exporting its initial weights"``.
    Raises ExportError if the network is invalid (with every reason), the format is
    unknown or the path cannot be written, and ``OutputPathError`` if a file it would
    write is the project's own file or its dataset CSV. ``written`` receives the files
    written. ``pytorch-train`` writes the folder ``out_path``; its training starts from
    ``start_weights``: ``"initial"`` (the seed's) or ``"trained"`` (the project's); see
    :mod:`.pytorch_train`.
    """
    _check_format(fmt)
    inputs = project_inputs(project)
    check_output_path(out_path, inputs, what="export")
    if fmt in FOLDER_FORMATS:  # pytorch-train: model, train.py, weights, data, README
        from .pytorch_train import export_training

        with protect_inputs(path for _, path in inputs):
            return export_training(project, out_path, weights=start_weights, written=written)
    check_writable(Path(out_path))
    spec, weights, preprocessor, warnings = resolve(project)
    warnings = list(warnings)
    with protect_inputs(path for _, path in inputs):  # the files written beside it too
        warnings += export_network(
            spec,
            weights,
            preprocessor,
            fmt,
            out_path,
            name=str(getattr(project, "name", "")),
            written=written,
        )
    return warnings
