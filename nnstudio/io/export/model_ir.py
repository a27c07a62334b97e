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

Image layers (NCHW tensors) add reshape, conv2d, maxpool2d, avgpool2d, globalavgpool,
flatten and batchnorm2d: see :mod:`.image_ops`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.graph import ACTIVATION_PARAMS, Analysis, Edge, GraphError, NetworkSpec, analyse
from nnstudio.text import Text, message

from ..messages import joined
from .errors import ExportError
from .preprocessing import Preprocessing, preprocessing_from_dict

RAW = "input"
"""Name of the raw-input tensor (also the ONNX graph input name)."""

OUTPUT = "output"
"""Name exporters give the final result (ONNX graph output name)."""

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
class ModelIR:
    """The exported model: ``ops`` in execution order from :data:`RAW` to ``output``.

    constants: every array an op reads, by name; network weights keep their
    ``"<node id>.<param>"`` names, preprocessing constants are ``"preprocess.mean"`` /
    ``"preprocess.std"``. ``weight_names`` lists the network weights only, in op order.
    ``classes``: class names of the output (output column ``i``, or for one sigmoid
    output class ``i`` of ``0, 1``), ``None`` without named classes; ``input_names``: the
    raw input columns' names for tables (``column=level`` for one-hot columns), else None.
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
    classes: list[str] | None = None
    input_names: list[str] | None = None

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
        if self.input_names is not None:
            out["input"]["columns"] = list(self.input_names)
        if self.classes is not None:
            out["output"]["classes"] = list(self.classes)
            out["output"]["meaning"] = self.output_meaning()
        if network is not None:
            out["network"] = network
        out.update(extra)
        return out

    def output_meaning(self) -> str:
        """One sentence mapping the output columns to the class names."""
        if self.classes is None:
            return "regression outputs"
        if self.n_outputs == 1 and len(self.classes) == 2:
            return (
                f"output[:, 0] is the probability (or logit) of class '{self.classes[1]}'; "
                f"below 0.5 (logit 0) the prediction is '{self.classes[0]}'"
            )
        return "column i is the score of class classes[i]; argmax gives the predicted class"

    def describe_json(self, network: dict[str, Any] | None = None, **extra: Any) -> str:
        return json.dumps(self.describe(network, **extra), indent=1, sort_keys=False)


# --------------------------------------------------------------------------- graph access


def _as_spec(spec: Any) -> NetworkSpec:
    """A graph ``NetworkSpec`` as it is, or one built from a list of engine ``NodeDef``."""
    if isinstance(spec, NetworkSpec):
        return spec
    nodes = spec.nodes if hasattr(spec, "nodes") else spec
    out = NetworkSpec()
    try:
        for n in nodes:
            out.add_node(str(n.kind), dict(n.params or {}), node_id=str(n.id))
        for n in nodes:
            for slot, src in enumerate(n.inputs):
                out.edges.append(Edge(str(src), str(n.id), slot))
    except GraphError as err:
        raise ExportError(_not_exportable(message(err))) from None
    return out


def _analysed(spec: Any) -> Analysis:
    """The graph's analysis (one topological order, filled parameters, weight shapes)."""
    result = analyse(_as_spec(spec))
    if result.errors:
        problems = joined([_message_of(e) for e in result.errors], " ")
        raise ExportError(_not_exportable(problems))
    return result


def _not_exportable(problems: str) -> Text:
    return Text("the network cannot be exported: {problems}", problems=problems)


def _message_of(error: GraphError) -> str:
    """``error.message``, a Text when its message is one."""
    text = message(error)
    return text if text == error.message else error.message


# --------------------------------------------------------------------------- building


