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

from .errors import ParamError


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
        where = f"{node_id}: " if node_id else ""
        ids = (node_id,) if node_id and " " not in node_id else ()
        if value is None and self.optional:
            return None
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ParamError(f"{where}'{self.name}' must be true or false, got {value!r}.", ids)
            return value
        if self.type == "choice":
            if not isinstance(value, str) or value not in self.choices:
                allowed = ", ".join(self.choices)
                raise ParamError(
                    f"{where}'{self.name}' must be one of {allowed}; got {value!r}.", ids
                )
            return value
        if self.type not in ("int", "float"):
            raise ValueError(f"unknown parameter type {self.type!r}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParamError(
                f"{where}'{self.name}' must be a number ({self.type}), got {value!r}.", ids
            )
        if not math.isfinite(value):
            raise ParamError(f"{where}'{self.name}' must be a finite number, got {value}.", ids)
        if self.type == "int":
            if value != int(value):
                raise ParamError(
                    f"{where}'{self.name}' must be a whole number, got {value!r}.", ids
                )
            value = int(value)
        else:
            value = float(value)
        if self.min is not None and (value <= self.min if self.min_exclusive else value < self.min):
            bound = "greater than" if self.min_exclusive else "at least"
            raise ParamError(
                f"{where}'{self.name}' is {value} but must be {bound} {self.min}"
                f"{self._range_hint()}.",
                ids,
            )
        if self.max is not None and (value >= self.max if self.max_exclusive else value > self.max):
            bound = "less than" if self.max_exclusive else "at most"
            raise ParamError(
                f"{where}'{self.name}' is {value} but must be {bound} {self.max}"
                f"{self._range_hint()}.",
                ids,
            )
        return value

    def _range_hint(self) -> str:
        if self.min is not None and self.max is not None:
            return f" (allowed: {self.min} to {self.max})"
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
    where = f"{owner}: " if owner else ""
    ids = (owner,) if owner and " " not in owner else ()
    if params is None:
        params = {}
    if not isinstance(params, Mapping):
        raise ParamError(f"{where}parameters must be a mapping, got {type(params).__name__}.", ids)
    known = {p.name for p in specs}
    for name in params:
        if name not in known:
            allowed = ", ".join(sorted(known)) or "none"
            what = f"{title} has no parameter" if title else "unknown parameter"
            raise ParamError(
                f"{where}{what} {name!r} (parameters: {allowed}); remove it.",
                ids,
            )
    return {
        p.name: p.check(params[p.name], owner) if p.name in params else p.default for p in specs
    }


def defaults(specs: Iterable[ParamSpec]) -> dict[str, Any]:
    """Default value of every parameter of ``specs``, in schema order."""
    return {p.name: p.default for p in specs}
