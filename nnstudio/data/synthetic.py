"""Synthetic 2-D datasets.

The binary and regression sets follow TensorFlow Playground's ``dataset.ts`` generators:
coordinates within about -6..6 (radius 5), ``noise`` is the Playground's 0..50 % as a
fraction 0..0.5, applied the same way (label computed from a jittered copy of the point for
circle/xor/regression, position jitter for the spiral, variance for the two gaussians).
Labels -1/+1 become 0/1. Moons, blobs and the k-arm spiral are added in the same
coordinate range.

Every generator is ``gen(n_points, noise, rng, n_classes) -> (x, y)`` with
``x`` of shape (n_points, 2) float64 and ``y`` (n_points,) int64 labels (classification)
or float64 targets in [-1, 1] (regression). Points come grouped by class; the caller
shuffles. All randomness comes from ``rng`` (``numpy.random.Generator``); the random
draws do not depend on ``noise``, so changing the noise moves/relabels the same points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .bundled import TABLES
from .image_sets import IMAGE_FOLDER, IMAGE_SETS

Generator = Callable[[int, float, np.random.Generator, int], tuple[np.ndarray, np.ndarray]]

RADIUS = 5.0


def _halves(n: int) -> tuple[int, int]:
    """Sizes of the positive and negative halves (the first gets the odd point)."""
    return n - n // 2, n // 2


def circle(n: int, noise: float, rng: np.random.Generator, n_classes: int = 2):
    """Disc of radius 2.5 (label 1) inside a ring 3.5..5 (label 0)."""
    n_pos, n_neg = _halves(n)
    r = np.concatenate(
        [rng.uniform(0.0, RADIUS * 0.5, n_pos), rng.uniform(RADIUS * 0.7, RADIUS, n_neg)]
    )
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1)
    jitter = rng.uniform(-RADIUS, RADIUS, (n, 2)) * noise
    y = (np.hypot(*(x + jitter).T) < RADIUS * 0.5).astype(np.int64)
    return x, y


def xor(n: int, noise: float, rng: np.random.Generator, n_classes: int = 2):
    """Four quadrants: label 1 where x1 * x2 >= 0 (0.3 padding away from the axes)."""
    x = rng.uniform(-5.0, 5.0, (n, 2))
    x += np.where(x > 0, 0.3, -0.3)
    jitter = rng.uniform(-5.0, 5.0, (n, 2)) * noise
    noisy = x + jitter
    y = (noisy[:, 0] * noisy[:, 1] >= 0).astype(np.int64)
    return x, y


def gaussian(n: int, noise: float, rng: np.random.Generator, n_classes: int = 2):
    """Two gaussians at (2, 2) (label 1) and (-2, -2) (label 0); variance 0.5..4 with noise."""
    n_pos, n_neg = _halves(n)
    variance = 0.5 + (4.0 - 0.5) * (noise / 0.5)
    std = np.sqrt(variance)
    centres = np.concatenate([np.full((n_pos, 2), 2.0), np.full((n_neg, 2), -2.0)])
    x = centres + rng.standard_normal((n, 2)) * std
    y = np.concatenate([np.ones(n_pos, np.int64), np.zeros(n_neg, np.int64)])
    return x, y


def _arms(counts: list[int], noise: float, rng: np.random.Generator) -> tuple:
    xs, ys = [], []
    k = len(counts)
    for c, m in enumerate(counts):
        i = np.arange(m, dtype=np.float64)
        r = i / max(m, 1) * RADIUS
        t = 1.75 * i / max(m, 1) * 2 * np.pi + 2 * np.pi * c / k
        pts = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
        pts += rng.uniform(-1.0, 1.0, (m, 2)) * noise
        xs.append(pts)
        ys.append(np.full(m, c, np.int64))
    return np.concatenate(xs), np.concatenate(ys)


def spiral(n: int, noise: float, rng: np.random.Generator, n_classes: int = 2):
    """Two interleaved spirals of radius 5 (1.75 turns); label 1 for the arm at angle 0."""
    x, arm = _arms(list(_halves(n)), noise, rng)
    return x, (arm == 0).astype(np.int64)


def spiral_multi(n: int, noise: float, rng: np.random.Generator, n_classes: int = 3):
    """``n_classes`` interleaved spiral arms, label = arm index."""
    counts = [n // n_classes + (1 if c < n % n_classes else 0) for c in range(n_classes)]
    return _arms(counts, noise, rng)


def moons(n: int, noise: float, rng: np.random.Generator, n_classes: int = 2):
    """Two interleaving half circles (label 0 upper, 1 lower), scaled to about -4..4.

    Gaussian jitter with standard deviation ``noise`` in the moons' unit coordinates.
    """
    n_a, n_b = _halves(n)
    t = rng.uniform(0.0, np.pi, n)
    upper = np.stack([np.cos(t[:n_a]), np.sin(t[:n_a])], axis=1)
    lower = np.stack([1.0 - np.cos(t[n_a:]), 0.5 - np.sin(t[n_a:])], axis=1)
    x = np.concatenate([upper, lower]) + rng.standard_normal((n, 2)) * noise
    x = (x - np.array([0.5, 0.25])) * 2.5
    y = np.concatenate([np.zeros(n_a, np.int64), np.ones(n_b, np.int64)])
    return x, y


def blobs(n: int, noise: float, rng: np.random.Generator, n_classes: int = 3):
    """``n_classes`` gaussian blobs centred on a circle of radius 3.5; std 0.7..2 with noise."""
    counts = [n // n_classes + (1 if c < n % n_classes else 0) for c in range(n_classes)]
    angles = np.pi / 2 + 2 * np.pi * np.arange(n_classes) / n_classes
    centres = 3.5 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    y = np.repeat(np.arange(n_classes, dtype=np.int64), counts)
    std = np.sqrt(0.5 + (4.0 - 0.5) * (noise / 0.5))
    x = centres[y] + rng.standard_normal((n, 2)) * std
    return x, y


def reg_plane(n: int, noise: float, rng: np.random.Generator, n_classes: int = 1):
    """Target (x1 + x2) / 10 of a jittered copy of the point; x uniform in -6..6."""
    x = rng.uniform(-6.0, 6.0, (n, 2))
    jitter = rng.uniform(-6.0, 6.0, (n, 2)) * noise
    y = (x + jitter).sum(axis=1) / 10.0
    return x, y.astype(np.float64)


_GAUSSIANS = np.array(
    [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]],
    dtype=np.float64,
)


def reg_gaussian(n: int, noise: float, rng: np.random.Generator, n_classes: int = 1):
    """Six signed bumps; target = the bump value largest in magnitude, in [-1, 1]."""
    x = rng.uniform(-6.0, 6.0, (n, 2))
    jitter = rng.uniform(-6.0, 6.0, (n, 2)) * noise
    p = x + jitter
    d = np.hypot(p[:, None, 0] - _GAUSSIANS[:, 0], p[:, None, 1] - _GAUSSIANS[:, 1])
    values = _GAUSSIANS[:, 2] * np.clip(1.0 - d / 2.0, 0.0, 1.0)  # (n, 6)
    pick = np.argmax(np.abs(values), axis=1)
    return x, values[np.arange(n), pick]


@dataclass(frozen=True)
class DatasetInfo:
    """One entry of :data:`DATASETS`.

    ``n_classes`` is ``None`` where the settings choose it (blobs, spiral_multi) or the file
    decides (csv); ``generator`` is ``None`` for tables (bundled and csv).
    """

    name: str
    title: str
    task: str | None
    n_classes: int | None
    generator: Generator | None
    description: str = ""


DATASETS: dict[str, DatasetInfo] = {
    "circle": DatasetInfo("circle", "Circle", "binary", 2, circle, "A disc inside a ring."),
    "xor": DatasetInfo(
        "xor", "Exclusive or", "binary", 2, xor, "Opposite quadrants share a class."
    ),
    "gaussian": DatasetInfo(
        "gaussian", "Two Gaussians", "binary", 2, gaussian, "Two blobs; noise widens them."
    ),
    "spiral": DatasetInfo("spiral", "Spiral", "binary", 2, spiral, "Two interleaved spirals."),
    "moons": DatasetInfo("moons", "Moons", "binary", 2, moons, "Two interleaving half circles."),
    "blobs": DatasetInfo(
        "blobs", "Blobs", "multiclass", None, blobs, "Several gaussian blobs, one per class."
    ),
    "spiral_multi": DatasetInfo(
        "spiral_multi",
        "Multi-arm spiral",
        "multiclass",
        None,
        spiral_multi,
        "A spiral with one arm per class.",
    ),
    "reg_plane": DatasetInfo(
        "reg_plane", "Plane", "regression", 1, reg_plane, "Target rises linearly with x1 + x2."
    ),
    "reg_gaussian": DatasetInfo(
        "reg_gaussian",
        "Multi-Gaussian",
        "regression",
        1,
        reg_gaussian,
        "Six positive and negative bumps.",
    ),
}
# the bundled classic tables (read from resources/datasets, see bundled.py)
DATASETS.update(
    {
        t.name: DatasetInfo(t.name, t.title, t.task, t.n_classes, None, t.description)
        for t in TABLES.values()
    }
)
DATASETS["csv"] = DatasetInfo(
    "csv", "CSV file", None, None, None, "Your own table: numbers and text categories."
)
# images: downloaded on demand, or a folder of class subfolders (see image_sets.py)
DATASETS.update(
    {
        s.name: DatasetInfo(s.name, s.title, "multiclass", len(s.class_names), None, s.description)
        for s in IMAGE_SETS.values()
    }
)
DATASETS[IMAGE_FOLDER] = DatasetInfo(
    IMAGE_FOLDER, "Image folder", "multiclass", None, None, "One subfolder of images per class."
)
#: datasets read from a table (bundled or CSV) or images: raw columns, no engineered features
TABLE_DATASETS = (*TABLES, "csv", *IMAGE_SETS, IMAGE_FOLDER)
