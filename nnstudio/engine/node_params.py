"""Checks of a node's (filled) parameter values shared by the layer kinds: each raises
:class:`~nnstudio.engine.errors.ConfigError` naming the node, the parameter and the
allowed values (the engine has no defaults: the catalog fills every parameter)."""

from __future__ import annotations

import numpy as np

from nnstudio.text import Text

from .activations import check_activation
from .errors import ConfigError


def _missing(node, key: str) -> ConfigError:
    return ConfigError(
        Text(
            "Node {id!r} ({kind}) lacks the parameter {key!r}; the graph fills every "
            "parameter from the catalog (nnstudio.graph.fill_node_params), pass a complete dict.",
            id=node.id,
            kind=node.kind,
            key=key,
        )
    )


def _int_param(node, key, minimum=1):
    if key not in node.params:
        raise _missing(node, key)
    v = node.params[key]
    if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < minimum:
        raise ConfigError(
            Text(
                "Node {id!r}: {key} must be a whole number >= {minimum}, got {value!r}.",
                id=node.id,
                key=key,
                minimum=minimum,
                value=v,
            )
        )
    return int(v)


def _float_param(node, key, lo=None, hi=None, lo_open=False, hi_open=False):
    if key not in node.params:
        raise _missing(node, key)
    v = node.params[key]
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise ConfigError(
            Text(
                "Node {id!r}: {key} must be a number, got {value!r}.", id=node.id, key=key, value=v
            )
        ) from None
    bad = not np.isfinite(f)
    if lo is not None:
        bad |= f <= lo if lo_open else f < lo
    if hi is not None:
        bad |= f >= hi if hi_open else f > hi
    if bad:
        low = None if lo is None else (Text("> {lo}", lo=lo) if lo_open else Text(">= {lo}", lo=lo))
        high = (
            None if hi is None else (Text("< {hi}", hi=hi) if hi_open else Text("<= {hi}", hi=hi))
        )
        if low is not None and high is not None:
            rng = Text("{low} and {high}", low=low, high=high)
        else:
            rng = low if high is None else high
        raise ConfigError(
            Text(
                "Node {id!r}: {key} must be {range}, got {value!r}.",
                id=node.id,
                key=key,
                range=rng,
                value=v,
            )
        )
    return f


def _bool_param(node, key):
    if key not in node.params:
        raise _missing(node, key)
    v = node.params[key]
    if not isinstance(v, bool | np.bool_):
        raise ConfigError(
            Text(
                "Node {id!r}: {key} must be true or false, got {value!r}.",
                id=node.id,
                key=key,
                value=v,
            )
        )
    return bool(v)


def _activation_params(node) -> tuple[str, float, float]:
    """The activation of a Dense/Activation node and its slope and alpha (all required)."""
    if "activation" not in node.params:
        raise _missing(node, "activation")
    act = check_activation(node.params["activation"])
    return act, _float_param(node, "slope"), _float_param(node, "alpha")
