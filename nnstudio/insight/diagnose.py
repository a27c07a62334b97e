"""Health diagnosis of a training run in words (issue 11).

:func:`diagnose` reads the evidence of a run (:class:`Evidence`: its per-epoch history
rows, the latest per-layer statistics from :func:`nnstudio.engine.layerstats.layer_stats`,
the training settings, a summary of the data, and the error that ended it, if any) and
returns :class:`Finding` objects, each with a stable code, the layer it concerns (or
None), the evidence in numbers, the action to try and, where the action is a setting, a
machine-readable ``fix`` the GUI can apply:

- ``{"training": {name: value}}``: training settings (names of ``TrainConfig``);
- ``{"data": {name: value}}``: data settings (names of ``DataSettings``);
- ``{"node": node_id, "params": {name: value}}``: a node's parameters;
- ``{"restore_best": True}``: put the run's best weights back.

Every threshold is a constant in :mod:`nnstudio.insight.finding`; the rules that read
per-layer statistics are in :mod:`nnstudio.insight.layer_rules`. A healthy run gives no
finding.
"""

from __future__ import annotations

import math

import numpy as np

from nnstudio.text import Text

from .finding import (
    CODES,
    IMBALANCE_RATIO,
    OSC_AMPLITUDE,
    OSC_LEVEL,
    OSC_SIGN_CHANGES,
    OSC_WINDOW,
    OVERFIT_AFTER,
    OVERFIT_RISE,
    OVERFIT_SHARE,
    PLATEAU_CHANGE,
    PLATEAU_LOSS_KEPT,
    RISE_FACTOR,
    SLOW_MIN_EPOCHS,
    SLOW_STEADY,
    SLOW_TOTAL_DROP,
    UNSCALED,
    WEIGHT_LIMIT,
    Evidence,
    Finding,
)
from .layer_rules import _gradients, _units


def _series(rows: list[dict], key: str) -> np.ndarray:
    vals = [r.get(key) for r in rows]
    if not vals or any(v is None for v in vals):
        return np.zeros(0)
    return np.asarray(vals, dtype=np.float64)


def diagnose(ev: Evidence) -> list[Finding]:
    """The findings for ``ev``, in :data:`CODES` order (at most one per code and layer)."""
    found: list[Finding] = []
    for rule in (
        _output_mismatch,
        _unscaled_inputs,
        _class_imbalance,
        _lr_too_high,
        _gradients,
        _units,
        _overfitting,
        _slow,
    ):
        found.extend(rule(ev))
    order = {c: i for i, c in enumerate(CODES)}
    return sorted(found, key=lambda f: order[f.code])


# --------------------------------------------------------------------------- data/setup
def _output_mismatch(ev: Evidence) -> list[Finding]:
    act, loss = ev.output_activation, ev.training.get("loss")
    node = ev.output_node
    to_linear = None if node is None else {"node": node, "params": {"activation": "linear"}}
    if ev.task == "regression" and ev.target_range is not None:
        lo, hi = ev.target_range
        limits = {
            "sigmoid": (0.0, 1.0),
            "tanh": (-1.0, 1.0),
            "relu": (0.0, math.inf),
            "softplus": (0.0, math.inf),
            "softmax": (0.0, 1.0),
        }.get(act)
        if limits is not None and (lo < limits[0] or hi > limits[1]):
            return [
                Finding(
                    "output-mismatch",
                    node,
                    Text(
                        "the targets range over [{lo:.3g}, {hi:.3g}] but a {act} output only "
                        "gives values in [{low:g}, {high:g}]",
                        lo=lo,
                        hi=hi,
                        act=act,
                        low=limits[0],
                        high=limits[1],
                    ),
                    Text("make the output activation linear"),
                    {"target_min": lo, "target_max": hi},
                    to_linear,
                )
            ]
    if loss == "bce_logits" and act == "sigmoid":
        return [
            Finding(
                "output-mismatch",
                node,
                Text(
                    "the loss bce_logits applies a sigmoid itself, but the output already has one"
                ),
                Text("make the output activation linear (or use the loss bce)"),
                {},
                to_linear,
            )
        ]
    if loss == "cce" and act in ("sigmoid", "tanh", "relu"):
        return [
            Finding(
                "output-mismatch",
                node,
                Text(
                    "cross-entropy over {n} classes expects softmax or linear outputs, not {act}",
                    n=ev.n_classes,
                    act=act,
                ),
                Text("make the output activation softmax"),
                {},
                None if node is None else {"node": node, "params": {"activation": "softmax"}},
            )
        ]
    return []


