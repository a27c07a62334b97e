"""The analysed graph: one pass over a spec that everything else reads.

:func:`analyse` computes, once per edit, the topological order (the only one in NN
Studio), the filled parameters of every node, each node's output shape (a tuple without
the batch dimension: ``(8,)``, later ``(16, 14, 14)``), the shapes of its weights, the
parameter counts, and every problem (blocking errors and non-blocking warnings).
Validation, parameter counts, weight checks, engine compilation and the export IR all use
this result. Shape and weight-shape rules are the engine layers' classmethods
(``output_shape``, ``weight_shapes``, ``state_shapes``): one rule per layer kind.

Results are cached by the spec's content, so the GUI can re-analyse on every edit.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from nnstudio.engine.errors import ShapeError
from nnstudio.engine.layers import LAYERS, FlatInputError
from nnstudio.text import Text, message

from .catalog import CATALOG, fill_node_params
from .errors import (
    FlattenNeededError,
    GraphError,
    InputWidthError,
    ParamError,
    WidthMismatchError,
)
from .spec import NetworkSpec
from .validation import loss_findings, structure_errors

if TYPE_CHECKING:
    from nnstudio.engine import NodeDef

Shape = tuple[int, ...]

#: Layer kinds whose output is their input's values unchanged at prediction time.
PASS_THROUGH = frozenset({"dropout"})


@dataclass(frozen=True)
class Analysis:
    """The analysed graph (immutable; mappings are read-only views).

    Attributes:
        order: node ids in topological order, ties broken by insertion order; nodes on or
            behind a cycle are left out (they are in ``cyclic``).
        cyclic: the ids left over by the sort, in insertion order.
        inputs: node id -> ids of the nodes feeding it, in slot order.
        params: node id -> complete, checked parameters (None where they are invalid).
        shapes: node id -> output shape, or None where it cannot be known.
        param_shapes: node id -> trainable parameter name -> shape.
        state_shapes: node id -> saved non-trainable array name -> shape.
        param_counts: node id -> number of trainable parameters (0 where unknown).
        activations: node id -> the activation its output ends with (through Dropout and
            linear Activation nodes; ``"linear"`` for layers without one).
        errors: every blocking problem (empty: the graph can be compiled and trained).
        warnings: problems that do not block training (``severity == "warning"``).
        kinds: node id -> layer kind.
        input_id / output_id: the input node and the one output node, when there are.
    """

    order: tuple[str, ...]
    cyclic: tuple[str, ...]
    inputs: Mapping[str, tuple[str, ...]]
    params: Mapping[str, Mapping[str, Any] | None]
    shapes: Mapping[str, Shape | None]
    param_shapes: Mapping[str, Mapping[str, Shape]]
    state_shapes: Mapping[str, Mapping[str, Shape]]
    param_counts: Mapping[str, int]
    activations: Mapping[str, str]
    errors: tuple[GraphError, ...]
    warnings: tuple[GraphError, ...]
    kinds: Mapping[str, str]
    input_id: str | None
    output_id: str | None

    @property
    def valid(self) -> bool:
        """True when there is no blocking error."""
        return not self.errors

    @property
    def findings(self) -> tuple[GraphError, ...]:
        """Errors then warnings (what a problems list shows)."""
        return self.errors + self.warnings

    @property
    def total_params(self) -> int:
        return sum(self.param_counts.values())

    def weight_shapes(self) -> dict[str, Shape]:
        """Every saved array, ``"<node id>.<name>"`` -> shape: in topological order, each
        node's trainable parameters then its state (the engine's naming order)."""
        out: dict[str, Shape] = {}
        for nid in self.order:
            for name, shape in self.param_shapes.get(nid, {}).items():
                out[f"{nid}.{name}"] = shape
            for name, shape in self.state_shapes.get(nid, {}).items():
                out[f"{nid}.{name}"] = shape
        return out

    def node_defs(self) -> list[NodeDef]:
        """Engine node definitions in topological order with filled parameters.

        Only for a valid analysis (raises the combined error otherwise).
        """
        from nnstudio.engine import NodeDef

        from .errors import combine_errors

        if self.errors:
            raise combine_errors(list(self.errors))
        return [
            NodeDef(nid, self.kinds[nid], dict(self.params[nid] or {}), list(self.inputs[nid]))
            for nid in self.order
        ]


def _freeze(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)


def _sort(spec: NetworkSpec) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Kahn's order with ties by insertion order; (order, leftover, successors)."""
    rank = {nid: i for i, nid in enumerate(spec.nodes)}
    indeg = dict.fromkeys(spec.nodes, 0)
    succ: dict[str, list[str]] = {nid: [] for nid in spec.nodes}
    for e in spec.edges:
        if e.src in indeg and e.dst in indeg:
            indeg[e.dst] += 1
            succ[e.src].append(e.dst)
    ready = [rank[nid] for nid in spec.nodes if indeg[nid] == 0]
    heapq.heapify(ready)
    ids = list(spec.nodes)
    order: list[str] = []
    while ready:
        nid = ids[heapq.heappop(ready)]
        order.append(nid)
        for d in succ[nid]:
            indeg[d] -= 1
            if indeg[d] == 0:
                heapq.heappush(ready, rank[d])
    placed = set(order)
    return order, [nid for nid in spec.nodes if nid not in placed], succ


