"""The network as data: spec, layer catalog, validation, shapes, layout, compilation."""

from __future__ import annotations

from .catalog import (
    ACTIVATION_NAMES,
    CATALOG,
    CATEGORIES,
    INITIALIZER_NAMES,
    LayerKind,
    ParamSpec,
    check_params,
    get_kind,
    key_params,
    kinds_in_category,
)
from .compile import compile_spec
from .errors import (
    ArityError,
    ConnectionError_,
    CycleError,
    DanglingNodeError,
    GraphError,
    InputWidthError,
    InvalidGraphError,
    LossMismatchError,
    MultipleInputsError,
    NoInputError,
    OutputError,
    ParamError,
    SpecFormatError,
    UnknownLayerError,
    WidthMismatchError,
    combine_errors,
)
from .layout import auto_arrange
from .shapes import infer_shapes, output_activation, param_counts, topological_order, total_params
from .spec import Edge, NetworkSpec, Node
from .validation import check_connect, validate

__all__ = [
    "ACTIVATION_NAMES",
    "CATALOG",
    "CATEGORIES",
    "INITIALIZER_NAMES",
    "ArityError",
    "ConnectionError_",
    "CycleError",
    "DanglingNodeError",
    "Edge",
    "GraphError",
    "InputWidthError",
    "InvalidGraphError",
    "LayerKind",
    "LossMismatchError",
    "MultipleInputsError",
    "NetworkSpec",
    "NoInputError",
    "Node",
    "OutputError",
    "ParamError",
    "ParamSpec",
    "SpecFormatError",
    "UnknownLayerError",
    "WidthMismatchError",
    "auto_arrange",
    "check_connect",
    "check_params",
    "combine_errors",
    "compile_spec",
    "get_kind",
    "infer_shapes",
    "key_params",
    "kinds_in_category",
    "output_activation",
    "param_counts",
    "topological_order",
    "total_params",
    "validate",
]
