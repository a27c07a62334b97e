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


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None


def _fmt(value: float | None, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def _load(path: str):
    from nnstudio.io import load_project

    return load_project(path)


def _save(project, path: str | Path) -> None:
    from nnstudio.io import save_project

    save_project(project, path)


# ---------------------------------------------------------------------------------------
# commands


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io import make_template

    target = Path(args.output or f"{args.template}.nnstudio")
    if target.exists() and not args.force:
        raise CLIError(f"{target} already exists; use --force to overwrite it")
    project = make_template(args.template)
    _save(project, target)
    print(f"wrote {target} (template '{args.template}')", file=out)
    return EXIT_OK


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
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
    print(f"project   {project.name}", file=out)
    print(f"file      {args.project}", file=out)
    rows = []
    for node_id, node in spec.nodes.items():
        shape = shapes.get(node_id)
        detail = _node_detail(node)
        rows.append(
            (
                node_id,
                node.kind,
                detail,
                "?" if shape is None else str(tuple(shape)),
                str(counts.get(node_id, "?")),
                ", ".join(spec.inputs_of(node_id)),
            )
        )
    header = ("node", "kind", "settings", "output", "params", "inputs")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("", file=out)
    for row in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)
    total = sum(v for v in counts.values() if isinstance(v, int))
    print(f"\ntotal parameters: {total}", file=out)

    d = project.data
    t = project.training
    print("\ndata", file=out)
    print(
        f"  dataset {d.name}, {d.n_points} points, noise {d.noise}, "
        f"train ratio {d.train_ratio}, seed {d.seed}",
        file=out,
    )
    print(f"  features {', '.join(d.features)}; standardize {d.standardize}", file=out)
    print("training", file=out)
    batch = "full" if t.batch_size is None else str(t.batch_size)
    epochs = "unlimited" if t.epochs is None else str(t.epochs)
    print(
        f"  loss {t.loss}, optimizer {t.optimizer}, learning rate {t.learning_rate}, "
        f"schedule {t.schedule}",
        file=out,
    )
    print(
        f"  batch size {batch}, epochs {epochs}, l1 {t.l1}, l2 {t.l2}, seed {t.seed}, "
        f"dtype {t.dtype}",
        file=out,
    )
    if project.weights is None:
        print("state     untrained", file=out)
    else:
        last = project.history[-1] if project.history else {}
        summary = f"trained, {len(project.history)} epochs"
        for key in ("train_loss", "test_loss", "test_accuracy", "test_rmse"):
            if isinstance(last.get(key), int | float):
                summary += f", {key} {last[key]:.4f}"
        print(f"state     {summary}", file=out)
    return EXIT_OK


def _input_units(spec) -> int | None:
    for node in spec.nodes.values():
        if node.kind == "input":
            units = node.params.get("units")
            return units if isinstance(units, int) else None
    return None


