"""Optimizers over one flat parameter vector, with PyTorch ``torch.optim`` update rules.

Each optimizer keeps its state as flat vectors of the same length as the parameters, so a
whole update is a handful of NumPy calls whatever the number of layers. ``step(p, g, lr)``
takes the learning rate on every call: changing it between steps keeps all state.
``g`` may be overwritten (it is recomputed every step). ``t`` counts steps from 1.
Hyperparameter names are PyTorch's; ``weight_decay`` applies to every parameter as in
PyTorch (use ``TrainConfig.l1``/``l2`` to penalise weights only). Every hyperparameter must
be given: the defaults (PyTorch's) are declared once, in the graph catalog
(``nnstudio.graph.OPTIMIZER_PARAMS``); a missing one is a :class:`ConfigError`.
"""

from __future__ import annotations

import math

import numpy as np

from nnstudio.text import Text

from . import fastnp as fnp
from .errors import ConfigError
from .registry import OPTIMIZERS


def _missing(name: str, key: str) -> ConfigError:
    return ConfigError(
        Text(
            "{name}: the setting {key!r} is missing; give every setting (nnstudio.graph."
            "fill_training fills them from the catalog).",
            name=name,
            key=key,
        )
    )


def _num(
    params: dict,
    key: str,
    lo: float = 0.0,
    hi: float | None = None,
    hi_open: bool = False,
    name: str = "",
) -> float:
    if key not in params:
        raise _missing(name, key)
    v = params[key]
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise ConfigError(
            Text("{name}: {key} must be a number, got {value!r}.", name=name, key=key, value=v)
        ) from None
    if not math.isfinite(f) or f < lo or (hi is not None and (f >= hi if hi_open else f > hi)):
        if hi is None:
            rng = Text(">= {lo}", lo=lo)
        elif hi_open:
            rng = Text(">= {lo} and < {hi}", lo=lo, hi=hi)
        else:
            rng = Text(">= {lo} and <= {hi}", lo=lo, hi=hi)
        raise ConfigError(
            Text(
                "{name}: {key} must be {range}, got {value!r}.",
                name=name,
                key=key,
                range=rng,
                value=v,
            )
        )
    return f


def _flag(params: dict, key: str, name: str) -> bool:
    if key not in params:
        raise _missing(name, key)
    return bool(params[key])


class Optimizer:
    """Base class: ``step(p, g, lr)`` updates ``p`` in place from gradient ``g``."""

    name = ""
    keys: tuple[str, ...] = ()

    def __init__(self, size: int, dtype, params: dict | None = None) -> None:
        params = dict(params or {})
        unknown = sorted(set(params) - set(self.keys) - {"lr"})
        if unknown:
            raise ConfigError(
                Text(
                    "{name}: unknown setting(s) {unknown}; allowed: {allowed}.",
                    name=self.name,
                    unknown=unknown,
                    allowed=list(self.keys) or Text("none"),
                )
            )
        self.size = size
        self.dtype = np.dtype(dtype)
        self.t = 0
        self._tmp = np.zeros(size, dtype=self.dtype)
        self._tiny = float(np.finfo(self.dtype).tiny)
        self._configure(params)
        self.settings: dict = params  # the validated settings, as given

    def _configure(self, params: dict) -> None:
        return None

    def _zeros(self) -> np.ndarray:
        return np.zeros(self.size, dtype=self.dtype)

    def _flush(self, *arrays: np.ndarray) -> None:
        """Zero subnormal entries (they make every later operation on them slow)."""
        for a in arrays:
            np.abs(a, out=self._tmp)
            fnp.copyto(a, 0, where=self._tmp < self._tiny)

    def step(self, p: np.ndarray, g: np.ndarray, lr: float) -> None:
        raise NotImplementedError

    def set_hyperparameters(self, params: dict | None) -> None:
        """Change hyperparameters between steps, keeping the state (moments, step count).

        Settings not in ``params`` keep their current values; the result is validated like
        the constructor. State vectors a new setting needs (e.g. a momentum buffer when
        momentum goes from 0 to 0.9) start at zero.
        """
        params = dict(params or {})
        merged = dict(self.settings)
        if "betas" in params:
            merged.pop("beta1", None)
            merged.pop("beta2", None)
        if "beta1" in params or "beta2" in params:
            old = merged.pop("betas", None)
            if old is not None:
                merged["beta1"], merged["beta2"] = old
        fresh = type(self)(1, self.dtype, {**merged, **params})
        for key, value in vars(fresh).items():
            if key in ("size", "t", "_tmp", "_tiny"):
                continue
            if isinstance(value, np.ndarray):
                mine = getattr(self, key, None)
                if not isinstance(mine, np.ndarray):
                    setattr(self, key, self._zeros())
            elif value is None:
                setattr(self, key, None)
            else:
                setattr(self, key, value)


