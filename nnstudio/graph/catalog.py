"""The layer catalog: the one registry of layer kinds.

The palette, the inspector, validation, serialization and export all read :data:`CATALOG`.
Adding a layer kind is one entry here plus its engine layer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from nnstudio.engine.registry import ACTIVATIONS, INITIALIZERS

from .errors import ParamError, UnknownLayerError

# The catalog offers exactly the engine's activations and initializers.
ACTIVATION_NAMES: tuple[str, ...] = ACTIVATIONS
INITIALIZER_NAMES: tuple[str, ...] = INITIALIZERS

CATEGORIES: tuple[str, ...] = ("Core", "Activation", "Regularization", "Merge")

MAX_UNITS = 100_000


@dataclass(frozen=True)
class ParamSpec:
    """Schema of one layer parameter.

    ``type`` is ``"int"``, ``"float"``, ``"bool"`` or ``"choice"``; ``min``/``max`` are
    inclusive bounds for numbers; ``choices`` lists the allowed values of a ``"choice"``.
    """

    name: str
    label: str
    type: str
    default: Any
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""

    def check(self, value: Any, node_id: str = "") -> Any:
        """Return ``value`` normalised to this parameter's type, or raise :class:`ParamError`.

        Integral floats are accepted for ``int`` (``8.0`` -> ``8``) and ints for ``float``.
        """
        where = f"{node_id}: " if node_id else ""
        ids = (node_id,) if node_id else ()
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ParamError(f"{where}'{self.name}' must be true or false, got {value!r}.", ids)
            return value
        if self.type == "choice":
            if not isinstance(value, str) or value not in self.choices:
                allowed = ", ".join(self.choices)
                raise ParamError(
                    f"{where}'{self.name}' must be one of {allowed}; got {value!r}.", ids
                )
            return value
        if self.type not in ("int", "float"):
            raise ValueError(f"unknown parameter type {self.type!r}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParamError(
                f"{where}'{self.name}' must be a number ({self.type}), got {value!r}.", ids
            )
        if not math.isfinite(value):
            raise ParamError(f"{where}'{self.name}' must be a finite number, got {value}.", ids)
        if self.type == "int":
            if value != int(value):
                raise ParamError(
                    f"{where}'{self.name}' must be a whole number, got {value!r}.", ids
                )
            value = int(value)
        else:
            value = float(value)
        if self.min is not None and value < self.min:
            raise ParamError(
                f"{where}'{self.name}' is {value} but must be at least {self.min}"
                f"{self._range_hint()}.",
                ids,
            )
        if self.max is not None and value > self.max:
            raise ParamError(
                f"{where}'{self.name}' is {value} but must be at most {self.max}"
                f"{self._range_hint()}.",
                ids,
            )
        return value

    def _range_hint(self) -> str:
        if self.min is not None and self.max is not None:
            return f" (allowed: {self.min} to {self.max})"
        return ""


@dataclass(frozen=True)
class LayerKind:
    """One layer kind: what the palette shows and what a node of this kind accepts.

    ``max_inputs`` is ``None`` for an unbounded number of inputs; ``icon`` is a file name
    under ``resources/icons/layers``.
    """

    id: str
    name: str
    category: str
    description: str
    min_inputs: int
    max_inputs: int | None
    params: tuple[ParamSpec, ...]
    icon: str

    def param(self, name: str) -> ParamSpec:
        """The schema of parameter ``name``; raises :class:`ParamError` if there is none."""
        for spec in self.params:
            if spec.name == name:
                return spec
        known = ", ".join(p.name for p in self.params) or "none"
        raise ParamError(f"{self.name} has no parameter '{name}' (parameters: {known}).")

    def defaults(self) -> dict[str, Any]:
        """Default value of every parameter, in schema order."""
        return {p.name: p.default for p in self.params}


_SLOPE = ParamSpec(
    "slope",
    "Leaky slope",
    "float",
    0.01,
    min=0.0,
    max=1.0,
    help="Slope of leaky_relu for negative inputs (used only with leaky_relu).",
)
_ALPHA = ParamSpec(
    "alpha",
    "ELU alpha",
    "float",
    1.0,
    min=0.0,
    max=10.0,
    help="Scale of elu for negative inputs (used only with elu).",
)

CATALOG: dict[str, LayerKind] = {
    "input": LayerKind(
        id="input",
        name="Input",
        category="Core",
        description="The network's input: one unit per feature of the dataset.",
        min_inputs=0,
        max_inputs=0,
        params=(
            ParamSpec(
                "units",
                "Features",
                "int",
                2,
                min=1,
                max=MAX_UNITS,
                help="Number of input features; set from the dataset's feature count.",
            ),
        ),
        icon="input.svg",
    ),
    "dense": LayerKind(
        id="dense",
        name="Dense",
        category="Core",
        description="Fully connected layer: every input connects to every unit (x @ W + b).",
        min_inputs=1,
        max_inputs=1,
        params=(
            ParamSpec(
                "units",
                "Units",
                "int",
                8,
                min=1,
                max=MAX_UNITS,
                help="Number of neurons (output width) of the layer.",
            ),
            ParamSpec(
                "activation",
                "Activation",
                "choice",
                "relu",
                choices=ACTIVATION_NAMES,
                help="Function applied to each unit's output.",
            ),
            ParamSpec(
                "use_bias",
                "Use bias",
                "bool",
                True,
                help="Add a learned bias to each unit.",
            ),
            ParamSpec(
                "init",
                "Initializer",
                "choice",
                "auto",
                choices=("auto", *INITIALIZER_NAMES),
                help="Weight initialisation; auto picks he for relu-like activations, "
                "glorot otherwise.",
            ),
            _SLOPE,
            _ALPHA,
        ),
        icon="dense.svg",
    ),
    "activation": LayerKind(
        id="activation",
        name="Activation",
        category="Activation",
        description="Applies an activation function element-wise; the width is unchanged.",
        min_inputs=1,
        max_inputs=1,
        params=(
            ParamSpec(
                "activation",
                "Function",
                "choice",
                "relu",
                choices=ACTIVATION_NAMES,
                help="Function applied to each value.",
            ),
            _SLOPE,
            _ALPHA,
        ),
        icon="activation.svg",
    ),
    "dropout": LayerKind(
        id="dropout",
        name="Dropout",
        category="Regularization",
        description="During training, zeroes a random fraction of values (inverted dropout); "
        "does nothing at prediction time.",
        min_inputs=1,
        max_inputs=1,
        params=(
            ParamSpec(
                "rate",
                "Rate",
                "float",
                0.2,
                min=0.0,
                max=0.95,
                help="Fraction of values dropped during training (0 to 0.95).",
            ),
        ),
        icon="dropout.svg",
    ),
    "batchnorm": LayerKind(
        id="batchnorm",
        name="Batch Norm",
        category="Regularization",
        description="Normalises each feature over the batch, then scales and shifts it with "
        "learned weights; uses running statistics at prediction time.",
        min_inputs=1,
        max_inputs=1,
        params=(
            ParamSpec(
                "momentum",
                "Momentum",
                "float",
                0.1,
                min=0.0,
                max=1.0,
                help="Weight of the new batch in the running statistics (PyTorch convention).",
            ),
            ParamSpec(
                "eps",
                "Epsilon",
                "float",
                1e-5,
                min=1e-12,
                max=1.0,
                help="Small number added to the variance for numerical stability.",
            ),
        ),
        icon="batchnorm.svg",
    ),
    "add": LayerKind(
        id="add",
        name="Add",
        category="Merge",
        description="Element-wise sum of two or more inputs of the same width "
        "(residual connections).",
        min_inputs=2,
        max_inputs=None,
        params=(),
        icon="add.svg",
    ),
    "concat": LayerKind(
        id="concat",
        name="Concatenate",
        category="Merge",
        description="Joins two or more inputs side by side along the features, in input "
        "order; the width is the sum of the input widths.",
        min_inputs=2,
        max_inputs=None,
        params=(),
        icon="concat.svg",
    ),
}

_KEY_PARAMS: dict[str, tuple[str, ...]] = {
    "input": ("units",),
    "dense": ("units", "activation"),
    "activation": ("activation",),
    "dropout": ("rate",),
    "batchnorm": (),
    "add": (),
    "concat": (),
}


def get_kind(kind: str) -> LayerKind:
    """The catalog entry of ``kind``; raises :class:`UnknownLayerError` if there is none."""
    try:
        return CATALOG[kind]
    except (KeyError, TypeError):
        known = ", ".join(CATALOG)
        raise UnknownLayerError(f"Unknown layer kind {kind!r}; known kinds: {known}.") from None


def key_params(kind: str) -> list[str]:
    """Names of the parameters a canvas node of ``kind`` shows (e.g. units + activation)."""
    get_kind(kind)
    return list(_KEY_PARAMS.get(kind, ()))


def kinds_in_category(category: str) -> list[LayerKind]:
    """Catalog entries of one category, in palette order."""
    return [k for k in CATALOG.values() if k.category == category]


def check_params(kind: str, params: Any, node_id: str = "") -> dict[str, Any]:
    """Complete ``params`` with the catalog defaults and check every value.

    Returns a new dict in schema order. Raises :class:`ParamError` for an unknown name, a
    wrong type or a value out of range, :class:`UnknownLayerError` for an unknown kind.
    """
    spec = get_kind(kind)
    ids = (node_id,) if node_id else ()
    where = f"{node_id}: " if node_id else ""
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise ParamError(f"{where}parameters must be a mapping, got {type(params).__name__}.", ids)
    known = {p.name for p in spec.params}
    for name in params:
        if name not in known:
            allowed = ", ".join(sorted(known)) or "none"
            raise ParamError(
                f"{where}{spec.name} has no parameter {name!r} (parameters: {allowed}); remove it.",
                ids,
            )
    out: dict[str, Any] = {}
    for p in spec.params:
        out[p.name] = p.check(params[p.name], node_id) if p.name in params else p.default
    return out
