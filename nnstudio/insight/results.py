"""Results that fit the task: confusion matrices with per-class precision and recall for
classification, predicted-versus-actual points and residual histograms for regression.

Predicted classes are the argmax of the class probabilities
(:func:`nnstudio.session.to_probabilities`), exactly the ``class`` column ``nnstudio
predict`` writes.
"""

from __future__ import annotations

import numpy as np

from nnstudio.session import to_probabilities

#: Bins of the residual histogram.
RESIDUAL_BINS = 30
#: At most this many points per split in a regression scatter (the first ones).
SCATTER_POINTS = 2000


def confusion_matrix(true: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """``(n_classes, n_classes)`` int64 counts: row = true class, column = predicted."""
    t = np.asarray(true, dtype=np.int64).ravel()
    p = np.asarray(predicted, dtype=np.int64).ravel()
    k = int(n_classes)
    return np.bincount(t * k + p, minlength=k * k)[: k * k].reshape(k, k)


def precision_recall(matrix: np.ndarray) -> tuple[list[float | None], list[float | None]]:
    """Per-class precision (column-wise) and recall (row-wise); None where undefined
    (no sample predicted as / belonging to that class)."""
    m = np.asarray(matrix, dtype=np.float64)
    diag = np.diag(m)
    col, row = m.sum(axis=0), m.sum(axis=1)
    precision = [float(d / c) if c > 0 else None for d, c in zip(diag, col, strict=True)]
    recall = [float(d / r) if r > 0 else None for d, r in zip(diag, row, strict=True)]
    return precision, recall


def predicted_classes(network, x: np.ndarray, task: str) -> np.ndarray:
    """Class indices (n,) the network predicts for model inputs ``x``."""
    out = network.predict(x)
    return to_probabilities(out, task, network.output_activation).argmax(axis=1)


def _splits(dataset, max_rows: int | None):
    yield "train", dataset.x_train, dataset.y_train
    if dataset.x_test is not None and len(dataset.x_test):
        yield "test", dataset.x_test, dataset.y_test


def task_results(network, dataset, max_rows: int | None = None) -> dict:
    """``{"task", "train": {...}, "test": {...}}`` for the current weights (one batched
    forward pass per split). Classification: ``matrix`` (k, k), ``precision``, ``recall``,
    ``classes`` (names). Regression: ``actual`` and ``predicted`` (m,) (first output, at
    most :data:`SCATTER_POINTS`), ``residual_hist`` (counts) and ``residual_edges`` over
    every sample and output. Everything is a copy. ``max_rows`` limits each split to its
    first rows (the splits are shuffled); each part then says ``rows`` of ``total``."""
    task = dataset.task
    out: dict = {"task": task}
    names = dataset.class_names or [str(i) for i in range(max(2, dataset.n_classes))]
    for split, x, y in _splits(dataset, max_rows):
        total = len(x)
        if max_rows is not None and total > max_rows:
            x, y = x[:max_rows], y[:max_rows]
        if task == "regression":
            pred = network.predict(x).astype(np.float64).reshape(len(x), -1)
            actual = np.asarray(y, dtype=np.float64).reshape(len(x), -1)
            res = (pred - actual).ravel()
            lim = float(np.max(np.abs(res))) if res.size else 1.0
            lim = lim if lim > 0 and np.isfinite(lim) else 1.0
            counts, edges = np.histogram(res, bins=RESIDUAL_BINS, range=(-lim, lim))
            out[split] = {
                "actual": actual[:SCATTER_POINTS, 0].copy(),
                "predicted": pred[:SCATTER_POINTS, 0].copy(),
                "residual_hist": counts,
                "residual_edges": edges,
                "rmse": float(np.sqrt(np.mean(res * res))) if res.size else None,
                "rows": len(x),
                "total": total,
            }
        else:
            k = max(2, dataset.n_classes)
            matrix = confusion_matrix(y, predicted_classes(network, x, task), k)
            precision, recall = precision_recall(matrix)
            out[split] = {
                "matrix": matrix,
                "precision": precision,
                "recall": recall,
                "classes": list(names),
                "rows": len(x),
                "total": total,
            }
    return out


def session_results(session, max_rows: int | None = None) -> dict:
    """:func:`task_results` of a session's network and dataset."""
    return task_results(session.network, session.dataset, max_rows)
