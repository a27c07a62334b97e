"""Datasets: synthetic 2-D sets, CSV tables, features, splits and standardization.

NumPy and the standard library only.
"""

from __future__ import annotations

from .csv import load_csv
from .dataset import Dataset, generate_raw, make_dataset
from .errors import DataError
from .features import FEATURES, compute_features
from .preprocess import Preprocessor
from .settings import DataSettings
from .synthetic import DATASETS, DatasetInfo
from .thumbnails import point_colors, thumbnail

__all__ = [
    "DATASETS",
    "FEATURES",
    "DataError",
    "DataSettings",
    "Dataset",
    "DatasetInfo",
    "Preprocessor",
    "compute_features",
    "generate_raw",
    "load_csv",
    "make_dataset",
    "point_colors",
    "thumbnail",
]
