"""``numpy`` format: one self-contained ``.py`` file that needs only NumPy.

The file holds the op interpreter (:data:`.numpy_runtime.RUNTIME_SOURCE`), the op list as
JSON and the constants as a base64-encoded ``.npz``; it offers ``predict(x)`` and a
command line ``python model.py inputs.csv [-o predictions.csv]``.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import numpy as np

from . import numpy_runtime
from .errors import ExportError
from .files import write_text
from .model_ir import RAW, ModelIR

_HEADER = '''#!/usr/bin/env python3
"""{title}

Exported from NN Studio. Needs only NumPy; the preprocessing is included, so the model
takes the raw inputs: {n_raw} column(s){features}.
Outputs: {n_outputs} column(s), final activation: {activation}.{classes_note}

In Python (with this file next to your code)::

    import numpy as np
    from {module} import predict
    y = predict(np.array([[0.5, -1.0]]))      # (n_samples, {n_raw}) -> (n_samples, {n_outputs})

From a shell (CSV with {n_raw} numeric column(s), an optional header line)::

    python {filename} inputs.csv                  # prints predictions as CSV
    python {filename} inputs.csv -o predictions.csv
"""

import argparse
import base64
import io
import json
import sys

'''

_FOOTER = '''

N_RAW = {n_raw}
N_OUTPUTS = {n_outputs}
CLASSES = {classes}  # class names of the outputs (None: regression or unnamed classes)
INPUT_NAME = {input_name!r}
OUTPUT_TENSOR = {output!r}
OPS = json.loads(
    r"""{ops}"""
)
_CONSTANTS_NPZ_BASE64 = (
{constants}
)


def _load_constants():
    data = base64.b64decode("".join(_CONSTANTS_NPZ_BASE64))
    with np.load(io.BytesIO(data), allow_pickle=False) as f:
        return {{name: f[name].astype(np.float64) for name in f.files}}


CONSTANTS = _load_constants()


def predict(x):
    """Raw inputs (n_samples, N_RAW) -> model outputs (n_samples, N_OUTPUTS), float64."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1:
        x = x.reshape(1, -1)
    if x.ndim != 2 or x.shape[1] != N_RAW:
        raise ValueError(f"expected inputs of shape (n_samples, {{N_RAW}}), got {{x.shape}}")
    return run_ops(OPS, CONSTANTS, x, INPUT_NAME)[OUTPUT_TENSOR]


def read_csv(path):
    """Numeric CSV (optional header line) -> (n_samples, N_RAW) float64."""
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    try:
        [float(v) for v in first.strip().split(",")]
        skip = 0
    except ValueError:
        skip = 1
    x = np.loadtxt(path, delimiter=",", skiprows=skip, ndmin=2, dtype=np.float64)
    if x.shape[1] != N_RAW:
        raise SystemExit(f"error: {{path}} has {{x.shape[1]}} column(s), the model needs {{N_RAW}}")
    return x


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run the exported NN Studio model on a CSV.")
    parser.add_argument("csv", help="CSV file of raw inputs, one sample per line")
    parser.add_argument("-o", "--output", help="write predictions to this CSV (default: stdout)")
    args = parser.parse_args(argv)
    y = predict(read_csv(args.csv))
    header = ",".join(f"output_{{k}}" for k in range(y.shape[1]))
    target = args.output if args.output else sys.stdout
    np.savetxt(target, y, delimiter=",", fmt="%.17g", header=header, comments="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''


def runtime_source() -> str:
    """The interpreter's code (:data:`.numpy_runtime.RUNTIME_SOURCE`) with a heading.

    Taken from the string the runtime module itself executes, never from a source file.
    """
    body = numpy_runtime.RUNTIME_SOURCE.strip()
    return "# ---- the forward pass (NumPy only) ----\n" + body + "\n"


def _constants_b64(ir: ModelIR) -> str:
    buf = io.BytesIO()
    np.savez_compressed(buf, **{k: np.ascontiguousarray(v) for k, v in ir.constants.items()})
    text = base64.b64encode(buf.getvalue()).decode("ascii")
    chunks = [text[i : i + 88] for i in range(0, len(text), 88)] or [""]
    return "\n".join(f'    "{c}"' for c in chunks)


def _classes_note(ir: ModelIR) -> str:
    if ir.classes is None:
        return ""
    return f"\nClasses (CLASSES below): {ir.output_meaning()}; CLASSES = {ir.classes!r}."


def render(ir: ModelIR, filename: str = "model.py", title: str = "NN Studio model") -> str:
    """The full text of the standalone script."""
    feats = ir.preprocessing.features
    features = f",\nengineered into {feats}" if feats else ""
    if ir.preprocessing.mean is not None or ir.preprocessing.std is not None:
        features += ",\nthen standardized"
    module = Path(filename).stem if Path(filename).stem.isidentifier() else "model"
    header = _HEADER.format(
        title=title,
        n_raw=ir.n_raw,
        features=features,
        n_outputs=ir.n_outputs,
        activation=ir.output_activation,
        classes_note=_classes_note(ir),
        module=module,
        filename=filename,
    )
    ops = json.dumps([op.to_dict() for op in ir.ops], indent=1)
    if '"""' in ops:  # pragma: no cover - node ids never contain triple quotes in practice
        raise ExportError('a node id contains \'"""\'; rename the node')
    footer = _FOOTER.format(
        n_raw=ir.n_raw,
        n_outputs=ir.n_outputs,
        input_name=RAW,
        output=ir.output,
        classes=repr(ir.classes),
        ops=ops,
        constants=_constants_b64(ir),
    )
    return header + runtime_source() + footer


def write(ir: ModelIR, out_path: Path, description: str) -> list[Path]:
    """Write the script; ``description`` is not needed (the op list is embedded)."""
    del description
    text = render(ir, out_path.name, title=f"NN Studio model: {out_path.stem}")
    return [write_text(out_path, text)]
