"""Projects and runners shared by the ``pytorch-train`` export tests.

``run_train_py`` runs an exported ``train.py`` in this process (fast: torch is imported
once); the self-containment test runs it in a clean subprocess instead.
"""

from __future__ import annotations

import csv
import importlib.util
import itertools
import sys
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.cli import main as cli_main
from nnstudio.data import DataSettings
from nnstudio.engine import TrainConfig
from nnstudio.graph import NetworkSpec, fill_training
from nnstudio.io import make_template, save_project

_counter = itertools.count()


def chain(n_inputs: int, layers: list[tuple[str, dict]]) -> NetworkSpec:
    """input -> layers[0] -> layers[1] -> ... (kind, params) each."""
    spec = NetworkSpec()
    prev = spec.add_node("input", {"units": n_inputs}).id
    for kind, params in layers:
        node = spec.add_node(kind, dict(params))
        spec.add_edge(prev, node.id)
        prev = node.id
    return spec


def branches(n_inputs: int, n_outputs: int, out_act: str, rates=(0.3, 0.2)) -> NetworkSpec:
    """input -> dense -> two branches (dense + dropout each) -> concat -> dense: the engine
    draws the two dropout masks in its own topological order."""
    spec = NetworkSpec()
    x = spec.add_node("input", {"units": n_inputs}).id
    trunk = spec.add_node("dense", {"units": 6, "activation": "tanh"}).id
    spec.add_edge(x, trunk)
    ends = []
    for rate, act in zip(rates, ("relu", "elu"), strict=True):
        d = spec.add_node("dense", {"units": 5, "activation": act}).id
        drop = spec.add_node("dropout", {"rate": rate}).id
        spec.add_edge(trunk, d)
        spec.add_edge(d, drop)
        ends.append(drop)
    joined = spec.add_node("concat", {}).id
    for end in ends:
        spec.add_edge(end, joined)
    out = spec.add_node("dense", {"units": n_outputs, "activation": out_act}).id
    spec.add_edge(joined, out)
    return spec


def project(
    folder: Path,
    dataset: str,
    spec: NetworkSpec,
    training: dict[str, Any],
    *,
    n_points: int = 60,
    features: list[str] | None = None,
    n_classes: int = 3,
) -> Path:
    """A project file in ``folder``: small data, ``spec``, ``training`` settings."""
    p = make_template("xor")
    p.name = f"case{next(_counter)}"
    p.data = DataSettings(
        name=dataset,
        n_points=n_points,
        noise=0.1,
        train_ratio=0.5,
        seed=4,
        n_classes=n_classes,
        features=features or ["x1", "x2"],
    )
    p.network = spec
    base = {"batch_size": 8, "epochs": 20, "seed": 11}
    p.training = TrainConfig.from_dict(fill_training({**base, **training}))
    path = folder / f"{p.name}.nnstudio"
    save_project(p, path)
    return path


def export(project_path: Path, out: Path, *extra: str) -> Path:
    code = cli_main(
        ["export", str(project_path), "--format", "pytorch-train", "-o", str(out), *extra]
    )
    assert code == 0
    return out


def run_train_py(folder: Path, *args: str) -> int:
    """Run ``folder/train.py``'s ``main(args)`` in this process."""
    sys.modules.pop("model", None)
    spec = importlib.util.spec_from_file_location(
        f"exported_train_{next(_counter)}", folder / "train.py"
    )
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        return module.main(list(args))
    finally:
        sys.modules.pop("model", None)
        while str(folder) in sys.path:
            sys.path.remove(str(folder))


def nnstudio_log(project_path: Path, folder: Path, epochs: int, tmp: Path) -> Path:
    """``nnstudio train --dtype float64 --init-weights start_weights.npz --log``."""
    log = tmp / f"nnstudio-{project_path.stem}.csv"
    code = cli_main(
        [
            "train",
            str(project_path),
            "--dtype",
            "float64",
            "--init-weights",
            str(folder / "start_weights.npz"),
            "--epochs",
            str(epochs),
            "--log",
            str(log),
            "-o",
            str(tmp / f"trained-{project_path.stem}.nnstudio"),
            "-q",
        ]
    )
    assert code == 0
    return log


def read_log(path: Path) -> tuple[list[str], dict[str, np.ndarray]]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    columns = {
        name: np.array([float(r[i]) if r[i] else np.nan for r in body])
        for i, name in enumerate(header)
    }
    return header, columns
