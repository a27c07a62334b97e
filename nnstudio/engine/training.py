"""The training loop: :class:`Trainer`, :class:`Report`, :func:`fit_iter` (settings:
:class:`TrainConfig` in :mod:`nnstudio.engine.config`, re-exported here).

There is one loop: :meth:`Trainer.run` (a generator of per-epoch reports with the run's
budget, best weights and degradation watch). ``fit_iter`` (library), ``Session.run`` (CLI
``train`` and the GUI worker) all drive it. :meth:`Trainer.train_epoch` and
:meth:`Trainer.train_batch` share one step function (L1/L2, clipping, divergence check,
backup of the last finite weights). :data:`LIVE_SETTINGS` lists, once, the settings that
may change while training (:meth:`Trainer.update` enforces it; the GUI reads it from here).

The inner loop is written for small networks, where Python overhead dominates: the epoch's
permutation indexes the data once, every batch reuses the preallocated buffers of its plan,
losses are accumulated lazily (the outputs of each step are copied into an epoch buffer and
reduced once per epoch), the optimizer works on flat vectors, and the divergence guard is
one dot product (the squared gradient norm, also used for clipping) plus one copy of the
parameter vector per step.

BatchNorm cannot train on a batch of one sample (its batch variance is zero; PyTorch
refuses). When the network has BatchNorm, a last batch of one is dropped from each epoch
(a different sample each epoch, as the split is reshuffled) and :attr:`Trainer.notes` says
so; a batch size of 1 or a training split of one sample is refused with a ConfigError.

``train_loss`` / ``train_accuracy`` in a :class:`Report` are means over the epoch's steps
(each sample's loss measured with the weights of the step that used it, like Keras);
test metrics are computed on the weights at the end of the epoch, in evaluation mode.
Reported losses are the data loss only (without the L1/L2 penalties).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace

import numpy as np

from nnstudio.text import Text

from . import fastnp as fnp
from ._threads import SMALL_NETWORK_PARAMS, use_single_blas_thread
from .config import TrainConfig
from .errors import ConfigError, DegradedError, DivergenceError, EpochInterrupted
from .losses import check_loss, task_of
from .network import Network
from .optimizers import make_optimizer
from .schedules import scheduled_lr
from .watch import RunWatch, kept_text, stop_text

#: Steps between two calls of ``train_epoch``'s ``interrupt`` callback.
INTERRUPT_EVERY = 32

#: The TrainConfig fields that may change while training (:meth:`Trainer.update`): the
#: learning rate takes effect at the next step, the others at the next epoch. The GUI
#: reads this list from here; there is no other copy.
__all__ = ["LIVE_SETTINGS", "Report", "TrainConfig", "Trainer", "fit_iter"]

LIVE_SETTINGS = ("learning_rate", "epochs", "optimizer_params", "l1", "l2", "clip_norm")


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
        # every field is a scalar: a shallow dict equals asdict() at a tenth of its cost
        # (one per epoch, in the training thread)
        return {name: getattr(self, name) for name in _REPORT_FIELDS}


_REPORT_FIELDS = tuple(f.name for f in fields(Report))


class Trainer:
    """Trains ``network`` on ``(x_train, y_train)``; evaluates on the optional test split.

    x: (n, input_width) floats. y: (n,) int labels for classification (bce / cce; one-hot
    (n, k) also accepted for cce), (n,) or (n, k) floats for regression. The task follows
    the loss: bce/bce_logits -> binary, cce -> multiclass, anything else -> regression.
    Computation uses the network's dtype.

    ``epoch_offset``: epochs trained before this trainer (a continued project); it numbers
    epochs in messages and ``kept_epoch``, and counts toward ``config.epochs`` in
    :meth:`run`. ``notes``: remarks on how the data is used (e.g. a dropped batch of one).
    """

    def __init__(
        self,
        network: Network,
        x_train,
        y_train,
        x_test=None,
        y_test=None,
        config: TrainConfig | None = None,
        *,
        epoch_offset: int = 0,
    ) -> None:
        if config is None:
            raise ConfigError(
                Text(
                    "A Trainer needs its TrainConfig: build one with nnstudio.graph.train_config()."
                )
            )
        config.validate()
        self.network = network
        self.config = config
        self.epoch_offset = int(epoch_offset)
        net = network
        dt = net.dtype
        self.head = net.head(check_loss(config.loss), config.loss_params)
        self.task = task_of(config.loss)
        self._x = self._inputs(x_train, "x_train")
        self._t = self.head.targets(y_train, dt)
        if self._t.shape[0] != self._x.shape[0]:
            raise ConfigError(
                Text(
                    "x_train has {n} rows but y_train has {m}.",
                    n=self._x.shape[0],
                    m=self._t.shape[0],
                )
            )
        n = self._x.shape[0]
        if n == 0:
            raise ConfigError(
                Text("The training split is empty; add data or raise the train ratio.")
            )
        if x_test is not None and y_test is not None and len(x_test) > 0:
            self._xt = self._inputs(x_test, "x_test")
            self._tt = self.head.targets(y_test, dt)
            if self._tt.shape[0] != self._xt.shape[0]:
                raise ConfigError(
                    Text(
                        "x_test has {n} rows but y_test has {m}.",
                        n=self._xt.shape[0],
                        m=self._tt.shape[0],
                    )
                )
        else:
            self._xt = self._tt = None
        self.rng = np.random.default_rng(config.seed)
        bs = n if config.batch_size is None else min(int(config.batch_size), n)
        self.batch_size = bs
        self.notes: list[str] = []  # Text
        sizes = {bs, n % bs} - {0}
        self._has_bn = any(nd.kind == "batchnorm" for nd in net.nodes)
        if self._has_bn:
            if bs == 1:
                why = (
                    Text("the training split has 1 sample")
                    if n == 1
                    else Text("the batch size is 1")
                )
                raise ConfigError(
                    Text(
                        "BatchNorm needs batches of at least 2 samples, but {why}; raise the "
                        "batch size (or add data), or remove the BatchNorm layer.",
                        why=why,
                    )
                )
            if n % bs == 1:
                sizes.discard(1)
                self.notes.append(
                    Text(
                        "The {n} training samples leave a last batch of one, which BatchNorm "
                        "cannot train on: each epoch uses {used} samples (a different one is "
                        "left out each epoch). Change the batch size to use them all.",
                        n=n,
                        used=n - 1,
                    )
                )
        skip = self.head.skip_activation
        self._plans = []
        for size in sorted(sizes, reverse=True):
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
        self._lrbox = [self._base_lr]  # read by the step function at every step
        self._update_lr()
        self._step_fn = self._make_step()
        self.watch: RunWatch | None = None  # made by run()
        self._run_start, self._run_epochs, self._run_total = 0, None, config.epochs
        use_single_blas_thread(net.n_params <= SMALL_NETWORK_PARAMS)

    def _inputs(self, x, what: str) -> np.ndarray:
        x = np.asarray(x)
        if x.ndim == 1 and self.network.input_width == 1:
            x = x[:, None]
        if x.ndim != 2 or x.shape[1] != self.network.input_width:
            raise ConfigError(
                Text(
                    "{what} has shape {shape} but the network's input expects (n, {width}); "
                    "set the input units to the feature count.",
                    what=what,
                    shape=x.shape,
                    width=self.network.input_width,
                )
            )
        out = np.ascontiguousarray(x, dtype=self.network.dtype)
        if not np.isfinite(out).all():
            raise ConfigError(
                Text("{what} contains NaN or infinity; clean the data first.", what=what)
            )
        return out

    # ------------------------------------------------------------------ live settings
    @property
    def learning_rate(self) -> float:
        """The base learning rate; the schedule scales it. Setting it keeps optimizer state."""
        return self._base_lr

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self.update(learning_rate=value)

    def update(self, **changes) -> None:
        """Change live settings (:data:`LIVE_SETTINGS`) without resetting optimizer state.

        The learning rate takes effect at the next step, the others at the next epoch.
        Raises :class:`ConfigError` for invalid values or settings that need a new trainer.
        """
        fixed = sorted(set(changes) - set(LIVE_SETTINGS))
        if fixed:
            raise ConfigError(
                Text(
                    "{fixed} cannot change during training; stop and start again "
                    "(live settings: {live}).",
                    fixed=fixed,
                    live=list(LIVE_SETTINGS),
                )
            )
        new = replace(self.config, **changes)
        new.validate()
        if "optimizer_params" in changes:
            self._opt.set_hyperparameters(new.optimizer_params)
        self.config = new
        self._base_lr = float(new.learning_rate)
        self._update_lr()
        self._step_fn = self._make_step()

    def _update_lr(self) -> None:
        c = self.config
        self._lr = scheduled_lr(c.schedule, c.schedule_params or {}, self._base_lr, self.epoch)
        self._lrbox[0] = self._lr

    # ------------------------------------------------------------------ one step
    def _make_step(self) -> Callable:
        """The step function shared by :meth:`train_epoch` and :meth:`train_batch`.

        ``step(plan, kernel, x, t, keep)``: forward ``x`` (batch, input_width), gradient of
        the loss for targets ``t`` (batch, k), backward, L2 (2 l2 w) and L1 (l1 sign(w))
        on the weights (not biases), divergence check on the squared gradient norm,
        clipping to ``clip_norm``, backup of the weights, optimizer step. The outputs are
        copied into ``keep`` (batch, output_width) for the epoch's loss. Rebuilt when a
        live setting changes.
        """
        net = self.network
        params, grads, state = net.flat_params, net.flat_grads, net.flat_state
        has_state = state.size > 0
        backup, sbackup, opt_step, lrbox = (
            self._backup,
            self._state_backup,
            self._opt.step,
            self._lrbox,
        )
        cfg = self.config
        l1, l2 = float(cfg.l1), 2.0 * float(cfg.l2)
        clip = None if cfg.clip_norm is None else float(cfg.clip_norm)
        clip2 = None if clip is None else clip * clip
        nd = net.n_decay
        wv, gv, tmp = params[:nd], grads[:nd], self._tmp
        dot, copyto, multiply, add, sign = fnp.dot, fnp.copyto, np.multiply, np.add, np.sign
        isfinite, sqrt = math.isfinite, math.sqrt
        trainer = self

        def step(plan, kernel, x, t, keep) -> None:
            copyto(plan.x, x)
            for f in plan.fwd:
                f()
            kernel(t)
            copyto(keep, plan.out)
            for b in plan.bwd:
                b()
            if l2:
                multiply(wv, l2, out=tmp)
                add(gv, tmp, out=gv)
            if l1:
                sign(wv, out=tmp)
                multiply(tmp, l1, out=tmp)
                add(gv, tmp, out=gv)
            gg = float(dot(grads, grads))
            if not isfinite(gg):
                trainer._fail(DivergenceError, Text("the gradient became infinite or NaN"))
            if clip2 is not None and gg > clip2:
                multiply(grads, clip / (sqrt(gg) + 1e-6), out=grads)
            copyto(backup, params)
            if has_state:
                copyto(sbackup, state)
            opt_step(params, grads, lrbox[0])
            trainer.step += 1

        return step

    def _fail(self, cls: type[DivergenceError], what: str, epoch: int | None = None) -> None:
        """Restore weights and raise ``cls``: divergence inside the epoch under way, or
        degradation seen after ``epoch``. The network gets the run's best weights when
        :meth:`run` has kept some, else the last finite step's."""
        net = self.network
        fnp.copyto(net.flat_params, self._backup)
        fnp.copyto(net.flat_state, self._state_backup)
        w = self.watch
        kept_epoch = int(w.best_epoch) if w is not None and w.restore() else None
        if epoch is None:
            where = Text(
                "diverged at epoch {epoch}, step {step}",
                epoch=self.epoch_offset + self.epoch + 1,
                step=self.step + 1,
            )
        else:
            where = Text("degraded at epoch {epoch}", epoch=self.epoch_offset + epoch)
        kept = kept_text(w if kept_epoch is not None else None)
        text = stop_text(where, what, kept, self._lr, clipping=bool(self.config.clip_norm))
        raise cls(text, epoch=self.epoch, step=self.step, kept_epoch=kept_epoch)

    # ------------------------------------------------------------------ training
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
        n = self._x.shape[0]
        perm = self.rng.permutation(n)
        np.take(self._x, perm, axis=0, out=self._xe, mode="clip")
        np.take(self._t, perm, axis=0, out=self._te, mode="clip")
        xe, te, he = self._xe, self._te, self._he
        step, lr_epoch, s = self._step_fn, self._lr, 0
        for size, plan, gk in self._plans:
            plan.rngbox[0] = self.rng
            for _ in range(n // size if size == self.batch_size else 1):
                e = s + size
                step(plan, gk, xe[s:e], te[s:e], he[s:e])
                s = e
                if interrupt is not None and self.step % every == 0 and interrupt():
                    raise EpochInterrupted(f"stopped during epoch {self.epoch + 1}")
        he, te = he[:s], te[:s]
        train_loss = float(np.mean(self.head.per_sample(he, te)))
        if not math.isfinite(train_loss):
            self._fail(DivergenceError, Text("the loss became infinite or NaN"))
        report = Report(epoch=self.epoch + 1, step=self.step, lr=lr_epoch, train_loss=train_loss)
        self._metrics(report, "train", he, te)
        self._test_metrics(report)
        self.epoch += 1
        self._update_lr()
        return report

    def train_batch(self, x, y) -> float:
        """One optimizer step on the given batch (the epoch's step function); returns its
        loss before the step."""
        with np.errstate(over="ignore", invalid="ignore"):
            net = self.network
            x = self._inputs(x, "x")
            t = self.head.targets(y, net.dtype)
            if self._has_bn and x.shape[0] < 2:
                raise ConfigError(
                    Text("BatchNorm cannot train on a batch of one sample; give 2 or more.")
                )
            plan = net.plan(x.shape[0], training=True, skip_activation=self.head.skip_activation)
            plan.rngbox[0] = self.rng
            keep = np.empty((x.shape[0], net.output_width), dtype=net.dtype)
            self._step_fn(plan, self.head.grad_kernel(plan.out, plan.gout), x, t, keep)
            loss = float(np.mean(self.head.per_sample(keep, t)))
            if not math.isfinite(loss):
                self._fail(DivergenceError, Text("the loss became infinite or NaN"))
            return loss

    # ------------------------------------------------------------------ the loop
    def run(
        self, epochs: int | None = None, interrupt: Callable[[], bool] | None = None
    ) -> Iterator[Report]:
        """The training loop: a generator of one :class:`Report` per epoch.

        ``epochs``: epochs in this run; None follows ``config.epochs`` (live): the epochs
        left to reach it counting ``epoch_offset``, or ``config.epochs`` more if it is
        already reached, or forever if None; lowering it live to the current epoch or below
        ends the run after the current epoch. ``interrupt`` goes to :meth:`train_epoch`
        (:class:`EpochInterrupted` ends the generator with that exception).

        The run keeps its best weights (:attr:`watch`, see :mod:`nnstudio.engine.watch`).
        On a non-finite loss or gradient it raises :class:`DivergenceError`, on a degraded
        run :class:`DegradedError`; either way the network then holds the best weights.
        The budget is set when this is called (:meth:`epochs_left` is valid at once).
        """
        self._run_start, self._run_epochs, self._run_total = self.epoch, epochs, self.config.epochs
        if self.watch is None:
            net, start = self.network, self.epoch_offset + self.epoch
            first = self.evaluate()  # the weights the run starts from
            metric = Text("training loss") if self._xt is None else Text("test loss")
            chance = self.head.chance_loss(self._t)
            self.watch = RunWatch(
                net.flat_params, net.flat_state, metric, start, first.train_loss, chance
            )
            if first.test_loss is not None:  # they are a candidate for the best
                self.watch.consider(start, first.test_loss)
        return self._run(interrupt)

    def epochs_left(self) -> int | None:
        """Epochs the current :meth:`run` still has to go (None = unlimited)."""
        done = self.epoch - self._run_start
        if self._run_epochs is not None:
            return max(0, self._run_epochs - done)
        total = self.config.epochs
        if total is None:
            return None
        before = self.epoch_offset + self._run_start
        if total != self._run_total and total <= before + done:
            return 0  # lowered live to the current epoch or below
        return max(0, (total - before if before < total else total) - done)

    def _run(self, interrupt: Callable[[], bool] | None) -> Iterator[Report]:
        watch = self.watch
        while self.epochs_left() != 0:
            report = self.train_epoch(interrupt)
            watch.consider(
                self.epoch_offset + self.epoch,
                report.train_loss if report.test_loss is None else report.test_loss,
            )
            why = watch.degraded(report.train_loss)
            if why is not None:
                self._fail(DegradedError, why, epoch=self.epoch)
            yield report

    # ------------------------------------------------------------------ evaluation
    def _head_outputs(self, x: np.ndarray) -> np.ndarray:
        """Evaluation-mode outputs at the head (logits when the activation is fused)."""
        net, skip = self.network, self.head.skip_activation
        out = np.empty((x.shape[0], net.output_width), dtype=net.dtype)
        bs = 4096
        for s in range(0, x.shape[0], bs):
            e = min(x.shape[0], s + bs)
            p = net.plan(e - s, training=False, skip_activation=skip)
            fnp.copyto(p.x, x[s:e])
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
            self._fail(DivergenceError, Text("the test loss became infinite or NaN"))
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
    """Yield a :class:`Report` after every epoch until ``config.epochs`` (forever if None).

    The same loop as the CLI and the app (:meth:`Trainer.run`): a diverging or degrading
    run raises :class:`DivergenceError` / :class:`DegradedError` with the best weights kept.
    """
    yield from Trainer(network, x_train, y_train, x_test, y_test, config).run()