class SGD(Optimizer):
    """Stochastic gradient descent (``torch.optim.SGD``).

    g <- g + weight_decay * p
    if momentum != 0:
        b <- g                                   (t = 1)
        b <- momentum * b + (1 - dampening) * g  (t > 1)
        g <- g + momentum * b  if nesterov  else  b
    p <- p - lr * g

    Defaults: momentum 0, dampening 0, weight_decay 0, nesterov False.
    """

    name = "sgd"
    keys = ("momentum", "dampening", "weight_decay", "nesterov")
    fixed: dict = {}  # settings a variant does not offer (they define it)

    def _configure(self, params):
        n = self.name
        params = {**params, **self.fixed}
        self.momentum = _num(params, "momentum", name=n)
        self.dampening = _num(params, "dampening", name=n)
        self.weight_decay = _num(params, "weight_decay", name=n)
        self.nesterov = _flag(params, "nesterov", n)
        if self.nesterov and (self.momentum <= 0 or self.dampening != 0):
            raise ConfigError(Text("Nesterov momentum needs momentum > 0 and dampening = 0."))
        self.buf = self._zeros() if self.momentum else None

    def step(self, p, g, lr):
        self.t += 1
        tmp = self._tmp
        if self.weight_decay:
            np.multiply(p, self.weight_decay, out=tmp)
            g += tmp
        if self.buf is not None:
            b = self.buf
            if self.t == 1:
                fnp.copyto(b, g)
            else:
                b *= self.momentum
                if self.dampening:
                    np.multiply(g, 1.0 - self.dampening, out=tmp)
                    b += tmp
                else:
                    b += g
            if self.nesterov:
                np.multiply(b, self.momentum, out=tmp)
                g += tmp
            else:
                g = b
        np.multiply(g, lr, out=tmp)
        p -= tmp
        if self.buf is not None and self.t % 100 == 0:
            self._flush(self.buf)


class Momentum(SGD):
    """SGD with heavy-ball momentum: ``torch.optim.SGD(momentum=0.9)`` (rule in :class:`SGD`)."""

    name = "momentum"


class Nesterov(SGD):
    """Nesterov momentum as PyTorch defines it: ``SGD(momentum=0.9, nesterov=True)``.

    b <- g (t = 1), b <- momentum * b + g (t > 1);  p <- p - lr * (g + momentum * b)
    """

    name = "nesterov"
    keys = ("momentum", "weight_decay")
    fixed = {"nesterov": True, "dampening": 0.0}


class Adagrad(Optimizer):
    """``torch.optim.Adagrad``.

    g <- g + weight_decay * p
    clr = lr / (1 + (t - 1) * lr_decay)
    s <- s + g^2                     (s starts at initial_accumulator_value)
    p <- p - clr * g / (sqrt(s) + eps)

    Defaults: lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
    """

    name = "adagrad"
    keys = ("lr_decay", "weight_decay", "initial_accumulator_value", "eps")

    def _configure(self, params):
        n = self.name
        self.lr_decay = _num(params, "lr_decay", name=n)
        self.weight_decay = _num(params, "weight_decay", name=n)
        self.eps = _num(params, "eps", name=n)
        self.sum = self._zeros()
        self.sum += _num(params, "initial_accumulator_value", name=n)

    def step(self, p, g, lr):
        self.t += 1
        tmp = self._tmp
        if self.weight_decay:
            np.multiply(p, self.weight_decay, out=tmp)
            g += tmp
        clr = lr / (1.0 + (self.t - 1) * self.lr_decay)
        np.multiply(g, g, out=tmp)
        self.sum += tmp
        np.sqrt(self.sum, out=tmp)
        tmp += self.eps
        np.divide(g, tmp, out=tmp)
        tmp *= clr
        p -= tmp


