"""Typed errors raised by the engine. Every message says what is wrong and how to fix it."""

from __future__ import annotations

from nnstudio.errors import NNStudioError
from nnstudio.text import Text, joined  # noqa: F401 (joined: re-exported)


class EngineError(NNStudioError):
    """Root of every error the engine raises for something a user did."""


class ShapeError(EngineError):
    """Widths of connected nodes do not fit (e.g. Add over inputs of different widths)."""


class ConfigError(EngineError):
    """A node parameter, loss, optimizer, schedule or training setting is not valid."""


class DivergenceError(EngineError):
    """Training produced a non-finite loss or gradient.

    When raised by ``Trainer.train_epoch`` / ``train_batch`` the network holds the weights
    of the last finite step; when raised by the training loop (``Trainer.run``,
    ``fit_iter``, ``Session.run``) it holds the best weights of the run if an epoch had
    any (``kept_epoch``, counted like the history; None = the last finite step).
    """

    def __init__(
        self, message: str, *, epoch: int = 0, step: int = 0, kept_epoch: int | None = None
    ) -> None:
        super().__init__(message)
        self.epoch = epoch
        self.step = step
        self.kept_epoch = kept_epoch


class DegradedError(DivergenceError):
    """Training stayed finite but ruined the model: the loss rose far above its best for
    several epochs, or the weights grew without bound (thresholds in
    :mod:`nnstudio.engine.watch`). The network holds the run's best weights."""


class WeightsMismatchError(EngineError):
    """Weights given to ``Network.set_weights`` do not match the network.

    ``problems`` lists every missing name, unexpected name and wrong shape.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = joined(self.problems[:20])
        if len(self.problems) > 20:
            shown = Text("{shown} (and {n} more)", shown=shown, n=len(self.problems) - 20)
        super().__init__(
            Text(
                "The weights do not match this network: {problems}. "
                "Load weights saved from a network with the same layers, ids and sizes.",
                problems=shown,
            )
        )


class EpochInterrupted(Exception):  # noqa: N818 - control flow, not an error
    """The ``interrupt`` callback of ``Trainer.train_epoch`` asked to stop mid-epoch.

    Not a user error: the network holds the weights after the last completed step, the
    epoch counter is unchanged (the partial epoch is not reported), ``Trainer.step``
    counts the steps that ran.
    """
