"""``nnstudio train``: the one training loop (``Session.run``) with progress, log and
the end-of-run diagnosis."""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from typing import TextIO

from nnstudio.cli.common import (
    _UNSET,
    EXIT_OK,
    CLIError,
    _dataset_input,
    _fmt,
    _load,
    _output,
    _prefetch,
    _save,
)

LOG_COLUMNS = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
REGRESSION_LOG_COLUMNS = ["train_rmse", "test_rmse"]
TTY_REFRESH_S = 0.1


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
    from nnstudio.cli import insight as cli_insight

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
