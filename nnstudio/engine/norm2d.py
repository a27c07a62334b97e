"""Batch normalisation per channel of NCHW data (PyTorch ``BatchNorm2d``) on preallocated buffers.

Statistics are taken over the batch and both spatial axes (m = n * h * w values per
channel). Training: ``y = gamma (x - mean) / sqrt(var + eps) + beta`` with the biased
variance; ``running = (1 - momentum) running + momentum stat`` with the unbiased variance
(factor m / (m - 1)). Evaluation uses the running statistics.

Sums over (n, h, w) are two ``np.dot`` calls: over the batch, then over the positions.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import fastnp as fnp
from .window import noop, reshaped


def batchnorm2d_kernels(
    x: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    running_mean: np.ndarray,
    running_var: np.ndarray,
    out: np.ndarray,
    *,
    training: bool,
    momentum: float,
    eps: float,
    gout: np.ndarray | None = None,
    gx: np.ndarray | None = None,
    acc: bool = False,
    ggamma: np.ndarray | None = None,
    gbeta: np.ndarray | None = None,
) -> tuple[Callable[[], None], Callable[[], None]]:
    """Closures for ``x``/``out``/``gout``/``gx`` (n, c, h, w) and per-channel vectors (c,).

    ``gamma``, ``beta`` and the running statistics are views read (and, in training, the
    running statistics updated) at every call.
    """
    n, c, h, w = x.shape
    hw = h * w
    m = n * hw
    dt = x.dtype
    x3 = reshaped(x, (n, c, hw))
    out3 = reshaped(out, (n, c, hw))
    col = [reshaped(v, (c, 1)) for v in (gamma, beta, running_mean, running_var)]
    g_c, b_c, rm_c, rv_c = col
    ones_n = np.ones(n, dtype=dt)
    ones_hw = np.ones(hw, dtype=dt)
    part = np.empty(c * hw, dtype=dt)
    part2 = reshaped(part, (c, hw))

    def channel_sum(a: np.ndarray, dst: np.ndarray) -> None:
        fnp.dot(ones_n, reshaped(a, (n, c * hw)), part)
        fnp.dot(part2, ones_hw, dst)

    if not training:
        scale, shift = np.empty((c, 1), dtype=dt), np.empty((c, 1), dtype=dt)

        def fwd_eval():
            np.add(rv_c, eps, out=scale)
            np.sqrt(scale, out=scale)
            np.divide(g_c, scale, out=scale)
            np.multiply(rm_c, scale, out=shift)
            np.subtract(b_c, shift, out=shift)
            np.multiply(x3, scale, out=out3)
            np.add(out3, shift, out=out3)

        return fwd_eval, noop

    mu, var, inv, tv = (np.empty(c, dtype=dt) for _ in range(4))
    mu_c, inv_c = reshaped(mu, (c, 1)), reshaped(inv, (c, 1))
    xhat = np.empty((n, c, hw), dtype=dt)
    t = np.empty((n, c, hw), dtype=dt)
    unbias = m / (m - 1) if m > 1 else 1.0
    inv_m = 1.0 / m
    mom = momentum

    def fwd():
        channel_sum(x3, mu)
        np.multiply(mu, inv_m, out=mu)
        np.subtract(x3, mu_c, out=xhat)
        np.multiply(xhat, xhat, out=t)
        channel_sum(t, var)
        np.multiply(var, inv_m, out=var)
        np.add(var, eps, out=inv)
        np.sqrt(inv, out=inv)
        np.divide(1.0, inv, out=inv)
        np.multiply(xhat, inv_c, out=xhat)
        np.multiply(xhat, g_c, out=out3)
        np.add(out3, b_c, out=out3)
        np.multiply(mu, mom, out=tv)
        np.multiply(running_mean, 1.0 - mom, out=running_mean)
        np.add(running_mean, tv, out=running_mean)
        np.multiply(var, mom * unbias, out=tv)
        np.multiply(running_var, 1.0 - mom, out=running_var)
        np.add(running_var, tv, out=running_var)

    if gout is None:
        return fwd, noop
    g3 = reshaped(gout, (n, c, hw))
    gx3 = None if gx is None else reshaped(gx, (n, c, hw))
    gg_c, gb_c = reshaped(ggamma, (c, 1)), reshaped(gbeta, (c, 1))
    t2 = np.empty_like(xhat)
    coef = np.empty((c, 1), dtype=dt)

    def bwd():
        channel_sum(g3, gbeta)
        np.multiply(g3, xhat, out=t)
        channel_sum(t, ggamma)
        if gx3 is None:
            return
        # dx = gamma * inv / m * (m g - sum(g) - xhat * sum(g xhat))
        np.multiply(g3, float(m), out=t2)
        np.subtract(t2, gb_c, out=t2)
        np.multiply(xhat, gg_c, out=t)
        np.subtract(t2, t, out=t2)
        np.multiply(g_c, inv_c, out=coef)
        np.multiply(coef, inv_m, out=coef)
        if acc:
            np.multiply(t2, coef, out=t2)
            np.add(gx3, t2, out=gx3)
        else:
            np.multiply(t2, coef, out=gx3)

    return fwd, bwd
