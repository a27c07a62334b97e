"""Compile a network description into an engine network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import combine_errors
from .shapes import topological_order
from .spec import NetworkSpec
from .validation import validate

if TYPE_CHECKING:
    from nnstudio.engine import Network


def compile_spec(spec: NetworkSpec, *, dtype: str = "float32", seed: int = 0) -> Network:
    """Validate ``spec`` (structure only) and build the engine network.

    Raises the validation error if there is one problem, an ``InvalidGraphError`` listing
    all of them if there are several; engine errors (``EngineError``) pass through.
    """
    errors = validate(spec)
    if errors:
        raise combine_errors(errors)
    from nnstudio.engine import Network, NodeDef

    order, _ = topological_order(spec)
    defs = [
        NodeDef(
            id=nid,
            kind=spec.nodes[nid].kind,
            params=dict(spec.nodes[nid].params),
            inputs=spec.inputs_of(nid),
        )
        for nid in order
    ]
    return Network(defs, dtype=dtype, seed=seed)
