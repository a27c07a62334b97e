"""Cost of the run insight (issue 11) on the training loop, measured headless in CPU time.

Trains TensorFlow Playground's settings (as ``app_throughput.py``) through ``Session.run``
twice per network: plainly, and with a :class:`nnstudio.insight.live.RunMonitor` doing
what the app's worker does (``on_epoch`` after every epoch: the history row and a weight
snapshot offer; ``refresh`` at its interval: per-layer statistics, task results and the
diagnosis), and reports the CPU time (``time.thread_time``, which hardly depends on other
processes' load, unlike wall-clock rates on a shared machine) and the ratio, plus the
snapshots' memory after the run.

Usage::

    python benchmarks/insight_cost.py [--epochs 3000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from app_throughput import playground_project  # noqa: E402


def run(hidden: list[int], epochs: int, insight: bool) -> tuple[float, int]:
    from nnstudio.insight.live import RunMonitor
    from nnstudio.session import Session

    session = Session.from_project(playground_project(hidden))
    monitor = RunMonitor(session) if insight else None
    t0 = time.thread_time()
    for row in session.run(epochs):
        if monitor is not None:
            monitor.on_epoch(row)
            monitor.refresh()
    if monitor is not None:
        monitor.finish()
    cpu = time.thread_time() - t0
    return cpu, 0 if monitor is None else monitor.snapshots.nbytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    for label, hidden in (("[4, 2]", [4, 2]), ("6 x 8", [8] * 6)):
        plain = min(run(hidden, args.epochs, False)[0] for _ in range(args.repeats))
        runs = [run(hidden, args.epochs, True) for _ in range(args.repeats)]
        watched = min(r[0] for r in runs)
        print(
            f"{label:7s} {args.epochs} epochs: CPU {plain:.2f} s without insight, "
            f"{watched:.2f} s with ({100 * (watched / plain - 1):+.1f} %); "
            f"snapshots {runs[0][1] / 1024:.0f} KB",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
