"""Layer kinds for images (NCHW): Conv2D, MaxPool2D, AvgPool2D, GlobalAvgPool, Flatten, Reshape.

Shapes exclude the batch dimension: an image is ``(channels, height, width)``. The shape
rules are the classmethods below (the graph's analysis calls the same ones); the window
arithmetic is :class:`~nnstudio.engine.window.Window2D` (PyTorch's formulas, floor mode).
The kernels are in :mod:`.conv` and :mod:`.pooling`; this module wires them to the plan's
buffers. Importing it registers the kinds in :data:`nnstudio.engine.layers.LAYERS`.
"""

from __future__ import annotations

import numpy as np

from nnstudio.text import Text

from .activations import BACKWARD, FORWARD, Scratch
from .conv import conv2d_kernels
from .errors import ConfigError, ShapeError
from .initializers import check_initializer, initialize
from .layers import LAYERS, Layer, _pass_grad
from .node_params import _activation_params, _bool_param, _int_param
from .pooling import avgpool2d_kernels, global_avgpool_kernels, maxpool2d_kernels
from .window import Window2D, noop, reshaped

PADDINGS = ("valid", "same", "explicit")


def image_input(in_shapes, what: str = Text("an image")) -> tuple[int, int, int]:
    """The (channels, height, width) of the first input; :class:`ShapeError` if not 3-D."""
    shape = tuple(in_shapes[0])
    if len(shape) != 3:
        raise ShapeError(
            Text(
                "needs {what} input (channels, height, width) but gets shape {shape}; "
                "set the Input node's channels, height and width, or add a Reshape before it.",
                what=what,
                shape=shape,
            )
        )
    return shape  # type: ignore[return-value]


def conv_window(params, in_hw) -> Window2D:
    """The resolved window of a conv2d node's (filled) parameters on input (h, w)."""
    padding = params["padding"]
    return Window2D.resolve(
        in_hw,
        params["kernel_size"],
        params["stride"],
        params["pad"] if padding == "explicit" else padding,
        params["dilation"],
    )


def pool_window(params, in_hw) -> Window2D:
    """The resolved window of a maxpool2d/avgpool2d node (pad at most half the pool)."""
    k, pad = int(params["pool_size"]), int(params["pad"])
    if 2 * pad > k:
        raise ShapeError(
            Text(
                "pads {pad} on each side, more than half its pool size {k}; use a padding of "
                "at most {most}.",
                pad=pad,
                k=k,
                most=k // 2,
            )
        )
    return Window2D.resolve(in_hw, k, params["stride"], pad)


class Conv2D(Layer):
    """``a = act(conv2d(x, W) + b)``: x (n, c, h, w), W (filters, c, k, k), b (filters,)."""

    kind = "conv2d"
    param_names = (
        "filters",
        "kernel_size",
        "stride",
        "padding",
        "pad",
        "dilation",
        "activation",
        "use_bias",
        "init",
        "slope",
        "alpha",
    )

    def check(self, node):
        for key in ("filters", "kernel_size", "stride", "dilation"):
            _int_param(node, key)
        _int_param(node, "pad", minimum=0)
        if node.params["padding"] not in PADDINGS:
            raise ConfigError(
                Text(
                    "Node {id!r}: padding must be one of {choices}, got {value!r}.",
                    id=node.id,
                    choices=list(PADDINGS),
                    value=node.params["padding"],
                )
            )
        self.activation, self.slope, self.alpha = _activation_params(node)
        self.use_bias = _bool_param(node, "use_bias")
        self.init_name = check_initializer(node.params["init"])

    @classmethod
    def output_shape(cls, params, in_shapes):
        _c, h, w = image_input(in_shapes)
        return (int(params["filters"]), *conv_window(params, (h, w)).out_hw((h, w)))

    @classmethod
    def weight_shapes(cls, params, in_shapes):
        c = image_input(in_shapes)[0]
        o, k = int(params["filters"]), int(params["kernel_size"])
        specs = [("weight", (o, c, k, k), True)]
        if params["use_bias"]:
            specs.append(("bias", (o,), False))
        return specs

    def init(self, params, state, rng, next_activation):
        name = self.initializer_name(next_activation)
        o, c, kh, kw = params["weight"].shape
        params["weight"][...] = initialize(
            name, params["weight"].shape, rng, fans=(c * kh * kw, o * kh * kw)
        )
        if self.use_bias:
            params["bias"][...] = 0

    def scratch_size(self):
        c, kh, kw = self.in_shapes[0][0], *conv_window(self.p, self.in_shapes[0][1:]).kernel
        return c * kh * kw * self.out_shape[1] * self.out_shape[2]  # the im2col columns

    def build(self, c):
        x = c.ins[0]
        win = conv_window(self.p, self.in_shapes[0][1:])
        z = np.empty((c.n, *self.out_shape), dtype=c.dtype)
        act = "linear" if c.skip_activation else self.activation
        if act == "linear":
            a, gz = z, c.gout
        else:
            a = np.empty_like(z)
            ws = Scratch.like(z, self.slope, self.alpha)
            f_act, b_act = FORWARD[act], BACKWARD[act]
            gz = None if c.gout is None else np.empty_like(z)
        c.out = a
        f_conv, b_conv = conv2d_kernels(
            x,
            c.params["weight"],
            c.params.get("bias"),
            win,
            z,
            gout=gz,
            gx=c.gins[0] if c.gins else None,
            acc=bool(c.gins and c.acc[0]),
            gweight=c.grads.get("weight"),
            gbias=c.grads.get("bias"),
        )
        if act == "linear":
            return f_conv, b_conv
        ga = c.gout

        def fwd():
            f_conv()
            f_act(z, a, ws)

        def bwd():
            b_act(z, a, ga, gz, ws)
            b_conv()

        return fwd, (noop if ga is None else bwd)


