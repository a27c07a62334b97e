"""The preprocessing an exported model applies to its raw inputs (engineered features,
standardization), read from a project's ``data.Preprocessor.to_dict()``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.data.features import FEATURES
from nnstudio.text import Text

from .errors import ExportError

FEATURE_NAMES = FEATURES


@dataclass
class Preprocessing:
    """Raw inputs -> model inputs, as exported.

    features: engineered feature names computed from the first two raw columns, or None
    when the raw columns are used as they are. mean / std: (n_features,) or None.
    """

    n_raw: int
    features: list[str] | None = None
    mean: np.ndarray | None = None
    std: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        if self.features is not None:
            return len(self.features)
        return self.n_raw

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_raw": self.n_raw,
            "features": None if self.features is None else list(self.features),
            "mean": None if self.mean is None else [float(v) for v in self.mean],
            "std": None if self.std is None else [float(v) for v in self.std],
        }


def preprocessing_from_dict(d: Mapping[str, Any] | None, n_features: int) -> Preprocessing:
    """Read a ``data.Preprocessor.to_dict()`` (or None: no preprocessing).

    ``n_features`` is the width the network's input node expects.
    """
    if d is None:
        return Preprocessing(n_raw=n_features)
    if not isinstance(d, Mapping):
        raise ExportError(
            Text(
                "the project's preprocessing description is not a mapping ({kind}); retrain "
                "the network to rebuild it",
                kind=type(d).__name__,
            )
        )
    features = d.get("features")
    mean = d.get("mean")
    std = d.get("std")
    mean_arr = None if mean is None else np.asarray(mean, dtype=np.float64).reshape(-1)
    std_arr = None if std is None else np.asarray(std, dtype=np.float64).reshape(-1)
    engineered: list[str] | None
    if features is None or _is_identity(features):
        engineered = None
    else:
        engineered = [str(f) for f in features]
        unknown = [f for f in engineered if f not in FEATURE_NAMES]
        if unknown:
            raise ExportError(
                Text(
                    "unknown engineered feature(s) {unknown}; the known ones are {known}",
                    unknown=str(unknown),
                    known=str(list(FEATURE_NAMES)),
                )
            )
    n_raw_default = 2 if engineered is not None else n_features
    n_raw = int(d.get("n_raw") or n_raw_default)
    if engineered is not None and n_raw != 2:
        raise ExportError(
            Text(
                "engineered features need 2 raw inputs (x1, x2) but the data has {n_raw}; "
                "use the plain columns instead",
                n_raw=n_raw,
            )
        )
    pre = Preprocessing(n_raw=n_raw, features=engineered, mean=mean_arr, std=std_arr)
    for name, arr in (("mean", mean_arr), ("std", std_arr)):
        if arr is not None and arr.shape != (pre.n_features,):
            raise ExportError(
                Text(
                    "the standardization {name} has {n} values but there are {n_features} "
                    "features; retrain the network to rebuild it",
                    name=name,
                    n=arr.shape[0],
                    n_features=pre.n_features,
                )
            )
    if std_arr is not None and np.any(std_arr == 0):
        raise ExportError(Text("the standardization std contains zeros; retrain the network"))
    return pre


def _is_identity(features: Iterable[Any]) -> bool:
    return list(features) == ["x1", "x2"]
