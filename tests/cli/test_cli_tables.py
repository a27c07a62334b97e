"""Real tables on the command line: bundled templates reach their accuracy, CSV projects,
class names in predict output."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from nnstudio.cli import main
from nnstudio.io import load_project
from nnstudio.session import Predictor


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# template -> (history key, threshold)
TARGETS = {
    "iris": ("test_accuracy", 0.93),
    "wine": ("test_accuracy", 0.94),
    "breast-cancer": ("test_accuracy", 0.95),
    "digits": ("test_accuracy", 0.95),
    "diabetes": ("test_r2", 0.40),
}


@pytest.mark.parametrize("template", list(TARGETS))
def test_bundled_template_reaches_its_target_with_default_epochs(template, tmp_path, capsys):
    path = tmp_path / f"{template}.nnstudio"
    code, out, err = run(["new", "--template", template, "-o", path], capsys)
    assert code == 0, err
    code, out, err = run(["train", path, "-q"], capsys)
    assert code == 0, err
    project = load_project(path)
    key, threshold = TARGETS[template]
    last = project.history[-1]
    assert last["epoch"] == project.training.epochs
    assert last[key] >= threshold, f"{template}: {key} {last[key]:.3f} < {threshold}"


def test_predict_writes_class_names_next_to_probabilities(tmp_path, capsys):
    path = tmp_path / "iris.nnstudio"
    run(["new", "-t", "iris", "-o", path], capsys)
    assert run(["train", path, "-q"], capsys)[0] == 0
    rows = tmp_path / "x.csv"
    rows.write_text("a,b,c,d\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n5.9,2.8,4.3,1.3\n")
    out_csv = tmp_path / "y.csv"
    code, _, err = run(["predict", path, "-i", rows, "-o", out_csv], capsys)
    assert code == 0, err
    table = list(csv.reader(open(out_csv, newline="")))
    assert table[0] == ["p0", "p1", "p2", "class", "label"]
    assert [r[-1] for r in table[1:]] == ["setosa", "virginica", "versicolor"]
    probs = np.array([[float(v) for v in r[:3]] for r in table[1:]])
    expected = Predictor(load_project(path))
    want = expected.probabilities(expected.predict_raw(np.loadtxt(rows, delimiter=",", skiprows=1)))
    np.testing.assert_allclose(probs, want, rtol=1e-6)
    assert [int(r[3]) for r in table[1:]] == want.argmax(axis=1).tolist()


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


def test_new_from_csv_builds_a_ready_project_and_predict_uses_its_encoding(tmp_path, capsys):
    data = tmp_path / "people.csv"
    data.write_text(PEOPLE)
    project_path = tmp_path / "p.nnstudio"
    code, out, err = run(["new", "--csv", data, "--target", "label", "-o", project_path], capsys)
    assert code == 0, err
    project = load_project(project_path)
    assert project.data.csv_path == "people.csv"  # relative to the project's folder
    assert project.data.target_column == "label"
    assert project.training.loss == "bce"
    code, _, err = run(["validate", project_path], capsys)
    assert code == 0, err
    assert run(["train", project_path, "-q"], capsys)[0] == 0
    trained = load_project(project_path)
    assert trained.history[-1]["test_accuracy"] >= 0.8
    new_rows = tmp_path / "new.csv"
    new_rows.write_text("size,colour,age\n9.5,red,30\n1,red,30\n9.5,blue,30\n")
    out_csv = tmp_path / "pred.csv"
    code, _, err = run(["predict", project_path, "-i", new_rows, "-o", out_csv], capsys)
    assert code == 0, err
    table = list(csv.reader(open(out_csv, newline="")))
    assert table[0][-1] == "label"
    assert [r[-1] for r in table[1:]] == ["no", "yes", "yes"]


def test_new_from_csv_regression_and_multiclass_outputs(tmp_path, capsys):
    data = tmp_path / "t.csv"
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3))
    kinds = np.array(["a", "b", "c"])[np.arange(60) % 3]
    lines = ["x1,x2,x3,kind,value"] + [
        f"{r[0]},{r[1]},{r[2]},{k},{r.sum() * 1.37:.4f}" for r, k in zip(x, kinds, strict=True)
    ]
    data.write_text("\n".join(lines) + "\n")
    out = tmp_path / "reg.nnstudio"
    assert run(["new", "--csv", data, "-o", out], capsys)[0] == 0
    reg = load_project(out)
    assert reg.training.loss == "mse"
    sink = reg.network.sinks()[0]
    assert reg.network.nodes[sink].params["units"] == 1
    assert reg.network.nodes[sink].params["activation"] == "linear"
    out2 = tmp_path / "cls.nnstudio"
    assert run(["new", "--csv", data, "--target", "kind", "-o", out2], capsys)[0] == 0
    cls = load_project(out2)
    sink = cls.network.sinks()[0]
    assert cls.training.loss == "cce"
    assert cls.network.nodes[sink].params["units"] == 3
    assert cls.network.nodes[sink].params["activation"] == "softmax"


def test_new_from_csv_errors(tmp_path, capsys):
    code, _, err = run(
        ["new", "--csv", tmp_path / "none.csv", "-o", tmp_path / "x.nnstudio"], capsys
    )
    assert code == 1 and err.startswith("error: ") and "not found" in err
    data = tmp_path / "people.csv"
    data.write_text(PEOPLE)
    code, _, err = run(
        ["new", "--csv", data, "--target", "zz", "-o", tmp_path / "y.nnstudio"], capsys
    )
    assert code == 1 and "no column named 'zz'" in err
    code, _, err = run(["new", "--target", "label"], capsys)
    assert code == 1 and "--csv" in err


def test_predict_error_names_file_line_and_column(tmp_path, capsys):
    data = tmp_path / "people.csv"
    data.write_text(PEOPLE)
    project_path = tmp_path / "p.nnstudio"
    run(["new", "--csv", data, "--target", "label", "-o", project_path], capsys)
    run(["train", project_path, "--epochs", "2", "-q"], capsys)
    bad = tmp_path / "bad.csv"
    bad.write_text("age,colour,size\n30,red,1\n31,purple,2\n")
    code, _, err = run(["predict", project_path, "-i", bad, "-o", tmp_path / "o.csv"], capsys)
    assert code == 1
    assert "bad.csv, line 3, column 'colour' has 'purple'" in err
    assert not (tmp_path / "o.csv").exists()


def test_bundled_project_round_trips_its_class_names(tmp_path, capsys):
    path = tmp_path / "wine.nnstudio"
    run(["new", "-t", "wine", "-o", path], capsys)
    run(["train", path, "--epochs", "1", "-q"], capsys)
    project = load_project(path)
    assert project.preprocessor["classes"] == ["class_0", "class_1", "class_2"]
    assert Predictor(project).preprocessor.class_names == ["class_0", "class_1", "class_2"]
    assert Path(path).stat().st_size > 0


def test_info_describes_tables(tmp_path, capsys):
    path = tmp_path / "wine.nnstudio"
    run(["new", "-t", "wine", "-o", path], capsys)
    code, out, _ = run(["info", path], capsys)
    assert code == 0
    assert "wine (bundled table, 13 features, 3 classes), train ratio 0.7" in out
    assert "noise" not in out and "features  " not in out
    data = tmp_path / "people.csv"
    data.write_text(PEOPLE)
    project = tmp_path / "p.nnstudio"
    run(["new", "--csv", data, "--target", "label", "-o", project], capsys)
    code, out, _ = run(["info", project], capsys)
    assert "csv people.csv (target: column 'label')" in out and "missing values: drop" in out
