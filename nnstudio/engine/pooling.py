"""2-D pooling over NCHW data on preallocated buffers: max, average and global average.

Each builder receives the arrays it will touch and returns ``(fwd, bwd)`` closures that
allocate nothing. The window loops run over the kh*kw kernel offsets; each iteration is one
vectorised call on a strided slice (n, c, ho, wo) of the padded input.

- Max pooling pads with -inf and routes each output's gradient to the first maximum of its
  window in row-major order (PyTorch's ``max_pool2d`` rule; it matters for ties).
- Average pooling counts padded zeros (PyTorch's default ``count_include_pad=True``).
- Global average pooling maps (n, c, h, w) to (n, c).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import fastnp as fnp
from .window import Window2D, noop, padded_buffer, reshaped


def _input_grad_target(gx: np.ndarray, win: Window2D, acc: bool):
    """Where to scatter gradients (the padded buffer or ``gx`` itself) and how to finish.

    Returns ``(target, zero_first, finish)``: ``finish()`` moves the padded buffer's
    interior into ``gx`` (written or added per ``acc``).
    """
    if not any(win.pads):
        return gx, not acc, noop
    target, _ = padded_buffer(gx, win)
    n, c, h, w = gx.shape
    t, _b, left, _r = win.pads
    inner = target[:, :, t : t + h, left : left + w]
    if acc:
        return target, True, lambda: np.add(gx, inner, out=gx)
    return target, True, lambda: fnp.copyto(gx, inner)


def maxpool2d_kernels(
    x: np.ndarray,
    win: Window2D,
    out: np.ndarray,
    *,
    gout: np.ndarray | None = None,
    gx: np.ndarray | None = None,
    acc: bool = False,
) -> tuple[Callable[[], None], Callable[[], None]]:
    """``out`` (n, c, ho, wo) = max over each window of ``x`` (n, c, h, w).

    With ``gout`` and ``gx``, ``bwd()`` writes (or adds, ``acc=True``) ``gx``; it reads
    ``x`` and ``out`` again, which stay unchanged between a forward and its backward pass.
    """
    n, c, h, w = x.shape
    out_hw = win.out_hw((h, w))
    xp, interior = padded_buffer(x, win, fill=-np.inf)
    offsets = win.offsets(out_hw)
    srcs = [xp[:, :, rows, cols] for _i, _j, (rows, cols) in offsets]
    copyto, maximum = fnp.copyto, np.maximum
    first, second, rest = srcs[0], srcs[1] if len(srcs) > 1 else None, srcs[2:]

    def fwd():
        if interior is not None:
            copyto(interior, x)
        if second is None:
            copyto(out, first)
        else:
            maximum(first, second, out=out)
        for s in rest:
            maximum(out, s, out=out)

    if gout is None or gx is None:
        return fwd, noop
    # Routing is found in the backward pass: an input is the window's winner where it equals
    # the maximum and no earlier offset of the window already won (``taken``).
    target, zero_first, finish = _input_grad_target(gx, win, acc)
    dsts = [target[:, :, rows, cols] for _i, _j, (rows, cols) in offsets]
    g = gout
    eq = np.empty(out.shape, dtype=bool)
    taken = np.empty(out.shape, dtype=bool)
    tmp = None if (win.disjoint and zero_first) else np.empty_like(out)
    equal, multiply, add = np.equal, np.multiply, np.add
    last = len(srcs) - 1

    def bwd():
        if zero_first:
            target.fill(0)
        for k, (s, dst) in enumerate(zip(srcs, dsts, strict=True)):
            equal(s, out, out=eq)
            if k == 0:
                copyto(taken, eq)
            else:
                np.greater(eq, taken, out=eq)  # eq and not taken
                if k < last:
                    np.logical_or(taken, eq, out=taken)
            if tmp is None:  # windows do not overlap: write the routed gradient directly
                multiply(g, eq, out=dst)
            else:
                multiply(g, eq, out=tmp)
                add(dst, tmp, out=dst)
        finish()

    return fwd, bwd


def avgpool2d_kernels(
    x: np.ndarray,
    win: Window2D,
    out: np.ndarray,
    *,
    gout: np.ndarray | None = None,
    gx: np.ndarray | None = None,
    acc: bool = False,
) -> tuple[Callable[[], None], Callable[[], None]]:
    """``out`` (n, c, ho, wo) = mean over each window of ``x`` (n, c, h, w), padding counted."""
    n, c, h, w = x.shape
    out_hw = win.out_hw((h, w))
    xp, interior = padded_buffer(x, win)
    offsets = win.offsets(out_hw)
    srcs = [xp[:, :, rows, cols] for _i, _j, (rows, cols) in offsets]
    inv = 1.0 / len(srcs)
    copyto, add, multiply = fnp.copyto, np.add, np.multiply

    def fwd():
        if interior is not None:
            copyto(interior, x)
        copyto(out, srcs[0])
        for s in srcs[1:]:
            add(out, s, out=out)
        multiply(out, inv, out=out)

    if gout is None or gx is None:
        return fwd, noop
    target, zero_first, finish = _input_grad_target(gx, win, acc)
    dsts = [target[:, :, rows, cols] for _i, _j, (rows, cols) in offsets]
    share = np.empty_like(out)
    g = gout
    direct = win.disjoint and zero_first

    def bwd():
        multiply(g, inv, out=share)
        if zero_first:
            target.fill(0)
        for dst in dsts:
            if direct:
                copyto(dst, share)
            else:
                add(dst, share, out=dst)
        finish()

    return fwd, bwd


def global_avgpool_kernels(
    x: np.ndarray,
    out: np.ndarray,
    *,
    gout: np.ndarray | None = None,
    gx: np.ndarray | None = None,
    acc: bool = False,
) -> tuple[Callable[[], None], Callable[[], None]]:
    """``out`` (n, c) = mean of ``x`` (n, c, h, w) over (h, w); ``gx`` gets ``gout / (h w)``."""
    n, c, h, w = x.shape
    hw = h * w
    x2 = reshaped(x, (n * c, hw))
    weights = np.full(hw, 1.0 / hw, dtype=x.dtype)
    out1 = reshaped(out, (n * c,))

    def fwd():
        fnp.dot(x2, weights, out1)

    if gout is None or gx is None:
        return fwd, noop
    g3 = reshaped(gout, (n, c, 1))
    gx3 = reshaped(gx, (n, c, hw))
    inv = 1.0 / hw
    if not acc:

        def bwd():
            np.multiply(g3, inv, out=gx3)  # broadcast over (h, w)

        return fwd, bwd
    share = np.empty((n, c, 1), dtype=x.dtype)

    def bwd_acc():
        np.multiply(g3, inv, out=share)
        np.add(gx3, share, out=gx3)

    return fwd, bwd_acc