class _Pool2D(Layer):
    """Shared shape rules of the windowed pools: x (n, c, h, w) -> (n, c, ho, wo)."""

    param_names = ("pool_size", "stride", "pad")
    kernels = staticmethod(maxpool2d_kernels)

    def check(self, node):
        _int_param(node, "pool_size")
        _int_param(node, "stride")
        _int_param(node, "pad", minimum=0)

    @classmethod
    def output_shape(cls, params, in_shapes):
        c, h, w = image_input(in_shapes)
        return (c, *pool_window(params, (h, w)).out_hw((h, w)))

    def build(self, c):
        x = c.ins[0]
        out = np.empty((c.n, *self.out_shape), dtype=c.dtype)
        c.out = out
        gin = c.gins[0] if c.gins else None
        return self.kernels(
            x,
            pool_window(self.p, self.in_shapes[0][1:]),
            out,
            gout=c.gout,
            gx=gin,
            acc=bool(gin is not None and c.acc[0]),
        )


class MaxPool2D(_Pool2D):
    """Maximum over each window (PyTorch ``MaxPool2d``, padding with -inf)."""

    kind = "maxpool2d"
    kernels = staticmethod(maxpool2d_kernels)


class AvgPool2D(_Pool2D):
    """Mean over each window, padded zeros counted (PyTorch ``AvgPool2d`` defaults)."""

    kind = "avgpool2d"
    kernels = staticmethod(avgpool2d_kernels)


class GlobalAvgPool(Layer):
    """Mean of each channel over the image: (c, h, w) -> (c,)."""

    kind = "globalavgpool"

    @classmethod
    def output_shape(cls, params, in_shapes):
        return (image_input(in_shapes)[0],)

    def build(self, c):
        out = np.empty((c.n, *self.out_shape), dtype=c.dtype)
        c.out = out
        gin = c.gins[0] if c.gins else None
        return global_avgpool_kernels(
            c.ins[0], out, gout=c.gout, gx=gin, acc=bool(gin is not None and c.acc[0])
        )


def _reshape_view(c, shape) -> tuple:
    """Output as a view of the input with ``shape``; the gradient flows back through a view."""
    x = c.ins[0]
    c.out = reshaped(x, (c.n, *shape))
    if c.gout is None or not c.gins or c.gins[0] is None:
        return noop, noop
    return noop, _pass_grad(reshaped(c.gout, c.gins[0].shape), c.gins[0], c.acc[0])


class Flatten(Layer):
    """(c, h, w) -> (c * h * w,) in C order (PyTorch ``nn.Flatten``); no copy."""

    kind = "flatten"

    @classmethod
    def output_shape(cls, params, in_shapes):
        return (int(np.prod(in_shapes[0])),)

    def build(self, c):
        return _reshape_view(c, self.out_shape)


class Reshape(Layer):
    """Same values, new shape (channels, height, width), e.g. (64,) -> (1, 8, 8); no copy."""

    kind = "reshape"
    param_names = ("channels", "height", "width")

    def check(self, node):
        for key in self.param_names:
            _int_param(node, key)

    @classmethod
    def output_shape(cls, params, in_shapes):
        shape = tuple(int(params[k]) for k in cls.param_names)
        size = int(np.prod(in_shapes[0]))
        if int(np.prod(shape)) != size:
            raise ShapeError(
                Text(
                    "cannot reshape {shape} ({size} values) to {target} ({n} values); "
                    "make channels x height x width = {size}.",
                    shape=tuple(in_shapes[0]),
                    size=size,
                    target=shape,
                    n=int(np.prod(shape)),
                )
            )
        return shape

    def build(self, c):
        return _reshape_view(c, self.out_shape)


VISION_LAYERS: tuple[type[Layer], ...] = (
    Conv2D,
    MaxPool2D,
    AvgPool2D,
    GlobalAvgPool,
    Flatten,
    Reshape,
)
for _cls in VISION_LAYERS:
    LAYERS[_cls.kind] = _cls
