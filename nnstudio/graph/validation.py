"""Validation rules of a network description: every problem, each a typed error naming
nodes. :func:`nnstudio.graph.analyse` runs them (``validate`` is a thin wrapper over it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
                    f"'{nid}' has unknown layer kind {node.kind!r}; replace it with one of: "
                    f"{', '.join(CATALOG)}.",
                    (nid,),
                )
            )
            continue
        params = node.params if isinstance(node.params, dict) else {}
        for name in params:
            if name not in {p.name for p in kind.params}:
                errors.append(
                    ParamError(f"{nid}: {kind.name} has no parameter {name!r}; remove it.", (nid,))
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
                    f"The connection {e.src!r} -> {e.dst!r} refers to a node that does not "
                    "exist; delete it.",
                    tuple(n for n in (e.src, e.dst) if n in nodes),
                )
            )

    # inputs
    inputs = [nid for nid, n in nodes.items() if n.kind == "input"]
    if not inputs:
        errors.append(
            NoInputError(
                "The network has no input node: add an Input node from the palette and "
                "connect it to the first layer."
            )
        )
    elif len(inputs) > 1:
        errors.append(
            MultipleInputsError(
                f"The network has {len(inputs)} input nodes ({', '.join(inputs)}); keep one "
                "and delete the others.",
                inputs,
            )
        )

    # cycles
    cycles = _cycles(spec, leftover, succ)
    for comp in cycles:
        errors.append(
            CycleError(
                f"Cycle through {' -> '.join(comp)}: data must flow one way from input to "
                "output; remove one of these connections.",
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
                    f"'{nid}' ({kind.name}) has no input: connect a layer into it or delete it.",
                    (nid,),
                )
            )
            continue
        if count < kind.min_inputs or (kind.max_inputs is not None and count > kind.max_inputs):
            errors.append(ArityError(_arity_message(nid, kind.name, count, kind), (nid,)))
        if inputs and nid not in reachable and nid not in in_cycle:
            errors.append(
                DanglingNodeError(
                    f"'{nid}' ({kind.name}) is not connected to the input: wire it into the "
                    "network or delete it.",
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
                    f"The network has {len(sinks)} outputs ({', '.join(sinks)}) but needs "
                    "exactly one: merge the branches with Add or Concatenate, or delete the "
                    "extra ones.",
                    sinks,
                )
            )
        elif len(sinks) == 1 and nodes[sinks[0]].kind == "input" and len(inputs) == 1:
            errors.append(
                OutputError(
                    f"'{sinks[0]}' is not connected to any layer, so the network has no "
                    "output: add a Dense layer after it.",
                    sinks,
                )
            )
        elif len(sinks) == 1:
            output = sinks[0]

    single = inputs[0] if len(inputs) == 1 else None
    return errors, StructureInfo(single, output)


def _arity_message(nid: str, name: str, count: int, kind) -> str:
    if kind.max_inputs == 0:
        return f"'{nid}' ({name}) cannot have inputs; remove the connections into it."
    if kind.max_inputs is None:
        need = f"at least {kind.min_inputs}"
    elif kind.min_inputs == kind.max_inputs:
        need = f"exactly {kind.min_inputs}"
    else:
        need = f"{kind.min_inputs} to {kind.max_inputs}"
    fix = (
        "connect another layer into it"
        if count < kind.min_inputs
        else "remove the extra connections (merge them first with Add or Concatenate)"
    )
    return f"'{nid}' ({name}) has {count} input{'s' if count != 1 else ''} but needs {need}: {fix}."


def _loss_errors(
    out: str, width: int | None, act: str, loss: str, task: str | None, n_classes: int | None
) -> list[GraphError]:
    def err(msg: str) -> LossMismatchError:
        return LossMismatchError(msg, (out,))

    if loss not in CLASSIFICATION_LOSSES + REGRESSION_LOSSES:
        known = ", ".join(CLASSIFICATION_LOSSES + REGRESSION_LOSSES)
        return [err(f"Unknown loss {loss!r}; choose one of {known}.")]
    problems: list[GraphError] = []
    units = f"{width} unit{'s' if width != 1 else ''}"
    if loss in CLASSIFICATION_LOSSES and task == "regression":
        return [
            err(
                f"The loss {loss} is for classification but the dataset is a regression "
                "task: use mse, mae or huber."
            )
        ]
    if loss == "cce":
        if width is not None and width < 2:
            target = n_classes if n_classes and n_classes >= 2 else 2
            problems.append(
                err(
                    f"Categorical cross-entropy (cce) needs one output unit per class but "
                    f"'{out}' has {units}: set its units to {target}, or use bce with one "
                    "sigmoid unit for two classes."
                )
            )
        elif width is not None and n_classes is not None and width != n_classes:
            problems.append(
                err(
                    f"'{out}' has {units} but the dataset has {n_classes} classes: set its "
                    f"units to {n_classes}."
                )
            )
        if act not in ("softmax", "linear"):
            problems.append(
                err(
                    f"With cce the output '{out}' must end in softmax (or linear logits), "
                    f"not {act}: change its activation to softmax."
                )
            )
    elif loss in ("bce", "bce_logits"):
        if task == "multiclass" or (n_classes is not None and n_classes > 2):
            k = n_classes if n_classes else "several"
            return [
                err(
                    f"{loss} is for two classes but the dataset has {k} classes: use cce "
                    f"with {k} softmax output units."
                )
            ]
        if width is not None and width != 1:
            problems.append(
                err(
                    f"{loss} needs exactly 1 output unit but '{out}' has {units}: set its "
                    "units to 1 (or use cce with one unit per class)."
                )
            )
        want = "sigmoid" if loss == "bce" else "linear"
        if act != want:
            alt = (
                "or use bce_logits with a linear output"
                if loss == "bce"
                else "or use bce with a sigmoid output"
            )
            problems.append(
                err(
                    f"With {loss} the output '{out}' must use {want}, not {act}: change its "
                    f"activation to {want} ({alt})."
                )
            )
    else:
        if task == "multiclass":
            return [
                err(
                    f"{loss} is a regression loss but the dataset has "
                    f"{n_classes or 'several'} classes: use cce."
                )
            ]
        if width is not None and width != 1:
            problems.append(
                err(f"The dataset has 1 target but '{out}' has {units}: set its units to 1.")
            )
        if act == "softmax":
            problems.append(
                err(
                    f"'{out}' ends in softmax, which cannot fit a regression target: use a "
                    "linear activation."
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
                f"'{out}' ends in softmax and the loss is categorical cross-entropy: NN "
                "Studio fuses the two (it trains on the logits with a stable log-softmax, "
                "the softmax is applied once). The exported model outputs probabilities; "
                "if you train it elsewhere with a cross-entropy that expects logits (like "
                "torch.nn.CrossEntropyLoss), remove the softmax there.",
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
            f"The softmax of '{chain[-1]}' is followed by {between}, so the output is not "
            "the softmax itself and categorical cross-entropy would apply a second softmax: "
            f"move the softmax after {between} (or delete {between}).",
            tuple(chain),
        )
    )
    return errors, warnings
