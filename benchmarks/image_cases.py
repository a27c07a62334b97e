"""Image cases of ``engine_vs_torch.py``: LeNet-5 style on 28x28, a digits 8x8 CNN, inference.

Same protocol as the dense cases: both frameworks start from the same weights (copied from
the engine network), see the same batches in the same order (the engine Trainer's
permutation, reproduced with the same seed), use Adam with the same hyperparameters and
float32; epochs are timed interleaved after one warm-up epoch each and the medians
compared. Data is random (the time per epoch does not depend on the values). The engine's
Input node is an image (1, 28, 28) fed flat rows of 784 values; the torch model starts
with ``nn.Unflatten`` to see the same rows as images.

Inference: ``Network.predict`` on 10,000 images against the torch model in ``no_grad``
mode on the same 10,000 images at once, median of interleaved runs.

Run alone:  python benchmarks/image_cases.py [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch

from nnstudio.engine import Network, NodeDef, TrainConfig, Trainer
from nnstudio.engine._threads import SMALL_NETWORK_PARAMS, use_single_blas_thread
from nnstudio.graph import fill_node_params, fill_training

SEED = 0

LENET = [
    ("image", (1, 28, 28)),
    ("conv", 6, 5, "valid"),
    ("pool", 2),
    ("conv", 16, 5, "valid"),
    ("pool", 2),
    ("flatten",),
    ("dense", 120, "relu"),
    ("dense", 84, "relu"),
    ("dense", 10, "softmax"),
]
DIGITS_CNN = [
    ("image", (1, 8, 8)),
    ("conv", 16, 3, "same"),
    ("pool", 2),
    ("flatten",),
    ("dense", 10, "softmax"),
]


def _node(nid, kind, params, inputs):
    return NodeDef(nid, kind, fill_node_params(kind, params), inputs)


def build(layers, n_features, dtype="float32"):
    """The engine network and the torch model with the same weights."""
    c, h, w = layers[0][1]  # the input node holds the image shape
    image = {"channels": c, "height": h, "width": w}
    nodes = [_node("in", "input", {"units": n_features, **image}, [])]
    prev = "in"
    for i, spec in enumerate(layers[1:], start=1):
        nid = "out" if i == len(layers) - 1 else f"l{i}"
        kind = spec[0]
        if kind == "conv":
            p = {"filters": spec[1], "kernel_size": spec[2], "padding": spec[3]}
            nodes.append(_node(nid, "conv2d", {**p, "activation": "relu"}, [prev]))
        elif kind == "pool":
            p = {"pool_size": spec[1], "stride": spec[1]}
            nodes.append(_node(nid, "maxpool2d", p, [prev]))
        elif kind == "flatten":
            nodes.append(_node(nid, "flatten", {}, [prev]))
        else:
            nodes.append(_node(nid, "dense", {"units": spec[1], "activation": spec[2]}, [prev]))
        prev = nid
    net = Network(nodes, dtype=dtype, seed=SEED)
    weights = net.get_weights()
    mods: list[torch.nn.Module] = []
    mods.append(torch.nn.Unflatten(1, (c, h, w)))  # flat rows viewed as images, as the engine
    for nd, spec in zip(nodes[1:], layers[1:], strict=True):
        kind, in_shape = spec[0], net._layers[nd.id].in_shapes[0]
        if kind == "conv":
            mods.append(torch.nn.Conv2d(in_shape[0], spec[1], spec[2], padding=spec[3]))
        elif kind == "pool":
            mods.append(torch.nn.MaxPool2d(spec[1]))
        elif kind == "flatten":
            mods.append(torch.nn.Flatten())
        else:
            mods.append(torch.nn.Linear(in_shape[0], spec[1]))
        if kind in ("conv", "dense"):
            with torch.no_grad():
                weight = weights[f"{nd.id}.weight"]
                mods[-1].weight.copy_(
                    torch.from_numpy(weight.T.copy() if kind == "dense" else weight)
                )
                mods[-1].bias.copy_(torch.from_numpy(weights[f"{nd.id}.bias"]))
            if spec[-1] == "relu" or kind == "conv":
                mods.append(torch.nn.ReLU())
    return net, torch.nn.Sequential(*mods)


class TorchRun:
    def __init__(self, model, x, y, batch_size, lr):
        self.model = model
        self.x = torch.from_numpy(x.astype(np.float32))
        self.y = torch.from_numpy(y)
        self.lossf = torch.nn.CrossEntropyLoss()
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.bs = batch_size
        self.rng = np.random.default_rng(SEED)  # same permutations as the engine's Trainer

    def epoch(self) -> float:
        n = self.x.shape[0]
        perm = torch.from_numpy(self.rng.permutation(n))
        xe, ye = self.x[perm], self.y[perm]
        total = 0.0
        model, opt, lossf = self.model, self.opt, self.lossf
        for s in range(0, n, self.bs):
            xb, yb = xe[s : s + self.bs], ye[s : s + self.bs]
            opt.zero_grad()
            loss = lossf(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * xb.shape[0]
        return total / n


def _threads(net, default_threads):
    """One thread in both frameworks for small networks (the Trainer does this by itself;
    set here too for ``predict`` outside a Trainer), the default threads otherwise."""
    small = net.n_params <= SMALL_NETWORK_PARAMS
    torch.set_num_threads(1 if small else default_threads)
    use_single_blas_thread(small)


def train_case(layers, n, n_features, batch_size, repeats, default_threads):
    rng = np.random.default_rng(123)
    x = rng.normal(size=(n, n_features))
    y = rng.integers(0, 10, size=n)
    net, model = build(layers, n_features)
    _threads(net, default_threads)
    settings = {
        "loss": "cce",
        "optimizer": "adam",
        "learning_rate": 0.001,
        "batch_size": batch_size,
        "epochs": None,
        "seed": SEED,
        "dtype": "float32",
    }
    cfg = TrainConfig.from_dict(fill_training(settings))
    trainer = Trainer(net, x, y, config=cfg)
    trun = TorchRun(model, x, y, batch_size, 0.001)
    te, tt, le, lt = [], [], [], []
    for i in range(repeats + 1):
        t0 = time.perf_counter()
        rep = trainer.train_epoch()
        t1 = time.perf_counter()
        tl = trun.epoch()
        t2 = time.perf_counter()
        le.append(rep.train_loss)
        lt.append(tl)
        if i > 0:
            te.append(t1 - t0)
            tt.append(t2 - t1)
    return statistics.median(te), statistics.median(tt), abs(le[0] - lt[0]) / abs(lt[0])


def inference_case(repeats, default_threads):
    rng = np.random.default_rng(7)
    x = rng.normal(size=(10_000, 784)).astype(np.float32)
    net, model = build(LENET, 784)
    _threads(net, default_threads)
    model.eval()
    xt = torch.from_numpy(x)
    te, tt = [], []
    for i in range(repeats + 1):
        t0 = time.perf_counter()
        ours = net.predict(x)
        t1 = time.perf_counter()
        with torch.no_grad():
            ref = torch.softmax(model(xt), 1)
        t2 = time.perf_counter()
        if i > 0:
            te.append(t1 - t0)
            tt.append(t2 - t1)
    diff = float(np.abs(ours - ref.numpy()).max())
    return statistics.median(te), statistics.median(tt), diff


CASES = [
    "LeNet-5 style, 28x28, f32, Adam (10,000 x 1x28x28, batch 64)",
    "digits CNN conv16@3x3 same, pool, dense 10 (1,797 x 1x8x8, batch 32)",
    "inference, LeNet-5 style, f32 (10,000 x 1x28x28)",
]


def run(name, repeats, default_threads):
    """(engine seconds, torch seconds, difference) of one case; ``repeats`` timed runs."""
    if name.startswith("LeNet"):
        return train_case(LENET, 10_000, 784, 64, max(3, repeats // 4), default_threads)
    if name.startswith("digits"):
        return train_case(DIGITS_CNN, 1797, 64, 32, repeats, default_threads)
    return inference_case(max(3, repeats // 4), default_threads)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20, help="timed epochs per case")
    args = ap.parse_args()
    default_threads = torch.get_num_threads()
    print(f"numpy {np.__version__}, torch {torch.__version__}, threads {default_threads}")
    for name in CASES:
        me, mt, diff = run(name, args.repeats, default_threads)
        print(f"{name:72s} {me * 1e3:10.2f} {mt * 1e3:10.2f} {me / mt:7.3f} {diff:9.1e}")


if __name__ == "__main__":
    main()
