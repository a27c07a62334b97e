"""What a diagnosis is made of (issue 11): the finding codes and thresholds, a
:class:`Finding` and the :class:`Evidence` a run gives :func:`nnstudio.insight.diagnose`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

#: Codes in the order findings are listed.
CODES = (
    "output-mismatch",
    "unscaled-inputs",
    "class-imbalance",
    "lr-too-high",
    "exploding-gradients",
    "vanishing-gradients",
    "dead-units",
    "saturated-units",
    "overfitting",
    "plateau",
    "lr-too-low",
)
#: A hidden layer with at least this fraction of dead ReLU units is reported.
DEAD_FRACTION = 0.5
#: A hidden layer with at least this fraction of saturated tanh/sigmoid units.
SATURATED_FRACTION = 0.8
#: First trainable layer's gradient norm below this times the last one's: vanishing.
VANISHING_RATIO = 1e-3
#: A layer gradient norm above this (or first/last above 1/VANISHING_RATIO): exploding.
EXPLODING_NORM = 1e3
#: Largest |weight| above this: weights growing without bound.
WEIGHT_LIMIT = 1e3
#: Rising: the last training loss above this times the best and above the first.
RISE_FACTOR = 2.0
#: Oscillating: over the last OSC_WINDOW epochs, at least OSC_SIGN_CHANGES of the
#: successive changes flip sign and their mean size exceeds OSC_AMPLITUDE times the loss,
#: while the loss stays above OSC_LEVEL times the first epoch's (a wobble near zero is not).
OSC_WINDOW = 12
OSC_LEVEL = 0.2
OSC_SIGN_CHANGES = 0.6
OSC_AMPLITUDE = 0.3
#: Overfitting: test loss this much above its best (relative, and by OVERFIT_SHARE of the
#: first epoch's test loss) while training loss fell since, with at least OVERFIT_AFTER
#: epochs after the best test epoch.
OVERFIT_RISE = 1.0
OVERFIT_SHARE = 0.1
OVERFIT_AFTER = 5
#: Plateau / too slow: epochs needed before judging, and the relative changes.
SLOW_MIN_EPOCHS = 20
PLATEAU_CHANGE = 1e-3
PLATEAU_LOSS_KEPT = 0.5
SLOW_TOTAL_DROP = 0.1
SLOW_STEADY = 0.8
#: Inputs are unscaled when a feature's std or |mean| exceeds this (or a std is below
#: 1/this while others are not).
UNSCALED = 10.0
#: Classes are imbalanced when the largest has this many times the samples of the smallest.
IMBALANCE_RATIO = 4.0


@dataclass
class Finding:
    """One diagnosis: ``code`` (stable), ``layer`` (node id or None), ``evidence`` (text
    with numbers), ``action`` (what to try), ``numbers`` (the evidence as values) and
    ``fix`` (a setting change the GUI can apply, or None)."""

    code: str
    layer: str | None
    evidence: str
    action: str
    numbers: dict = field(default_factory=dict)
    fix: dict | None = None

    def line(self) -> str:
        """One line, code first: ``[dead-units] dense_1: ... -> action``."""
        where = f" {self.layer}:" if self.layer else ""
        return f"[{self.code}]{where} {self.evidence}; {self.action}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Evidence:
    """What :func:`diagnose` looks at.

    ``rows``: per-epoch history dicts of the run (``train_loss``, ``test_loss``, ...),
    including any epochs after the best that a divergence cut from the project's history;
    ``stats``: ``layer_stats`` of the current weights (or None); ``training``: the
    ``TrainConfig.to_dict()``; ``task``, ``n_classes``, ``class_counts`` (training split,
    classification), ``feature_mean`` / ``feature_std`` (model inputs of the training split),
    ``standardize`` (the data setting), ``target_range`` (min, max of regression targets),
    ``output_activation``, ``output_node``; ``failure``: the message of the error that
    ended the run (divergence / degradation) or None.
    """

    rows: list[dict]
    stats: dict | None
    training: dict
    task: str
    n_classes: int = 1
    class_counts: list[int] | None = None
    feature_mean: np.ndarray | None = None
    feature_std: np.ndarray | None = None
    standardize: bool = True
    target_range: tuple[float, float] | None = None
    output_activation: str = "linear"
    output_node: str | None = None
    failure: str | None = None
