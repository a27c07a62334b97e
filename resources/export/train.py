"""Train the exported NN Studio network with PyTorch, the way NN Studio trains it.

Written by ``nnstudio export PROJECT --format pytorch-train -o DIR``; needs only ``torch``
and ``numpy``. The files beside this script:

    model.py           the network as an ``nn.Module`` (raw inputs -> outputs) + ``logits()``
    config.json        every training setting, resolved: loss, optimizer, schedule, ...
    start_weights.npz  the starting weights with NN Studio names (float64)
    data.npz           the project's split: raw_train, y_train, raw_test, y_test

Run it as::

    python train.py                               # CPU, the project's dtype
    python train.py --dtype float64               # comparable with nnstudio train --dtype float64
    python train.py --device cuda --amp           # one GPU, mixed precision
    torchrun --nproc_per_node=4 train.py          # DistributedDataParallel (NCCL / gloo)
    python train.py --checkpoint ckpt.pt --resume # continue an interrupted run

It writes (into ``--out``, default this folder) ``log.csv`` (the columns of
``nnstudio train --log``), ``trained.safetensors`` (NN Studio names:
``nnstudio import-weights PROJECT trained.safetensors``) and ``trained.pt`` (model.py's
state_dict: ``model.load("trained.pt")``).

Every process sees the same shuffled order and the same dropout masks (drawn from NumPy
exactly as NN Studio draws them); each global batch is split across the processes and the
loss is scaled so that DistributedDataParallel's gradient average equals the gradient of
the whole batch.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import struct
import sys
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import model as exported  # noqa: E402  (model.py beside this script)

P_EPS = 1e-7  # NN Studio clips probabilities to [1e-7, 1 - 1e-7] in bce / cce on probabilities
CLIP_EPS = 1e-6  # gradient clipping: g *= clip / (norm + 1e-6) when norm > clip


# ---------------------------------------------------------------------------- setup


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Train the exported NN Studio network.")
    p.add_argument("--epochs", type=int, help="epochs to train (default: the project's)")
    p.add_argument("--dtype", choices=["float32", "float64"], help="default: the project's")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--amp", action="store_true", help="mixed precision (float16 on GPUs)")
    p.add_argument("--checkpoint", help="save a checkpoint here after every epoch")
    p.add_argument("--checkpoint-every", type=int, default=1, help="epochs between saves")
    p.add_argument("--resume", action="store_true", help="continue from --checkpoint")
    p.add_argument("--out", default=str(HERE), help="folder for log.csv and trained weights")
    p.add_argument("--log", help="per-epoch CSV log (default OUT/log.csv)")
    p.add_argument("--quiet", action="store_true")
    return p.parse_args(argv)


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


class Dist:
    """Rank, world size and device; a process group when started by torchrun."""

    def __init__(self, device: str) -> None:
        self.size = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        local = int(os.environ.get("LOCAL_RANK", "0"))
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device == "cuda":
            if not torch.cuda.is_available():
                fail("--device cuda, but PyTorch sees no GPU; use --device cpu")
            torch.cuda.set_device(local)
            self.device = torch.device("cuda", local)
        else:
            self.device = torch.device("cpu")
        if self.size > 1:
            dist.init_process_group("nccl" if device == "cuda" else "gloo")

    def shard(self, size: int) -> tuple[int, int]:
        """This process's rows [lo, hi) of a global batch of ``size`` rows."""
        base, extra = divmod(size, self.size)
        lo = self.rank * base + min(self.rank, extra)
        return lo, lo + base + (1 if self.rank < extra else 0)

    def sum(self, values: list[float]) -> list[float]:
        if self.size == 1:
            return values
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        dist.all_reduce(t)
        return t.tolist()


# ---------------------------------------------------------------------------- model


class ReplayedDropout(nn.Module):
    """Inverted dropout whose mask is set from outside (drawn as NN Studio draws it)."""

    def __init__(self, rate: float) -> None:
        super().__init__()
        self.rate = rate
        self.mask: torch.Tensor | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.rate == 0.0:
            return x
        return x * self.mask.reshape(x.shape)  # drawn per sample as (n, features)


