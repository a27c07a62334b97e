"""Central-difference gradient checks (float64) of the NCHW kernels: conv, pooling, BatchNorm2D."""

from __future__ import annotations

import numpy as np
import pytest
from engine_helpers import numeric_grad

from nnstudio.engine.conv import conv2d_kernels
from nnstudio.engine.errors import ConfigError, ShapeError
from nnstudio.engine.norm2d import batchnorm2d_kernels
from nnstudio.engine.pooling import avgpool2d_kernels, global_avgpool_kernels, maxpool2d_kernels
from nnstudio.engine.window import Window2D

CONV_CASES = [
    # (n, c, h, w, o, kernel, stride, padding, dilation, bias)
    (2, 2, 6, 5, 3, 3, 1, "valid", 1, True),
    (2, 3, 7, 7, 2, (3, 2), 2, "same", 1, True),
    (1, 2, 8, 7, 2, 3, (2, 1), (1, 2), 2, False),
    (2, 1, 5, 6, 2, 4, 1, "same", 1, True),  # even kernel: asymmetric padding
    (2, 2, 9, 8, 3, 2, 3, 1, (2, 1), True),
]


def _run_and_compare(fwd, bwd, out, gout, pairs, rtol=1e-6, atol=1e-8, seed=1):
    rng = np.random.default_rng(seed)
    r = rng.normal(size=out.shape)

    def loss():
        fwd()
        return float((out * r).sum())

    loss()
    gout[...] = r
    bwd()
    analytic = [g.copy() for _arr, g in pairs]
    for (arr, _g), a in zip(pairs, analytic, strict=True):
        num = numeric_grad(loss, arr)
        np.testing.assert_allclose(a, num, rtol=rtol, atol=atol)
    return analytic


@pytest.mark.parametrize("case", CONV_CASES)
def test_conv2d_gradients(case):
    n, c, h, w, o, k, s, pad, d, use_bias = case
    rng = np.random.default_rng(0)
    win = Window2D.resolve((h, w), k, s, pad, d)
    ho, wo = win.out_hw((h, w))
    x = rng.normal(size=(n, c, h, w))
    weight = rng.normal(size=(o, c, *win.kernel))
    bias = rng.normal(size=o) if use_bias else None
    out = np.empty((n, o, ho, wo))
    gout = np.empty_like(out)
    gx, gw = np.empty_like(x), np.empty_like(weight)
    gb = np.empty(o) if use_bias else None
    fwd, bwd = conv2d_kernels(x, weight, bias, win, out, gout=gout, gx=gx, gweight=gw, gbias=gb)
    pairs = [(x, gx), (weight, gw)] + ([(bias, gb)] if use_bias else [])
    analytic = _run_and_compare(fwd, bwd, out, gout, pairs)
    assert np.abs(analytic[0]).sum() > 0 and np.abs(analytic[1]).sum() > 0


def test_conv2d_accumulates_into_input_gradient():
    rng = np.random.default_rng(3)
    for pad in ("valid", 1):
        win = Window2D.resolve((5, 5), 3, 1, pad)
        x = rng.normal(size=(2, 2, 5, 5))
        weight = rng.normal(size=(3, 2, 3, 3))
        out = np.empty((2, 3, *win.out_hw((5, 5))))
        gout = rng.normal(size=out.shape)
        fresh = np.empty_like(x)
        f1, b1 = conv2d_kernels(x, weight, None, win, out, gout=gout, gx=fresh)
        f1()
        b1()
        base = rng.normal(size=x.shape)
        summed = base.copy()
        f2, b2 = conv2d_kernels(x, weight, None, win, out, gout=gout, gx=summed, acc=True)
        f2()
        b2()
        np.testing.assert_allclose(summed, base + fresh, rtol=1e-12, atol=1e-12)


