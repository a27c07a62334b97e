"""Fitting the output layer and loss to the data's task in one step."""

from __future__ import annotations

import pytest

from nnstudio.graph import GraphError, NetworkSpec, train_config, validate
from nnstudio.graph.output_fit import fit_output, output_mismatch, output_recipe


def _out(spec):
    return spec.nodes[spec.sinks()[0]].params


@pytest.mark.parametrize(
    ("task", "k", "units", "act", "loss"),
    [
        ("binary", 2, 1, "sigmoid", "bce"),
        ("multiclass", 3, 3, "softmax", "cce"),
        ("multiclass", 10, 10, "softmax", "cce"),
        ("regression", 1, 1, "linear", "mse"),
    ],
)
def test_fit_output_sets_units_activation_and_loss_together(task, k, units, act, loss):
    spec = NetworkSpec.sequential(4, [8], "tanh", 1, "sigmoid")
    training = train_config(loss="bce", learning_rate=0.02)
    new_spec, new_training = fit_output(spec, training, task, k)
    assert (_out(new_spec)["units"], _out(new_spec)["activation"]) == (units, act)
    assert new_training.loss == loss and new_training.learning_rate == 0.02
    assert output_mismatch(new_spec, new_training.loss, task, k) == []
    assert validate(new_spec, n_features=4, loss=new_training.loss, task=task, n_classes=k) == []
    # the originals are untouched
    assert _out(spec)["units"] == 1 and training.loss == "bce"


def test_mismatch_is_reported_before_the_fix():
    spec = NetworkSpec.sequential(4, [8], "tanh", 1, "sigmoid")
    assert output_mismatch(spec, "bce", "multiclass", 3)
    assert output_mismatch(spec, "bce", "regression", 1)
    assert output_mismatch(spec, "bce", "binary", 2) == []


def test_a_chosen_regression_loss_is_kept():
    spec = NetworkSpec.sequential(2, [4], "relu", 3, "softmax")
    _spec, training = fit_output(spec, train_config(loss="huber"), "regression", 1)
    assert training.loss == "huber"


def test_trailing_activation_layer_is_adjusted_with_its_dense_layer():
    spec = NetworkSpec.sequential(2, [4], "relu", 1, "linear")
    dense = spec.sinks()[0]
    act = spec.add_node("activation", {"activation": "sigmoid"}).id
    spec.add_edge(dense, act)
    new_spec, training = fit_output(spec, train_config(loss="bce"), "multiclass", 4)
    assert new_spec.nodes[dense].params["units"] == 4
    assert new_spec.nodes[dense].params["activation"] == "linear"
    assert new_spec.nodes[act].params["activation"] == "softmax"
    assert training.loss == "cce"


def test_unfixable_networks_and_bad_tasks_raise():
    spec = NetworkSpec.sequential(2, [4], "relu", 1, "linear")
    spec.add_node("dense", {"units": 2, "activation": "relu"})  # a second sink
    with pytest.raises(GraphError, match="exactly one output"):
        fit_output(spec, train_config(), "binary", 2)
    with pytest.raises(GraphError, match="Unknown task"):
        output_recipe("clustering")
    with pytest.raises(GraphError, match="number of classes"):
        output_recipe("multiclass", None)
