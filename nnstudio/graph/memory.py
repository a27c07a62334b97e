"""How much memory training a network takes, estimated before anything is allocated.

A network that cannot fit (two Dense layers of 100,000 units hold 10 billion weights) is
refused with the estimate and the machine's available memory, instead of failing with
``MemoryError`` halfway through compiling or training. ``validate``, ``train`` and opening a
project in the app (building a session) all call :func:`check_memory`.

The estimate, in bytes of the training dtype (4 for float32, 8 for float64):

- parameters ``P`` (trainable + saved statistics), their gradients, and one copy kept as
  the best weights so far: ``3 * P``;
- optimizer state: ``slots * P``, where ``slots`` counts the vectors the engine's optimizer
  allocates (Adam: first and second moments plus a scratch vector);
- activation buffers: every node's output width ``W`` summed, times ``3 * batch``
  (output, cached input and gradient of each layer in a training step) plus ``2 * n_eval``
  (evaluation runs forward on a whole split) plus the decision-surface grid's points.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import numpy as np

from nnstudio.engine.optimizers import make_optimizer
from nnstudio.errors import NNStudioError
from nnstudio.text import Text

from .shapes import infer_shapes, param_counts
from .spec import NetworkSpec

#: points of the app's decision-surface grid (100 x 100)
GRID_POINTS = 100 * 100


class NotEnoughMemoryError(NNStudioError):
    """Training the network would need more memory than the machine has available."""


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes needed to train one network (see the module docstring for the rule)."""

    parameters: int
    optimizer: int
    activations: int

    @property
    def total(self) -> int:
        return self.parameters + self.optimizer + self.activations


def _shapes_and_params(spec: NetworkSpec, n_features: int | None) -> tuple[list[int], int]:
    """(output width of every node whose shape is known, number of saved values)."""
    try:
        from .analysis import analyse  # the analysed graph, when available
    except ImportError:  # pragma: no cover - older tree without the analysed graph
        analyse = None
    if analyse is not None:
        try:
            result = analyse(spec, None if n_features is None else (int(n_features),))
            widths = [math.prod(s) for s in result.shapes.values() if s is not None]
            values = sum(math.prod(s) for s in result.weight_shapes().values())
            return widths, int(values)
        except (NNStudioError, TypeError, ValueError, KeyError, AttributeError):
            pass
    shapes = infer_shapes(spec, n_features)
    widths = [math.prod(s) for s in shapes.values() if s is not None]
    counts = param_counts(spec, n_features)
    # BatchNorm also saves running mean and variance: as many values as its parameters
    extra = sum(c for nid, c in counts.items() if spec.nodes[nid].kind == "batchnorm")
    return widths, int(sum(counts.values()) + extra)


def optimizer_slots(name: str, dtype: str, params: dict | None = None) -> int:
    """How many parameter-sized vectors the engine's optimizer ``name`` allocates (with
    ``params`` completed from the catalog; its defaults if they are invalid)."""
    from .training_params import OPTIMIZER_PARAMS, default_params, fill_named

    try:
        filled = fill_named(OPTIMIZER_PARAMS, "optimizer", name, dict(params or {}))
        opt = make_optimizer(name, 1, dtype, filled)
    except NNStudioError:
        opt = make_optimizer(name, 1, dtype, default_params("optimizer", name))
    return sum(1 for v in vars(opt).values() if isinstance(v, np.ndarray))


def estimate_memory(
    spec: NetworkSpec,
    *,
    n_features: int | None = None,
    batch_size: int,
    n_eval: int = 0,
    optimizer: str = "sgd",
    optimizer_params: dict | None = None,
    dtype: str = "float32",
    grid_points: int = 0,
) -> MemoryEstimate:
    """The memory (bytes) training ``spec`` needs; see the module docstring.

    ``batch_size`` is the number of samples per step, ``n_eval`` the largest split
    evaluated at once, ``grid_points`` the decision-surface points (0 without one).
    """
    size = np.dtype(dtype).itemsize
    widths, values = _shapes_and_params(spec, n_features)
    slots = optimizer_slots(optimizer, dtype, optimizer_params)
    rows = 3 * int(batch_size) + 2 * int(n_eval) + int(grid_points)
    return MemoryEstimate(
        parameters=3 * values * size,
        optimizer=slots * values * size,
        activations=sum(widths) * rows * size,
    )


def available_memory() -> int | None:
    """Bytes the machine can still give this process (``MemAvailable`` of /proc/meminfo,
    else free physical pages), or None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (OSError, ValueError, AttributeError):
        return None


def format_bytes(n: float) -> str:
    """``1.5 GB``, ``320.0 MB``, ``12 KB``..."""
    for unit, scale in (("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{max(1, round(n / 1024))} KB"


def check_memory(
    estimate: MemoryEstimate, available: int | None = None, doing: str | None = None
) -> None:
    """Raise :class:`NotEnoughMemoryError` if ``estimate`` exceeds the available memory
    (read from the machine unless given); ``doing`` starts the message (default
    "training this network")."""
    free = available_memory() if available is None else available
    if free is None or estimate.total <= free:
        return
    parts = []
    if estimate.parameters:
        parts.append(Text("weights and gradients {size}", size=format_bytes(estimate.parameters)))
    if estimate.optimizer:
        parts.append(Text("optimizer state {size}", size=format_bytes(estimate.optimizer)))
    if estimate.activations:
        parts.append(Text("layer outputs {size}", size=format_bytes(estimate.activations)))
    advice = (
        Text("fewer units or layers, or a smaller batch size")
        if estimate.activations
        else Text("fewer units or layers")
    )
    raise NotEnoughMemoryError(
        Text(
            "{doing} needs about {total} of memory ({parts}), but this machine has {free} "
            "available; use {advice}",
            doing=Text("training this network") if doing is None else doing,
            total=format_bytes(estimate.total),
            parts=parts,
            free=format_bytes(free),
            advice=advice,
        )
    )


def check_training_memory(
    spec: NetworkSpec,
    config: object,
    *,
    n_features: int | None,
    n_train: int,
    n_test: int = 0,
    surface: bool = False,
    available: int | None = None,
) -> MemoryEstimate:
    """Estimate training ``spec`` with an ``engine.TrainConfig`` on a dataset of ``n_train``
    training and ``n_test`` test samples (``surface``: with the app's decision surface)
    and raise :class:`NotEnoughMemoryError` if it does not fit; returns the estimate."""
    batch = getattr(config, "batch_size", None)
    batch = n_train if batch is None else min(int(batch), max(1, n_train))
    estimate = estimate_memory(
        spec,
        n_features=n_features,
        batch_size=batch,
        n_eval=max(n_train, n_test),
        optimizer=str(getattr(config, "optimizer", "sgd")),
        optimizer_params=dict(getattr(config, "optimizer_params", None) or {}),
        dtype=str(getattr(config, "dtype", "float32")),
        grid_points=GRID_POINTS if surface else 0,
    )
    check_memory(estimate, available)
    return estimate


def check_network_memory(
    spec: NetworkSpec, dtype: str, n_features: int | None = None, available: int | None = None
) -> MemoryEstimate:
    """Refuse (:class:`NotEnoughMemoryError`) to build a network whose parameters and
    gradients alone do not fit (e.g. to export its initial weights); returns the estimate."""
    size = np.dtype(dtype).itemsize
    _, values = _shapes_and_params(spec, n_features)
    estimate = MemoryEstimate(parameters=2 * values * size, optimizer=0, activations=0)
    check_memory(estimate, available, Text("building this network"))
    return estimate
