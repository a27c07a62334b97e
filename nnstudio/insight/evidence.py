"""From a :class:`~nnstudio.session.Session` to statistics, evidence and findings.

The GUI worker, ``nnstudio train`` and ``nnstudio diagnose`` all call these, so the
statistics and the rules are computed one way.
"""

from __future__ import annotations

import weakref

import numpy as np

from nnstudio.engine.layerstats import ACTIVATION_ROWS, GRADIENT_ROWS, layer_stats
from nnstudio.insight.diagnose import Evidence, Finding, diagnose


def session_stats(
    session, *, histograms: bool = True, activation_rows: int | None = ACTIVATION_ROWS
) -> dict:
    """:func:`~nnstudio.engine.layerstats.layer_stats` of the session's network on its
    training split (the first ``activation_rows`` rows; None: all of them), without
    changing the network or the training state."""
    ds = session.dataset
    head = session.trainer.head
    t = head.targets(ds.y_train[:GRADIENT_ROWS], session.network.dtype)
    with np.errstate(over="ignore", invalid="ignore"):
        return layer_stats(
            session.network,
            ds.x_train,
            t,
            head,
            histograms=histograms,
            activation_rows=activation_rows,
        )


#: dataset -> its summary (the data does not change during a run; computed once)
_SUMMARIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def data_summary(ds) -> dict:
    """Class counts or target range, and the model inputs' mean and std, of a dataset's
    training split (cached per dataset)."""
    try:
        return _SUMMARIES[ds]
    except (KeyError, TypeError):
        pass
    x = ds.x_train
    counts = target_range = None
    if ds.task == "regression":
        y = np.asarray(ds.y_train, dtype=np.float64)
        target_range = (float(y.min()), float(y.max())) if y.size else None
    else:
        labels = np.asarray(ds.y_train).astype(np.int64).ravel()
        counts = np.bincount(labels, minlength=max(2, ds.n_classes)).tolist()
    out = {
        "class_counts": counts,
        "target_range": target_range,
        "feature_mean": x.mean(axis=0) if len(x) else None,
        "feature_std": x.std(axis=0) if len(x) else None,
    }
    try:
        _SUMMARIES[ds] = out
    except TypeError:
        pass
    return out


def session_evidence(
    session,
    *,
    rows: list[dict] | None = None,
    stats: dict | None = None,
    failure: str | None = None,
) -> Evidence:
    """The :class:`Evidence` of ``session``: ``rows`` default to its history, ``stats`` to
    :func:`session_stats` of its current weights over the whole training split."""
    ds = session.dataset
    summary = data_summary(ds)
    return Evidence(
        rows=list(session.history if rows is None else rows),
        stats=session_stats(session, histograms=False, activation_rows=None)
        if stats is None
        else stats,
        training=session.trainer.config.to_dict(),
        task=ds.task,
        n_classes=ds.n_classes,
        class_counts=summary["class_counts"],
        feature_mean=summary["feature_mean"],
        feature_std=summary["feature_std"],
        standardize=bool(session.project.data.standardize),
        target_range=summary["target_range"],
        output_activation=session.network.output_activation,
        output_node=session.network.nodes[-1].id,
        failure=failure,
    )


def diagnose_session(session, **kwargs) -> list[Finding]:
    """:func:`~nnstudio.insight.diagnose.diagnose` of :func:`session_evidence`."""
    return diagnose(session_evidence(session, **kwargs))
