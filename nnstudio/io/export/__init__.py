"""Export a network (with its preprocessing) to the formats other tools run.

``export_project(project, fmt, out_path)`` is what the CLI and GUI call;
``export_network(spec, weights, preprocessor, fmt, out_path)`` does the work on plain
parts. Formats (:data:`FORMATS`):

- ``npz``: weights as ``"<node id>.<param>"`` arrays plus a sidecar ``.json`` description
- ``safetensors``: the same tensors, description in the metadata key ``"nnstudio"``
- ``onnx``: the whole model, opset 17, input ``"input"``, output ``"output"``
- ``pytorch``: ``model.py`` (an ``nn.Module``) plus its state_dict (``.pt`` / ``.npz``)
- ``numpy``: one self-contained ``.py`` file needing only NumPy

Every export takes the RAW inputs: engineered features and standardization are included.
See ``docs/export.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

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

FORMATS = ("npz", "safetensors", "onnx", "pytorch", "numpy")
SUFFIXES = {
    "npz": ".npz",
    "safetensors": ".safetensors",
    "onnx": ".onnx",
    "pytorch": ".py",
    "numpy": ".py",
}

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
        raise ExportError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")


def export_network(
    spec: Any,
    weights: Mapping[str, np.ndarray],
    preprocessor: Mapping[str, Any] | None,
    fmt: str,
    out_path: str | Path,
    *,
    name: str = "",
) -> list[str]:
    """Write ``spec`` + ``weights`` (+ preprocessing) to ``out_path`` in format ``fmt``.

    spec: a ``graph.NetworkSpec`` (or a list of ``engine.NodeDef``); weights:
    ``"<node id>.<param>"`` arrays (Dense weight (fan_in, fan_out)); preprocessor:
    ``data.Preprocessor.to_dict()`` or None. Returns warnings (empty when all is well).
    Raises ExportError for an unknown format, weights that do not match the network, or
    a path that cannot be written.
    """
    _check_format(fmt)
    path = Path(out_path)
    check_writable(path)
    ir = build_ir(spec, weights, preprocessor)
    network = spec.to_dict() if hasattr(spec, "to_dict") else None
    description = ir.describe_json(network, name=name)
    writer = importlib.import_module(f"{__name__}.{_WRITER_MODULES[fmt]}")
    writer.write(ir, path, description)
    return []


def export_project(project: Any, fmt: str, out_path: str | Path) -> list[str]:
    """Export an ``io.Project``'s network, weights and preprocessing; returns warnings.

    An untrained project (no weights) is exported with the initial weights its seed gives,
    and the warning ``"network is untrained: exporting its initial weights"``.
    Raises ExportError if the network is invalid (with every reason), the format is
    unknown or the path cannot be written, and ``OutputPathError`` if a file it would
    write is the project's own file or its dataset CSV.
    """
    _check_format(fmt)
    inputs = project_inputs(project)
    check_output_path(out_path, inputs, what="export")
    check_writable(Path(out_path))
    spec, weights, preprocessor, warnings = resolve(project)
    warnings = list(warnings)
    with protect_inputs(path for _, path in inputs):  # the files written beside it too
        warnings += export_network(
            spec, weights, preprocessor, fmt, out_path, name=str(getattr(project, "name", ""))
        )
    return warnings
