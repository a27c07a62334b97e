"""A NumPy-only interpreter of the exported op list.

The interpreter is kept as text, :data:`RUNTIME_SOURCE`, which this module executes to
define its functions and which the ``numpy`` exporter embeds verbatim in the standalone
script. So the exported script runs exactly the code tested here, and exporting needs no
``.py`` source files (a frozen application bundle ships none). The text must import only
NumPy and the standard library (never nnstudio).

Ops are the dicts of ``model_ir.Op.to_dict()``; constants are arrays by name.
"""

from __future__ import annotations

RUNTIME_SOURCE = r'''
import math

import numpy as np

GELU_C = math.sqrt(2.0 / math.pi)
GELU_K = 0.044715


def engineered_features(raw, names):
    """raw (n, 2) -> (n, len(names)) from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)."""
    x1 = raw[:, 0]
    x2 = raw[:, 1]
    table = {
        "x1": lambda: x1,
        "x2": lambda: x2,
        "x1^2": lambda: x1 * x1,
        "x2^2": lambda: x2 * x2,
        "x1*x2": lambda: x1 * x2,
        "sin(x1)": lambda: np.sin(x1),
        "sin(x2)": lambda: np.sin(x2),
    }
    return np.stack([table[name]() for name in names], axis=1)


def activate(x, params):
    """Apply the activation ``params["activation"]`` to x (n, width)."""
    name = params["activation"]
    if name == "linear":
        return x
    if name == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * x))
    if name == "tanh":
        return np.tanh(x)
    if name == "relu":
        return np.maximum(x, 0.0)
    if name == "leaky_relu":
        return np.where(x > 0, x, params["slope"] * x)
    if name == "elu":
        return np.where(x > 0, x, params["alpha"] * np.expm1(np.minimum(x, 0.0)))
    if name == "gelu":
        # tanh form, as NN Studio trains it (PyTorch: gelu(x, approximate="tanh"))
        return 0.5 * x * (1.0 + np.tanh(GELU_C * (x + GELU_K * x * x * x)))
    if name == "softplus":
        return np.logaddexp(0.0, x)
    if name == "silu":
        return x * (0.5 * (1.0 + np.tanh(0.5 * x)))
    if name == "softmax":
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(f"unknown activation {name!r}")


def windows(x, p, fill):
    """x (n, c, h, w) -> (n, c, kh * kw, ho, wo): every kernel offset's strided slice of x
    padded with ``fill`` (pads: top, bottom, left, right)."""
    top, bottom, left, right = p["pads"]
    x = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)), constant_values=fill)
    (kh, kw), (sh, sw), (dh, dw) = p["kernel"], p["stride"], p.get("dilation", (1, 1))
    ho, wo = p["out_shape"][1:]
    rows = [slice(i * dh, i * dh + sh * (ho - 1) + 1, sh) for i in range(kh)]
    cols = [slice(j * dw, j * dw + sw * (wo - 1) + 1, sw) for j in range(kw)]
    return np.stack([x[:, :, r, c] for r in rows for c in cols], axis=2)


def conv2d(x, w, p):
    """Cross-correlation of x (n, c, h, w) with weight (o, c, kh, kw), plus bias (o,)."""
    cols = windows(x, p, 0.0)  # (n, c, kh * kw, ho, wo)
    weight = w["weight"]
    kernel = weight.reshape(weight.shape[0], weight.shape[1], -1)  # (o, c, kh * kw)
    y = np.tensordot(cols, kernel, axes=([1, 2], [1, 2])).transpose(0, 3, 1, 2)
    if "bias" in w:
        y = y + w["bias"][:, None, None]
    return y


def run_ops(ops, consts, x, input_name="input"):
    """Run the op list on raw inputs x (n, n_raw); returns every tensor by name."""
    t = {input_name: x}
    for op in ops:
        kind = op["op"]
        ins = [t[name] for name in op["inputs"]]
        w = {role: consts[name] for role, name in op["weights"].items()}
        if kind == "features":
            y = engineered_features(ins[0], op["params"]["features"])
        elif kind == "standardize":
            y = (ins[0] - w["mean"]) / w["std"]
        elif kind == "dense":
            y = ins[0] @ w["weight"]
            if "bias" in w:
                y = y + w["bias"]
        elif kind == "activation":
            y = activate(ins[0], op["params"])
        elif kind == "batchnorm":
            scale = w["weight"] / np.sqrt(w["running_var"] + op["params"]["eps"])
            y = (ins[0] - w["running_mean"]) * scale + w["bias"]
        elif kind == "dropout":
            y = ins[0]
        elif kind == "add":
            y = ins[0]
            for other in ins[1:]:
                y = y + other
        elif kind == "concat":
            y = np.concatenate(ins, axis=1)
        elif kind == "reshape":
            y = ins[0].reshape(len(ins[0]), *op["params"]["shape"])
        elif kind == "conv2d":
            y = conv2d(ins[0], w, op["params"])
        elif kind == "maxpool2d":
            y = windows(ins[0], op["params"], -np.inf).max(axis=2)
        elif kind == "avgpool2d":  # padded zeros count in the mean
            y = windows(ins[0], op["params"], 0.0).mean(axis=2)
        elif kind == "globalavgpool":
            y = ins[0].mean(axis=(2, 3))
        elif kind == "flatten":
            y = ins[0].reshape(len(ins[0]), -1)
        elif kind == "batchnorm2d":
            c = (-1, 1, 1)  # per channel
            scale = w["weight"] / np.sqrt(w["running_var"] + op["params"]["eps"])
            y = (ins[0] - w["running_mean"].reshape(c)) * scale.reshape(c) + w["bias"].reshape(c)
        else:
            raise ValueError(f"unknown op {kind!r}")
        t[op["output"]] = y
    return t
'''.lstrip("\n")

_namespace: dict = {"__name__": __name__}
exec(compile(RUNTIME_SOURCE, "<numpy_runtime.RUNTIME_SOURCE>", "exec"), _namespace)

GELU_C: float = _namespace["GELU_C"]
GELU_K: float = _namespace["GELU_K"]
#: ``engineered_features(raw (n, 2), names) -> (n, len(names))``
engineered_features = _namespace["engineered_features"]
#: ``activate(x (n, width), params) -> (n, width)``
activate = _namespace["activate"]
#: ``run_ops(ops, consts, x (n, n_raw), input_name) -> {tensor name: array}``
run_ops = _namespace["run_ops"]
