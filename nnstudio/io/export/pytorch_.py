"""``pytorch`` format: a readable ``.py`` file defining an ``nn.Module`` plus its weights.

Written files, for ``out_path = .../model.py``:

- ``model.py``: ``class NNStudioModel(nn.Module)`` whose ``forward`` follows the graph
  (preprocessing included: it takes raw inputs), and ``load()`` returning it with weights.
- ``model.npz``: the ``state_dict`` as arrays (always written; NumPy-readable,
  ``allow_pickle=False``); Linear weights are in PyTorch's (fan_out, fan_in) layout.
- ``model.pt``: the same ``state_dict`` saved with ``torch.save`` (only when PyTorch is
  installed where the export runs). ``load()`` prefers it and falls back to the ``.npz``.

The generated code imports only torch and numpy, never nnstudio. Weights are float32.
"""

from __future__ import annotations

import io
import json
import keyword
import re
from pathlib import Path

import numpy as np

from nnstudio.text import Text

from .errors import ExportError
from .files import write_bytes, write_text
from .image_ops import IMAGE_OPS, torch_expr
from .model_ir import RAW, ModelIR, Op

CLASS_NAME = "NNStudioModel"

_FEATURE_EXPR = {
    "x1": "x1",
    "x2": "x2",
    "x1^2": "x1 * x1",
    "x2^2": "x2 * x2",
    "x1*x2": "x1 * x2",
    "sin(x1)": "torch.sin(x1)",
    "sin(x2)": "torch.sin(x2)",
}


def _identifier(name: str, taken: set[str]) -> str:
    base = re.sub(r"\W", "_", name) or "t"
    if base[0].isdigit():
        base = f"n_{base}"
    if keyword.iskeyword(base) or base in {"self", "torch", "nn", "F", "np", "x", "x1", "x2"}:
        base = f"{base}_"
    out = base
    k = 0
    while out in taken:
        k += 1
        out = f"{base}_{k}"
    taken.add(out)
    return out


def _activation_expr(x: str, params: dict) -> str:
    name = params["activation"]
    if name == "leaky_relu":  # its parameters come filled from the catalog, via the IR
        return f"F.leaky_relu({x}, negative_slope={params['slope']!r})"
    if name == "elu":
        return f"F.elu({x}, alpha={params['alpha']!r})"
    exprs = {
        "linear": x,
        "sigmoid": f"torch.sigmoid({x})",
        "tanh": f"torch.tanh({x})",
        "relu": f"F.relu({x})",
        "gelu": f'F.gelu({x}, approximate="tanh")',  # the engine's form
        "softplus": f"F.softplus({x})",
        "silu": f"F.silu({x})",
        "softmax": f"torch.softmax({x}, dim=1)",
    }
    if name not in exprs:
        raise ExportError(Text("activation '{name}' cannot be exported to PyTorch", name=name))
    return exprs[name]


class _Gen:
    """Generates ``__init__`` lines, ``forward`` lines and the state_dict together."""

    def __init__(self, ir: ModelIR) -> None:
        self.ir = ir
        self.init: list[str] = []
        self.forward: list[str] = []
        self.state: dict[str, np.ndarray] = {}
        self.attrs: set[str] = set()
        self.vars: set[str] = {"x"}
        self.var_of: dict[str, str] = {RAW: "x"}
        # how many ops read each tensor (to fuse dense + its activation on one line)
        self.readers: dict[str, int] = {}
        for op in ir.ops:
            for t in op.inputs:
                self.readers[t] = self.readers.get(t, 0) + 1
        self.readers[ir.output] = self.readers.get(ir.output, 0) + 1

    def const(self, name: str) -> np.ndarray:
        return np.asarray(self.ir.constants[name], dtype=np.float32)

    def run(self) -> None:
        ops = self.ir.ops
        pending: dict[str, str] = {}  # tensor -> expression not yet assigned
        for op in ops:
            args = [pending.pop(t) if t in pending else self.var_of[t] for t in op.inputs]
            expr = self.expr(op, args)
            if op.op == "dense" and self.readers.get(op.output, 0) == 1 and _next_uses(ops, op):
                pending[op.output] = expr
                continue
            var = (
                _identifier(op.node or op.output, self.vars)
                if op.op
                not in (
                    "features",
                    "standardize",
                )
                else "x"
            )
            self.var_of[op.output] = var
            self.forward.append(f"{var} = {expr}")
        out = self.var_of[self.ir.output]
        self.forward.append(f"return {out}")

    def expr(self, op: Op, args: list[str]) -> str:
        w = op.weights
        if op.op == "features":
            cols = ", ".join(_FEATURE_EXPR[f] for f in op.params["features"])
            self.forward.append(f"x1, x2 = {args[0]}[:, 0:1], {args[0]}[:, 1:2]")
            return f"torch.cat([{cols}], dim=1)"
        if op.op == "standardize":
            self.init.append(
                f'self.register_buffer("feature_mean", torch.zeros({self.ir.n_features}))'
            )
            self.init.append(
                f'self.register_buffer("feature_std", torch.ones({self.ir.n_features}))'
            )
            self.state["feature_mean"] = self.const(w["mean"])
            self.state["feature_std"] = self.const(w["std"])
            return f"({args[0]} - self.feature_mean) / self.feature_std"
        if op.op == "dense":
            attr = _identifier(op.node, self.attrs)
            weight = self.const(w["weight"])
            fan_in, fan_out = weight.shape
            bias = "bias" in w
            self.init.append(
                f"self.{attr} = nn.Linear({fan_in}, {fan_out}" + (")" if bias else ", bias=False)")
            )
            self.state[f"{attr}.weight"] = np.ascontiguousarray(weight.T)
            if bias:
                self.state[f"{attr}.bias"] = self.const(w["bias"])
            return f"self.{attr}({args[0]})"
        if op.op == "activation":
            return _activation_expr(args[0], op.params)
        if op.op == "batchnorm":
            attr = _identifier(op.node, self.attrs)
            width = op.width
            eps, momentum = op.params["eps"], op.params["momentum"]
            self.init.append(
                f"self.{attr} = nn.BatchNorm1d({width}, eps={eps!r}, momentum={momentum!r})"
            )
            for role in ("weight", "bias", "running_mean", "running_var"):
                self.state[f"{attr}.{role}"] = self.const(w[role])
            self.state[f"{attr}.num_batches_tracked"] = np.array(0, dtype=np.int64)
            return f"self.{attr}({args[0]})"
        if op.op == "dropout":
            attr = _identifier(op.node, self.attrs)
            self.init.append(f"self.{attr} = nn.Dropout(p={op.params['rate']!r})")
            return f"self.{attr}({args[0]})"
        if op.op == "add":
            return " + ".join(args)
        if op.op == "concat":
            return f"torch.cat([{', '.join(args)}], dim=1)"
        if op.op in IMAGE_OPS:
            return torch_expr(self, op, args[0], lambda: _identifier(op.node, self.attrs))
        raise ExportError(Text("op '{op}' cannot be exported to PyTorch", op=op.op))


