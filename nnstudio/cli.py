"""The headless command line: ``nnstudio <command> ...`` (see ``docs/cli.md``).

Every user error prints ``error: <message>`` to stderr and exits 1 (usage errors exit 2);
no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

import nnstudio
from nnstudio.errors import NNStudioError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

LOG_COLUMNS = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
REGRESSION_LOG_COLUMNS = ["train_rmse", "test_rmse"]
TTY_REFRESH_S = 0.1


class CLIError(NNStudioError):
    """A command-line request that cannot be carried out (bad input file, existing output)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``error: ...`` line (with a pointer to --help)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"error: {message} (see '{self.prog} --help')\n")


# ---------------------------------------------------------------------------------------
# helpers


def _batch_size(text: str) -> int | None:
    """``full`` -> None (the whole training split), else a positive whole number."""
    if text.strip().lower() == "full":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"batch size must be a positive whole number or 'full', not {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"batch size must be at least 1, not {value}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, not {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, not {text}")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None


def _fmt(value: float | None, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if abs(value) >= 1e5 or 0 < abs(value) < 0.5 * 10**-digits:
        return f"{value:.{digits}e}"  # 2.1237e+09 / 3.1416e-06, not 2123728740.3712 / 0.0000
    return f"{value:.{digits}f}"


def _check_output(path: str | Path) -> Path:
    """``path`` as a Path; raises CLIError unless a file can be written there.

    Checked before any work is done, so a long training run never ends in a failed save.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise CLIError(f"cannot write {target}: it is a folder; give a file name")
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist; create it first"
        raise CLIError(f"cannot write {target}: {folder} {why}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise CLIError(f"cannot write {target}: permission denied; choose a place you can write to")
    return target


def _output(value: str | None, default: str | None, inputs=(), what: str = "output") -> Path:
    """The output path: ``value`` (an empty one is an error), else ``default``; refused if
    it is one of ``inputs`` (paths or ``(label, path)``), then checked by _check_output."""
    from nnstudio.io.paths import check_output_path

    chosen = default if value is None else value
    return _check_output(check_output_path(chosen, inputs, what=what))


def _dataset_input(project) -> tuple[str, str] | None:
    """``("dataset", csv path)`` of a CSV project, for output checks; else None."""
    if project.data.name != "csv" or not project.data.csv_path:
        return None
    return ("dataset", project.data_settings().csv_path)


def _load(path: str):
    from nnstudio.io import load_project

    return load_project(path)


def _prefetch(project) -> None:
    """Download the project's image dataset first if needed (progress line on stderr)."""
    from nnstudio.cli_download import prefetch

    prefetch(project)


def _save(project, path: str | Path) -> None:
    from nnstudio.io import save_project

    save_project(project, path)


# ---------------------------------------------------------------------------------------
# commands


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


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.engine import DivergenceError
    from nnstudio.io.atomic import AtomicFile
    from nnstudio.session import Session

    weights_in = ("weights file", args.init_weights)
    output = _output(args.output, args.project, [weights_in], what="trained project")
    if args.log is not None:
        _output(
            args.log,
            None,
            [("project", args.project), ("trained project", output), weights_in],
            what="log",
        )
    project = _load(args.project)
    _output(str(output), None, [_dataset_input(project)], what="trained project")
    if args.log is not None:
        _output(args.log, None, [_dataset_input(project)], what="log")
    if args.seed is not None:
        project.training.seed = args.seed
    if args.epochs is not None:
        project.training.epochs = args.epochs
    if args.batch_size is not _UNSET:
        project.training.batch_size = args.batch_size
    if args.learning_rate is not None:
        project.training.learning_rate = args.learning_rate
    if args.dtype is not None:
        project.training.dtype = args.dtype
    if args.fresh:
        project.weights = None
        project.history = []
    _prefetch(project)
    session = Session.from_project(project, init_weights=args.init_weights)
    from nnstudio import cli_insight

    # the one training loop (budget fixed here), its weights kept for the app's replay
    rows = cli_insight.recording(session, session.run(args.epochs), args)
    run_rows: list[dict] = []  # this run's epochs, for its diagnosis and run record
    epochs = session.trainer.epochs_left()
    for note in session.trainer.notes:
        print(f"note: {note}", file=sys.stderr)
    is_tty = out.isatty() and not args.quiet
    every = args.every or max(1, (epochs or 100) // 20)
    regression = session.task == "regression"
    columns = LOG_COLUMNS + (REGRESSION_LOG_COLUMNS if regression else [])
    log_file = None
    writer = None
    if args.log:
        log_file = AtomicFile(args.log, "w", newline="", encoding="utf-8")  # closed below
        writer = csv.writer(log_file)
        writer.writerow(columns)

    target = "until Ctrl+C" if epochs is None else f"{epochs} epochs"
    if not args.quiet:
        print(
            f"training {project.name}: {session.network.n_params} parameters, "
            f"{len(session.dataset.y_train)} training points, {target}",
            file=out,
        )
    start = time.perf_counter()
    done = 0
    drawn = -1.0
    interrupted = False
    diverged: DivergenceError | None = None
    try:
        for row in rows:
            done += 1
            run_rows.append(row)
            if writer is not None:
                writer.writerow(_log_row(row, columns))
            elapsed = time.perf_counter() - start
            rate = done / elapsed if elapsed > 0 else float("inf")
            line = _progress(row, regression, rate)
            if args.quiet:
                continue
            if is_tty:
                last = epochs is not None and done == epochs
                if last or elapsed - drawn >= TTY_REFRESH_S:  # redraw at most ~10 times/s
                    drawn = elapsed
                    out.write("\r" + line + "\x1b[K")
                    out.flush()
            elif done % every == 0 or (epochs is not None and done == epochs):
                print(line, file=out)
    except KeyboardInterrupt:
        interrupted = True
    except DivergenceError as exc:  # also DegradedError; the run's best weights are kept
        diverged = exc
    finally:
        if log_file is not None:
            log_file.close()
    if is_tty and (done or diverged is None):
        out.write("\n")
    failure = None if diverged is None else str(diverged)
    findings = cli_insight.findings_of(session, run_rows, failure)
    if diverged is not None:
        trained = session.store()
        cli_insight.record_run(
            project,
            trained,
            run_rows,
            session.best_epoch,
            f"failed: {diverged}",
            findings,
            args.snapshots,
        )
        _save(trained, output)
        if not args.quiet:
            cli_insight.print_findings(findings, out)
        raise CLIError(f"{diverged} Saved those weights to {output}.") from diverged
    if interrupted and not args.quiet:
        print(f"interrupted after {done} epochs; saving", file=out)
    if args.restore_best:
        cli_insight.restore_best(session, out, args.quiet)
    trained = session.store()
    cli_insight.record_run(
        project,
        trained,
        run_rows,
        session.best_epoch,
        "stopped" if interrupted else "finished",
        findings,
        args.snapshots,
    )
    _save(trained, output)
    if not args.quiet:
        final = ""
        if done:
            final = " (" + _progress(session.history[-1], regression, None) + ")"
        print(f"saved {output}{final}", file=out)
        cli_insight.print_findings(findings, out)
    return EXIT_OK


def _progress(row: dict, regression: bool, rate: float | None) -> str:
    parts = [f"epoch {row.get('epoch')}", f"loss {_fmt(row.get('train_loss'))}"]
    parts.append(f"test loss {_fmt(row.get('test_loss'))}")
    if regression:
        parts.append(f"test rmse {_fmt(row.get('test_rmse'))}")
    else:
        parts.append(f"acc {_fmt(row.get('train_accuracy'), 3)}")
        parts.append(f"test acc {_fmt(row.get('test_accuracy'), 3)}")
    if rate is not None:
        parts.append(f"{rate:.0f} epochs/s" if rate >= 10 else f"{rate:.1f} epochs/s")
    return "  ".join(parts)


def _log_row(row: dict, columns: list[str]) -> list[str]:
    cells = []
    for col in columns:
        value = row.get(col)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            cells.append("")
        elif isinstance(value, float):
            cells.append(repr(value))
        else:
            cells.append(str(value))
    return cells


def _read_inputs(path: str, encoding=None, image_shape=None) -> np.ndarray:
    """A ``.npy`` array or a CSV (optional header row; encoded with the project's table
    ``encoding`` if it has one, else all numbers) -> (n, columns) float64.

    ``image_shape``: the network's input (channels, height, width) if it takes images; a
    ``.npy`` of images (n, c, h, w) of that shape is read as flat rows (C order)."""
    from nnstudio.data.files import MAX_CSV_BYTES, check_regular_file

    p = Path(path)
    if p.is_dir():
        raise CLIError(f"{p} is a folder; give a .csv or .npy file of inputs")
    if not p.exists():
        raise CLIError(f"input file not found: {p}")
    check_regular_file(p, MAX_CSV_BYTES, what="input file")  # no device, pipe or huge file
    if p.suffix.lower() == ".npy":
        try:
            x = np.load(p, allow_pickle=False)
        except Exception as exc:  # numpy raises several kinds on damaged files
            raise CLIError(
                f"cannot read {p}: not a .npy array file (save one with numpy.save)"
            ) from exc
    else:
        from nnstudio.data.inputs import read_new_rows

        x = read_new_rows(p, encoding)  # the datasets' parser and encoding
    if x.ndim > 2:
        if image_shape is None or tuple(x.shape[1:]) != tuple(image_shape):
            dims = ", ".join(map(str, image_shape or ()))
            want = f"images (n, {dims}) or flat rows" if image_shape else "flat rows (n, features)"
            raise CLIError(f"{p}: got an array of shape {x.shape}; the network takes {want}")
        x = x.reshape(x.shape[0], -1)  # the Input node views these rows as images again
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    if x.ndim != 2 or x.shape[0] == 0:
        raise CLIError(f"{p}: expected a table of rows (n, features), got shape {x.shape}")
    if x.dtype.kind not in "fiu":
        raise CLIError(f"{p}: inputs must be numbers, got dtype {x.dtype}")
    x = x.astype(np.float64, copy=False)
    if encoding is None and not np.all(np.isfinite(x)):
        raise CLIError(f"{p}: inputs contain NaN or infinite values")
    return x


def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io.atomic import AtomicFile
    from nnstudio.session import Predictor

    inputs = [("project", args.project), ("input file", args.input)]
    target = _output(args.output, None, inputs, what="predictions")
    project = _load(args.project)
    _output(str(target), None, [_dataset_input(project)], what="predictions")
    if project.weights is not None and project.preprocessor is None:  # else not needed
        _prefetch(project)
    predictor = Predictor(project)
    shape = predictor.network.input_shape
    x = _read_inputs(args.input, predictor.preprocessor.encoding, shape if len(shape) > 1 else None)
    width = predictor.preprocessor.n_raw
    if width is not None and x.shape[1] != width:
        which = "the feature columns it was trained on" if width != 2 else "x1, x2"
        if project.data.name == "csv":
            which = "the feature columns of its CSV, without the target"
        raise CLIError(
            f"{args.input} has {x.shape[1]} column{'s' if x.shape[1] != 1 else ''} "
            f"but the network takes {width} "
            f"({which}), one row per sample"
        )
    from nnstudio.io.predictions import prediction_columns, write_predictions

    outputs = predictor.predict_raw(x)
    del x
    table = outputs if predictor.task == "regression" else predictor.probabilities(outputs)
    names, labels, label_names = prediction_columns(
        table, predictor.task, predictor.preprocessor.class_names
    )
    bad = np.flatnonzero(~np.all(np.isfinite(table), axis=1))
    if bad.size:
        rows = ", ".join(str(int(i) + 1) for i in bad[:5]) + (", ..." if bad.size > 5 else "")
        raise CLIError(
            f"the network gives NaN or infinite outputs for {bad.size} of {len(table)} rows "
            f"(rows {rows}); nothing was written. Check those inputs against the training "
            "data's range, or retrain the network"
        )
    with AtomicFile(target, "w", newline="", encoding="utf-8") as fh:
        digits = 17 if predictor.network.dtype == np.float64 else 9
        write_predictions(fh, names, table, labels, label_names, digits=digits)
    print(f"wrote {len(table)} predictions to {target}", file=out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io.export import export_project
    from nnstudio.io.paths import check_output_path

    folder_formats = getattr(sys.modules["nnstudio.io.export"], "FOLDER_FORMATS", ())
    options = {}
    if args.format in folder_formats:  # a folder (export_project checks it)
        target = check_output_path(args.output, what="export folder")  # not empty
        options["start_weights"] = args.weights or "initial"
    else:
        if args.weights is not None:
            raise CLIError(f"--weights is for {', '.join(folder_formats)} only")
        target = _output(args.output, None, [("project", args.project)], what="export")
    project = _load(args.project)
    warnings = export_project(project, args.format, target, **options) or []
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"exported {args.project} as {args.format} to {args.output}", file=out)
    return EXIT_OK


def cmd_import_weights(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io import apply_weights, load_weights_file

    target = _output(args.output, args.project, [("weights file", args.weights)], what="project")
    project = _load(args.project)
    weights = load_weights_file(args.weights, project.network)  # sizes checked against it
    updated = apply_weights(project, weights)
    _save(updated, target)
    print(f"imported {len(weights)} tensors from {args.weights} into {target}", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------------------------
# parser

_UNSET = object()


def build_parser() -> argparse.ArgumentParser:
    from nnstudio import cli_insight, cli_lessons
    from nnstudio.io import DEFAULT_TEMPLATE, TEMPLATES
    from nnstudio.io.export import FORMATS

    parser = _Parser(
        prog="nnstudio",
        description="NN Studio: design, train and export neural networks. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"nnstudio {nnstudio.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("new", help="create a project from a template")
    p.add_argument(
        "--template",
        "-t",
        default=DEFAULT_TEMPLATE,
        choices=list(TEMPLATES),
        help=f"template (default {DEFAULT_TEMPLATE})",
    )
    p.add_argument("--csv", help="build a ready-to-train project from this CSV table instead")
    p.add_argument("--target", help="with --csv: the column to predict (default: the last)")
    p.add_argument("-o", "--output", help="project file to write (default TEMPLATE.nnstudio)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="show layers, shapes, parameter counts and settings")
    p.add_argument("project")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("validate", help="check a project; exit 0 if valid, else list problems")
    p.add_argument("project")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("train", help="train a project and save the weights")
    p.add_argument("project")
    p.add_argument("--epochs", type=_positive_int, help="number of epochs")
    p.add_argument("--seed", type=_int, help="seed for initial weights and shuffling")
    p.add_argument("--dtype", choices=["float32", "float64"], help="floating-point precision")
    p.add_argument("--batch-size", type=_batch_size, default=_UNSET, help="whole number or 'full'")
    p.add_argument("--learning-rate", "--lr", type=_positive_float, help="learning rate (> 0)")
    p.add_argument("--init-weights", help="start from weights in a .npz or .safetensors file")
    p.add_argument(
        "--fresh", action="store_true", help="ignore the project's weights; start from scratch"
    )
    p.add_argument("-o", "--output", help="where to save (default: overwrite PROJECT)")
    p.add_argument("--log", help="write per-epoch metrics to this CSV file")
    p.add_argument("--every", type=_positive_int, help="when piped, print a line every N epochs")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    cli_insight.add_train_options(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("predict", help="run a trained project on inputs from a file")
    p.add_argument("project")
    p.add_argument("--input", "-i", required=True, help="inputs: X.csv or X.npy (raw features)")
    p.add_argument("-o", "--output", required=True, help="CSV file to write")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("export", help="export the network to another format")
    p.add_argument("project")
    p.add_argument("--format", "-f", required=True, choices=list(FORMATS))
    p.add_argument("-o", "--output", required=True, help="file (or folder) to write")
    p.add_argument(
        "--weights",
        choices=["initial", "trained"],
        help="pytorch-train: start from the seed's initial weights (default) or the project's",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-weights", help="load weights from .npz/.safetensors into a project")
    p.add_argument("project")
    p.add_argument("weights", help="a .npz or .safetensors file")
    p.add_argument("-o", "--output", help="where to save (default: overwrite PROJECT)")
    p.set_defaults(func=cmd_import_weights)
    cli_insight.add_parsers(sub)
    cli_lessons.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 error, 2 usage error)."""
    stream = out if out is not None else sys.stdout
    _escape_unencodable(stream)
    try:
        parser = build_parser()
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help/--version (0) or a usage error (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return args.func(args, stream)
    except NNStudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `nnstudio info x | head`: the reader left; say nothing
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        print(f"error: {_os_message(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still no traceback for the user, unless debugging
        if os.environ.get("NNSTUDIO_DEBUG"):
            raise
        print(
            f"error: internal error ({type(exc).__name__}: {exc}); please report it "
            "(set NNSTUDIO_DEBUG=1 to see the traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _escape_unencodable(stream: TextIO) -> None:
    """Print text the terminal cannot encode (a lone surrogate in a project name, a file
    name that is not UTF-8) as backslash escapes instead of failing."""
    for s in (stream, sys.stderr):
        reconfigure = getattr(s, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError, TypeError):
                pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so flushing at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout may not be a real file (tests)
        pass


def _os_message(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"{what}: {os.fsdecode(exc.filename)}"
    return what


if __name__ == "__main__":
    sys.exit(main())
