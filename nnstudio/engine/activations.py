"""Activation functions as in-place kernels over preallocated buffers.

Every kernel works on arrays ``(n_samples, *shape)`` of one float dtype and writes its
result with ``out=`` so the training loop allocates nothing. Forward kernels read ``z``
(pre-activation) and write ``a``; backward kernels read ``z``, ``a`` and the gradient with
respect to ``a`` (``ga``) and write the gradient with respect to ``z`` (``gz``).
All of them are stable for ``|z| = 1000`` (no overflow warnings):

- ``sigmoid(z) = 0.5 * tanh(z / 2) + 0.5``
- ``softplus(z) = max(z, 0) + log1p(exp(-|z|))``
- ``elu(z) = z if z > 0 else alpha * expm1(min(z, 0))``
- ``gelu`` is the tanh form ``0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))``, i.e.
  PyTorch's ``GELU(approximate="tanh")`` (NumPy has no vectorised ``erf``).
- ``softmax`` subtracts the row maximum before ``exp``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnstudio.text import Text

from . import fastnp as fnp
from .errors import ConfigError
from .registry import ACTIVATIONS

_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_K = 0.044715


@dataclass
class Scratch:
    """Work buffers of one activation site: ``t``/``s`` like ``z``, ``m`` bool, ``r`` (n, 1, ...).

    ``r`` holds softmax's per-sample reductions over axis 1 (features or channels).
    """

    t: np.ndarray
    s: np.ndarray
    m: np.ndarray
    r: np.ndarray
    slope: float
    alpha: float
    extra: dict = field(default_factory=dict)

    @classmethod
    def like(cls, z: np.ndarray, slope: float, alpha: float) -> Scratch:
        """Scratch for ``z``; ``slope`` (leaky_relu) and ``alpha`` (elu) come filled."""
        n = z.shape[0]
        return cls(
            t=np.empty_like(z),
            s=np.empty_like(z),
            m=np.empty(z.shape, dtype=bool),
            r=np.empty((n, 1, *z.shape[2:]), dtype=z.dtype),
            slope=float(slope),
            alpha=float(alpha),
        )


Kernel = Callable[..., None]


# ---------------------------------------------------------------- forward kernels
def _linear_f(z, a, w):
    if a is not z:
        fnp.copyto(a, z)


def _sigmoid_f(z, a, w):
    np.multiply(z, 0.5, out=a)
    np.tanh(a, out=a)
    a *= 0.5
    a += 0.5


def _tanh_f(z, a, w):
    np.tanh(z, out=a)


def _relu_f(z, a, w):
    np.maximum(z, 0, out=a)


def _leaky_f(z, a, w):
    np.multiply(z, w.slope, out=w.t)
    if w.slope <= 1.0:
        np.maximum(z, w.t, out=a)
    else:
        np.minimum(z, w.t, out=a)


def _elu_f(z, a, w):
    t = w.t
    np.minimum(z, 0, out=t)
    np.expm1(t, out=t)
    t *= w.alpha
    np.maximum(z, 0, out=a)
    a += t


def _gelu_f(z, a, w):
    s = w.s  # keeps tanh(u) for the backward pass
    np.multiply(z, z, out=s)
    s *= _GELU_K
    s += 1.0
    s *= z
    s *= _GELU_C
    np.tanh(s, out=s)
    np.add(s, 1.0, out=w.t)
    w.t *= z
    np.multiply(w.t, 0.5, out=a)


def _softplus_f(z, a, w):
    t = w.t
    np.abs(z, out=t)
    np.negative(t, out=t)
    np.exp(t, out=t)
    np.log1p(t, out=t)
    np.maximum(z, 0, out=a)
    a += t


def _silu_f(z, a, w):
    s = w.s  # keeps sigmoid(z) for the backward pass
    _sigmoid_f(z, s, w)
    np.multiply(z, s, out=a)


def _softmax_f(z, a, w):
    r = w.r
    np.maximum.reduce(z, axis=1, keepdims=True, out=r)
    np.subtract(z, r, out=a)
    np.exp(a, out=a)
    np.add.reduce(a, axis=1, keepdims=True, out=r)
    np.divide(a, r, out=a)


# ---------------------------------------------------------------- backward kernels
def _linear_b(z, a, ga, gz, w):
    if gz is not ga:
        fnp.copyto(gz, ga)


def _sigmoid_b(z, a, ga, gz, w):
    t = w.t
    np.subtract(1.0, a, out=t)
    t *= a
    np.multiply(ga, t, out=gz)


def _tanh_b(z, a, ga, gz, w):
    t = w.t
    np.multiply(a, a, out=t)
    np.subtract(1.0, t, out=t)
    np.multiply(ga, t, out=gz)


def _relu_b(z, a, ga, gz, w):
    np.greater(z, 0, out=w.m)
    np.multiply(ga, w.m, out=gz)


def _leaky_b(z, a, ga, gz, w):
    np.greater(z, 0, out=w.m)
    np.multiply(w.m, 1.0 - w.slope, out=w.t)
    w.t += w.slope
    np.multiply(ga, w.t, out=gz)


def _elu_b(z, a, ga, gz, w):
    np.greater(z, 0, out=w.m)
    np.add(a, w.alpha, out=w.t)
    fnp.copyto(w.t, 1.0, where=w.m)
    np.multiply(ga, w.t, out=gz)


def _gelu_b(z, a, ga, gz, w):
    # d/dz = 0.5 (1 + th) + 0.5 z (1 - th^2) c (1 + 3k z^2), th = tanh(u) kept in w.s
    s, t = w.s, w.t
    np.multiply(z, z, out=t)
    t *= 3.0 * _GELU_K * _GELU_C
    t += _GELU_C
    t *= z
    t *= 0.5
    np.multiply(s, s, out=gz)
    np.subtract(1.0, gz, out=gz)
    t *= gz
    np.add(s, 1.0, out=gz)
    gz *= 0.5
    t += gz
    np.multiply(ga, t, out=gz)


def _softplus_b(z, a, ga, gz, w):
    _sigmoid_f(z, w.t, w)
    np.multiply(ga, w.t, out=gz)


def _silu_b(z, a, ga, gz, w):
    # d/dz = s (1 + z (1 - s)), s = sigmoid(z) kept in w.s
    s, t = w.s, w.t
    np.subtract(1.0, s, out=t)
    t *= z
    t += 1.0
    t *= s
    np.multiply(ga, t, out=gz)


def _softmax_b(z, a, ga, gz, w):
    np.multiply(ga, a, out=w.t)
    np.add.reduce(w.t, axis=1, keepdims=True, out=w.r)
    np.subtract(ga, w.r, out=gz)
    gz *= a


FORWARD: dict[str, Kernel] = {
    "linear": _linear_f,
    "sigmoid": _sigmoid_f,
    "tanh": _tanh_f,
    "relu": _relu_f,
    "leaky_relu": _leaky_f,
    "elu": _elu_f,
    "gelu": _gelu_f,
    "softplus": _softplus_f,
    "silu": _silu_f,
    "softmax": _softmax_f,
}
BACKWARD: dict[str, Kernel] = {
    "linear": _linear_b,
    "sigmoid": _sigmoid_b,
    "tanh": _tanh_b,
    "relu": _relu_b,
    "leaky_relu": _leaky_b,
    "elu": _elu_b,
    "gelu": _gelu_b,
    "softplus": _softplus_b,
    "silu": _silu_b,
    "softmax": _softmax_b,
}
assert set(FORWARD) == set(ACTIVATIONS) == set(BACKWARD)

ALIASES = {"swish": "silu", "identity": "linear", "none": "linear"}


def check_activation(name: object, where: str = Text("activation")) -> str:
    """Return the canonical activation name or raise :class:`ConfigError`."""
    if isinstance(name, str):
        key = ALIASES.get(name.lower(), name.lower())
        if key in FORWARD:
            return key
    raise ConfigError(
        Text(
            "Unknown {what} {name!r}. Choose one of: {choices}.",
            what=where,
            name=name,
            choices=list(ACTIVATIONS),
        )
    )


#: The activation parameter each activation reads (declared with defaults in the catalog).
USES_PARAM: dict[str, str] = {"leaky_relu": "slope", "elu": "alpha"}


def activate(
    name: str, z: np.ndarray, *, slope: float | None = None, alpha: float | None = None
) -> np.ndarray:
    """Apply activation ``name`` to ``z`` (n, width) and return a new array (not hot path).

    leaky_relu needs ``slope`` and elu ``alpha`` (the engine has no defaults; the catalog's
    ``ACTIVATION_PARAMS`` declares them).
    """
    name = check_activation(name)
    given = {"slope": slope, "alpha": alpha}
    needed = USES_PARAM.get(name)
    if needed is not None and given[needed] is None:
        raise ConfigError(
            Text("Activation {name} needs its parameter {key!r}.", name=name, key=needed)
        )
    slope = 0.0 if slope is None else slope  # unused by this activation
    alpha = 0.0 if alpha is None else alpha
    z = np.ascontiguousarray(z)
    if z.ndim == 1:
        z = z[:, None]
    a = np.empty_like(z)
    FORWARD[name](z, a, Scratch.like(z, slope, alpha))
    return a
