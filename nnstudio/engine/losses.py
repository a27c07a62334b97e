"""Losses as "heads": how a network's output turns into a loss, its gradient and metrics.

Every loss is the mean over the batch (and over output columns for the element-wise
losses), exactly like PyTorch's ``reduction="mean"``. Targets are prepared once per run as
a float matrix ``(n_samples, k)`` in the network dtype (:meth:`Head.targets`); the hot
gradient kernels then read a row slice of it.

- ``mse``: mean((o - y)^2)
- ``mae``: mean(|o - y|)
- ``huber`` (``delta`` = 1): 0.5 d^2 if |d| < delta else delta (|d| - delta / 2), d = o - y
- ``bce`` on probabilities: -mean(y log p + (1 - y) log(1 - p)), p clipped to
  [1e-7, 1 - 1e-7]. When the output activation is ``sigmoid`` the sigmoid is fused into
  the loss and evaluated on the logits z: mean(softplus(z) - y z), gradient sigmoid(z) - y.
- ``bce_logits``: the network outputs logits; same formula as the fused form.
- ``cce``: categorical cross-entropy, targets integer labels (n,) or class probabilities
  (n, k) (one-hot or soft). Fused with a final ``softmax`` (or on raw logits when the
  output is ``linear``): mean(sum_j t_j (logsumexp(z) - z_j)), gradient
  softmax(z) * sum_j t_j - t, which is softmax(z) - t when every row sums to 1. Like
  PyTorch's ``CrossEntropyLoss`` with probability targets, rows need not sum to 1: the
  gradient is always the gradient of the reported loss (the cheaper kernel is used only
  when every row prepared so far sums to 1). With any other output activation the outputs
  are read as probabilities: -mean(sum_j t_j log(clip(p_j, 1e-7, 1))).
"""

from __future__ import annotations

import numpy as np

from nnstudio.text import Text

from .errors import ConfigError
from .registry import LOSSES

_P_EPS = 1e-7


def check_loss(name: object) -> str:
    if isinstance(name, str) and name in LOSSES:
        return name
    raise ConfigError(
        Text("Unknown loss {name!r}. Choose one of: {choices}.", name=name, choices=list(LOSSES))
    )


def task_of(loss: str) -> str:
    """'binary' for bce/bce_logits, 'multiclass' for cce, 'regression' otherwise."""
    if loss in ("bce", "bce_logits"):
        return "binary"
    if loss == "cce":
        return "multiclass"
    return "regression"


