"""From an ``io.Project`` to what the exporters need: spec, weights, preprocessing."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnstudio.errors import NNStudioError
from nnstudio.text import Text, message

from ..messages import joined
from .errors import ExportError

UNTRAINED_WARNING = Text("network is untrained: exporting its initial weights")


def n_features_of(preprocessor: dict[str, Any]) -> int | None:
    """Width of the model inputs a ``Preprocessor.to_dict()`` produces (None if unknown)."""
    features = preprocessor.get("features")
    if features is not None:
        return len(features)
    n_raw = preprocessor.get("n_raw")
    return int(n_raw) if n_raw is not None else None


def resolve(project: Any) -> tuple[Any, dict[str, np.ndarray], dict[str, Any], list[str]]:
    """``(spec, weights, preprocessor dict, warnings)`` of a project, ready to export.

    An untrained project gets the initial weights its compiled network starts from (the
    training dtype and seed, as a training session would) and :data:`UNTRAINED_WARNING`;
    a project without a stored preprocessor gets the one fitted on its dataset.
    Raises ExportError with every reason when the network is invalid.
    """
    from nnstudio.graph import compile_spec, validate
    from nnstudio.graph.memory import check_network_memory

    spec = project.network
    warnings: list[str] = []
    preprocessor = project.preprocessor
    if preprocessor is None:
        try:
            from nnstudio.data import make_dataset

            # data_settings(): a relative CSV path is relative to the project's folder
            data = project.data_settings() if hasattr(project, "data_settings") else project.data
            preprocessor = make_dataset(data).preprocessor.to_dict()
        except NNStudioError as exc:
            raise ExportError(
                Text(
                    "cannot export: the project's data cannot be prepared ({error})",
                    error=message(exc),
                )
            ) from exc
    errors = validate(spec, n_features=n_features_of(preprocessor), loss=project.training.loss)
    if errors:
        raise ExportError(
            Text(
                "cannot export: the network is invalid:\n  {problems}\nFix the network, then "
                "export again.",
                problems=joined([_text_of(e) for e in errors], "\n  "),
            )
        )
    weights = project.weights
    if weights is None:
        warnings.append(UNTRAINED_WARNING)
        try:
            check_network_memory(spec, project.training.dtype, n_features_of(preprocessor))
            network = compile_spec(spec, dtype=project.training.dtype, seed=project.training.seed)
        except NNStudioError as exc:
            raise ExportError(
                Text("cannot export: the network cannot be built ({error})", error=message(exc))
            ) from exc
        weights = network.get_weights()
    return spec, dict(weights), dict(preprocessor), warnings


def _text_of(problem: Any) -> str:
    """A validation problem's message, keeping its Text (an error or a ``message``)."""
    if isinstance(problem, BaseException):
        return message(problem)
    text = getattr(problem, "message", None)
    return text if isinstance(text, str) and text == str(problem) else str(problem)
