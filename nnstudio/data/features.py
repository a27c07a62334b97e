"""Engineered input features computed from raw 2-D points (as in TensorFlow Playground)."""

from __future__ import annotations

import numpy as np

from nnstudio.text import Text

from .errors import DataError

FEATURES: tuple[str, ...] = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")

_FUNCS = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1^2": lambda a, b: a * a,
    "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b,
    "sin(x1)": lambda a, b: np.sin(a),
    "sin(x2)": lambda a, b: np.sin(b),
}


def check_features(features: object) -> list[str]:
    """Validate a feature list: non-empty, known names, no repeats. Raises DataError."""
    if not isinstance(features, list | tuple) or not features:
        raise DataError(
            Text("Choose at least one input feature among {features}.", features=list(FEATURES))
        )
    seen: list[str] = []
    for f in features:
        if f not in FEATURES:
            raise DataError(
                Text(
                    "Unknown feature {feature!r}; choose among {features}.",
                    feature=f,
                    features=list(FEATURES),
                )
            )
        if f in seen:
            raise DataError(
                Text("Feature {feature!r} is listed twice; list each feature once.", feature=f)
            )
        seen.append(f)
    return seen


def compute_features(raw: np.ndarray, features: list[str] | tuple[str, ...]) -> np.ndarray:
    """Engineered features of raw 2-D points.

    Args:
        raw: (n_samples, 2) points (x1, x2).
        features: names from :data:`FEATURES`, in output column order.

    Returns:
        (n_samples, len(features)) float64.
    """
    raw = np.asarray(raw, dtype=np.float64)
    if raw.ndim != 2 or raw.shape[1] != 2:
        raise DataError(
            Text(
                "Engineered features need 2-D points (n, 2); got shape {shape}. "
                "Use the raw columns for tables with more or fewer features.",
                shape=raw.shape,
            )
        )
    names = check_features(list(features))
    a, b = raw[:, 0], raw[:, 1]
    out = np.empty((raw.shape[0], len(names)), dtype=np.float64)
    for j, name in enumerate(names):
        out[:, j] = _FUNCS[name](a, b)
    return out
