"""The network: a DAG of nodes run in topological order over one flat parameter vector.

All trainable parameters live in one contiguous vector ``Network.flat_params`` (decayed
weights first, then biases and BatchNorm scales) and all gradients in ``flat_grads`` of
the same layout; layers hold views into them. A *plan* holds the preallocated buffers of
one batch size as closures; plans are cached, so predicting a 100 x 100 grid or training
at batch 10 allocates nothing per call after the first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnstudio.text import Text

from . import fastnp as fnp
from .errors import ConfigError, ShapeError, WeightsMismatchError
from .layers import LAYERS, Ctx, Layer
from .losses import Head, make_head
from .registry import NODE_KINDS

#: About how many bytes of buffers ``Network.predict`` uses per batch.
PREDICT_BYTES = 64 * 2**20


@dataclass
class NodeDef:
    """One node of the network graph.

    ``inputs`` are the ids of the nodes feeding it, in slot order ([] for ``input``).
    """

    id: str
    kind: str
    params: dict = field(default_factory=dict)
    inputs: list[str] = field(default_factory=list)


def _check_dtype(dtype) -> np.dtype:
    try:
        dt = np.dtype(dtype)
    except TypeError:
        dt = None
    if dt not in (np.dtype(np.float32), np.dtype(np.float64)):
        raise ConfigError(Text("dtype must be 'float32' or 'float64', got {value!r}.", value=dtype))
    return dt


def _check_order(nodes: list[NodeDef]) -> list[NodeDef]:
    """Check that ``nodes`` are in topological order with one input and one output.

    The engine does not sort: the graph's analysis (``nnstudio.graph.analyse``) computes the
    one topological order and compiles nodes in it. Raises :class:`ConfigError`.
    """
    seen: set[str] = set()
    users: dict[str, int] = {}
    for nd in nodes:
        if not isinstance(nd.id, str) or not nd.id or "." in nd.id:
            raise ConfigError(
                Text("Node id {id!r} must be a non-empty string without dots.", id=nd.id)
            )
        if nd.id in seen:
            raise ConfigError(
                Text("Two nodes have the id {id!r}; give every node its own id.", id=nd.id)
            )
        if nd.kind not in NODE_KINDS:
            raise ConfigError(
                Text(
                    "Node {id!r} has unknown kind {kind!r}; use one of {kinds}.",
                    id=nd.id,
                    kind=nd.kind,
                    kinds=list(NODE_KINDS),
                )
            )
        if nd.kind == "input" and nd.inputs:
            raise ConfigError(Text("Input node {id!r} cannot have inputs.", id=nd.id))
        if nd.kind != "input" and not nd.inputs:
            raise ConfigError(
                Text("Node {id!r} has no input; connect something into it.", id=nd.id)
            )
        for src in nd.inputs:
            if src not in seen:
                raise ConfigError(
                    Text(
                        "Node {id!r} reads {src!r}, which is not an earlier node: give the "
                        "nodes in topological order (nnstudio.graph.compile_spec does).",
                        id=nd.id,
                        src=src,
                    )
                )
            users[src] = users.get(src, 0) + 1
        seen.add(nd.id)
        users[nd.id] = 0
    inputs = [nd for nd in nodes if nd.kind == "input"]
    if len(inputs) != 1:
        raise ConfigError(
            Text("The network needs exactly one input node, it has {n}.", n=len(inputs))
        )
    if nodes[0] is not inputs[0]:
        raise ConfigError(Text("The input node must come first."))
    sinks = [nd.id for nd in nodes if not users[nd.id]]
    if len(sinks) != 1:
        raise ConfigError(
            Text(
                "The network needs exactly one output (a node nothing reads from); it has "
                "{n}: {ids}.",
                n=len(sinks),
                ids=sinks,
            )
        )
    if nodes[-1].id != sinks[0]:
        raise ConfigError(Text("The output node must come last."))
    return nodes


class _Plan:
    """Buffers and closures for one batch size ``n`` and mode."""

    def __init__(self, net: Network, n: int, *, training: bool, skip: bool, input_grad: bool):
        dt = net.dtype
        self.n = n
        # callers fill flat rows (n, input_width); the input node outputs them as
        # (n, *input_shape), a view (images: (n, c, h, w))
        self.x = np.empty((n, net.input_width), dtype=dt)
        self.rngbox = [net._rng]
        outs: dict[str, np.ndarray] = {}
        gouts: dict[str, np.ndarray | None] = {}
        fwd: list[Callable[[], None]] = []
        bwd: list[Callable[[], None]] = []
        order = net.nodes
        if training:
            # a node's output gradient is needed only if it has parameters or something
            # before it does (or the input gradient is asked for)
            needed: dict[str, bool] = {}
            for nd in order:
                if nd.kind == "input":
                    needed[nd.id] = input_grad
                else:
                    needed[nd.id] = (
                        bool(net._pviews[nd.id])
                        or any(needed[s] for s in nd.inputs)
                        or nd is order[-1]  # the loss writes the output's gradient
                    )
                shape = net._layers[nd.id].out_shape
                gouts[nd.id] = np.empty((n, *shape), dtype=dt) if needed[nd.id] else None
        # which consumer writes first (reverse order) and which ones accumulate
        written: set[str] = set()
        acc_flags: dict[str, list[bool]] = {}
        for nd in reversed(order):
            flags = []
            for src in nd.inputs:
                flags.append(src in written)
                written.add(src)
            acc_flags[nd.id] = flags
        sink = order[-1].id
        for nd in order:
            layer = net._layers[nd.id]
            if nd.kind == "input":
                outs[nd.id] = self.x.reshape(n, *net.input_shape)  # a view
                continue
            c = Ctx(
                n=n,
                dtype=dt,
                training=training,
                skip_activation=skip and nd.id == sink,
                ins=[outs[s] for s in nd.inputs],
                gout=gouts.get(nd.id) if training else None,
                gins=[gouts.get(s) for s in nd.inputs] if training else [],
                acc=acc_flags[nd.id],
                params=net._pviews[nd.id],
                grads=net._gviews[nd.id],
                state=net._sviews[nd.id],
                rngbox=self.rngbox,
            )
            f, b = layer.build(c)
            outs[nd.id] = c.out
            fwd.append(f)
            bwd.append(b)
        self.out = outs[sink]
        self.outs = outs  # every node's output buffer, by id (engine.probe)
        self.gout = gouts.get(sink)
        self.gin = gouts.get(order[0].id)
        self.fwd = fwd
        self.bwd = bwd[::-1]

    def forward(self) -> None:
        for f in self.fwd:
            f()

    def backward(self) -> None:
        for b in self.bwd:
            b()


class Network:
    """A compiled network: ``nodes`` in topological order (input first, the one sink last).

    Every node's ``params`` are complete (the graph fills them from its catalog); a missing
    parameter is a :class:`ConfigError`. Shapes exclude the batch dimension:
    ``input_shape`` e.g. ``(2,)``, ``output_shape`` e.g. ``(3,)``; buffers are ``(n, *shape)``.

    Weights are initialised from ``numpy.random.default_rng(seed)`` in topological order.
    Raises :class:`ShapeError` / :class:`ConfigError` for graphs or parameters that do not fit.
    Not thread-safe: plans reuse buffers, so one thread at a time (the one training it).
    """

    def __init__(self, nodes: list[NodeDef], *, dtype="float32", seed: int = 0) -> None:
        self.dtype = _check_dtype(dtype)
        self.nodes = _check_order(list(nodes))
        self._rng = np.random.default_rng(seed)
        self._layers: dict[str, Layer] = {}
        shapes: dict[str, tuple[int, ...]] = {}
        for nd in self.nodes:
            cls = LAYERS[nd.kind]
            layer = cls(nd, [shapes[s] for s in nd.inputs])
            self._layers[nd.id] = layer
            shapes[nd.id] = layer.out_shape
        self.input_shape: tuple[int, ...] = shapes[self.nodes[0].id]
        sink = self.nodes[-1]
        self.output_shape: tuple[int, ...] = shapes[sink.id]
        self.output_activation = self._layers[sink.id].activation
        # flat parameter layout: decayed weights first, then the rest
        specs = []
        for nd in self.nodes:
            for name, shape, decay in self._layers[nd.id].param_specs():
                specs.append((not decay, nd.id, name, shape))
        specs.sort(key=lambda s: s[0])  # stable: keeps topological order inside groups
        total = sum(int(np.prod(s[3])) for s in specs)
        self.n_params = total
        self.flat_params = np.zeros(total, dtype=self.dtype)
        self.flat_grads = np.zeros(total, dtype=self.dtype)
        self.n_decay = sum(int(np.prod(s[3])) for s in specs if not s[0])
        self._pviews: dict[str, dict[str, np.ndarray]] = {nd.id: {} for nd in self.nodes}
        self._gviews: dict[str, dict[str, np.ndarray]] = {nd.id: {} for nd in self.nodes}
        self._sviews: dict[str, dict[str, np.ndarray]] = {nd.id: {} for nd in self.nodes}
        self._shapes: dict[str, tuple[int, ...]] = {}
        self._named: dict[str, np.ndarray] = {}
        o = 0
        for _, nid, name, shape in specs:
            size = int(np.prod(shape))
            self._pviews[nid][name] = self.flat_params[o : o + size].reshape(shape)
            self._gviews[nid][name] = self.flat_grads[o : o + size].reshape(shape)
            o += size
        sspecs = [
            (nd.id, name, shape)
            for nd in self.nodes
            for name, shape in self._layers[nd.id].state_specs()
        ]
        self.flat_state = np.zeros(sum(int(np.prod(s[2])) for s in sspecs), dtype=self.dtype)
        o = 0
        for nid, name, shape in sspecs:
            size = int(np.prod(shape))
            self._sviews[nid][name] = self.flat_state[o : o + size].reshape(shape)
            o += size
        # names in topological order, params then state
        for nd in self.nodes:
            layer = self._layers[nd.id]
            for name, _shape, _ in layer.param_specs():
                self._named[f"{nd.id}.{name}"] = self._pviews[nd.id][name]
            for name, _shape in layer.state_specs():
                self._named[f"{nd.id}.{name}"] = self._sviews[nd.id][name]
        self._shapes = {k: tuple(v.shape) for k, v in self._named.items()}
        # initialise in topological order
        users: dict[str, list[str]] = {nd.id: [] for nd in self.nodes}
        for nd in self.nodes:
            for s in nd.inputs:
                users[s].append(nd.id)
        init_rng = np.random.default_rng(seed)
        for nd in self.nodes:
            nxt = None
            if len(users[nd.id]) == 1:
                u = self._layers[users[nd.id][0]]
                if u.kind == "activation":
                    nxt = u.activation
            self._layers[nd.id].init(self._pviews[nd.id], self._sviews[nd.id], init_rng, nxt)
        self._plans: dict[tuple, _Plan] = {}

    @property
    def input_width(self) -> int:
        """Features per sample (the size of ``input_shape``)."""
        return int(np.prod(self.input_shape))

    @property
    def output_width(self) -> int:
        """Outputs per sample (the size of ``output_shape``)."""
        return int(np.prod(self.output_shape))

    # ------------------------------------------------------------------ plans
    def plan(
        self, n: int, *, training: bool, skip_activation: bool = False, input_grad: bool = False
    ) -> _Plan:
        """The cached buffers/closures for batch size ``n`` (internal, used by the trainer)."""
        key = (n, training, skip_activation, input_grad)
        p = self._plans.get(key)
        if p is None:
            if len(self._plans) >= 12:
                self._plans.pop(next(iter(self._plans)))
            p = _Plan(self, n, training=training, skip=skip_activation, input_grad=input_grad)
            self._plans[key] = p
        return p

    def _as_input(self, x) -> np.ndarray:
        """``x`` as flat rows (n, input_width): accepts (n, *input_shape) or flat rows."""
        x = np.asarray(x)
        if x.ndim == 1 and self.input_shape == (1,):
            x = x[:, None]
        if x.ndim > 2 and x.shape[1:] == self.input_shape:
            x = x.reshape(x.shape[0], self.input_width)
        if x.ndim != 2 or x.shape[1] != self.input_width:
            want = ", ".join(str(d) for d in self.input_shape)
            if len(self.input_shape) > 1:
                raise ShapeError(
                    Text(
                        "Inputs have shape {shape} but the network expects (n, {want}) or "
                        "(n, {width}); match the input node's units to the number of features.",
                        shape=x.shape,
                        want=want,
                        width=self.input_width,
                    )
                )
            raise ShapeError(
                Text(
                    "Inputs have shape {shape} but the network expects (n, {want}); "
                    "match the input node's units to the number of features.",
                    shape=x.shape,
                    want=want,
                )
            )
        return x

    # ------------------------------------------------------------------ running
    def forward(self, x, training: bool = False, *, rng=None) -> np.ndarray:
        """Run the network on ``x`` (n, *input_shape); returns a new (n, *output_shape) array.

        ``training=True`` uses batch statistics (updating running statistics) and dropout
        masks drawn from ``rng`` (default: the network's own generator).
        """
        x = self._as_input(x)
        p = self.plan(x.shape[0], training=training)
        p.rngbox[0] = rng if rng is not None else self._rng
        fnp.copyto(p.x, x, casting="unsafe")
        p.forward()
        return p.out.copy()

    def predict(self, x, batch_size: int = 4096) -> np.ndarray:
        """Evaluation-mode outputs (n, *output_shape) for any n, computed in batches.

        Batches are at most ``batch_size`` and small enough that their buffers take about
        :data:`PREDICT_BYTES` (image networks: convolution columns grow fast).
        """
        x = self._as_input(x)
        n = x.shape[0]
        out = np.empty((n, *self.output_shape), dtype=self.dtype)
        per_sample = self.dtype.itemsize * sum(
            math.prod(layer.out_shape) + layer.scratch_size() for layer in self._layers.values()
        )
        bs = max(1, min(int(batch_size), PREDICT_BYTES // max(1, per_sample)))
        for s in range(0, n, bs):
            e = min(n, s + bs)
            p = self.plan(e - s, training=False)
            fnp.copyto(p.x, x[s:e], casting="unsafe")
            p.forward()
            out[s:e] = p.out
        return out

    def head(self, loss: str, loss_params: dict | None = None) -> Head:
        """The loss head for this network's output (see :mod:`nnstudio.engine.losses`)."""
        return make_head(loss, loss_params, self.output_width, self.output_activation)

    def loss_and_gradients(
        self,
        x,
        y,
        loss: str = "mse",
        loss_params: dict | None = None,
        *,
        training: bool = True,
        rng=None,
    ) -> tuple[float, dict[str, np.ndarray], np.ndarray]:
        """Mean loss, gradients by weight name and the gradient w.r.t. ``x`` (for checks)."""
        x = self._as_input(x)
        head = self.head(loss, loss_params)
        t = head.targets(y, self.dtype)
        p = self.plan(
            x.shape[0], training=True, skip_activation=head.skip_activation, input_grad=True
        )
        p.rngbox[0] = rng if rng is not None else self._rng
        if not training:
            raise ConfigError(Text("Gradients are only computed in training mode."))
        fnp.copyto(p.x, x, casting="unsafe")
        p.forward()
        value = float(head.per_sample(p.out, t).mean())
        head.grad_kernel(p.out, p.gout)(t)
        p.backward()
        grads = {}
        for nid, views in self._gviews.items():
            for name, g in views.items():
                grads[f"{nid}.{name}"] = g.copy()
        return value, grads, p.gin.copy()

    # ------------------------------------------------------------------ weights
    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """Shapes of every saved array by name (trainable parameters and running statistics)."""
        return dict(self._shapes)

    def get_weights(self) -> dict[str, np.ndarray]:
        """Copies of all weights: ``"dense_1.weight"`` (fan_in, fan_out), ``"dense_1.bias"``..."""
        return {k: v.copy() for k, v in self._named.items()}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Replace all weights at once; raises :class:`WeightsMismatchError` listing problems."""
        problems: list[str] = []
        arrays: dict[str, np.ndarray] = {}
        for name in self._named:
            if name not in weights:
                problems.append(Text("missing {name!r}", name=name))
        for name, value in weights.items():
            if name not in self._named:
                problems.append(Text("unexpected {name!r}", name=name))
                continue
            try:
                arr = np.asarray(value, dtype=np.float64)
            except (TypeError, ValueError):
                problems.append(Text("{name!r} is not numeric", name=name))
                continue
            if arr.shape != self._shapes[name]:
                problems.append(
                    Text(
                        "{name!r} has shape {shape}, expected {expected}",
                        name=name,
                        shape=arr.shape,
                        expected=self._shapes[name],
                    )
                )
            elif not np.isfinite(arr).all():
                problems.append(Text("{name!r} contains NaN or infinity", name=name))
            else:
                arrays[name] = arr
        if problems:
            raise WeightsMismatchError(problems)
        for name, arr in arrays.items():
            self._named[name][...] = arr

    def __repr__(self) -> str:
        return (
            f"Network({len(self.nodes)} nodes, {self.input_width}->{self.output_width}, "
            f"{self.n_params} params, {self.dtype})"
        )