def _softplus(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * np.tanh(0.5 * x) + 0.5


class Head:
    """Loss ``name`` attached to a network output of width ``k`` with ``out_activation``.

    ``skip_activation`` is True when the output activation is fused into the loss: the
    training plan then stops at the logits and :meth:`grad_kernel` returns d loss / d z.
    """

    name: str = ""
    skip_activation = False
    task = "regression"
    #: the settings this loss reads (``loss_params``); any other is refused
    param_names: tuple[str, ...] = ()

    def __init__(self, k: int, params: dict) -> None:
        unknown = sorted(set(params) - set(self.param_names))
        if unknown:
            if self.param_names:
                raise ConfigError(
                    Text(
                        "loss_params: {unknown} not used by loss {name!r} (allowed: {allowed}).",
                        unknown=unknown,
                        name=self.name,
                        allowed=list(self.param_names),
                    )
                )
            raise ConfigError(
                Text(
                    "loss_params: {unknown} not used by loss {name!r}.",
                    unknown=unknown,
                    name=self.name,
                )
            )
        self.k = k
        self.params = params

    # targets ------------------------------------------------------------------
    def targets(self, y: np.ndarray, dtype: np.dtype) -> np.ndarray:
        """Turn user targets into the (n, k) matrix the kernels read."""
        y = np.asarray(y)
        if y.ndim == 1:
            y = y[:, None]
        if y.ndim != 2 or y.shape[1] != self.k:
            raise ConfigError(
                Text(
                    "Targets have shape {shape} but the network has {k} output(s); give (n,) "
                    "or (n, {k}) targets or change the output units.",
                    shape=tuple(np.shape(y)),
                    k=self.k,
                )
            )
        if not np.issubdtype(y.dtype, np.number) and y.dtype != bool:
            raise ConfigError(Text("Targets must be numbers."))
        t = np.ascontiguousarray(y, dtype=dtype)
        if not np.isfinite(t).all():
            raise ConfigError(Text("Targets contain NaN or infinity; clean the data first."))
        return t

    # hot path ----------------------------------------------------------------
    def grad_kernel(self, out: np.ndarray, g: np.ndarray):
        """Return ``f(t)`` writing d mean-loss / d out into ``g`` for targets ``t`` (n, k)."""
        raise NotImplementedError

    # evaluation --------------------------------------------------------------
    def per_sample(self, out: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Loss of each sample (n,), from head outputs and prepared targets."""
        raise NotImplementedError

    def classes(self, out: np.ndarray) -> np.ndarray:
        """Predicted class labels (n,) from head outputs (classification heads only)."""
        raise NotImplementedError

    def labels(self, t: np.ndarray) -> np.ndarray:
        """True labels (n,) from prepared targets."""
        raise NotImplementedError

    def values(self, t: np.ndarray) -> np.ndarray:
        """Regression targets back from prepared targets."""
        return t

    def baseline_output(self, t: np.ndarray) -> np.ndarray:
        """Head outputs (1, k) of a model that learned nothing but the targets' average
        (class frequencies, or the mean): the chance level a ruined run falls back to."""
        return t.mean(axis=0, dtype=np.float64, keepdims=True)

    def chance_loss(self, t: np.ndarray) -> float:
        """Mean loss of :meth:`baseline_output` on prepared targets ``t`` (n, k)."""
        if t.shape[0] == 0:
            return 0.0
        out = np.broadcast_to(self.baseline_output(t), t.shape)
        return float(self.per_sample(out, t).mean())


class _Elementwise(Head):
    def grad_kernel(self, out, g):
        scale = 1.0 / out.size
        kern = self._kern

        def f(t):
            np.subtract(out, t, out=g)
            kern(g, scale)

        return f

    def per_sample(self, out, t):
        d = out.astype(np.float64) - t
        return self._value(d).mean(axis=1)


class MSE(_Elementwise):
    name = "mse"

    @staticmethod
    def _kern(g, scale):
        np.multiply(g, 2.0 * scale, out=g)

    @staticmethod
    def _value(d):
        return d * d


class MAE(_Elementwise):
    name = "mae"

    def baseline_output(self, t):
        return np.median(t, axis=0, keepdims=True).astype(np.float64)

    @staticmethod
    def _kern(g, scale):
        np.sign(g, out=g)
        np.multiply(g, scale, out=g)

    @staticmethod
    def _value(d):
        return np.abs(d)


class Huber(_Elementwise):
    name = "huber"
    param_names = ("delta",)

    def __init__(self, k, params):
        super().__init__(k, params)
        if "delta" not in params:
            raise ConfigError(Text("Huber: the setting 'delta' is missing (the catalog fills it)."))
        delta = params["delta"]
        if isinstance(delta, bool) or not isinstance(delta, int | float) or not delta > 0:
            raise ConfigError(
                Text("loss_params.delta must be a number > 0, got {value!r}.", value=delta)
            )
        self.delta = float(delta)

    def _kern(self, g, scale):
        np.clip(g, -self.delta, self.delta, out=g)
        np.multiply(g, scale, out=g)

    def _value(self, d):
        a = np.abs(d)
        return np.where(a < self.delta, 0.5 * d * d, self.delta * (a - 0.5 * self.delta))


class _Binary(Head):
    task = "binary"

    def targets(self, y, dtype):
        t = super().targets(y, dtype)
        if ((t < 0) | (t > 1)).any():
            raise ConfigError(
                Text("Binary cross-entropy needs targets in [0, 1] (class labels 0 and 1).")
            )
        return t

    def labels(self, t):
        return (t[:, 0] > 0.5).astype(np.int64)


class BCELogits(_Binary):
    """Targets are stored as s = 2 y - 1 so the gradient is 0.5 (tanh(z/2) - s) / n."""

    name = "bce_logits"

    def targets(self, y, dtype):
        t = super().targets(y, dtype)
        np.multiply(t, 2, out=t)
        np.subtract(t, 1, out=t)
        return t

    def grad_kernel(self, out, g):
        scale = 0.5 / out.size

        def f(t):
            np.multiply(out, 0.5, out=g)
            np.tanh(g, out=g)
            np.subtract(g, t, out=g)
            np.multiply(g, scale, out=g)

        return f

    def per_sample(self, out, t):
        z = out.astype(np.float64)
        y = (t + 1.0) * 0.5
        return (_softplus(z) - y * z).mean(axis=1)

    def baseline_output(self, t):
        p = np.clip((t.mean(axis=0, dtype=np.float64, keepdims=True) + 1.0) * 0.5, 1e-7, 1 - 1e-7)
        return np.log(p) - np.log1p(-p)

    def classes(self, out):
        return (out[:, 0] > 0).astype(np.int64)

    def labels(self, t):
        return (t[:, 0] > 0).astype(np.int64)


class SigmoidBCE(BCELogits):
    name = "bce"
    skip_activation = True


class BCEProb(_Binary):
    name = "bce"

    def grad_kernel(self, out, g):
        scale = 1.0 / out.size
        p = np.empty_like(out)
        q = np.empty_like(out)

        def f(t):
            np.clip(out, _P_EPS, 1.0 - _P_EPS, out=p)
            np.subtract(p, t, out=g)
            np.subtract(1.0, p, out=q)
            np.multiply(q, p, out=q)
            np.divide(g, q, out=g)
            np.multiply(g, scale, out=g)

        return f

    def per_sample(self, out, t):
        p = np.clip(out.astype(np.float64), _P_EPS, 1.0 - _P_EPS)
        return -(t * np.log(p) + (1.0 - t) * np.log1p(-p)).mean(axis=1)

    def classes(self, out):
        return (out[:, 0] > 0.5).astype(np.int64)


class _Categorical(Head):
    task = "multiclass"

    def targets(self, y, dtype):
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == self.k and self.k > 1:
            return super().targets(y, dtype)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1:
            raise ConfigError(
                Text(
                    "Categorical cross-entropy needs integer labels (n,) or one-hot (n, {k}) "
                    "targets, got shape {shape}.",
                    k=self.k,
                    shape=y.shape,
                )
            )
        labels = np.asarray(y)
        if labels.size and (
            not np.all(np.isfinite(labels.astype(np.float64)))
            or not np.all(labels == np.round(labels))
        ):
            raise ConfigError(Text("Class labels must be whole numbers 0, 1, 2, ..."))
        labels = labels.astype(np.int64)
        if labels.size and (labels.min() < 0 or labels.max() >= self.k):
            raise ConfigError(
                Text(
                    "Class labels go from {low} to {high} but the network has {k} outputs; "
                    "set the output units to the number of classes.",
                    low=labels.min(),
                    high=labels.max(),
                    k=self.k,
                )
            )
        t = np.zeros((labels.shape[0], self.k), dtype=dtype)
        t[np.arange(labels.shape[0]), labels] = 1
        return t

    def classes(self, out):
        return np.argmax(out, axis=1)

    def labels(self, t):
        return np.argmax(t, axis=1)


class SoftmaxCCE(_Categorical):
    name = "cce"

    def __init__(self, k, params, skip):
        super().__init__(k, params)
        self.skip_activation = skip
        self.unit_rows = True  # every target row prepared so far sums to 1

    def targets(self, y, dtype):
        t = super().targets(y, dtype)
        if self.unit_rows and t.size:
            tol = 8 * self.k * float(np.finfo(t.dtype).eps)
            self.unit_rows = bool(np.all(np.abs(t.sum(axis=1, dtype=np.float64) - 1.0) <= tol))
        return t

    def grad_kernel(self, out, g):
        n = out.shape[0]
        r = np.empty((n, 1), dtype=out.dtype)
        rows = None if self.unit_rows else np.empty((n, 1), dtype=out.dtype)
        scale = 1.0 / n

        def f(t):
            np.maximum.reduce(out, axis=1, keepdims=True, out=r)
            np.subtract(out, r, out=g)
            np.exp(g, out=g)
            np.add.reduce(g, axis=1, keepdims=True, out=r)
            if rows is not None:  # softmax * sum(t): the gradient of the reported loss
                np.add.reduce(t, axis=1, keepdims=True, out=rows)
                np.divide(rows, r, out=r)
                np.multiply(g, r, out=g)
            else:
                np.divide(g, r, out=g)
            np.subtract(g, t, out=g)
            np.multiply(g, scale, out=g)

        return f

    def per_sample(self, out, t):
        z = out.astype(np.float64)
        m = z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z - m).sum(axis=1)) + m[:, 0]
        return lse * t.sum(axis=1) - (t * z).sum(axis=1)

    def baseline_output(self, t):  # logits of the class frequencies
        return np.log(np.clip(t.mean(axis=0, dtype=np.float64, keepdims=True), 1e-7, None))


class ProbCCE(_Categorical):
    name = "cce"

    def grad_kernel(self, out, g):
        n = out.shape[0]
        p = np.empty_like(out)
        scale = -1.0 / n

        def f(t):
            np.clip(out, _P_EPS, 1.0, out=p)
            np.divide(t, p, out=g)
            np.multiply(g, scale, out=g)

        return f

    def per_sample(self, out, t):
        p = np.clip(out.astype(np.float64), _P_EPS, 1.0)
        return -(t * np.log(p)).sum(axis=1)


def check_loss_params(loss: str, params: dict) -> None:
    """Raise :class:`ConfigError` for a setting ``loss`` does not read, a missing one or an
    invalid value: the checks of the head itself (one rule per loss)."""
    make_head(loss, params, 1 if loss in ("bce", "bce_logits") else 2, "linear")


def make_head(loss: str, params: dict | None, k: int, out_activation: str) -> Head:
    """The head for ``loss`` on an output of width ``k`` whose activation is ``out_activation``."""
    loss = check_loss(loss)
    params = dict(params or {})
    if loss == "mse":
        return MSE(k, params)
    if loss == "mae":
        return MAE(k, params)
    if loss == "huber":
        return Huber(k, params)
    if loss in ("bce", "bce_logits") and k != 1:
        raise ConfigError(
            Text(
                "Binary cross-entropy needs exactly 1 output unit, the network has {k}; "
                "set the output units to 1 or use 'cce' for several classes.",
                k=k,
            )
        )
    if loss == "bce_logits":
        return BCELogits(k, params)
    if loss == "bce":
        return SigmoidBCE(k, params) if out_activation == "sigmoid" else BCEProb(k, params)
    if k < 2:
        raise ConfigError(
            Text(
                "Categorical cross-entropy needs one output unit per class (at least 2); "
                "use 'bce' for two classes with a single output."
            )
        )
    if out_activation == "softmax":
        return SoftmaxCCE(k, params, skip=True)
    if out_activation == "linear":
        return SoftmaxCCE(k, params, skip=False)
    return ProbCCE(k, params)