def _unscaled_inputs(ev: Evidence) -> list[Finding]:
    if ev.feature_std is None or ev.feature_mean is None or len(ev.feature_std) == 0:
        return []
    std = np.asarray(ev.feature_std, dtype=np.float64)
    mean = np.asarray(ev.feature_mean, dtype=np.float64)
    varying = std > 0
    if not varying.any():
        return []
    big_std, big_mean = float(std.max()), float(np.abs(mean).max())
    small_std = float(std[varying].min())
    if (
        big_std > UNSCALED
        or big_mean > UNSCALED * max(1.0, big_std)
        or (small_std < 1.0 / UNSCALED and big_std >= 1.0)
    ):
        fix = None if ev.standardize else {"data": {"standardize": True}}
        return [
            Finding(
                "unscaled-inputs",
                None,
                Text(
                    "input features have standard deviations from {small:.3g} to "
                    "{big:.3g} and means up to {mean:.3g} in size",
                    small=small_std,
                    big=big_std,
                    mean=big_mean,
                ),
                Text("standardize the inputs")
                if fix
                else Text("scale the inputs to similar ranges"),
                {"std_min": small_std, "std_max": big_std, "mean_max": big_mean},
                fix,
            )
        ]
    return []


def _class_imbalance(ev: Evidence) -> list[Finding]:
    counts = [c for c in (ev.class_counts or [])]
    if ev.task == "regression" or len(counts) < 2 or min(counts) < 0:
        return []
    lo, hi = min(counts), max(counts)
    if lo == 0 or hi >= IMBALANCE_RATIO * lo:
        share = hi / max(1, sum(counts))
        return [
            Finding(
                "class-imbalance",
                None,
                Text(
                    "the largest class has {hi} training samples and the smallest {lo}; always "
                    "predicting the largest is {share:.0%} accurate",
                    hi=hi,
                    lo=lo,
                    share=share,
                ),
                Text(
                    "judge by per-class recall (confusion matrix), gather or resample the small "
                    "classes"
                ),
                {"largest": hi, "smallest": lo, "majority_accuracy": share},
                None,
            )
        ]
    return []


# --------------------------------------------------------------------------- the curve
def _lr_too_high(ev: Evidence) -> list[Finding]:
    lr = float(ev.training.get("learning_rate") or 0.0)
    fix = {"training": {"learning_rate": lr / 10}} if lr > 0 else None
    action = Text("lower the learning rate (now {lr:g}; try {new:g})", lr=lr, new=lr / 10)
    loss = _series(ev.rows, "train_loss")
    if ev.failure:
        return [
            Finding(
                "lr-too-high",
                None,
                Text("the run stopped: {reason}", reason=_first_sentence(ev.failure)),
                action,
                {},
                fix,
            )
        ]
    wmax = _max_weight(ev.stats)
    if wmax is not None and wmax > WEIGHT_LIMIT:
        return [
            Finding(
                "lr-too-high",
                None,
                Text(
                    "the largest weight is {w:.3g}: the weights are growing without bound", w=wmax
                ),
                action,
                {"weight_max": wmax},
                fix,
            )
        ]
    if loss.size >= 3 and np.isfinite(loss).all():
        first, best, last = float(loss[0]), float(loss.min()), float(loss[-1])
        if last > RISE_FACTOR * best and last > first:
            return [
                Finding(
                    "lr-too-high",
                    None,
                    Text(
                        "the training loss ended at {last:.4g}, above where it started "
                        "({first:.4g}) and {times:.3g} times its best ({best:.4g})",
                        last=last,
                        first=first,
                        times=last / max(best, 1e-300),
                        best=best,
                    ),
                    action,
                    {"first": first, "best": best, "last": last},
                    fix,
                )
            ]
        w = loss[-OSC_WINDOW:]
        if w.size >= OSC_WINDOW:
            d = np.diff(w)
            flips = float(np.mean(np.sign(d[1:]) != np.sign(d[:-1])))
            amplitude = float(np.mean(np.abs(d)) / max(np.mean(w), 1e-300))
            high = float(np.mean(w)) > OSC_LEVEL * first
            if flips >= OSC_SIGN_CHANGES and amplitude > OSC_AMPLITUDE and high:
                return [
                    Finding(
                        "lr-too-high",
                        None,
                        Text(
                            "the training loss oscillates: over the last {n} epochs it "
                            "changes direction {flips:.0%} of the time by {amplitude:.0%} of "
                            "its size on average",
                            n=w.size,
                            flips=flips,
                            amplitude=amplitude,
                        ),
                        action,
                        {"flips": flips, "amplitude": amplitude},
                        fix,
                    )
                ]
    return []


