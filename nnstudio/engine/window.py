"""Sliding-window geometry of 2-D convolution and pooling (shape rules declared once).

Output sizes follow PyTorch's ``torch.nn.Conv2d`` / ``MaxPool2d`` documentation (floor
mode)::

    out = floor((in + pad_begin + pad_end - dilation * (kernel - 1) - 1) / stride) + 1

Padding is ``"valid"`` (none), ``"same"`` or explicit: an int or a pair ``(ph, pw)``
added on both sides. ``"same"`` gives ``ceil(in / stride)`` outputs and pads
``max((out - 1) * stride + dilation * (kernel - 1) + 1 - in, 0)`` in total, the smaller
half at the beginning (ONNX ``SAME_UPPER``); with stride 1 this is exactly PyTorch's
``padding="same"``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.text import Text

from .errors import ConfigError, ShapeError


def pair(value, name: str, minimum: int = 1) -> tuple[int, int]:
    """``3 -> (3, 3)``, ``(3, 5) -> (3, 5)``; raises :class:`ConfigError` otherwise."""
    vals = value if isinstance(value, list | tuple) else (value, value)
    ok = len(vals) == 2 and all(
        isinstance(v, int | np.integer) and not isinstance(v, bool) and v >= minimum for v in vals
    )
    if not ok:
        raise ConfigError(
            Text(
                "{name} must be a whole number >= {minimum} or a pair of them, got {value!r}.",
                name=name,
                minimum=minimum,
                value=value,
            )
        )
    return int(vals[0]), int(vals[1])


def _same_pads(size: int, kernel: int, stride: int, dilation: int) -> tuple[int, int]:
    out = -(-size // stride)
    total = max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0)
    return total // 2, total - total // 2


@dataclass(frozen=True)
class Window2D:
    """A kernel sliding over ``(h, w)``: sizes, strides, dilations and pads (top, bottom,
    left, right), all resolved to ints."""

    kernel: tuple[int, int]
    stride: tuple[int, int] = (1, 1)
    dilation: tuple[int, int] = (1, 1)
    pads: tuple[int, int, int, int] = (0, 0, 0, 0)

    @classmethod
    def resolve(cls, in_hw, kernel, stride=1, padding=0, dilation=1) -> Window2D:
        """Resolve user parameters for an input of spatial size ``in_hw`` = (h, w)."""
        k = pair(kernel, Text("kernel size"))
        s = pair(stride, Text("stride"))
        d = pair(dilation, Text("dilation"))
        if isinstance(padding, str):
            if padding == "valid":
                pads = (0, 0, 0, 0)
            elif padding == "same":
                pads = _same_pads(in_hw[0], k[0], s[0], d[0]) + _same_pads(
                    in_hw[1], k[1], s[1], d[1]
                )
            else:
                raise ConfigError(
                    Text(
                        "padding must be 'valid', 'same', a whole number or a pair, got {value!r}.",
                        value=padding,
                    )
                )
        else:
            ph, pw = pair(padding, Text("padding"), minimum=0)
            pads = (ph, ph, pw, pw)
        return cls(k, s, d, pads)

    @property
    def span(self) -> tuple[int, int]:
        """Extent of the dilated kernel: ``dilation * (kernel - 1) + 1``."""
        return tuple(d * (k - 1) + 1 for k, d in zip(self.kernel, self.dilation, strict=True))

    @property
    def symmetric(self) -> bool:
        t, b, left, r = self.pads
        return t == b and left == r

    def padded_hw(self, in_hw) -> tuple[int, int]:
        t, b, left, r = self.pads
        return in_hw[0] + t + b, in_hw[1] + left + r

    def out_hw(self, in_hw) -> tuple[int, int]:
        """Output (h, w) for input (h, w); :class:`ShapeError` if the kernel does not fit."""
        hp, wp = self.padded_hw(in_hw)
        sh, sw = self.span
        if sh > hp or sw > wp:
            span = ""
            if (sh, sw) != self.kernel:
                span = Text(" (spanning {sh}x{sw} with dilation)", sh=sh, sw=sw)
            size = {"kh": self.kernel[0], "kw": self.kernel[1], "h": in_hw[0], "w": in_hw[1]}
            if any(self.pads):
                raise ShapeError(
                    Text(
                        "has a {kh}x{kw} kernel{span} larger than its {h}x{w} input after "
                        "padding; use a smaller kernel, padding or a larger input.",
                        span=span,
                        **size,
                    )
                )
            raise ShapeError(
                Text(
                    "has a {kh}x{kw} kernel{span} larger than its {h}x{w} input; use "
                    "a smaller kernel, padding or a larger input.",
                    span=span,
                    **size,
                )
            )
        return (hp - sh) // self.stride[0] + 1, (wp - sw) // self.stride[1] + 1

    def offsets(self, out_hw) -> list[tuple[int, int, tuple[slice, slice]]]:
        """For every kernel position (i, j), row-major: the (rows, cols) slices of the
        padded input it reads for all outputs."""
        ho, wo = out_hw
        res = []
        for i in range(self.kernel[0]):
            r0 = i * self.dilation[0]
            rows = slice(r0, r0 + self.stride[0] * (ho - 1) + 1, self.stride[0])
            for j in range(self.kernel[1]):
                c0 = j * self.dilation[1]
                cols = slice(c0, c0 + self.stride[1] * (wo - 1) + 1, self.stride[1])
                res.append((i, j, (rows, cols)))
        return res

    @property
    def disjoint(self) -> bool:
        """True if no input pixel is read by two outputs (stride >= kernel span)."""
        return all(s >= sp for s, sp in zip(self.stride, self.span, strict=True))


def noop() -> None:
    """A closure that does nothing (the backward pass of a node that needs no gradient)."""
    return None


def reshaped(a: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``a`` reshaped without copying; raises ``AttributeError`` if that would need a copy."""
    v = a.view()
    v.shape = shape
    return v


def padded_buffer(x: np.ndarray, win: Window2D, fill: float = 0.0):
    """A preallocated padded copy target for ``x`` (n, c, h, w) and its interior view.

    Returns ``(xp, interior)``; when there is no padding, ``(x, None)``. The border is
    filled once with ``fill`` and never written again.
    """
    if not any(win.pads):
        return x, None
    n, c, h, w = x.shape
    t, b, left, r = win.pads
    xp = np.full((n, c, h + t + b, w + left + r), fill, dtype=x.dtype)
    return xp, xp[:, :, t : t + h, left : left + w]
