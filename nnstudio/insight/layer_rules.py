"""The diagnosis rules that read per-layer statistics: exploding or vanishing gradients,
dead and saturated units (see :mod:`nnstudio.insight.diagnose` for the others)."""

from __future__ import annotations

import math

from nnstudio.text import Text

from .finding import (
    DEAD_FRACTION,
    EXPLODING_NORM,
    SATURATED_FRACTION,
    VANISHING_RATIO,
    Evidence,
    Finding,
)


def _grad_layers(stats: dict | None) -> list[tuple[str, float]]:
    if not stats:
        return []
    return [
        (nid, stats["layers"][nid]["grad_norm"])
        for nid in stats["order"]
        if "grad_norm" in stats["layers"][nid]
    ]


def _gradients(ev: Evidence) -> list[Finding]:
    layers = _grad_layers(ev.stats)
    out: list[Finding] = []
    clip = ev.training.get("clip_norm")
    for nid, g in layers:
        if not math.isfinite(g) or g > EXPLODING_NORM:
            out.append(
                Finding(
                    "exploding-gradients",
                    nid,
                    Text("the gradient norm of {layer} is {norm:.3g}", layer=nid, norm=g),
                    Text("turn on gradient clipping (norm 1) and lower the learning rate"),
                    {"grad_norm": g},
                    {"training": {"clip_norm": 1.0}} if not clip else None,
                )
            )
            return out
    if len(layers) >= 2:
        (first, g0), (last, g1) = layers[0], layers[-1]
        dead = (ev.stats["layers"][first].get("dead") or 0.0) >= DEAD_FRACTION
        if g1 > 0 and g0 < VANISHING_RATIO * g1 and not dead:  # dead units: no gradient
            ratio = g0 / g1
            out.append(
                Finding(
                    "vanishing-gradients",
                    first,
                    Text(
                        "the gradient norm of {first} is {g0:.3g}, {ratio:.2g} times that of the "
                        "last layer {last} ({g1:.3g})",
                        first=first,
                        g0=g0,
                        ratio=ratio,
                        last=last,
                        g1=g1,
                    ),
                    Text(
                        "use ReLU-family activations in the hidden layers, fewer layers, or "
                        "BatchNorm"
                    ),
                    {"grad_norm": g0, "last_grad_norm": g1, "ratio": ratio},
                    None,
                )
            )
    return out


def _units(ev: Evidence) -> list[Finding]:
    if not ev.stats:
        return []
    out: list[Finding] = []
    for nid in ev.stats["order"]:
        s = ev.stats["layers"][nid]
        if s.get("output"):
            continue
        units = s.get("units", 0)
        dead = s.get("dead")
        if dead is not None and dead >= DEAD_FRACTION:
            fix = None
            if s.get("kind") in ("dense", "conv2d", "activation"):
                fix = {"node": nid, "params": {"activation": "leaky_relu"}}
            out.append(
                Finding(
                    "dead-units",
                    nid,
                    Text(
                        "{dead:.0%} of the {units} ReLU units of {layer} output 0 on every "
                        "training sample",
                        dead=dead,
                        units=units,
                        layer=nid,
                    ),
                    Text("use leaky_relu, lower the learning rate, or re-initialise (Reset)"),
                    {"dead": dead, "units": units},
                    fix,
                )
            )
        sat = s.get("saturated")
        if sat is not None and sat >= SATURATED_FRACTION:
            out.append(
                Finding(
                    "saturated-units",
                    nid,
                    Text(
                        "{saturated:.0%} of the {units} {activation} units of {layer} sit at "
                        "their limits on most training samples",
                        saturated=sat,
                        units=units,
                        activation=s.get("activation"),
                        layer=nid,
                    ),
                    Text("standardize the inputs, lower the learning rate, or use relu"),
                    {"saturated": sat, "units": units},
                    {"node": nid, "params": {"activation": "relu"}}
                    if s.get("kind") in ("dense", "conv2d", "activation")
                    else None,
                )
            )
    return out