def activation_params(name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The exported parameters of an activation: its name and the parameters the catalog
    declares for it (``slope`` for leaky_relu, ``alpha`` for elu), taken from the node's
    filled ``params``."""
    if name not in ACTIVATION_PARAMS:
        raise ExportError(
            Text(
                "unknown activation '{name}'; choose one of {names}",
                name=name,
                names=str(list(ACTIVATION_PARAMS)),
            )
        )
    out: dict[str, Any] = {"activation": name}
    for spec in ACTIVATION_PARAMS[name]:
        out[spec.name] = float(params[spec.name])
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
    from . import image_ops  # imports this module

    graph = _analysed(spec)
    in_id, out_id = graph.input_id, graph.output_id
    assert in_id is not None and out_id is not None  # a valid analysis has both
    in_units = int(graph.params[in_id]["units"])  # type: ignore[index]
    pre = preprocessing_from_dict(preprocessor, in_units)

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

    def take(nid: str, role: str) -> str:
        name = f"{nid}.{role}"
        shape = graph.param_shapes[nid].get(role) or graph.state_shapes[nid][role]
        arr = weights.get(name)
        if arr is None:
            problems.append(
                Text(
                    "missing weight '{name}' (expected shape {shape})", name=name, shape=str(shape)
                )
            )
            return name
        arr = np.asarray(arr)
        if arr.shape != shape:
            problems.append(
                Text(
                    "weight '{name}' has shape {shape}, expected {expected}",
                    name=name,
                    shape=str(arr.shape),
                    expected=str(shape),
                )
            )
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

    for nid in graph.order:
        kind = graph.kinds[nid]
        p = graph.params[nid] or {}
        ins = tuple(tensor_of[i] for i in graph.inputs[nid])
        if kind == "input":
            if in_units != pre.n_features:
                problems.append(
                    Text(
                        "input node '{id}' expects {units} features but the preprocessing "
                        "gives {n_features}",
                        id=nid,
                        units=in_units,
                        n_features=pre.n_features,
                    )
                )
            image = image_ops.input_reshape(graph.shapes[nid], current, fresh)
            if image is not None:  # flat rows viewed as (channels, height, width)
                ops.append(image)
                width_of[image.output] = image.width
                current = image.output
            tensor_of[nid] = current
            continue
        in_w = width_of[ins[0]]
        width = int(np.prod(graph.shapes[nid] or (0,)))
        out = fresh(nid)
        if kind == "dense":
            wmap = {"weight": take(nid, "weight")}
            if p["use_bias"]:
                wmap["bias"] = take(nid, "bias")
            act = str(p["activation"])
            lin = out if act == "linear" else fresh(f"{nid}_linear")
            ops.append(Op("dense", lin, ins, {"units": int(p["units"])}, wmap, nid, width))
            width_of[lin] = width
            if act != "linear":
                ops.append(Op("activation", out, (lin,), activation_params(act, p), {}, nid, width))
        elif kind == "activation":
            act = str(p["activation"])
            if act == "linear":
                used_names.discard(out)
                tensor_of[nid] = ins[0]
                continue
            ops.append(Op("activation", out, ins, activation_params(act, p), {}, nid, in_w))
        elif kind == "dropout":
            ops.append(Op("dropout", out, ins, {"rate": float(p["rate"])}, {}, nid, in_w))
        elif kind == "batchnorm" and len(graph.shapes[nid] or ()) == 1:
            roles = ("weight", "bias", "running_mean", "running_var")
            wmap = {role: take(nid, role) for role in roles}
            params = {"eps": float(p["eps"]), "momentum": float(p["momentum"])}
            ops.append(Op("batchnorm", out, ins, params, wmap, nid, in_w))
        elif kind in ("add", "concat"):
            ops.append(Op(kind, out, ins, {}, {}, nid, width))
        elif kind in image_ops.IMAGE_KINDS:
            in_shape = graph.shapes[graph.inputs[nid][0]] or ()
            new = image_ops.ir_ops(
                kind, nid, p, in_shape, graph.shapes[nid] or (), ins, out, take, fresh
            )
            ops.extend(new)
            for op in new:
                width_of[op.output] = op.width
        else:
            raise ExportError(
                Text(
                    "node '{id}' has kind '{kind}', which cannot be exported; replace it with "
                    "a supported layer",
                    id=nid,
                    kind=kind,
                )
            )
        width_of[out] = width
        tensor_of[nid] = out

    expected = set(weight_names)
    extra = sorted(set(weights) - expected)
    problems.extend(
        Text("unexpected weight '{name}' (no such parameter)", name=name) for name in extra
    )
    if problems:
        raise ExportError(
            Text(
                "the weights do not match the network: {problems}. Retrain the network or "
                "load matching weights.",
                problems=joined(problems),
            )
        )
    final = tensor_of[out_id]
    return ModelIR(
        ops=ops,
        constants=constants,
        weight_names=weight_names,
        output=final,
        n_raw=pre.n_raw,
        n_features=pre.n_features,
        n_outputs=width_of[final],
        output_activation=graph.activations[out_id],
        preprocessing=pre,
        classes=_labels(preprocessor, "classes"),
        input_names=_input_names(preprocessor),
    )


def _labels(preprocessor: Mapping[str, Any] | None, key: str) -> list[str] | None:
    """A list of names stored in the preprocessor (e.g. ``classes``), or None."""
    if not isinstance(preprocessor, Mapping):
        return None
    value = preprocessor.get(key)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _input_names(preprocessor: Mapping[str, Any] | None) -> list[str] | None:
    """Raw input column names of a CSV dataset (from the stored table encoding)."""
    table = preprocessor.get("table") if isinstance(preprocessor, Mapping) else None
    if not isinstance(table, Mapping):
        return None
    try:
        from nnstudio.data import TableEncoding

        return TableEncoding.from_dict(dict(table)).feature_names
    except Exception:  # noqa: BLE001 - a damaged encoding only loses the column names
        return None
