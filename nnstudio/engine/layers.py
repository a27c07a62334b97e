"""Node kinds of the network DAG: shape rules, parameters and fused forward/backward kernels.

The Layer interface (how to add a layer kind, e.g. Conv2D in ``engine/conv.py``)
--------------------------------------------------------------------------------

Shapes exclude the batch dimension and are tuples: ``(8,)`` for 8 features,
``(16, 14, 14)`` for 16 channels of 14 x 14 (NCHW, like PyTorch and ONNX). A buffer of a
plan is ``(n, *shape)``.

A layer class declares, as class attributes and classmethods that depend only on the
node's parameters and its input shapes (the graph's analysis calls the same classmethods,
so each shape rule is written once, here):

- ``kind``: the node kind (a name in :data:`nnstudio.engine.registry.NODE_KINDS`).
- ``n_inputs = (min, max)``: accepted number of inputs (``max`` None: unbounded).
- ``param_names``: the node parameters the layer reads. Every one is required: the graph
  fills them from the catalog (``nnstudio.graph.fill_node_params``); a missing one is a
  :class:`ConfigError` naming it. The engine invents no defaults.
- ``output_shape(params, in_shapes) -> tuple``: raises :class:`ShapeError` with a
  message that reads after the node's name ("needs inputs of the same shape ...").
- ``weight_shapes(params, in_shapes) -> [(name, shape, decayed)]``: trainable arrays
  (``decayed``: penalised by L1/L2; weights yes, biases and norm scales no).
- ``state_shapes(params, in_shapes) -> [(name, shape)]``: saved, non-trainable arrays
  (running statistics).

An instance is made by the network as ``cls(node, in_shapes)``; the base constructor
checks the arity, reads ``param_names`` into ``self.p`` (after :meth:`Layer.check`,
which a subclass overrides to validate values) and sets ``self.in_shapes`` and
``self.out_shape``. Then:

- ``init(params, state, rng, next_activation)`` fills the layer's parameter and state
  views (dicts of name -> array view) from ``rng``.
- ``build(ctx) -> (fwd, bwd)`` receives a :class:`Ctx` with the preallocated buffers of
  one batch size and returns two closures that run with ``out=`` arguments and allocate
  nothing. ``build`` sets ``ctx.out`` to the ``(n, *out_shape)`` output buffer (it may
  alias an input). ``bwd`` writes the gradients of the parameters (``ctx.grads``, views
  into the flat gradient vector: overwrite, do not add) and of the inputs.

Layer parameters are views into the network's one flat parameter vector (and gradients
views into the one flat gradient vector). Gradient accumulation on fan-out: ``gins[i]`` is
the gradient buffer of input ``i`` (None when not needed) and ``acc[i]`` says whether
another consumer has already written it (then this layer adds instead of overwriting).
Register a new class in :data:`LAYERS` (``LAYERS[cls.kind] = cls`` from its module,
imported at the end of this module, as ``engine/vision.py`` is) and its kind in
``registry.NODE_KINDS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnstudio.text import Text, message

from . import fastnp as fnp
from .activations import BACKWARD, FORWARD, Scratch
from .errors import ShapeError
from .initializers import check_initializer, default_initializer, initialize
from .node_params import _activation_params, _bool_param, _float_param, _int_param, _missing


@dataclass
class Ctx:
    """Buffers and flags given to :meth:`Layer.build` for one plan (one batch size)."""

    n: int
    dtype: np.dtype
    training: bool
    skip_activation: bool  # the output activation is fused into the loss
    ins: list[np.ndarray]
    gout: np.ndarray | None  # gradient w.r.t. this node's output (None in eval plans)
    gins: list[np.ndarray | None]  # gradients w.r.t. inputs (None: not needed)
    acc: list[bool]
    params: dict[str, np.ndarray]
    grads: dict[str, np.ndarray]
    state: dict[str, np.ndarray]
    rngbox: list  # [numpy.random.Generator], swapped by the trainer
    out: np.ndarray | None = field(default=None)  # filled by build()


def _noop() -> None:
    return None


def _pass_grad(gout: np.ndarray, gin: np.ndarray | None, acc: bool) -> Callable[[], None]:
    if gin is None:
        return _noop
    if acc:
        return lambda: np.add(gin, gout, out=gin)
    return lambda: fnp.copyto(gin, gout)


Shape = tuple[int, ...]


class Layer:
    """Base class; see the module docstring for the interface."""

    kind = ""
    n_inputs: tuple[int, int | None] = (1, 1)
    param_names: tuple[str, ...] = ()

    # ---------------------------------------------------------- shape rules (pure)
    @classmethod
    def output_shape(cls, params: dict, in_shapes: list[Shape]) -> Shape:
        """Output shape from the (filled) parameters and the input shapes."""
        return tuple(in_shapes[0])

    @classmethod
    def own_output_shape(cls, params: dict) -> Shape | None:
        """Output shape the parameters fix on their own (before any input is connected),
        or None when it depends on the inputs."""
        return None

    @classmethod
    def weight_shapes(cls, params: dict, in_shapes: list[Shape]) -> list[tuple[str, Shape, bool]]:
        """Trainable parameters: (name, shape, decayed by L1/L2)."""
        return []

    @classmethod
    def state_shapes(cls, params: dict, in_shapes: list[Shape]) -> list[tuple[str, Shape]]:
        """Non-trainable saved arrays (e.g. running statistics)."""
        return []

    # ---------------------------------------------------------- instances
    def __init__(self, node, in_shapes: list[Shape]) -> None:
        self.id = node.id
        lo, hi = self.n_inputs
        if len(in_shapes) < lo or (hi is not None and len(in_shapes) > hi):
            if lo == hi:
                raise ShapeError(
                    Text(
                        "Node {id!r} ({kind}) takes exactly {n} input(s) but has {got}; "
                        "connect it accordingly.",
                        id=node.id,
                        kind=self.kind,
                        n=lo,
                        got=len(in_shapes),
                    )
                )
            raise ShapeError(
                Text(
                    "Node {id!r} ({kind}) takes at least {n} input(s) but has {got}; "
                    "connect it accordingly.",
                    id=node.id,
                    kind=self.kind,
                    n=lo,
                    got=len(in_shapes),
                )
            )
        for key in self.param_names:
            if key not in node.params:
                raise _missing(node, key)
        self.activation = "linear"
        self.check(node)
        self.p = {k: node.params[k] for k in self.param_names}
        self.in_shapes: list[Shape] = [tuple(int(d) for d in s) for s in in_shapes]
        try:
            self.out_shape: Shape = tuple(self.output_shape(self.p, self.in_shapes))
        except ShapeError as err:
            raise ShapeError(
                Text("Node {id!r} ({kind}) {error}", id=node.id, kind=self.kind, error=message(err))
            ) from None

    def check(self, node) -> None:
        """Validate the node's parameter values (raise :class:`ConfigError`)."""
        return None

    @property
    def width(self) -> int:
        """Size of one sample's output (the width of a flat output)."""
        return int(np.prod(self.out_shape))

    def param_specs(self) -> list[tuple[str, Shape, bool]]:
        return self.weight_shapes(self.p, self.in_shapes)

    def state_specs(self) -> list[tuple[str, Shape]]:
        return self.state_shapes(self.p, self.in_shapes)

    def initializer_name(self, next_activation: str | None) -> str:
        """The layer's ``init`` with ``"auto"`` resolved: He for the relu family, Glorot
        otherwise, judged by the layer's own activation or, when it is linear, by the next
        layer's (``self.init_name`` and ``self.activation`` are set by weighted layers)."""
        name = self.init_name
        if name != "auto":
            return name
        act = self.activation
        if act == "linear" and next_activation is not None:
            act = next_activation
        return default_initializer(act)

    def init(self, params, state, rng, next_activation: str | None) -> None:
        return None

    def scratch_size(self) -> int:
        """Values per sample of evaluation work buffers besides the output (e.g. the
        im2col columns of a convolution); bounds the batch size of ``Network.predict``."""
        return 0

    def build(self, c: Ctx) -> tuple[Callable[[], None], Callable[[], None]]:
        raise NotImplementedError


