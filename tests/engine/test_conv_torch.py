"""Float64 PyTorch parity of the NCHW kernels' forward and backward passes."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.engine.conv import conv2d_kernels
from nnstudio.engine.norm2d import batchnorm2d_kernels
from nnstudio.engine.pooling import avgpool2d_kernels, global_avgpool_kernels, maxpool2d_kernels
from nnstudio.engine.window import Window2D

torch = pytest.importorskip("torch")
F = torch.nn.functional

TOL = {"rtol": 1e-12, "atol": 1e-12}


def _t(a, grad=False):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


def _torch_pad(x, win):
    t, b, left, r = win.pads
    return F.pad(x, (left, r, t, b))


@pytest.mark.parametrize(
    ("shape", "out_channels", "kernel", "stride", "padding", "dilation"),
    [
        ((4, 1, 28, 28), 6, 5, 1, "valid", 1),
        ((3, 3, 8, 8), 16, 3, 1, "same", 1),
        ((2, 4, 11, 9), 5, (3, 2), (2, 1), (1, 2), (1, 2)),
        ((2, 2, 9, 9), 3, 4, 2, "same", 1),
    ],
)
def test_conv2d_matches_torch(shape, out_channels, kernel, stride, padding, dilation):
    rng = np.random.default_rng(0)
    n, c, h, w = shape
    win = Window2D.resolve((h, w), kernel, stride, padding, dilation)
    x = rng.normal(size=shape)
    weight = rng.normal(size=(out_channels, c, *win.kernel))
    bias = rng.normal(size=out_channels)
    out = np.empty((n, out_channels, *win.out_hw((h, w))))
    gout = rng.normal(size=out.shape)
    gx, gw, gb = np.empty_like(x), np.empty_like(weight), np.empty_like(bias)
    fwd, bwd = conv2d_kernels(x, weight, bias, win, out, gout=gout, gx=gx, gweight=gw, gbias=gb)
    fwd()
    bwd()
    xt, wt, bt = _t(x, True), _t(weight, True), _t(bias, True)
    if padding == "same" and stride == 1:
        yt = F.conv2d(xt, wt, bt, stride=stride, padding="same", dilation=dilation)
    else:
        yt = F.conv2d(_torch_pad(xt, win), wt, bt, stride=win.stride, dilation=win.dilation)
    yt.backward(_t(gout))
    np.testing.assert_allclose(out, yt.detach().numpy(), **TOL)
    np.testing.assert_allclose(gx, xt.grad.numpy(), **TOL)
    np.testing.assert_allclose(gw, wt.grad.numpy(), rtol=1e-12, atol=1e-11)
    np.testing.assert_allclose(gb, bt.grad.numpy(), rtol=1e-12, atol=1e-11)


@pytest.mark.parametrize(
    ("shape", "kernel", "stride", "padding", "dilation"),
    [
        ((4, 6, 24, 24), 2, 2, 0, 1),
        ((2, 3, 9, 7), 3, 2, 1, 1),
        ((2, 2, 10, 9), 3, 1, (1, 0), 2),
        ((2, 1, 7, 7), (2, 3), (3, 2), 0, 1),  # floor mode drops the last row
    ],
)
def test_pooling_matches_torch(shape, kernel, stride, padding, dilation):
    rng = np.random.default_rng(1)
    n, c, h, w = shape
    win = Window2D.resolve((h, w), kernel, stride, padding, dilation)
    x = rng.normal(size=shape)
    pad = (win.pads[0], win.pads[2])
    kinds = [("max", maxpool2d_kernels)] + ([("avg", avgpool2d_kernels)] if dilation == 1 else [])
    for kind, build in kinds:
        out = np.empty((n, c, *win.out_hw((h, w))))
        gout = rng.normal(size=out.shape)
        gx = np.empty_like(x)
        fwd, bwd = build(x, win, out, gout=gout, gx=gx)
        fwd()
        bwd()
        xt = _t(x, True)
        if kind == "max":
            yt = F.max_pool2d(xt, win.kernel, win.stride, pad, win.dilation)
        else:
            yt = F.avg_pool2d(xt, win.kernel, win.stride, pad)
        yt.backward(_t(gout))
        np.testing.assert_allclose(out, yt.detach().numpy(), **TOL)
        np.testing.assert_allclose(gx, xt.grad.numpy(), **TOL)


def test_maxpool_after_relu_ties_match_torch():
    rng = np.random.default_rng(5)
    x = np.maximum(rng.normal(size=(3, 2, 8, 8)), 0.0)  # many windows of zeros
    x[0, 0, :2, :2] = 0.7  # a window of equal maxima
    win = Window2D.resolve((8, 8), 2, 2)
    out = np.empty((3, 2, 4, 4))
    gout = rng.normal(size=out.shape)
    gx = np.empty_like(x)
    fwd, bwd = maxpool2d_kernels(x, win, out, gout=gout, gx=gx)
    fwd()
    bwd()
    xt = _t(x, True)
    F.max_pool2d(xt, 2).backward(_t(gout))
    np.testing.assert_array_equal(gx, xt.grad.numpy())


def test_global_avgpool_matches_torch():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(3, 5, 4, 6))
    out = np.empty((3, 5))
    gout = rng.normal(size=out.shape)
    gx = np.empty_like(x)
    fwd, bwd = global_avgpool_kernels(x, out, gout=gout, gx=gx)
    fwd()
    bwd()
    xt = _t(x, True)
    yt = F.adaptive_avg_pool2d(xt, 1).flatten(1)
    yt.backward(_t(gout))
    np.testing.assert_allclose(out, yt.detach().numpy(), **TOL)
    np.testing.assert_allclose(gx, xt.grad.numpy(), **TOL)


def test_batchnorm2d_matches_torch_in_training_and_evaluation():
    rng = np.random.default_rng(3)
    n, c, h, w = 4, 3, 5, 6
    x = rng.normal(size=(n, c, h, w)) * 2 + 1
    gamma, beta = rng.normal(size=c), rng.normal(size=c)
    rm, rv = np.zeros(c), np.ones(c)
    out, gout, gx = np.empty_like(x), rng.normal(size=x.shape), np.empty_like(x)
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
        ggamma=gg,
        gbeta=gb,
    )
    bn = torch.nn.BatchNorm2d(c, momentum=0.1, eps=1e-5).double()
    with torch.no_grad():
        bn.weight.copy_(_t(gamma))
        bn.bias.copy_(_t(beta))
    for _ in range(2):  # running statistics over two steps
        fwd()
        xt = _t(x, True)
        yt = bn(xt)
    bwd()
    yt.backward(_t(gout))
    np.testing.assert_allclose(out, yt.detach().numpy(), **TOL)
    np.testing.assert_allclose(gx, xt.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gg, bn.weight.grad.numpy(), rtol=1e-10, atol=1e-11)
    np.testing.assert_allclose(gb, bn.bias.grad.numpy(), rtol=1e-10, atol=1e-11)
    np.testing.assert_allclose(rm, bn.running_mean.numpy(), **TOL)
    np.testing.assert_allclose(rv, bn.running_var.numpy(), **TOL)
    ev = np.empty_like(x)
    f_eval, _ = batchnorm2d_kernels(
        x, gamma, beta, rm, rv, ev, training=False, momentum=0.1, eps=1e-5
    )
    f_eval()
    bn.eval()
    np.testing.assert_allclose(ev, bn(_t(x)).detach().numpy(), **TOL)
