"""Fixtures of the export tests (helpers live in ``export_cases``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from export_cases import Case, dag, make_case  # noqa: E402


@pytest.fixture
def dag_case() -> Case:
    """The every-layer-kind network with trained-looking float32 weights."""
    return make_case(dag())
