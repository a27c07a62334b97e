"""``pytorch-train`` format: a folder that trains the network with PyTorch as NN Studio does.

:func:`export_training` writes into one folder:

- ``model.py`` (+ ``model.pt``, ``model.npz``): the ``pytorch`` export, plus a function
  ``logits(model, x)``, the outputs before a final sigmoid / softmax that the loss fuses
- ``train.py``: ``resources/export/train.py``, copied unchanged (torch + numpy only)
- ``config.json``: every training setting, resolved from the engine (see
  :func:`training_config`)
- ``start_weights.npz``: the starting weights, NN Studio names (``"dense_1.weight"``
  (fan_in, fan_out)), float64: also ``nnstudio train --init-weights``' input
- ``data.npz``: ``raw_train``, ``y_train``, ``raw_test``, ``y_test``, the project's split
  of the raw inputs (for a CSV project: its rows as NN Studio reads and encodes them)
- ``README.md``: the commands

See ``docs/export.md`` for what ``train.py`` reproduces bit for bit and what not.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio import resources_path
from nnstudio.errors import NNStudioError
from nnstudio.text import Text, message

from .errors import ExportError
from .files import write_bytes, write_text
from .image_ops import IMAGE_MODULE_OPS
from .model_ir import ModelIR, build_ir
from .project_parts import UNTRAINED_WARNING, resolve
from .pytorch_ import _Gen, _identifier
from .pytorch_ import write as write_module

FORMAT = "pytorch-train"
CONFIG_VERSION = 1
WEIGHT_CHOICES = ("initial", "trained")
TRAIN_SCRIPT = ("export", "train.py")  # under resources_path()

#: NN Studio optimizer -> the torch.optim class with the same update rule
TORCH_OPTIMIZERS = {
    "sgd": "SGD",
    "momentum": "SGD",
    "nesterov": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}


def export_training(
    project: Any,
    out_dir: str | Path,
    *,
    weights: str = "initial",
    written: list[Path] | None = None,
) -> list[str]:
    """Write the training folder ``out_dir`` (created if missing); returns warnings.

    weights: ``"initial"`` (the weights the project's seed gives, as ``nnstudio train
    --fresh`` starts) or ``"trained"`` (the project's weights, as ``nnstudio train PROJECT``
    continues; an untrained project falls back to its initial weights with a warning).
    Raises ExportError for an invalid network, data that cannot be prepared, or a folder
    that cannot be written.
    """
    if weights not in WEIGHT_CHOICES:
        raise ExportError(
            Text(
                "weights must be one of {choices}, not '{weights}'",
                choices=list(WEIGHT_CHOICES),
                weights=weights,
            )
        )
    folder = Path(out_dir)
    _check_folder(folder)
    spec, project_weights, _stored_pre, warnings = resolve(project)
    warnings = [w for w in warnings if w != UNTRAINED_WARNING]
    try:
        from nnstudio.data import make_dataset
        from nnstudio.engine import TrainConfig
        from nnstudio.graph import compile_spec, fill_training

        dataset = make_dataset(project.data_settings())
        cfg = TrainConfig.from_dict(fill_training(project.training.to_dict()))
        network = compile_spec(spec, dtype="float64", seed=cfg.seed)
    except NNStudioError as exc:
        raise ExportError(Text("cannot export the training: {error}", error=message(exc))) from exc
    continuing = weights == "trained" and project.weights is not None
    if weights == "trained" and not continuing:
        warnings.append(UNTRAINED_WARNING)
    start = dict(project_weights if continuing else network.get_weights())
    preprocessor = dataset.preprocessor.to_dict()
    ir = build_ir(spec, start, preprocessor)
    config = training_config(project, cfg, network, ir, continuing=continuing)

    _make_folder(folder)  # only now: nothing is left behind when the checks fail
    files: list[Path] = []
    description = ir.describe_json(spec.to_dict() if hasattr(spec, "to_dict") else None)
    files += write_module(ir, folder / "model.py", description)
    module = (folder / "model.py").read_text(encoding="utf-8")
    files.append(write_text(folder / "model.py", module + logits_source(ir, network, cfg)))
    files.append(write_bytes(folder / "start_weights.npz", _npz(_float64(start))))
    arrays = {
        "raw_train": dataset.raw_train,
        "y_train": dataset.y_train,
        "raw_test": dataset.raw_test,
        "y_test": dataset.y_test,
    }
    files.append(write_bytes(folder / "data.npz", _npz(arrays)))
    config["data"] = _data_entry(project, preprocessor)
    text = json.dumps(config, indent=1) + "\n"
    files.append(write_text(folder / "config.json", text))
    files.append(write_text(folder / "train.py", _train_script()))
    files.append(write_text(folder / "README.md", readme(project, config)))
    if written is not None:
        written.extend(dict.fromkeys(files))
    return warnings


# ---------------------------------------------------------------------------- config


def training_config(
    project: Any, cfg: Any, network: Any, ir: ModelIR, *, continuing: bool
) -> dict[str, Any]:
    """The JSON ``train.py`` reads: every setting resolved as the engine resolves it.

    cfg: the engine ``TrainConfig`` with every parameter filled (``graph.fill_training``);
    network: the compiled engine network (float64).
    """
    head = network.head(cfg.loss, cfg.loss_params)
    form, fused = loss_form(head)
    names, decay, dropout = torch_names(ir, network)
    pre = None
    if any(op.op == "standardize" for op in ir.ops):
        pre = {
            "mean": [float(v) for v in ir.constants["preprocess.mean"]],
            "std": [float(v) for v in ir.constants["preprocess.std"]],
        }
    history = list(getattr(project, "history", None) or [])
    offset = int(history[-1].get("epoch", len(history))) if continuing and history else 0
    loss: dict[str, Any] = {"name": cfg.loss, "form": form, "fused_activation": fused}
    if hasattr(head, "delta"):
        loss["delta"] = float(head.delta)
    return {
        "format": "nnstudio-pytorch-train",
        "version": CONFIG_VERSION,
        "project": str(getattr(project, "name", "")),
        "task": head.task,
        "n_outputs": int(network.output_width),
        "dtype": cfg.dtype,
        "seed": int(cfg.seed),
        "batch_size": None if cfg.batch_size is None else int(cfg.batch_size),
        "epochs": None if cfg.epochs is None else int(cfg.epochs),
        "epoch_offset": offset,
        "learning_rate": float(cfg.learning_rate),
        "loss": loss,
        "optimizer": optimizer_entry(cfg),
        "schedule": schedule_entry(cfg),
        "l1": float(cfg.l1),
        "l2": float(cfg.l2),
        "clip_norm": None if cfg.clip_norm is None else float(cfg.clip_norm),
        "model": {"logits": bool(fused)},
        "preprocessing": pre,
        "weights": {"file": "start_weights.npz", "names": names},
        "decay": decay,
        "dropout": dropout,
        "has_batchnorm": any(op.op in ("batchnorm", "batchnorm2d") for op in ir.ops),
    }


def loss_form(head: Any) -> tuple[str, str | None]:
    """``(form, fused activation)`` of an engine loss head; the form names train.py's
    per-sample loss (``bce_logits``: softplus(z) - y z on logits, ...)."""
    from nnstudio.engine import losses

    if isinstance(head, losses.BCEProb):
        return "bce_probabilities", None
    if isinstance(head, losses.BCELogits):  # bce_logits, or bce fused with a sigmoid
        return "bce_logits", ("sigmoid" if head.skip_activation else None)
    if isinstance(head, losses.ProbCCE):
        return "cce_probabilities", None
    if isinstance(head, losses.SoftmaxCCE):
        return "cce_logits", ("softmax" if head.skip_activation else None)
    if head.name in ("mse", "mae", "huber"):
        return head.name, None
    raise ExportError(
        Text("the loss '{loss}' cannot be exported to a PyTorch training script", loss=head.name)
    )


def optimizer_entry(cfg: Any) -> dict[str, Any]:
    """The torch.optim class and every hyperparameter, read back from the engine's
    optimizer (so the values are the ones NN Studio trains with, defaults included)."""
    from nnstudio.engine.optimizers import make_optimizer

    opt = make_optimizer(cfg.optimizer, 1, np.float64, cfg.optimizer_params)
    name = cfg.optimizer
    if name in ("sgd", "momentum", "nesterov"):
        params = {
            "momentum": opt.momentum,
            "dampening": opt.dampening,
            "weight_decay": opt.weight_decay,
            "nesterov": bool(opt.nesterov),
        }
    elif name == "adagrad":
        params = {
            "lr_decay": opt.lr_decay,
            "weight_decay": opt.weight_decay,
            "initial_accumulator_value": float(opt.sum[0]),
            "eps": opt.eps,
        }
    elif name == "rmsprop":
        params = {
            "alpha": opt.alpha,
            "eps": opt.eps,
            "weight_decay": opt.weight_decay,
            "momentum": opt.momentum,
            "centered": bool(opt.centered),
        }
    elif name in ("adam", "adamw"):
        params = {
            "betas": [opt.beta1, opt.beta2],
            "eps": opt.eps,
            "weight_decay": opt.weight_decay,
            "amsgrad": bool(opt.amsgrad),
        }
    else:
        raise ExportError(Text("the optimizer '{name}' cannot be exported to PyTorch", name=name))
    params = {k: (v if isinstance(v, bool | list) else float(v)) for k, v in params.items()}
    return {"name": name, "torch_class": TORCH_OPTIMIZERS[name], "params": params}


def schedule_entry(cfg: Any) -> dict[str, Any]:
    """The schedule and its parameters (``cfg`` is filled from the catalog)."""
    return {"name": cfg.schedule, **dict(cfg.schedule_params or {})}


def torch_names(ir: ModelIR, network: Any) -> tuple[list, list[str], list[dict[str, Any]]]:
    """How model.py names what NN Studio names.

    Returns ``names`` (``[nnstudio name, state_dict key, transposed]`` for every weight),
    ``decay`` (state_dict keys of the Dense weights, which L1/L2 penalise) and ``dropout``
    (``{"attr", "node", "rate", "width"}`` in the engine's execution order, the order in
    which it draws the masks).
    """
    taken: set[str] = set()
    attr_of: dict[str, str] = {}
    op_of: dict[str, Any] = {}
    for op in ir.ops:  # the order in which pytorch_._Gen names the attributes
        # (image ops with a module: conv2d, pools, flatten, batchnorm2d; see image_ops)
        if op.op in ("dense", "batchnorm", "dropout") or op.op in IMAGE_MODULE_OPS:
            attr_of[op.node] = _identifier(op.node, taken)
            op_of[op.node] = op
    names: list[list] = []
    decay: list[str] = []
    for node, attr in attr_of.items():
        op = op_of[node]
        for role, weight in op.weights.items():
            key = f"{attr}.{role}"
            names.append([weight, key, op.op == "dense" and role == "weight"])
            if op.op in ("dense", "conv2d") and role == "weight":  # decayed, as the engine
                decay.append(key)
    expected = set(ir.weight_names)
    if {n[0] for n in names} != expected:
        raise ExportError("internal: the PyTorch module's names do not cover the network")
    dropout = [
        {
            "attr": attr_of[node.id],
            "node": node.id,
            "rate": float(op_of[node.id].params["rate"]),
            "width": int(op_of[node.id].width),
        }
        for node in network.nodes
        if node.id in op_of and op_of[node.id].op == "dropout"
    ]
    return names, decay, dropout


def logits_source(ir: ModelIR, network: Any, cfg: Any) -> str:
    """Python source of ``logits(model, x)`` appended to model.py."""
    head = network.head(cfg.loss, cfg.loss_params)
    _form, fused = loss_form(head)
    if fused is None:
        body = ["return model(x)"]
        doc = "The model's outputs (the loss reads them as they are)."
    else:
        last = ir.ops[-1]
        if last.op != "activation" or last.output != ir.output:
            raise ExportError("internal: the fused output activation is not the last op")
        gen = _Gen(replace(ir, ops=ir.ops[:-1], output=last.inputs[0]))
        gen.run()
        body = [re.sub(r"\bself\.", "model.", line) for line in gen.forward]
        doc = (
            f"The outputs before the final {fused} (NN Studio fuses it into the\n"
            f"    {cfg.loss} loss and trains on these)."
        )
    lines = "\n".join(f"    {line}" for line in body)
    return (
        "\n\n"
        f"def logits(model: NNStudioModel, x: torch.Tensor) -> torch.Tensor:\n"
        f'    """{doc}"""\n'
        f"{lines}\n"
    )


# ---------------------------------------------------------------------------- files


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(
            Text("cannot write the training folder '{folder}': it is a file", folder=str(folder))
        )
    if not folder.parent.is_dir():
        raise ExportError(
            Text(
                "cannot write '{path}': the folder '{folder}' does not exist; create it first",
                path=str(folder),
                folder=str(folder.parent),
            )
        )


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ExportError(
            Text(
                "cannot create the folder '{folder}': {reason}",
                folder=str(folder),
                reason=exc.strerror or str(exc),
            )
        ) from exc


def _float64(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.asarray(v, dtype=np.float64) for k, v in weights.items()}


def _npz(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **{k: np.ascontiguousarray(v) for k, v in arrays.items()})
    return buf.getvalue()


def _train_script() -> str:
    path = resources_path().joinpath(*TRAIN_SCRIPT)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(
            Text("the training script template is missing ({path}): reinstall", path=str(path))
        ) from exc


def _data_entry(project: Any, preprocessor: dict[str, Any]) -> dict[str, Any]:
    data = project.data_settings()
    entry: dict[str, Any] = {"file": "data.npz", "dataset": data.name}
    if data.name == "csv":
        entry["csv_path"] = str(Path(data.csv_path).resolve()) if data.csv_path else None
        entry["target_column"] = data.target_column
        entry["encoding"] = preprocessor
    entry["split"] = {"seed": data.seed, "train_ratio": data.train_ratio}
    return entry


def readme(project: Any, config: dict[str, Any]) -> str:
    """README.md of the folder: what is there and the commands."""
    name = config["project"] or "the project"
    epochs = config["epochs"] if config["epochs"] is not None else "N (give --epochs)"
    return f"""# Training {name} with PyTorch

