"""A project ready to train or predict: dataset + compiled network + trainer.

Used by the CLI and by the GUI's training worker. Nothing here imports Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import numpy as np

from nnstudio.data import Dataset, Preprocessor, make_dataset
from nnstudio.engine import (
    DivergenceError,
    EpochInterrupted,
    Network,
    Report,
    TrainConfig,
    Trainer,
    WeightsMismatchError,
)
from nnstudio.engine.errors import joined
from nnstudio.engine.losses import task_of
from nnstudio.errors import NNStudioError
from nnstudio.graph import NetworkSpec, compile_spec, validate
from nnstudio.graph.errors import combine_errors
from nnstudio.graph.memory import check_training_memory
from nnstudio.io import Project, WeightsImportError, apply_weights, load_weights_file
from nnstudio.text import Text, message


class SessionError(NNStudioError):
    """The project cannot be used as asked (e.g. a decision surface of non-2-D data)."""


def to_probabilities(outputs: np.ndarray, task: str, output_activation: str) -> np.ndarray:
    """Class probabilities from network outputs.

    ``outputs`` (n, 1) for binary -> (n, 2) ``[p(class 0), p(class 1)]``; (n, k) for
    multiclass -> (n, k). A sigmoid / softmax is applied when the output layer does not
    already have it (logits).
    """
    out = np.asarray(outputs, dtype=np.float64)
    if task == "binary":
        p1 = out[:, :1]
        if output_activation != "sigmoid":
            p1 = 1.0 / (1.0 + np.exp(-np.clip(p1, -500, 500)))
        return np.hstack([1.0 - p1, p1])
    if task == "multiclass":
        if output_activation == "softmax":
            return out
        z = out - out.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
    raise SessionError(Text("probabilities exist only for classification projects"))


def _check_graph(spec: NetworkSpec, dataset: Dataset, loss: str) -> None:
    errors = validate(
        spec,
        n_features=dataset.n_features,
        loss=loss,
        task=dataset.task,
        n_classes=dataset.n_classes,
    )
    if errors:
        raise combine_errors(errors)


def _set_weights(network: Network, weights: Mapping[str, np.ndarray]) -> None:
    try:
        network.set_weights(dict(weights))
    except WeightsMismatchError as exc:
        problems = list(getattr(exc, "problems", []) or [message(exc)])
        raise WeightsImportError(
            Text(
                "the weights do not match the network:\n  {problems}",
                problems=joined(problems, "\n  "),
            ),
            problems,
        ) from exc


class Session:
    """A project ready to train.

    Attributes:
        project: the project it was made from (not modified; see :meth:`store`).
        dataset: the generated / loaded dataset (preprocessed splits).
        network: the compiled engine network (weights from the project if it had any).
        trainer: the engine trainer over ``dataset``'s splits.
        history: per-epoch metric dicts: the project's history when its weights were
            loaded (training continues), plus one entry per epoch trained by :meth:`run`.
        best_epoch / best_weights / restore_best: the weights of the run's best epoch
            (lowest test loss, or training loss without a test split).
    """

    def __init__(
        self,
        project: Project,
        dataset: Dataset,
        network: Network,
        trainer: Trainer,
        history: list[dict],
    ) -> None:
        self.project = project
        self.dataset = dataset
        self.network = network
        self.trainer = trainer
        self.history = history
        self.trainer.epoch_offset = int(history[-1].get("epoch", len(history))) if history else 0
        self.last_report: Report | None = None

    @classmethod
    def from_project(
        cls,
        project: Project,
        *,
        dtype: str | None = None,
        init_weights: Mapping[str, np.ndarray] | str | os.PathLike[str] | None = None,
    ) -> Session:
        """Build the dataset, validate and compile the network, load weights, make a Trainer.

        ``dtype`` overrides the project's training dtype. ``init_weights`` (a dict or a path
        to a ``.npz`` / ``.safetensors`` file) replaces the project's weights; it is checked
        like :func:`nnstudio.io.apply_weights`. Raises :class:`nnstudio.graph.GraphError`
        listing every problem of the graph against the dataset and loss,
        :class:`nnstudio.data.DataError`, :class:`nnstudio.engine.ConfigError`,
        :class:`WeightsImportError`, and
        :class:`nnstudio.graph.memory.NotEnoughMemoryError` (before allocating anything).
        """
        if init_weights is not None:
            if isinstance(init_weights, str | os.PathLike | Path):
                init_weights = load_weights_file(init_weights, project.network)
            project = apply_weights(project, init_weights)
        config = TrainConfig.from_dict(project.training.to_dict())
        if dtype is not None:
            config.dtype = dtype
        config.validate()
        dataset = make_dataset(project.data_settings())
        _check_graph(project.network, dataset, config.loss)
        check_training_memory(  # refuse before allocating (NotEnoughMemoryError)
            project.network,
            config,
            n_features=dataset.n_features,
            n_train=len(dataset.y_train),
            n_test=0 if dataset.y_test is None else len(dataset.y_test),
            surface=dataset.bounds is not None,
        )
        network = compile_spec(project.network, dtype=config.dtype, seed=config.seed)
        history: list[dict] = []
        if project.weights is not None:
            _set_weights(network, project.weights)
            if init_weights is None:
                history = [dict(row) for row in project.history]
        trainer = Trainer(
            network,
            dataset.x_train,
            dataset.y_train,
            dataset.x_test,
            dataset.y_test,
            config=config,
        )
        return cls(project, dataset, network, trainer, history)

    @property
    def task(self) -> str:
        """``"binary"``, ``"multiclass"`` or ``"regression"`` (from the dataset)."""
        return self.dataset.task

    @property
    def epochs_done(self) -> int:
        """Epochs in :attr:`history` (including those of earlier runs that were continued)."""
        return self.trainer.epoch_offset + self.trainer.epoch

    def run(
        self, epochs: int | None = None, *, interrupt: Callable[[], bool] | None = None
    ) -> Iterator[dict]:
        """The training loop of the CLI, the GUI worker and scripts (``Trainer.run``).

        Yields each epoch's history row (also appended to :attr:`history`). ``epochs``:
        epochs in this run; None follows the project's Epochs (the epochs left to reach it,
        or that many more when it is reached; live changes through ``trainer.update``
        count). The budget is fixed when this is called, so ``trainer.epochs_left()`` is
        valid at once. ``interrupt`` is called every few dozen steps: blocking in it
        pauses, returning True stops the run (the partial epoch adds no row; the generator
        just ends). On divergence or degradation the network holds the best weights, the
        history is cut after the best epoch, and the ``DivergenceError`` /
        ``DegradedError`` propagates.
        """
        return self._rows(self.trainer.run(epochs, interrupt))

    def _rows(self, reports: Iterator[Report]) -> Iterator[dict]:
        try:
            for report in reports:
                yield self.record(report)
        except EpochInterrupted:
            return
        except DivergenceError as exc:
            if exc.kept_epoch is not None:
                self._cut_history(exc.kept_epoch)
            raise

    def train_epoch(self, interrupt: Callable[[], bool] | None = None) -> Report:
        """One epoch of :meth:`run`; returns its Report. A stopped epoch raises
        ``EpochInterrupted`` and adds no row."""
        for _row in self.run(1, interrupt=interrupt):
            return self.last_report
        raise EpochInterrupted(f"stopped during epoch {self.epochs_done + 1}")

    def record(self, report: Report) -> dict:
        """Append ``report`` to :attr:`history` (epochs numbered after earlier runs)."""
        row = report.to_dict()
        row["epoch"] = self.trainer.epoch_offset + int(report.epoch)
        self.history.append(row)
        self.last_report = report
        return row

    @property
    def best_epoch(self) -> int | None:
        """History epoch of the best weights of this session's runs (None before a run;
        the epoch it started from if nothing beat those)."""
        watch = self.trainer.watch
        if watch is None or watch.best_epoch is None:
            return None
        return int(watch.best_epoch)

    @property
    def best_weights(self) -> dict[str, np.ndarray] | None:
        """Copies of the best weights by name (like ``network.get_weights()``), or None."""
        watch, net = self.trainer.watch, self.network
        if self.best_epoch is None:
            return None
        now = net.flat_params.copy(), net.flat_state.copy()
        watch.restore()
        try:
            return net.get_weights()
        finally:
            np.copyto(net.flat_params, now[0])
            np.copyto(net.flat_state, now[1])

    def restore_best(self) -> int | None:
        """Put the best weights back and cut :attr:`history` after the best epoch (later
        epochs are numbered from there). Returns that epoch, or None if there is none."""
        epoch = self.best_epoch
        if epoch is not None:
            self.trainer.watch.restore()
            self._cut_history(epoch)
        return epoch

    def _cut_history(self, epoch: int) -> None:
        self.history[:] = [row for row in self.history if int(row.get("epoch", 0)) <= epoch]
        self.trainer.epoch_offset = epoch - self.trainer.epoch

    def predict_raw(self, raw_x: np.ndarray) -> np.ndarray:
        """Raw inputs (n, n_raw) -> network outputs (n, output_width), in eval mode.

        Applies the dataset's preprocessor (engineered features, standardization) first.
        """
        x = self.dataset.preprocessor.transform(np.asarray(raw_x, dtype=np.float64))
        return self.network.predict(x)

    def grid(self, resolution: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Network outputs over a regular grid covering the 2-D data.

        Returns ``xs`` (resolution,), ``ys`` (resolution,) and ``values``
        (resolution, resolution, output_width) where ``values[i, j]`` is the output at
        ``(xs[j], ys[i])`` (row-major: rows follow y). Raises :class:`SessionError` if the
        data is not 2-D.
        """
        if self.dataset.bounds is None:
            raise SessionError(Text("a decision surface needs 2-D data; this dataset is not 2-D"))
        if resolution < 2:
            raise SessionError(Text("grid resolution must be at least 2, got {n}", n=resolution))
        xmin, xmax, ymin, ymax = self.dataset.bounds
        xs = np.linspace(xmin, xmax, resolution)
        ys = np.linspace(ymin, ymax, resolution)
        gx, gy = np.meshgrid(xs, ys)
        points = np.column_stack([gx.ravel(), gy.ravel()])
        values = self.predict_raw(points)
        return xs, ys, values.reshape(resolution, resolution, -1)

    def store(self) -> Project:
        """A new Project: the session's project with the current weights, the dataset's
        preprocessor and the history copied in (the session's project is unchanged)."""
        project = self.project.copy()
        project.weights = self.network.get_weights()
        project.preprocessor = self.dataset.preprocessor.to_dict()
        project.history = [dict(row) for row in self.history]
        return project