POOL_CASES = [
    # (n, c, h, w, kernel, stride, padding, dilation)
    (2, 2, 6, 6, 2, 2, 0, 1),
    (2, 2, 7, 6, 3, 2, 1, 1),
    (1, 3, 7, 8, (2, 3), 1, (1, 0), 1),
    (2, 1, 9, 9, 3, 2, 1, 2),
]


# average pooling has no dilation (as in PyTorch)
POOL_KIND_CASES = [("max", c) for c in POOL_CASES] + [("avg", c) for c in POOL_CASES if c[-1] == 1]


@pytest.mark.parametrize(("kind", "case"), POOL_KIND_CASES)
@pytest.mark.parametrize("acc", [False, True])
def test_pool2d_gradients(case, kind, acc):
    n, c, h, w, k, s, pad, d = case
    build = maxpool2d_kernels if kind == "max" else avgpool2d_kernels
    rng = np.random.default_rng(1)
    win = Window2D.resolve((h, w), k, s, pad, d)
    # distinct values spaced far apart, so a step of 1e-6 never changes a window's maximum
    x = rng.permutation(n * c * h * w).reshape(n, c, h, w) * 0.1
    out = np.empty((n, c, *win.out_hw((h, w))))
    gout = np.empty_like(out)
    base = rng.normal(size=x.shape) if acc else np.zeros_like(x)
    gx = base.copy()
    fwd, bwd = build(x, win, out, gout=gout, gx=gx, acc=acc)
    r = rng.normal(size=out.shape)

    def loss():
        fwd()
        return float((out * r).sum())

    loss()
    gout[...] = r
    bwd()
    num = numeric_grad(loss, x)
    np.testing.assert_allclose(gx - base, num, rtol=1e-6, atol=1e-8)


def test_maxpool_routes_ties_to_the_first_maximum():
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, 2:, 2:] = [[5.0, 5.0], [5.0, 1.0]]
    out = np.empty((1, 1, 2, 2))
    gout = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    gx = np.empty_like(x)
    fwd, bwd = maxpool2d_kernels(x, Window2D.resolve((4, 4), 2, 2), out, gout=gout, gx=gx)
    fwd()
    bwd()
    np.testing.assert_array_equal(out[0, 0], [[0.0, 0.0], [0.0, 5.0]])
    expected = np.zeros((4, 4))
    expected[0, 0], expected[0, 2], expected[2, 0], expected[2, 2] = 1.0, 2.0, 3.0, 4.0
    np.testing.assert_array_equal(gx[0, 0], expected)


