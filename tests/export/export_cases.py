"""Networks, weights and preprocessing shared by the export tests.

Every export is compared with the app's own predictions: the engine network's
``predict(preprocessor.transform(raw))`` (what ``Session.predict_raw`` does).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.data import FEATURES, Preprocessor
from nnstudio.engine import ACTIVATIONS as ENGINE_ACTIVATIONS
from nnstudio.engine import Network
from nnstudio.graph import NetworkSpec, compile_spec

ALL_FEATURES = list(FEATURES)
ACTIVATIONS = ENGINE_ACTIVATIONS  # every activation the engine (and so the exporters) knows


@dataclass
class Case:
    """A network ready to export, and the app's reference predictions for it."""

    spec: NetworkSpec
    network: Network
    weights: dict[str, np.ndarray]
    preprocessor: Preprocessor

    @property
    def pre_dict(self) -> dict:
        return self.preprocessor.to_dict()

    def predict_raw(self, raw: np.ndarray) -> np.ndarray:
        """The app's predictions: raw (n, n_raw) -> (n, n_outputs)."""
        return self.network.predict(self.preprocessor.transform(raw))


def fitted_preprocessor(features: list[str] | None = ALL_FEATURES, n_raw: int = 2) -> Preprocessor:
    rng = np.random.default_rng(7)
    raw = rng.normal(0.3, 2.0, size=(200, n_raw))
    return Preprocessor(features, standardize=True).fit(raw)


def raw_inputs(n: int = 64, n_raw: int = 2, seed: int = 1) -> np.ndarray:
    """Random raw inputs (n, n_raw) in the range the data covers."""
    return np.random.default_rng(seed).normal(0.3, 2.0, size=(n, n_raw))


def make_case(spec: NetworkSpec, *, dtype: str = "float32", seed: int = 3, **pre_kw) -> Case:
    """Compile ``spec`` and give it 'trained-looking' weights: random biases and BN state."""
    network = compile_spec(spec, dtype=dtype, seed=seed)
    rng = np.random.default_rng(seed + 100)
    weights = network.get_weights()
    for name, value in weights.items():
        if name.endswith(".running_var"):
            weights[name] = rng.uniform(0.5, 2.0, value.shape).astype(value.dtype)
        elif not name.endswith(".weight"):
            weights[name] = rng.normal(0.0, 0.5, value.shape).astype(value.dtype)
        elif value.ndim == 1:  # batchnorm scale
            weights[name] = rng.uniform(0.5, 1.5, value.shape).astype(value.dtype)
    network.set_weights(weights)
    return Case(spec, network, network.get_weights(), fitted_preprocessor(**pre_kw))


def mlp(
    activation: str = "tanh",
    output_activation: str = "sigmoid",
    n_inputs: int = 7,
    hidden: tuple[int, ...] = (8, 6),
    n_outputs: int = 1,
) -> NetworkSpec:
    return NetworkSpec.sequential(n_inputs, list(hidden), activation, n_outputs, output_activation)


def dag(n_inputs: int = 7) -> NetworkSpec:
    """Every layer kind: dense (with and without bias), batchnorm, dropout, activation
    nodes, add and concat, with two branches from the input."""
    s = NetworkSpec()
    i = s.add_node("input", {"units": n_inputs}).id
    d1 = s.add_node("dense", {"units": 6, "activation": "tanh"}).id
    s.add_edge(i, d1)
    bn = s.add_node("batchnorm").id
    s.add_edge(d1, bn)
    dr = s.add_node("dropout", {"rate": 0.3}).id
    s.add_edge(bn, dr)
    d2 = s.add_node("dense", {"units": 5, "activation": "gelu"}).id
    s.add_edge(dr, d2)
    d3 = s.add_node("dense", {"units": 5, "activation": "elu", "alpha": 0.7, "use_bias": False})
    s.add_edge(i, d3.id)
    add = s.add_node("add").id
    s.add_edge(d2, add)
    s.add_edge(d3.id, add)
    cat = s.add_node("concat").id
    s.add_edge(add, cat)
    s.add_edge(d1, cat)
    act = s.add_node("activation", {"activation": "leaky_relu", "slope": 0.2}).id
    s.add_edge(cat, act)
    out = s.add_node("dense", {"units": 3, "activation": "softmax"}).id
    s.add_edge(act, out)
    return s
