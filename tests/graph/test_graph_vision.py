"""Image layers in the analysed graph: shapes, parameter counts and refusals with reasons."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.graph import FlattenNeededError, NetworkSpec, analyse, compile_spec

LENET = [
    ("x", "input", {"units": 784, "channels": 1, "height": 28, "width": 28}),
    ("c1", "conv2d", {"filters": 6, "kernel_size": 5, "activation": "relu"}),
    ("p1", "maxpool2d", {}),
    ("c2", "conv2d", {"filters": 16, "kernel_size": 5, "activation": "relu"}),
    ("p2", "avgpool2d", {}),
    ("flat", "flatten", {}),
    ("out", "dense", {"units": 10, "activation": "softmax"}),
]


def chain(layers) -> NetworkSpec:
    spec = NetworkSpec()
    prev = None
    for nid, kind, params in layers:
        spec.add_node(kind, params, node_id=nid)
        if prev is not None:
            spec.add_edge(prev, nid)
        prev = nid
    return spec


def test_lenet_shapes_and_parameter_counts():
    a = analyse(chain(LENET))
    assert a.valid, a.errors
    assert dict(a.shapes) == {
        "x": (1, 28, 28),
        "c1": (6, 24, 24),
        "p1": (6, 12, 12),
        "c2": (16, 8, 8),
        "p2": (16, 4, 4),
        "flat": (256,),
        "out": (10,),
    }
    assert dict(a.param_shapes["c1"]) == {"weight": (6, 1, 5, 5), "bias": (6,)}
    assert a.param_counts["c2"] == 16 * 6 * 25 + 16
    assert a.total_params == 156 + 2416 + 2570


def test_same_padding_stride_and_global_pool_shapes():
    layers = [
        ("x", "input", {"units": 3 * 14 * 14, "channels": 3, "height": 14, "width": 14}),
        ("c", "conv2d", {"filters": 16, "kernel_size": 3, "padding": "same"}),
        (
            "s",
            "conv2d",
            {"filters": 8, "kernel_size": 3, "stride": 2, "padding": "explicit", "pad": 1},
        ),
        ("bn", "batchnorm", {}),
        ("g", "globalavgpool", {}),
        ("out", "dense", {"units": 2, "activation": "softmax"}),
    ]
    a = analyse(chain(layers))
    assert a.valid, a.errors
    assert a.shapes["c"] == (16, 14, 14)
    assert a.shapes["s"] == (8, 7, 7)
    assert dict(a.state_shapes["bn"]) == {"running_mean": (8,), "running_var": (8,)}
    assert a.shapes["g"] == (8,)


def test_reshape_makes_flat_features_an_image():
    layers = [
        ("x", "input", {"units": 64}),
        ("r", "reshape", {"channels": 1, "height": 8, "width": 8}),
        ("c", "conv2d", {"filters": 4, "kernel_size": 3, "padding": "same"}),
        ("f", "flatten", {}),
        ("out", "dense", {"units": 3}),
    ]
    spec = chain(layers)
    a = analyse(spec, (64,))
    assert a.valid and a.shapes["r"] == (1, 8, 8) and a.shapes["f"] == (256,)
    net = compile_spec(spec, dtype="float64")
    assert net.predict(np.zeros((5, 64))).shape == (5, 3)


def _errors(layers, input_shape=None) -> str:
    a = analyse(chain(layers), input_shape)
    assert not a.valid
    return " ".join(str(e) for e in a.errors)


def test_kernel_larger_than_its_input_is_refused_with_the_reason():
    msg = _errors(
        [
            ("x", "input", {"units": 16, "channels": 1, "height": 4, "width": 4}),
            ("c", "conv2d", {"kernel_size": 5}),
            ("f", "flatten", {}),
            ("out", "dense", {"units": 1}),
        ]
    )
    assert "'c'" in msg and "5x5 kernel" in msg and "larger than its 4x4 input" in msg


def test_dense_after_an_image_asks_for_flatten():
    msg = _errors(
        [
            ("x", "input", {"units": 64, "channels": 1, "height": 8, "width": 8}),
            ("c", "conv2d", {}),
            ("out", "dense", {"units": 10}),
        ]
    )
    assert "'out'" in msg and "(8, 6, 6)" in msg and "insert a Flatten" in msg
    errors = analyse(
        chain(
            [
                ("x", "input", {"units": 64, "channels": 1, "height": 8, "width": 8}),
                ("c", "conv2d", {}),
                ("out", "dense", {"units": 10}),
            ]
        )
    ).errors
    assert [type(e) for e in errors] == [FlattenNeededError]
    assert errors[0].node_ids == ("out", "c")


def test_image_layer_after_flat_features_asks_for_an_image():
    msg = _errors([("x", "input", {"units": 64}), ("p", "maxpool2d", {}), ("f", "flatten", {})])
    assert "'p'" in msg and "(channels, height, width)" in msg and "Reshape" in msg


def test_input_image_must_hold_its_features_and_reshape_must_keep_the_size():
    msg = _errors(
        [
            ("x", "input", {"units": 10, "channels": 1, "height": 3, "width": 3}),
            ("out", "dense", {"units": 1}),
        ]
    )
    assert "set Features to 9" in msg
    msg = _errors(
        [
            ("x", "input", {"units": 10}),
            ("r", "reshape", {"channels": 1, "height": 3, "width": 3}),
            ("f", "flatten", {}),
        ]
    )
    assert "'r'" in msg and "make channels x height x width = 10" in msg


def test_pool_padding_over_half_the_window_is_refused():
    msg = _errors(
        [
            ("x", "input", {"units": 64, "channels": 1, "height": 8, "width": 8}),
            ("p", "maxpool2d", {"pool_size": 2, "pad": 2}),
            ("f", "flatten", {}),
        ]
    )
    assert "at most 1" in msg


@pytest.mark.parametrize("data_shape", [(784,), (1, 28, 28)])
def test_image_input_accepts_flat_rows_or_images_of_its_size(data_shape):
    assert analyse(chain(LENET), data_shape).valid
    msg = " ".join(str(e) for e in analyse(chain(LENET), (100,)).errors)
    assert "100 features" in msg
    net = compile_spec(chain(LENET), dtype="float64")
    x = np.random.default_rng(0).normal(size=(3, *data_shape))
    np.testing.assert_allclose(net.predict(x), net.predict(x.reshape(3, 784)))
