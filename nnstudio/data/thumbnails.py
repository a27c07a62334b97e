"""Small raster previews of the synthetic datasets (no plotting library needed)."""

from __future__ import annotations

import numpy as np

from .bundled import TABLES, load_bundled
from .synthetic import DATASETS

ORANGE = np.array([245, 147, 34], dtype=np.float64)  # Playground's negative class
BLUE = np.array([8, 119, 189], dtype=np.float64)  # Playground's positive class
BACKGROUND = np.array([248, 248, 248], dtype=np.float64)
WHITE = np.array([255, 255, 255], dtype=np.float64)
CLASS_COLORS = np.array(
    [
        [245, 147, 34],
        [8, 119, 189],
        [76, 175, 80],
        [156, 39, 176],
        [229, 57, 53],
        [0, 150, 136],
        [121, 85, 72],
        [96, 125, 139],
    ],
    dtype=np.float64,
)
EXTENT = 6.0  # the Playground's -6..6 view
THUMBNAIL_POINTS = 300


def point_colors(y: np.ndarray, task: str) -> np.ndarray:
    """(n, 3) float RGB per point: class colours (orange = 0, blue = 1, ...) or, for
    regression targets in [-1, 1], a ramp orange -> white -> blue."""
    if task == "regression":
        t = np.clip(np.asarray(y, dtype=np.float64), -1.0, 1.0)[:, None]
        return np.where(t < 0, WHITE + (ORANGE - WHITE) * -t, WHITE + (BLUE - WHITE) * t)
    return CLASS_COLORS[np.asarray(y, dtype=np.int64) % len(CLASS_COLORS)]


def thumbnail(name: str, size: int = 48, n_classes: int = 3, seed: int = 0) -> np.ndarray:
    """A ``(size, size, 3)`` uint8 picture of dataset ``name``.

    Rasterises 300 noise-free points of the -6..6 view as 2x2 dots coloured by class
    (the Playground's orange / blue). A bundled table is drawn by its first two principal
    components (``views.pca_projection``), regression targets on the orange-blue ramp.
    ``"csv"`` (and unknown names) get a table glyph.
    """
    size = max(8, int(size))
    img = np.empty((size, size, 3), dtype=np.float64)
    img[:] = BACKGROUND
    info = DATASETS.get(name)
    if name in TABLES:
        _table_points(img, name)
        return np.clip(np.rint(img), 0, 255).astype(np.uint8)
    if info is None or info.generator is None:
        _table_glyph(img)
        return img.astype(np.uint8)
    rng = np.random.default_rng(seed)
    k = info.n_classes if info.n_classes is not None else n_classes
    x, y = info.generator(THUMBNAIL_POINTS, 0.0, rng, k)
    colors = point_colors(y, str(info.task))
    scale = (size - 2) / (2 * EXTENT)
    cols = np.clip(((x[:, 0] + EXTENT) * scale).astype(int), 0, size - 2)
    rows = np.clip(((EXTENT - x[:, 1]) * scale).astype(int), 0, size - 2)
    for dr in (0, 1):
        for dc in (0, 1):
            img[rows + dr, cols + dc] = colors
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def _table_points(img: np.ndarray, name: str) -> None:
    """The bundled table ``name`` on its first two principal components (at most 300
    points), 2x2 dots coloured by class (or target), drawn into ``img``."""
    from .views import pca_projection, subsample

    raw, y, task, _k, _names, _classes = load_bundled(name)
    idx = subsample(raw.shape[0], THUMBNAIL_POINTS)
    xy = pca_projection(raw[idx]).coords
    y = y[idx]
    if task == "regression":
        lo, hi = float(y.min()), float(y.max())
        y = (y - lo) / (hi - lo) * 2 - 1 if hi > lo else np.zeros_like(y)
    colors = point_colors(y, task)
    size = img.shape[0]
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    unit = (xy - lo) / span  # 0..1
    cols = np.clip((3 + unit[:, 0] * (size - 8)).astype(int), 0, size - 2)
    rows = np.clip((size - 5 - unit[:, 1] * (size - 8)).astype(int), 0, size - 2)
    for dr in (0, 1):
        for dc in (0, 1):
            img[rows + dr, cols + dc] = colors


def _table_glyph(img: np.ndarray) -> None:
    size = img.shape[0]
    lo, hi = size // 6, size - size // 6
    grey = np.array([120, 120, 120], dtype=np.float64)
    for r in np.linspace(lo, hi, 5).astype(int):
        img[r, lo : hi + 1] = grey
    for c in np.linspace(lo, hi, 4).astype(int):
        img[lo : hi + 1, c] = grey
    img[lo : lo + max(1, size // 12), lo : hi + 1] = BLUE