class TrainNet(nn.Module):
    """model.py's network, returning logits when the loss fuses the output activation."""

    def __init__(self, net: nn.Module, logits: bool) -> None:
        super().__init__()
        self.net = net
        self.logits = logits

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return exported.logits(self.net, x) if self.logits else self.net(x)


def build_model(cfg: dict, dtype: torch.dtype) -> nn.Module:
    net = exported.NNStudioModel().to(dtype)
    start = np.load(HERE / cfg["weights"]["file"], allow_pickle=False)
    state = net.state_dict()
    for name, key, transpose in cfg["weights"]["names"]:
        value = start[name].T if transpose else start[name]
        state[key] = torch.from_numpy(np.ascontiguousarray(value)).to(dtype)
    pre = cfg["preprocessing"]
    if pre is not None:  # float64 constants (model.pt holds them as float32)
        state["feature_mean"] = torch.tensor(pre["mean"], dtype=dtype)
        state["feature_std"] = torch.tensor(pre["std"], dtype=dtype)
    net.load_state_dict(state)
    for d in cfg["dropout"]:
        setattr(net, d["attr"], ReplayedDropout(d["rate"]))
    return net


def nnstudio_weights(net: nn.Module, cfg: dict) -> dict[str, np.ndarray]:
    """The trained weights under NN Studio's names (Dense weights (fan_in, fan_out))."""
    state = net.state_dict()
    out = {}
    for name, key, transpose in cfg["weights"]["names"]:
        value = state[key].detach().cpu().numpy()
        out[name] = np.ascontiguousarray(value.T if transpose else value)
    return out


def save_safetensors(path: Path, tensors: dict[str, np.ndarray]) -> None:
    """A .safetensors file (written by hand: no extra package needed)."""
    codes = {"float32": "F32", "float64": "F64"}
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name])
        a = a.astype(a.dtype.newbyteorder("<"), copy=False)
        blob = a.tobytes()
        header[name] = {
            "dtype": codes[a.dtype.name],
            "shape": list(a.shape),
            "data_offsets": [offset, offset + len(blob)],
        }
        blobs.append(blob)
        offset += len(blob)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    replace_file(path, struct.pack("<Q", len(head)) + head + b"".join(blobs))


