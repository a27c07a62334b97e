"""User-facing messages that a translated interface can show in its own language.

The core (engine, graph, data, io, insight) speaks English and never imports Qt. A message
a person may read in the window is built as ``Text(template, **values)``: it *is* the
English string (a ``str`` subclass, so the CLI, logs, ``in`` and ``==`` work as before) and
it keeps its template and values, so the GUI can look the template up in its translations
and format it again (``nnstudio.gui.i18n.core_tr``)::

    raise ConfigError(Text("{name}: {key} must be a number, got {value!r}.",
                           name=name, key=key, value=v))

Rules that keep this working:

- the template is a string literal (``scripts/translations.py core`` collects every
  ``Text("...")`` call of the core into ``nnstudio/gui/core_strings.py`` for lupdate);
- values are names and numbers (kept as they are: a translation may use the same format
  specs, e.g. ``{lo:.3g}``), or other ``Text`` (translated in turn);
- build a message whole: ``"a" + Text(...)`` or an f-string around one is plain English.

:func:`message` gives an exception's message keeping its ``Text`` (``str(error)`` would
give plain English).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Text(str):
    """An English message (``str``) with its ``template`` and ``values`` kept.

    ``Text(template)`` alone is a fixed message; ``Text(template, **values)`` is
    ``template.format(**values)``. Lists and tuples of ``Text`` may be values: they are
    joined with ``", "`` (translated item by item).
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Text:
        english = (
            template.format(**{k: _plain(v) for k, v in values.items()}) if values else template
        )
        self = super().__new__(cls, english)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple:  # pickling and deepcopy keep template and values
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Text:
    return Text.__new__(Text, template, **values)  # (not a message of its own)


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return value


def message(error: BaseException) -> str:
    """``error``'s message, keeping a :class:`Text` (``str(error)`` gives plain English)."""
    args = getattr(error, "args", ())
    if len(args) == 1 and isinstance(args[0], Text):
        return args[0]
    return str(error)


def joined(items: Sequence[str], sep: str = "; ") -> str:
    """``sep.join(items)`` as nested :class:`Text`, so each item keeps its own translation.

    ``sep`` is ``"; "``, ``" "`` or ``"\\n  "`` (an indented list); ``""`` for no items. The
    nesting is balanced: a thousand items nest about ten deep.
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    mid = len(items) // 2
    first, rest = joined(items[:mid], sep), joined(items[mid:], sep)
    if sep == "; ":
        return Text("{first}; {rest}", first=first, rest=rest)
    if sep == " ":
        return Text("{first} {rest}", first=first, rest=rest)
    if sep == "\n  ":
        return Text("{first}\n  {rest}", first=first, rest=rest)
    raise ValueError(f"unsupported separator {sep!r}")
