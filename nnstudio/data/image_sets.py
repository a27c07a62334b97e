"""Image datasets: MNIST and Fashion-MNIST (downloaded on demand) and a folder of images.

Every image dataset gives flat rows ``(n_samples, channels * height * width)`` of pixel
values scaled to 0..1 (row-major NCHW, as the Input node views flat rows as images) and
``(n_samples,)`` int64 labels. The downloaded sets join their training and test files
(70,000 images); ``n_points`` takes a seeded random sample of them, which the usual
shuffle and ``train_ratio`` then split.

A folder of images follows torchvision's ImageFolder convention: one subfolder per class
(sorted names are the classes), images read with Pillow, an optional dependency
(``pip install 'nnstudio[images]'``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnstudio.text import Text, message

from .download import Progress, fetch, is_cached
from .errors import DataError
from .idx import read_idx


@dataclass(frozen=True)
class ImageSet:
    """A downloadable image dataset."""

    name: str
    title: str
    shape: tuple[int, int, int]  # (channels, height, width)
    class_names: tuple[str, ...]
    description: str


IMAGE_SETS: dict[str, ImageSet] = {
    "mnist": ImageSet(
        "mnist",
        "MNIST digits (download)",
        (1, 28, 28),
        tuple(str(i) for i in range(10)),
        "70,000 28x28 handwritten digits 0-9; downloaded once (about 11 MB).",
    ),
    "fashion_mnist": ImageSet(
        "fashion_mnist",
        "Fashion-MNIST (download)",
        (1, 28, 28),
        (
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot",
        ),
        "70,000 28x28 pictures of clothing in 10 classes; downloaded once (about 30 MB).",
    ),
}

IMAGE_FOLDER = "image_folder"
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".pgm")
MAX_FOLDER_IMAGES = 200_000


def pixel_names(shape: tuple[int, int, int]) -> list[str]:
    """Column names of flat image rows: ``pixel_r_c`` (one channel) or ``c<k>_r_c``."""
    c, h, w = shape
    if c == 1:
        return [f"pixel_{r}_{col}" for r in range(h) for col in range(w)]
    return [f"c{k}_{r}_{col}" for k in range(c) for r in range(h) for col in range(w)]


def needs_download(name: str) -> bool:
    """Whether dataset ``name`` is a downloadable set whose files are not cached yet."""
    return name in IMAGE_SETS and not is_cached(name)


def load_image_set(
    name: str,
    n_points: int | None = None,
    seed: int = 0,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(x (n, 784) float64 in 0..1, y (n,) int64)`` of a downloadable set (fetched if
    needed; :class:`~nnstudio.data.download.DownloadError` when that fails). With
    ``n_points`` below the total, a random sample drawn with ``seed``, in file order."""
    info = IMAGE_SETS[name]
    paths = fetch(name, progress=progress, cancel=cancel)
    images = [read_idx(paths[f"{p}-images-idx3-ubyte.gz"]) for p in ("train", "t10k")]
    labels = [read_idx(paths[f"{p}-labels-idx1-ubyte.gz"]) for p in ("train", "t10k")]
    x8, y = np.concatenate(images), np.concatenate(labels).astype(np.int64)
    c, h, w = info.shape
    if x8.ndim != 3 or x8.shape[1:] != (h, w) or y.shape != (x8.shape[0],):
        raise DataError(
            Text(
                "The cached {title} files do not hold {h}x{w} images with one label each; "
                "delete them from the cache folder and retry.",
                title=info.title,
                h=h,
                w=w,
            )
        )
    if y.size and (y.min() < 0 or y.max() >= len(info.class_names)):
        raise DataError(
            Text("The cached {title} labels are out of range; delete and retry.", title=info.title)
        )
    if n_points is not None and n_points < x8.shape[0]:
        keep = np.sort(np.random.default_rng([seed, 2]).choice(x8.shape[0], n_points, False))
        x8, y = x8[keep], y[keep]
    return x8.reshape(x8.shape[0], -1).astype(np.float64) / 255.0, y


def _pillow():
    try:
        from PIL import Image
    except ImportError:
        raise DataError(
            Text(
                "Reading a folder of images needs Pillow, which is not installed: run "
                "pip install 'nnstudio[images]' (or pip install pillow)."
            )
        ) from None
    return Image


def read_image_folder(folder: str | Path) -> tuple[np.ndarray, np.ndarray, list[str], tuple]:
    """``(x (n, c*h*w) float64 in 0..1, y (n,) int64, class_names, (c, h, w))`` of a folder
    with one subfolder of images per class. Grayscale unless some image has colour (then
    RGB); every image must have the first one's size. Raises :class:`DataError`."""
    image = _pillow()
    root = Path(folder)
    if not root.is_dir():
        raise DataError(
            Text(
                "Image folder not found: {path}. Give a folder of class subfolders.", path=str(root)
            )
        )
    classes = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    files: list[tuple[Path, int]] = []
    for label, name in enumerate(classes):
        for f in sorted((root / name).rglob("*")):
            if f.is_file() and f.suffix.lower() in IMAGE_EXTENSIONS:
                files.append((f, label))
    if len(classes) < 2 or not files:
        raise DataError(
            Text(
                "{path} needs at least two subfolders (one per class) holding images "
                "({extensions}).",
                path=str(root),
                extensions=list(IMAGE_EXTENSIONS),
            )
        )
    if len(files) > MAX_FOLDER_IMAGES:
        raise DataError(
            Text(
                "{path} holds {n} images; NN Studio reads at most {max}. Use a sample.",
                path=str(root),
                n=len(files),
                max=MAX_FOLDER_IMAGES,
            )
        )
    pictures = []
    for path, _label in files:
        try:
            with image.open(path) as im:
                im.load()
                pictures.append(im.copy())
        except (OSError, ValueError) as exc:
            raise DataError(
                Text("Cannot read the image {path}: {error}.", path=str(path), error=message(exc))
            ) from None
    colour = any(p.mode not in ("1", "L", "LA", "I", "I;16", "F") for p in pictures)
    mode = "RGB" if colour else "L"
    size = pictures[0].size
    rows = []
    for (path, _label), pic in zip(files, pictures, strict=True):
        if pic.size != size:
            raise DataError(
                Text(
                    "{path} is {w}x{h} pixels but {first} is {first_w}x{first_h}; every image "
                    "must have the same size.",
                    path=str(path),
                    w=pic.size[0],
                    h=pic.size[1],
                    first=str(files[0][0]),
                    first_w=size[0],
                    first_h=size[1],
                )
            )
        a = np.asarray(pic.convert(mode), dtype=np.float64) / 255.0  # (h, w) or (h, w, 3)
        rows.append(a.reshape(size[1], size[0], -1).transpose(2, 0, 1).ravel())
    shape = (3 if colour else 1, size[1], size[0])
    y = np.array([label for _, label in files], dtype=np.int64)
    return np.stack(rows), y, classes, shape
