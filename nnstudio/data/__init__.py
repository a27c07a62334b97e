"""Datasets: synthetic 2-D sets, bundled classic tables, CSV tables (typed columns,
one-hot categories, named classes), features, splits and standardization.

NumPy and the standard library only.
"""

from __future__ import annotations

from .bundled import TABLES, load_bundled
from .csv import load_csv
from .dataset import Dataset, RawData, generate_raw, load_raw, make_dataset
from .encoding import COLUMN_KINDS, MISSING_POLICIES, TableEncoding
from .encoding_fit import fit_encoding
from .errors import DataError
from .features import FEATURES, compute_features
from .preprocess import Preprocessor
from .settings import DataSettings
from .synthetic import DATASETS, TABLE_DATASETS, DatasetInfo
from .table import Table, read_table
from .thumbnails import point_colors, thumbnail

__all__ = [
    "COLUMN_KINDS",
    "DATASETS",
    "MISSING_POLICIES",
    "TABLES",
    "TABLE_DATASETS",
    "RawData",
    "Table",
    "TableEncoding",
    "fit_encoding",
    "load_bundled",
    "load_raw",
    "read_table",
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
