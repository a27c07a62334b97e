"""Watching a training run: the best weights so far, and runs that ruin the model.

A run *degrades* when it stays finite but makes the model much worse. Two signs, checked
after every epoch by the training loop (``Trainer.run``):

- the training loss is above ``DEGRADE_FACTOR`` (5) times the lowest training loss of
  the run **and** has climbed back more than ``DEGRADE_SHARE`` (a third) of the way from
  that lowest loss to the loss of the weights the run started from (or to the chance
  level, the loss of predicting the targets' average, when that is higher: a run that
  continues from a converged model starts near its best, and wobbles there are not a
  ruin), for ``DEGRADE_PATIENCE`` (5) epochs in a row. The lowest loss includes the starting one, so
  a run ruined from its first epoch (Adam at lr 1e3 on the spiral: losses in the hundreds
  from a start of 0.72) is caught, and so is one that learns and then collapses (SGD at
  lr 3 on moons: 1.39 at the start, 0.11 at epoch 9, then 0.72 and chance accuracy for
  good). Both bounds matter: a loss that falls from 0.7 to 1e-4 and wobbles back to 1e-3
  is ten times its best but has given back almost none of its progress, and a noisy loss
  between 0.3 and 0.45 after a start of 0.7 gives back a third but is not five times its
  best: both are left alone;
- the largest absolute parameter is above ``WEIGHT_LIMIT`` (1e6) **and** more than
  ``WEIGHT_GROWTH`` (100) times the largest at the best epoch. With standardized inputs,
  healthy weights stay orders of magnitude below 1e6; a regression on targets in the
  millions may legitimately grow large weights, but then the loss keeps improving and the
  best epoch moves with them, so the growth test does not fire.

The *best* epoch is the one with the lowest test loss (the training loss when there is no
test split; the weights the run started from count as a candidate when there is a test
split). Its parameters and running statistics are kept as flat copies, so tracking costs
one copy when an epoch improves and two reductions per epoch.
"""

from __future__ import annotations

import math

import numpy as np

from nnstudio.text import Text

#: A training loss above this many times its best is bad (if also ``DEGRADE_SHARE``) ...
DEGRADE_FACTOR = 5.0
#: ... and above best + this share of (start - best): the run gave back that much progress.
DEGRADE_SHARE = 1.0 / 3.0
#: Epochs in a row with a bad training loss before the run is stopped.
DEGRADE_PATIENCE = 5
#: Parameters larger than this in absolute value (and ``WEIGHT_GROWTH`` times their size
#: at the best epoch) stop the run.
WEIGHT_LIMIT = 1e6
#: How many times the largest weight may grow past its size at the best epoch.
WEIGHT_GROWTH = 100.0


def max_abs(a: np.ndarray) -> float:
    """Largest absolute entry of ``a`` (0 for an empty array), without a temporary."""
    if a.size == 0:
        return 0.0
    return max(float(a.max()), -float(a.min()))


class RunWatch:
    """Best weights and degradation signs of one run over ``params`` / ``state`` (the
    network's flat vectors, read and restored in place). Epochs are numbered like the
    history; ``start_epoch`` is the epoch the weights were at when watching began."""

    def __init__(
        self,
        params: np.ndarray,
        state: np.ndarray,
        metric: str,
        start_epoch: int,
        start_loss: float,
        chance_loss: float = 0.0,
    ) -> None:
        self._params, self._state = params, state
        self.metric = metric  # "test loss" or "training loss"
        self.start_epoch = start_epoch
        self.best_params = params.copy()
        self.best_state = state.copy()
        self.best_epoch: int | None = None
        self.best_loss = math.inf
        self._w_best = max_abs(params)
        start = start_loss if math.isfinite(start_loss) else math.inf
        self._low = start
        # how far "back" reaches: the start, or chance level when the start was better
        self._start = max(start, chance_loss) if math.isfinite(chance_loss) else start
        self._bad = 0

    def consider(self, epoch: int, loss: float) -> None:
        """Keep the current weights if ``loss`` (of ``metric``) is the best so far."""
        if math.isfinite(loss) and loss < self.best_loss:
            self.best_loss, self.best_epoch = loss, epoch
            np.copyto(self.best_params, self._params)
            np.copyto(self.best_state, self._state)
            self._w_best = max_abs(self._params)

    def degraded(self, train_loss: float) -> str | None:
        """Why the run looks ruined after an epoch with ``train_loss``, or None."""
        low = self._low = min(self._low, train_loss)
        if train_loss > DEGRADE_FACTOR * low and (
            train_loss - low > DEGRADE_SHARE * (self._start - low)
        ):
            self._bad += 1
        else:
            self._bad = 0
        if self._bad >= DEGRADE_PATIENCE:
            return Text(
                "the training loss rose to {loss:.4g}, more than {factor:g} times its best "
                "({low:.4g}) and more than a third of the way back to {start:.4g} (where the "
                "run started, or chance level if higher), for {n} epochs in a row",
                loss=train_loss,
                factor=DEGRADE_FACTOR,
                low=low,
                start=self._start,
                n=self._bad,
            )
        w = max_abs(self._params)
        if w > WEIGHT_LIMIT and w > WEIGHT_GROWTH * self._w_best:
            return Text(
                "the weights grew to {w:.3g} (over {limit:g}, and more than {growth:g} times "
                "their size at the best epoch)",
                w=w,
                limit=WEIGHT_LIMIT,
                growth=WEIGHT_GROWTH,
            )
        return None

    def restore(self) -> bool:
        """Put the best weights back; False (nothing changed) if no epoch was kept."""
        if self.best_epoch is None:
            return False
        np.copyto(self._params, self.best_params)
        np.copyto(self._state, self.best_state)
        return True


def kept_text(watch: RunWatch | None) -> Text:
    """Which weights a stopped run kept: ``watch``'s best (after :meth:`RunWatch.restore`),
    or, for None, the last finite step's."""
    if watch is None or watch.best_epoch is None:
        return Text("The weights of the last finite step were kept.")
    score = Text("{metric} {loss:.4g}", metric=watch.metric, loss=watch.best_loss)
    if watch.best_epoch == watch.start_epoch:
        return Text(
            "Kept the weights the run started from ({score}): no epoch did better.", score=score
        )
    return Text(
        "Kept the weights of epoch {epoch}, the best of this run ({score}).",
        epoch=int(watch.best_epoch),
        score=score,
    )


def stop_text(where: Text, what: str, kept: Text, lr: float, *, clipping: bool) -> Text:
    """The message of a diverged or degraded run: ``where`` it stopped, ``what`` went
    wrong, the weights ``kept``, and what to change (a lower learning rate than ``lr``;
    gradient clipping unless it is on already)."""
    if clipping:
        return Text(
            "Training {where}: {what}. {kept} Lower the learning rate (now {lr:g}; try "
            "{lower:g}), and check that the inputs are scaled.",
            where=where,
            what=what,
            kept=kept,
            lr=lr,
            lower=lr / 10,
        )
    return Text(
        "Training {where}: {what}. {kept} Lower the learning rate (now {lr:g}; try "
        "{lower:g}) or turn on gradient clipping, and check that the inputs are scaled.",
        where=where,
        what=what,
        kept=kept,
        lr=lr,
        lower=lr / 10,
    )