class RMSprop(Optimizer):
    """``torch.optim.RMSprop``.

    g <- g + weight_decay * p
    v <- alpha * v + (1 - alpha) * g^2
    if centered: ga <- alpha * ga + (1 - alpha) * g;  avg = sqrt(v - ga^2) + eps
    else:        avg = sqrt(v) + eps
    if momentum > 0: b <- momentum * b + g / avg;  p <- p - lr * b
    else:            p <- p - lr * g / avg

    Defaults: alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered False.
    """

    name = "rmsprop"
    keys = ("alpha", "eps", "weight_decay", "momentum", "centered")

    def _configure(self, params):
        n = self.name
        self.alpha = _num(params, "alpha", hi=1.0, name=n)
        self.eps = _num(params, "eps", name=n)
        self.weight_decay = _num(params, "weight_decay", name=n)
        self.momentum = _num(params, "momentum", name=n)
        self.centered = _flag(params, "centered", n)
        self.v = self._zeros()
        self.gavg = self._zeros() if self.centered else None
        self.buf = self._zeros() if self.momentum > 0 else None
        self._tmp2 = self._zeros()

    def step(self, p, g, lr):
        self.t += 1
        tmp, tmp2, a = self._tmp, self._tmp2, self.alpha
        if self.weight_decay:
            np.multiply(p, self.weight_decay, out=tmp)
            g += tmp
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - a
        self.v *= a
        self.v += tmp
        if self.gavg is not None:
            np.multiply(g, 1.0 - a, out=tmp)
            self.gavg *= a
            self.gavg += tmp
            np.multiply(self.gavg, self.gavg, out=tmp)
            np.subtract(self.v, tmp, out=tmp)
            np.sqrt(tmp, out=tmp)
        else:
            np.sqrt(self.v, out=tmp)
        tmp += self.eps
        np.divide(g, tmp, out=tmp2)
        if self.buf is not None:
            self.buf *= self.momentum
            self.buf += tmp2
            np.multiply(self.buf, lr, out=tmp2)
        else:
            tmp2 *= lr
        p -= tmp2
        if self.t % 100 == 0:
            self._flush(*(x for x in (self.v, self.gavg, self.buf) if x is not None))


