"""Learning-rate schedules, evaluated per epoch (epoch counts from 0) in closed form.

- ``constant``: lr
- ``step``: lr * gamma ** (epoch // step_size)
- ``exponential``: lr * gamma ** epoch
- ``cosine``: eta_min + (lr - eta_min) (1 + cos(pi epoch / t_max)) / 2:
  PyTorch's ``CosineAnnealingLR`` stepped once per epoch.
  It reaches eta_min at epoch t_max and then rises again, back to lr at 2 t_max: the
  schedule is periodic with period 2 t_max (the closed form of PyTorch's recursive update;
  the two agree to rounding).

:func:`describe_schedule` says in words what a schedule does over a run, for the panels.
Epochs in its text count from 1, like ``Report.epoch``: epoch E trains with
``scheduled_lr(..., E - 1)``.

Every parameter must be given; the defaults are declared once, in the graph catalog
(``nnstudio.graph.SCHEDULE_PARAMS``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from nnstudio.text import Text

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
        raise _unknown(name)
    unknown = sorted(set(params) - set(_KEYS[name]))
    if unknown:
        raise ConfigError(
            Text(
                "Schedule {name}: unknown setting(s) {unknown}; allowed: {allowed}.",
                name=name,
                unknown=unknown,
                allowed=list(_KEYS[name]) or Text("none"),
            )
        )
    if name == "step" and "step_size" in params:
        ss = params["step_size"]
        if isinstance(ss, bool) or not isinstance(ss, int) or ss < 1:
            raise ConfigError(
                Text(
                    "Schedule step: step_size must be a whole number >= 1, got {value!r}.",
                    value=ss,
                )
            )
    if name in ("step", "exponential") and "gamma" in params:
        g = params["gamma"]
        if not isinstance(g, int | float) or not 0 < g <= 1:
            raise ConfigError(
                Text(
                    "Schedule {name}: gamma must be > 0 and <= 1, got {value!r}.",
                    name=name,
                    value=g,
                )
            )
    if name == "cosine" and "t_max" in params:
        tm = params["t_max"]
        if isinstance(tm, bool) or not isinstance(tm, int) or tm < 1:
            raise ConfigError(
                Text("Schedule cosine: t_max must be a whole number >= 1, got {value!r}.", value=tm)
            )
    if name == "cosine" and "eta_min" in params:
        em = params["eta_min"]
        if not isinstance(em, int | float) or em < 0:
            raise ConfigError(
                Text("Schedule cosine: eta_min must be >= 0, got {value!r}.", value=em)
            )
    missing = [k for k in _KEYS[name] if k not in params]
    if missing:
        raise ConfigError(
            Text(
                "Schedule {name}: the setting(s) {missing} are missing; give every "
                "setting (nnstudio.graph.fill_training fills them from the catalog).",
                name=name,
                missing=missing,
            )
        )


def _unknown(name: object) -> ConfigError:
    return ConfigError(
        Text(
            "Unknown schedule {name!r}. Choose one of: {choices}.",
            name=name,
            choices=list(SCHEDULES),
        )
    )


def scheduled_lr(name: str, params: dict, base_lr: float, epoch: int) -> float:
    """Learning rate for ``epoch`` (0-based) under schedule ``name`` starting at ``base_lr``.

    Raises :class:`ConfigError` naming a missing setting.
    """
    try:
        return _scheduled_lr(name, params, base_lr, epoch)
    except KeyError as exc:
        raise ConfigError(
            Text(
                "Schedule {name}: the setting {key!r} is missing; give every setting "
                "(nnstudio.graph.fill_training fills them from the catalog).",
                name=name,
                key=exc.args[0],
            )
        ) from None


def _scheduled_lr(name: str, params: dict, base_lr: float, epoch: int) -> float:
    if name == "constant":
        return base_lr
    if name == "step":
        return base_lr * float(params["gamma"]) ** (epoch // int(params["step_size"]))
    if name == "exponential":
        return base_lr * float(params["gamma"]) ** epoch
    if name == "cosine":
        t_max = int(params["t_max"])
        eta_min = float(params["eta_min"])
        return eta_min + (base_lr - eta_min) * (1.0 + math.cos(math.pi * epoch / t_max)) / 2.0
    raise _unknown(name)


#: The sentences of :func:`describe_schedule` (``str.format`` templates): the GUI translates
#: them (``translate``), the CLI and the tests read them as they are.
SCHEDULE_TEXTS: dict[str, str] = {
    "constant": "Constant: lr stays {lr}.",
    "constant_run": "Constant: lr stays {lr} for all {epochs} epochs.",
    "step_flat": "Step with gamma 1: lr stays {lr}.",
    "step": "Step: lr {lr}, multiplied by {gamma} every {size} epochs ({next} from epoch "
    "{start}){last}.",
    "exponential_flat": "Exponential with gamma 1: lr stays {lr}.",
    "exponential": "Exponential: lr {lr} multiplied by {gamma} each epoch (halves every "
    "{half} epochs){last}.",
    "cosine_short": "Cosine: lr {lr} → {end} at epoch {epochs} (the last), on the way to "
    "{low} at epoch {bottom}.",
    "cosine": "Cosine: lr {lr} → {low} at epoch {bottom}, then back up{again}{last}.",
    "cosine_again": " to {lr} at epoch {top} and down again (period {period} epochs)",
    "last": "; {value} in the last epoch ({epochs})",
}


def describe_schedule(
    name: str,
    params: dict,
    lr: float,
    epochs: int | None,
    translate: Callable[[str], str] | None = None,
) -> str:
    """One or two sentences on what schedule ``name`` does to ``lr`` over ``epochs`` epochs.

    ``epochs`` None means an unlimited run. Raises :class:`ConfigError` like
    :func:`check_schedule`. Example (cosine, t_max 100, 300 epochs): "Cosine: lr 0.01 → 0 at
    epoch 101, then back up to 0.01 at epoch 201 and down again (period 200 epochs); 0 in
    the last epoch (300)." ``translate`` maps each template of :data:`SCHEDULE_TEXTS` to
    the interface's language (the same placeholders).
    """
    check_schedule(name, params)
    tr = translate or (lambda text: text)

    def say(key: str, **values: object) -> str:
        return tr(SCHEDULE_TEXTS[key]).format(**values)

    def at(epoch: int) -> str:  # 1-based epoch -> its learning rate, compact
        return f"{scheduled_lr(name, params, lr, epoch - 1):.3g}"

    rate = f"{lr:.3g}"
    last = "" if epochs is None or epochs < 1 else say("last", value=at(epochs), epochs=epochs)
    if name == "constant":
        if epochs is None:
            return say("constant", lr=rate)
        return say("constant_run", lr=rate, epochs=epochs)
    if name == "step":
        size, gamma = int(params["step_size"]), float(params["gamma"])
        if gamma == 1:
            return say("step_flat", lr=rate)
        return say(
            "step",
            lr=rate,
            gamma=f"{gamma:g}",
            size=size,
            next=at(size + 1),
            start=size + 1,
            last=last,
        )
    if name == "exponential":
        gamma = float(params["gamma"])
        if gamma == 1:
            return say("exponential_flat", lr=rate)
        half = math.log(0.5) / math.log(gamma)
        return say("exponential", lr=rate, gamma=f"{gamma:g}", half=f"{half:.3g}", last=last)
    t_max = int(params["t_max"])
    low = f"{float(params['eta_min']):.3g}"
    if epochs is not None and epochs <= t_max:
        return say(
            "cosine_short", lr=rate, end=at(epochs), epochs=epochs, low=low, bottom=t_max + 1
        )
    again = ""
    if epochs is None or epochs > 2 * t_max:
        again = say("cosine_again", lr=rate, top=2 * t_max + 1, period=2 * t_max)
    return say("cosine", lr=rate, low=low, bottom=t_max + 1, again=again, last=last)
