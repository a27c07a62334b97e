"""Build a ready-to-train dataset from settings: generate, shuffle, split, preprocess."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.text import Text

from .bundled import TABLES, load_bundled
from .encoding import TableEncoding
from .encoding_fit import fit_encoding
from .errors import DataError
from .image_sets import IMAGE_FOLDER, IMAGE_SETS, load_image_set, pixel_names, read_image_folder
from .preprocess import Preprocessor
from .settings import DataSettings
from .synthetic import DATASETS, TABLE_DATASETS
from .table import read_table

BOUNDS_MARGIN = 0.1


@dataclass
class Dataset:
    """Train/test arrays plus everything needed to plot and to preprocess new inputs.

    Attributes:
        x_train: (n_train, n_features) float64 model inputs (features + standardization).
        y_train: (n_train,) int64 labels, or (n_train,) float64 regression targets.
        x_test, y_test: the same for the test split.
        raw_train, raw_test: (n, n_raw) float64 inputs before preprocessing (for plotting).
        task: ``"binary"``, ``"multiclass"`` or ``"regression"``.
        n_classes: 2 for binary, k for multiclass, 1 for regression.
        feature_names: names of the model's input columns.
        preprocessor: the fitted raw -> model input transform.
        bounds: ``(xmin, xmax, ymin, ymax)`` of the raw 2-D data with a 10 % margin, or
            ``None`` if the raw data is not 2-D.
        class_names: one name per class label of a table (``None`` for regression and
            the synthetic sets, whose classes are their indices).
        encoding: for CSV files, how the columns were encoded (else ``None``).
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    raw_train: np.ndarray
    raw_test: np.ndarray
    task: str
    n_classes: int
    feature_names: list[str]
    preprocessor: Preprocessor
    bounds: tuple[float, float, float, float] | None
    class_names: list[str] | None = None
    encoding: TableEncoding | None = None

    @property
    def n_features(self) -> int:
        """Number of model input columns."""
        return int(self.x_train.shape[1])


@dataclass
class RawData:
    """Unshuffled raw data of a dataset.

    raw: (n_samples, n_raw) float64 (NaN where a CSV value is missing and filled later);
    y: (n_samples,) int64 labels or float64 targets; names: raw column names.
    """

    raw: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int
    names: list[str]
    class_names: list[str] | None = None
    encoding: TableEncoding | None = None


def load_raw(settings: DataSettings) -> RawData:
    """Generate, read the bundled table, or read and encode the CSV file of ``settings``."""
    info = DATASETS[settings.name]
    if settings.name in TABLES:
        raw, y, task, n_classes, names, class_names = load_bundled(settings.name)
        return RawData(raw, y, task, n_classes, names, class_names)
    if settings.name in IMAGE_SETS:
        info = IMAGE_SETS[settings.name]
        raw, y = load_image_set(settings.name, settings.n_points, settings.seed)
        names = pixel_names(info.shape)
        return RawData(raw, y, "multiclass", len(info.class_names), names, list(info.class_names))
    if settings.name == IMAGE_FOLDER:
        raw, y, classes, shape = read_image_folder(settings.image_folder or "")
        return RawData(raw, y, "multiclass", len(classes), pixel_names(shape), classes)
    if settings.name == "csv":
        table = read_table(settings.csv_path or "", settings.delimiter, settings.header)
        enc = fit_encoding(
            table, settings.target_column, dict(settings.column_types), settings.missing
        )
        raw, y, _rows = enc.encode(table)
        n_classes = 1 if enc.classes is None else len(enc.classes)
        return RawData(raw, y, enc.task, n_classes, enc.feature_names, enc.classes, enc)
    rng = np.random.default_rng(settings.seed)
    n_classes = info.n_classes if info.n_classes is not None else settings.n_classes
    raw, y = info.generator(settings.n_points, settings.noise, rng, n_classes)
    return RawData(raw, y, str(info.task), int(n_classes), ["x1", "x2"])


def generate_raw(settings: DataSettings) -> tuple[np.ndarray, np.ndarray, str, int, list[str]]:
    """Unshuffled raw data: ``(raw_x, y, task, n_classes, raw_column_names)``."""
    r = load_raw(settings)
    return r.raw, r.y, r.task, r.n_classes, r.names


def make_dataset(settings: DataSettings) -> Dataset:
    """Generate (or load), shuffle and split by ``train_ratio``, fit the preprocessor on the
    training split and transform both splits. Same settings -> same arrays.

    Raises DataError for invalid settings or an unusable CSV file.
    """
    settings.validate()
    data = load_raw(settings)
    raw, y, task, n_classes, raw_names = data.raw, data.y, data.task, data.n_classes, data.names
    data.raw = data.y = None  # so that the unshuffled arrays are freed by the shuffle
    rng = np.random.default_rng([settings.seed, 1])
    order = rng.permutation(raw.shape[0])
    raw, y = raw[order], y[order]  # fresh arrays: the splits below are views of them
    n_train = int(np.floor(raw.shape[0] * settings.train_ratio))
    if n_train < 1 or n_train >= raw.shape[0]:
        raise DataError(
            Text(
                "Splitting {n} points with train ratio {ratio} leaves one split empty: use "
                "more points or a ratio nearer 0.5.",
                n=raw.shape[0],
                ratio=settings.train_ratio,
            )
        )
    raw_train, raw_test = raw[:n_train], raw[n_train:]
    if settings.name in TABLE_DATASETS:
        pre = Preprocessor(None, settings.standardize)
        feature_names = list(raw_names)
    else:
        pre = Preprocessor(list(settings.features), settings.standardize)
        feature_names = list(settings.features)
    if settings.name in TABLE_DATASETS:  # stored with the project for predict
        pre.encoding = data.encoding
        pre.class_names = None if data.class_names is None else list(data.class_names)
    pre.fit(raw_train)
    bounds = None
    if raw.shape[1] == 2:
        lo, hi = np.nanmin(raw, axis=0), np.nanmax(raw, axis=0)
        span = np.where(hi > lo, hi - lo, 1.0)
        lo, hi = lo - BOUNDS_MARGIN * span, hi + BOUNDS_MARGIN * span
        bounds = (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))
    return Dataset(
        x_train=pre.transform(raw_train),
        y_train=y[:n_train],
        x_test=pre.transform(raw_test),
        y_test=y[n_train:],
        raw_train=raw_train,
        raw_test=raw_test,
        task=task,
        n_classes=n_classes,
        feature_names=feature_names,
        preprocessor=pre,
        bounds=bounds,
        class_names=data.class_names,
        encoding=data.encoding,
    )
