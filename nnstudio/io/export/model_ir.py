"""A small, ordered list of operations that every exporter walks.

The graph traversal (topological order, slot order of inputs, dropout and ``linear``
pass-throughs, shape checks) and the preprocessing (engineered features, standardization)
are written once here; each exporter only translates :class:`Op` records one by one.

Tensors are named by strings. The raw model input is :data:`RAW`, shaped
``(n_samples, n_raw)``; every other tensor is ``(n_samples, width)``.

Op kinds (``Op.op``) and what they compute::

    features     raw (n, 2) -> (n, len(names)), names from data.FEATURES
                 ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
    standardize  (x - mean) / std                    constants "mean", "std": (width,)
    dense        x @ weight + bias                   weight (fan_in, fan_out), bias (fan_out,)
    activation   elementwise (softmax: along features); params "activation", "slope", "alpha"
    batchnorm    (x - running_mean) / sqrt(running_var + eps) * weight + bias
    dropout      identity at inference; params "rate" (kept for exporters that train)
    add          sum of all inputs (same width)
    concat       inputs joined along features, in input order
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.data.features import FEATURES
from nnstudio.engine.registry import ACTIVATIONS

from .errors import ExportError

RAW = "input"
"""Name of the raw-input tensor (also the ONNX graph input name)."""

OUTPUT = "output"
"""Name exporters give the final result (ONNX graph output name)."""

FEATURE_NAMES = FEATURES
DEFAULT_SLOPE = 0.01
DEFAULT_ALPHA = 1.0
IR_VERSION = 1


@dataclass(frozen=True)
class Op:
    """One operation: ``output = op(*inputs)`` using ``params`` and named constants.

    ``weights`` maps a role ("weight", "bias", "running_mean", "mean", ...) to a key of
    :attr:`ModelIR.constants`. ``node`` is the graph node the op came from ("" for
    preprocessing).
    """

    op: str
    output: str
    inputs: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    weights: dict[str, str] = field(default_factory=dict)
    node: str = ""
    width: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "output": self.output,
            "inputs": list(self.inputs),
            "params": dict(self.params),
            "weights": dict(self.weights),
            "node": self.node,
            "width": self.width,
        }


@dataclass
class Preprocessing:
    """Raw inputs -> model inputs, as exported.

    features: engineered feature names computed from the first two raw columns, or None
    when the raw columns are used as they are. mean / std: (n_features,) or None.
    """

    n_raw: int
    features: list[str] | None = None
    mean: np.ndarray | None = None
    std: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        if self.features is not None:
            return len(self.features)
        return self.n_raw

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_raw": self.n_raw,
            "features": None if self.features is None else list(self.features),
            "mean": None if self.mean is None else [float(v) for v in self.mean],
            "std": None if self.std is None else [float(v) for v in self.std],
        }


def preprocessing_from_dict(d: Mapping[str, Any] | None, n_features: int) -> Preprocessing:
    """Read a ``data.Preprocessor.to_dict()`` (or None: no preprocessing).

    ``n_features`` is the width the network's input node expects.
    """
    if d is None:
        return Preprocessing(n_raw=n_features)
    if not isinstance(d, Mapping):
        raise ExportError(
            f"the project's preprocessing description is not a mapping ({type(d).__name__}); "
            "retrain the network to rebuild it"
        )
    features = d.get("features")
    mean = d.get("mean")
    std = d.get("std")
    mean_arr = None if mean is None else np.asarray(mean, dtype=np.float64).reshape(-1)
    std_arr = None if std is None else np.asarray(std, dtype=np.float64).reshape(-1)
    engineered: list[str] | None
    if features is None or _is_identity(features):
        engineered = None
    else:
        engineered = [str(f) for f in features]
        unknown = [f for f in engineered if f not in FEATURE_NAMES]
        if unknown:
            raise ExportError(
                f"unknown engineered feature(s) {unknown}; the known ones are {list(FEATURE_NAMES)}"
            )
    n_raw_default = 2 if engineered is not None else n_features
    n_raw = int(d.get("n_raw") or n_raw_default)
    if engineered is not None and n_raw != 2:
        raise ExportError(
            f"engineered features need 2 raw inputs (x1, x2) but the data has {n_raw}; "
            "use the plain columns instead"
        )
    pre = Preprocessing(n_raw=n_raw, features=engineered, mean=mean_arr, std=std_arr)
    for name, arr in (("mean", mean_arr), ("std", std_arr)):
        if arr is not None and arr.shape != (pre.n_features,):
            raise ExportError(
                f"the standardization {name} has {arr.shape[0]} values but there are "
                f"{pre.n_features} features; retrain the network to rebuild it"
            )
    if std_arr is not None and np.any(std_arr == 0):
        raise ExportError("the standardization std contains zeros; retrain the network")
    return pre


def _is_identity(features: Iterable[Any]) -> bool:
    return list(features) == ["x1", "x2"]


@dataclass
class ModelIR:
    """The exported model: ``ops`` in execution order from :data:`RAW` to ``output``.

    constants: every array an op reads, by name; network weights keep their
    ``"<node id>.<param>"`` names, preprocessing constants are ``"preprocess.mean"`` /
    ``"preprocess.std"``. ``weight_names`` lists the network weights only, in op order.
    """

    ops: list[Op]
    constants: dict[str, np.ndarray]
    weight_names: list[str]
    output: str
    n_raw: int
    n_features: int
    n_outputs: int
    output_activation: str
    preprocessing: Preprocessing

    def network_weights(self) -> dict[str, np.ndarray]:
        """The network's weights by ``"<node id>.<param>"`` name (no preprocessing)."""
        return {name: self.constants[name] for name in self.weight_names}

    def describe(self, network: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        """A JSON-able description of the model (stored beside every export)."""
        out: dict[str, Any] = {
            "format": "nnstudio-export",
            "version": IR_VERSION,
            "input": {"name": RAW, "shape": ["batch", self.n_raw]},
            "output": {
                "name": OUTPUT,
                "shape": ["batch", self.n_outputs],
                "activation": self.output_activation,
            },
            "preprocessing": self.preprocessing.to_dict(),
            "weights": {n: list(self.constants[n].shape) for n in self.weight_names},
            "ops": [op.to_dict() for op in self.ops],
        }
        if network is not None:
            out["network"] = network
        out.update(extra)
        return out

    def describe_json(self, network: dict[str, Any] | None = None, **extra: Any) -> str:
        return json.dumps(self.describe(network, **extra), indent=1, sort_keys=False)


# --------------------------------------------------------------------------- graph access


@dataclass(frozen=True)
class _NodeRec:
    id: str
    kind: str
    params: dict[str, Any]
    inputs: tuple[str, ...]


def _node_records(spec: Any) -> list[_NodeRec]:
    """Nodes of a graph ``NetworkSpec`` (or a list of engine ``NodeDef``), in stored order."""
    if hasattr(spec, "nodes") and isinstance(spec.nodes, Mapping) and hasattr(spec, "inputs_of"):
        return [
            _NodeRec(str(nid), str(n.kind), dict(n.params or {}), tuple(spec.inputs_of(nid)))
            for nid, n in spec.nodes.items()
        ]
    nodes = spec.nodes if hasattr(spec, "nodes") else spec
    return [_NodeRec(str(n.id), str(n.kind), dict(n.params or {}), tuple(n.inputs)) for n in nodes]


def _topological(nodes: list[_NodeRec]) -> list[_NodeRec]:
    by_id = {n.id: n for n in nodes}
    for n in nodes:
        missing = [i for i in n.inputs if i not in by_id]
        if missing:
            raise ExportError(
                f"node '{n.id}' reads from missing node(s) {missing}; fix the connections"
            )
    # Kahn's algorithm, always taking the earliest-added ready node (readable, stable order)
    done: set[str] = set()
    order: list[_NodeRec] = []
    remaining = list(nodes)
    while remaining:
        nxt = next((n for n in remaining if all(i in done for i in n.inputs)), None)
        if nxt is None:
            ids = [n.id for n in remaining]
            raise ExportError(f"the network has a cycle through {ids}; remove a connection")
        order.append(nxt)
        done.add(nxt.id)
        remaining.remove(nxt)
    return order


# --------------------------------------------------------------------------- building


def activation_params(name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The exported parameters of an activation (slope for leaky_relu, alpha for elu)."""
    if name not in ACTIVATIONS:
        raise ExportError(f"unknown activation '{name}'; choose one of {list(ACTIVATIONS)}")
    out: dict[str, Any] = {"activation": name}
    if name == "leaky_relu":
        out["slope"] = float(params.get("slope", DEFAULT_SLOPE))
    elif name == "elu":
        out["alpha"] = float(params.get("alpha", DEFAULT_ALPHA))
    return out


def build_ir(
    spec: Any,
    weights: Mapping[str, np.ndarray],
    preprocessor: Mapping[str, Any] | None = None,
) -> ModelIR:
    """Turn a network, its weights and its preprocessing into an ordered op list.

    spec: a ``graph.NetworkSpec`` (or a list of ``engine.NodeDef``) with exactly one
    ``input`` node and one sink. weights: ``"<node id>.<param>"`` arrays, Dense weights
    (fan_in, fan_out). preprocessor: ``data.Preprocessor.to_dict()`` or None.
    Raises ExportError naming every problem (missing / unexpected / mis-shaped weights).
    """
    nodes = _topological(_node_records(spec))
    inputs = [n for n in nodes if n.kind == "input"]
    if len(inputs) != 1:
        raise ExportError(
            f"the network needs exactly one input node, it has {len(inputs)}; "
            "add or remove input nodes"
        )
    consumers: dict[str, int] = {n.id: 0 for n in nodes}
    for n in nodes:
        for i in n.inputs:
            consumers[i] += 1
    sinks = [n.id for n in nodes if consumers[n.id] == 0]
    if len(sinks) != 1:
        raise ExportError(
            f"the network needs exactly one output (a node nothing reads from), it has "
            f"{len(sinks)}: {sinks}; connect or remove the extra nodes"
        )

    in_units = inputs[0].params.get("units")
    pre_dict = preprocessor
    n_features_hint = int(in_units) if in_units else None
    if n_features_hint is None:
        first = _first_dense_fan_in(nodes, weights)
        n_features_hint = first if first is not None else 2
    pre = preprocessing_from_dict(pre_dict, n_features_hint)

    problems: list[str] = []
    constants: dict[str, np.ndarray] = {}
    weight_names: list[str] = []
    ops: list[Op] = []
    reserved = {RAW, OUTPUT}
    tensor_of: dict[str, str] = {}  # node id -> tensor name holding its output
    width_of: dict[str, int] = {RAW: pre.n_raw}
    used_names: set[str] = set(reserved)

    def fresh(base: str) -> str:
        name = base
        k = 0
        while name in used_names:
            k += 1
            name = f"{base}_{k}"
        used_names.add(name)
        return name

    def take(name: str, shape: tuple[int, ...]) -> str:
        arr = weights.get(name)
        if arr is None:
            problems.append(f"missing weight '{name}' (expected shape {shape})")
            return name
        arr = np.asarray(arr)
        if arr.shape != shape:
            problems.append(f"weight '{name}' has shape {arr.shape}, expected {shape}")
        constants[name] = arr
        weight_names.append(name)
        return name

    # preprocessing
    current = RAW
    if pre.features is not None:
        out = fresh("features")
        params = {"features": list(pre.features)}
        ops.append(Op("features", out, (current,), params, width=len(pre.features)))
        width_of[out] = len(pre.features)
        current = out
    if pre.mean is not None or pre.std is not None:
        n = pre.n_features
        constants["preprocess.mean"] = pre.mean if pre.mean is not None else np.zeros(n)
        constants["preprocess.std"] = pre.std if pre.std is not None else np.ones(n)
        out = fresh("standardized")
        ops.append(
            Op(
                "standardize",
                out,
                (current,),
                weights={"mean": "preprocess.mean", "std": "preprocess.std"},
                width=n,
            )
        )
        width_of[out] = n
        current = out

    output_activation = "linear"
    activation_of: dict[str, str] = {}
    for n in nodes:
        ins = tuple(tensor_of[i] for i in n.inputs)
        p = n.params
        if n.kind == "input":
            if in_units and int(in_units) != pre.n_features:
                problems.append(
                    f"input node '{n.id}' expects {in_units} features but the preprocessing "
                    f"gives {pre.n_features}"
                )
            tensor_of[n.id] = current
            activation_of[n.id] = "linear"
            continue
        if n.kind not in ("add", "concat") and len(ins) != 1:
            raise ExportError(f"node '{n.id}' ({n.kind}) needs exactly one input, has {len(ins)}")
        if n.kind in ("add", "concat") and len(ins) < 1:
            raise ExportError(f"node '{n.id}' ({n.kind}) has no inputs; connect it")
        in_w = width_of[ins[0]]
        if n.kind == "dense":
            units = int(p["units"])
            w = take(f"{n.id}.weight", (in_w, units))
            wmap = {"weight": w}
            if p.get("use_bias", True):
                wmap["bias"] = take(f"{n.id}.bias", (units,))
            act = str(p.get("activation", "linear"))
            aparams = activation_params(act, p)
            lin = fresh(n.id if act == "linear" else f"{n.id}_linear")
            ops.append(Op("dense", lin, ins, {"units": units}, wmap, n.id, units))
            width_of[lin] = units
            out = lin
            if act != "linear":
                out = fresh(n.id)
                ops.append(Op("activation", out, (lin,), aparams, {}, n.id, units))
                width_of[out] = units
            tensor_of[n.id] = out
            activation_of[n.id] = act
        elif n.kind == "activation":
            act = str(p.get("activation", "linear"))
            aparams = activation_params(act, p)
            if act == "linear":
                tensor_of[n.id] = ins[0]
                activation_of[n.id] = activation_of.get(n.inputs[0], "linear")
                continue
            out = fresh(n.id)
            ops.append(Op("activation", out, ins, aparams, {}, n.id, in_w))
            width_of[out] = in_w
            tensor_of[n.id] = out
            activation_of[n.id] = act
        elif n.kind == "dropout":
            out = fresh(n.id)
            ops.append(Op("dropout", out, ins, {"rate": float(p.get("rate", 0.5))}, {}, n.id, in_w))
            width_of[out] = in_w
            tensor_of[n.id] = out
            activation_of[n.id] = activation_of.get(n.inputs[0], "linear")
        elif n.kind == "batchnorm":
            wmap = {
                role: take(f"{n.id}.{role}", (in_w,))
                for role in ("weight", "bias", "running_mean", "running_var")
            }
            params = {"eps": float(p.get("eps", 1e-5)), "momentum": float(p.get("momentum", 0.1))}
            out = fresh(n.id)
            ops.append(Op("batchnorm", out, ins, params, wmap, n.id, in_w))
            width_of[out] = in_w
            tensor_of[n.id] = out
            activation_of[n.id] = "linear"
        elif n.kind == "add":
            widths = [width_of[t] for t in ins]
            if len(set(widths)) != 1:
                problems.append(f"add node '{n.id}' joins inputs of different widths {widths}")
            out = fresh(n.id)
            ops.append(Op("add", out, ins, {}, {}, n.id, in_w))
            width_of[out] = in_w
            tensor_of[n.id] = out
            activation_of[n.id] = "linear"
        elif n.kind == "concat":
            total = sum(width_of[t] for t in ins)
            out = fresh(n.id)
            ops.append(Op("concat", out, ins, {}, {}, n.id, total))
            width_of[out] = total
            tensor_of[n.id] = out
            activation_of[n.id] = "linear"
        else:
            raise ExportError(
                f"node '{n.id}' has kind '{n.kind}', which cannot be exported; "
                "replace it with a supported layer"
            )
        output_activation = activation_of[n.id]

    expected = set(weight_names)
    extra = sorted(set(weights) - expected)
    problems.extend(f"unexpected weight '{name}' (no such parameter)" for name in extra)
    if problems:
        raise ExportError(
            "the weights do not match the network: "
            + "; ".join(problems)
            + ". Retrain the network or load matching weights."
        )
    final = tensor_of[sinks[0]]
    output_activation = activation_of[sinks[0]]
    return ModelIR(
        ops=ops,
        constants=constants,
        weight_names=weight_names,
        output=final,
        n_raw=pre.n_raw,
        n_features=pre.n_features,
        n_outputs=width_of[final],
        output_activation=output_activation,
        preprocessing=pre,
    )


def _first_dense_fan_in(nodes: list[_NodeRec], weights: Mapping[str, np.ndarray]) -> int | None:
    input_id = next(n.id for n in nodes if n.kind == "input")
    for n in nodes:
        if n.kind == "dense" and input_id in n.inputs and f"{n.id}.weight" in weights:
            return int(np.shape(weights[f"{n.id}.weight"])[0])
    return None
