"""Classic tables shipped with the app (``resources/datasets/``), read offline.

The files are the copies the scikit-learn wheel carries (``sklearn/datasets/data``),
unchanged except that wine and breast cancer are gzip-compressed; their first line is
``n_samples,n_features,<class names...>``. Sources and licences: ``resources/datasets/
README.md``. The feature names are those scikit-learn's loaders give.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from nnstudio.text import Text, message

from .errors import DataError


@dataclass(frozen=True)
class BundledTable:
    """One bundled dataset: files, column names and the task."""

    name: str
    title: str
    task: str
    n_classes: int
    data_file: str
    feature_names: tuple[str, ...]
    description: str
    target_file: str | None = None  # diabetes keeps its target in a second file
    delimiter: str | None = ","  # None: whitespace
    meta_line: bool = True  # first line: n_samples,n_features,<class names>


_MEASURES = (
    "radius",
    "texture",
    "perimeter",
    "area",
    "smoothness",
    "compactness",
    "concavity",
    "concave points",
    "symmetry",
    "fractal dimension",
)
_BREAST = (
    tuple(f"mean {m}" for m in _MEASURES)
    + tuple(f"{m} error" for m in _MEASURES)
    + tuple(f"worst {m}" for m in _MEASURES)
)

TABLES: dict[str, BundledTable] = {
    "iris": BundledTable(
        "iris",
        "Iris flowers",
        "multiclass",
        3,
        "iris.csv",
        ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
        "150 flowers, 4 measurements, 3 species (Fisher 1936).",
    ),
    "wine": BundledTable(
        "wine",
        "Wine",
        "multiclass",
        3,
        "wine_data.csv.gz",
        (
            "alcohol",
            "malic_acid",
            "ash",
            "alcalinity_of_ash",
            "magnesium",
            "total_phenols",
            "flavanoids",
            "nonflavanoid_phenols",
            "proanthocyanins",
            "color_intensity",
            "hue",
            "od280/od315_of_diluted_wines",
            "proline",
        ),
        "178 wines, 13 chemical measurements, 3 cultivars.",
    ),
    "breast_cancer": BundledTable(
        "breast_cancer",
        "Breast cancer (Wisconsin)",
        "binary",
        2,
        "breast_cancer.csv.gz",
        _BREAST,
        "569 tumours, 30 cell-nucleus measurements, malignant or benign.",
    ),
    "diabetes": BundledTable(
        "diabetes",
        "Diabetes progression",
        "regression",
        1,
        "diabetes_data_raw.csv.gz",
        ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"),
        "442 patients, 10 baseline values, disease progression after one year.",
        target_file="diabetes_target.csv.gz",
        delimiter=None,
    ),
    "digits": BundledTable(
        "digits",
        "Handwritten digits (8x8)",
        "multiclass",
        10,
        "digits.csv.gz",
        tuple(f"pixel_{r}_{c}" for r in range(8) for c in range(8)),
        "1,797 8x8 images of digits 0-9 (pixel values 0-16).",
        meta_line=False,
    ),
}


def datasets_folder() -> Path:
    """The folder holding the bundled files."""
    from nnstudio import resources_path

    return resources_path() / "datasets"


def _text(path: Path) -> str:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return fh.read()
        return path.read_text(encoding="utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(
            Text(
                "The bundled dataset file {path} cannot be read ({error}); reinstall NN Studio.",
                path=str(path),
                error=message(exc),
            )
        ) from None


@lru_cache(maxsize=8)
def _load(name: str) -> tuple[np.ndarray, np.ndarray, tuple[str, ...] | None]:
    info = TABLES[name]
    folder = datasets_folder()
    text = _text(folder / info.data_file)
    if info.target_file is None:
        first, _, body = text.partition("\n") if info.meta_line else ("", "", text)
        meta = [c.strip() for c in first.split(",")]
        data = np.loadtxt(body.splitlines(), delimiter=info.delimiter, ndmin=2)
        x, y = data[:, :-1], data[:, -1].astype(np.int64)
        class_names = tuple(meta[2:]) if len(meta) > 2 else None
    else:
        x = np.loadtxt(text.splitlines(), delimiter=info.delimiter, ndmin=2)
        y = np.loadtxt(_text(folder / info.target_file).splitlines(), ndmin=1)
        class_names = None
    if x.shape[1] != len(info.feature_names) or x.shape[0] != y.shape[0]:
        raise DataError(
            Text("The bundled dataset {name} is damaged; reinstall NN Studio.", name=name)
        )
    return x, y, class_names


def load_bundled(name: str) -> tuple[np.ndarray, np.ndarray, str, int, list[str], list[str] | None]:
    """``(raw_x, y, task, n_classes, feature_names, class_names)`` of a bundled table.

    raw_x: (n_samples, n_features) float64; y: (n_samples,) int64 labels or float64
    targets; class_names: one name per label (``None`` for regression).
    """
    if name not in TABLES:
        raise DataError(
            Text(
                "Unknown bundled dataset {name!r}; choose one of {datasets}.",
                name=name,
                datasets=list(TABLES),
            )
        )
    info = TABLES[name]
    x, y, class_names = _load(name)
    if info.task != "regression" and class_names is None:
        class_names = tuple(str(i) for i in range(info.n_classes))
    return (
        x.copy(),
        y.copy(),
        info.task,
        info.n_classes,
        list(info.feature_names),
        None if class_names is None else list(class_names),
    )