@pytest.mark.parametrize("acc", [False, True])
def test_global_avgpool_gradients(acc):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(3, 4, 5, 2))
    out = np.empty((3, 4))
    gout = np.empty_like(out)
    base = rng.normal(size=x.shape) if acc else np.zeros_like(x)
    gx = base.copy()
    fwd, bwd = global_avgpool_kernels(x, out, gout=gout, gx=gx, acc=acc)
    fwd()
    np.testing.assert_allclose(out, x.mean(axis=(2, 3)), rtol=1e-12)
    r = rng.normal(size=out.shape)

    def loss():
        fwd()
        return float((out * r).sum())

    gout[...] = r
    bwd()
    np.testing.assert_allclose(gx - base, numeric_grad(loss, x), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("acc", [False, True])
def test_batchnorm2d_gradients(acc):
    rng = np.random.default_rng(4)
    n, c, h, w = 3, 2, 3, 4
    x = rng.normal(size=(n, c, h, w)) * 2 + 0.5
    gamma, beta = rng.normal(size=c), rng.normal(size=c)
    rm, rv = np.zeros(c), np.ones(c)
    out, gout = np.empty_like(x), np.empty_like(x)
    base = rng.normal(size=x.shape) if acc else np.zeros_like(x)
    gx = base.copy()
    gg, gb = np.empty(c), np.empty(c)
    fwd, bwd = batchnorm2d_kernels(
        x,
        gamma,
        beta,
        rm,
        rv,
        out,
        training=True,
        momentum=0.1,
        eps=1e-5,
        gout=gout,
        gx=gx,
        acc=acc,
        ggamma=gg,
        gbeta=gb,
    )
    r = rng.normal(size=x.shape)

    def loss():
        fwd()
        return float((out * r).sum())

    loss()
    gout[...] = r
    bwd()
    np.testing.assert_allclose(gx - base, numeric_grad(loss, x), rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(gg, numeric_grad(loss, gamma), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(gb, numeric_grad(loss, beta), rtol=1e-6, atol=1e-8)


def test_window_shapes_follow_pytorch_formulas():
    # floor((in + 2p - d (k - 1) - 1) / s) + 1
    assert Window2D.resolve((28, 28), 5).out_hw((28, 28)) == (24, 24)
    assert Window2D.resolve((7, 9), 3, 2, 1, 2).out_hw((7, 9)) == (3, 4)
    assert Window2D.resolve((8, 8), 3, 1, "same").out_hw((8, 8)) == (8, 8)
    same4 = Window2D.resolve((6, 6), 4, 1, "same")
    assert same4.pads == (1, 2, 1, 2)  # PyTorch: left = total // 2
    assert Window2D.resolve((7, 7), 3, 2, "same").out_hw((7, 7)) == (4, 4)  # ceil(7 / 2)
    with pytest.raises(ShapeError, match="larger than its 4x4 input"):
        Window2D.resolve((4, 4), 5).out_hw((4, 4))
    with pytest.raises(ConfigError, match="kernel size"):
        Window2D.resolve((4, 4), 0)
    with pytest.raises(ConfigError, match="padding"):
        Window2D.resolve((4, 4), 3, padding="full")


def test_network_of_image_layers_gradients():
    """Central differences through a whole network: Reshape, Conv2D with fused activations,
    BatchNorm per channel, Add and Concatenate on images, pooling, Flatten, Dense."""
    from nnstudio.engine import Network, NodeDef
    from nnstudio.graph import fill_node_params

    def node(nid, kind, params, inputs):
        return NodeDef(nid, kind, fill_node_params(kind, params), inputs)

    conv = {"filters": 2, "kernel_size": 3, "padding": "same"}
    nodes = [
        node("in", "input", {"units": 2 * 5 * 5}, []),
        node("img", "reshape", {"channels": 2, "height": 5, "width": 5}, ["in"]),
        node("a", "conv2d", {**conv, "activation": "tanh"}, ["img"]),
        node("bn", "batchnorm", {}, ["a"]),
        node("b", "conv2d", {**conv, "activation": "softplus", "kernel_size": 2}, ["img"]),
        node("sum", "add", {}, ["bn", "b"]),
        node("cat", "concat", {}, ["sum", "img"]),
        node("pool", "avgpool2d", {"pool_size": 2, "stride": 1}, ["cat"]),
        node("mp", "maxpool2d", {"pool_size": 2, "stride": 2, "pad": 1}, ["pool"]),
        node("flat", "flatten", {}, ["mp"]),
        node("out", "dense", {"units": 3, "activation": "linear"}, ["flat"]),
    ]
    net = Network(nodes, dtype="float64", seed=3)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4, 50))
    y = rng.normal(size=(4, 3))
    _, grads, gx = net.loss_and_gradients(x, y, "mse")
    analytic = net.flat_grads.copy()  # every trainable parameter, in the flat layout
    assert set(grads) == {
        "a.weight",
        "a.bias",
        "bn.weight",
        "bn.bias",
        "b.weight",
        "b.bias",
        "out.weight",
        "out.bias",
    }

    def loss():
        return net.loss_and_gradients(x, y, "mse")[0]

    np.testing.assert_allclose(analytic, numeric_grad(loss, net.flat_params), rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(gx.reshape(x.shape), numeric_grad(loss, x), rtol=1e-5, atol=1e-8)