class Predictor:
    """A trained project ready to predict, without building its dataset.

    Uses the project's stored preprocessor (or, if the project has none, the one fitted on
    its dataset). Raises :class:`SessionError` if the project holds no weights.
    """

    def __init__(self, project: Project) -> None:
        if project.weights is None:
            raise SessionError(
                Text(
                    "project '{name}' is not trained (it holds no weights); "
                    "train it first, e.g. nnstudio train PROJECT",
                    name=project.name,
                )
            )
        self.project = project
        self.network = compile_spec(
            project.network, dtype=project.training.dtype, seed=project.training.seed
        )
        _set_weights(self.network, project.weights)
        if project.preprocessor is not None:
            self.preprocessor = Preprocessor.from_dict(project.preprocessor)
        else:
            self.preprocessor = make_dataset(project.data_settings()).preprocessor
        self.task = task_of(project.training.loss)

    def predict_raw(self, raw_x: np.ndarray) -> np.ndarray:
        """Raw inputs (n, n_raw) -> network outputs (n, output_width)."""
        x = self.preprocessor.transform(np.asarray(raw_x, dtype=np.float64))
        return self.network.predict(x)

    def probabilities(self, outputs: np.ndarray) -> np.ndarray:
        """Class probabilities (n, n_classes) from :meth:`predict_raw`'s outputs."""
        return to_probabilities(outputs, self.task, self.network.output_activation)
