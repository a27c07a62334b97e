"""Learning-rate schedules, evaluated per epoch (epoch counts from 0) in closed form.

- ``constant``: lr
- ``step``: lr * gamma ** (epoch // step_size)            (defaults step_size 10, gamma 0.5)
- ``exponential``: lr * gamma ** epoch                    (default gamma 0.95)
- ``cosine``: eta_min + (lr - eta_min) (1 + cos(pi e / t_max)) / 2 with e = min(epoch, t_max)
  (default t_max 100, eta_min 0); like PyTorch's CosineAnnealingLR but it stays at eta_min
  after t_max instead of rising again.
"""

from __future__ import annotations

import math

from .errors import ConfigError
from .registry import SCHEDULES

_KEYS = {
    "constant": (),
    "step": ("step_size", "gamma"),
    "exponential": ("gamma",),
    "cosine": ("t_max", "eta_min"),
}


def check_schedule(name: object, params: dict) -> None:
    """Raise :class:`ConfigError` if the schedule or its parameters are not valid."""
    if name not in SCHEDULES:
        raise ConfigError(f"Unknown schedule {name!r}. Choose one of: {', '.join(SCHEDULES)}.")
    unknown = sorted(set(params) - set(_KEYS[name]))
    if unknown:
        raise ConfigError(
            f"Schedule {name}: unknown setting(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(_KEYS[name]) or 'none'}."
        )
    if name == "step":
        ss = params.get("step_size", 10)
        if isinstance(ss, bool) or not isinstance(ss, int) or ss < 1:
            raise ConfigError(f"Schedule step: step_size must be a whole number >= 1, got {ss!r}.")
    if name in ("step", "exponential"):
        g = params.get("gamma", 0.5 if name == "step" else 0.95)
        if not isinstance(g, int | float) or not 0 < g <= 1:
            raise ConfigError(f"Schedule {name}: gamma must be > 0 and <= 1, got {g!r}.")
    if name == "cosine":
        tm = params.get("t_max", 100)
        if isinstance(tm, bool) or not isinstance(tm, int) or tm < 1:
            raise ConfigError(f"Schedule cosine: t_max must be a whole number >= 1, got {tm!r}.")
        em = params.get("eta_min", 0.0)
        if not isinstance(em, int | float) or em < 0:
            raise ConfigError(f"Schedule cosine: eta_min must be >= 0, got {em!r}.")


def scheduled_lr(name: str, params: dict, base_lr: float, epoch: int) -> float:
    """Learning rate for ``epoch`` (0-based) under schedule ``name`` starting at ``base_lr``."""
    if name == "constant":
        return base_lr
    if name == "step":
        return base_lr * float(params.get("gamma", 0.5)) ** (
            epoch // int(params.get("step_size", 10))
        )
    if name == "exponential":
        return base_lr * float(params.get("gamma", 0.95)) ** epoch
    if name == "cosine":
        t_max = int(params.get("t_max", 100))
        eta_min = float(params.get("eta_min", 0.0))
        e = min(epoch, t_max)
        return eta_min + (base_lr - eta_min) * (1.0 + math.cos(math.pi * e / t_max)) / 2.0
    raise ConfigError(f"Unknown schedule {name!r}. Choose one of: {', '.join(SCHEDULES)}.")
