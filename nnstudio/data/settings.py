"""Dataset settings as stored in a project."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import DataError
from .features import FEATURES, check_features
from .synthetic import DATASETS

MIN_POINTS = 10
MAX_POINTS = 200_000
MIN_CLASSES = 2
MAX_CLASSES = 8
MAX_NOISE = 0.5
MIN_TRAIN_RATIO = 0.1
MAX_TRAIN_RATIO = 0.9
MAX_SEED = 2**32 - 1


@dataclass
class DataSettings:
    """Which dataset, how many points, noise, split, seed, features, scaling.

    ``noise`` is a fraction 0..0.5 (the Playground's 0..50 %), ``train_ratio`` 0.1..0.9,
    ``n_classes`` 2..8 (blobs / spiral_multi only), ``features`` names from ``FEATURES``
    (2-D sets only), ``csv_path``/``target_column`` for ``name == "csv"``.
    """

    name: str = "spiral"
    n_points: int = 500
    noise: float = 0.0
    train_ratio: float = 0.5
    seed: int = 0
    n_classes: int = 3
    features: list[str] = field(default_factory=lambda: ["x1", "x2"])
    standardize: bool = True
    csv_path: str | None = None
    target_column: str | int | None = None

    def validate(self) -> None:
        """Raise :class:`DataError` naming the first invalid field and its allowed values."""
        if not isinstance(self.name, str) or self.name not in DATASETS:
            raise DataError(f"Unknown dataset {self.name!r}; choose one of {', '.join(DATASETS)}.")
        _int(self.n_points, "n_points", MIN_POINTS, MAX_POINTS)
        _float(self.noise, "noise", 0.0, MAX_NOISE)
        _float(self.train_ratio, "train_ratio", MIN_TRAIN_RATIO, MAX_TRAIN_RATIO)
        _int(self.seed, "seed", 0, MAX_SEED)
        _int(self.n_classes, "n_classes", MIN_CLASSES, MAX_CLASSES)
        check_features(self.features)
        if not isinstance(self.standardize, bool):
            raise DataError("Data setting 'standardize' must be true or false.")
        if self.csv_path is not None and not isinstance(self.csv_path, str):
            raise DataError("Data setting 'csv_path' must be a file path (text) or null.")
        if self.name == "csv" and not self.csv_path:
            raise DataError("The CSV dataset needs a file: set csv_path to a .csv file.")
        tc = self.target_column
        if tc is not None and (isinstance(tc, bool) or not isinstance(tc, str | int)):
            raise DataError("Data setting 'target_column' must be a column name, an index or null.")

    def to_dict(self) -> dict[str, Any]:
        """JSON-able copy of every field."""
        d = asdict(self)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, d: Any) -> DataSettings:
        """Build and validate; missing fields take defaults. Raises DataError."""
        if not isinstance(d, dict):
            raise DataError("Data settings must be an object.")
        known = set(cls.__dataclass_fields__)
        extra = set(d) - known
        if extra:
            raise DataError(
                f"Unknown data setting(s): {', '.join(sorted(map(str, extra)))}; known: "
                f"{', '.join(sorted(known))}."
            )
        kwargs = dict(d)
        if "features" in kwargs and isinstance(kwargs["features"], list | tuple):
            kwargs["features"] = list(kwargs["features"])
        if isinstance(kwargs.get("noise"), int) and not isinstance(kwargs.get("noise"), bool):
            kwargs["noise"] = float(kwargs["noise"])
        if isinstance(kwargs.get("train_ratio"), int) and not isinstance(
            kwargs.get("train_ratio"), bool
        ):
            kwargs["train_ratio"] = float(kwargs["train_ratio"])
        settings = cls(**kwargs)
        settings.validate()
        return settings

    @property
    def task(self) -> str | None:
        """``"binary"``, ``"multiclass"``, ``"regression"``; ``None`` for csv (file decides)."""
        info = DATASETS.get(self.name)
        return info.task if info else None


def _int(value: Any, name: str, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"Data setting '{name}' must be a whole number, got {value!r}.")
    if not lo <= value <= hi:
        raise DataError(f"Data setting '{name}' is {value}; it must be between {lo} and {hi}.")


def _float(value: Any, name: str, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DataError(f"Data setting '{name}' must be a number, got {value!r}.")
    if not lo <= value <= hi:
        raise DataError(f"Data setting '{name}' is {value}; it must be between {lo} and {hi}.")


__all__ = ["DataSettings", "FEATURES"]
