"""The training loop: :class:`TrainConfig`, :class:`Trainer`, :class:`Report`, :func:`fit_iter`.

The inner loop is written for small networks, where Python overhead dominates: the epoch's
permutation indexes the data once, every batch reuses the preallocated buffers of its plan,
losses are accumulated lazily (the outputs of each step are copied into an epoch buffer and
reduced once per epoch), the optimizer works on flat vectors, and the divergence guard is
one dot product (the squared gradient norm, also used for clipping) plus one copy of the
parameter vector per step.

``train_loss`` / ``train_accuracy`` in a :class:`Report` are means over the epoch's steps
(each sample's loss measured with the weights of the step that used it, like Keras);
test metrics are computed on the weights at the end of the epoch, in evaluation mode.
Reported losses are the data loss only (without the L1/L2 penalties).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace

import numpy as np

from ._threads import SMALL_NETWORK_PARAMS, use_single_blas_thread
from .errors import ConfigError, DivergenceError, EpochInterrupted
from .losses import check_loss, task_of
from .network import Network
from .optimizers import make_optimizer
from .registry import LOSSES, OPTIMIZERS
from .schedules import check_schedule, scheduled_lr

#: Steps between two calls of ``train_epoch``'s ``interrupt`` callback.
INTERRUPT_EVERY = 32


def _is_int(v) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool)


def _is_num(v) -> bool:
    return isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)


@dataclass
class TrainConfig:
    """Everything that defines a training run besides the network and the data."""

    loss: str = "bce"
    loss_params: dict = field(default_factory=dict)
    optimizer: str = "adam"
    learning_rate: float = 0.01
    optimizer_params: dict = field(default_factory=dict)  # momentum, betas, eps, weight_decay...
    schedule: str = "constant"
    schedule_params: dict = field(default_factory=dict)
    batch_size: int | None = 10  # None = full batch
    epochs: int | None = 200  # None = unlimited
    l1: float = 0.0
    l2: float = 0.0
    clip_norm: float | None = None
    seed: int = 0  # shuffling and dropout masks
    dtype: str = "float32"

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("loss_params", "optimizer_params", "schedule_params"):
            d[key] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in d[key].items()}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        """Build and validate a config; raises :class:`ConfigError` on unknown or bad fields."""
        if not isinstance(d, dict):
            raise ConfigError("Training settings must be a mapping of names to values.")
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown:
            raise ConfigError(
                f"Unknown training setting(s): {', '.join(unknown)}. "
                f"Known: {', '.join(sorted(names))}."
            )
        kw = dict(d)
        for key in ("loss_params", "optimizer_params", "schedule_params"):
            if key in kw and kw[key] is None:
                kw[key] = {}
            if key in kw and not isinstance(kw[key], dict):
                raise ConfigError(f"{key} must be a mapping, got {kw[key]!r}.")
            if key in kw:
                kw[key] = dict(kw[key])
        cfg = cls(**kw)
        cfg.validate()
        return cfg

    def validate(self) -> None:
        """Raise :class:`ConfigError` naming the first invalid field and its allowed range."""
        if self.loss not in LOSSES:
            raise ConfigError(f"loss must be one of {', '.join(LOSSES)}, got {self.loss!r}.")
        lp = dict(self.loss_params or {})
        allowed = {"huber": {"delta"}}.get(self.loss, set())
        bad = sorted(set(lp) - allowed)
        if bad:
            raise ConfigError(
                f"loss_params: {', '.join(bad)} not used by loss {self.loss!r}"
                + (f" (allowed: {', '.join(sorted(allowed))})." if allowed else ".")
            )
        if "delta" in lp and (not _is_num(lp["delta"]) or not lp["delta"] > 0):
            raise ConfigError(f"loss_params.delta must be a number > 0, got {lp['delta']!r}.")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(
                f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {self.optimizer!r}."
            )
        lr = self.learning_rate
        if not _is_num(lr) or not math.isfinite(lr) or lr <= 0:
            raise ConfigError(f"learning_rate must be a number > 0, got {lr!r}.")
        make_optimizer(self.optimizer, 1, np.float64, self.optimizer_params)
        check_schedule(self.schedule, dict(self.schedule_params or {}))
        if self.batch_size is not None and (not _is_int(self.batch_size) or self.batch_size < 1):
            raise ConfigError(
                f"batch_size must be a whole number >= 1 (or None for full batch), "
                f"got {self.batch_size!r}."
            )
        if self.epochs is not None and (not _is_int(self.epochs) or self.epochs < 0):
            raise ConfigError(
                f"epochs must be a whole number >= 0 (or None for unlimited), got {self.epochs!r}."
            )
        for key in ("l1", "l2"):
            v = getattr(self, key)
            if not _is_num(v) or not math.isfinite(v) or v < 0:
                raise ConfigError(f"{key} must be a number >= 0, got {v!r}.")
        if self.clip_norm is not None and (
            not _is_num(self.clip_norm) or not math.isfinite(self.clip_norm) or self.clip_norm <= 0
        ):
            raise ConfigError(f"clip_norm must be a number > 0 (or None), got {self.clip_norm!r}.")
        if not _is_int(self.seed) or self.seed < 0:
            raise ConfigError(f"seed must be a whole number >= 0, got {self.seed!r}.")
        if self.dtype not in ("float32", "float64"):
            raise ConfigError(f"dtype must be 'float32' or 'float64', got {self.dtype!r}.")


@dataclass
class Report:
    """Metrics after an epoch or an evaluation: accuracy (classification) or RMSE/R^2."""

    epoch: int
    step: int
    lr: float
    train_loss: float
    test_loss: float | None = None
    train_accuracy: float | None = None
    test_accuracy: float | None = None
    train_rmse: float | None = None
    test_rmse: float | None = None
    train_r2: float | None = None
    test_r2: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


class Trainer:
    """Trains ``network`` on ``(x_train, y_train)``; evaluates on the optional test split.

    x: (n, input_width) floats. y: (n,) int labels for classification (bce / cce; one-hot
    (n, k) also accepted for cce), (n,) or (n, k) floats for regression. The task follows
    the loss: bce/bce_logits -> binary, cce -> multiclass, anything else -> regression.
    Computation uses the network's dtype.
    """

    def __init__(
        self,
        network: Network,
        x_train,
        y_train,
        x_test=None,
        y_test=None,
        config: TrainConfig | None = None,
    ) -> None:
        config = config if config is not None else TrainConfig()
        config.validate()
        self.network = network
        self.config = config
        net = network
        dt = net.dtype
        self.head = net.head(check_loss(config.loss), config.loss_params)
        self.task = task_of(config.loss)
        self._x = self._inputs(x_train, "x_train")
        self._t = self.head.targets(y_train, dt)
        if self._t.shape[0] != self._x.shape[0]:
            raise ConfigError(
                f"x_train has {self._x.shape[0]} rows but y_train has {self._t.shape[0]}."
            )
        n = self._x.shape[0]
        if n == 0:
            raise ConfigError("The training split is empty; add data or raise the train ratio.")
        if x_test is not None and y_test is not None and len(x_test) > 0:
            self._xt = self._inputs(x_test, "x_test")
            self._tt = self.head.targets(y_test, dt)
            if self._tt.shape[0] != self._xt.shape[0]:
                raise ConfigError(
                    f"x_test has {self._xt.shape[0]} rows but y_test has {self._tt.shape[0]}."
                )
        else:
            self._xt = self._tt = None
        self.rng = np.random.default_rng(config.seed)
        bs = n if config.batch_size is None else min(int(config.batch_size), n)
        self.batch_size = bs
        skip = self.head.skip_activation
        self._plans = []
        for size in sorted({bs, n % bs} - {0}, reverse=True):
            p = net.plan(size, training=True, skip_activation=skip)
            self._plans.append((size, p, self.head.grad_kernel(p.out, p.gout)))
        self._xe = np.empty_like(self._x)
        self._te = np.empty_like(self._t)
        self._he = np.empty((n, net.output_width), dtype=dt)
        self._opt = make_optimizer(config.optimizer, net.n_params, dt, config.optimizer_params)
        self._backup = net.flat_params.copy()
        self._state_backup = net.flat_state.copy()
        self._tmp = np.empty(net.n_decay, dtype=dt)
        self.epoch = 0
        self.step = 0
        self._base_lr = float(config.learning_rate)
        self._lr = self._base_lr
        self._update_lr()
        use_single_blas_thread(net.n_params <= SMALL_NETWORK_PARAMS)

    def _inputs(self, x, what: str) -> np.ndarray:
        x = np.asarray(x)
        if x.ndim == 1 and self.network.input_width == 1:
            x = x[:, None]
        if x.ndim != 2 or x.shape[1] != self.network.input_width:
            raise ConfigError(
                f"{what} has shape {x.shape} but the network's input expects "
                f"(n, {self.network.input_width}); set the input units to the feature count."
            )
        out = np.ascontiguousarray(x, dtype=self.network.dtype)
        if not np.isfinite(out).all():
            raise ConfigError(f"{what} contains NaN or infinity; clean the data first.")
        return out

    # ------------------------------------------------------------------ learning rate
    @property
    def learning_rate(self) -> float:
        """The base learning rate; the schedule scales it. Setting it keeps optimizer state."""
        return self._base_lr

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        if not _is_num(value) or not math.isfinite(value) or value <= 0:
            raise ConfigError(f"learning_rate must be a number > 0, got {value!r}.")
        self._base_lr = float(value)
        self._update_lr()

    #: Settings :meth:`update` may change while training.
    LIVE_FIELDS = ("learning_rate", "epochs", "optimizer_params", "l1", "l2", "clip_norm")

    def update(self, **changes) -> None:
        """Change live settings (:attr:`LIVE_FIELDS`) without resetting optimizer state.

        The learning rate takes effect at the next step, the others at the next epoch.
        Raises :class:`ConfigError` for invalid values or settings that need a new trainer.
        """
        fixed = sorted(set(changes) - set(self.LIVE_FIELDS))
        if fixed:
            raise ConfigError(
                f"{', '.join(fixed)} cannot change during training; stop and start again "
                f"(live settings: {', '.join(self.LIVE_FIELDS)})."
            )
        new = replace(self.config, **changes)
        new.validate()
        if "optimizer_params" in changes:
            self._opt.set_hyperparameters(new.optimizer_params)
        self.config = new
        if "learning_rate" in changes:
            self.learning_rate = new.learning_rate

    def _update_lr(self) -> None:
        c = self.config
        self._lr = scheduled_lr(c.schedule, c.schedule_params or {}, self._base_lr, self.epoch)

    # ------------------------------------------------------------------ training
    def _diverged(self, what: str) -> None:
        net = self.network
        np.copyto(net.flat_params, self._backup)
        np.copyto(net.flat_state, self._state_backup)
        lr = self._lr
        raise DivergenceError(
            f"Training diverged at epoch {self.epoch + 1}, step {self.step + 1}: the {what} "
            f"became infinite or NaN. The weights of the last finite step were kept. "
            f"Lower the learning rate (now {lr:g}; try {lr / 10:g})"
            + ("" if self.config.clip_norm else " or turn on gradient clipping")
            + ", and check that the inputs are scaled.",
            epoch=self.epoch,
            step=self.step,
        )

    def train_epoch(
        self, interrupt: Callable[[], bool] | None = None, every: int = INTERRUPT_EVERY
    ) -> Report:
        """One pass over the shuffled training split; returns the epoch's :class:`Report`.

        ``interrupt``, if given, is called after every ``every`` steps, so a caller can
        pause (the call blocks; the epoch then goes on exactly as without the pause) or
        stop (it returns True: :class:`EpochInterrupted` is raised, the weights are those
        of the last step) inside a long epoch.
        """
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is checked, not warned
            return self._train_epoch(interrupt, max(1, int(every)))

    def _train_epoch(self, interrupt: Callable[[], bool] | None, every: int) -> Report:
        net = self.network
        n = self._x.shape[0]
        perm = self.rng.permutation(n)
        np.take(self._x, perm, axis=0, out=self._xe, mode="clip")
        np.take(self._t, perm, axis=0, out=self._te, mode="clip")
        xe, te, he = self._xe, self._te, self._he
        params, grads = net.flat_params, net.flat_grads
        state, sbackup = net.flat_state, self._state_backup
        has_state = state.size > 0
        backup, opt = self._backup, self._opt
        cfg = self.config
        l1, l2, clip = float(cfg.l1), float(cfg.l2), cfg.clip_norm
        nd = net.n_decay
        wv, gv, tmp = params[:nd], grads[:nd], self._tmp
        clip2 = None if clip is None else float(clip) ** 2
        dot, copyto, isfinite = np.dot, np.copyto, math.isfinite
        lr_epoch = self._lr
        s = 0
        for size, plan, gk in self._plans:
            plan.rngbox[0] = self.rng
            x_in, out = plan.x, plan.out
            fwd, bwd = plan.fwd, plan.bwd
            count = (n - s) // size if size == self.batch_size else 1
            for _ in range(count):
                e = s + size
                copyto(x_in, xe[s:e])
                for f in fwd:
                    f()
                gk(te[s:e])
                copyto(he[s:e], out)
                for b in bwd:
                    b()
                if l2:
                    np.multiply(wv, 2.0 * l2, out=tmp)
                    gv += tmp
                if l1:
                    np.sign(wv, out=tmp)
                    tmp *= l1
                    gv += tmp
                gg = float(dot(grads, grads))
                if not isfinite(gg):
                    self._diverged("gradient")
                if clip2 is not None and gg > clip2:
                    grads *= float(clip) / (math.sqrt(gg) + 1e-6)
                copyto(backup, params)
                if has_state:
                    copyto(sbackup, state)
                opt.step(params, grads, self._lr)
                self.step += 1
                s = e
                if interrupt is not None and self.step % every == 0 and interrupt():
                    raise EpochInterrupted(f"stopped during epoch {self.epoch + 1}")
        train_loss = float(np.mean(self.head.per_sample(he, te)))
        if not math.isfinite(train_loss):
            self._diverged("loss")
        report = Report(epoch=self.epoch + 1, step=self.step, lr=lr_epoch, train_loss=train_loss)
        self._metrics(report, "train", he, te)
        self._test_metrics(report)
        self.epoch += 1
        self._update_lr()
        return report

    def train_batch(self, x, y) -> float:
        """One optimizer step on the given batch; returns its loss before the step."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self._train_batch(x, y)

    def _train_batch(self, x, y) -> float:
        net = self.network
        x = self._inputs(x, "x")
        t = self.head.targets(y, net.dtype)
        plan = net.plan(x.shape[0], training=True, skip_activation=self.head.skip_activation)
        plan.rngbox[0] = self.rng
        np.copyto(plan.x, x)
        plan.forward()
        loss = float(np.mean(self.head.per_sample(plan.out, t)))
        self.head.grad_kernel(plan.out, plan.gout)(t)
        plan.backward()
        grads, params = net.flat_grads, net.flat_params
        nd = net.n_decay
        if self.config.l2:
            grads[:nd] += 2.0 * self.config.l2 * params[:nd]
        if self.config.l1:
            grads[:nd] += self.config.l1 * np.sign(params[:nd])
        gg = float(np.dot(grads, grads))
        if not math.isfinite(gg) or not math.isfinite(loss):
            self._diverged("gradient" if math.isfinite(loss) else "loss")
        clip = self.config.clip_norm
        if clip is not None and gg > clip * clip:
            grads *= float(clip) / (math.sqrt(gg) + 1e-6)
        np.copyto(self._backup, params)
        np.copyto(self._state_backup, net.flat_state)
        self._opt.step(params, grads, self._lr)
        self.step += 1
        return loss

    # ------------------------------------------------------------------ evaluation
    def _head_outputs(self, x: np.ndarray) -> np.ndarray:
        """Evaluation-mode outputs at the head (logits when the activation is fused)."""
        net, skip = self.network, self.head.skip_activation
        out = np.empty((x.shape[0], net.output_width), dtype=net.dtype)
        bs = 4096
        for s in range(0, x.shape[0], bs):
            e = min(x.shape[0], s + bs)
            p = net.plan(e - s, training=False, skip_activation=skip)
            np.copyto(p.x, x[s:e])
            p.forward()
            out[s:e] = p.out
        return out

    def _metrics(self, report: Report, split: str, out: np.ndarray, t: np.ndarray) -> None:
        if self.task == "regression":
            y = t.astype(np.float64)
            d = out.astype(np.float64) - y
            ss_res = float(np.sum(d * d))
            ss_tot = float(np.sum((y - y.mean(axis=0)) ** 2))
            setattr(report, f"{split}_rmse", math.sqrt(ss_res / d.size))
            setattr(report, f"{split}_r2", 1.0 - ss_res / ss_tot if ss_tot > 0 else None)
        else:
            acc = float(np.mean(self.head.classes(out) == self.head.labels(t)))
            setattr(report, f"{split}_accuracy", acc)

    def _test_metrics(self, report: Report) -> None:
        if self._xt is None:
            return
        out = self._head_outputs(self._xt)
        loss = float(np.mean(self.head.per_sample(out, self._tt)))
        if not math.isfinite(loss):
            self._diverged("test loss")
        report.test_loss = loss
        self._metrics(report, "test", out, self._tt)

    def evaluate(self) -> Report:
        """Metrics of the current weights on both splits, in evaluation mode, without training."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self._evaluate()

    def _evaluate(self) -> Report:
        out = self._head_outputs(self._x)
        report = Report(
            epoch=self.epoch,
            step=self.step,
            lr=self._lr,
            train_loss=float(np.mean(self.head.per_sample(out, self._t))),
        )
        self._metrics(report, "train", out, self._t)
        self._test_metrics(report)
        return report


def fit_iter(
    network: Network, x_train, y_train, x_test=None, y_test=None, config: TrainConfig | None = None
) -> Iterator[Report]:
    """Yield a :class:`Report` after every epoch until ``config.epochs`` (forever if None)."""
    trainer = Trainer(network, x_train, y_train, x_test, y_test, config)
    while trainer.config.epochs is None or trainer.epoch < trainer.config.epochs:
        yield trainer.train_epoch()
