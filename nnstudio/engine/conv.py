"""2-D convolution over NCHW data as GEMM (im2col), on preallocated buffers.

``conv2d_kernels`` receives every array it will touch (made once per batch size by the
caller) and returns two closures, ``fwd()`` and ``bwd()``, that allocate nothing:

- im2col: the padded input ``xp`` (n, c, hp, wp) is viewed through
  ``sliding_window_view`` as (n, c, kh, kw, ho, wo) (strides and dilation are slicing
  of that view, made once), copied in one call into ``cols`` (n, c*kh*kw, ho*wo) and
  multiplied by the weight ``(out, in, kh, kw)`` seen as (o, c*kh*kw): one batched GEMM
  ``(o, ckk) @ (n, ckk, p) -> (n, o, p)`` that writes the NCHW output directly.
- backward: ``gW = sum_n g_n @ cols_n^T``, ``gb = sum over n, p of g``,
  ``gcols = W^T @ g`` and col2im as a loop over the kh*kw kernel offsets, each adding one
  strided slice into the padded input gradient. The input gradient is accumulated with
  the batch as the last axis, (c, hp, wp, n), so that each slice is made of long
  contiguous runs, then transposed once into (n, c, h, w).

Semantics are PyTorch's ``torch.nn.functional.conv2d`` (cross-correlation).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import fastnp as fnp
from .window import Window2D, noop, padded_buffer, reshaped


def im2colreshaped(xp: np.ndarray, win: Window2D) -> np.ndarray:
    """Read-only view (n, c, kh, kw, ho, wo) of the padded input ``xp`` (n, c, hp, wp)."""
    sh, sw = win.stride
    dh, dw = win.dilation
    v = sliding_window_view(xp, win.span, axis=(2, 3))
    v = v[:, :, ::sh, ::sw, ::dh, ::dw]
    return v.transpose(0, 1, 4, 5, 2, 3)


def col2im_add(gcols: np.ndarray, gxp: np.ndarray, win: Window2D, out_hw) -> None:
    """Add ``gcols`` (n, c, kh, kw, ho, wo) into ``gxp`` (n, c, hp, wp), one slice per offset."""
    for i, j, (rows, cols) in win.offsets(out_hw):
        dst = gxp[:, :, rows, cols]
        np.add(dst, gcols[:, :, i, j], out=dst)


def conv2d_kernels(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None,
    win: Window2D,
    out: np.ndarray,
    *,
    gout: np.ndarray | None = None,
    gx: np.ndarray | None = None,
    acc: bool = False,
    gweight: np.ndarray | None = None,
    gbias: np.ndarray | None = None,
) -> tuple[Callable[[], None], Callable[[], None]]:
    """Closures computing ``out = conv2d(x, weight) + bias`` and its gradients.

    Shapes: ``x`` (n, c, h, w); ``weight`` (o, c, kh, kw) and ``bias`` (o,) are views into
    the parameter vector (read at every call, never copied); ``out`` and ``gout``
    (n, o, ho, wo) C-contiguous. ``bwd()`` writes ``gweight``/``gbias`` (same shapes as the
    parameters) and, if ``gx`` (n, c, h, w) is given, writes it (``acc=False``) or adds to
    it (``acc=True``). Without ``gout`` the backward closure does nothing.
    """
    n, c, h, w = x.shape
    o = weight.shape[0]
    kh, kw = win.kernel
    ho, wo = win.out_hw((h, w))
    p = ho * wo
    ckk = c * kh * kw
    dt = x.dtype
    assert weight.shape == (o, c, kh, kw) and out.shape == (n, o, ho, wo)
    xp, interior = padded_buffer(x, win)
    windows = im2colreshaped(xp, win)
    cols = np.empty((n, c, kh, kw, ho, wo), dtype=dt)
    cols3 = reshaped(cols, (n, ckk, p))
    wmat = reshaped(weight, (o, ckk))
    out3 = reshaped(out, (n, o, p))
    b2 = None if bias is None else reshaped(bias, (o, 1))
    copyto, matmul, add = fnp.copyto, np.matmul, np.add

    def fwd():
        if interior is not None:
            copyto(interior, x)
        copyto(cols, windows)
        matmul(wmat, cols3, out=out3)
        if b2 is not None:
            add(out3, b2, out=out3)

    if gout is None:
        return fwd, noop
    g3 = reshaped(gout, (n, o, p))
    ones_n = np.ones(n, dtype=dt)
    ops: list[Callable[[], None]] = []
    if gweight is not None:
        per_sample = np.empty((n, o, ckk), dtype=dt)
        per_sample2 = reshaped(per_sample, (n, o * ckk))
        gw_flat = reshaped(gweight, (o * ckk,))
        cols3_t = cols3.transpose(0, 2, 1)

        def grad_weight():
            matmul(g3, cols3_t, out=per_sample)
            fnp.dot(ones_n, per_sample2, gw_flat)

        ops.append(grad_weight)
    if gbias is not None:
        ones_p = np.ones(p, dtype=dt)
        g2 = reshaped(gout, (n, o * p))
        per_pos = np.empty(o * p, dtype=dt)
        per_pos2 = reshaped(per_pos, (o, p))

        def grad_bias():
            fnp.dot(ones_n, g2, per_pos)
            fnp.dot(per_pos2, ones_p, gbias)

        ops.append(grad_bias)
    if gx is not None:
        # col2im with the batch innermost: gcols^T (c, kh, kw, ho, wo, n) = W^T @ g^T is one
        # GEMM, and each offset adds runs of wo * n contiguous values (3x faster than NCHW)
        g_t = np.empty((o, ho, wo, n), dtype=dt)
        g_t2 = reshaped(g_t, (o, p * n))
        gout_t = gout.transpose(1, 2, 3, 0)
        gcols_t = np.empty((c, kh, kw, ho, wo, n), dtype=dt)
        gcols_t2 = reshaped(gcols_t, (ckk, p * n))
        wmat_t = wmat.T
        hp, wp = win.padded_hw((h, w))
        target = np.empty((c, hp, wp, n), dtype=dt)
        t, _b, left, _r = win.pads
        inner = target[:, t : t + h, left : left + w, :].transpose(3, 0, 1, 2)  # (n, c, h, w)
        slices = [
            (target[:, rows, cols_, :], gcols_t[:, i, j])
            for i, j, (rows, cols_) in win.offsets((ho, wo))
        ]

        def grad_input():
            copyto(g_t, gout_t)
            fnp.dot(wmat_t, g_t2, gcols_t2)
            target.fill(0)
            for dst, src in slices:
                add(dst, src, out=dst)
            if acc:
                add(gx, inner, out=gx)
            else:
                copyto(gx, inner)

        ops.append(grad_input)

    def bwd():
        for op in ops:
            op()

    return fwd, bwd
