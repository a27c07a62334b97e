"""Engine vs PyTorch (CPU): time per epoch on the same networks, data, weights and batches.

For each case both frameworks start from the same initial weights (copied from the engine
network into the torch model), see the same batches in the same order (the permutation is
drawn from ``numpy.random.default_rng(seed)`` exactly as the engine's Trainer does) and use
Adam with the same hyperparameters; both compute the epoch's mean training loss. Epochs
are timed interleaved (engine, torch, engine, torch, ...) after one warm-up epoch each, and
the median time per epoch is reported with the ratio engine / torch. The last column is
the relative difference between the two frameworks' first-epoch losses (a check that they
really do the same work; later epochs drift apart by float32 rounding alone).

BLAS/torch threads: networks up to 50k parameters use one thread in both frameworks (the
engine does this by itself through threadpoolctl; torch gets ``torch.set_num_threads(1)``,
which is also its fastest setting for them); larger networks keep the default threads in both.

Run:  python benchmarks/engine_vs_torch.py [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch

from nnstudio.engine import Network, NodeDef, Trainer
from nnstudio.engine._threads import SMALL_NETWORK_PARAMS
from nnstudio.graph import fill_node_params, train_config

try:  # run as a script (python benchmarks/engine_vs_torch.py) or as a module
    import image_cases
except ImportError:  # pragma: no cover
    from benchmarks import image_cases

SEED = 0


def engine_mlp(sizes, hidden_act, out_act, dtype="float32"):
    nodes = [NodeDef("in", "input", fill_node_params("input", {"units": sizes[0]}))]
    prev = "in"
    for i, units in enumerate(sizes[1:], start=1):
        last = i == len(sizes) - 1
        nid = "out" if last else f"dense_{i}"
        act = out_act if last else hidden_act
        params = fill_node_params("dense", {"units": units, "activation": act})
        nodes.append(NodeDef(nid, "dense", params, [prev]))
        prev = nid
    return Network(nodes, dtype=dtype, seed=SEED)


def torch_mlp(net: Network, sizes, hidden_act):
    act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[hidden_act]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    model = torch.nn.Sequential(*layers)
    w = net.get_weights()
    names = [nd.id for nd in net.nodes if nd.kind == "dense"]
    with torch.no_grad():
        for lin, name in zip(
            [m for m in model if isinstance(m, torch.nn.Linear)], names, strict=True
        ):
            lin.weight.copy_(torch.from_numpy(np.ascontiguousarray(w[f"{name}.weight"].T)))
            lin.bias.copy_(torch.from_numpy(w[f"{name}.bias"]))
    return model


def make_case(name):
    rng = np.random.default_rng(123)
    if name.startswith("2-"):
        x = rng.normal(size=(1000, 2))
        y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
        sizes = [2, 8, 8, 1] if name.startswith("2-8-8-1") else [2] + [8] * 6 + [1]
        return x, y, sizes, "tanh", "sigmoid", "bce", 10
    if name.startswith("64-"):
        x = rng.normal(size=(1797, 64))
        y = rng.integers(0, 10, size=1797)
        return x, y, [64, 64, 10], "relu", "softmax", "cce", 32
    x = rng.normal(size=(10_000, 784))
    y = rng.integers(0, 10, size=10_000)
    return x, y, [784, 256, 128, 10], "relu", "softmax", "cce", 256


CASES = [
    "2-8-8-1 tanh, sigmoid+BCE, Adam (1,000 x 2, batch 10)",
    "2-[8]x6-1 tanh, sigmoid+BCE, Adam (1,000 x 2, batch 10)",
    "64-64-10 relu, softmax CE, Adam (1,797 x 64, batch 32)",
    "784-256-128-10 relu, softmax CE, Adam, f32 (10,000 x 784, batch 256)",
]


class TorchRun:
    def __init__(self, model, x, y, loss, batch_size, lr):
        self.model = model
        self.x = torch.from_numpy(x.astype(np.float32))
        if loss == "bce":
            self.y = torch.from_numpy(y.astype(np.float32)[:, None])
            self.lossf = torch.nn.BCEWithLogitsLoss()
        else:
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


def run_case(name, repeats):
    x, y, sizes, hidden, out, loss, bs = make_case(name)
    lr = 0.01 if sizes[0] == 2 else 0.001
    net = engine_mlp(sizes, hidden, out)
    model = torch_mlp(net, sizes, hidden)
    small = net.n_params <= SMALL_NETWORK_PARAMS
    torch.set_num_threads(1 if small else DEFAULT_TORCH_THREADS)
    cfg = train_config(
        loss=loss,
        optimizer="adam",
        learning_rate=lr,
        batch_size=bs,
        epochs=None,
        seed=SEED,
        dtype="float32",
    )
    trainer = Trainer(net, x, y, config=cfg)
    trun = TorchRun(model, x, y, loss, bs, lr)
    te, tt, le, lt = [], [], [], []
    for i in range(repeats + 1):
        t0 = time.perf_counter()
        rep = trainer.train_epoch()
        t1 = time.perf_counter()
        tl = trun.epoch()
        t2 = time.perf_counter()
        le.append(rep.train_loss)
        lt.append(tl)
        if i > 0:  # the first epoch of each warms up
            te.append(t1 - t0)
            tt.append(t2 - t1)
    me, mt = statistics.median(te), statistics.median(tt)
    diff = abs(le[0] - lt[0]) / abs(lt[0])
    return me, mt, diff


DEFAULT_TORCH_THREADS = torch.get_num_threads()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20, help="timed epochs per case")
    args = ap.parse_args()
    print(
        f"numpy {np.__version__}, torch {torch.__version__}, "
        f"torch default threads {DEFAULT_TORCH_THREADS}"
    )
    print(f"{'case':72s} {'engine ms':>10s} {'torch ms':>10s} {'ratio':>7s} {'loss diff':>9s}")
    for name in CASES:
        reps = args.repeats if not name.startswith("784") else max(3, args.repeats // 4)
        me, mt, diff = run_case(name, reps)
        print(
            f"{name:72s} {me * 1e3:10.2f} {mt * 1e3:10.2f} {me / mt:7.3f} {diff:9.1e}", flush=True
        )
    for name in image_cases.CASES:  # issue 13: images (loss diff; inference: max output diff)
        me, mt, diff = image_cases.run(name, args.repeats, DEFAULT_TORCH_THREADS)
        print(
            f"{name:72s} {me * 1e3:10.2f} {mt * 1e3:10.2f} {me / mt:7.3f} {diff:9.1e}", flush=True
        )


if __name__ == "__main__":
    main()