class FlatInputError(ShapeError):
    """A layer that reads flat features (Dense, BatchNorm of features) gets an image."""


def _flat_input(in_shapes: list[Shape]) -> int:
    shape = in_shapes[0]
    if len(shape) != 1:
        raise FlatInputError(
            Text(
                "needs a flat input (features,) but gets shape {shape}; insert a Flatten "
                "layer before it.",
                shape=shape,
            )
        )
    return shape[0]


class Input(Layer):
    """Flat features ``(units,)``, or an image ``(channels, height, width)`` when height and
    width are set (then ``units`` must be channels x height x width: flat rows of data are
    viewed as images)."""

    kind = "input"
    n_inputs = (0, 0)
    param_names = ("units", "channels", "height", "width")

    def check(self, node):
        _int_param(node, "units")
        _int_param(node, "channels")
        _int_param(node, "height", minimum=0)
        _int_param(node, "width", minimum=0)

    @classmethod
    def output_shape(cls, params, in_shapes):
        units = int(params["units"])
        c, h, w = (int(params[k]) for k in ("channels", "height", "width"))
        if h == 0 and w == 0:
            return (units,)
        if h == 0 or w == 0:
            raise ShapeError(
                Text(
                    "has height {h} and width {w}: set both for an image input, or both to 0 "
                    "for flat features.",
                    h=h,
                    w=w,
                )
            )
        if c * h * w != units:
            raise ShapeError(
                Text(
                    "has {units} features but its image is {c} x {h} x {w} = {size} values; "
                    "set Features to {size} or change the image size.",
                    units=units,
                    c=c,
                    h=h,
                    w=w,
                    size=c * h * w,
                )
            )
        return (c, h, w)