def _next_uses(ops: list[Op], op: Op) -> bool:
    """True if the op right after ``op`` is the activation reading it (fuse them)."""
    i = ops.index(op)
    return i + 1 < len(ops) and ops[i + 1].op == "activation" and ops[i + 1].inputs == (op.output,)


_TEMPLATE = '''"""{title}

Exported from NN Studio: a PyTorch module mirroring the network graph. It takes the RAW
inputs (n_samples, {n_raw}){pre_note};
it returns (n_samples, {n_outputs}) outputs (final activation: {activation}).{classes_note}

    from {module} import load
    model = load()                      # weights from {stem}.pt (or {stem}.npz) beside this file
    y = model(torch.tensor(x, dtype=torch.float32))

Keep training it like any nn.Module: ``model.train()``, an optimizer over
``model.parameters()``, and a loss that fits the final activation.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

WEIGHTS_STEM = {stem_json}
#: class names of the outputs (None: regression or unnamed classes)
CLASSES = {classes}


class {cls}(nn.Module):
    """Raw inputs (n_samples, {n_raw}) -> outputs (n_samples, {n_outputs})."""

    n_inputs = {n_raw}
    n_outputs = {n_outputs}

    def __init__(self) -> None:
        super().__init__()
{init}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
{forward}


def load(weights: str | Path | None = None, map_location: str = "cpu") -> {cls}:
    """The model with its exported weights, in eval mode.

    weights: a ``.pt`` state_dict or a ``.npz`` of the same arrays; by default the
    ``{stem}.pt`` beside this file, else ``{stem}.npz``.
    """
    if weights is None:
        here = Path(__file__).resolve().parent
        weights = here / f"{{WEIGHTS_STEM}}.pt"
        if not weights.exists():
            weights = here / f"{{WEIGHTS_STEM}}.npz"
    weights = Path(weights)
    if weights.suffix == ".npz":
        with np.load(weights, allow_pickle=False) as f:
            state = {{name: torch.from_numpy(f[name].copy()) for name in f.files}}
    else:
        state = torch.load(weights, map_location=map_location, weights_only=True)
    model = {cls}()
    model.load_state_dict(state)
    model.eval()
    return model
'''


def render(ir: ModelIR, stem: str = "model") -> tuple[str, dict[str, np.ndarray]]:
    """The module source and its state_dict arrays (float32, PyTorch layouts)."""
    gen = _Gen(ir)
    gen.run()
    pre = ir.preprocessing
    note = ""
    if pre.features is not None:
        note += f";\nit computes the features {pre.features}"
    if pre.mean is not None or pre.std is not None:
        note += ";\nit standardizes them with the training mean and std"
    init = gen.init or ["pass"]
    text = _TEMPLATE.format(
        title=f"NN Studio model: {stem}",
        n_raw=ir.n_raw,
        n_outputs=ir.n_outputs,
        pre_note=note,
        activation=ir.output_activation,
        module=stem if stem.isidentifier() else "model",
        stem=stem,
        stem_json=json.dumps(stem),
        classes=repr(ir.classes),
        classes_note=_classes_note(ir),
        cls=CLASS_NAME,
        init="\n".join(f"        {ln}" for ln in init),
        forward="\n".join(f"        {ln}" for ln in gen.forward),
    )
    return text, gen.state


def _classes_note(ir: ModelIR) -> str:
    """A docstring paragraph mapping outputs to class names ("" without classes)."""
    if ir.classes is None:
        return ""
    return f"\nClasses (CLASSES below): {ir.output_meaning()}; CLASSES = {ir.classes!r}."


def write(ir: ModelIR, out_path: Path, description: str) -> list[Path]:
    """Write ``out_path`` (.py) and the weights beside it (.npz always, .pt with torch)."""
    del description
    stem = out_path.stem
    text, state = render(ir, stem)
    npz_path = out_path.with_name(f"{stem}.npz")
    pt_path = out_path.with_name(f"{stem}.pt")
    if out_path.suffix != ".py":
        raise ExportError(
            Text("the PyTorch export writes Python code: name it '{stem}.py'", stem=stem)
        )
    written = [write_text(out_path, text)]
    buf = io.BytesIO()
    np.savez(buf, **state)
    written.append(write_bytes(npz_path, buf.getvalue()))
    try:
        import torch
    except ImportError:
        return written
    tensors = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()}
    pt = io.BytesIO()
    torch.save(tensors, pt)
    written.append(write_bytes(pt_path, pt.getvalue()))
    return written
