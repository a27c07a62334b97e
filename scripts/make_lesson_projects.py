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

import numpy as np  # noqa: E402

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


def activation_curves_svg() -> str:
    """An SVG of sigmoid, tanh and ReLU (solid) and their derivatives (dashed), computed by
    the engine's own forward and backward kernels, for the activations lesson."""
    import numpy as np

    from nnstudio.engine.activations import BACKWARD, FORWARD, Scratch

    z = np.linspace(-4.0, 4.0, 161)[:, None]
    w, h, pad = 300, 110, 18  # one panel per function, stacked (the lesson panel is narrow)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{3 * h}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{3 * h}" fill="white"/>',
    ]
    for i, name in enumerate(("sigmoid", "tanh", "relu")):
        a = np.empty_like(z)
        gz = np.empty_like(z)
        scratch = Scratch.like(z, 0.0, 0.0)
        FORWARD[name](z, a, scratch)
        BACKWARD[name](z, a, np.ones_like(z), gz, scratch)
        y0 = i * h

        def point(zv: float, yv: float, y0: int = y0) -> str:
            px = pad + (zv + 4.0) / 8.0 * (w - 2 * pad)
            py = y0 + h - 6 - (yv + 1.2) / 3.4 * (h - pad - 6)  # y from -1.2 to 2.2
            return f"{px:.1f},{py:.1f}"

        axis = f"{point(-4, 0)} {point(4, 0)}"
        parts.append(f'<polyline points="{axis}" stroke="#999" fill="none"/>')
        parts.append(f'<polyline points="{point(0, -1.2)} {point(0, 2.2)}" stroke="#999"/>')
        for values, style in ((a, ""), (gz, ' stroke-dasharray="5,4"')):
            pairs = zip(z[:, 0], values[:, 0], strict=True)
            line = " ".join(point(float(zv), float(yv)) for zv, yv in pairs)
            parts.append(
                f'<polyline points="{line}" stroke="#1f77b4" stroke-width="2" fill="none"{style}/>'
            )
        parts.append(f'<text x="{pad}" y="{y0 + 14}">{name}: f (—), f′ (- -)</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:
    projects = {
        ("one-neuron", "start"): project(
            "One neuron",
            network(2, [(1, "sigmoid")]),
            synthetic("gaussian"),
            loss="bce",
            optimizer="sgd",
            learning_rate=0.5,
            epochs=200,
        ),
        ("layers", "start"): project(
            "Layers: XOR",
            network(2, [(1, "sigmoid")]),
            synthetic("xor", 0.0),
            loss="bce",
            optimizer="sgd",
            learning_rate=0.5,
            epochs=300,
        ),
        ("activations", "start"): project(
            "Activation functions",
            network(2, [(8, "sigmoid"), (1, "sigmoid")]),
            synthetic("circle", 0.05),
            loss="bce",
            optimizer="adam",
            learning_rate=0.03,
            epochs=300,
        ),
        ("losses", "start"): project(
            "Loss functions",
            network(2, [(8, "tanh"), (1, "sigmoid")]),
            synthetic("moons"),
            loss="mse",
            optimizer="adam",
            learning_rate=0.03,
            epochs=300,
        ),
        ("forward-backward", "start"): project(
            "Forward and backward",
            network(2, [(4, "tanh"), (1, "sigmoid")]),
            synthetic("xor", 0.0),
            loss="bce",
            optimizer="sgd",
            learning_rate=0.5,
            epochs=300,
        ),
        ("optimizers", "start"): project(
            "Optimizers",
            network(2, [(8, "tanh"), (1, "sigmoid")]),
            synthetic("moons"),
            loss="bce",
            optimizer="sgd",
            learning_rate=0.1,
            epochs=300,
        ),
    }
    xor_data = DataSettings(
        name="csv",
        csv_path="xor.csv",
        target_column="y",
        train_ratio=0.34,
        seed=27,
        standardize=False,
    )
    # the tutorial's network as written: one sigmoid unit, MSE, plain gradient descent,
    # learning rate 0.1, small random normal weights, 2000 epochs on the four inputs
    as_written = project(
        "The tutorial's XOR network",
        network(2, [(1, "sigmoid")], init="normal"),
        xor_data,
        loss="mse",
        optimizer="sgd",
        learning_rate=0.1,
        epochs=2000,
        dtype="float64",
    )
    # its starting weights as the tutorial makes them: standard normal times 0.01, zero
    # bias (the project carries them, so Train starts there; Reset draws "normal" again)
    unit = next(n.id for n in as_written.network.nodes.values() if n.kind == "dense")
    as_written.weights = {
        f"{unit}.weight": 0.01 * np.random.default_rng(0).standard_normal((2, 1)),
        f"{unit}.bias": np.zeros(1),
    }
    projects[("xor-tutorial", "as-written")] = as_written
    (LESSONS / "activations").mkdir(parents=True, exist_ok=True)
    (LESSONS / "activations" / "curves.svg").write_text(activation_curves_svg())
    (LESSONS / "xor-tutorial").mkdir(parents=True, exist_ok=True)
    (LESSONS / "xor-tutorial" / "xor.csv").write_text("\n".join(XOR_ROWS) + "\n")
    for (lesson, name), proj in projects.items():
        folder = LESSONS / lesson
        folder.mkdir(parents=True, exist_ok=True)
        save_project(proj, folder / f"{name}.nnstudio")
        print(f"wrote {folder.relative_to(REPO)}/{name}.nnstudio")


if __name__ == "__main__":
    main()
