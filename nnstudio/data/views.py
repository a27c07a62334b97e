"""Pictures of data with more than two inputs: a chosen pair of raw features with the others
held at set values, and a projection on the first two principal components.

NumPy only; the GUI draws what these functions compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnstudio.text import Text

from .errors import DataError

MARGIN = 0.1
MAX_PROJECTED = 5000  # samples drawn in the projection (a fixed subsample of larger sets)


@dataclass
class FeaturePair:
    """Raw features ``i`` (x axis) and ``j`` (y axis); every other raw feature is held at
    ``held[k]``. ``held`` has one value per raw feature (those of ``i`` and ``j`` unused)."""

    i: int
    j: int
    held: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        self.held = np.asarray(self.held, dtype=np.float64).reshape(-1)
        if self.i == self.j:
            raise DataError(Text("Choose two different features for the picture."))
        n = self.held.shape[0]
        if not (0 <= self.i < n and 0 <= self.j < n):
            raise DataError(
                Text(
                    "Feature indices {i}, {j} are out of range for {n} raw features.",
                    i=self.i,
                    j=self.j,
                    n=n,
                )
            )

    def embed(self, points: np.ndarray) -> np.ndarray:
        """(m, 2) values of features i, j -> (m, n_raw) raw inputs with the held values."""
        points = np.asarray(points, dtype=np.float64)
        raw = np.repeat(self.held[None, :], points.shape[0], axis=0)
        raw[:, self.i] = points[:, 0]
        raw[:, self.j] = points[:, 1]
        return raw


def default_held(raw: np.ndarray) -> np.ndarray:
    """(n_raw,) median of each raw column (missing values ignored; 0 for an empty column)."""
    raw = np.asarray(raw, dtype=np.float64)
    out = np.zeros(raw.shape[1])
    for k in range(raw.shape[1]):
        col = raw[:, k]
        col = col[~np.isnan(col)]
        if col.size:
            out[k] = float(np.median(col))
    return out


def default_pair(raw_train: np.ndarray) -> FeaturePair:
    """Features 0 and 1, the others held at their training medians."""
    raw_train = np.asarray(raw_train, dtype=np.float64)
    if raw_train.ndim != 2 or raw_train.shape[1] < 2:
        raise DataError(Text("A feature-pair picture needs at least two raw features."))
    return FeaturePair(0, 1, default_held(raw_train))


def pair_bounds(raw: np.ndarray, pair: FeaturePair) -> tuple[float, float, float, float]:
    """``(xmin, xmax, ymin, ymax)`` of features i, j over ``raw`` with a 10 % margin."""
    cols = np.asarray(raw, dtype=np.float64)[:, [pair.i, pair.j]]
    lo, hi = np.nanmin(cols, axis=0), np.nanmax(cols, axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    lo, hi = lo - MARGIN * span, hi + MARGIN * span
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def grid_points(
    bounds: tuple[float, float, float, float], resolution: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``xs`` (res,), ``ys`` (res,), points (res * res, 2) row-major: row ``r`` of the grid
    is ``ys[r]`` (the same layout as ``Session.grid``)."""
    if resolution < 2:
        raise DataError(
            Text("Grid resolution must be at least 2, got {resolution}.", resolution=resolution)
        )
    xmin, xmax, ymin, ymax = bounds
    xs = np.linspace(xmin, xmax, resolution)
    ys = np.linspace(ymin, ymax, resolution)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def pair_grid(
    raw: np.ndarray, pair: FeaturePair, resolution: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``xs``, ``ys`` and the raw inputs (res * res, n_raw) of the grid over features i, j
    (bounds from ``raw``) with the other features at ``pair.held``."""
    xs, ys, points = grid_points(pair_bounds(raw, pair), resolution)
    return xs, ys, pair.embed(points)


@dataclass
class PairData:
    """A dataset seen through a feature pair: what a 2-D picture draws.

    raw_train / raw_test: (n, 2) the two features; y_*, task, n_classes, class_names as in
    the dataset; bounds of the pair with a margin; ``names``: the two features' names.
    """

    raw_train: np.ndarray
    raw_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    task: str
    n_classes: int
    bounds: tuple[float, float, float, float]
    names: tuple[str, str]
    class_names: list[str] | None = None


def pair_view(dataset, pair: FeaturePair) -> PairData:  # noqa: ANN001 - a data.Dataset
    """The dataset's points on features i, j (train and test) for a 2-D picture."""
    cols = [pair.i, pair.j]
    both = np.concatenate([dataset.raw_train, dataset.raw_test])
    names = list(getattr(dataset, "raw_names", None) or dataset.feature_names)
    return PairData(
        raw_train=np.asarray(dataset.raw_train)[:, cols],
        raw_test=np.asarray(dataset.raw_test)[:, cols],
        y_train=dataset.y_train,
        y_test=dataset.y_test,
        task=dataset.task,
        n_classes=dataset.n_classes,
        bounds=pair_bounds(both, pair),
        names=(str(names[pair.i]), str(names[pair.j])),
        class_names=getattr(dataset, "class_names", None),
    )


@dataclass
class Projection:
    """Samples placed by the first two principal components of the standardized inputs.

    coords: (n, 2); components: (2, n_inputs) unit vectors; mean, scale: (n_inputs,) the
    standardization (constant inputs get scale 1); explained: (2,) fraction of the variance
    each component explains.
    """

    coords: np.ndarray
    components: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    explained: np.ndarray

    def transform(self, x: np.ndarray) -> np.ndarray:
        """(m, n_inputs) -> (m, 2) coordinates of other samples in the same plane."""
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        return z @ self.components.T


def pca_projection(x: np.ndarray) -> Projection:
    """Project ``x`` (n, n_inputs) on its first two principal components, computed by the
    SVD of the standardized data. Signs are fixed so that each component's largest
    loading is positive. Missing values (NaN) count as the column mean."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise DataError(Text("A projection needs a table of at least two samples."))
    mean = np.nanmean(x, axis=0) if np.isnan(x).any() else x.mean(axis=0)
    mean = np.where(np.isnan(mean), 0.0, mean)
    z = np.where(np.isnan(x), mean, x) - mean
    scale = z.std(axis=0)
    scale = np.where(scale > 1e-12, scale, 1.0)
    z /= scale
    _u, s, vt = np.linalg.svd(z, full_matrices=False)
    comps = np.zeros((2, x.shape[1]))
    k = min(2, vt.shape[0])
    comps[:k] = vt[:k]
    for r in range(k):
        if comps[r, np.argmax(np.abs(comps[r]))] < 0:
            comps[r] = -comps[r]
    var = s**2
    explained = np.zeros(2)
    explained[:k] = var[:k] / var.sum() if var.sum() > 0 else 0.0
    return Projection(z @ comps.T, comps, mean, scale, explained)


def subsample(n: int, limit: int = MAX_PROJECTED, seed: int = 0) -> np.ndarray:
    """Sorted indices of at most ``limit`` of ``n`` samples (all when ``n <= limit``)."""
    if n <= limit:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=limit, replace=False))


def predicted_classes(outputs: np.ndarray, task: str, threshold: float = 0.5) -> np.ndarray:
    """(n,) class index from network outputs: for one binary output column, 1 where it is
    above ``threshold`` (0.5 for probabilities, 0 for logits); else the argmax."""
    outputs = np.asarray(outputs)
    if task == "binary" and outputs.shape[1] == 1:
        return (outputs[:, 0] > threshold).astype(np.int64)
    return outputs.argmax(axis=1).astype(np.int64)
