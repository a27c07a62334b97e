"""Validation rules of a network description: every problem, each a typed error naming
nodes. :func:`nnstudio.graph.analyse` runs them (``validate`` is a thin wrapper over it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nnstudio.text import Text

from .catalog import CATALOG
from .errors import (
    ArityError,
    ConnectionError_,
    CycleError,
    DanglingNodeError,
    GraphError,
    LossMismatchError,
    MultipleInputsError,
    NoInputError,
    OutputError,
    ParamError,
    SoftmaxCrossEntropyWarning,
    UnknownLayerError,
)
from .spec import NetworkSpec, _check_edge

CLASSIFICATION_LOSSES = ("bce", "bce_logits", "cce")
REGRESSION_LOSSES = ("mse", "mae", "huber")


def check_connect(spec: NetworkSpec, src: str, dst: str) -> None:
    """Raise the :class:`GraphError` that refuses a new edge ``src -> dst``, if any.

    Refused: unknown nodes, self-loops and cycles (:class:`CycleError`), duplicate edges and
    edges into an input node (:class:`ConnectionError_`), and a ``dst`` that already has its
    maximum number of inputs (:class:`ArityError`).
    """
    _check_edge(spec, src, dst)


def _reach(succ: Mapping[str, list[str]], start: str) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        for d in succ.get(stack.pop(), ()):
            if d not in seen:
                seen.add(d)
                stack.append(d)
    return seen


def _cycles(
    spec: NetworkSpec, leftover: list[str], succ: Mapping[str, list[str]]
) -> list[list[str]]:
    """Strongly connected components with a cycle among the nodes the sort left over."""
    reach = {nid: _reach(succ, nid) for nid in leftover}
    comps: list[list[str]] = []
    assigned: set[str] = set()
    for nid in leftover:
        if nid in assigned:
            continue
        comp = [m for m in leftover if m not in assigned and m in reach[nid] and nid in reach[m]]
        if len(comp) > 1 or nid in succ.get(nid, ()):
            comps.append(comp)
            assigned.update(comp)
        else:
            assigned.add(nid)
    return comps


@dataclass(frozen=True)
class StructureInfo:
    """What :func:`structure_errors` found besides the errors."""

    input_id: str | None
    output_id: str | None


def structure_errors(
    spec: NetworkSpec, order: list[str], leftover: list[str], succ: Mapping[str, list[str]]
) -> tuple[list[GraphError], StructureInfo]:
    """Problems of the graph's structure and parameters, given the analysis' sort.

    Unknown kinds and bad parameters, edges to missing nodes, no input / several inputs,
    cycles, nodes without inputs or not reachable from the input (dangling), wrong input
    counts, no output / several outputs.
    """
    errors: list[GraphError] = []
    nodes = spec.nodes
    # kinds and parameters
    for nid, node in nodes.items():
        kind = CATALOG.get(node.kind) if isinstance(node.kind, str) else None
        if kind is None:
            errors.append(
                UnknownLayerError(
                    Text(
                        "'{id}' has unknown layer kind {kind!r}; replace it with one of: {kinds}.",
                        id=nid,
                        kind=node.kind,
                        kinds=list(CATALOG),
                    ),
                    (nid,),
                )
            )
            continue
        params = node.params if isinstance(node.params, dict) else {}
        for name in params:
            if name not in {p.name for p in kind.params}:
                errors.append(
                    ParamError(
                        Text(
                            "{id}: {layer} has no parameter {param!r}; remove it.",
                            id=nid,
                            layer=kind.name,
                            param=name,
                        ),
                        (nid,),
                    )
                )
        for p in kind.params:
            if p.name not in params:  # filled with the catalog default, like everywhere
                continue
            try:
                p.check(params[p.name], nid)
            except ParamError as err:
                errors.append(err)

    # edges that point nowhere
    for e in spec.edges:
        if e.src not in nodes or e.dst not in nodes:
            errors.append(
                ConnectionError_(
                    Text(
                        "The connection {src!r} -> {dst!r} refers to a node that does not "
                        "exist; delete it.",
                        src=e.src,
                        dst=e.dst,
                    ),
                    tuple(n for n in (e.src, e.dst) if n in nodes),
                )
            )

    # inputs
    inputs = [nid for nid, n in nodes.items() if n.kind == "input"]
    if not inputs:
        errors.append(
            NoInputError(
                Text(
                    "The network has no input node: add an Input node from the palette and "
                    "connect it to the first layer."
                )
            )
        )
    elif len(inputs) > 1:
        errors.append(
            MultipleInputsError(
                Text(
                    "The network has {n} input nodes ({ids}); keep one and delete the others.",
                    n=len(inputs),
                    ids=list(inputs),
                ),
                inputs,
            )
        )

    # cycles
    cycles = _cycles(spec, leftover, succ)
    for comp in cycles:
        errors.append(
            CycleError(
                Text(
                    "Cycle through {path}: data must flow one way from input to output; "
                    "remove one of these connections.",
                    path=" -> ".join(comp),
                ),
                comp,
            )
        )
    in_cycle = {nid for comp in cycles for nid in comp}

    # inputs per node, dangling nodes
    n_in = {nid: 0 for nid in nodes}
    for e in spec.edges:
        if e.dst in n_in and e.src in nodes:
            n_in[e.dst] += 1
    reachable: set[str] = set()
    stack = list(inputs)
    while stack:
        nid = stack.pop()
        if nid in reachable:
            continue
        reachable.add(nid)
        stack.extend(e.dst for e in spec.edges if e.src == nid and e.dst in nodes)
    for nid, node in nodes.items():
        kind = CATALOG.get(node.kind) if isinstance(node.kind, str) else None
        if kind is None:
            continue
        count = n_in[nid]
        if node.kind != "input" and count == 0:
            errors.append(
                DanglingNodeError(
                    Text(
                        "'{id}' ({layer}) has no input: connect a layer into it or delete it.",
                        id=nid,
                        layer=kind.name,
                    ),
                    (nid,),
                )
            )
            continue
        if count < kind.min_inputs or (kind.max_inputs is not None and count > kind.max_inputs):
            errors.append(ArityError(_arity_message(nid, kind.name, count, kind), (nid,)))
        if inputs and nid not in reachable and nid not in in_cycle:
            errors.append(
                DanglingNodeError(
                    Text(
                        "'{id}' ({layer}) is not connected to the input: wire it into the "
                        "network or delete it.",
                        id=nid,
                        layer=kind.name,
                    ),
                    (nid,),
                )
            )

    # outputs
    output: str | None = None
    if inputs and not cycles:
        has_out = {e.src for e in spec.edges if e.dst in nodes}
        sinks = [nid for nid in nodes if nid in reachable and nid not in has_out]
        if len(sinks) > 1:
            errors.append(
                OutputError(
                    Text(
                        "The network has {n} outputs ({ids}) but needs exactly one: merge the "
                        "branches with Add or Concatenate, or delete the extra ones.",
                        n=len(sinks),
                        ids=list(sinks),
                    ),
                    sinks,
                )
            )
        elif len(sinks) == 1 and nodes[sinks[0]].kind == "input" and len(inputs) == 1:
            errors.append(
                OutputError(
                    Text(
                        "'{id}' is not connected to any layer, so the network has no output: "
                        "add a Dense layer after it.",
                        id=sinks[0],
                    ),
                    sinks,
                )
            )
        elif len(sinks) == 1:
            output = sinks[0]

    single = inputs[0] if len(inputs) == 1 else None
    return errors, StructureInfo(single, output)


def _arity_message(nid: str, name: str, count: int, kind) -> Text:
    if kind.max_inputs == 0:
        return Text(
            "'{id}' ({layer}) cannot have inputs; remove the connections into it.",
            id=nid,
            layer=name,
        )
    if kind.max_inputs is None:
        need = Text("at least {n}", n=kind.min_inputs)
    elif kind.min_inputs == kind.max_inputs:
        need = Text("exactly {n}", n=kind.min_inputs)
    else:
        need = Text("{lo} to {hi}", lo=kind.min_inputs, hi=kind.max_inputs)
    fix = (
        Text("connect another layer into it")
        if count < kind.min_inputs
        else Text("remove the extra connections (merge them first with Add or Concatenate)")
    )
    if count == 1:
        return Text(
            "'{id}' ({layer}) has {count} input but needs {need}: {fix}.",
            id=nid,
            layer=name,
            count=count,
            need=need,
            fix=fix,
        )
    return Text(
        "'{id}' ({layer}) has {count} inputs but needs {need}: {fix}.",
        id=nid,
        layer=name,
        count=count,
        need=need,
        fix=fix,
    )


def _loss_errors(
    out: str, width: int | None, act: str, loss: str, task: str | None, n_classes: int | None
) -> list[GraphError]:
    def err(msg: Text) -> LossMismatchError:
        return LossMismatchError(msg, (out,))

    if loss not in CLASSIFICATION_LOSSES + REGRESSION_LOSSES:
        known = list(CLASSIFICATION_LOSSES + REGRESSION_LOSSES)
        return [err(Text("Unknown loss {loss!r}; choose one of {known}.", loss=loss, known=known))]
    problems: list[GraphError] = []
    units = Text("{n} unit", n=width) if width == 1 else Text("{n} units", n=width)
    if loss in CLASSIFICATION_LOSSES and task == "regression":
        return [
            err(
                Text(
                    "The loss {loss} is for classification but the dataset is a regression "
                    "task: use mse, mae or huber.",
                    loss=loss,
                )
            )
        ]
    if loss == "cce":
        if width is not None and width < 2:
            target = n_classes if n_classes and n_classes >= 2 else 2
            problems.append(
                err(
                    Text(
                        "Categorical cross-entropy (cce) needs one output unit per class but "
                        "'{out}' has {units}: set its units to {target}, or use bce with one "
                        "sigmoid unit for two classes.",
                        out=out,
                        units=units,
                        target=target,
                    )
                )
            )
        elif width is not None and n_classes is not None and width != n_classes:
            problems.append(
                err(
                    Text(
                        "'{out}' has {units} but the dataset has {n} classes: set its units "
                        "to {n}.",
                        out=out,
                        units=units,
                        n=n_classes,
                    )
                )
            )
        if act not in ("softmax", "linear"):
            problems.append(
                err(
                    Text(
                        "With cce the output '{out}' must end in softmax (or linear logits), "
                        "not {act}: change its activation to softmax.",
                        out=out,
                        act=act,
                    )
                )
            )
    elif loss in ("bce", "bce_logits"):
        if task == "multiclass" or (n_classes is not None and n_classes > 2):
            if n_classes:
                msg = Text(
                    "{loss} is for two classes but the dataset has {k} classes: use cce "
                    "with {k} softmax output units.",
                    loss=loss,
                    k=n_classes,
                )
            else:
                msg = Text(
                    "{loss} is for two classes but the dataset has several classes: use cce "
                    "with several softmax output units.",
                    loss=loss,
                )
            return [err(msg)]
        if width is not None and width != 1:
            problems.append(
                err(
                    Text(
                        "{loss} needs exactly 1 output unit but '{out}' has {units}: set its "
                        "units to 1 (or use cce with one unit per class).",
                        loss=loss,
                        out=out,
                        units=units,
                    )
                )
            )
        want = "sigmoid" if loss == "bce" else "linear"
        if act != want:
            alt = (
                Text("or use bce_logits with a linear output")
                if loss == "bce"
                else Text("or use bce with a sigmoid output")
            )
            problems.append(
                err(
                    Text(
                        "With {loss} the output '{out}' must use {want}, not {act}: change "
                        "its activation to {want} ({alt}).",
                        loss=loss,
                        out=out,
                        want=want,
                        act=act,
                        alt=alt,
                    )
                )
            )
    else:
        if task == "multiclass":
            if n_classes:
                msg = Text(
                    "{loss} is a regression loss but the dataset has {k} classes: use cce.",
                    loss=loss,
                    k=n_classes,
                )
            else:
                msg = Text(
                    "{loss} is a regression loss but the dataset has several classes: use cce.",
                    loss=loss,
                )
            return [err(msg)]
        if width is not None and width != 1:
            problems.append(
                err(
                    Text(
                        "The dataset has 1 target but '{out}' has {units}: set its units to 1.",
                        out=out,
                        units=units,
                    )
                )
            )
        if act == "softmax":
            problems.append(
                err(
                    Text(
                        "'{out}' ends in softmax, which cannot fit a regression target: use a "
                        "linear activation.",
                        out=out,
                    )
                )
            )
    return problems


def loss_findings(
    spec: NetworkSpec,
    out: str,
    width: int | None,
    activations: Mapping[str, str],
    params: Mapping[str, Mapping[str, Any] | None],
    loss: str,
    task: str | None,
    n_classes: int | None,
    pass_through: frozenset[str],
) -> tuple[list[GraphError], list[GraphError]]:
    """Errors and warnings of the output node ``out`` against ``loss`` and the dataset.

    ``activations`` is the analysis' activation each node ends with (through Dropout and
    linear Activation nodes).
    """
    act = activations.get(out, "linear")
    errors = _loss_errors(out, width, act, loss, task, n_classes)
    warnings: list[GraphError] = []
    if loss != "cce" or act != "softmax" or errors:
        return errors, warnings
    node = spec.nodes[out]
    own = (params.get(out) or {}).get("activation")
    if node.kind in ("dense", "activation") and own == "softmax":
        warnings.append(
            SoftmaxCrossEntropyWarning(
                Text(
                    "'{out}' ends in softmax and the loss is categorical cross-entropy: NN "
                    "Studio fuses the two (it trains on the logits with a stable log-softmax, "
                    "the softmax is applied once). The exported model outputs probabilities; "
                    "if you train it elsewhere with a cross-entropy that expects logits (like "
                    "torch.nn.CrossEntropyLoss), remove the softmax there.",
                    out=out,
                ),
                (out,),
            )
        )
        return errors, warnings
    chain = [out]
    nid = out
    while spec.nodes[nid].kind in pass_through or (
        spec.nodes[nid].kind == "activation"
        and (params.get(nid) or {}).get("activation") == "linear"
    ):
        ins = spec.inputs_of(nid)
        if len(ins) != 1:
            break
        nid = ins[0]
        chain.append(nid)
    between = ", ".join(f"'{c}'" for c in chain[:-1])
    errors.append(
        LossMismatchError(
            Text(
                "The softmax of '{source}' is followed by {between}, so the output is not "
                "the softmax itself and categorical cross-entropy would apply a second "
                "softmax: move the softmax after {between} (or delete {between}).",
                source=chain[-1],
                between=between,
            ),
            tuple(chain),
        )
    )
    return errors, warnings
