"""``nnstudio new``, ``info`` and ``validate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from nnstudio.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    CLIError,
    _fmt,
    _load,
    _output,
    _prefetch,
    _save,
)
from nnstudio.errors import NNStudioError


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io import make_template

    if args.csv is None and args.target is not None:
        raise CLIError("--target needs --csv FILE (the table whose column it names)")
    default = f"{Path(args.csv).stem if args.csv else args.template}.nnstudio"
    target = _output(args.output, default, what="project")
    if target.exists() and not args.force:
        raise CLIError(f"{target} already exists; use --force to overwrite it")
    if args.csv is not None:
        from nnstudio.io.templates import project_from_csv

        project = project_from_csv(args.csv, args.target, target)
        source = f"from {args.csv}, target '{project.data.target_column or 'last column'}'"
    else:
        project = make_template(args.template)
        source = f"template '{args.template}'"
    _save(project, target)
    print(f"wrote {target} ({source})", file=out)
    return EXIT_OK


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.data import TABLES
    from nnstudio.graph import infer_shapes, param_counts

    project = _load(args.project)
    spec = project.network
    n_features = _input_units(spec)
    try:
        shapes = infer_shapes(spec, n_features) if n_features else {}
    except NNStudioError:
        shapes = {}
    try:
        counts = param_counts(spec)
    except NNStudioError:
        counts = {}
    rows = []
    for node_id, node in spec.nodes.items():
        shape = shapes.get(node_id)
        rows.append(
            (
                node_id,
                node.kind,
                _node_detail(node),
                "?" if shape is None else str(tuple(shape)),
                str(counts.get(node_id, "?")),
                ", ".join(spec.inputs_of(node_id)) or "-",
            )
        )
    header = ("node", "kind", "settings", "output", "params", "inputs")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    total = sum(v for v in counts.values() if isinstance(v, int))

    def field(label: str, text: str) -> None:
        print(f"{label:<10}{text}", file=out)

    field("project", project.name)
    field("file", args.project)
    field("state", _state(project))
    print(f"\nnetwork   {len(rows)} layer{'s' if len(rows) != 1 else ''}", file=out)
    for row in [header, *rows]:
        cells = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        print(("  " + cells).rstrip(), file=out)
    print(f"  total parameters: {total}\n", file=out)

    d = project.data
    t = project.training
    if d.name == "csv":
        target = "last column" if d.target_column is None else f"column {d.target_column!r}"
        field("data", f"csv {d.csv_path} (target: {target}), train ratio {d.train_ratio}")
        choices = [f"missing values: {d.missing}"]
        choices += [f"{name}: {kind}" for name, kind in d.column_types.items()]
        field("", ", ".join(choices))
    elif d.name in TABLES:
        table = TABLES[d.name]
        classes = f"{table.n_classes} classes" if table.task != "regression" else "regression"
        field(
            "data",
            f"{d.name} (bundled table, {len(table.feature_names)} features, {classes}), "
            f"train ratio {d.train_ratio}, seed {d.seed}",
        )
    else:
        classes = f", {d.n_classes} classes" if d.name in ("blobs", "spiral_multi") else ""
        field(
            "data",
            f"{d.name}{classes}, {d.n_points} points, noise {d.noise}, "
            f"train ratio {d.train_ratio}, seed {d.seed}",
        )
        field("features", ", ".join(d.features))
    field("inputs", "standardized (fitted on the training split)" if d.standardize else "raw")
    batch = "full" if t.batch_size is None else str(t.batch_size)
    epochs = "unlimited" if t.epochs is None else str(t.epochs)
    field("training", f"loss {t.loss}, optimizer {t.optimizer}, learning rate {t.learning_rate}")
    field("", f"batch size {batch}, epochs {epochs}, seed {t.seed}, dtype {t.dtype}")
    extras = [f"schedule {t.schedule}"] + [f"{k} {v}" for k, v in t.schedule_params.items()]
    extras += [f"{k} {v}" for k, v in t.optimizer_params.items()]
    extras += [f"{k} {v}" for k, v in (("l1", t.l1), ("l2", t.l2)) if v]
    if t.clip_norm:
        extras.append(f"clip norm {t.clip_norm}")
    field("", ", ".join(extras))
    return EXIT_OK


def _state(project) -> str:
    """``untrained`` / ``trained for N epochs: ...`` / ``has imported weights``."""
    if project.weights is None:
        return "untrained"
    if not project.history:
        return "has weights, no training history (imported, or stopped in epoch 1)"
    last = project.history[-1]
    n = last.get("epoch", len(project.history))
    summary = f"trained for {n} epoch{'s' if n != 1 else ''}"
    metrics = [
        f"{key.replace('_', ' ')} {_fmt(last[key])}"
        for key in ("train_loss", "test_loss", "test_accuracy", "test_rmse")
        if isinstance(last.get(key), int | float)
    ]
    return summary + (": " + ", ".join(metrics) if metrics else "")


def _input_units(spec) -> int | None:
    for node in spec.nodes.values():
        if node.kind == "input":
            units = node.params.get("units")
            return units if isinstance(units, int) else None
    return None


def _node_detail(node) -> str:
    from nnstudio.graph import fill_node_params

    try:
        p = fill_node_params(node.kind, node.params)
    except NNStudioError:  # shown as stored; `validate` explains what is wrong
        p = node.params if isinstance(node.params, dict) else {}
    if node.kind == "input":
        return f"units={p.get('units')}"
    if node.kind == "dense":
        text = f"units={p.get('units')} {_activation(p)}"
        return text if p.get("use_bias") else text + " no-bias"
    if node.kind == "activation":
        return _activation(p)
    if node.kind == "dropout":
        return f"rate={p.get('rate')}"
    if node.kind == "batchnorm":
        return f"momentum={p.get('momentum')} eps={p.get('eps')}"
    return ""


def _activation(params: dict) -> str:
    """``relu``, ``leaky_relu(slope=0.01)``: the activation and the catalog's parameters of
    that activation, read from the node's filled ``params``."""
    from nnstudio.graph import ACTIVATION_PARAMS

    name = str(params.get("activation"))
    own = [f"{s.name}={params.get(s.name)}" for s in ACTIVATION_PARAMS.get(name, ())]
    return f"{name}({', '.join(own)})" if own else name


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.data import make_dataset
    from nnstudio.graph import analyse, validate

    project = _load(args.project)
    _prefetch(project)
    problems: list[str] = []
    try:
        dataset = make_dataset(project.data_settings())
    except NNStudioError as exc:
        problems.append(f"data: {exc}")
        dataset = None
    kwargs = {"loss": project.training.loss}
    if dataset is not None:
        kwargs.update(n_features=dataset.n_features, task=dataset.task, n_classes=dataset.n_classes)
    for err in validate(project.network, **kwargs):
        problems.append(str(err))
    if not problems:
        problems += _memory_problems(project, dataset)
    shape = None if dataset is None else (int(dataset.n_features),)
    more = {k: v for k, v in kwargs.items() if k != "n_features"}  # validate's analysis
    for warning in analyse(project.network, shape, **more).warnings:
        print(f"note: {warning}", file=sys.stderr)  # does not block training
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        plural = "s" if len(problems) != 1 else ""
        print(f"{args.project}: {len(problems)} problem{plural}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{args.project}: valid", file=out)
    return EXIT_OK

def _memory_problems(project, dataset) -> list[str]:
    """``[message]`` if training ``project`` on ``dataset`` would not fit in memory."""
    from nnstudio.graph.memory import check_training_memory

    try:
        check_training_memory(
            project.network,
            project.training,
            n_features=dataset.n_features,
            n_train=len(dataset.y_train),
            n_test=len(dataset.y_test),
        )
    except NNStudioError as exc:
        return [str(exc)]
    return []
