"""Per-layer statistics of a network on a sample of its training data (issue 11).

:func:`layer_stats` runs one evaluation-mode forward pass over a sample of the training
split (activations: dead ReLU units, saturated tanh/sigmoid units, their histogram) and
one training-mode forward/backward pass over a smaller batch (the gradient of the loss per
layer), and reads every layer's weights. It leaves the network as it found it: running
statistics (BatchNorm) are restored, dropout draws from a private generator, and the plan
it uses is never one the trainer uses (its key asks for the input gradient), so training
with or without statistics gives the same weights.

Histograms use the fixed bins :data:`HIST_EDGES` (symmetric, logarithmic in magnitude from
1e-5 to 1e3, one bin around zero), the same for every layer and every refresh, so that the
histograms of successive refreshes stack into an image (refreshes across, bins up).
Everything returned is plain floats and NumPy copies, safe to hand to another thread.
"""

from __future__ import annotations

import math

import numpy as np

from . import fastnp as fnp
from .network import Network

#: Rows of the training split used for live activation statistics (the first ones; the
#: split is shuffled when the dataset is made). None = the whole split (diagnosis).
ACTIVATION_ROWS = 1024
#: Rows per evaluation pass (bounds the buffers; image layers are large).
CHUNK_ROWS = 1024
#: Rows used for the gradient pass.
GRADIENT_ROWS = 256
#: A tanh output is saturated when ``|y| > 1 - SATURATION``; a sigmoid output when it is
#: within SATURATION of 0 or 1.
SATURATION = 0.01
#: A unit is saturated when its output is saturated on more than this fraction of inputs.
SATURATED_MAJORITY = 0.5
#: Activations with a limit that can saturate.
SATURATING = ("tanh", "sigmoid")
#: Activations whose units can die (output exactly 0 on every input).
DYING = ("relu",)


def _edges() -> np.ndarray:
    mags = np.logspace(-5, 3, 33)  # 4 bins per decade
    return np.concatenate([-mags[::-1], mags])


#: Histogram bin edges (66 edges, 65 bins: the middle bin holds [-1e-5, 1e-5]); values
#: beyond +-1e3 are counted in the outermost bins.
HIST_EDGES = _edges()
N_BINS = len(HIST_EDGES) - 1


def histogram(values: np.ndarray) -> np.ndarray:
    """Counts of ``values`` in :data:`HIST_EDGES` bins, as float32 fractions summing to 1
    (all zeros for an empty array). Out-of-range values land in the end bins."""
    v = np.asarray(values, dtype=np.float64).ravel()
    if v.size == 0:
        return np.zeros(N_BINS, dtype=np.float32)
    idx = np.searchsorted(HIST_EDGES, v, side="right") - 1
    np.clip(idx, 0, N_BINS - 1, out=idx)
    counts = np.bincount(idx, minlength=N_BINS)[:N_BINS]
    return (counts / v.size).astype(np.float32)


def trainable_layers(network: Network) -> list[str]:
    """Ids of the nodes that hold trainable parameters, in topological order."""
    return [nd.id for nd in network.nodes if network._pviews[nd.id]]


def _unit_view(out: np.ndarray) -> np.ndarray:
    """(n, units) or, for images (n, c, h, w), (n * h * w, c): a channel is one unit."""
    if out.ndim == 4:
        return out.transpose(0, 2, 3, 1).reshape(-1, out.shape[1])
    return out.reshape(out.shape[0], -1)


