"""Image projects on the command line: the digits-cnn template trains to its target and
predicts from images (n, c, h, w) or flat rows alike."""

from __future__ import annotations

import csv

import numpy as np

from nnstudio.cli import main
from nnstudio.data import load_bundled
from nnstudio.io import load_project
from nnstudio.session import Predictor


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_digits_cnn_template_reaches_97_percent(tmp_path, capsys):
    path = tmp_path / "digits-cnn.nnstudio"
    code, _, err = run(["new", "--template", "digits-cnn", "-o", path], capsys)
    assert code == 0, err
    code, _, err = run(["train", path, "-q"], capsys)
    assert code == 0, err
    project = load_project(path)
    assert [n.kind for n in project.network.nodes.values()] == [
        "input",
        "conv2d",
        "maxpool2d",
        "flatten",
        "dense",
    ]
    last = project.history[-1]
    assert last["epoch"] == project.training.epochs
    assert last["test_accuracy"] >= 0.97, last["test_accuracy"]
    # the trained network reads flat rows of 64 pixels as 1x8x8 images
    predictor = Predictor(project)
    assert predictor.network.input_shape == (1, 8, 8)
    rows, labels = load_bundled("digits")[:2]
    rows, labels = rows[:20], labels[:20]
    out = tmp_path / "pred.csv"
    np.save(tmp_path / "rows.npy", rows)
    code, _, err = run(["predict", path, "--input", tmp_path / "rows.npy", "-o", out], capsys)
    assert code == 0, err
    with out.open(newline="") as fh:
        table = list(csv.reader(fh))
    assert len(table) == 21
    probs = np.array([[float(v) for v in row[:10]] for row in table[1:]])
    np.testing.assert_allclose(
        probs, predictor.probabilities(predictor.predict_raw(rows)), rtol=1e-6
    )
    # the same digits as images (n, 1, 8, 8)
    images = tmp_path / "images.npy"
    np.save(images, rows.reshape(20, 1, 8, 8))
    out2 = tmp_path / "pred2.csv"
    code, _, err = run(["predict", path, "--input", images, "-o", out2], capsys)
    assert code == 0, err
    assert out2.read_text() == out.read_text()
    np.save(images, rows.reshape(20, 8, 8, 1))  # channels last: refused, with the reason
    code, _, err = run(["predict", path, "--input", images, "-o", tmp_path / "p3.csv"], capsys)
    assert code != 0
    assert err.startswith("error:") and "(20, 8, 8, 1)" in err and "images (n, 1, 8, 8)" in err