def _node_detail(node) -> str:
    p = node.params
    if node.kind in ("input",):
        return f"units={p.get('units')}"
    if node.kind == "dense":
        return f"units={p.get('units')} {p.get('activation')}"
    if node.kind == "activation":
        return str(p.get("activation"))
    if node.kind == "dropout":
        return f"rate={p.get('rate')}"
    return ""


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.data import make_dataset
    from nnstudio.graph import validate

    project = _load(args.project)
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
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{args.project}: {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_ERROR
    print(f"{args.project}: valid", file=out)
    return EXIT_OK


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.session import Session

    project = _load(args.project)
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
    session = Session.from_project(project, init_weights=args.init_weights)
    output = Path(args.output or args.project)

    epochs = project.training.epochs
    is_tty = out.isatty() and not args.quiet
    every = args.every or max(1, (epochs or 100) // 20)
    regression = session.task == "regression"
    columns = LOG_COLUMNS + (REGRESSION_LOG_COLUMNS if regression else [])
    log_file = None
    writer = None
    if args.log:
        log_file = open(args.log, "w", newline="", encoding="utf-8")  # noqa: SIM115
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
    report = None
    try:
        while epochs is None or done < epochs:
            report = session.train_epoch()
            done += 1
            if writer is not None:
                writer.writerow(_log_row(session.history[-1], columns))
            elapsed = time.perf_counter() - start
            rate = done / elapsed if elapsed > 0 else float("inf")
            line = _progress(session.history[-1], regression, rate)
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
    finally:
        if log_file is not None:
            log_file.close()
    if is_tty:
        out.write("\n")
    if interrupted and not args.quiet:
        print(f"interrupted after {done} epochs; saving", file=out)
    trained = session.store()
    _save(trained, output)
    if not args.quiet:
        final = ""
        if report is not None:
            final = " (" + _progress(session.history[-1], regression, None) + ")"
        print(f"saved {output}{final}", file=out)
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


def _read_inputs(path: str) -> np.ndarray:
    p = Path(path)
    if not p.is_file():
        raise CLIError(f"input file not found: {p}")
    if p.suffix.lower() == ".npy":
        try:
            x = np.load(p, allow_pickle=False)
        except Exception as exc:  # numpy raises several kinds on damaged files
            raise CLIError(f"cannot read {p}: not a valid .npy file ({exc})") from exc
    else:
        x = _read_csv_matrix(p)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    if x.ndim != 2 or x.shape[0] == 0:
        raise CLIError(f"{p}: expected a table of rows (n, features), got shape {x.shape}")
    if x.dtype.kind not in "fiu":
        raise CLIError(f"{p}: inputs must be numbers, got dtype {x.dtype}")
    x = x.astype(np.float64)
    if not np.all(np.isfinite(x)):
        raise CLIError(f"{p}: inputs contain NaN or infinite values")
    return x


def _read_csv_matrix(path: Path) -> np.ndarray:
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = [row for row in csv.reader(fh) if row and any(c.strip() for c in row)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CLIError(f"cannot read {path} as CSV ({exc})") from exc
    if not rows:
        raise CLIError(f"{path} holds no rows")
    if not _is_numeric_row(rows[0]):
        rows = rows[1:]  # header
    width = len(rows[0]) if rows else 0
    values = []
    for i, row in enumerate(rows, start=1):
        if len(row) != width:
            raise CLIError(f"{path}: row {i} has {len(row)} values, expected {width}")
        try:
            values.append([float(c) for c in row])
        except ValueError:
            raise CLIError(f"{path}: row {i} holds a value that is not a number") from None
    if not values:
        raise CLIError(f"{path} holds a header but no rows")
    return np.asarray(values, dtype=np.float64)


def _is_numeric_row(row: list[str]) -> bool:
    try:
        [float(c) for c in row]
    except ValueError:
        return False
    return True


def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.session import Predictor

    project = _load(args.project)
    predictor = Predictor(project)
    x = _read_inputs(args.input)
    outputs = predictor.predict_raw(x)
    if predictor.task == "regression":
        names = ["y"] if outputs.shape[1] == 1 else [f"y{i}" for i in range(outputs.shape[1])]
        table = outputs
        labels = None
    else:
        table = predictor.probabilities(outputs)
        names = [f"p{i}" for i in range(table.shape[1])]
        labels = table.argmax(axis=1)
    target = Path(args.output)
    with open(target, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(names + (["class"] if labels is not None else []))
        for i, row in enumerate(table):
            cells = [repr(float(v)) for v in row]
            if labels is not None:
                cells.append(str(int(labels[i])))
            writer.writerow(cells)
    print(f"wrote {len(table)} predictions to {target}", file=out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io.export import export_project

    project = _load(args.project)
    warnings = export_project(project, args.format, args.output) or []
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"exported {args.project} as {args.format} to {args.output}", file=out)
    return EXIT_OK


def cmd_import_weights(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io import apply_weights, load_weights_file

    project = _load(args.project)
    weights = load_weights_file(args.weights)
    updated = apply_weights(project, weights)
    target = Path(args.output or args.project)
    _save(updated, target)
    print(f"imported {len(weights)} tensors from {args.weights} into {target}", file=out)
    return EXIT_OK


# ---------------------------------------------------------------------------------------
# parser

_UNSET = object()
EXPORT_FORMATS = ("npz", "safetensors", "onnx", "pytorch", "numpy")


def _export_formats() -> tuple[str, ...]:
    try:
        from nnstudio.io.export import FORMATS
    except Exception:  # the export package may be unavailable; keep the CLI usable
        return EXPORT_FORMATS
    return tuple(FORMATS)


def build_parser() -> argparse.ArgumentParser:
    from nnstudio.io import DEFAULT_TEMPLATE, TEMPLATES

    parser = argparse.ArgumentParser(
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
    p.add_argument("--learning-rate", "--lr", type=float, help="learning rate")
    p.add_argument("--init-weights", help="start from weights in a .npz or .safetensors file")
    p.add_argument(
        "--fresh", action="store_true", help="ignore the project's weights; start from scratch"
    )
    p.add_argument("-o", "--output", help="where to save (default: overwrite PROJECT)")
    p.add_argument("--log", help="write per-epoch metrics to this CSV file")
    p.add_argument("--every", type=_positive_int, help="when piped, print a line every N epochs")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("predict", help="run a trained project on inputs from a file")
    p.add_argument("project")
    p.add_argument("--input", "-i", required=True, help="inputs: X.csv or X.npy (raw features)")
    p.add_argument("-o", "--output", required=True, help="CSV file to write")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("export", help="export the network to another format")
    p.add_argument("project")
    p.add_argument("--format", "-f", required=True, choices=list(_export_formats()))
    p.add_argument("-o", "--output", required=True, help="file (or folder) to write")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-weights", help="load weights from .npz/.safetensors into a project")
    p.add_argument("project")
    p.add_argument("weights", help="a .npz or .safetensors file")
    p.add_argument("-o", "--output", help="where to save (default: overwrite PROJECT)")
    p.set_defaults(func=cmd_import_weights)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 error, 2 usage error)."""
    stream = out if out is not None else sys.stdout
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


def _os_message(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"{what}: {os.fsdecode(exc.filename)}"
    return what


if __name__ == "__main__":
    sys.exit(main())
