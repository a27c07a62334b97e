"""Fit a network's output layer and loss to a dataset's task in one step.

When the data's task or number of classes changes (say from a two-class toy to iris, or
to a regression table), the output layer's units, its activation and the loss must change
together; :func:`fit_output` makes that one edit (the GUI's one-click fix, and
``nnstudio new --csv``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nnstudio.text import Text

from .errors import GraphError, LossMismatchError
from .spec import NetworkSpec

REGRESSION_LOSSES = ("mse", "mae", "huber")


def output_recipe(task: str, n_classes: int | None = None) -> tuple[int, str, str]:
    """``(units, output activation, loss)`` for a task.

    binary -> (1, sigmoid, bce); multiclass with k classes -> (k, softmax, cce);
    regression -> (1, linear, mse).
    """
    if task == "binary":
        return 1, "sigmoid", "bce"
    if task == "multiclass":
        if n_classes is None or n_classes < 2:
            raise GraphError(Text("A multiclass output needs the number of classes (2 or more)."))
        return int(n_classes), "softmax", "cce"
    if task == "regression":
        return 1, "linear", "mse"
    raise GraphError(
        Text("Unknown task {task!r}: use binary, multiclass or regression.", task=task)
    )


def output_mismatch(
    spec: NetworkSpec, loss: str, task: str, n_classes: int | None
) -> list[LossMismatchError]:
    """The problems between the network's output / loss and the data's task (empty: fits)."""
    from .analysis import validate

    errors = validate(spec, loss=loss, task=task, n_classes=n_classes)
    return [e for e in errors if isinstance(e, LossMismatchError)]


def _output_nodes(spec: NetworkSpec) -> tuple[str, str]:
    """``(dense id, activation holder id)`` of the output: the sink when it is a dense
    layer; for a trailing activation layer, the dense layer feeding it through a chain."""
    sinks = spec.sinks()
    if len(sinks) != 1:
        raise GraphError(
            Text(
                "The network needs exactly one output layer before its output can be fitted "
                "(it has {n}).",
                n=len(sinks),
            )
        )
    out = sinks[0]
    node = spec.nodes[out]
    if node.kind == "dense":
        return out, out
    if node.kind == "activation":
        current = out
        while True:
            inputs = spec.inputs_of(current)
            if len(inputs) != 1:
                break
            current = inputs[0]
            kind = spec.nodes[current].kind
            if kind == "dense":
                return current, out
            if kind not in ("activation", "dropout", "batchnorm"):
                break
    raise GraphError(
        Text(
            "The output layer '{out}' is a {kind} layer: add a dense output layer so that "
            "its units and activation can be set.",
            out=out,
            kind=node.kind,
        )
    )


def fit_output(spec: NetworkSpec, training: Any, task: str, n_classes: int | None = None):
    """A copy of ``spec`` and of ``training`` (a TrainConfig) whose output units, output
    activation and loss fit ``task`` (see :func:`output_recipe`).

    A regression loss already chosen (mae, huber) is kept for regression data. Raises
    GraphError when the network has no single dense output layer to adjust.
    """
    units, activation, loss = output_recipe(task, n_classes)
    if task == "regression" and training.loss in REGRESSION_LOSSES:
        loss = training.loss
    new_spec = spec.copy()
    dense_id, act_id = _output_nodes(new_spec)
    new_spec.set_param(dense_id, "units", units)
    if act_id == dense_id:
        new_spec.set_param(dense_id, "activation", activation)
    else:
        new_spec.set_param(dense_id, "activation", "linear")
        new_spec.set_param(act_id, "activation", activation)
    new_training = replace(training, loss=loss, loss_params={})
    if loss == training.loss:
        new_training.loss_params = dict(training.loss_params)
    return new_spec, new_training
