"""XOR with the NN Studio engine: a 2-4-1 network that reaches 100 % accuracy.

The tutorial this project grew from tried XOR with a single sigmoid layer, which cannot
separate it. One hidden layer of 4 tanh units can. Run:

    python examples/xor.py
"""

from __future__ import annotations

import numpy as np

from nnstudio.engine import Network, NodeDef, fit_iter
from nnstudio.graph import fill_node_params, train_config

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([0, 1, 1, 0])


def node(node_id: str, kind: str, params: dict, inputs: list[str]) -> NodeDef:
    """An engine node; the parameters left out get the catalog's defaults."""
    return NodeDef(node_id, kind, fill_node_params(kind, params), inputs)


def build() -> Network:
    return Network(
        [
            node("input", "input", {"units": 2}, []),
            node("hidden", "dense", {"units": 4, "activation": "tanh"}, ["input"]),
            node("output", "dense", {"units": 1, "activation": "sigmoid"}, ["hidden"]),
        ],
        seed=0,
    )


def main() -> float:
    net = build()
    config = train_config(
        loss="bce", optimizer="adam", learning_rate=0.05, batch_size=4, epochs=500
    )
    for report in fit_iter(net, X, Y, config=config):
        if report.epoch % 100 == 0:
            print(f"epoch {report.epoch:4d}  loss {report.train_loss:.4f}")
    probs = net.predict(X)[:, 0]
    pred = (probs > 0.5).astype(int)
    for x, p, y in zip(X, probs, Y, strict=True):
        print(f"{x.astype(int)} -> {p:.3f}  (target {y})")
    accuracy = float(np.mean(pred == Y))
    print(f"accuracy: {accuracy:.0%}")
    return accuracy


if __name__ == "__main__":
    main()
