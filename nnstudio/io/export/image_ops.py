"""Image layers in the export IR and their ONNX and PyTorch translations.

IR ops (tensors NCHW; shapes without the batch dimension, as lists)::

    reshape      (n, ...) -> (n, *shape)             params "shape" (the Input of an image
                                                     network, and Reshape nodes)
    conv2d       cross-correlation + bias            params "kernel" [kh, kw], "stride",
                                                     "pads" [top, bottom, left, right],
                                                     "dilation", "in_shape", "out_shape";
                                                     weight (o, c, kh, kw), bias (o,)
    maxpool2d    maximum over windows (pads = -inf)  params as conv2d, no weights
    avgpool2d    mean over windows, padded zeros counted (count_include_pad)
    globalavgpool  (n, c, h, w) -> (n, c), mean over (h, w)
    flatten      (n, c, h, w) -> (n, c * h * w), C order
    batchnorm2d  batchnorm per channel (weights (c,) like batchnorm)

A conv2d with an activation is a ``conv2d`` op followed by an ``activation`` op, as Dense.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from nnstudio.engine.vision import conv_window, pool_window
from nnstudio.text import Text

from .errors import ExportError
from .model_ir import Op, activation_params

IMAGE_KINDS = frozenset(
    {"conv2d", "maxpool2d", "avgpool2d", "globalavgpool", "flatten", "reshape", "batchnorm"}
)
IMAGE_OPS = frozenset(
    {"reshape", "conv2d", "maxpool2d", "avgpool2d", "globalavgpool", "flatten", "batchnorm2d"}
)
#: The image ops that become an attribute (an ``nn.Module``) of the PyTorch model, named
#: after their node in op order (``torch_expr``'s ``attr()``).
IMAGE_MODULE_OPS = frozenset({"conv2d", "maxpool2d", "avgpool2d", "flatten", "batchnorm2d"})


def _window_params(win, in_shape, out_shape) -> dict[str, Any]:
    return {
        "kernel": list(win.kernel),
        "stride": list(win.stride),
        "pads": list(win.pads),
        "dilation": list(win.dilation),
        "in_shape": list(in_shape),
        "out_shape": list(out_shape),
    }


def input_reshape(shape: tuple[int, ...], current: str, fresh: Callable[[str], str]) -> Op | None:
    """The op viewing flat preprocessed rows as images, if the input node is an image."""
    if len(shape) == 1:
        return None
    width = int(np.prod(shape))
    return Op("reshape", fresh("image"), (current,), {"shape": list(shape)}, width=width)


def ir_ops(
    kind: str,
    nid: str,
    p: Mapping[str, Any],
    in_shape: tuple[int, ...],
    out_shape: tuple[int, ...],
    ins: tuple[str, ...],
    out: str,
    take: Callable[[str, str], str],
    fresh: Callable[[str], str],
) -> list[Op]:
    """The IR ops of one image-layer node (the last writes ``out``)."""
    width = int(np.prod(out_shape))
    hw = tuple(in_shape[1:])
    if kind == "conv2d":
        wmap = {"weight": take(nid, "weight")}
        if p["use_bias"]:
            wmap["bias"] = take(nid, "bias")
        act = str(p["activation"])
        lin = out if act == "linear" else fresh(f"{nid}_linear")
        params = _window_params(conv_window(p, hw), in_shape, out_shape)
        ops = [Op("conv2d", lin, ins, params, wmap, nid, width)]
        if act != "linear":
            ops.append(Op("activation", out, (lin,), activation_params(act, p), {}, nid, width))
        return ops
    if kind in ("maxpool2d", "avgpool2d"):
        params = _window_params(pool_window(p, hw), in_shape, out_shape)
        return [Op(kind, out, ins, params, {}, nid, width)]
    if kind == "globalavgpool":
        return [Op(kind, out, ins, {"in_shape": list(in_shape)}, {}, nid, width)]
    if kind == "flatten":
        return [Op(kind, out, ins, {"in_shape": list(in_shape)}, {}, nid, width)]
    if kind == "reshape":
        return [Op(kind, out, ins, {"shape": list(out_shape)}, {}, nid, width)]
    if kind == "batchnorm":  # on an image: per channel
        roles = ("weight", "bias", "running_mean", "running_var")
        wmap = {role: take(nid, role) for role in roles}
        params = {"eps": float(p["eps"]), "momentum": float(p["momentum"])}
        params["channels"] = int(in_shape[0])
        return [Op("batchnorm2d", out, ins, params, wmap, nid, width)]
    raise ExportError(
        Text("node '{id}' has kind '{kind}', which cannot be exported", id=nid, kind=kind)
    )


# --------------------------------------------------------------------------- ONNX


def emit_onnx(b: Any, op: Op, ins: list[str], const: Callable[[str], str]) -> str:
    """Add the ONNX nodes of one image op to the builder ``b``; returns the output name."""
    base, w, prm = op.output, op.weights, op.params
    if op.op == "reshape":
        shape = b.const(f"{base}/shape", np.array([-1, *prm["shape"]]), dtype=np.int64)
        return b.node("Reshape", [ins[0], shape], base)
    if op.op == "flatten":
        return b.node("Flatten", [ins[0]], base, axis=1)
    if op.op == "globalavgpool":
        pooled = b.node("GlobalAveragePool", [ins[0]], f"{base}/pooled")
        return b.node("Flatten", [pooled], base, axis=1)
    if op.op == "batchnorm2d":
        args = [ins[0]] + [const(w[r]) for r in ("weight", "bias", "running_mean", "running_var")]
        return b.node("BatchNormalization", args, base, epsilon=float(prm["eps"]))
    top, bottom, left, right = prm["pads"]
    attrs = {
        "kernel_shape": list(prm["kernel"]),
        "strides": list(prm["stride"]),
        "pads": [top, left, bottom, right],  # ONNX: begins, then ends
    }
    if op.op == "conv2d":
        args = [ins[0], const(w["weight"])] + ([const(w["bias"])] if "bias" in w else [])
        return b.node("Conv", args, base, dilations=list(prm["dilation"]), **attrs)
    if op.op == "maxpool2d":
        return b.node("MaxPool", [ins[0]], base, **attrs)
    if op.op == "avgpool2d":
        return b.node("AveragePool", [ins[0]], base, count_include_pad=1, **attrs)
    raise ExportError(Text("op '{op}' cannot be exported to ONNX", op=op.op))


# --------------------------------------------------------------------------- PyTorch


def torch_expr(gen: Any, op: Op, arg: str, attr: Callable[[], str]) -> str:
    """The PyTorch expression of one image op reading ``arg``; modules and their
    state_dict entries go to ``gen.init`` / ``gen.state``; ``attr()`` names a module."""
    prm, w = op.params, op.weights
    if op.op == "reshape":
        return f"{arg}.reshape(-1, {', '.join(str(d) for d in prm['shape'])})"
    if op.op == "globalavgpool":
        return f"{arg}.mean(dim=(2, 3))"
    if op.op == "flatten":
        name = attr()
        gen.init.append(f"self.{name} = nn.Flatten()")
        return f"self.{name}({arg})"
    if op.op == "batchnorm2d":
        name = attr()
        eps, momentum = prm["eps"], prm["momentum"]
        gen.init.append(
            f"self.{name} = nn.BatchNorm2d({prm['channels']}, eps={eps!r}, momentum={momentum!r})"
        )
        for role in ("weight", "bias", "running_mean", "running_var"):
            gen.state[f"{name}.{role}"] = gen.const(w[role])
        gen.state[f"{name}.num_batches_tracked"] = np.array(0, dtype=np.int64)
        return f"self.{name}({arg})"
    top, bottom, left, right = prm["pads"]
    symmetric = top == bottom and left == right
    pad = f"({top}, {left})" if symmetric else "0"
    k, s = tuple(prm["kernel"]), tuple(prm["stride"])
    name = attr()
    if op.op == "conv2d":
        weight = gen.const(w["weight"])
        o, c = weight.shape[:2]
        bias = "bias" in w
        gen.init.append(
            f"self.{name} = nn.Conv2d({c}, {o}, {k}, stride={s}, padding={pad}, "
            f"dilation={tuple(prm['dilation'])}, bias={bias})"
        )
        gen.state[f"{name}.weight"] = weight
        if bias:
            gen.state[f"{name}.bias"] = gen.const(w["bias"])
        if not symmetric:  # e.g. "same" with an even kernel: PyTorch pads both sides alike
            arg = f"F.pad({arg}, ({left}, {right}, {top}, {bottom}))"
        return f"self.{name}({arg})"
    if op.op in ("maxpool2d", "avgpool2d"):
        cls = "MaxPool2d" if op.op == "maxpool2d" else "AvgPool2d"
        gen.init.append(f"self.{name} = nn.{cls}({k}, stride={s}, padding={pad})")
        return f"self.{name}({arg})"
    raise ExportError(Text("op '{op}' cannot be exported to PyTorch", op=op.op))
