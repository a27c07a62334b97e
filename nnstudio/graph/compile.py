"""Compile a network description into an engine network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis import Analysis, analyse
from .spec import NetworkSpec

if TYPE_CHECKING:
    from nnstudio.engine import Network


def compile_spec(
    spec: NetworkSpec, *, dtype: str = "float32", seed: int = 0, analysis: Analysis | None = None
) -> Network:
    """Analyse ``spec`` (structure only) and build the engine network from the analysis:
    nodes in its topological order, parameters filled from the catalog.

    Raises the validation error if there is one problem, an ``InvalidGraphError`` listing
    all of them if there are several; engine errors (``EngineError``) pass through.
    """
    from nnstudio.engine import Network

    result = analysis if analysis is not None else analyse(spec)
    return Network(result.node_defs(), dtype=dtype, seed=seed)
