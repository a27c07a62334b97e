"""``nnstudio predict``, ``export`` and ``import-weights``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import numpy as np

from nnstudio.cli.common import (
    EXIT_OK,
    CLIError,
    _dataset_input,
    _load,
    _output,
    _prefetch,
    _save,
)


def _read_inputs(path: str, encoding=None, image_shape=None) -> np.ndarray:
    """A ``.npy`` array or a CSV (optional header row; encoded with the project's table
    ``encoding`` if it has one, else all numbers) -> (n, columns) float64.

    ``image_shape``: the network's input (channels, height, width) if it takes images; a
    ``.npy`` of images (n, c, h, w) of that shape is read as flat rows (C order)."""
    from nnstudio.data.files import MAX_CSV_BYTES, check_regular_file

    p = Path(path)
    if p.is_dir():
        raise CLIError(f"{p} is a folder; give a .csv or .npy file of inputs")
    if not p.exists():
        raise CLIError(f"input file not found: {p}")
    check_regular_file(p, MAX_CSV_BYTES, what="input file")  # no device, pipe or huge file
    if p.suffix.lower() == ".npy":
        try:
            x = np.load(p, allow_pickle=False)
        except Exception as exc:  # numpy raises several kinds on damaged files
            raise CLIError(
                f"cannot read {p}: not a .npy array file (save one with numpy.save)"
            ) from exc
    else:
        from nnstudio.data.inputs import read_new_rows

        x = read_new_rows(p, encoding)  # the datasets' parser and encoding
    if x.ndim > 2:
        if image_shape is None or tuple(x.shape[1:]) != tuple(image_shape):
            dims = ", ".join(map(str, image_shape or ()))
            want = f"images (n, {dims}) or flat rows" if image_shape else "flat rows (n, features)"
            raise CLIError(f"{p}: got an array of shape {x.shape}; the network takes {want}")
        x = x.reshape(x.shape[0], -1)  # the Input node views these rows as images again
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    if x.ndim != 2 or x.shape[0] == 0:
        raise CLIError(f"{p}: expected a table of rows (n, features), got shape {x.shape}")
    if x.dtype.kind not in "fiu":
        raise CLIError(f"{p}: inputs must be numbers, got dtype {x.dtype}")
    x = x.astype(np.float64, copy=False)
    if encoding is None and not np.all(np.isfinite(x)):
        raise CLIError(f"{p}: inputs contain NaN or infinite values")
    return x


def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io.atomic import AtomicFile
    from nnstudio.session import Predictor

    inputs = [("project", args.project), ("input file", args.input)]
    target = _output(args.output, None, inputs, what="predictions")
    project = _load(args.project)
    _output(str(target), None, [_dataset_input(project)], what="predictions")
    if project.weights is not None and project.preprocessor is None:  # else not needed
        _prefetch(project)
    predictor = Predictor(project)
    shape = predictor.network.input_shape
    x = _read_inputs(args.input, predictor.preprocessor.encoding, shape if len(shape) > 1 else None)
    width = predictor.preprocessor.n_raw
    if width is not None and x.shape[1] != width:
        which = "the feature columns it was trained on" if width != 2 else "x1, x2"
        if project.data.name == "csv":
            which = "the feature columns of its CSV, without the target"
        raise CLIError(
            f"{args.input} has {x.shape[1]} column{'s' if x.shape[1] != 1 else ''} "
            f"but the network takes {width} "
            f"({which}), one row per sample"
        )
    from nnstudio.io.predictions import prediction_columns, write_predictions

    outputs = predictor.predict_raw(x)
    del x
    table = outputs if predictor.task == "regression" else predictor.probabilities(outputs)
    names, labels, label_names = prediction_columns(
        table, predictor.task, predictor.preprocessor.class_names
    )
    bad = np.flatnonzero(~np.all(np.isfinite(table), axis=1))
    if bad.size:
        rows = ", ".join(str(int(i) + 1) for i in bad[:5]) + (", ..." if bad.size > 5 else "")
        raise CLIError(
            f"the network gives NaN or infinite outputs for {bad.size} of {len(table)} rows "
            f"(rows {rows}); nothing was written. Check those inputs against the training "
            "data's range, or retrain the network"
        )
    with AtomicFile(target, "w", newline="", encoding="utf-8") as fh:
        digits = 17 if predictor.network.dtype == np.float64 else 9
        write_predictions(fh, names, table, labels, label_names, digits=digits)
    print(f"wrote {len(table)} predictions to {target}", file=out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io.export import export_project
    from nnstudio.io.paths import check_output_path

    folder_formats = getattr(sys.modules["nnstudio.io.export"], "FOLDER_FORMATS", ())
    options = {}
    if args.format in folder_formats:  # a folder (export_project checks it)
        target = check_output_path(args.output, what="export folder")  # not empty
        options["start_weights"] = args.weights or "initial"
    else:
        if args.weights is not None:
            raise CLIError(f"--weights is for {', '.join(folder_formats)} only")
        target = _output(args.output, None, [("project", args.project)], what="export")
    project = _load(args.project)
    warnings = export_project(project, args.format, target, **options) or []
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"exported {args.project} as {args.format} to {args.output}", file=out)
    return EXIT_OK


def cmd_import_weights(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.io import apply_weights, load_weights_file

    target = _output(args.output, args.project, [("weights file", args.weights)], what="project")
    project = _load(args.project)
    weights = load_weights_file(args.weights, project.network)  # sizes checked against it
    updated = apply_weights(project, weights)
    _save(updated, target)
    print(f"imported {len(weights)} tensors from {args.weights} into {target}", file=out)
    return EXIT_OK
