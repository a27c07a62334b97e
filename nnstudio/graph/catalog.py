"""The catalog: the one registry of layer kinds and of every parameter with its default.

The palette, the inspector, validation, serialization, compilation, the CLI, the templates
and export all read it. Adding a layer kind is one :data:`CATALOG` entry plus its engine
layer (whose classmethods hold the shape rules, see ``nnstudio.engine.layers``).
Activation parameters are declared once in :data:`ACTIVATION_PARAMS` and shared by Dense
and Activation nodes; loss, optimizer, schedule and training-run parameters live in
:mod:`nnstudio.graph.training_params` and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nnstudio.engine.registry import ACTIVATIONS, INITIALIZERS
from nnstudio.text import Text

from .errors import ParamError, UnknownLayerError
from .image_params import CONV2D_PARAMS, IMAGE_INPUT_PARAMS, POOL2D_PARAMS, RESHAPE_PARAMS
from .params import ParamSpec, defaults, fill
from .training_params import (
    LOSS_PARAMS,
    OPTIMIZER_PARAMS,
    SCHEDULE_PARAMS,
    TRAINING_FIELDS,
    default_params,
    fill_named,
    fill_training,
    train_config,
    training_defaults,
)

__all__ = [
    "ACTIVATION_NAMES",
    "ACTIVATION_PARAMS",
    "CATALOG",
    "CATEGORIES",
    "INITIALIZER_NAMES",
    "LOSS_PARAMS",
    "OPTIMIZER_PARAMS",
    "SCHEDULE_PARAMS",
    "TRAINING_FIELDS",
    "LayerKind",
    "ParamSpec",
    "check_params",
    "default_params",
    "fill_node_params",
    "fill_params",
    "fill_training",
    "get_kind",
    "key_params",
    "kinds_in_category",
    "train_config",
    "training_defaults",
]

# The catalog offers exactly the engine's activations and initializers.
ACTIVATION_NAMES: tuple[str, ...] = ACTIVATIONS
INITIALIZER_NAMES: tuple[str, ...] = INITIALIZERS

CATEGORIES: tuple[str, ...] = ("Core", "Activation", "Regularization", "Merge", "Vision")

MAX_UNITS = 100_000


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
        known = [p.name for p in self.params] or Text("none")
        raise ParamError(
            Text(
                "{layer} has no parameter '{name}' (parameters: {known}).",
                layer=self.name,
                name=name,
                known=known,
            )
        )

    def defaults(self) -> dict[str, Any]:
        """Default value of every parameter, in schema order."""
        return defaults(self.params)


_SLOPE = ParamSpec(
    "slope",
    "Leaky slope",
    "float",
    0.01,
    min=0.0,
    max=1.0,
    help="Slope of leaky_relu for negative inputs (used only with leaky_relu; "
    "torch.nn.LeakyReLU negative_slope).",
)
_ALPHA = ParamSpec(
    "alpha",
    "ELU alpha",
    "float",
    1.0,
    min=0.0,
    max=10.0,
    help="Scale of elu for negative inputs (used only with elu; torch.nn.ELU alpha).",
)

#: The parameters of each activation, declared once. Dense and Activation nodes carry all of
#: them (flat, e.g. ``slope`` beside ``activation``); an activation reads only its own.
ACTIVATION_PARAMS: dict[str, tuple[ParamSpec, ...]] = {
    name: {"leaky_relu": (_SLOPE,), "elu": (_ALPHA,)}.get(name, ()) for name in ACTIVATIONS
}
_ACTIVATION_PARAM_SPECS: tuple[ParamSpec, ...] = tuple(
    dict.fromkeys(p for specs in ACTIVATION_PARAMS.values() for p in specs)
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
            *IMAGE_INPUT_PARAMS,
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
            *_ACTIVATION_PARAM_SPECS,
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
            *_ACTIVATION_PARAM_SPECS,
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
                0.5,
                min=0.0,
                max=0.95,
                help="Fraction of values dropped during training (0 to 0.95; torch.nn.Dropout p).",
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


def _vision(kind: str, name: str, description: str, params=()) -> LayerKind:
    return LayerKind(kind, name, "Vision", description, 1, 1, tuple(params), f"{kind}.svg")


# Image layers (data (channels, height, width), NCHW like PyTorch). Conv2D shares Dense's
# activation, bias and initializer parameters.
_DENSE = CATALOG["dense"]
CATALOG.update(
    {
        "conv2d": _vision(
            "conv2d",
            "Conv2D",
            "2-D convolution: each filter slides over the image and sums kernel x pixels "
            "over all input channels (torch.nn.Conv2d), then applies the activation.",
            (
                *CONV2D_PARAMS,
                *(_DENSE.param(n) for n in ("activation", "use_bias", "init")),
                *_ACTIVATION_PARAM_SPECS,
            ),
        ),
        "maxpool2d": _vision(
            "maxpool2d",
            "MaxPool2D",
            "Keeps the largest value of each window of each channel (torch.nn.MaxPool2d).",
            POOL2D_PARAMS,
        ),
        "avgpool2d": _vision(
            "avgpool2d",
            "AvgPool2D",
            "Replaces each window of each channel by its mean (torch.nn.AvgPool2d).",
            POOL2D_PARAMS,
        ),
        "globalavgpool": _vision(
            "globalavgpool",
            "Global Avg Pool",
            "Averages each channel over the whole image: (channels, h, w) -> (channels,).",
        ),
        "flatten": _vision(
            "flatten",
            "Flatten",
            "Unrolls an image (channels, h, w) into channels x h x w features, in that order "
            "(torch.nn.Flatten); put it between image layers and Dense.",
        ),
        "reshape": _vision(
            "reshape",
            "Reshape",
            "Views the same values with a new shape (channels, height, width), e.g. 64 "
            "features as a 1 x 8 x 8 image.",
            RESHAPE_PARAMS,
        ),
    }
)

_KEY_PARAMS: dict[str, tuple[str, ...]] = {
    "input": ("units",),
    "dense": ("units", "activation"),
    "activation": ("activation",),
    "dropout": ("rate",),
    "batchnorm": (),
    "add": (),
    "concat": (),
    "conv2d": ("filters", "kernel_size", "activation"),
    "maxpool2d": ("pool_size",),
    "avgpool2d": ("pool_size",),
    "globalavgpool": (),
    "flatten": (),
    "reshape": ("channels", "height", "width"),
}


def get_kind(kind: str) -> LayerKind:
    """The catalog entry of ``kind``; raises :class:`UnknownLayerError` if there is none."""
    try:
        return CATALOG[kind]
    except (KeyError, TypeError):
        raise UnknownLayerError(
            Text(
                "Unknown layer kind {kind!r}; known kinds: {known}.", kind=kind, known=list(CATALOG)
            )
        ) from None


def key_params(kind: str) -> list[str]:
    """Names of the parameters a canvas node of ``kind`` shows (e.g. units + activation)."""
    get_kind(kind)
    return list(_KEY_PARAMS.get(kind, ()))


def kinds_in_category(category: str) -> list[LayerKind]:
    """Catalog entries of one category, in palette order."""
    return [k for k in CATALOG.values() if k.category == category]


def fill_node_params(kind: str, params: Any, node_id: str = "") -> dict[str, Any]:
    """Complete ``params`` of a node of ``kind`` with the catalog defaults; check every value.

    Returns a new dict in schema order. Raises :class:`ParamError` for an unknown name, a
    wrong type or a value out of range, :class:`UnknownLayerError` for an unknown kind.
    """
    spec = get_kind(kind)
    return fill(spec.params, params, node_id, spec.name)


#: The name this function had before the settings tables existed.
check_params = fill_node_params


def fill_params(table: str, name: str, params: Any = None) -> dict[str, Any]:
    """Complete the parameters of one entry of a table and check them.

    ``table`` is ``"layer"`` (``name`` a layer kind), ``"activation"``, ``"loss"``,
    ``"optimizer"`` or ``"schedule"``. Raises :class:`ParamError` naming the parameter.
    """
    if table == "layer":
        return fill_node_params(name, params)
    if table == "activation":
        return fill_named(ACTIVATION_PARAMS, "activation", name, params)
    if table in ("loss", "optimizer", "schedule"):
        tables = {"loss": LOSS_PARAMS, "optimizer": OPTIMIZER_PARAMS, "schedule": SCHEDULE_PARAMS}
        return fill_named(tables[table], table, name, params)
    raise ParamError(
        Text(
            "Unknown parameter table {table!r}; use layer, activation, loss, optimizer or "
            "schedule.",
            table=table,
        )
    )
