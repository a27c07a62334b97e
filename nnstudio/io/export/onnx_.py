"""``onnx`` format: the whole model (preprocessing included) as one ONNX graph.

Opset 17, float32. Graph input ``"input"`` (batch, n_raw) and output ``"output"``
(batch, n_outputs), both with a dynamic batch dimension ``"batch"``.
Dense -> Gemm; BatchNorm -> BatchNormalization (inference form); Add; Concat;
engineered features -> Slice / Mul / Sin / Concat; standardization -> Sub / Div;
gelu -> the tanh form (as the engine trains it); silu -> x * Sigmoid(x);
dropout is omitted (identity).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from nnstudio.text import Text

from .errors import ExportError
from .files import write_bytes
from .image_ops import IMAGE_OPS, emit_onnx
from .model_ir import OUTPUT, RAW, ModelIR, Op

OPSET = 17
PRODUCER = "nnstudio"


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._names: set[str] = set()
        self._const_cache: dict[str, str] = {}

    def name(self, base: str) -> str:
        out = base
        k = 0
        while out in self._names:
            k += 1
            out = f"{base}_{k}"
        self._names.add(out)
        return out

    def const(self, name: str, value: np.ndarray, dtype: type = np.float32) -> str:
        key = name
        if key in self._const_cache:
            return self._const_cache[key]
        arr = np.ascontiguousarray(np.asarray(value, dtype=dtype))
        tname = self.name(name)
        self.initializers.append(numpy_helper.from_array(arr, tname))
        self._const_cache[key] = tname
        return tname

    def node(self, op_type: str, inputs: list[str], base: str, **attrs: object) -> str:
        out = self.name(base)
        self.nodes.append(
            helper.make_node(op_type, inputs, [out], name=self.name(f"{base}/{op_type}"), **attrs)
        )
        return out


def _features(b: _Builder, x: str, names: list[str], base: str) -> str:
    starts1 = b.const("const.0", np.array([0], np.int64), np.int64)
    ends1 = b.const("const.1", np.array([1], np.int64), np.int64)
    ends2 = b.const("const.2", np.array([2], np.int64), np.int64)
    axes = b.const("const.axis1", np.array([1], np.int64), np.int64)
    x1 = b.node("Slice", [x, starts1, ends1, axes], "x1")
    x2 = b.node("Slice", [x, ends1, ends2, axes], "x2")
    cols: list[str] = []
    made: dict[str, str] = {"x1": x1, "x2": x2}
    for name in names:
        if name not in made:
            if name == "x1^2":
                made[name] = b.node("Mul", [x1, x1], "x1_sq")
            elif name == "x2^2":
                made[name] = b.node("Mul", [x2, x2], "x2_sq")
            elif name == "x1*x2":
                made[name] = b.node("Mul", [x1, x2], "x1_x2")
            elif name == "sin(x1)":
                made[name] = b.node("Sin", [x1], "sin_x1")
            elif name == "sin(x2)":
                made[name] = b.node("Sin", [x2], "sin_x2")
            else:  # pragma: no cover - model_ir rejects unknown names
                raise ExportError(f"unknown engineered feature '{name}'")
        cols.append(made[name])
    return b.node("Concat", cols, base, axis=1)


def _activation(b: _Builder, x: str, params: dict, base: str) -> str:
    name = params["activation"]
    if name == "sigmoid":
        return b.node("Sigmoid", [x], base)
    if name == "tanh":
        return b.node("Tanh", [x], base)
    if name == "relu":
        return b.node("Relu", [x], base)
    if name == "leaky_relu":
        return b.node("LeakyRelu", [x], base, alpha=float(params["slope"]))
    if name == "elu":
        return b.node("Elu", [x], base, alpha=float(params["alpha"]))
    if name == "gelu":
        # tanh form, as the engine computes it: 0.5 x (1 + tanh(c (x + k x^3)))
        c = b.const("const.gelu_c", np.array(math.sqrt(2.0 / math.pi)))
        k = b.const("const.gelu_k", np.array(0.044715))
        one = b.const("const.one", np.array(1.0))
        half = b.const("const.half", np.array(0.5))
        x2 = b.node("Mul", [x, x], f"{base}/x2")
        x3 = b.node("Mul", [x2, x], f"{base}/x3")
        kx3 = b.node("Mul", [x3, k], f"{base}/kx3")
        inner = b.node("Add", [x, kx3], f"{base}/inner")
        u = b.node("Mul", [inner, c], f"{base}/u")
        th = b.node("Tanh", [u], f"{base}/tanh")
        plus = b.node("Add", [th, one], f"{base}/one_plus_tanh")
        halfx = b.node("Mul", [x, half], f"{base}/half_x")
        return b.node("Mul", [halfx, plus], base)
    if name == "softplus":
        return b.node("Softplus", [x], base)
    if name == "silu":
        sig = b.node("Sigmoid", [x], f"{base}/sigmoid")
        return b.node("Mul", [x, sig], base)
    if name == "softmax":
        return b.node("Softmax", [x], base, axis=1)
    if name == "linear":
        return b.node("Identity", [x], base)
    raise ExportError(Text("activation '{name}' cannot be exported to ONNX", name=name))


def build_model(
    ir: ModelIR, description: str | None = None, name: str = "nnstudio"
) -> onnx.ModelProto:
    """The ONNX model of ``ir`` (float32, opset 17); checked with ``onnx.checker``."""
    b = _Builder()
    b.name(RAW)
    b.name(OUTPUT)
    tensors: dict[str, str] = {RAW: RAW}

    def const(name: str) -> str:
        return b.const(name, ir.constants[name])

    for op in ir.ops:
        ins = [tensors[i] for i in op.inputs]
        tensors[op.output] = _emit(b, op, ins, const)

    b.nodes.append(helper.make_node("Identity", [tensors[ir.output]], [OUTPUT], name="output"))
    graph = helper.make_graph(
        b.nodes,
        name,
        [helper.make_tensor_value_info(RAW, TensorProto.FLOAT, ["batch", ir.n_raw])],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", ir.n_outputs])],
        initializer=b.initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name=PRODUCER,
        doc_string="Exported from NN Studio. Input: raw features; preprocessing is included.",
    )
    model.ir_version = min(model.ir_version, 8)  # readable by older runtimes too
    props = {} if description is None else {"nnstudio": description}
    if ir.classes is not None:  # output columns -> class names (also in "nnstudio")
        props["classes"] = json.dumps(ir.classes)
        model.graph.output[0].doc_string = ir.output_meaning() + f"; classes: {ir.classes}"
    if props:
        helper.set_model_props(model, props)
    onnx.checker.check_model(model, full_check=True)
    return model


def _emit(b: _Builder, op: Op, ins: list[str], const) -> str:  # noqa: ANN001
    base = op.output
    w = op.weights
    if op.op == "features":
        return _features(b, ins[0], op.params["features"], base)
    if op.op == "standardize":
        centered = b.node("Sub", [ins[0], const(w["mean"])], f"{base}/centered")
        return b.node("Div", [centered, const(w["std"])], base)
    if op.op == "dense":
        args = [ins[0], const(w["weight"])]
        if "bias" in w:
            args.append(const(w["bias"]))
        return b.node("Gemm", args, base)
    if op.op == "activation":
        return _activation(b, ins[0], op.params, base)
    if op.op == "batchnorm":
        args = [ins[0]] + [
            const(w[role]) for role in ("weight", "bias", "running_mean", "running_var")
        ]
        return b.node("BatchNormalization", args, base, epsilon=float(op.params["eps"]))
    if op.op == "dropout":
        return ins[0]
    if op.op == "add":
        y = ins[0]
        for k, other in enumerate(ins[1:], start=1):
            y = b.node("Add", [y, other], base if k == len(ins) - 1 else f"{base}/sum{k}")
        return y
    if op.op == "concat":
        if len(ins) == 1:
            return ins[0]
        return b.node("Concat", ins, base, axis=1)
    if op.op in IMAGE_OPS:
        return emit_onnx(b, op, ins, const)
    raise ExportError(Text("op '{op}' cannot be exported to ONNX", op=op.op))


def write(ir: ModelIR, out_path: Path, description: str) -> list[Path]:
    model = build_model(ir, description, name=out_path.stem or "nnstudio")
    return [write_bytes(out_path, model.SerializeToString())]
