"""Training settings: :class:`TrainConfig` (validated; see ``docs/dev/interfaces.md``)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import numpy as np

from nnstudio.text import Text

from .errors import ConfigError
from .losses import check_loss_params
from .optimizers import make_optimizer
from .registry import LOSSES, OPTIMIZERS
from .schedules import check_schedule


def _is_int(v) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool)


def _is_num(v) -> bool:
    return isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)


@dataclass
class TrainConfig:
    """Everything that defines a training run besides the network and the data.

    Every field is required and the three parameter dicts are complete: the defaults are
    declared once, in the graph catalog; build a config with
    ``nnstudio.graph.train_config(**fields)`` (or ``from_dict`` of a complete dict).
    """

    loss: str
    loss_params: dict  # every parameter of the loss (huber: delta)
    optimizer: str
    learning_rate: float
    optimizer_params: dict  # every setting of the optimizer (adam: beta1, beta2, eps, ...)
    schedule: str
    schedule_params: dict  # every parameter of the schedule (step: step_size, gamma)
    batch_size: int | None  # None = full batch
    epochs: int | None  # None = unlimited
    l1: float
    l2: float
    clip_norm: float | None
    seed: int  # shuffling and dropout masks
    dtype: str

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("loss_params", "optimizer_params", "schedule_params"):
            d[key] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in d[key].items()}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        """Build and validate a config; raises :class:`ConfigError` on unknown or bad fields."""
        if not isinstance(d, dict):
            raise ConfigError(Text("Training settings must be a mapping of names to values."))
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown:
            raise ConfigError(
                Text(
                    "Unknown training setting(s): {unknown}. Known: {known}.",
                    unknown=unknown,
                    known=sorted(names),
                )
            )
        missing = [f.name for f in fields(cls) if f.name not in d]
        if missing:
            raise ConfigError(
                Text(
                    "Training setting(s) {missing} missing; give every setting "
                    "(nnstudio.graph.fill_training fills them from the catalog).",
                    missing=missing,
                )
            )
        kw = dict(d)
        for key in ("loss_params", "optimizer_params", "schedule_params"):
            if key in kw and kw[key] is None:
                kw[key] = {}
            if key in kw and not isinstance(kw[key], dict):
                raise ConfigError(
                    Text("{key} must be a mapping, got {value!r}.", key=key, value=kw[key])
                )
            if key in kw:
                kw[key] = dict(kw[key])
        cfg = cls(**kw)
        cfg.validate()
        return cfg

    def validate(self) -> None:
        """Raise :class:`ConfigError` naming the first invalid field and its allowed range."""
        if self.loss not in LOSSES:
            raise ConfigError(
                Text(
                    "loss must be one of {choices}, got {value!r}.",
                    choices=list(LOSSES),
                    value=self.loss,
                )
            )
        check_loss_params(self.loss, dict(self.loss_params or {}))
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(
                Text(
                    "optimizer must be one of {choices}, got {value!r}.",
                    choices=list(OPTIMIZERS),
                    value=self.optimizer,
                )
            )
        lr = self.learning_rate
        if not _is_num(lr) or not math.isfinite(lr) or lr <= 0:
            raise ConfigError(Text("learning_rate must be a number > 0, got {value!r}.", value=lr))
        make_optimizer(self.optimizer, 1, np.float64, self.optimizer_params)
        check_schedule(self.schedule, dict(self.schedule_params or {}))
        if self.batch_size is not None and (not _is_int(self.batch_size) or self.batch_size < 1):
            raise ConfigError(
                Text(
                    "batch_size must be a whole number >= 1 (or None for full batch), "
                    "got {value!r}.",
                    value=self.batch_size,
                )
            )
        if self.epochs is not None and (not _is_int(self.epochs) or self.epochs < 0):
            raise ConfigError(
                Text(
                    "epochs must be a whole number >= 0 (or None for unlimited), got {value!r}.",
                    value=self.epochs,
                )
            )
        for key in ("l1", "l2"):
            v = getattr(self, key)
            if not _is_num(v) or not math.isfinite(v) or v < 0:
                raise ConfigError(
                    Text("{key} must be a number >= 0, got {value!r}.", key=key, value=v)
                )
        if self.clip_norm is not None and (
            not _is_num(self.clip_norm) or not math.isfinite(self.clip_norm) or self.clip_norm <= 0
        ):
            raise ConfigError(
                Text(
                    "clip_norm must be a number > 0 (or None), got {value!r}.",
                    value=self.clip_norm,
                )
            )
        if not _is_int(self.seed) or self.seed < 0:
            raise ConfigError(
                Text("seed must be a whole number >= 0, got {value!r}.", value=self.seed)
            )
        if self.dtype not in ("float32", "float64"):
            raise ConfigError(
                Text("dtype must be 'float32' or 'float64', got {value!r}.", value=self.dtype)
            )
