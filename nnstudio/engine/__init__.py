"""The NumPy training engine: layers, losses, optimizers and the training loop.

Imports only NumPy and the standard library (threadpoolctl optionally, to keep BLAS on one
thread for small networks). See ``docs/dev/interfaces.md`` for the contract.
"""

from __future__ import annotations

from .errors import (
    ConfigError,
    DegradedError,
    DivergenceError,
    EngineError,
    EpochInterrupted,
    ShapeError,
    WeightsMismatchError,
)
from .network import Network, NodeDef
from .registry import ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS, SCHEDULES
from .training import LIVE_SETTINGS, Report, TrainConfig, Trainer, fit_iter

__all__ = [
    "EpochInterrupted",
    "ACTIVATIONS",
    "INITIALIZERS",
    "LIVE_SETTINGS",
    "LOSSES",
    "OPTIMIZERS",
    "SCHEDULES",
    "ConfigError",
    "DegradedError",
    "DivergenceError",
    "EngineError",
    "Network",
    "NodeDef",
    "Report",
    "ShapeError",
    "TrainConfig",
    "Trainer",
    "WeightsMismatchError",
    "fit_iter",
]
