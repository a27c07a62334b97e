"""Node kinds of the network DAG: validation, parameters and fused forward/backward kernels.

A layer never owns arrays. Its parameters are views into the network's one flat parameter
vector (and its gradients views into the one flat gradient vector); :meth:`Layer.build`
receives the preallocated buffers of one batch size and returns two closures, ``fwd()`` and
``bwd()``, that run with ``out=`` arguments and allocate nothing. All data is
``(n_samples, width)``; layers on ``(n, c, h, w)`` data can be added the same way.

Gradient accumulation on fan-out: ``gins[i]`` is the gradient buffer of input ``i`` and
``acc[i]`` says whether another consumer has already written it (then this layer adds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .activations import BACKWARD, FORWARD, Scratch, check_activation
from .errors import ConfigError, ShapeError
from .initializers import check_initializer, default_initializer, initialize


@dataclass
class Ctx:
    """Buffers and flags given to :meth:`Layer.build` for one plan (one batch size)."""

    n: int
    dtype: np.dtype
    training: bool
    skip_activation: bool  # the output activation is fused into the loss
    ins: list[np.ndarray]
    gout: np.ndarray | None  # gradient w.r.t. this node's output (None in eval plans)
    gins: list[np.ndarray | None]  # gradients w.r.t. inputs (None: not needed)
    acc: list[bool]
    params: dict[str, np.ndarray]
    grads: dict[str, np.ndarray]
    state: dict[str, np.ndarray]
    rngbox: list  # [numpy.random.Generator], swapped by the trainer
    out: np.ndarray | None = field(default=None)  # filled by build()


def _noop() -> None:
    return None


def _pass_grad(gout: np.ndarray, gin: np.ndarray | None, acc: bool) -> Callable[[], None]:
    if gin is None:
        return _noop
    if acc:
        return lambda: np.add(gin, gout, out=gin)
    return lambda: np.copyto(gin, gout)


def _int_param(node, key, default=None, minimum=1):
    v = node.params.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < minimum:
        raise ConfigError(
            f"Node {node.id!r}: {key} must be a whole number >= {minimum}, got {v!r}."
        )
    return int(v)


def _float_param(node, key, default, lo=None, hi=None, lo_open=False, hi_open=False):
    v = node.params.get(key, default)
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise ConfigError(f"Node {node.id!r}: {key} must be a number, got {v!r}.") from None
    bad = not np.isfinite(f)
    if lo is not None:
        bad |= f <= lo if lo_open else f < lo
    if hi is not None:
        bad |= f >= hi if hi_open else f > hi
    if bad:
        lo_s = "" if lo is None else (f"> {lo}" if lo_open else f">= {lo}")
        hi_s = "" if hi is None else (f"< {hi}" if hi_open else f"<= {hi}")
        rng = " and ".join(s for s in (lo_s, hi_s) if s)
        raise ConfigError(f"Node {node.id!r}: {key} must be {rng}, got {v!r}.")
    return f


class Layer:
    kind = ""
    n_inputs: tuple[int, int | None] = (1, 1)

    def __init__(self, node, in_widths: list[int]) -> None:
        self.id = node.id
        lo, hi = self.n_inputs
        if len(in_widths) < lo or (hi is not None and len(in_widths) > hi):
            want = f"exactly {lo}" if lo == hi else f"at least {lo}"
            raise ShapeError(
                f"Node {node.id!r} ({self.kind}) takes {want} input(s) but has "
                f"{len(in_widths)}; connect it accordingly."
            )
        self.in_widths = list(in_widths)
        self.width = in_widths[0] if in_widths else 0
        self.activation = "linear"

    def param_specs(self) -> list[tuple[str, tuple[int, ...], bool]]:
        """Trainable parameters: (name, shape, decayed by L1/L2)."""
        return []

    def state_specs(self) -> list[tuple[str, tuple[int, ...]]]:
        """Non-trainable saved arrays (e.g. running statistics)."""
        return []

    def init(self, params, state, rng, next_activation: str | None) -> None:
        return None

    def build(self, c: Ctx) -> tuple[Callable[[], None], Callable[[], None]]:
        raise NotImplementedError


class Input(Layer):
    kind = "input"
    n_inputs = (0, 0)

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        self.width = _int_param(node, "units")


class Dense(Layer):
    kind = "dense"

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        self.width = _int_param(node, "units")
        self.activation = check_activation(node.params.get("activation", "linear"))
        self.use_bias = bool(node.params.get("use_bias", True))
        self.init_name = check_initializer(node.params.get("init", "auto"))
        self.std = _float_param(node, "std", 0.05, lo=0)
        self.slope = _float_param(node, "slope", 0.01)
        self.alpha = _float_param(node, "alpha", 1.0)

    def param_specs(self):
        specs = [("weight", (self.in_widths[0], self.width), True)]
        if self.use_bias:
            specs.append(("bias", (self.width,), False))
        return specs

    def init(self, params, state, rng, next_activation):
        name = self.init_name
        if name == "auto":
            act = self.activation
            if act == "linear" and next_activation is not None:
                act = next_activation
            name = default_initializer(act)
        params["weight"][...] = initialize(name, params["weight"].shape, rng, std=self.std)
        if self.use_bias:
            params["bias"][...] = 0

    def build(self, c):
        x = c.ins[0]
        W = c.params["weight"]
        b = c.params.get("bias")
        z = np.empty((c.n, self.width), dtype=c.dtype)
        act = "linear" if c.skip_activation else self.activation
        if act == "linear":
            a = z
        else:
            a = np.empty_like(z)
            ws = Scratch.like(z, self.slope, self.alpha)
            f_act, b_act = FORWARD[act], BACKWARD[act]
        c.out = a
        dot = np.dot

        if act == "linear":
            if b is None:

                def fwd():
                    dot(x, W, z)
            else:

                def fwd():
                    dot(x, W, z)
                    np.add(z, b, out=z)
        else:

            def fwd():
                dot(x, W, z)
                if b is not None:
                    np.add(z, b, out=z)
                f_act(z, a, ws)

        if c.gout is None:
            return fwd, _noop
        ga = c.gout
        gz = ga if act == "linear" else np.empty_like(z)
        gW = c.grads["weight"]
        gb = c.grads.get("bias")
        gin = c.gins[0]
        tmp = np.empty_like(x) if (gin is not None and c.acc[0]) else None
        WT = W.T
        xT = x.T
        ones = np.ones(c.n, dtype=c.dtype)  # bias gradient as a dot: 4x cheaper than sum

        def bwd():
            if gz is not ga:
                b_act(z, a, ga, gz, ws)
            dot(xT, gz, gW)
            if gb is not None:
                dot(ones, gz, gb)
            if gin is not None:
                if tmp is None:
                    dot(gz, WT, gin)
                else:
                    dot(gz, WT, tmp)
                    np.add(gin, tmp, out=gin)

        return fwd, bwd


class Activation(Layer):
    kind = "activation"

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        self.activation = check_activation(node.params.get("activation", "relu"))
        self.slope = _float_param(node, "slope", 0.01)
        self.alpha = _float_param(node, "alpha", 1.0)

    def build(self, c):
        z = c.ins[0]
        act = "linear" if c.skip_activation else self.activation
        if act == "linear":
            c.out = z  # alias: no work
            if c.gout is None:
                return _noop, _noop
            return _noop, _pass_grad(c.gout, c.gins[0], c.acc[0])
        a = np.empty_like(z)
        c.out = a
        ws = Scratch.like(z, self.slope, self.alpha)
        f_act, b_act = FORWARD[act], BACKWARD[act]

        def fwd():
            f_act(z, a, ws)

        if c.gout is None or c.gins[0] is None:
            return fwd, _noop
        ga, gin = c.gout, c.gins[0]
        if not c.acc[0]:

            def bwd():
                b_act(z, a, ga, gin, ws)
        else:
            tmp = np.empty_like(z)

            def bwd():
                b_act(z, a, ga, tmp, ws)
                np.add(gin, tmp, out=gin)

        return fwd, bwd


class Dropout(Layer):
    """Inverted dropout: keep each unit with probability 1 - rate and scale by 1 / (1 - rate)."""

    kind = "dropout"

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        self.rate = _float_param(node, "rate", 0.5, lo=0.0, hi=1.0, hi_open=True)

    def build(self, c):
        x = c.ins[0]
        if not c.training or self.rate == 0.0:
            c.out = x
            if c.gout is None:
                return _noop, _noop
            return _noop, _pass_grad(c.gout, c.gins[0], c.acc[0])
        out = np.empty_like(x)
        c.out = out
        u = np.empty(x.shape, dtype=c.dtype)
        mask = np.empty_like(x)
        rate, scale, box = self.rate, 1.0 / (1.0 - self.rate), c.rngbox

        def fwd():
            box[0].random(dtype=u.dtype, out=u)
            np.greater_equal(u, rate, out=mask)  # bool -> float cast
            np.multiply(mask, scale, out=mask)
            np.multiply(x, mask, out=out)

        if c.gout is None or c.gins[0] is None:
            return fwd, _noop
        g, gin = c.gout, c.gins[0]
        if not c.acc[0]:

            def bwd():
                np.multiply(g, mask, out=gin)
        else:
            tmp = np.empty_like(x)

            def bwd():
                np.multiply(g, mask, out=tmp)
                np.add(gin, tmp, out=gin)

        return fwd, bwd


class BatchNorm(Layer):
    """Batch normalisation over features, PyTorch ``BatchNorm1d`` semantics.

    Training: y = gamma (x - mean_B) / sqrt(var_B + eps) + beta with the biased batch
    variance; running_mean = (1 - momentum) running_mean + momentum mean_B and
    running_var likewise with the unbiased batch variance. Evaluation uses the running
    statistics.
    """

    kind = "batchnorm"

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        self.momentum = _float_param(node, "momentum", 0.1, lo=0.0, hi=1.0)
        self.eps = _float_param(node, "eps", 1e-5, lo=0.0, lo_open=True)

    def param_specs(self):
        return [("weight", (self.width,), False), ("bias", (self.width,), False)]

    def state_specs(self):
        return [("running_mean", (self.width,)), ("running_var", (self.width,))]

    def init(self, params, state, rng, next_activation):
        params["weight"][...] = 1
        params["bias"][...] = 0
        state["running_mean"][...] = 0
        state["running_var"][...] = 1

    def build(self, c):
        x = c.ins[0]
        n, w = x.shape
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
            np.dot(ones, x, mu)
            np.multiply(mu, inv_n, out=mu)
            np.subtract(x, mu, out=xhat)
            np.multiply(xhat, xhat, out=t)
            np.dot(ones, t, var)
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
            np.dot(ones, g, gbeta)
            np.multiply(g, xhat, out=t)
            np.dot(ones, t, gg)
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


class Add(Layer):
    kind = "add"
    n_inputs = (1, None)

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        if len(set(in_widths)) > 1:
            raise ShapeError(
                f"Node {node.id!r} (add) sums inputs of different widths {in_widths}; "
                "make every input the same width or use concat instead."
            )

    def build(self, c):
        ins = c.ins
        out = np.empty_like(ins[0])
        c.out = out

        def fwd():
            if len(ins) == 1:
                np.copyto(out, ins[0])
                return
            np.add(ins[0], ins[1], out=out)
            for extra in ins[2:]:
                np.add(out, extra, out=out)

        if c.gout is None:
            return fwd, _noop
        ops = [_pass_grad(c.gout, gi, a) for gi, a in zip(c.gins, c.acc, strict=True)]

        def bwd():
            for op in ops:
                op()

        return fwd, bwd


class Concat(Layer):
    kind = "concat"
    n_inputs = (1, None)

    def __init__(self, node, in_widths):
        super().__init__(node, in_widths)
        self.width = sum(in_widths)

    def build(self, c):
        out = np.empty((c.n, self.width), dtype=c.dtype)
        c.out = out
        pieces, o = [], 0
        for xi in c.ins:
            w = xi.shape[1]
            pieces.append((xi, out[:, o : o + w]))
            o += w

        def fwd():
            for xi, dst in pieces:
                np.copyto(dst, xi)

        if c.gout is None:
            return fwd, _noop
        ops = []
        o = 0
        for gi, a, w in zip(c.gins, c.acc, self.in_widths, strict=True):
            ops.append(_pass_grad(c.gout[:, o : o + w], gi, a))
            o += w

        def bwd():
            for op in ops:
                op()

        return fwd, bwd


LAYERS: dict[str, type[Layer]] = {
    cls.kind: cls for cls in (Input, Dense, Activation, Dropout, BatchNorm, Add, Concat)
}