def layer_stats(
    network: Network,
    x: np.ndarray,
    targets: np.ndarray,
    head,
    *,
    activation_rows: int | None = ACTIVATION_ROWS,
    gradient_rows: int = GRADIENT_ROWS,
    histograms: bool = True,
) -> dict:
    """Statistics of every layer for inputs ``x`` (n, input_width) and loss targets
    ``targets`` (n, k) (``head.targets(y, dtype)``; ``head`` is ``network.head(loss)``).

    Returns ``{"layers": {node_id: {...}}, "order": [node ids]}`` where each entry of a
    node with parameters or a ReLU/tanh/sigmoid output holds (when it applies):
    ``weight_norm``, ``weight_max`` (largest |w|), ``grad_norm`` (L2 norm of the loss
    gradient of its parameters on the first ``gradient_rows`` rows), ``activation``
    (its output activation), ``dead`` (fraction of ReLU units that output 0 on every one
    of the first ``activation_rows`` rows; None: every row, in passes of CHUNK_ROWS),
    ``saturated`` (fraction of tanh/sigmoid units saturated on most rows), ``units``,
    and with ``histograms`` the float32 histograms ``weight_hist``, ``grad_hist``,
    ``act_hist`` over :data:`HIST_EDGES`.
    The sink (output) node is included but marked ``"output": True``.
    """
    x = network._as_input(x)
    n = x.shape[0]
    if n == 0:
        return {"layers": {}, "order": []}
    sink = network.nodes[-1].id
    layers: dict[str, dict] = {}
    acts = {nd.id: network._layers[nd.id].activation for nd in network.nodes}
    kinds = {nd.id: nd.kind for nd in network.nodes}
    state_backup = network.flat_state.copy()
    grads_backup = network.flat_grads.copy()
    try:
        # activations: evaluation passes over the first rows, CHUNK_ROWS at a time
        m = n if activation_rows is None else min(n, int(activation_rows))
        acc: dict[str, dict] = {}
        for start in range(0, m, CHUNK_ROWS):
            stop = min(m, start + CHUNK_ROWS)
            plan = network.plan(stop - start, training=False, input_grad=True)
            fnp.copyto(plan.x, x[start:stop], casting="unsafe")
            plan.forward()
            for nd in network.nodes:
                act = acts[nd.id]
                if nd.kind == "input" or (
                    not network._pviews[nd.id] and act not in SATURATING + DYING
                ):
                    continue
                out = _unit_view(plan.outs[nd.id])
                a = acc.setdefault(nd.id, {"rows": 0, "alive": 0, "sat": 0, "hist": 0})
                a["rows"] += out.shape[0]
                if act in DYING:
                    a["alive"] = a["alive"] | (out > 0).any(axis=0)
                elif act == "tanh":
                    a["sat"] = a["sat"] + (np.abs(out) > 1.0 - SATURATION).sum(axis=0)
                elif act == "sigmoid":
                    a["sat"] = a["sat"] + ((out < SATURATION) | (out > 1.0 - SATURATION)).sum(0)
                if histograms:
                    a["hist"] = a["hist"] + histogram(out) * out.size
                a["units"], a["size"] = out.shape[1], a.get("size", 0) + out.size
        for nid, a in acc.items():
            act = acts[nid]
            entry: dict = {"kind": kinds[nid], "activation": act, "output": nid == sink}
            entry["units"] = int(a["units"])
            if act in DYING:
                entry["dead"] = float(1.0 - np.mean(a["alive"]))
            elif act in SATURATING:
                share = np.asarray(a["sat"]) / a["rows"]
                entry["saturated"] = float(np.mean(share > SATURATED_MAJORITY))
            if histograms:
                entry["act_hist"] = (a["hist"] / max(1, a["size"])).astype(np.float32)
            layers[nid] = entry
        # gradients: one training pass over a smaller batch, with a private generator
        g = min(n, int(gradient_rows))
        plan = network.plan(g, training=True, skip_activation=head.skip_activation, input_grad=True)
        plan.rngbox[0] = np.random.default_rng(0)
        fnp.copyto(plan.x, x[:g], casting="unsafe")
        plan.forward()
        head.grad_kernel(plan.out, plan.gout)(targets[:g])
        plan.backward()
        for nid, views in network._pviews.items():
            if not views:
                continue
            entry = layers.setdefault(
                nid, {"kind": "", "activation": acts[nid], "output": nid == sink}
            )
            w = np.concatenate([v.ravel() for v in views.values()])
            gr = np.concatenate([v.ravel() for v in network._gviews[nid].values()])
            entry["weight_norm"] = float(np.sqrt(fnp.dot(w, w)))
            entry["weight_max"] = float(np.max(np.abs(w))) if w.size else 0.0
            gn = float(np.sqrt(fnp.dot(gr, gr)))
            entry["grad_norm"] = gn if math.isfinite(gn) else math.inf
            if histograms:
                entry["weight_hist"] = histogram(w)
                entry["grad_hist"] = histogram(gr)
    finally:
        fnp.copyto(network.flat_state, state_backup)
        fnp.copyto(network.flat_grads, grads_backup)
    order = [nd.id for nd in network.nodes if nd.id in layers]
    return {"layers": layers, "order": order}
