"""``npz`` format: every weight as ``"<node id>.<param>"`` plus a JSON description.

``model.npz`` holds only the network's weights (so it loads with
``numpy.load(allow_pickle=False)`` and imports back into NN Studio as it is); the
description (network, preprocessing, op list) is the sidecar ``model.json`` beside it.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from nnstudio.text import Text

from .errors import ExportError
from .files import write_bytes, write_text
from .model_ir import ModelIR


def sidecar_path(out_path: Path) -> Path:
    """Where the JSON description goes: ``model.npz`` -> ``model.json``."""
    return out_path.with_name(f"{out_path.stem}.json")


def to_bytes(ir: ModelIR) -> bytes:
    """The ``.npz`` file content: ``ir``'s network weights."""
    arrays = {name: np.ascontiguousarray(a) for name, a in ir.network_weights().items()}
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def write(ir: ModelIR, out_path: Path, description: str) -> list[Path]:
    if out_path.suffix.lower() == ".json":
        raise ExportError(
            Text(
                "'{name}' would be overwritten by the description: name it '{stem}.npz'",
                name=out_path.name,
                stem=out_path.stem,
            )
        )
    return [
        write_bytes(out_path, to_bytes(ir)),
        write_text(sidecar_path(out_path), description + "\n"),
    ]