class Dense(Layer):
    """``a = act(x @ W + b)`` on flat inputs: x (n, fan_in), W (fan_in, units), b (units,)."""

    kind = "dense"
    param_names = ("units", "activation", "use_bias", "init", "slope", "alpha")

    def check(self, node):
        _int_param(node, "units")
        self.activation, self.slope, self.alpha = _activation_params(node)
        self.use_bias = _bool_param(node, "use_bias")
        self.init_name = check_initializer(node.params["init"])

    @classmethod
    def output_shape(cls, params, in_shapes):
        _flat_input(in_shapes)
        return cls.own_output_shape(params)

    @classmethod
    def own_output_shape(cls, params):
        return (int(params["units"]),)

    @classmethod
    def weight_shapes(cls, params, in_shapes):
        units = int(params["units"])
        specs = [("weight", (_flat_input(in_shapes), units), True)]
        if params["use_bias"]:
            specs.append(("bias", (units,), False))
        return specs

    def init(self, params, state, rng, next_activation):
        name = self.initializer_name(next_activation)
        params["weight"][...] = initialize(name, params["weight"].shape, rng)
        if self.use_bias:
            params["bias"][...] = 0

    def build(self, c):
        x = c.ins[0]
        W = c.params["weight"]
        b = c.params.get("bias")
        z = np.empty((c.n, *self.out_shape), dtype=c.dtype)
        act = "linear" if c.skip_activation else self.activation
        if act == "linear":
            a = z
        else:
            a = np.empty_like(z)
            ws = Scratch.like(z, self.slope, self.alpha)
            f_act, b_act = FORWARD[act], BACKWARD[act]
        c.out = a
        dot = fnp.dot

        if act == "linear":
            if b is None:

                def fwd():
                    dot(x, W, z)
            else:

                def fwd():
                    dot(x, W, z)
                    np.add(z, b, out=z)
        else:

            def fwd():
                dot(x, W, z)
                if b is not None:
                    np.add(z, b, out=z)
                f_act(z, a, ws)

        if c.gout is None:
            return fwd, _noop
        ga = c.gout
        gz = ga if act == "linear" else np.empty_like(z)
        gW = c.grads["weight"]
        gb = c.grads.get("bias")
        gin = c.gins[0]
        tmp = np.empty_like(x) if (gin is not None and c.acc[0]) else None
        WT = W.T
        xT = x.T
        ones = np.ones(c.n, dtype=c.dtype)  # bias gradient as a dot: 4x cheaper than sum

        def bwd():
            if gz is not ga:
                b_act(z, a, ga, gz, ws)
            dot(xT, gz, gW)
            if gb is not None:
                dot(ones, gz, gb)
            if gin is not None:
                if tmp is None:
                    dot(gz, WT, gin)
                else:
                    dot(gz, WT, tmp)
                    np.add(gin, tmp, out=gin)

        return fwd, bwd


