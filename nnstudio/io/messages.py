"""Pieces of the io package's messages (:class:`nnstudio.text.Text`): lists of problems
joined so that each problem stays translatable, sizes, and one-line forms of wrapped
errors."""

from __future__ import annotations

from nnstudio.text import Text, joined, message  # noqa: F401 (joined: re-exported)


def size_text(n: int) -> Text:
    """A byte count for people: ``"1.5 MB"``, ``"512 bytes"``."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return Text("{size:.1f} {unit}", size=n / scale, unit=unit)
    return Text("{n} bytes", n=n)


def flat(exc: BaseException) -> str:
    """``exc``'s message on one line: a list of problems (``"...:\\n- a\\n- b"``) becomes
    ``"...: a; b"``, so every load error prints as one ``error: ...`` line. A one-line
    :class:`Text` is kept as it is; several graph problems (``InvalidGraphError``) become
    one Text of their problems."""
    msg = message(exc)
    if msg and "\n" not in msg and msg == msg.strip():
        return msg
    plain = _flat_str(str(exc)) or type(exc).__name__
    errors = getattr(exc, "errors", None)
    if isinstance(errors, tuple) and errors and all(isinstance(e, Exception) for e in errors):
        items = [flat(e) for e in errors]
        text = Text(
            "The network has {n} problems: {problems}", n=len(errors), problems=joined(items)
        )
        if text == plain:
            return text
    return plain


def _flat_str(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    head, rest = lines[0], [line.removeprefix("- ") for line in lines[1:]]
    return head + (" " + "; ".join(rest) if rest else "")
