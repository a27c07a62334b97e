"""A local stand-in for the MNIST download servers: tiny learnable IDX files served over
HTTP on 127.0.0.1 (ephemeral port), with switches for broken transfers.

Used by the suite-wide fixture in ``tests/conftest.py`` (so no test ever reaches the
network) and by the downloader's own tests.
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np

from nnstudio.data.download import SOURCES
from nnstudio.data.idx import write_idx

FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)


def tiny_images(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``(images (n, 28, 28) uint8, labels (n,) uint8)``: class k is a bright 7x7 block at
    its own place on a dim noisy background (easy to learn)."""
    rng = np.random.default_rng(seed)
    y = (np.arange(n) % 10).astype(np.uint8)
    rng.shuffle(y)
    x = rng.integers(0, 40, (n, 28, 28)).astype(np.uint8)
    for i, k in enumerate(y):
        r, c = 2 + 8 * (int(k) // 4), 2 + 6 * (int(k) % 4)
        x[i, r : r + 7, c : c + 7] = rng.integers(200, 256, (7, 7))
    return x, y


def write_tiny_set(folder: Path, n_train: int = 200, n_test: int = 50, seed: int = 0) -> dict:
    """Write the four ``.gz`` files into ``folder``; returns ``{file: sha256}``."""
    folder.mkdir(parents=True, exist_ok=True)
    xtr, ytr = tiny_images(n_train, seed)
    xte, yte = tiny_images(n_test, seed + 1)
    for name, array in zip(FILES, (xtr, ytr, xte, yte), strict=True):
        write_idx(folder / name, array)
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FILES}


class Mirror:
    """Serves ``root/<dataset>/<file>``. ``truncate``: paths whose next ``truncate[path]``
    responses stop halfway (negative: every response); Range requests are honoured."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.truncate: dict[str, int] = {}
        self.requests: list[tuple[str, str | None]] = []
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                mirror.requests.append((self.path, self.headers.get("Range")))
                path = mirror.root / self.path.lstrip("/")
                if not path.is_file():
                    self.send_error(404)
                    return
                data = path.read_bytes()
                start = 0
                rng = self.headers.get("Range")
                if rng and rng.startswith("bytes="):
                    start = int(rng[6:].split("-")[0])
                body = data[start:]
                self.send_response(206 if start else 200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                left = mirror.truncate.get(self.path, 0)
                if left:
                    mirror.truncate[self.path] = left - 1 if left > 0 else left
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_tiny_sets(root: Path, sources_json: Path) -> Mirror:
    """Tiny MNIST and Fashion-MNIST under ``root``, a running :class:`Mirror`, and the
    ``NNSTUDIO_DATA_SOURCES`` file pointing every dataset's files at it."""
    table = {}
    for i, name in enumerate(SOURCES):
        sums = write_tiny_set(root / name, seed=10 * i)
        table[name] = {f: {"url": f"{{url}}{name}/{f}", "sha256": s} for f, s in sums.items()}
    mirror = Mirror(root)
    text = json.dumps(table).replace("{url}", mirror.url)
    sources_json.write_text(text, encoding="utf-8")
    return mirror
