"""Parameter schemas: :class:`ParamSpec` and filling a parameter dict from a schema table.

Every parameter NN Studio knows (of a layer kind, an activation, a loss, an optimizer, a
schedule, the training run) is one :class:`ParamSpec` declared once in the catalog; the
engine, the export IR, the CLI, the templates and the GUI panels take names, defaults,
ranges and help from there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nnstudio.text import Text

from .errors import ParamError


def owned(owner: str, problem: Text) -> Text:
    """``problem`` prefixed with ``owner: `` (a node id, ``"optimizer adam"``...), if any."""
    if not owner:
        return problem
    return Text("{owner}: {problem}", owner=owner, problem=problem)


@dataclass(frozen=True)
class ParamSpec:
    """Schema of one parameter.

    ``type`` is ``"int"``, ``"float"``, ``"bool"`` or ``"choice"``; ``min``/``max`` are
    bounds for numbers, inclusive unless ``min_exclusive``/``max_exclusive``; ``choices``
    lists the allowed values of a ``"choice"``. ``optional`` allows ``None`` (e.g. a batch
    size of None means full batch); ``none_label`` says what None means.
    """

    name: str
    label: str
    type: str
    default: Any
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""
    min_exclusive: bool = False
    max_exclusive: bool = False
    optional: bool = False
    none_label: str = ""

    def check(self, value: Any, node_id: str = "") -> Any:
        """Return ``value`` normalised to this parameter's type, or raise :class:`ParamError`.

        Integral floats are accepted for ``int`` (``8.0`` -> ``8``) and ints for ``float``.
        ``node_id`` (or any owner name, e.g. ``"optimizer adam"``) prefixes the message.
        """
        ids = (node_id,) if node_id and " " not in node_id else ()

        def error(problem: Text) -> ParamError:
            return ParamError(owned(node_id, problem), ids)

        name = self.name
        if value is None and self.optional:
            return None
        if self.type == "bool":
            if not isinstance(value, bool):
                raise error(
                    Text("'{name}' must be true or false, got {value!r}.", name=name, value=value)
                )
            return value
        if self.type == "choice":
            if not isinstance(value, str) or value not in self.choices:
                raise error(
                    Text(
                        "'{name}' must be one of {allowed}; got {value!r}.",
                        name=name,
                        allowed=list(self.choices),
                        value=value,
                    )
                )
            return value
        if self.type not in ("int", "float"):
            raise ValueError(f"unknown parameter type {self.type!r}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise error(
                Text(
                    "'{name}' must be a number ({type}), got {value!r}.",
                    name=name,
                    type=self.type,
                    value=value,
                )
            )
        if not math.isfinite(value):
            raise error(
                Text("'{name}' must be a finite number, got {value}.", name=name, value=value)
            )
        if self.type == "int":
            if value != int(value):
                raise error(
                    Text("'{name}' must be a whole number, got {value!r}.", name=name, value=value)
                )
            value = int(value)
        else:
            value = float(value)
        hint = self._range_hint()
        if self.min is not None and (value <= self.min if self.min_exclusive else value < self.min):
            if self.min_exclusive:
                problem = Text(
                    "'{name}' is {value} but must be greater than {min}{hint}.",
                    name=name,
                    value=value,
                    min=self.min,
                    hint=hint,
                )
            else:
                problem = Text(
                    "'{name}' is {value} but must be at least {min}{hint}.",
                    name=name,
                    value=value,
                    min=self.min,
                    hint=hint,
                )
            raise error(problem)
        if self.max is not None and (value >= self.max if self.max_exclusive else value > self.max):
            if self.max_exclusive:
                problem = Text(
                    "'{name}' is {value} but must be less than {max}{hint}.",
                    name=name,
                    value=value,
                    max=self.max,
                    hint=hint,
                )
            else:
                problem = Text(
                    "'{name}' is {value} but must be at most {max}{hint}.",
                    name=name,
                    value=value,
                    max=self.max,
                    hint=hint,
                )
            raise error(problem)
        return value

    def _range_hint(self) -> str:
        if self.min is not None and self.max is not None:
            return Text(" (allowed: {min} to {max})", min=self.min, max=self.max)
        return ""


def fill(
    specs: Iterable[ParamSpec],
    params: Mapping[str, Any] | None,
    owner: str = "",
    title: str = "",
) -> dict[str, Any]:
    """Complete ``params`` with the defaults of ``specs`` and check every value.

    Returns a new dict in schema order. Raises :class:`ParamError` naming ``owner`` (a node
    id, or e.g. ``"optimizer adam"``) and the parameter for an unknown name, a wrong type or
    a value out of range; ``title`` names what has the parameters ("Dense", "adam").
    """
    specs = tuple(specs)
    ids = (owner,) if owner and " " not in owner else ()
    if params is None:
        params = {}
    if not isinstance(params, Mapping):
        problem = Text("parameters must be a mapping, got {type}.", type=type(params).__name__)
        raise ParamError(owned(owner, problem), ids)
    known = {p.name for p in specs}
    for name in params:
        if name not in known:
            allowed = sorted(known) or Text("none")
            if title:
                problem = Text(
                    "{title} has no parameter {name!r} (parameters: {allowed}); remove it.",
                    title=title,
                    name=name,
                    allowed=allowed,
                )
            else:
                problem = Text(
                    "unknown parameter {name!r} (parameters: {allowed}); remove it.",
                    name=name,
                    allowed=allowed,
                )
            raise ParamError(owned(owner, problem), ids)
    return {
        p.name: p.check(params[p.name], owner) if p.name in params else p.default for p in specs
    }


def defaults(specs: Iterable[ParamSpec]) -> dict[str, Any]:
    """Default value of every parameter of ``specs``, in schema order."""
    return {p.name: p.default for p in specs}