def _overfitting(ev: Evidence) -> list[Finding]:
    test = _series(ev.rows, "test_loss")
    train = _series(ev.rows, "train_loss")
    if test.size < OVERFIT_AFTER + 2 or train.size != test.size or not np.isfinite(test).all():
        return []
    b = int(np.argmin(test))
    best, last = float(test[b]), float(test[-1])
    if (
        test.size - 1 - b >= OVERFIT_AFTER
        and last > best * (1.0 + OVERFIT_RISE) + 1e-12
        and last - best > OVERFIT_SHARE * float(test[0])
        and float(train[-1]) < float(train[b])
    ):
        epoch = ev.rows[b].get("epoch", b + 1)
        l2 = float(ev.training.get("l2") or 0.0)
        return [
            Finding(
                "overfitting",
                None,
                Text(
                    "the test loss rose from {best:.4g} (epoch {epoch}) to {last:.4g} while the "
                    "training loss fell from {train_best:.4g} to {train_last:.4g}",
                    best=best,
                    epoch=epoch,
                    last=last,
                    train_best=float(train[b]),
                    train_last=float(train[-1]),
                ),
                Text(
                    "restore the best weights; add L2 or dropout, use a smaller network or more "
                    "data"
                ),
                {"best_test_loss": best, "last_test_loss": last, "best_epoch": epoch},
                {"training": {"l2": 1e-3}} if l2 == 0 else {"restore_best": True},
            )
        ]
    return []


def _slow(ev: Evidence) -> list[Finding]:
    loss = _series(ev.rows, "train_loss")
    if loss.size < SLOW_MIN_EPOCHS or not np.isfinite(loss).all():
        return []
    lr = float(ev.training.get("learning_rate") or 0.0)
    first, last = float(loss[0]), float(loss[-1])
    if first <= 0:
        return []
    tail = loss[-max(SLOW_MIN_EPOCHS // 2, loss.size // 3) :]
    tail_change = abs(float(tail[0]) - float(tail[-1])) / max(float(tail[0]), 1e-300)
    total_drop = (first - last) / first
    steady = float(np.mean(np.diff(loss) < 0))
    if total_drop < SLOW_TOTAL_DROP and steady >= SLOW_STEADY and total_drop > 0:
        return [
            Finding(
                "lr-too-low",
                None,
                Text(
                    "the training loss fell only {drop:.1%} in {n} epochs "
                    "({first:.4g} -> {last:.4g}), but steadily",
                    drop=total_drop,
                    n=loss.size,
                    first=first,
                    last=last,
                ),
                Text("raise the learning rate (now {lr:g}; try {new:g})", lr=lr, new=lr * 10),
                {"drop": total_drop, "epochs": int(loss.size)},
                {"training": {"learning_rate": lr * 10}} if lr > 0 else None,
            )
        ]
    if tail_change < PLATEAU_CHANGE and last > PLATEAU_LOSS_KEPT * first:
        return [
            Finding(
                "plateau",
                None,
                Text(
                    "the training loss has stayed at {last:.4g} for the last {n} epochs "
                    "(changed {change:.2%}), still {kept:.0%} of where it started",
                    last=last,
                    n=tail.size,
                    change=tail_change,
                    kept=last / first,
                ),
                Text("try a larger learning rate, another optimizer (adam), or a larger network"),
                {"loss": last, "epochs": int(tail.size)},
                {"training": {"optimizer": "adam"}}
                if ev.training.get("optimizer") != "adam"
                else None,
            )
        ]
    return []


# --------------------------------------------------------------------------- layers
def _max_weight(stats: dict | None) -> float | None:
    if not stats:
        return None
    values = [s["weight_max"] for s in stats["layers"].values() if "weight_max" in s]
    return max(values) if values else None


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` without its full stop (a :class:`Text` of one
    sentence without a full stop is kept, so it can still be translated; a message the
    GUI already translated may end its sentences with "。")."""
    head = text.split(". ")[0].split("。")[0].strip()
    head = head.rstrip(".")
    return text if isinstance(text, Text) and head == text else head
