"""Dataset settings as stored in a project."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from nnstudio.text import Text

from .encoding import COLUMN_KINDS, MISSING_POLICIES
from .errors import DataError
from .features import FEATURES, check_features
from .synthetic import DATASETS
from .table import DELIMITERS

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

    The CSV wizard's choices: ``column_types`` (column name -> ``numeric`` /
    ``categorical`` / ``ignore``; other columns keep their detected type), ``missing``
    (``"drop"`` rows with a missing value or ``"fill"`` them: numbers with the training
    mean, text with a ``"missing"`` category), ``delimiter`` (``","`` ``";"`` ``"\t"``)
    and ``header`` (``None`` = detect). ``image_folder``: the folder of class subfolders
    for ``name == "image_folder"``. For the downloaded image sets (mnist, fashion_mnist)
    ``n_points`` is how many of their 70,000 images are used.
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
    column_types: dict[str, str] = field(default_factory=dict)
    missing: str = "drop"
    delimiter: str | None = None
    header: bool | None = None
    image_folder: str | None = None  # name == "image_folder": one subfolder per class

    def validate(self) -> None:
        """Raise :class:`DataError` naming the first invalid field and its allowed values."""
        if not isinstance(self.name, str) or self.name not in DATASETS:
            raise DataError(
                Text(
                    "Unknown dataset {name!r}; choose one of {datasets}.",
                    name=self.name,
                    datasets=list(DATASETS),
                )
            )
        _int(self.n_points, "n_points", MIN_POINTS, MAX_POINTS)
        _float(self.noise, "noise", 0.0, MAX_NOISE)
        _float(self.train_ratio, "train_ratio", MIN_TRAIN_RATIO, MAX_TRAIN_RATIO)
        _int(self.seed, "seed", 0, MAX_SEED)
        _int(self.n_classes, "n_classes", MIN_CLASSES, MAX_CLASSES)
        check_features(self.features)
        if not isinstance(self.standardize, bool):
            raise DataError(Text("Data setting 'standardize' must be true or false."))
        if self.csv_path is not None and not isinstance(self.csv_path, str):
            raise DataError(Text("Data setting 'csv_path' must be a file path (text) or null."))
        if self.name == "csv" and not self.csv_path:
            raise DataError(Text("The CSV dataset needs a file: set csv_path to a .csv file."))
        if self.image_folder is not None and not isinstance(self.image_folder, str):
            raise DataError(
                Text("Data setting 'image_folder' must be a folder path (text) or null.")
            )
        if self.name == "image_folder" and not self.image_folder:
            raise DataError(Text("The image folder dataset needs a folder: set image_folder."))
        tc = self.target_column
        if tc is not None and (isinstance(tc, bool) or not isinstance(tc, str | int)):
            raise DataError(
                Text("Data setting 'target_column' must be a column name, an index or null.")
            )
        if not isinstance(self.column_types, dict) or any(
            not isinstance(k, str) or v not in COLUMN_KINDS for k, v in self.column_types.items()
        ):
            raise DataError(
                Text(
                    "Data setting 'column_types' must map column names to {kinds}.",
                    kinds=list(COLUMN_KINDS),
                )
            )
        if self.missing not in MISSING_POLICIES:
            raise DataError(
                Text(
                    "Data setting 'missing' is {value!r}; choose one of {policies}.",
                    value=self.missing,
                    policies=list(MISSING_POLICIES),
                )
            )
        if self.delimiter is not None and self.delimiter not in DELIMITERS:
            raise DataError(
                Text("Data setting 'delimiter' must be ',', ';', a tab or null (detect).")
            )
        if self.header is not None and not isinstance(self.header, bool):
            raise DataError(Text("Data setting 'header' must be true, false or null (detect)."))

    def to_dict(self) -> dict[str, Any]:
        """JSON-able copy of every field."""
        d = asdict(self)
        d["features"] = list(self.features)
        d["column_types"] = dict(self.column_types)
        if d["image_folder"] is None:  # files without image folders stay as they were
            del d["image_folder"]
        return d

    @classmethod
    def from_dict(cls, d: Any) -> DataSettings:
        """Build and validate; missing fields take defaults. Raises DataError."""
        if not isinstance(d, dict):
            raise DataError(Text("Data settings must be an object."))
        known = set(cls.__dataclass_fields__)
        extra = set(d) - known
        if extra:
            raise DataError(
                Text(
                    "Unknown data setting(s): {unknown}; known: {known}.",
                    unknown=sorted(map(str, extra)),
                    known=sorted(known),
                )
            )
        kwargs = dict(d)
        if isinstance(kwargs.get("column_types"), dict):
            kwargs["column_types"] = dict(kwargs["column_types"])
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
        raise DataError(
            Text(
                "Data setting '{name}' must be a whole number, got {value!r}.",
                name=name,
                value=value,
            )
        )
    if not lo <= value <= hi:
        raise DataError(_out_of_range(name, value, lo, hi))


def _float(value: Any, name: str, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DataError(
            Text("Data setting '{name}' must be a number, got {value!r}.", name=name, value=value)
        )
    if not lo <= value <= hi:
        raise DataError(_out_of_range(name, value, lo, hi))


def _out_of_range(name: str, value: float, lo: float, hi: float) -> Text:
    return Text(
        "Data setting '{name}' is {value}; it must be between {lo} and {hi}.",
        name=name,
        value=value,
        lo=lo,
        hi=hi,
    )


__all__ = ["DataSettings", "FEATURES"]
