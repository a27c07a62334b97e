"""Built-in example projects.

Each template trains to a good result with its own defaults (tests/io/test_templates.py
checks this). ``python -m nnstudio.io.templates OUTDIR`` (re)writes one
``<name>.nnstudio`` per template; the copies under ``resources/examples/`` come from it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from nnstudio.data import FEATURES, TABLES, DataSettings
from nnstudio.graph import NetworkSpec, train_config
from nnstudio.io.errors import ProjectError
from nnstudio.io.project import Project, save_project
from nnstudio.text import Text

DEFAULT_TEMPLATE = "spiral"


class UnknownTemplateError(ProjectError):
    """``make_template`` was asked for a template that does not exist."""


@dataclass(frozen=True)
class _Recipe:
    description: str
    dataset: str
    hidden: tuple[int, ...]
    activation: str
    n_outputs: int
    output_activation: str
    loss: str
    learning_rate: float
    epochs: int
    features: tuple[str, ...] = ("x1", "x2")
    noise: float = 0.0
    n_points: int = 500
    n_classes: int = 3
    batch_size: int | None = 10
    optimizer: str = "adam"
    train_ratio: float = 0.5
    schedule: str = "constant"
    data_extra: dict = field(default_factory=dict)
    image: tuple[int, int, int] | None = None  # the input's (channels, height, width)
    convs: tuple[int, ...] = ()  # filters of each Conv2D, each then MaxPool 2x2
    kernel: int = 3  # the Conv2Ds' kernel size
    padding: str = "same"  # and padding


_RECIPES: dict[str, _Recipe] = {
    "spiral": _Recipe(
        "Two interleaved spirals: the hardest 2-D set, solved with engineered features",
        dataset="spiral",
        hidden=(16, 16),
        activation="tanh",
        n_outputs=1,
        output_activation="sigmoid",
        loss="bce",
        learning_rate=0.01,
        epochs=300,
        features=FEATURES,
    ),
    "xor": _Recipe(
        "XOR quadrants: needs a hidden layer (no straight line separates them)",
        dataset="xor",
        hidden=(8, 8),
        activation="tanh",
        n_outputs=1,
        output_activation="sigmoid",
        loss="bce",
        learning_rate=0.03,
        epochs=100,
    ),
    "circle": _Recipe(
        "A disc inside a ring: the classic non-linear boundary",
        dataset="circle",
        hidden=(8, 8),
        activation="tanh",
        n_outputs=1,
        output_activation="sigmoid",
        loss="bce",
        learning_rate=0.03,
        epochs=100,
    ),
    "gaussian": _Recipe(
        "Two Gaussian clouds: separable by a straight line, trains in seconds",
        dataset="gaussian",
        hidden=(4,),
        activation="tanh",
        n_outputs=1,
        output_activation="sigmoid",
        loss="bce",
        learning_rate=0.03,
        epochs=30,
    ),
    "moons": _Recipe(
        "Two interleaving half moons with a little noise",
        dataset="moons",
        hidden=(16, 16),
        activation="relu",
        n_outputs=1,
        output_activation="sigmoid",
        loss="bce",
        learning_rate=0.01,
        epochs=100,
        noise=0.1,
    ),
    "multiclass": _Recipe(
        "Four Gaussian blobs: a softmax output with categorical cross-entropy",
        dataset="blobs",
        hidden=(16,),
        activation="relu",
        n_outputs=4,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.01,
        epochs=60,
        n_classes=4,
        noise=0.1,
    ),
    "regression": _Recipe(
        "Fit a plane to noisy points: a linear output with mean squared error",
        dataset="reg_plane",
        hidden=(8,),
        activation="tanh",
        n_outputs=1,
        output_activation="linear",
        loss="mse",
        learning_rate=0.01,
        epochs=100,
        noise=0.1,
    ),
    # the bundled classic tables (raw columns, standardized; test split 30 %)
    "iris": _Recipe(
        "Iris flowers: 4 measurements, 3 species (a bundled classic table)",
        dataset="iris",
        hidden=(16,),
        activation="tanh",
        n_outputs=3,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.01,
        epochs=60,
        train_ratio=0.7,
    ),
    "wine": _Recipe(
        "Wine cultivars from 13 chemical measurements (a bundled classic table)",
        dataset="wine",
        hidden=(16,),
        activation="tanh",
        n_outputs=3,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.01,
        epochs=60,
        train_ratio=0.7,
    ),
    "breast-cancer": _Recipe(
        "Breast cancer diagnosis from 30 cell measurements (a bundled classic table)",
        dataset="breast_cancer",
        hidden=(16,),
        activation="relu",
        n_outputs=1,
        output_activation="sigmoid",
        loss="bce",
        learning_rate=0.003,
        epochs=40,
        train_ratio=0.7,
    ),
    "diabetes": _Recipe(
        "Diabetes progression from 10 patient values: regression on a bundled table",
        dataset="diabetes",
        hidden=(8,),
        activation="relu",
        n_outputs=1,
        output_activation="linear",
        loss="mse",
        learning_rate=0.1,
        epochs=100,
        batch_size=16,
        train_ratio=0.7,
        schedule="cosine",  # t_max = epochs: settles instead of hopping around the optimum
    ),
    "digits": _Recipe(
        "Handwritten digits: 8x8 images as 64 inputs, 10 classes (a bundled classic table)",
        dataset="digits",
        hidden=(64,),
        activation="relu",
        n_outputs=10,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.003,
        epochs=30,
        batch_size=32,
        train_ratio=0.7,
    ),
    "digits-cnn": _Recipe(
        "Handwritten digits as 1x8x8 images: a small convolutional network (Conv2D, "
        "MaxPool, Flatten, Dense)",
        dataset="digits",
        hidden=(),
        activation="relu",
        n_outputs=10,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.003,
        epochs=30,
        batch_size=32,
        train_ratio=0.7,
        image=(1, 8, 8),
        convs=(16,),
    ),
    "mnist-lenet": _Recipe(
        "MNIST digits (downloaded on first use, 11 MB): LeNet-5 style, conv 6@5x5, pool, "
        "conv 16@5x5, pool, 120, 84, 10",
        dataset="mnist",
        hidden=(120, 84),
        activation="relu",
        n_outputs=10,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.001,
        epochs=5,
        batch_size=64,
        n_points=20_000,
        train_ratio=0.8,
        image=(1, 28, 28),
        convs=(6, 16),
        kernel=5,
        padding="valid",
    ),
    "fashion-cnn": _Recipe(
        "Fashion-MNIST clothing (downloaded on first use, 30 MB): two 3x3 Conv2D + MaxPool "
        "blocks (16, 32 filters), Dense 64, 10 classes",
        dataset="fashion_mnist",
        hidden=(64,),
        activation="relu",
        n_outputs=10,
        output_activation="softmax",
        loss="cce",
        learning_rate=0.001,
        epochs=5,
        batch_size=64,
        n_points=20_000,
        train_ratio=0.8,
        image=(1, 28, 28),
        convs=(16, 32),
    ),
}

#: name -> one-line description, in the order the app lists them (default first).
TEMPLATES: dict[str, str] = {name: recipe.description for name, recipe in _RECIPES.items()}


def _cnn(recipe: _Recipe, n_inputs: int) -> NetworkSpec:
    """Input image -> (Conv2D, MaxPool 2x2) per filter count -> Flatten -> Dense."""
    from nnstudio.graph.layout import auto_arrange

    c, h, w = recipe.image  # type: ignore[misc]
    spec = NetworkSpec()
    chain = [("input", {"units": n_inputs, "channels": c, "height": h, "width": w})]
    for filters in recipe.convs:
        conv = {"filters": filters, "kernel_size": recipe.kernel, "padding": recipe.padding}
        chain += [("conv2d", {**conv, "activation": recipe.activation}), ("maxpool2d", {})]
    chain.append(("flatten", {}))
    chain += [("dense", {"units": u, "activation": recipe.activation}) for u in recipe.hidden]
    chain.append(("dense", {"units": recipe.n_outputs, "activation": recipe.output_activation}))
    prev = None
    for kind, params in chain:
        node = spec.add_node(kind, params)
        if prev is not None:
            spec.add_edge(prev, node.id)
        prev = node.id
    for node_id, pos in auto_arrange(spec).items():
        spec.nodes[node_id].pos = pos
    return spec


def make_template(name: str = DEFAULT_TEMPLATE) -> Project:
    """A fresh, untrained project for the template ``name`` (see :data:`TEMPLATES`).

    Raises :class:`UnknownTemplateError` for an unknown name.
    """
    recipe = _RECIPES.get(name)
    if recipe is None:
        raise UnknownTemplateError(
            Text(
                "unknown template '{name}'; choose one of: {names}",
                name=name,
                names=list(TEMPLATES),
            )
        )
    features = list(recipe.features)
    table = TABLES.get(recipe.dataset)
    n_inputs = len(features) if table is None else len(table.feature_names)
    if recipe.image is not None:
        n_inputs = recipe.image[0] * recipe.image[1] * recipe.image[2]
    if recipe.image is None:
        network = NetworkSpec.sequential(
            n_inputs,
            list(recipe.hidden),
            recipe.activation,
            recipe.n_outputs,
            recipe.output_activation,
        )
    else:
        network = _cnn(recipe, n_inputs)
    data = DataSettings(
        name=recipe.dataset,
        n_points=recipe.n_points,
        noise=recipe.noise,
        train_ratio=recipe.train_ratio,
        seed=0,
        n_classes=recipe.n_classes,
        features=features,
        standardize=True,
    )
    # every setting the recipe leaves out comes from the catalog (nnstudio.graph)
    training = train_config(
        loss=recipe.loss,
        optimizer=recipe.optimizer,
        learning_rate=recipe.learning_rate,
        batch_size=recipe.batch_size,
        epochs=recipe.epochs,
        seed=0,
        dtype="float32",
    )
    if recipe.schedule == "cosine":
        training = train_config(
            training.to_dict(), schedule="cosine", schedule_params={"t_max": recipe.epochs}
        )
    return Project(
        name=name,
        network=network,
        data=data,
        training=training,
        metadata={"template": name, "description": recipe.description},
    )


def project_from_csv(
    csv_path: str | os.PathLike[str],
    target: str | int | None = None,
    project_path: str | os.PathLike[str] | None = None,
    **data_choices: object,
) -> Project:
    """A ready-to-train project for a CSV file: the file's encoded columns as inputs, one
    hidden layer (twice the inputs, 8 to 64 ReLU units), the output layer and loss that
    fit the target (:func:`nnstudio.graph.output_fit.fit_output`), Adam, 70 % training rows.

    ``csv_path`` is stored relative to the folder of ``project_path`` when the file lies
    there or below, else absolute. ``data_choices`` are further DataSettings fields
    (``column_types``, ``missing``, ``delimiter``, ``header``). Raises DataError for an
    unusable file.
    """
    from nnstudio.data import make_dataset
    from nnstudio.graph.output_fit import fit_output

    csv_file = Path(csv_path).resolve()
    stored = str(csv_file)
    if project_path is not None:
        folder = Path(project_path).resolve().parent
        if folder in csv_file.parents:
            stored = csv_file.relative_to(folder).as_posix()
    data = DataSettings(name="csv", csv_path=str(csv_file), target_column=target, train_ratio=0.7)
    for key, value in data_choices.items():
        setattr(data, key, value)
    dataset = make_dataset(data)  # raises DataError naming the file, line and column
    data.csv_path = stored
    n_in = dataset.n_features
    hidden = max(8, min(64, 2 * n_in))
    spec = NetworkSpec.sequential(n_in, [hidden], "relu", 1, "sigmoid")
    training = train_config(
        loss="bce",
        optimizer="adam",
        learning_rate=0.003,
        batch_size=32,
        epochs=100,
        seed=0,
        dtype="float32",
    )
    spec, training = fit_output(spec, training, dataset.task, dataset.n_classes)
    name = csv_file.stem
    return Project(
        name=name,
        network=spec,
        data=data,
        training=training,
        metadata={
            "description": f"{csv_file.name}: predict '{dataset.encoding.target}' ({dataset.task})"
        },
    )


def write_examples(folder: str | os.PathLike[str]) -> list[Path]:
    """Write ``<name>.nnstudio`` for every template into ``folder``; returns the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in TEMPLATES:
        path = out / f"{name}.nnstudio"
        save_project(make_template(name), path)
        paths.append(path)
    return paths


def _main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: python -m nnstudio.io.templates OUTDIR", file=sys.stderr)
        return 2
    for path in write_examples(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
