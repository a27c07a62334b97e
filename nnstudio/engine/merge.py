"""Merge layers: ``add`` (element-wise sum of inputs of one shape) and ``concat`` (inputs
joined along the first axis: features, or channels of images). The Layer interface is
described in :mod:`nnstudio.engine.layers`."""

from __future__ import annotations

import numpy as np

from nnstudio.text import Text

from . import fastnp as fnp
from .errors import ShapeError
from .layers import LAYERS, Layer, _noop, _pass_grad


class Add(Layer):
    """Element-wise sum of inputs of one shape."""

    kind = "add"
    n_inputs = (1, None)

    @classmethod
    def output_shape(cls, params, in_shapes):
        if len({tuple(s) for s in in_shapes}) > 1:
            shown = ", ".join(str(tuple(s)) for s in in_shapes)
            raise ShapeError(
                Text(
                    "needs inputs of the same shape but gets {shapes}: give them the same "
                    "number of units, or use Concatenate.",
                    shapes=shown,
                )
            )
        return tuple(in_shapes[0])

    def build(self, c):
        ins = c.ins
        out = np.empty_like(ins[0])
        c.out = out

        def fwd():
            if len(ins) == 1:
                fnp.copyto(out, ins[0])
                return
            np.add(ins[0], ins[1], out=out)
            for extra in ins[2:]:
                np.add(out, extra, out=out)

        if c.gout is None:
            return fwd, _noop
        ops = [_pass_grad(c.gout, gi, a) for gi, a in zip(c.gins, c.acc, strict=True)]

        def bwd():
            for op in ops:
                op()

        return fwd, bwd


class Concat(Layer):
    """Inputs joined along axis 1 of the batch buffers (features, or channels of images).

    The other dimensions must agree: (3,) + (5,) -> (8,); (4, 7, 7) + (2, 7, 7) -> (6, 7, 7).
    """

    kind = "concat"
    n_inputs = (1, None)

    @classmethod
    def output_shape(cls, params, in_shapes):
        rest = {tuple(s[1:]) for s in in_shapes}
        if len(rest) > 1 or any(len(s) == 0 for s in in_shapes):
            shown = ", ".join(str(tuple(s)) for s in in_shapes)
            raise ShapeError(
                Text(
                    "joins inputs along the first axis, so the other dimensions must agree, "
                    "but gets {shapes}.",
                    shapes=shown,
                )
            )
        first = tuple(in_shapes[0])
        return (sum(int(s[0]) for s in in_shapes), *first[1:])

    def build(self, c):
        out = np.empty((c.n, *self.out_shape), dtype=c.dtype)
        c.out = out
        pieces, o = [], 0
        for xi in c.ins:
            w = xi.shape[1]
            pieces.append((xi, out[:, o : o + w]))
            o += w

        def fwd():
            for xi, dst in pieces:
                fnp.copyto(dst, xi)

        if c.gout is None:
            return fwd, _noop
        ops = []
        o = 0
        for gi, a, shape in zip(c.gins, c.acc, self.in_shapes, strict=True):
            w = shape[0]
            ops.append(_pass_grad(c.gout[:, o : o + w], gi, a))
            o += w

        def bwd():
            for op in ops:
                op()

        return fwd, bwd


LAYERS[Add.kind] = Add
LAYERS[Concat.kind] = Concat