def replace_file(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------- loss


def per_sample_loss(form: str, out: torch.Tensor, t: torch.Tensor, delta: float) -> torch.Tensor:
    """Each sample's loss (n,), as NN Studio defines it (see config.json "loss")."""
    if form == "mse":
        return ((out - t) ** 2).mean(dim=1)
    if form == "mae":
        return (out - t).abs().mean(dim=1)
    if form == "huber":
        return F.huber_loss(out, t, reduction="none", delta=delta).mean(dim=1)
    if form == "bce_logits":  # sigmoid fused into the loss: softplus(z) - y z
        return F.binary_cross_entropy_with_logits(out, t, reduction="none").mean(dim=1)
    if form == "bce_probabilities":
        p = clip_through(out, P_EPS, 1.0 - P_EPS)
        return -(t * torch.log(p) + (1.0 - t) * torch.log1p(-p)).mean(dim=1)
    if form == "cce_logits":  # softmax fused into the loss: logsumexp(z) - z[y]
        return F.cross_entropy(out, t.argmax(dim=1), reduction="none")
    if form == "cce_probabilities":
        p = clip_through(out.gather(1, t.argmax(dim=1, keepdim=True)), P_EPS, 1.0)
        return -torch.log(p)[:, 0]
    raise ValueError(f"unknown loss form {form!r}")


def clip_through(x: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
    """Clipped values whose gradient passes through unclipped (as NN Studio's kernels)."""
    return x + (x.clamp(lo, hi) - x).detach()


class Metrics:
    """Sums over an epoch (per process); :meth:`finish` reduces them across processes."""

    def __init__(self, cfg: dict) -> None:
        self.task, self.form = cfg["task"], cfg["loss"]["form"]
        self.loss = self.count = self.correct = self.sse = self.values = 0.0

    def add(self, per: torch.Tensor, out: torch.Tensor, t: torch.Tensor) -> None:
        out, t = out.detach().double(), t.double()
        self.loss += float(per.detach().double().sum())
        self.count += per.shape[0]
        if self.task == "regression":
            self.sse += float(((out - t) ** 2).sum())
            self.values += out.numel()
        elif self.task == "binary":
            threshold = 0.0 if self.form == "bce_logits" else 0.5
            self.correct += float(((out[:, 0] > threshold) == (t[:, 0] > 0.5)).sum())
        else:
            self.correct += float((out.argmax(dim=1) == t.argmax(dim=1)).sum())

    def finish(self, world: Dist) -> dict:
        loss, count, correct, sse, values = world.sum(
            [self.loss, self.count, self.correct, self.sse, self.values]
        )
        row = {"loss": loss / count}
        if self.task == "regression":
            row["rmse"] = math.sqrt(sse / values)
        else:
            row["accuracy"] = correct / count
        return row


# ---------------------------------------------------------------------------- optimizer


def make_optimizer(cfg: dict, params) -> torch.optim.Optimizer:
    """torch.optim's class with every hyperparameter NN Studio used (same update rules)."""
    o = cfg["optimizer"]
    cls = getattr(torch.optim, o["torch_class"])
    return cls(params, lr=cfg["learning_rate"], **o["params"])


def make_schedule(cfg: dict, opt: torch.optim.Optimizer):
    """The learning-rate schedule, stepped once per epoch (None for a constant rate)."""
    s = cfg["schedule"]
    sched = torch.optim.lr_scheduler
    if s["name"] == "step":
        return sched.StepLR(opt, step_size=s["step_size"], gamma=s["gamma"])
    if s["name"] == "exponential":
        return sched.ExponentialLR(opt, gamma=s["gamma"])
    if s["name"] == "cosine":
        return sched.CosineAnnealingLR(opt, T_max=s["t_max"], eta_min=s["eta_min"])
    return None


def regularize_and_clip(cfg: dict, net: nn.Module, decayed: list, check: bool) -> None:
    """L1/L2 on the Dense weights, then clipping of the global gradient norm."""
    l1, l2, clip = cfg["l1"], cfg["l2"], cfg["clip_norm"]
    for p in decayed:
        if l2:
            p.grad.add_(p.detach(), alpha=2.0 * l2)
        if l1:
            p.grad.add_(torch.sign(p.detach()), alpha=l1)
    grads = [p.grad for p in net.parameters() if p.grad is not None]
    gg = float(sum((g.double() ** 2).sum() for g in grads))
    if check and not math.isfinite(gg):
        raise FloatingPointError("the gradient became infinite or NaN")
    if clip is not None and gg > clip * clip:
        scale = clip / (math.sqrt(gg) + CLIP_EPS)
        for g in grads:
            g.mul_(scale)


# ---------------------------------------------------------------------------- training


class Run:
    """One training run: data (on the device), model, optimizer, schedule and the NumPy
    generator that shuffles and draws the dropout masks, as NN Studio's Trainer."""

    def __init__(self, args, cfg: dict) -> None:
        self.args, self.cfg = args, cfg
        self.world = Dist(args.device)
        self.dtype = getattr(torch, args.dtype or cfg["dtype"])
        self.np_dtype = np.float64 if self.dtype == torch.float64 else np.float32
        dev = self.world.device
        data = np.load(HERE / cfg["data"]["file"], allow_pickle=False)
        self.x, self.t = self.tensors(data["raw_train"], data["y_train"], dev)
        self.xt, self.tt = self.tensors(data["raw_test"], data["y_test"], dev)
        n = self.x.shape[0]
        bs = cfg["batch_size"]
        self.batch = n if bs is None else min(bs, n)
        self.net = build_model(cfg, self.dtype).to(dev)
        self.dropouts = [(getattr(self.net, d["attr"]), d) for d in cfg["dropout"]]
        self.train_net: nn.Module = TrainNet(self.net, cfg["model"]["logits"])
        self.check_batches()
        if self.world.size > 1:
            if dev.type == "cuda":
                self.train_net = nn.SyncBatchNorm.convert_sync_batchnorm(self.train_net)
            self.train_net = nn.parallel.DistributedDataParallel(
                self.train_net, device_ids=[dev.index] if dev.type == "cuda" else None
            )
        names = dict(self.net.named_parameters())
        self.decayed = [names[k] for k in cfg["decay"]]
        self.opt = make_optimizer(cfg, self.net.parameters())
        self.sched = make_schedule(cfg, self.opt)
        self.amp = args.amp
        self.scaler = torch.amp.GradScaler("cuda") if args.amp and dev.type == "cuda" else None
        self.rng = np.random.default_rng(cfg["seed"])
        self.epoch = 0  # epochs done in this run
        self.step = 0

    def tensors(self, raw, y, dev):
        x = torch.from_numpy(np.ascontiguousarray(raw, dtype=self.np_dtype)).to(dev)
        k = self.cfg["n_outputs"]
        if self.cfg["task"] == "multiclass":
            t = np.zeros((y.shape[0], k))
            t[np.arange(y.shape[0]), y.astype(np.int64)] = 1.0
        else:
            t = np.asarray(y, dtype=np.float64).reshape(y.shape[0], -1)
        return x, torch.from_numpy(t.astype(self.np_dtype)).to(dev)

    def check_batches(self) -> None:
        """BatchNorm (per process on CPUs) cannot train on a single row."""
        n = self.x.shape[0]
        if self.cfg["has_batchnorm"] and n % self.batch == 1 and self.world.rank == 0:
            print(
                f"note: the {n} training samples leave a last batch of one, which BatchNorm "
                f"cannot train on: each epoch uses {n - 1} (as in NN Studio)",
                file=sys.stderr,
            )
        if not self.cfg["has_batchnorm"] or self.world.size == 1:
            return
        if self.world.device.type == "cuda":
            return  # SyncBatchNorm: statistics of the whole batch
        for size in {self.batch, n % self.batch} - {0}:
            lo, hi = self.world.shard(size)
            if 0 < hi - lo < 2:
                fail(
                    f"a batch of {size} rows leaves {hi - lo} row for process "
                    f"{self.world.rank}; BatchNorm needs 2 or more: use fewer processes"
                )

    def batches(self, n: int):
        """(start, size) of each step: full batches, then the rest (as NN Studio, which
        drops a last batch of one sample when the network has BatchNorm)."""
        s = 0
        while n - s >= self.batch:
            yield s, self.batch
            s += self.batch
        if s < n and not (n - s == 1 and self.cfg["has_batchnorm"]):
            yield s, n - s

    def draw_masks(self, size: int, lo: int, hi: int) -> None:
        """Dropout masks for the whole batch, in NN Studio's order; keep this shard's rows."""
        for module, d in self.dropouts:
            if d["rate"] == 0.0:
                continue
            u = self.rng.random((size, d["width"]), dtype=self.np_dtype)
            mask = (u >= d["rate"]).astype(self.np_dtype) * (1.0 / (1.0 - d["rate"]))
            module.mask = torch.from_numpy(mask[lo:hi]).to(self.world.device)

    def forward(self, x):
        if not self.amp:
            return self.train_net(x)
        kind = self.world.device.type
        half = torch.float16 if kind == "cuda" else torch.bfloat16
        with torch.autocast(device_type=kind, dtype=half):
            return self.train_net(x).to(self.dtype)

    def train_epoch(self) -> dict:
        cfg, world = self.cfg, self.world
        form, delta = cfg["loss"]["form"], cfg["loss"].get("delta", 1.0)
        n = self.x.shape[0]
        perm = self.rng.permutation(n)
        self.train_net.train()
        metrics = Metrics(cfg)
        for s, size in self.batches(n):
            lo, hi = world.shard(size)
            self.draw_masks(size, lo, hi)
            rows = torch.from_numpy(perm[s + lo : s + hi]).to(world.device)
            xb, tb = self.x[rows], self.t[rows]
            out = self.forward(xb)
            per = per_sample_loss(form, out, tb, delta)
            loss = per.sum() * (world.size / size)  # DDP averages: the whole batch's mean
            self.opt.zero_grad(set_to_none=False)
            if self.scaler is not None:
                self.scaler.scale(loss).backward()
                self.scaler.unscale_(self.opt)
            else:
                loss.backward()
            try:
                regularize_and_clip(cfg, self.net, self.decayed, check=self.scaler is None)
            except FloatingPointError as exc:
                fail(
                    f"training diverged at epoch {self.epoch + 1}, step {self.step + 1}: {exc}; "
                    "lower the learning rate or turn on gradient clipping"
                )
            if self.scaler is not None:
                self.scaler.step(self.opt)
                self.scaler.update()
            else:
                self.opt.step()
            self.step += 1
            metrics.add(per, out, tb)
        train = metrics.finish(world)
        if not math.isfinite(train["loss"]):
            fail(f"training diverged at epoch {self.epoch + 1}: the loss is not finite")
        test = self.evaluate()
        if self.sched is not None:
            self.sched.step()
        self.epoch += 1
        return {"train": train, "test": test}

    @torch.no_grad()
    def evaluate(self) -> dict:
        """Loss and accuracy / RMSE of the test split in evaluation mode (sharded)."""
        cfg = self.cfg
        self.net.eval()
        n = self.xt.shape[0]
        lo, hi = self.world.shard(n)
        metrics = Metrics(cfg)
        tnet = TrainNet(self.net, cfg["model"]["logits"])
        for s in range(lo, hi, 4096):
            e = min(hi, s + 4096)
            out = tnet(self.xt[s:e]).to(self.dtype)
            per = per_sample_loss(
                cfg["loss"]["form"], out, self.tt[s:e], cfg["loss"].get("delta", 1.0)
            )
            metrics.add(per, out, self.tt[s:e])
        self.net.train()
        return metrics.finish(self.world)

    def weight_difference(self) -> float:
        """Largest difference between any process's weights and process 0's."""
        flat = torch.cat([v.detach().double().reshape(-1) for v in self.net.state_dict().values()])
        reference = flat.clone()
        dist.broadcast(reference, src=0)
        diff = (flat - reference).abs().max().reshape(1)
        dist.all_reduce(diff, op=dist.ReduceOp.MAX)
        return float(diff)

    # ------------------------------------------------------------------------ checkpoints
    def save_checkpoint(self, path: Path) -> None:
        state = {
            "epoch": self.epoch,
            "step": self.step,
            "model": self.net.state_dict(),
            "optimizer": self.opt.state_dict(),
            "schedule": None if self.sched is None else self.sched.state_dict(),
            "scaler": None if self.scaler is None else self.scaler.state_dict(),
            "rng": json.dumps(self.rng.bit_generator.state),
        }
        tmp = path.with_name(path.name + ".tmp")
        torch.save(state, tmp)
        os.replace(tmp, path)

    def load_checkpoint(self, path: Path) -> None:
        state = torch.load(path, map_location=self.world.device, weights_only=True)
        self.net.load_state_dict(state["model"])
        self.opt.load_state_dict(state["optimizer"])
        if self.sched is not None and state["schedule"] is not None:
            self.sched.load_state_dict(state["schedule"])
        if self.scaler is not None and state["scaler"] is not None:
            self.scaler.load_state_dict(state["scaler"])
        self.rng.bit_generator.state = json.loads(state["rng"])
        self.epoch, self.step = int(state["epoch"]), int(state["step"])


def epochs_to_run(cfg: dict) -> int | None:
    """The project's epochs; continuing trained weights, those it has not done yet (all of
    them again when it has done them), as ``nnstudio train PROJECT``."""
    total, done = cfg["epochs"], cfg["epoch_offset"]
    if total is None or done == 0:
        return total
    return total - done if done < total else total


def log_columns(cfg: dict) -> list[str]:
    cols = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
    return cols + (["train_rmse", "test_rmse"] if cfg["task"] == "regression" else [])


def log_row(epoch: int, result: dict, columns: list[str]) -> list[str]:
    values = {"epoch": epoch}
    for split in ("train", "test"):
        for key, value in result[split].items():
            values[f"{split}_{key}"] = value
    return ["" if values.get(c) is None else repr(values[c]) for c in columns]


def main(argv=None) -> int:
    args = parse_args(argv)
    cfg = json.loads((HERE / "config.json").read_text(encoding="utf-8"))
    epochs = args.epochs if args.epochs is not None else epochs_to_run(cfg)
    if epochs is None:
        fail("the project trains without an epoch limit; give --epochs N")
    run = Run(args, cfg)
    main_process = run.world.rank == 0
    out = Path(args.out)
    log_path = Path(args.log) if args.log else out / "log.csv"
    checkpoint = Path(args.checkpoint) if args.checkpoint else None
    if args.resume:
        if checkpoint is None:
            fail("--resume needs --checkpoint PATH")
        found = run.world.sum([float(checkpoint.exists())])[0]
        if 0 < found < run.world.size:
            fail(f"{checkpoint} is missing for some processes: put it in a shared folder")
        if found:
            run.load_checkpoint(checkpoint)
    columns = log_columns(cfg)
    if main_process:
        out.mkdir(parents=True, exist_ok=True)
        fresh = not (args.resume and run.epoch > 0 and log_path.exists())
        log = open(log_path, "w" if fresh else "a", newline="", encoding="utf-8")  # noqa: SIM115
        writer = csv.writer(log)
        if fresh:
            writer.writerow(columns)
    offset = cfg["epoch_offset"]
    every = max(1, epochs // 20)
    while run.epoch < epochs:
        result = run.train_epoch()
        if main_process:
            writer.writerow(log_row(offset + run.epoch, result, columns))
            log.flush()
            if not args.quiet and (run.epoch % every == 0 or run.epoch == epochs):
                print(progress(offset + run.epoch, result), flush=True)
            if checkpoint is not None and (
                run.epoch % args.checkpoint_every == 0 or run.epoch == epochs
            ):
                run.save_checkpoint(checkpoint)
        if run.world.size > 1:
            dist.barrier()
    if run.world.size > 1:
        difference = run.weight_difference()
        if main_process and not args.quiet:
            print(f"{run.world.size} processes agree on the weights: max difference {difference:g}")
    if main_process:
        log.close()
        save_safetensors(out / "trained.safetensors", nnstudio_weights(run.net, cfg))
        state = {k: v.detach().cpu() for k, v in run.net.state_dict().items()}
        torch.save(state, out / "trained.pt")
        if not args.quiet:
            print(f"saved {out / 'trained.safetensors'} and {out / 'trained.pt'}")
    if run.world.size > 1:
        # every rank waits until rank 0 has written its files, then all leave together:
        # tearing down gloo while a peer is still busy can abort a process
        dist.barrier()
        dist.destroy_process_group()
    return 0


def progress(epoch: int, result: dict) -> str:
    parts = [f"epoch {epoch}", f"loss {result['train']['loss']:.4f}"]
    parts.append(f"test loss {result['test']['loss']:.4f}")
    for key in ("accuracy", "rmse"):
        if key in result["test"]:
            parts.append(f"test {key} {result['test'][key]:.4f}")
    return "  ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