class Activation(Layer):
    """Element-wise activation (softmax: over the features); the shape is unchanged."""

    kind = "activation"
    param_names = ("activation", "slope", "alpha")

    def check(self, node):
        self.activation, self.slope, self.alpha = _activation_params(node)

    def build(self, c):
        z = c.ins[0]
        act = "linear" if c.skip_activation else self.activation
        if act == "linear":
            c.out = z  # alias: no work
            if c.gout is None:
                return _noop, _noop
            return _noop, _pass_grad(c.gout, c.gins[0], c.acc[0])
        a = np.empty_like(z)
        c.out = a
        ws = Scratch.like(z, self.slope, self.alpha)
        f_act, b_act = FORWARD[act], BACKWARD[act]

        def fwd():
            f_act(z, a, ws)

        if c.gout is None or c.gins[0] is None:
            return fwd, _noop
        ga, gin = c.gout, c.gins[0]
        if not c.acc[0]:

            def bwd():
                b_act(z, a, ga, gin, ws)
        else:
            tmp = np.empty_like(z)

            def bwd():
                b_act(z, a, ga, tmp, ws)
                np.add(gin, tmp, out=gin)

        return fwd, bwd


class Dropout(Layer):
    """Inverted dropout: keep each unit with probability 1 - rate and scale by 1 / (1 - rate)."""

    kind = "dropout"
    param_names = ("rate",)

    def check(self, node):
        self.rate = _float_param(node, "rate", lo=0.0, hi=1.0, hi_open=True)

    def build(self, c):
        x = c.ins[0]
        if not c.training or self.rate == 0.0:
            c.out = x
            if c.gout is None:
                return _noop, _noop
            return _noop, _pass_grad(c.gout, c.gins[0], c.acc[0])
        out = np.empty_like(x)
        c.out = out
        u = np.empty(x.shape, dtype=c.dtype)
        mask = np.empty_like(x)
        rate, scale, box = self.rate, 1.0 / (1.0 - self.rate), c.rngbox

        def fwd():
            box[0].random(dtype=u.dtype, out=u)
            np.greater_equal(u, rate, out=mask)  # bool -> float cast
            np.multiply(mask, scale, out=mask)
            np.multiply(x, mask, out=out)

        if c.gout is None or c.gins[0] is None:
            return fwd, _noop
        g, gin = c.gout, c.gins[0]
        if not c.acc[0]:

            def bwd():
                np.multiply(g, mask, out=gin)
        else:
            tmp = np.empty_like(x)

            def bwd():
                np.multiply(g, mask, out=tmp)
                np.add(gin, tmp, out=gin)

        return fwd, bwd


LAYERS: dict[str, type[Layer]] = {cls.kind: cls for cls in (Input, Dense, Activation, Dropout)}

# The other kinds register themselves in LAYERS (imported last: they import this module):
# BatchNorm (engine/batchnorm.py), Add and Concatenate (engine/merge.py), the image layers
# (engine/vision.py).
from . import batchnorm, merge, vision  # noqa: E402, F401
