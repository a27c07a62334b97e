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
