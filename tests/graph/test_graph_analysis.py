"""The analysed graph: one order, tuple shapes, weight shapes, errors and warnings."""

from __future__ import annotations

import pytest

from nnstudio.graph import (
    CycleError,
    Edge,
    FlattenNeededError,
    GraphError,
    NetworkSpec,
    WidthMismatchError,
    analyse,
    compile_spec,
    infer_shapes,
    param_counts,
    validate,
)


def _image_spec() -> NetworkSpec:
    s = NetworkSpec()
    i = s.add_node("input", {"units": 2 * 4 * 4, "channels": 2, "height": 4, "width": 4}).id
    a = s.add_node("batchnorm").id
    b = s.add_node("batchnorm").id
    cat = s.add_node("concat").id
    for src, dst in ((i, a), (i, b), (a, cat), (b, cat)):
        s.add_edge(src, dst)
    return s


def test_shapes_are_tuples_and_merges_join_along_the_first_axis():
    s = _image_spec()
    result = analyse(s)
    assert result.shapes == {
        "input_1": (2, 4, 4),
        "batchnorm_1": (2, 4, 4),
        "batchnorm_2": (2, 4, 4),
        "concat_1": (4, 4, 4),
    }
    assert result.param_shapes["batchnorm_1"] == {"weight": (2,), "bias": (2,)}
    assert result.state_shapes["batchnorm_1"] == {"running_mean": (2,), "running_var": (2,)}
    assert result.param_counts["batchnorm_1"] == 4 and result.total_params == 8


def test_a_dense_layer_on_an_image_asks_for_a_flatten():
    s = _image_spec()
    d = s.add_node("dense", {"units": 3}).id
    s.add_edge("concat_1", d)
    errors = validate(s)
    assert [type(e) for e in errors] == [FlattenNeededError]  # a WidthMismatchError
    assert isinstance(errors[0], WidthMismatchError)
    assert "insert a Flatten" in errors[0].message and errors[0].node_ids == (d, "concat_1")
    assert analyse(s).shapes[d] is None


def test_thin_wrappers_read_the_same_analysis():
    s = NetworkSpec.sequential(3, [5, 4], "tanh", 2, "softmax")
    result = analyse(s)
    assert infer_shapes(s) == dict(result.shapes)
    assert (
        param_counts(s)
        == dict(result.param_counts)
        == {
            "input_1": 0,
            "dense_1": 3 * 5 + 5,
            "dense_2": 5 * 4 + 4,
            "dense_3": 4 * 2 + 2,
        }
    )
    assert infer_shapes(s, 7)["input_1"] == (7,)  # the dataset's width wins
    assert compile_spec(s).n_params == result.total_params
    filled = [dict(result.params[n]) for n in result.order]
    assert [nd.params for nd in result.node_defs()] == filled


def test_cycles_leave_their_nodes_out_of_the_order():
    s = NetworkSpec.sequential(2, [3, 3], "relu", 1, "sigmoid")
    s.edges.append(Edge("dense_2", "dense_1", 1))
    result = analyse(s)
    assert result.order == ("input_1",)
    assert set(result.cyclic) == {"dense_1", "dense_2", "dense_3"}
    assert any(isinstance(e, CycleError) for e in result.errors)
    with pytest.raises(GraphError, match="Cycle through dense_1 -> dense_2"):
        result.node_defs()
    assert result.shapes["dense_3"] is None


def test_an_unconnected_dense_shows_its_units_and_what_follows_it_too():
    """The canvas shows "(4,)" on a Dense not yet connected: its width is its units."""
    s = NetworkSpec()
    s.add_node("input", {"units": 3})
    d = s.add_node("dense", {"units": 4}).id
    a = s.add_node("activation").id
    drop = s.add_node("dropout").id
    s.add_edge(d, a)
    result = analyse(s)
    assert result.shapes[d] == (4,) and result.shapes[a] == (4,)
    assert result.shapes[drop] is None  # a pass-through layer's width comes from its input
    # no fan-in yet: no weights
    assert result.param_shapes.get(d, {}) == {} and result.param_counts[d] == 0
    assert any(d in e.node_ids for e in result.errors)  # still reported as unconnected