Exported by NN Studio (`nnstudio export PROJECT --format pytorch-train`). Needs only
`torch` and `numpy`; NN Studio need not be installed.

| file | holds |
|---|---|
| `train.py` | the training loop, as NN Studio runs it |
| `model.py` | the network as an `nn.Module` (raw inputs in), `load()`, `logits()` |
| `config.json` | loss `{config["loss"]["name"]}`, optimizer `{config["optimizer"]["name"]}`, \
schedule `{config["schedule"]["name"]}`, batch size, epochs ({epochs}), seed, L1/L2, clipping |
| `start_weights.npz` | the starting weights (NN Studio names, float64) |
| `data.npz` | the project's training and test split (raw inputs and targets) |

## Commands

```
python train.py                                 # {config["dtype"]}; on a GPU if torch sees one
python train.py --dtype float64                 # the run NN Studio makes with
#   nnstudio train PROJECT --dtype float64 --init-weights start_weights.npz --log log.csv
python train.py --device cuda --amp             # one GPU, mixed precision
torchrun --standalone --nproc_per_node=4 train.py   # 4 GPUs (NCCL) or CPU processes (gloo)
python train.py --device cpu                    # on the CPU even when there is a GPU
python train.py --checkpoint run.pt             # save after every epoch ...
python train.py --checkpoint run.pt --resume    # ... and continue from it
python train.py --epochs 500                    # another number of epochs
```

`train.py` writes `log.csv` (the columns of `nnstudio train --log`), `trained.safetensors`
and `trained.pt` into this folder (`--out DIR` for another one). Bring the weights back:

```
nnstudio import-weights PROJECT trained.safetensors
nnstudio predict PROJECT -i inputs.csv -o predictions.csv
```

or use them in PyTorch: `from model import load; net = load("trained.pt")`.

Several machines: copy this folder to each, then on every machine
`torchrun --nnodes=2 --nproc_per_node=8 --rdzv-backend=c10d --rdzv-endpoint=HOST:29500
train.py` (HOST: the first machine). Process 0 writes the log, the weights and the
checkpoint; to resume, put the checkpoint where every machine reads it.

In float64 on the CPU, one process, the per-epoch losses follow `nnstudio train` to about
1e-10 (same shuffling, same dropout masks, same update rules); in float32, on GPUs or with
several processes they agree statistically, not bit for bit (see NN Studio's
docs/export.md).
"""