def _fingerprint(spec: NetworkSpec, *extra: Any) -> tuple | None:
    try:
        key = (
            tuple(
                (nid, n.kind, tuple(n.params.items()) if isinstance(n.params, dict) else n.params)
                for nid, n in spec.nodes.items()
            ),
            tuple(spec.edges),
            extra,
        )
        hash(key)
    except TypeError:
        return None
    return key


_CACHE: OrderedDict[tuple, Analysis] = OrderedDict()
_CACHE_SIZE = 32


def analyse(
    spec: NetworkSpec,
    input_shape: Shape | None = None,
    *,
    loss: str | None = None,
    task: str | None = None,
    n_classes: int | None = None,
) -> Analysis:
    """Analyse ``spec``; see :class:`Analysis`.

    ``input_shape`` is the dataset's sample shape (e.g. ``(n_features,)``); without it the
    input node's ``units`` decide. With ``loss`` (and ``task``/``n_classes`` of the
    dataset) the output layer is checked against the loss.
    """
    if input_shape is not None:
        input_shape = tuple(int(d) for d in input_shape)
    key = _fingerprint(spec, input_shape, loss, task, n_classes)
    if key is not None:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    result = _analyse(spec, input_shape, loss, task, n_classes)
    if key is not None:
        _CACHE[key] = result
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result


