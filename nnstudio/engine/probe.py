"""Every unit's output over a grid of the input plane, from one batched forward pass.

The neuron view draws, for each unit of each layer, a small heatmap of what it computes
over the same grid as the decision surface. :func:`grid_probe` evaluates the network once,
in evaluation mode, on all grid points together and returns the output of *every* node
(the sink's output is the decision surface itself), as float32 copies safe to hand to
another thread.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from . import fastnp as fnp
from .network import Network


def grid_points(
    bounds: tuple[float, float, float, float], resolution: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``xs`` (res,), ``ys`` (res,) and ``points`` (res * res, 2) covering ``bounds``.

    ``bounds`` is ``(xmin, xmax, ymin, ymax)``; point ``i * res + j`` is ``(xs[j], ys[i])``
    (row-major: rows follow y), the layout of ``Session.grid``.
    """
    return _grid_points(tuple(float(b) for b in bounds), int(resolution))


@lru_cache(maxsize=8)
def _grid_points(
    bounds: tuple[float, float, float, float], resolution: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The grid of :func:`grid_points`, built once per (bounds, resolution): a training
    run probes the same grid ~60 times a second. The arrays are read-only (shared)."""
    xmin, xmax, ymin, ymax = bounds
    xs = np.linspace(xmin, xmax, resolution)
    ys = np.linspace(ymin, ymax, resolution)
    gx, gy = np.meshgrid(xs, ys)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    for a in (xs, ys, points):
        a.setflags(write=False)
    return xs, ys, points


def unit_outputs(network: Network, x: np.ndarray) -> dict[str, np.ndarray]:
    """Evaluation-mode output of every node for inputs ``x`` (n, *input_shape).

    One forward pass over all ``n`` rows. Returns ``{node_id: (n, units)}`` float32 copies
    (each node's output flattened to units), the input node included.
    """
    n = np.shape(x)[0]
    return {
        node_id: np.array(out.reshape(n, -1), dtype=np.float32, copy=True)
        for node_id, out in _forward(network, x).items()
    }


def _forward(network: Network, x: np.ndarray) -> dict[str, np.ndarray]:
    """One evaluation-mode pass; the plan's own output buffers (valid until the next pass)."""
    x = network._as_input(x)
    plan = network.plan(x.shape[0], training=False)
    fnp.copyto(plan.x, x, casting="unsafe")
    plan.forward()
    return plan.outs


def dense_weights(network: Network) -> dict[str, np.ndarray]:
    """``{node_id: weight (fan_in, units)}`` float32 copies for every dense node."""
    named = network.get_weights()
    out = {}
    for nd in network.nodes:
        w = named.get(f"{nd.id}.weight")
        if nd.kind == "dense" and w is not None and w.ndim == 2:
            out[nd.id] = w.astype(np.float32)
    return out


def grid_probe(
    network: Network,
    transform: Callable[[np.ndarray], np.ndarray],
    bounds: tuple[float, float, float, float],
    resolution: int,
    *,
    units: bool = True,
    tile_stride: int = 2,
) -> dict:
    """The decision surface and (with ``units``) every unit's map, from one forward pass.

    ``transform`` maps raw grid points (m, 2) to model inputs (the dataset's preprocessor).
    Returns ``{"grid": (xs, ys, values (res, res, k)), "units": {node_id: (r, r, units)},
    "weights": {node_id: (fan_in, units)}}`` where ``r = ceil(res / tile_stride)`` and the
    unit maps sample every ``tile_stride``-th grid point of the same grid. Without
    ``units`` only ``"grid"`` is computed. Every array is a float32 copy.
    """
    xs, ys, points = grid_points(bounds, resolution)
    x = transform(points)
    sink = network.nodes[-1].id
    if not units:
        values = network.predict(x).astype(np.float32)
        return {"grid": (xs, ys, values.reshape(resolution, resolution, -1))}
    outs = _forward(network, x)
    values = np.array(outs[sink].reshape(resolution, resolution, -1), dtype=np.float32)
    s = max(1, int(tile_stride))
    maps = {  # sampled straight from the pass's buffers: one float32 copy each
        node_id: np.array(
            out.reshape(resolution, resolution, -1)[::s, ::s], dtype=np.float32, copy=True
        )
        for node_id, out in outs.items()
    }
    return {"grid": (xs, ys, values), "units": maps, "weights": dense_weights(network)}
