"""The standalone NumPy script: runs where nnstudio cannot be imported, same outputs."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest
from export_cases import make_case, mlp, raw_inputs

from nnstudio.io.export import export_network

# Runs a script in an isolated interpreter (-I: no PYTHONPATH, no user site, no cwd on
# sys.path) where importing nnstudio fails even though it is installed in the venv.
_BLOCKED_RUNNER = """
import importlib.abc, runpy, sys
class _NoNNStudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "nnstudio" or name.startswith("nnstudio."):
            raise ImportError("nnstudio is not importable here")
        return None
sys.meta_path.insert(0, _NoNNStudio())
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
"""


def _run_isolated(args, cwd):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-I", "-c", _BLOCKED_RUNNER, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_isolated_runner_really_blocks_nnstudio(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import nnstudio\n")
    result = _run_isolated([str(probe)], tmp_path)
    assert result.returncode != 0
    assert "nnstudio is not importable here" in result.stderr


def test_script_cli_reads_csv_and_matches_the_app(dag_case, tmp_path):
    script = tmp_path / "model.py"
    export_network(dag_case.spec, dag_case.weights, dag_case.pre_dict, "numpy", script)
    tree = ast.parse(script.read_text())
    modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    modules |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert modules <= {"argparse", "base64", "io", "json", "sys", "math", "numpy"}

    raw = raw_inputs(40)
    np.savetxt(tmp_path / "inputs.csv", raw, delimiter=",", header="x1,x2", comments="")
    result = _run_isolated(["model.py", "inputs.csv"], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "output_0,output_1,output_2"
    printed = np.loadtxt(lines[1:], delimiter=",", ndmin=2)
    np.testing.assert_allclose(printed, dag_case.predict_raw(raw), rtol=1e-5, atol=1e-6)

    # -o writes a file instead; a CSV without header works too
    np.savetxt(tmp_path / "plain.csv", raw[:5], delimiter=",")
    result = _run_isolated(["model.py", "plain.csv", "-o", "out.csv"], tmp_path)
    assert result.returncode == 0, result.stderr
    written = np.loadtxt(tmp_path / "out.csv", delimiter=",", skiprows=1, ndmin=2)
    np.testing.assert_allclose(written, dag_case.predict_raw(raw[:5]), rtol=1e-5, atol=1e-6)


def test_script_rejects_csv_with_wrong_columns(dag_case, tmp_path):
    script = tmp_path / "model.py"
    export_network(dag_case.spec, dag_case.weights, dag_case.pre_dict, "numpy", script)
    np.savetxt(tmp_path / "bad.csv", np.ones((3, 3)), delimiter=",")
    result = _run_isolated(["model.py", "bad.csv"], tmp_path)
    assert result.returncode != 0
    assert "has 3 column(s), the model needs 2" in result.stderr


def test_predict_function_in_float64_matches_closely(tmp_path):
    case = make_case(mlp("gelu", "linear", n_outputs=2), dtype="float64")
    script = tmp_path / "reg_model.py"
    export_network(case.spec, case.weights, case.pre_dict, "numpy", script)
    spec = importlib.util.spec_from_file_location("reg_model_export", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    raw = raw_inputs(25)
    np.testing.assert_allclose(module.predict(raw), case.predict_raw(raw), rtol=1e-12, atol=1e-12)
    assert module.predict(raw[0]).shape == (1, 2)
    with pytest.raises(ValueError, match="expected inputs of shape"):
        module.predict(np.ones((4, 3)))


def test_the_runtime_module_runs_exactly_the_text_the_script_embeds(dag_case, tmp_path):
    from nnstudio.io.export import numpy_runtime

    script = tmp_path / "model.py"
    export_network(dag_case.spec, dag_case.weights, dag_case.pre_dict, "numpy", script)
    assert numpy_runtime.RUNTIME_SOURCE.strip() in script.read_text()
    # the module's functions are compiled from RUNTIME_SOURCE, not from its own file
    assert numpy_runtime.run_ops.__code__.co_filename == "<numpy_runtime.RUNTIME_SOURCE>"
    spec = importlib.util.spec_from_file_location("embedded_model", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    raw = raw_inputs(30)
    via_module = numpy_runtime.run_ops(module.OPS, module.CONSTANTS, raw, module.INPUT_NAME)
    np.testing.assert_array_equal(module.predict(raw), via_module[module.OUTPUT_TENSOR])


_NO_SOURCES_EXPORT = """
import pathlib, sys
import numpy as np
import nnstudio
assert nnstudio.__file__.endswith(".pyc"), nnstudio.__file__
from nnstudio.io import make_template
from nnstudio.io.export import export_project
from nnstudio.session import Predictor
project = make_template("moons")
from nnstudio.graph import compile_spec
project.weights = compile_spec(project.network, seed=3).get_weights()
export_project(project, "numpy", "model.py")
raw = np.random.default_rng(0).normal(size=(7, 2))
np.savetxt("x.csv", raw, delimiter=",")
np.savetxt("expected.csv", Predictor(project).predict_raw(raw), delimiter=",")
"""


def test_numpy_export_works_without_py_sources(tmp_path):
    """A frozen bundle ships only bytecode: the exporter must not read source files."""
    import shutil

    import nnstudio

    bundle = tmp_path / "bundle"
    shutil.copytree(
        os.path.dirname(nnstudio.__file__),
        bundle / "nnstudio",
        ignore=shutil.ignore_patterns("gui", "__pycache__", "*.pyc"),
    )
    subprocess.run(
        [sys.executable, "-m", "compileall", "-b", "-q", str(bundle)], check=True, timeout=120
    )
    for source in bundle.rglob("*.py"):
        source.unlink()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(bundle),
        "OPENBLAS_NUM_THREADS": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", _NO_SOURCES_EXPORT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    run = _run_isolated(["model.py", "x.csv", "-o", "y.csv"], tmp_path)
    assert run.returncode == 0, run.stderr
    got = np.loadtxt(tmp_path / "y.csv", delimiter=",", skiprows=1, ndmin=2)
    expected = np.loadtxt(tmp_path / "expected.csv", delimiter=",", ndmin=2)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
