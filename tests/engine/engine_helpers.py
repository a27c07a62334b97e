"""Small builders shared by the engine tests."""

from __future__ import annotations

import numpy as np

from nnstudio.engine import Network, NodeDef
from nnstudio.graph import CATALOG


def node(
    node_id: str, kind: str, params: dict | None = None, inputs: list | None = None
) -> NodeDef:
    """An engine node whose missing parameters get the catalog defaults (the engine has none).

    Given values are passed as they are (unchecked), so engine validation can be tested.
    """
    filled = (
        {**CATALOG[kind].defaults(), **(params or {})} if kind in CATALOG else dict(params or {})
    )
    return NodeDef(node_id, kind, filled, list(inputs or []))


def mlp(
    sizes: list[int],
    activation: str = "tanh",
    out_activation: str = "sigmoid",
    *,
    dtype: str = "float64",
    seed: int = 0,
) -> Network:
    """A chain input -> dense ... -> dense; sizes = [n_in, hidden..., n_out]."""
    nodes = [node("in", "input", {"units": sizes[0]}, [])]
    prev = "in"
    for i, units in enumerate(sizes[1:], start=1):
        last = i == len(sizes) - 1
        nid = "out" if last else f"dense_{i}"
        act = out_activation if last else activation
        nodes.append(node(nid, "dense", {"units": units, "activation": act}, [prev]))
        prev = nid
    return Network(nodes, dtype=dtype, seed=seed)


def spiral(n_per_class: int, seed: int, noise: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spirals (TensorFlow Playground style): x (2n, 2), labels (2n,)."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for label, delta in ((0, 0.0), (1, np.pi)):
        i = np.arange(n_per_class)
        r = i / n_per_class * 5.0
        t = 1.75 * i / n_per_class * 2 * np.pi + delta
        pts = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
        pts += rng.uniform(-1, 1, size=pts.shape) * noise
        xs.append(pts)
        ys.append(np.full(n_per_class, label))
    x = np.concatenate(xs) / 5.0
    y = np.concatenate(ys)
    perm = rng.permutation(len(y))
    return x[perm], y[perm]


def numeric_grad(f, arr: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences of scalar f() with respect to the entries of ``arr`` (in place)."""
    g = np.zeros_like(arr, dtype=np.float64)
    flat = arr.reshape(-1)
    gf = g.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        fp = f()
        flat[i] = old - h
        fm = f()
        flat[i] = old
        gf[i] = (fp - fm) / (2 * h)
    return g
