"""Class names travel with every export: outputs map back to the same names as
``nnstudio predict``'s ``label`` column, through the documented label list."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys

import numpy as np
import pytest

from nnstudio.cli import main
from nnstudio.io import load_project
from nnstudio.io.export import export_project

PEOPLE = (
    "\n".join(
        ["age;colour;size;label"]
        + [
            f"{20 + (i * 7) % 50};{('red', 'green', 'blue')[i % 3]};{(i * 37 % 100) / 10};"
            + ("yes" if (i % 3 == 0) != ((i * 37 % 100) / 10 > 5) else "no")
            for i in range(90)
        ]
    )
    + "\n"
)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """An iris project and a CSV project (text classes, one-hot column), both trained, with
    ``nnstudio predict``'s labels for a few rows."""
    folder = tmp_path_factory.mktemp("labels")
    iris = folder / "iris.nnstudio"
    assert main(["new", "-t", "iris", "-o", str(iris)]) == 0
    assert main(["train", str(iris), "-q"]) == 0
    people_csv = folder / "people.csv"
    people_csv.write_text(PEOPLE)
    people = folder / "people.nnstudio"
    assert main(["new", "--csv", str(people_csv), "--target", "label", "-o", str(people)]) == 0
    assert main(["train", str(people), "-q"]) == 0
    rows = {
        "iris": (iris, "a,b,c,d\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n5.9,2.8,4.3,1.3\n"),
        "people": (people, "age;colour;size\n30;red;9.5\n30;red;1\n30;blue;9.5\n44;green;3\n"),
    }
    out = {}
    for name, (path, text) in rows.items():
        src = folder / f"{name}_rows.csv"
        src.write_text(text)
        pred = folder / f"{name}_pred.csv"
        assert main(["predict", str(path), "-i", str(src), "-o", str(pred)]) == 0
        labels = [r["label"] for r in csv.DictReader(open(pred, newline=""))]
        project = load_project(path)
        from nnstudio.session import Predictor

        raw = _raw_inputs(Predictor(project), src)
        out[name] = (project, raw, labels)
    return folder, out


def _raw_inputs(predictor, path):
    from nnstudio.data.inputs import read_new_rows

    return read_new_rows(path, predictor.preprocessor.encoding)


def _names(classes, outputs):
    outputs = np.asarray(outputs)
    if outputs.shape[1] == 1:
        return [classes[int(v > 0.5)] for v in outputs[:, 0]]
    return [classes[i] for i in outputs.argmax(axis=1)]


@pytest.mark.parametrize("name", ["iris", "people"])
def test_onnx_outputs_map_to_predict_labels(trained, name):
    import onnx

    ort = pytest.importorskip("onnxruntime")
    folder, cases = trained
    project, raw, labels = cases[name]
    path = folder / f"{name}.onnx"
    export_project(project, "onnx", path)
    model = onnx.load(str(path))
    props = {p.key: p.value for p in model.metadata_props}
    classes = json.loads(props["classes"])
    assert classes == project.preprocessor["classes"]
    assert json.loads(props["nnstudio"])["output"]["classes"] == classes
    assert "classes" in model.graph.output[0].doc_string
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    outputs = session.run(None, {"input": raw.astype(np.float32)})[0]
    assert _names(classes, outputs) == labels


def test_onnx_documents_the_input_columns_of_a_csv_project(trained):
    import onnx

    folder, cases = trained
    project, _raw, _labels = cases["people"]
    path = folder / "cols.onnx"
    export_project(project, "onnx", path)
    props = {p.key: p.value for p in onnx.load(str(path)).metadata_props}
    described = json.loads(props["nnstudio"])
    assert described["input"]["columns"] == [
        "age",
        "colour=blue",
        "colour=green",
        "colour=red",
        "size",
    ]
    assert described["output"]["classes"] == ["no", "yes"]
    assert "'yes'" in described["output"]["meaning"]


@pytest.mark.parametrize("name", ["iris", "people"])
def test_pytorch_module_carries_classes(trained, name, monkeypatch):
    torch = pytest.importorskip("torch")
    folder, cases = trained
    project, raw, labels = cases[name]
    path = folder / f"{name}_model.py"
    export_project(project, "pytorch", path)
    text = path.read_text()
    assert "CLASSES = " in text and "Classes (CLASSES below)" in text
    spec = importlib.util.spec_from_file_location(f"{name}_model", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    assert module.CLASSES == project.preprocessor["classes"]
    with torch.no_grad():
        outputs = module.load()(torch.tensor(raw, dtype=torch.float32)).numpy()
    assert _names(module.CLASSES, outputs) == labels


def test_numpy_script_and_npz_sidecar_carry_classes(trained):
    folder, cases = trained
    project, raw, labels = cases["iris"]
    script = folder / "iris_script.py"
    export_project(project, "numpy", script)
    spec = importlib.util.spec_from_file_location("iris_script", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.CLASSES == ["setosa", "versicolor", "virginica"]
    assert _names(module.CLASSES, module.predict(raw)) == labels
    npz = folder / "iris.npz"
    export_project(project, "npz", npz)
    described = json.loads((folder / "iris.json").read_text())
    assert described["output"]["classes"] == ["setosa", "versicolor", "virginica"]


def test_regression_exports_have_no_classes(tmp_path):
    path = tmp_path / "d.nnstudio"
    assert main(["new", "-t", "diabetes", "-o", str(path)]) == 0
    assert main(["train", str(path), "--epochs", "1", "-q"]) == 0
    export_project(load_project(path), "npz", tmp_path / "d.npz")
    described = json.loads((tmp_path / "d.json").read_text())
    assert "classes" not in described["output"]
