"""The catalog of training settings: every loss, optimizer and schedule parameter and every
top-level training field, each declared once as a :class:`ParamSpec`.

Defaults follow PyTorch where PyTorch has one (``torch.optim`` hyperparameters,
``HuberLoss(delta=1.0)``, ``CosineAnnealingLR(eta_min=0)``). PyTorch has no default for
``StepLR.step_size``/``gamma``, ``ExponentialLR.gamma`` or ``CosineAnnealingLR.T_max``;
ours fit the default run of 200 epochs (halve every 50 epochs, 0.99 per epoch, one cosine
over 200 epochs).

:func:`fill_training` turns a partial settings dict (a project file, the CLI, a template)
into a complete one that the engine's ``TrainConfig.from_dict`` accepts; the engine itself
receives every value and invents none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from nnstudio.engine.registry import LOSSES, OPTIMIZERS, SCHEDULES
from nnstudio.text import Text

from .errors import ParamError
from .params import ParamSpec, defaults, fill

# ------------------------------------------------------------------ losses
LOSS_PARAMS: dict[str, tuple[ParamSpec, ...]] = {
    "mse": (),
    "mae": (),
    "huber": (
        ParamSpec(
            "delta",
            "Delta",
            "float",
            1.0,
            min=0.0,
            min_exclusive=True,
            max=1e6,
            help="Errors smaller than delta are squared, larger ones count linearly "
            "(torch.nn.HuberLoss delta).",
        ),
    ),
    "bce": (),
    "bce_logits": (),
    "cce": (),
}

# ------------------------------------------------------------------ optimizers
_WEIGHT_DECAY = ParamSpec(
    "weight_decay",
    "Weight decay",
    "float",
    0.0,
    min=0.0,
    max=1.0,
    help="Adds weight_decay * p to every parameter's gradient (PyTorch's weight_decay; "
    "use L2 to penalise weights only).",
)
_MOMENTUM = ParamSpec(
    "momentum",
    "Momentum",
    "float",
    0.9,
    min=0.0,
    max=1.0,
    max_exclusive=True,
    help="Fraction of the previous update kept in the velocity.",
)
_DAMPENING = ParamSpec(
    "dampening",
    "Dampening",
    "float",
    0.0,
    min=0.0,
    max=1.0,
    help="Scales down the new gradient added to the velocity (0 for none).",
)
_NESTEROV = ParamSpec(
    "nesterov",
    "Nesterov",
    "bool",
    False,
    help="Look-ahead momentum (needs momentum > 0 and dampening 0).",
)
_BETA1 = ParamSpec(
    "beta1",
    "Beta 1",
    "float",
    0.9,
    min=0.0,
    max=1.0,
    max_exclusive=True,
    help="Decay of the running mean of gradients.",
)
_BETA2 = ParamSpec(
    "beta2",
    "Beta 2",
    "float",
    0.999,
    min=0.0,
    max=1.0,
    max_exclusive=True,
    help="Decay of the running mean of squared gradients.",
)
_AMSGRAD = ParamSpec(
    "amsgrad",
    "AMSGrad",
    "bool",
    False,
    help="Divide by the largest second moment seen so far.",
)


def _eps(default: float) -> ParamSpec:
    return ParamSpec(
        "eps",
        "Epsilon",
        "float",
        default,
        min=0.0,
        max=1.0,
        help="Added to the denominator for numerical stability.",
    )


_ADAM = (_BETA1, _BETA2, _eps(1e-8), _WEIGHT_DECAY, _AMSGRAD)

OPTIMIZER_PARAMS: dict[str, tuple[ParamSpec, ...]] = {
    "sgd": (replace(_MOMENTUM, default=0.0), _DAMPENING, _WEIGHT_DECAY, _NESTEROV),
    "momentum": (_MOMENTUM, _DAMPENING, _WEIGHT_DECAY, _NESTEROV),
    "nesterov": (replace(_MOMENTUM, min_exclusive=True), _WEIGHT_DECAY),
    "adagrad": (
        ParamSpec(
            "lr_decay",
            "Rate decay",
            "float",
            0.0,
            min=0.0,
            max=1.0,
            help="The step is lr / (1 + (t - 1) * lr_decay) at step t.",
        ),
        _WEIGHT_DECAY,
        ParamSpec(
            "initial_accumulator_value",
            "Initial accumulator",
            "float",
            0.0,
            min=0.0,
            max=1e6,
            help="Starting value of the sum of squared gradients.",
        ),
        _eps(1e-10),
    ),
    "rmsprop": (
        ParamSpec(
            "alpha",
            "Decay (alpha)",
            "float",
            0.99,
            min=0.0,
            max=1.0,
            max_exclusive=True,
            help="Decay of the running mean of squared gradients.",
        ),
        _eps(1e-8),
        _WEIGHT_DECAY,
        replace(_MOMENTUM, default=0.0),
        ParamSpec(
            "centered",
            "Centered",
            "bool",
            False,
            help="Normalise by the variance of the gradient instead of its second moment.",
        ),
    ),
    "adam": _ADAM,
    "adamw": (_BETA1, _BETA2, _eps(1e-8), replace(_WEIGHT_DECAY, default=0.01), _AMSGRAD),
}

# ------------------------------------------------------------------ schedules
_GAMMA_HELP = "Factor the learning rate is multiplied by"
SCHEDULE_PARAMS: dict[str, tuple[ParamSpec, ...]] = {
    "constant": (),
    "step": (
        ParamSpec(
            "step_size",
            "Step every (epochs)",
            "int",
            50,
            min=1,
            max=1_000_000,
            help="The learning rate changes every step_size epochs.",
        ),
        ParamSpec(
            "gamma",
            "Multiply by",
            "float",
            0.5,
            min=0.0,
            min_exclusive=True,
            max=1.0,
            help=f"{_GAMMA_HELP} every step_size epochs.",
        ),
    ),
    "exponential": (
        ParamSpec(
            "gamma",
            "Multiply per epoch",
            "float",
            0.99,
            min=0.0,
            min_exclusive=True,
            max=1.0,
            help=f"{_GAMMA_HELP} after every epoch.",
        ),
    ),
    "cosine": (
        ParamSpec(
            "t_max",
            "Period (epochs)",
            "int",
            200,
            min=1,
            max=1_000_000,
            help="Epochs of one half cosine from the learning rate down to the minimum.",
        ),
        ParamSpec(
            "eta_min",
            "Minimum rate",
            "float",
            0.0,
            min=0.0,
            max=10.0,
            help="The lowest learning rate of the cosine.",
        ),
    ),
}

# ------------------------------------------------------------------ the run
TRAINING_FIELDS: tuple[ParamSpec, ...] = (
    ParamSpec("loss", "Loss", "choice", "bce", choices=LOSSES, help="What training minimises."),
    ParamSpec(
        "optimizer", "Optimizer", "choice", "adam", choices=OPTIMIZERS, help="The update rule."
    ),
    ParamSpec(
        "learning_rate",
        "Learning rate",
        "float",
        0.01,
        min=0.0,
        min_exclusive=True,
        max=1e7,
        help="Step size of the optimizer (before the schedule).",
    ),
    ParamSpec(
        "schedule",
        "Schedule",
        "choice",
        "constant",
        choices=SCHEDULES,
        help="How the learning rate changes over the epochs.",
    ),
    ParamSpec(
        "batch_size",
        "Batch size",
        "int",
        10,
        min=1,
        max=10_000_000,
        optional=True,
        none_label="full batch",
        help="Samples per step; none trains on the whole training set at once.",
    ),
    ParamSpec(
        "epochs",
        "Epochs",
        "int",
        200,
        min=0,
        max=100_000_000,
        optional=True,
        none_label="unlimited",
        help="Passes over the training data; none runs until stopped.",
    ),
    ParamSpec("l1", "L1", "float", 0.0, min=0.0, max=10.0, help="Penalty on the sum of |weights|."),
    ParamSpec(
        "l2", "L2", "float", 0.0, min=0.0, max=10.0, help="Penalty on the sum of weights squared."
    ),
    ParamSpec(
        "clip_norm",
        "Clip gradient norm",
        "float",
        None,
        min=0.0,
        min_exclusive=True,
        max=1e9,
        optional=True,
        none_label="off",
        help="Scale the gradient down when its norm exceeds this value.",
    ),
    ParamSpec("seed", "Seed", "int", 0, min=0, max=2**32 - 1, help="Shuffling and dropout masks."),
    ParamSpec(
        "dtype",
        "Precision",
        "choice",
        "float32",
        choices=("float32", "float64"),
        help="float32 is faster on larger networks; float64 for exact checks.",
    ),
)

#: The sub-tables of a training settings dict: field -> (table, field naming the entry).
SUB_TABLES: dict[str, tuple[dict[str, tuple[ParamSpec, ...]], str]] = {
    "loss_params": (LOSS_PARAMS, "loss"),
    "optimizer_params": (OPTIMIZER_PARAMS, "optimizer"),
    "schedule_params": (SCHEDULE_PARAMS, "schedule"),
}

_TABLE_NAMES = {
    "activation": "ACTIVATION_PARAMS",
    "loss": "LOSS_PARAMS",
    "optimizer": "OPTIMIZER_PARAMS",
    "schedule": "SCHEDULE_PARAMS",
}


def fill_named(
    table: Mapping[str, tuple[ParamSpec, ...]], what: str, name: str, params: Any
) -> dict[str, Any]:
    """Complete the parameters of entry ``name`` of ``table`` (``what``: "optimizer"...).

    Raises :class:`ParamError` naming the entry and the parameter.
    """
    if not isinstance(name, str) or name not in table:
        raise ParamError(_unknown(what, name, list(table)))
    if what == "optimizer" and isinstance(params, Mapping) and "betas" in params:
        params = _split_betas(params)
    owner = _entry(what, name)
    return fill(table[name], params, owner, owner)


def _entry(what: str, name: str) -> str:
    """``"optimizer adam"``: an entry of a table, as messages name it."""
    if what == "optimizer":
        return Text("optimizer {name}", name=name)
    if what == "loss":
        return Text("loss {name}", name=name)
    if what == "schedule":
        return Text("schedule {name}", name=name)
    if what == "activation":
        return Text("activation {name}", name=name)
    return f"{what} {name}"


def _unknown(what: str, name: Any, known: list[str]) -> str:
    """The message for an unknown entry ``name`` of a table (``what``: "optimizer"...)."""
    if what == "optimizer":
        return Text("Unknown optimizer {name!r}; choose one of: {known}.", name=name, known=known)
    if what == "loss":
        return Text("Unknown loss {name!r}; choose one of: {known}.", name=name, known=known)
    if what == "schedule":
        return Text("Unknown schedule {name!r}; choose one of: {known}.", name=name, known=known)
    if what == "activation":
        return Text("Unknown activation {name!r}; choose one of: {known}.", name=name, known=known)
    return f"Unknown {what} {name!r}; choose one of: {', '.join(known)}."


def _split_betas(params: Mapping[str, Any]) -> dict[str, Any]:
    """PyTorch-style ``betas: [b1, b2]`` (older project files) -> ``beta1``, ``beta2``."""
    out = {k: v for k, v in params.items() if k != "betas"}
    betas = params["betas"]
    if not isinstance(betas, list | tuple) or len(betas) != 2:
        raise ParamError(
            Text("optimizer: 'betas' must be two numbers, got {betas!r}.", betas=betas)
        )
    out.setdefault("beta1", betas[0])
    out.setdefault("beta2", betas[1])
    return out


def training_defaults() -> dict[str, Any]:
    """The complete default training settings (a ``TrainConfig.from_dict`` dict)."""
    return fill_training({})


def fill_training(d: Any) -> dict[str, Any]:
    """Complete training settings: every field, and every parameter of the chosen loss,
    optimizer and schedule, from the catalog; every value checked.

    ``d`` is a mapping (or an object with ``to_dict()``, e.g. a ``TrainConfig``).
    Raises :class:`ParamError` naming the field (``"optimizer adam: 'beta1' ..."``).
    """
    if hasattr(d, "to_dict") and not isinstance(d, Mapping):
        d = d.to_dict()
    if d is None:
        d = {}
    if not isinstance(d, Mapping):
        raise ParamError(
            Text("Training settings must be a mapping, got {type}.", type=type(d).__name__)
        )
    known = {p.name for p in TRAINING_FIELDS} | set(SUB_TABLES)
    unknown = sorted(str(k) for k in d if k not in known)
    if unknown:
        raise ParamError(
            Text(
                "Unknown training setting(s): {unknown}. Known: {known}.",
                unknown=unknown,
                known=sorted(known),
            )
        )
    top = fill(
        TRAINING_FIELDS,
        {k: v for k, v in d.items() if k not in SUB_TABLES},
        Text("training settings"),
    )
    out: dict[str, Any] = {}
    for p in TRAINING_FIELDS:
        out[p.name] = top[p.name]
        for key, (table, field) in SUB_TABLES.items():
            if field == p.name:
                out[key] = fill_named(table, field, top[field], d.get(key) or {})
    return out


def table_of(what: str) -> dict[str, tuple[ParamSpec, ...]]:
    """The parameter table of ``"loss"``, ``"optimizer"`` or ``"schedule"``."""
    if what == "loss":
        return LOSS_PARAMS
    if what == "optimizer":
        return OPTIMIZER_PARAMS
    if what == "schedule":
        return SCHEDULE_PARAMS
    raise KeyError(f"no parameter table {what!r}; known: {', '.join(_TABLE_NAMES)}")


def default_params(what: str, name: str) -> dict[str, Any]:
    """Default parameters of one loss / optimizer / schedule."""
    return defaults(table_of(what)[name])


def train_config(settings: Mapping[str, Any] | None = None, **fields: Any) -> Any:
    """An engine ``TrainConfig`` from partial settings (``settings`` and/or keyword fields),
    every missing value filled from the catalog. Raises :class:`ParamError` naming the field.
    """
    from nnstudio.engine import TrainConfig

    return TrainConfig.from_dict(fill_training({**(settings or {}), **fields}))
