"""Learning-rate schedules, evaluated per epoch (epoch counts from 0) in closed form.

- ``constant``: lr
- ``step``: lr * gamma ** (epoch // step_size)            (defaults step_size 10, gamma 0.5)
- ``exponential``: lr * gamma ** epoch                    (default gamma 0.95)
- ``cosine``: eta_min + (lr - eta_min) (1 + cos(pi epoch / t_max)) / 2
  (default t_max 100, eta_min 0): PyTorch's ``CosineAnnealingLR`` stepped once per epoch.
  It reaches eta_min at epoch t_max and then rises again, back to lr at 2 t_max: the
  schedule is periodic with period 2 t_max (the closed form of PyTorch's recursive update;
  the two agree to rounding).

:func:`describe_schedule` says in words what a schedule does over a run, for the panels.
Epochs in its text count from 1, like ``Report.epoch``: epoch E trains with
``scheduled_lr(..., E - 1)``.
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
        return eta_min + (base_lr - eta_min) * (1.0 + math.cos(math.pi * epoch / t_max)) / 2.0
    raise ConfigError(f"Unknown schedule {name!r}. Choose one of: {', '.join(SCHEDULES)}.")


def describe_schedule(name: str, params: dict, lr: float, epochs: int | None) -> str:
    """One or two sentences on what schedule ``name`` does to ``lr`` over ``epochs`` epochs.

    ``epochs`` None means an unlimited run. Raises :class:`ConfigError` like
    :func:`check_schedule`. Example (cosine, t_max 100, 300 epochs): "Cosine: lr 0.01 → 0 at
    epoch 101, then back up to 0.01 at epoch 201 and down again (period 200 epochs); 0 in
    the last epoch (300)."
    """
    check_schedule(name, params)

    def at(epoch: int) -> str:  # 1-based epoch -> its learning rate, compact
        return f"{scheduled_lr(name, params, lr, epoch - 1):.3g}"

    last = "" if epochs is None or epochs < 1 else f"; {at(epochs)} in the last epoch ({epochs})"
    if name == "constant":
        return f"Constant: lr stays {lr:.3g}" + (
            "." if epochs is None else f" for all {epochs} epochs."
        )
    if name == "step":
        size, gamma = int(params.get("step_size", 10)), float(params.get("gamma", 0.5))
        if gamma == 1:
            return f"Step with gamma 1: lr stays {lr:.3g}."
        return (
            f"Step: lr {lr:.3g}, multiplied by {gamma:g} every {size} epochs "
            f"({at(size + 1)} from epoch {size + 1}){last}."
        )
    if name == "exponential":
        gamma = float(params.get("gamma", 0.95))
        if gamma == 1:
            return f"Exponential with gamma 1: lr stays {lr:.3g}."
        half = math.log(0.5) / math.log(gamma)
        return (
            f"Exponential: lr {lr:.3g} multiplied by {gamma:g} each epoch "
            f"(halves every {half:.3g} epochs){last}."
        )
    t_max = int(params.get("t_max", 100))
    low = f"{float(params.get('eta_min', 0.0)):.3g}"
    if epochs is not None and epochs <= t_max:
        return (
            f"Cosine: lr {lr:.3g} → {at(epochs)} at epoch {epochs} (the last), on the way to "
            f"{low} at epoch {t_max + 1}."
        )
    text = f"Cosine: lr {lr:.3g} → {low} at epoch {t_max + 1}, then back up"
    if epochs is None or epochs > 2 * t_max:
        text += f" to {lr:.3g} at epoch {2 * t_max + 1} and down again (period {2 * t_max} epochs)"
    return text + last + "."
