"""Raw inputs -> model inputs: engineered features, then standardization."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nnstudio.text import Text

from .encoding import TableEncoding
from .errors import DataError
from .features import check_features, compute_features


class Preprocessor:
    """Feature transform plus standardization fitted on the training split only.

    Attributes:
        features: engineered feature names for 2-D data, or ``None`` to pass the raw
            columns through (CSV tables).
        standardize: whether :meth:`fit` computes ``mean``/``std``.
        mean, std: (n_features,) arrays after :meth:`fit` (``None`` before, or when
            ``standardize`` is off). Constant features get ``std = 1``.
        fill: (n_features,) training means put where an input is missing (NaN); set by
            :meth:`fit` when the training inputs have missing values or the table
            encoding's policy is ``"fill"``, else ``None``.
        encoding: how a table's columns became the raw inputs (CSV datasets), kept so that
            ``predict`` encodes new rows the same way; ``None`` otherwise. Set it before
            :meth:`fit`.
        class_names: one name per class label (``None``: regression, or unnamed classes).
    """

    def __init__(self, features: list[str] | None = None, standardize: bool = True) -> None:
        self.features: list[str] | None = None if features is None else check_features(features)
        self.standardize = bool(standardize)
        self.mean: np.ndarray | None = None
        self.std: np.ndarray | None = None
        self.n_raw: int | None = 2 if features is not None else None
        self.fill: np.ndarray | None = None
        self.encoding: TableEncoding | None = None
        self.class_names: list[str] | None = None

    def _features(self, raw: np.ndarray) -> np.ndarray:
        raw = np.asarray(raw, dtype=np.float64)
        if raw.ndim == 1:
            raw = raw[:, None]
        if raw.ndim != 2:
            raise DataError(
                Text("Inputs must be a table (n_samples, n_columns); got {shape}.", shape=raw.shape)
            )
        if self.n_raw is not None and raw.shape[1] != self.n_raw:
            raise DataError(
                Text(
                    "Expected {expected} input columns, got {n}: give the same columns the "
                    "network was trained on.",
                    expected=self.n_raw,
                    n=raw.shape[1],
                )
            )
        if self.features is not None:
            return compute_features(raw, self.features)
        return raw.copy()

    def fit(self, raw_train: np.ndarray) -> Preprocessor:
        """Learn the standardization from ``raw_train`` (n_train, n_raw). Returns self."""
        x = self._features(raw_train)
        if self.n_raw is None:
            self.n_raw = x.shape[1]
        nan = np.isnan(x)
        fills = self.encoding is not None and self.encoding.missing == "fill"
        if nan.any() or fills:
            counts = (~nan).sum(axis=0)
            sums = np.where(nan, 0.0, x).sum(axis=0)
            self.fill = np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)
            x = self._filled(x)
        else:
            self.fill = None
        if self.standardize:
            if x.shape[0] == 0:
                raise DataError(Text("Cannot standardize an empty training split; add more rows."))
            self.mean = x.mean(axis=0)
            std = x.std(axis=0)
            self.std = np.where(std > 1e-12, std, 1.0)
        return self

    def transform(self, raw: np.ndarray) -> np.ndarray:
        """(n, n_raw) raw inputs -> (n, n_features) float64 model inputs."""
        x = self._filled(self._features(raw))
        if self.standardize:
            if self.mean is None or self.std is None:
                raise DataError(Text("The preprocessor is not fitted yet; call fit() first."))
            if x.shape[1] != self.mean.shape[0]:
                raise DataError(
                    Text(
                        "Expected {expected} features, got {n}.",
                        expected=self.mean.shape[0],
                        n=x.shape[1],
                    )
                )
            x -= self.mean
            x /= self.std
        return x

    def _filled(self, x: np.ndarray) -> np.ndarray:
        """``x`` with missing inputs (NaN) replaced by the training means, in place."""
        nan = np.isnan(x)
        if not nan.any():
            return x
        if self.fill is None:
            j = int(np.flatnonzero(nan.any(axis=0))[0])
            raise DataError(
                Text(
                    "Input column {column} has a missing value, and the training data had "
                    "none to learn a fill value from; give every value.",
                    column=j + 1,
                )
            )
        x[nan] = np.broadcast_to(self.fill, x.shape)[nan]
        return x

    @property
    def n_features(self) -> int | None:
        """Width of :meth:`transform`'s output (``None`` until known)."""
        if self.features is not None:
            return len(self.features)
        return self.n_raw

    def to_dict(self) -> dict[str, Any]:
        """JSON-able state: features, standardize, n_raw, mean, std (lists or None); and,
        only when set, fill (list), table (the encoding) and classes (names)."""
        d: dict[str, Any] = {
            "features": None if self.features is None else list(self.features),
            "standardize": self.standardize,
            "n_raw": self.n_raw,
            "mean": None if self.mean is None else [float(v) for v in self.mean],
            "std": None if self.std is None else [float(v) for v in self.std],
        }
        if self.fill is not None:
            d["fill"] = [float(v) for v in self.fill]
        if self.encoding is not None:
            d["table"] = self.encoding.to_dict()
        if self.class_names is not None:
            d["classes"] = list(self.class_names)
        return d

    @classmethod
    def from_dict(cls, d: Any) -> Preprocessor:
        """Rebuild from :meth:`to_dict` output; raises DataError if malformed."""
        if not isinstance(d, dict):
            raise DataError(Text("Preprocessor settings must be an object."))
        extra = set(d) - {"features", "standardize", "n_raw", "mean", "std"} - _OPTIONAL
        if extra:
            raise DataError(
                Text("Unknown preprocessor field(s): {fields}.", fields=sorted(map(str, extra)))
            )
        features = d.get("features")
        standardize = d.get("standardize", True)
        if not isinstance(standardize, bool):
            raise DataError(Text("Preprocessor 'standardize' must be true or false."))
        if features is not None and not isinstance(features, list):
            raise DataError(Text("Preprocessor 'features' must be a list of names or null."))
        pre = cls(features, standardize)
        n_raw = d.get("n_raw", pre.n_raw)
        if n_raw is not None and (
            isinstance(n_raw, bool) or not isinstance(n_raw, int) or n_raw < 1
        ):
            raise DataError(Text("Preprocessor 'n_raw' must be a positive whole number."))
        if features is not None and n_raw not in (None, 2):
            raise DataError(Text("Engineered features need 2 raw columns (n_raw = 2)."))
        pre.n_raw = n_raw if features is None else 2
        mean, std = d.get("mean"), d.get("std")
        if (mean is None) != (std is None):
            raise DataError(Text("Preprocessor needs both 'mean' and 'std', or neither."))
        if mean is not None:
            pre.mean = _vector(mean, "mean")
            pre.std = _vector(std, "std")
            if pre.mean.shape != pre.std.shape:
                raise DataError(Text("Preprocessor 'mean' and 'std' have different lengths."))
            if np.any(pre.std <= 0):
                raise DataError(Text("Preprocessor 'std' values must be positive."))
            width = pre.n_features
            if width is not None and pre.mean.shape[0] != width:
                raise DataError(
                    Text(
                        "Preprocessor has {n} means for {width} features.",
                        n=pre.mean.shape[0],
                        width=width,
                    )
                )
        if d.get("fill") is not None:
            pre.fill = _vector(d["fill"], "fill")
        if d.get("table") is not None:
            pre.encoding = TableEncoding.from_dict(d["table"])
        classes = d.get("classes")
        if classes is not None:
            if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
                raise DataError(Text("Preprocessor 'classes' must be a list of class names."))
            pre.class_names = list(classes)
        return pre


_OPTIONAL = {"fill", "table", "classes"}


def _vector(values: Any, name: str) -> np.ndarray:
    if not isinstance(values, list) or not values:
        raise DataError(
            Text("Preprocessor '{name}' must be a non-empty list of numbers.", name=name)
        )
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise DataError(
                Text(
                    "Preprocessor '{name}' must hold finite numbers; got {value!r}.",
                    name=name,
                    value=v,
                )
            )
    return np.asarray(values, dtype=np.float64)
