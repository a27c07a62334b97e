"""Write the lessons' starting projects (``resources/lessons/<id>/*.nnstudio``).

The lesson text and steps are hand-written data (``lesson.json``, ``intro.*.md``); only the
projects are generated, so that they are exactly what the steps describe. Run from the
repository after changing a recipe below: ``python scripts/make_lesson_projects.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nnstudio.data import DataSettings  # noqa: E402
from nnstudio.graph import NetworkSpec, train_config  # noqa: E402
from nnstudio.io import Project, save_project  # noqa: E402

LESSONS = REPO / "resources" / "lessons"
#: the tutorial's four XOR inputs, three times each: with train ratio 0.34 and data seed 27
#: the training split is exactly the four distinct inputs (the tutorial's training set)
XOR_ROWS = ["x1,x2,y"] + [f"{a},{b},{a ^ b}" for _ in range(3) for a in (0, 1) for b in (0, 1)]


def network(n_inputs: int, layers: list[tuple[int, str]], init: str = "auto") -> NetworkSpec:
    spec = NetworkSpec()
    prev = spec.add_node("input", {"units": n_inputs}, (0.0, 0.0)).id
    for i, (units, activation) in enumerate(layers, start=1):
        params = {"units": units, "activation": activation, "init": init}
        node = spec.add_node("dense", params, (220.0 * i, 0.0)).id
        spec.add_edge(prev, node)
        prev = node
    return spec


def project(name, spec, data, **training) -> Project:
    training.setdefault("seed", 0)
    training.setdefault("batch_size", None)
    return Project(name=name, network=spec, data=data, training=train_config(**training))


def synthetic(name: str, noise: float = 0.1, n_points: int = 300) -> DataSettings:
    return DataSettings(name=name, n_points=n_points, noise=noise, train_ratio=0.5, seed=0)


def main() -> None:
    projects = {
        ("one-neuron", "start"): project(
            "One neuron", network(2, [(1, "sigmoid")]), synthetic("gaussian"),
            loss="bce", optimizer="sgd", learning_rate=0.5, epochs=200,
        ),
        ("layers", "start"): project(
            "Layers: XOR", network(2, [(1, "sigmoid")]), synthetic("xor", 0.0),
            loss="bce", optimizer="sgd", learning_rate=0.5, epochs=300,
        ),
        ("activations", "start"): project(
            "Activation functions", network(2, [(8, "sigmoid"), (1, "sigmoid")]),
            synthetic("circle", 0.05), loss="bce", optimizer="adam", learning_rate=0.03,
            epochs=300,
        ),
        ("losses", "start"): project(
            "Loss functions", network(2, [(8, "tanh"), (1, "sigmoid")]), synthetic("moons"),
            loss="mse", optimizer="adam", learning_rate=0.03, epochs=300,
        ),
        ("forward-backward", "start"): project(
            "Forward and backward", network(2, [(4, "tanh"), (1, "sigmoid")]),
            synthetic("xor", 0.0), loss="bce", optimizer="sgd", learning_rate=0.5, epochs=300,
        ),
        ("optimizers", "start"): project(
            "Optimizers", network(2, [(8, "tanh"), (1, "sigmoid")]), synthetic("moons"),
            loss="bce", optimizer="sgd", learning_rate=0.1, epochs=300,
        ),
    }
    xor_data = DataSettings(
        name="csv", csv_path="xor.csv", target_column="y", train_ratio=0.34, seed=27,
        standardize=False,
    )
    # the tutorial's network as written: one sigmoid unit, MSE, plain gradient descent,
    # learning rate 0.1, small random normal weights, 2000 epochs on the four inputs
    projects[("xor-tutorial", "as-written")] = project(
        "The tutorial's XOR network", network(2, [(1, "sigmoid")], init="normal"), xor_data,
        loss="mse", optimizer="sgd", learning_rate=0.1, epochs=2000, dtype="float64",
    )
    (LESSONS / "xor-tutorial").mkdir(parents=True, exist_ok=True)
    (LESSONS / "xor-tutorial" / "xor.csv").write_text("\n".join(XOR_ROWS) + "\n")
    for (lesson, name), proj in projects.items():
        folder = LESSONS / lesson
        folder.mkdir(parents=True, exist_ok=True)
        save_project(proj, folder / f"{name}.nnstudio")
        print(f"wrote {folder.relative_to(REPO)}/{name}.nnstudio")


if __name__ == "__main__":
    main()
