"""App throughput: the real main window, offscreen, training with the surface refreshing.

Runs TensorFlow Playground's own settings (circle, 500 points, half for training, batch 10,
tanh, SGD lr 0.03) for hidden layers [4, 2] and six hidden layers of 8, through the real
MainWindow, TrainingWorker and QThread, and reports:

- epochs/s of the whole run (surface, curves and status bar refreshing at display rate);
- the decision-surface refresh rate (Hz);
- the main thread's stalls: a QTimer ticks every 5 ms and the gaps between ticks are
  recorded; p50 / p99 / max of the gaps (5 ms = no stall);
- the main thread's own CPU time (``time.thread_time``) as a share of the run and per
  surface frame: unlike rates and stalls it hardly depends on other processes' load;
- for the long run, the rate over its first and last 10 % (no slowdown over time);
- with the canvas's neuron view on (``--view neurons`` cases): the tile refresh rate (Hz),
  every unit's tile and every weight line live (six hidden layers of 8: 51 tiles, 344
  weight lines).

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/app_throughput.py [--epochs 5000]
        [--long-epochs 100000] [--deep-epochs 2000]

The 6 x 8 network runs twice: with layer boxes, and with the neuron view on.
``--insight both`` (issue 11) runs every case with and without the run insight (per-layer
statistics, results, diagnosis and weight snapshots computed in the worker,
``nnstudio.insight.live.RunMonitor``) and prints the throughput ratio; ``off`` / ``on`` run
one of the two.

Playground's output is a tanh unit with a squared loss; NN Studio's binary template uses a
sigmoid output with binary cross-entropy (the same cost per step: one unit, one loss).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

PLAYGROUND_RATE = {"[4, 2]": 48.0, "6 x 8": 13.4}
#: issue 10's targets: epochs/s, surface Hz, tile Hz (neuron view on), p99 stall ms.
TARGET_RATE = {"[4, 2]": 1000.0, "6 x 8": 500.0}
TARGET_SURFACE_HZ = 50.0
TARGET_TILE_HZ = 25.0
TARGET_P99_MS = 33.0


def playground_project(hidden: list[int]):
    from nnstudio.graph import NetworkSpec, train_config
    from nnstudio.io import make_template

    project = make_template("circle")
    project.name = f"playground-{'-'.join(map(str, hidden))}"
    project.network = NetworkSpec.sequential(2, hidden, "tanh", 1, "sigmoid")
    project.data = dataclasses.replace(
        project.data,
        name="circle",
        n_points=500,
        noise=0.0,
        train_ratio=0.5,
        features=["x1", "x2"],
        standardize=False,
    )
    settings = project.training.to_dict()
    settings.update(
        loss="bce",
        optimizer="sgd",
        optimizer_params={},  # filled from the catalog (plain SGD)
        learning_rate=0.03,
        batch_size=10,
        epochs=None,
        l1=0.0,
        l2=0.0,
    )
    project.training = train_config(settings)
    return project


class _NoInsight:
    """Stands in for RunMonitor to measure training without the run insight."""

    def __init__(self, *_a, **_k) -> None:
        pass

    def on_epoch(self, _row) -> None:
        pass

    def refresh(self, *_a, **_k) -> dict:
        return {}

    def finish(self, *_a, **_k) -> dict:
        return {}


def run_case(
    app, hidden: list[int], epochs: int, neurons: bool = False, insight: bool = True
) -> dict:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    import nnstudio.insight.live as live
    from nnstudio.gui.main_window import MainWindow

    real_monitor = live.RunMonitor
    if not insight:
        live.RunMonitor = _NoInsight

    scratch = tempfile.TemporaryDirectory(prefix="nnstudio-bench-")
    settings = QSettings(os.path.join(scratch.name, "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(playground_project(hidden), settings=settings, recovery_dir=scratch.name)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.neuron_view.set_enabled(neurons)
    window.canvas.fit_all()
    app.processEvents()
    tiles = sum(len(i.tiles) for i in window.canvas.canvas_scene.node_items.values())
    lines = sum(len(k.segments()) for k in window.canvas.canvas_scene.link_items.values())

    ticks: list[float] = []
    snaps: list[tuple[float, int]] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    window.snapshotShown.connect(lambda s: snaps.append((time.perf_counter(), s["epochs_run"])))
    loop = QEventLoop()
    result: dict = {}

    def finished(res: dict) -> None:
        result.update(res)
        result["t_end"] = time.perf_counter()
        loop.quit()

    window.trainingFinished.connect(finished)
    surface_before = window.surface_updates
    tiles_before = window.neuron_view.tile_frames
    timer.start()
    cpu0 = time.thread_time()
    t0 = time.perf_counter()
    window.start_training(max_epochs=epochs)
    loop.exec()
    timer.stop()
    live.RunMonitor = real_monitor
    elapsed = result["t_end"] - t0
    main_cpu = time.thread_time() - cpu0
    window.document.mark_saved("")
    window.close()
    scratch.cleanup()

    # Stalls while training: ticks up to the last snapshot (the autosave and bookkeeping
    # after the run are not "while training").
    t_last = snaps[-1][0] if snaps else result["t_end"]
    ticks = [t for t in ticks if t <= t_last]
    gaps_ms = np.diff(np.array(ticks)) * 1000.0 if len(ticks) > 2 else np.array([np.nan])
    run = result.get("epochs_run", 0)
    out = {
        "hidden": hidden,
        "epochs": run,
        "seconds": elapsed,
        "epochs_per_s": run / elapsed,
        "neurons": neurons,
        "insight": insight,
        "tiles": tiles,
        "weight_lines": lines,
        "surface_hz": (window.surface_updates - surface_before) / elapsed,
        "tile_hz": (window.neuron_view.tile_frames - tiles_before) / elapsed,
        "main_cpu_share": main_cpu / elapsed,
        "main_cpu_ms_per_frame": 1000 * main_cpu / max(1, window.surface_updates - surface_before),
        "stall_p50_ms": float(np.percentile(gaps_ms, 50)),
        "stall_p99_ms": float(np.percentile(gaps_ms, 99)),
        "stall_max_ms": float(np.max(gaps_ms)),
        "final_train_accuracy": (result.get("history") or [{}])[-1].get("train_accuracy"),
    }
    if len(snaps) >= 20:
        times = np.array([t for t, _ in snaps])
        counts = np.array([e for _, e in snaps], dtype=float)
        k = max(2, len(snaps) // 10)
        out["first_10pct_epochs_per_s"] = (counts[k] - counts[0]) / (times[k] - times[0])
        out["last_10pct_epochs_per_s"] = (counts[-1] - counts[-k - 1]) / (times[-1] - times[-k - 1])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5000, help="epochs for [4, 2]")
    parser.add_argument("--deep-epochs", type=int, default=2000, help="epochs for 6 x 8")
    parser.add_argument(
        "--long-epochs", type=int, default=100_000, help="long [4, 2] run (0 to skip)"
    )
    parser.add_argument(
        "--insight",
        choices=["both", "on", "off"],
        default="both",
        help="run insight (issue 11) on, off, or both for each case",
    )
    args = parser.parse_args(argv)

    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    pg.setConfigOptions(imageAxisOrder="row-major")
    app = QApplication.instance() or QApplication(["app_throughput"])

    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs")
    if hasattr(os, "getloadavg"):
        print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    cases = [
        ("[4, 2]", [4, 2], args.epochs, False),
        ("6 x 8", [8] * 6, args.deep_epochs, False),
        ("6 x 8", [8] * 6, args.deep_epochs, True),
    ]
    if args.long_epochs:
        cases.append(("[4, 2] long", [4, 2], args.long_epochs, False))
    modes = {"both": (False, True), "on": (True,), "off": (False,)}[args.insight]
    cases = [(*c, ins) for c in cases for ins in modes]
    rows = []
    for label, hidden, epochs, neurons, insight in cases:
        r = run_case(app, hidden, epochs, neurons, insight)
        r["label"] = label
        rows.append(r)
        key = label.replace(" long", "")
        view = "neurons" if neurons else "boxes"
        line = (
            f"{label:12s} view {view:7s} insight {'on ' if insight else 'off'} "
            f"{r['epochs']:>7d} epochs in {r['seconds']:7.1f} s: "
            f"{r['epochs_per_s']:7.0f} epochs/s (target {TARGET_RATE[key]:.0f}, "
            f"Playground {PLAYGROUND_RATE[key]:.1f}), surface {r['surface_hz']:.1f} Hz "
            f"(target {TARGET_SURFACE_HZ:.0f})"
        )
        if neurons:
            line += (
                f", tiles {r['tile_hz']:.1f} Hz (target {TARGET_TILE_HZ:.0f}; "
                f"{r['tiles']} tiles, {r['weight_lines']} weight lines)"
            )
        line += (
            f", main thread CPU {100 * r['main_cpu_share']:.0f} % "
            f"({r['main_cpu_ms_per_frame']:.1f} ms per surface frame)"
            f", stalls p50 {r['stall_p50_ms']:.1f} ms p99 {r['stall_p99_ms']:.1f} ms "
            f"(target {TARGET_P99_MS:.0f}) max {r['stall_max_ms']:.1f} ms, "
            f"train acc {r['final_train_accuracy']}"
        )
        if "first_10pct_epochs_per_s" in r:
            line += (
                f", rate first 10% {r['first_10pct_epochs_per_s']:.0f}"
                f" / last 10% {r['last_10pct_epochs_per_s']:.0f} epochs/s"
            )
        if insight and len(rows) >= 2 and not rows[-2]["insight"]:
            ratio = r["epochs_per_s"] / rows[-2]["epochs_per_s"]
            line += f"; with insight {100 * ratio:.0f} % of the rate without"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
