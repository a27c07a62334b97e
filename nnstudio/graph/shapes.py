"""Shapes and parameter counts of a network description: thin views of :func:`analyse`.

The rules themselves are the engine layers' ``output_shape``/``weight_shapes``
classmethods, applied once per edit by :mod:`nnstudio.graph.analysis`.
"""

from __future__ import annotations

from .analysis import analyse
from .spec import NetworkSpec


def _shape(n_features: int | None) -> tuple[int, ...] | None:
    return None if n_features is None else (int(n_features),)


def topological_order(spec: NetworkSpec) -> tuple[list[str], list[str]]:
    """``(ordered ids, ids left over in or behind cycles)``: :attr:`Analysis.order`."""
    result = analyse(spec)
    return list(result.order), list(result.cyclic)


def infer_shapes(
    spec: NetworkSpec, n_features: int | None = None
) -> dict[str, tuple[int, ...] | None]:
    """Output shape of every node (e.g. ``(8,)``), or ``None`` where it cannot be known.

    The input node is ``n_features`` wide if given, else its ``units`` parameter.
    """
    return dict(analyse(spec, _shape(n_features)).shapes)


def param_counts(spec: NetworkSpec, n_features: int | None = None) -> dict[str, int]:
    """Trainable parameters per node (0 where the input shape is unknown).

    Dense: ``fan_in * units (+ units with bias)``; BatchNorm: ``2 * units`` (scale and
    shift; the running statistics are not trainable).
    """
    return dict(analyse(spec, _shape(n_features)).param_counts)


def total_params(spec: NetworkSpec, n_features: int | None = None) -> int:
    """Sum of :func:`param_counts`."""
    return analyse(spec, _shape(n_features)).total_params


def output_activation(spec: NetworkSpec, node_id: str) -> str:
    """The activation a node's output ends with (through Dropout and linear Activation
    nodes; ``"linear"`` for layers without one)."""
    return analyse(spec).activations[node_id]
