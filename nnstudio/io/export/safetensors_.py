"""``safetensors`` format: the same tensors as ``npz``, the description in the metadata.

Metadata key ``"nnstudio"`` holds the JSON description (network, preprocessing, op list).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from safetensors.numpy import save

from .files import write_bytes
from .model_ir import ModelIR

METADATA_KEY = "nnstudio"


def write(ir: ModelIR, out_path: Path, description: str) -> list[Path]:
    tensors = {name: np.ascontiguousarray(a) for name, a in ir.network_weights().items()}
    data = save(tensors, metadata={METADATA_KEY: description, "format": "np"})
    return [write_bytes(out_path, data)]