class Adam(Optimizer):
    """``torch.optim.Adam`` (and AdamW with decoupled weight decay).

    AdamW only:  p <- p * (1 - lr * weight_decay)
    Adam only:   g <- g + weight_decay * p
    m <- beta1 * m + (1 - beta1) * g
    v <- beta2 * v + (1 - beta2) * g^2
    step_size = lr / (1 - beta1^t)
    denom = sqrt(v) / sqrt(1 - beta2^t) + eps     (amsgrad: sqrt of the max of all v so far)
    p <- p - step_size * m / denom

    Defaults: betas (0.9, 0.999), eps 1e-8, weight_decay 0 (AdamW: 0.01), amsgrad False.
    Implementation: the moments are kept scaled, M = m / (1 - beta1) and
    V = v / (1 - beta2), so they update as M <- beta1 M + g and V <- beta2 V + g^2 and the
    constants (bias corrections included) fold into two scalars applied at update time:
    10 NumPy calls per step for all parameters together (storing m and v raw costs two more
    calls and two more passes over the vectors: about 40% slower on 5k parameters).
    :attr:`m` and :attr:`v` give PyTorch's raw ``exp_avg`` / ``exp_avg_sq``. Changing the
    betas between steps (:meth:`set_hyperparameters`) keeps m, v (and amsgrad's max of v)
    unchanged, like PyTorch: only the scaled copies are rescaled, once.
    Subnormal moments are flushed to zero every 100 steps.
    """

    name = "adam"
    keys = ("betas", "beta1", "beta2", "eps", "weight_decay", "amsgrad")
    decoupled = False

    def _configure(self, params):
        n = self.name
        if "betas" in params:
            betas = params["betas"]
        elif "beta1" in params and "beta2" in params:
            betas = (params["beta1"], params["beta2"])
        else:
            raise _missing(n, "beta1" if "beta1" not in params else "beta2")
        try:
            b1, b2 = (float(b) for b in betas)
        except (TypeError, ValueError):
            raise ConfigError(
                Text("{name}: betas must be two numbers, got {value!r}.", name=n, value=betas)
            ) from None
        for key, b in (("beta1", b1), ("beta2", b2)):
            if not 0.0 <= b < 1.0:
                raise ConfigError(
                    Text(
                        "{name}: {key} must be >= 0 and < 1, got {value}.",
                        name=n,
                        key=key,
                        value=b,
                    )
                )
        self.beta1, self.beta2 = b1, b2
        self.eps = _num(params, "eps", name=n)
        self.weight_decay = _num(params, "weight_decay", name=n)
        self.amsgrad = _flag(params, "amsgrad", n)
        self.M = self._zeros()
        self.V = self._zeros()
        self.Vmax = self._zeros() if self.amsgrad else None

    @property
    def m(self) -> np.ndarray:
        """First moment estimate, raw like PyTorch's ``exp_avg`` (a copy)."""
        return self.M * (1.0 - self.beta1)

    @property
    def v(self) -> np.ndarray:
        """Second moment estimate, raw like PyTorch's ``exp_avg_sq`` (a copy)."""
        return self.V * (1.0 - self.beta2)

    def set_hyperparameters(self, params: dict | None) -> None:
        """As :meth:`Optimizer.set_hyperparameters`; new betas keep the raw m and v."""
        b1, b2 = self.beta1, self.beta2
        super().set_hyperparameters(params)
        if self.beta1 != b1:
            self.M *= (1.0 - b1) / (1.0 - self.beta1)
        if self.beta2 != b2:
            for a in (self.V, self.Vmax):
                if a is not None:
                    a *= (1.0 - b2) / (1.0 - self.beta2)

    def step(self, p, g, lr):
        self.t += 1
        t, b1, b2 = self.t, self.beta1, self.beta2
        M, V, tmp = self.M, self.V, self._tmp
        if self.weight_decay:
            if self.decoupled:
                p *= 1.0 - lr * self.weight_decay
            else:
                np.multiply(p, self.weight_decay, out=tmp)
                g += tmp
        M *= b1
        M += g
        np.multiply(g, g, out=tmp)
        V *= b2
        V += tmp
        s = lr * (1.0 - b1) / (1.0 - b1**t)  # step size on M
        c = math.sqrt(1.0 - b2) / math.sqrt(1.0 - b2**t)  # sqrt(V) -> bias-corrected sqrt(v)
        if self.Vmax is not None:
            np.maximum(self.Vmax, V, out=self.Vmax)
            V = self.Vmax
        if s == 0.0:  # lr 0 (a cosine schedule at eta_min 0): moments move, weights do not
            return
        np.sqrt(V, out=tmp)
        tmp *= c / s
        tmp += self.eps / s
        np.divide(M, tmp, out=tmp)
        p -= tmp
        if t % 100 == 0:
            self._flush(self.M, self.V)


class AdamW(Adam):
    """``torch.optim.AdamW``: Adam with decoupled weight decay (default 0.01); rule in Adam."""

    name = "adamw"
    decoupled = True


_CLASSES: dict[str, type[Optimizer]] = {
    c.name: c for c in (SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW)
}
assert set(_CLASSES) == set(OPTIMIZERS)


def make_optimizer(name: str, size: int, dtype, params: dict | None = None) -> Optimizer:
    """Build optimizer ``name`` for a flat parameter vector of ``size`` entries."""
    cls = _CLASSES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ConfigError(
            Text(
                "Unknown optimizer {name!r}. Choose one of: {choices}.",
                name=name,
                choices=list(OPTIMIZERS),
            )
        )
    return cls(size, dtype, params)
