"""The CLI's run-understanding commands (issue 11), registered by ``nnstudio.cli``:

- ``nnstudio diagnose PROJECT``: the health findings of the project's network, data and
  last run, one per line, code first (``[dead-units] dense_1: ...``); exit 0;
- the same findings printed at the end of ``nnstudio train`` (:func:`print_findings`);
- ``train --restore-best`` (:func:`restore_best`) and the run record ``train`` appends to
  the project (:func:`record_run`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO


def add_parsers(sub) -> None:
    """Register ``diagnose`` on the CLI's subparsers."""
    p = sub.add_parser(
        "diagnose", help="say what looks wrong with a project's network, data and last run"
    )
    p.add_argument("project")
    p.set_defaults(func=cmd_diagnose)


def add_train_options(p: argparse.ArgumentParser) -> None:
    """``train``'s options from this module."""
    p.add_argument(
        "--restore-best",
        action="store_true",
        help="save the weights of the best epoch (lowest test loss) instead of the last",
    )
    p.add_argument(
        "--snapshot-mb",
        type=float,
        default=None,
        help="memory for the weight snapshots the app's replay shows (default 64; 0: none)",
    )


def recording(session, rows, args):
    """``rows`` (the run's generator), offering the weights after each epoch to a
    :class:`~nnstudio.engine.snapshots.SnapshotStore` made here (``args.snapshots``) for
    the app's replay."""
    from nnstudio.engine.snapshots import DEFAULT_BUDGET_BYTES, SnapshotStore

    mb = args.snapshot_mb
    budget = DEFAULT_BUDGET_BYTES if mb is None else int(max(0.0, mb) * 1024 * 1024)
    net = session.network
    store = SnapshotStore(net.n_params, net.flat_state.size, net.dtype, budget=budget)
    store.offer(session.epochs_done, net.flat_params, net.flat_state)
    args.snapshots = store

    def offered():
        row = None
        for row in rows:
            store.offer(int(row["epoch"]), net.flat_params, net.flat_state)
            yield row
        if row is not None:  # the run ended normally: its last weights are always kept
            store.offer(int(row["epoch"]), net.flat_params, net.flat_state, force=True)

    return offered()


def cmd_diagnose(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io import load_project
    from nnstudio.io.runs import rows_from_curves
    from nnstudio.session import Session

    project = load_project(args.project)
    from nnstudio.cli.download import prefetch

    prefetch(project)
    session = Session.from_project(project)
    rows, failure = list(project.history), None
    if project.runs:
        last = project.runs[-1]
        run_rows = rows_from_curves(last.get("curves") or {})
        if run_rows:
            rows = run_rows
        stopped = str(last.get("stopped", ""))
        if stopped.startswith("failed"):
            failure = stopped.partition(":")[2].strip() or stopped
    from nnstudio.insight import diagnose_session

    findings = diagnose_session(session, rows=rows, failure=failure)
    for f in findings:
        print(f.line(), file=out)
    if not findings:
        print("no findings: nothing looks wrong", file=sys.stderr)
    return 0


def findings_of(session, rows: list[dict], failure: str | None = None) -> list:
    """The diagnosis of a finished run (``rows``: all its epochs)."""
    from nnstudio.insight import diagnose_session

    return diagnose_session(session, rows=rows, failure=failure)


def print_findings(findings: list, out: TextIO) -> None:
    """One line per finding, code first (nothing for a healthy run)."""
    for f in findings:
        print(f.line(), file=out)


def restore_best(session, out: TextIO, quiet: bool = False) -> None:
    """Put the run's best weights back (history cut after them) and say which."""
    last = session.epochs_done
    epoch = session.restore_best()
    if quiet:
        return
    if epoch is None:
        print("no best weights to restore (no epoch was trained)", file=out)
    elif epoch == last:
        print(f"the last epoch ({epoch}) is the best; keeping it", file=out)
    else:
        print(f"restored the best weights, of epoch {epoch}", file=out)


def record_run(project, trained, rows, best_epoch, stopped, findings, snapshots=None) -> None:
    """Append the run record of ``rows`` to ``trained.runs`` (``project``: the settings
    the run started with) and keep the run's ``snapshots`` (a SnapshotStore) for the
    replay."""
    from nnstudio.insight.records import add_run, keep_snapshots, make_record

    if snapshots is not None:
        keep_snapshots(trained, snapshots)

    trained.runs = [dict(r) for r in project.runs]
    add_run(
        trained,
        make_record(
            project,
            rows,
            runs=trained.runs,
            best_epoch=best_epoch,
            stopped=stopped,
            findings=[f.line() for f in findings],
        ),
    )
