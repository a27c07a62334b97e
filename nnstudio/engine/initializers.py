"""Weight initializers for Dense weights stored ``(fan_in, fan_out)``.

- ``glorot_uniform``: U(-l, l), l = sqrt(6 / (fan_in + fan_out))
- ``glorot_normal``: N(0, 2 / (fan_in + fan_out))
- ``he_uniform``: U(-l, l), l = sqrt(6 / fan_in)
- ``he_normal``: N(0, 2 / fan_in)
- ``lecun_normal``: N(0, 1 / fan_in)
- ``zeros``
- ``normal``: N(0, std^2), ``std`` default 0.05

``auto`` picks He for the relu family (relu, leaky_relu, elu, gelu, silu) and Glorot
uniform otherwise. Biases always start at zero.
"""

from __future__ import annotations

import math

import numpy as np

from nnstudio.text import Text

from .errors import ConfigError
from .registry import INITIALIZERS, RELU_FAMILY


def default_initializer(activation: str) -> str:
    """The ``auto`` initializer for a layer followed by ``activation``."""
    return "he_uniform" if activation in RELU_FAMILY else "glorot_uniform"


def check_initializer(name: object) -> str:
    if isinstance(name, str) and (name == "auto" or name in INITIALIZERS):
        return name
    raise ConfigError(
        Text(
            "Unknown initializer {name!r}. Choose 'auto' or one of: {choices}.",
            name=name,
            choices=list(INITIALIZERS),
        )
    )


def initialize(
    name: str,
    shape: tuple[int, ...],
    rng: np.random.Generator,
    *,
    std: float = 0.05,
    fans: tuple[int, int] | None = None,
) -> np.ndarray:
    """Return a float64 array of ``shape`` drawn from ``rng``.

    ``shape`` is (fan_in, fan_out) unless ``fans`` gives them, e.g. a convolution weight
    (out, in, kh, kw) has fan_in = in * kh * kw and fan_out = out * kh * kw (as PyTorch).
    """
    fan_in, fan_out = shape if fans is None else fans
    if name == "glorot_uniform":
        lim = math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-lim, lim, size=shape)
    if name == "glorot_normal":
        return rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), size=shape)
    if name == "he_uniform":
        lim = math.sqrt(6.0 / fan_in)
        return rng.uniform(-lim, lim, size=shape)
    if name == "he_normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=shape)
    if name == "lecun_normal":
        return rng.normal(0.0, math.sqrt(1.0 / fan_in), size=shape)
    if name == "zeros":
        return np.zeros(shape)
    if name == "normal":
        return rng.normal(0.0, float(std), size=shape)
    raise ConfigError(
        Text(
            "Unknown initializer {name!r}. Choose one of: {choices}.",
            name=name,
            choices=list(INITIALIZERS),
        )
    )
