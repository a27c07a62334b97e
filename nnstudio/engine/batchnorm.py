"""Batch normalisation (``batchnorm``): PyTorch ``BatchNorm1d`` on features and
``BatchNorm2d`` per channel on images ``(channels, height, width)``. The Layer interface
is described in :mod:`nnstudio.engine.layers`."""

from __future__ import annotations

import numpy as np

from . import fastnp as fnp
from .layers import LAYERS, Layer, _flat_input, _noop
from .node_params import _float_param
from .norm2d import batchnorm2d_kernels


class BatchNorm(Layer):
    """Batch normalisation over features, PyTorch ``BatchNorm1d`` semantics.

    Training: y = gamma (x - mean_B) / sqrt(var_B + eps) + beta with the biased batch
    variance; running_mean = (1 - momentum) running_mean + momentum mean_B and
    running_var likewise with the unbiased batch variance. Evaluation uses the running
    statistics.
    """

    kind = "batchnorm"
    param_names = ("momentum", "eps")

    def check(self, node):
        self.momentum = _float_param(node, "momentum", lo=0.0, hi=1.0)
        self.eps = _float_param(node, "eps", lo=0.0, lo_open=True)

    @staticmethod
    def _width(in_shapes) -> int:
        """Features (flat input) or channels (image input: per channel, ``BatchNorm2d``)."""
        shape = in_shapes[0]
        if len(shape) == 3:
            return shape[0]
        return _flat_input(in_shapes)

    @classmethod
    def output_shape(cls, params, in_shapes):
        cls._width(in_shapes)
        return tuple(in_shapes[0])

    @classmethod
    def weight_shapes(cls, params, in_shapes):
        w = (cls._width(in_shapes),)
        return [("weight", w, False), ("bias", w, False)]

    @classmethod
    def state_shapes(cls, params, in_shapes):
        w = (cls._width(in_shapes),)
        return [("running_mean", w), ("running_var", w)]

    def init(self, params, state, rng, next_activation):
        params["weight"][...] = 1
        params["bias"][...] = 0
        state["running_mean"][...] = 0
        state["running_var"][...] = 1

    def build(self, c):
        x = c.ins[0]
        if x.ndim == 4:
            return self._build_2d(c)
        n, w = x.shape[0], x.shape[1]
        gamma, beta = c.params["weight"], c.params["bias"]
        rm, rv = c.state["running_mean"], c.state["running_var"]
        out = np.empty_like(x)
        c.out = out
        eps, mom = self.eps, self.momentum
        vec = [np.empty(w, dtype=c.dtype) for _ in range(4)]
        if not c.training:
            scale, shift = vec[0], vec[1]

            def fwd_eval():
                np.add(rv, eps, out=scale)
                np.sqrt(scale, out=scale)
                np.divide(gamma, scale, out=scale)
                np.multiply(rm, scale, out=shift)
                np.subtract(beta, shift, out=shift)
                np.multiply(x, scale, out=out)
                np.add(out, shift, out=out)

            return fwd_eval, _noop
        mu, var, inv, tv = vec
        xhat = np.empty_like(x)
        t = np.empty_like(x)
        unbias = n / (n - 1) if n > 1 else 1.0

        ones = np.ones(n, dtype=c.dtype)
        inv_n = 1.0 / n

        def fwd():
            fnp.dot(ones, x, mu)
            np.multiply(mu, inv_n, out=mu)
            np.subtract(x, mu, out=xhat)
            np.multiply(xhat, xhat, out=t)
            fnp.dot(ones, t, var)
            np.multiply(var, inv_n, out=var)
            np.add(var, eps, out=inv)
            np.sqrt(inv, out=inv)
            np.divide(1.0, inv, out=inv)
            np.multiply(xhat, inv, out=xhat)
            np.multiply(xhat, gamma, out=out)
            np.add(out, beta, out=out)
            # running statistics (PyTorch: unbiased variance)
            np.multiply(mu, mom, out=tv)
            np.multiply(rm, 1.0 - mom, out=rm)
            np.add(rm, tv, out=rm)
            np.multiply(var, mom * unbias, out=tv)
            np.multiply(rv, 1.0 - mom, out=rv)
            np.add(rv, tv, out=rv)

        if c.gout is None:
            return fwd, _noop
        g = c.gout
        gg, gbeta = c.grads["weight"], c.grads["bias"]
        gin = c.gins[0]
        acc = c.acc[0]
        t2 = np.empty_like(x)
        coef = np.empty(w, dtype=c.dtype)

        def bwd():
            fnp.dot(ones, g, gbeta)
            np.multiply(g, xhat, out=t)
            fnp.dot(ones, t, gg)
            if gin is None:
                return
            # dx = gamma * inv / n * (n g - sum(g) - xhat * sum(g xhat))
            np.multiply(g, float(n), out=t2)
            np.subtract(t2, gbeta, out=t2)
            np.multiply(xhat, gg, out=t)
            np.subtract(t2, t, out=t2)
            np.multiply(gamma, inv, out=coef)
            np.multiply(coef, 1.0 / n, out=coef)
            if acc:
                np.multiply(t2, coef, out=t2)
                np.add(gin, t2, out=gin)
            else:
                np.multiply(t2, coef, out=gin)

        return fwd, bwd

    def _build_2d(self, c):
        out = np.empty_like(c.ins[0])
        c.out = out
        training_grads = c.training and c.gout is not None
        return batchnorm2d_kernels(
            c.ins[0],
            c.params["weight"],
            c.params["bias"],
            c.state["running_mean"],
            c.state["running_var"],
            out,
            training=c.training,
            momentum=self.momentum,
            eps=self.eps,
            gout=c.gout,
            gx=c.gins[0] if training_grads else None,
            acc=bool(training_grads and c.acc[0]),
            ggamma=c.grads["weight"] if training_grads else None,
            gbeta=c.grads["bias"] if training_grads else None,
        )


LAYERS[BatchNorm.kind] = BatchNorm