def _analyse(
    spec: NetworkSpec,
    input_shape: Shape | None,
    loss: str | None,
    task: str | None,
    n_classes: int | None,
) -> Analysis:
    nodes = spec.nodes
    order, cyclic, succ = _sort(spec)
    inputs = {nid: tuple(s for s in spec.inputs_of(nid) if s in nodes) for nid in nodes}
    errors: list[GraphError] = []

    # parameters, filled from the catalog
    params: dict[str, dict[str, Any] | None] = {}
    for nid, node in nodes.items():
        if not isinstance(node.kind, str) or node.kind not in CATALOG:
            params[nid] = None
            continue
        raw = node.params if isinstance(node.params, dict) else {}
        try:
            params[nid] = fill_node_params(node.kind, raw, nid)
        except ParamError:  # reported (every bad value) by structure_errors
            params[nid] = None

    struct, info = structure_errors(spec, order, cyclic, succ)
    errors.extend(struct)

    # shapes, weight shapes, counts
    shapes: dict[str, Shape | None] = dict.fromkeys(nodes)
    pshapes: dict[str, Mapping[str, Shape]] = {}
    sshapes: dict[str, Mapping[str, Shape]] = {}
    counts: dict[str, int] = dict.fromkeys(nodes, 0)
    activations: dict[str, str] = dict.fromkeys(nodes, "linear")
    for nid in order:
        kind = nodes[nid].kind
        p = params[nid]
        ins = inputs[nid]
        if kind in CATALOG and p is not None:
            activations[nid] = _activation_of(kind, p, [activations[s] for s in ins])
        if p is None:
            continue
        if kind == "input":
            try:  # flat (units,) or an image (channels, height, width)
                own = tuple(LAYERS["input"].output_shape(p, []))  # type: ignore[arg-type]
            except ShapeError as err:
                errors.append(
                    InputWidthError(
                        Text("'{id}' (Input) {error}", id=nid, error=message(err)), (nid,)
                    )
                )
                continue
            flat_data = input_shape is not None and len(input_shape) == 1
            shapes[nid] = input_shape if flat_data and len(own) == 1 else own
            continue
        kdef = CATALOG[kind]
        in_shapes = [shapes[s] for s in ins]
        if not in_shapes or any(s is None for s in in_shapes):
            # unconnected or fed by an unknown shape: a Dense still shows its (units,)
            shapes[nid] = LAYERS[kind].own_output_shape(p)  # type: ignore[arg-type]
            continue
        if len(in_shapes) < kdef.min_inputs or (
            kdef.max_inputs is not None and len(in_shapes) > kdef.max_inputs
        ):
            continue
        layer = LAYERS[kind]
        try:
            shapes[nid] = tuple(layer.output_shape(p, in_shapes))  # type: ignore[arg-type]
            weights = {n: tuple(s) for n, s, _ in layer.weight_shapes(p, in_shapes)}  # type: ignore[arg-type]
            state = {n: tuple(s) for n, s in layer.state_shapes(p, in_shapes)}  # type: ignore[arg-type]
        except ShapeError as err:
            desc = ", ".join(f"{s} ({'x'.join(map(str, shapes[s] or ()))})" for s in ins)
            cls = FlattenNeededError if isinstance(err, FlatInputError) else WidthMismatchError
            text = Text(
                "'{id}' ({layer}) {error} Inputs: {inputs}.",
                id=nid,
                layer=kdef.name,
                error=message(err),
                inputs=desc,
            )
            errors.append(cls(text, (nid, *ins)))
            continue
        pshapes[nid] = _freeze(weights)
        sshapes[nid] = _freeze(state)
        counts[nid] = sum(math.prod(s) for s in weights.values())

    # the dataset
    warnings: list[GraphError] = []
    in_id = info.input_id
    if input_shape is not None and in_id is not None and params.get(in_id) is not None:
        units = params[in_id]["units"]  # type: ignore[index]
        if math.prod(input_shape) != units:  # images may come as flat rows and back
            n = math.prod(input_shape)
            errors.append(
                InputWidthError(
                    Text(
                        "'{id}' has {units} units but the dataset has {n} features: set its "
                        "units to {n}.",
                        id=in_id,
                        units=units,
                        n=n,
                    ),
                    (in_id,),
                )
            )

    out_id = info.output_id
    if loss is not None and out_id is not None:
        shape = shapes.get(out_id)
        width = None if shape is None else math.prod(shape)
        errs, warns = loss_findings(
            spec, out_id, width, activations, params, loss, task, n_classes, PASS_THROUGH
        )
        errors.extend(errs)
        warnings.extend(warns)

    result = Analysis(
        order=tuple(order),
        cyclic=tuple(cyclic),
        inputs=_freeze(inputs),
        params=_freeze({k: None if v is None else _freeze(v) for k, v in params.items()}),
        shapes=_freeze(shapes),
        param_shapes=_freeze(pshapes),
        state_shapes=_freeze(sshapes),
        param_counts=_freeze(counts),
        activations=_freeze(activations),
        errors=tuple(errors),
        warnings=tuple(warnings),
        kinds=_freeze({nid: n.kind for nid, n in nodes.items()}),
        input_id=in_id,
        output_id=out_id,
    )
    return result


def _activation_of(kind: str, params: Mapping[str, Any], in_acts: list[str]) -> str:
    """The activation a node's output ends with (see :attr:`Analysis.activations`)."""
    if kind == "dense":
        return str(params["activation"])
    if kind == "activation":
        act = str(params["activation"])
        if act == "linear" and len(in_acts) == 1:
            return in_acts[0]
        return act
    if kind in PASS_THROUGH and len(in_acts) == 1:
        return in_acts[0]
    return "linear"


def validate(
    spec: NetworkSpec,
    *,
    n_features: int | None = None,
    loss: str | None = None,
    task: str | None = None,
    n_classes: int | None = None,
) -> list[GraphError]:
    """Every blocking problem of ``spec``, as typed errors naming the nodes (empty: valid).

    Structure: unknown kinds and bad parameters, no input / several inputs, cycles, nodes
    without inputs or not reachable from the input (dangling), wrong input counts, inputs
    of a merge that do not fit, no output / several outputs. With ``n_features``: the
    input width. With ``loss`` (and ``task``/``n_classes`` of the dataset): whether the
    output layer fits the loss. Warnings are in ``analyse(...).warnings``.
    """
    shape = None if n_features is None else (int(n_features),)
    return list(analyse(spec, shape, loss=loss, task=task, n_classes=n_classes).errors)
