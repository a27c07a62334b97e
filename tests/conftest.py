"""Suite-wide test configuration.

Everything under ``tests/gui`` is marked ``gui`` so the no-Qt job can deselect it, and
BLAS is kept to one thread so timings of parallel runs stay sane.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

GUI_DIR = Path(__file__).parent / "gui"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def _local_image_mirror(tmp_path_factory: pytest.TempPathFactory):
    """No test reaches the network: MNIST and Fashion-MNIST come from tiny files served on
    127.0.0.1 (``NNSTUDIO_DATA_SOURCES``) into a per-run cache (``NNSTUDIO_CACHE``); the
    variables are inherited by the CLI subprocesses tests start."""
    from image_mirror import serve_tiny_sets

    root = tmp_path_factory.mktemp("image-mirror")
    mirror = serve_tiny_sets(root / "files", root / "sources.json")
    saved = {k: os.environ.get(k) for k in ("NNSTUDIO_DATA_SOURCES", "NNSTUDIO_CACHE")}
    os.environ["NNSTUDIO_DATA_SOURCES"] = str(root / "sources.json")
    os.environ["NNSTUDIO_CACHE"] = str(root / "cache")
    yield mirror
    mirror.close()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
