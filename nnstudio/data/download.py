"""Datasets downloaded on demand: sources, checksums, the user cache, a resumable download.

The ideas are torchvision's ``download_url`` / ``check_integrity`` and Keras' ``get_file``:
each file is fetched once into the user's cache folder, written to ``<name>.part`` (kept
between attempts so that an interrupted download resumes with an HTTP ``Range`` request),
checked against its SHA-256 sum and only then renamed to its final name. A file that fails
its check is deleted. Nothing here imports Qt: the app drives :func:`fetch` from a worker
thread with a progress callback and a cancel flag, the CLI prints a progress line.

Overrides (for tests and for offline mirrors):

- ``NNSTUDIO_CACHE``: the cache folder (default ``$XDG_CACHE_HOME/nnstudio``, else
  ``~/.cache/nnstudio``; ``%LOCALAPPDATA%\\nnstudio\\Cache`` on Windows,
  ``~/Library/Caches/nnstudio`` on macOS).
- ``NNSTUDIO_DATA_SOURCES``: a JSON file ``{dataset: {file name: {"url": ..., "sha256":
  ...}}}`` replacing the entries of :data:`SOURCES` it names.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nnstudio.text import Text, message

from .errors import DataError

CACHE_ENV = "NNSTUDIO_CACHE"
SOURCES_ENV = "NNSTUDIO_DATA_SOURCES"
#: largest file NN Studio downloads (the biggest listed is 26 MB)
MAX_DOWNLOAD_BYTES = 256 * 1024**2
CHUNK = 64 * 1024
TIMEOUT = 30.0

Progress = Callable[[int, int, str], None]  # (bytes done, bytes in all or 0, file name)


@dataclass(frozen=True)
class RemoteFile:
    """One downloadable file: its name in the cache, its URL and SHA-256 sum."""

    name: str
    url: str
    sha256: str


_MNIST = "https://ossci-datasets.s3.amazonaws.com/mnist/"  # the mirror torchvision uses
_FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"

#: dataset -> its files. SHA-256 sums as published by tensorflow-datasets
#: (``tensorflow_datasets/image_classification/mnist.py``, ``_CHECKSUMS`` and
#: ``url_checksums``) and by several independent projects pinning the same files.
SOURCES: dict[str, tuple[RemoteFile, ...]] = {
    "mnist": (
        RemoteFile(
            "train-images-idx3-ubyte.gz",
            _MNIST + "train-images-idx3-ubyte.gz",
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        ),
        RemoteFile(
            "train-labels-idx1-ubyte.gz",
            _MNIST + "train-labels-idx1-ubyte.gz",
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        ),
        RemoteFile(
            "t10k-images-idx3-ubyte.gz",
            _MNIST + "t10k-images-idx3-ubyte.gz",
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        ),
        RemoteFile(
            "t10k-labels-idx1-ubyte.gz",
            _MNIST + "t10k-labels-idx1-ubyte.gz",
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        ),
    ),
    "fashion_mnist": (
        RemoteFile(
            "train-images-idx3-ubyte.gz",
            _FASHION + "train-images-idx3-ubyte.gz",
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
        ),
        RemoteFile(
            "train-labels-idx1-ubyte.gz",
            _FASHION + "train-labels-idx1-ubyte.gz",
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
        ),
        RemoteFile(
            "t10k-images-idx3-ubyte.gz",
            _FASHION + "t10k-images-idx3-ubyte.gz",
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
        ),
        RemoteFile(
            "t10k-labels-idx1-ubyte.gz",
            _FASHION + "t10k-labels-idx1-ubyte.gz",
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
        ),
    ),
}

#: names shown in messages
TITLES = {"mnist": "MNIST", "fashion_mnist": "Fashion-MNIST"}


class DownloadError(DataError):
    """A dataset could not be downloaded or failed its check; the message says what to do."""


class DownloadCancelled(DownloadError):
    """The user cancelled a download (the partial file is kept to resume later)."""


def cache_dir() -> Path:
    """The folder datasets are cached in (``NNSTUDIO_CACHE`` overrides the platform's)."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "nnstudio" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "nnstudio"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nnstudio"


def sources(name: str) -> tuple[RemoteFile, ...]:
    """The files of dataset ``name``, with ``NNSTUDIO_DATA_SOURCES`` applied."""
    if name not in SOURCES:
        raise DataError(Text("No download is known for dataset {name!r}.", name=name))
    files = SOURCES[name]
    path = os.environ.get(SOURCES_ENV)
    if not path:
        return files
    try:
        table = json.loads(Path(path).read_text(encoding="utf-8"))
        override = table.get(name, {})
        return tuple(
            RemoteFile(f.name, str(override[f.name]["url"]), str(override[f.name]["sha256"]))
            if f.name in override
            else f
            for f in files
        )
    except (OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
        raise DataError(
            Text(
                "{variable}={path} is not a readable sources file ({error}); fix or unset it.",
                variable=SOURCES_ENV,
                path=path,
                error=message(exc),
            )
        ) from None


def dataset_folder(name: str) -> Path:
    """Where the files of dataset ``name`` are cached."""
    return cache_dir() / name


def sha256_of(path: Path) -> str:
    """The SHA-256 hex digest of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def check_integrity(path: Path, sha256: str) -> bool:
    """Whether ``path`` exists and has the SHA-256 sum ``sha256``."""
    return path.is_file() and sha256_of(path) == sha256.lower()


def is_cached(name: str) -> bool:
    """Whether every file of ``name`` is in the cache (by name; sums are checked on use)."""
    folder = dataset_folder(name)
    return all((folder / f.name).is_file() for f in sources(name))


def _offline(title: str, reason: str) -> DownloadError:
    return DownloadError(
        Text(
            "could not download {title} (no network?): {reason}. The app stays usable; "
            "choose another dataset, or put the files in {folder} (set {variable} to use "
            "another folder).",
            title=title,
            reason=reason,
            folder=str(cache_dir()),
            variable=CACHE_ENV,
        )
    )


def _get(url: str, start: int) -> http.client.HTTPResponse:
    request = urllib.request.Request(url, headers={"User-Agent": "nnstudio"})
    if start:
        request.add_header("Range", f"bytes={start}-")
    return urllib.request.urlopen(request, timeout=TIMEOUT)  # noqa: S310 - http(s) URLs only


def _attempt(
    remote: RemoteFile, part: Path, progress: Progress | None, cancel: Callable[[], bool] | None
) -> None:
    """One request: append to ``part`` (resuming if the server honours Range) until EOF."""
    start = part.stat().st_size if part.exists() else 0
    with _get(remote.url, start) as response:
        resumed = start > 0 and response.status == 206
        if not resumed:
            start = 0
        length = response.headers.get("Content-Length")
        total = start + int(length) if length and length.isdigit() else 0
        if total > MAX_DOWNLOAD_BYTES:
            raise DownloadError(
                Text(
                    "{url} is {size:.0f} MB, more than the {limit} MB NN Studio downloads; "
                    "check the source.",
                    url=remote.url,
                    size=total / 1024**2,
                    limit=MAX_DOWNLOAD_BYTES // 1024**2,
                )
            )
        done = start
        with open(part, "ab" if resumed else "wb") as out:
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelled(Text("Download of {file} cancelled.", file=remote.name))
                block = response.read(CHUNK)
                if not block:
                    break
                out.write(block)
                done += len(block)
                if done > MAX_DOWNLOAD_BYTES:
                    raise DownloadError(
                        Text("{url} sends more data than expected.", url=remote.url)
                    )
                if progress is not None:
                    progress(done, total, remote.name)
        if total and done < total:
            raise http.client.IncompleteRead(b"", total - done)


def download_file(
    remote: RemoteFile,
    folder: Path,
    *,
    title: str = Text("the dataset"),
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    retries: int = 3,
) -> Path:
    """``folder / remote.name``, downloaded if missing and checked against its SHA-256.

    Downloads into ``<name>.part`` and resumes it after an interrupted transfer (up to
    ``retries`` more requests); renames only after the checksum matches. Raises
    :class:`DownloadError` (offline, server error, damaged file: the partial file is then
    deleted) or :class:`DownloadCancelled` when ``cancel()`` returns true.
    """
    final = folder / remote.name
    if check_integrity(final, remote.sha256):
        return final
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(
            Text(
                "Cannot create the cache folder {folder}: {error}.",
                folder=str(folder),
                error=message(exc),
            )
        ) from None
    final.unlink(missing_ok=True)  # a cached file that fails its check is fetched again
    part = folder / (remote.name + ".part")
    for attempt in range(retries + 1):
        try:
            _attempt(remote, part, progress, cancel)
            break
        except urllib.error.HTTPError as exc:
            if exc.code == 416:  # range past the end: start over
                part.unlink(missing_ok=True)
                continue
            raise DownloadError(
                Text(
                    "could not download {title}: {url} answered {code} {reason}. "
                    "Try again later or choose another dataset.",
                    title=title,
                    url=remote.url,
                    code=exc.code,
                    reason=str(exc.reason),
                )
            ) from None
        except urllib.error.URLError as exc:
            raise _offline(title, str(exc.reason)) from None
        except (http.client.HTTPException, ConnectionError, TimeoutError) as exc:
            if attempt == retries:
                broke = Text(
                    "the transfer of {file} broke off ({error})",
                    file=remote.name,
                    error=repr(exc),
                )
                raise _offline(title, broke) from None
        except OSError as exc:
            raise DownloadError(
                Text("Cannot write {path}: {error}.", path=str(part), error=message(exc))
            ) from None
    if not part.exists() or sha256_of(part) != remote.sha256.lower():
        part.unlink(missing_ok=True)
        raise DownloadError(
            Text(
                "{file} of {title} downloaded from {url} does not match its SHA-256 sum "
                "(damaged or changed file); it was deleted. Try again later.",
                file=remote.name,
                title=title,
                url=remote.url,
            )
        )
    os.replace(part, final)
    return final


def fetch(
    name: str,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> dict[str, Path]:
    """Every file of dataset ``name`` in the cache (downloaded and checked as needed).

    Returns ``{file name: path}``. ``progress(done, total, file)`` is called per chunk;
    ``cancel()`` is polled per chunk.
    """
    title = TITLES.get(name, name)
    folder = dataset_folder(name)
    return {
        f.name: download_file(f, folder, title=title, progress=progress, cancel=cancel)
        for f in sources(name)
    }
