"""Large CSV files: reading, building the dataset, and ``nnstudio predict`` on 1,000,000 rows.

    python benchmarks/csv_load.py [--rows 1000000] [--repeats 3] [--folder /tmp/nnstudio-csv]

Writes (once, then reuses) ``train.csv`` (rows x 10 features + a 0/1 ``label``) and
``new.csv`` (rows x the 10 features), trains a tiny project on the first 2,000 rows for one
epoch, then times, best of ``--repeats``:

- ``read_table``: the CSV parser alone (NumPy's C ``loadtxt`` path for numeric files);
- ``make_dataset``: read + encode + shuffle/split + standardize, as the app and CLI do;
- ``predict``: ``nnstudio predict`` in this process, reading ``new.csv`` and writing the
  predictions CSV (class probabilities, class and label columns).

Times are the best of untraced runs; peak memory comes from one more run under
``tracemalloc`` (NumPy reports its buffers to it), given as a multiple of the float64
data (rows x 10 x 8 bytes).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import time
import tracemalloc
from pathlib import Path

import numpy as np

N_FEATURES = 10


def write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    train, new = folder / f"train_{rows}.csv", folder / f"new_{rows}.csv"
    if train.exists() and new.exists():
        return train, new
    rng = np.random.default_rng(0)
    x = rng.normal(size=(rows, N_FEATURES))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int)
    names = [f"f{i}" for i in range(N_FEATURES)]
    with open(train, "w") as fh:
        fh.write(",".join([*names, "label"]) + "\n")
        np.savetxt(fh, np.column_stack([x, y]), fmt=["%.6f"] * N_FEATURES + ["%d"], delimiter=",")
    with open(new, "w") as fh:
        fh.write(",".join(names) + "\n")
        np.savetxt(fh, x, fmt="%.6f", delimiter=",")
    return train, new


def timed(fn, repeats: int) -> tuple[float, float]:
    """Best wall time (s) of ``fn()`` over ``repeats`` untraced runs, then the peak traced
    memory (bytes) of one more run (tracing slows Python-heavy code, so it is not timed)."""
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folder", default="/tmp/nnstudio-csv")
    args = parser.parse_args()

    from nnstudio.cli import main as cli
    from nnstudio.data import DataSettings, make_dataset, read_table
    from nnstudio.io import save_project
    from nnstudio.io.templates import project_from_csv

    folder = Path(args.folder)
    train, new = write_files(folder, args.rows)
    small = folder / "small.csv"
    with open(train) as src, open(small, "w") as dst:
        for i, line in enumerate(src):
            if i > 2000:
                break
            dst.write(line)
    project_path = folder / "small.nnstudio"
    save_project(project_from_csv(small, "label", project_path), project_path)
    assert cli(["train", str(project_path), "--epochs", "1", "-q"]) == 0
    out = folder / "predictions.csv"
    data_mb = args.rows * N_FEATURES * 8 / 1e6
    settings = DataSettings(name="csv", csv_path=str(train), target_column="label")

    def predict() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli(["predict", str(project_path), "-i", str(new), "-o", str(out)]) == 0

    print(f"{args.rows:,} rows x {N_FEATURES} features; float64 data {data_mb:.0f} MB")
    print(f"{'step':<14}{'best s':>8}{'peak MB':>10}{'x data':>8}")
    for label, fn in (
        ("read_table", lambda: read_table(train)),
        ("make_dataset", lambda: make_dataset(settings)),
        ("predict", predict),
    ):
        seconds, peak = timed(fn, args.repeats)
        print(f"{label:<14}{seconds:>8.2f}{peak / 1e6:>10.0f}{peak / 1e6 / data_mb:>8.2f}")


if __name__ == "__main__":
    main()
