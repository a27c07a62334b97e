"""Bounds on the stored preprocessing statistics (standardization mean and std).

A standard deviation near zero or a huge mean turns every input into infinities and the
predictions into NaN; such statistics are refused when the file is read, naming the
feature. Fitting never produces them: a constant feature gets ``std = 1``.
"""

from __future__ import annotations

import math
from typing import Any

from nnstudio.io.errors import ProjectDataError
from nnstudio.text import Text

#: smallest standard deviation accepted (fitting replaces anything at or below it with 1)
MIN_STD = 1e-12
#: largest absolute mean and largest standard deviation accepted
MAX_STAT = 1e15


def check_statistics(preprocessor: dict[str, Any]) -> None:
    """Raise :class:`ProjectDataError` unless every ``std`` is finite and in
    ``(MIN_STD, MAX_STAT]`` and every ``mean`` finite with ``|mean| <= MAX_STAT``.

    ``preprocessor`` is ``Preprocessor.to_dict()`` output already accepted by
    ``Preprocessor.from_dict`` (lists of numbers or None).
    """
    mean = preprocessor.get("mean") or []
    std = preprocessor.get("std") or []
    for i, value in enumerate(mean):
        if not math.isfinite(value) or abs(value) > MAX_STAT:
            raise ProjectDataError(
                Text(
                    "preprocessor mean of feature {i} is {value!r}; it must be a finite number "
                    "between -{max:g} and {max:g} (retrain to refit it)",
                    i=i,
                    value=value,
                    max=MAX_STAT,
                )
            )
    for i, value in enumerate(std):
        if not math.isfinite(value) or not MIN_STD < value <= MAX_STAT:
            raise ProjectDataError(
                Text(
                    "preprocessor standard deviation of feature {i} is {value!r}; it must be "
                    "above {min:g} and at most {max:g} (retrain to refit it)",
                    i=i,
                    value=value,
                    min=MIN_STD,
                    max=MAX_STAT,
                )
            )
