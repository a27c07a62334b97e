"""Downloaded image sets on the command line: mnist-lenet and fashion-cnn fetch their files
on first use (here from the suite's local mirror, tests/conftest.py) with a progress line
on stderr, train, and say clearly when the download cannot happen."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys

import pytest

from nnstudio.cli import main
from nnstudio.cli.download import ProgressLine
from nnstudio.data import download as dl
from nnstudio.io import load_project


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("template", ["mnist-lenet", "fashion-cnn"])
def test_template_downloads_on_first_use_then_trains(template, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NNSTUDIO_CACHE", str(tmp_path / "cache"))  # empty: must download
    path = tmp_path / f"{template}.nnstudio"
    assert run(["new", "--template", template, "-o", path], capsys)[0] == 0
    code, _, err = run(["train", path, "-q", "--epochs", "8"], capsys)
    assert code == 0, err
    name = load_project(path).data.name
    for f in dl.SOURCES[name]:
        assert f"downloading {dl.TITLES[name]}: {f.name}" in err
        assert (tmp_path / "cache" / name / f.name).is_file()
    last = load_project(path).history[-1]
    assert last["epoch"] == 8 and last["test_accuracy"] >= 0.9, last  # the tiny set is easy
    code, _, err = run(["train", path, "-q", "--epochs", "1"], capsys)  # cached now
    assert code == 0 and "downloading" not in err


def test_offline_download_is_one_error_line(tmp_path, capsys, monkeypatch):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    files = {
        f.name: {"url": f"http://127.0.0.1:{port}/{f.name}", "sha256": f.sha256}
        for f in dl.SOURCES["mnist"]
    }
    (tmp_path / "src.json").write_text(__import__("json").dumps({"mnist": files}))
    monkeypatch.setenv("NNSTUDIO_DATA_SOURCES", str(tmp_path / "src.json"))
    monkeypatch.setenv("NNSTUDIO_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "m.nnstudio"
    assert run(["new", "--template", "mnist-lenet", "-o", path], capsys)[0] == 0
    code, _, err = run(["train", path, "-q"], capsys)
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("error: could not download MNIST (no network?)")
    assert "Traceback" not in err


def test_progress_line_on_a_terminal_rewrites_itself():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    err = Tty()
    line = ProgressLine("MNIST", err)
    line(500_000, 1_000_000, "a.gz")
    line(1_000_000, 1_000_000, "a.gz")
    line(10, 0, "b.gz")
    line.close()
    text = err.getvalue()
    assert text == (
        "\rdownloading MNIST: a.gz  50% (0.5 / 1.0 MB)"
        "\rdownloading MNIST: a.gz 100% (1.0 / 1.0 MB)\n"
        "\rdownloading MNIST: b.gz (0.0 MB)\n"
    )


def test_subprocess_cli_uses_the_mirror_from_the_environment(tmp_path):
    env = dict(os.environ, NNSTUDIO_CACHE=str(tmp_path / "cache"))
    path = tmp_path / "f.nnstudio"
    cmd = [sys.executable, "-m", "nnstudio"]
    subprocess.run(
        [*cmd, "new", "--template", "fashion-cnn", "-o", str(path)],
        check=True,
        env=env,
        capture_output=True,
    )
    done = subprocess.run(
        [*cmd, "validate", str(path)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "downloading Fashion-MNIST: t10k-labels-idx1-ubyte.gz" in done.stderr


def test_predict_on_a_trained_project_needs_no_download(tmp_path, capsys, monkeypatch):
    import numpy as np

    path = tmp_path / "m.nnstudio"
    assert run(["new", "--template", "mnist-lenet", "-o", path], capsys)[0] == 0
    assert run(["train", path, "-q", "--epochs", "1"], capsys)[0] == 0
    monkeypatch.setenv("NNSTUDIO_CACHE", str(tmp_path / "empty"))  # offline, nothing cached
    monkeypatch.setenv("NNSTUDIO_DATA_SOURCES", str(tmp_path / "missing.json"))
    np.save(tmp_path / "x.npy", np.zeros((3, 1, 28, 28)))
    out = tmp_path / "p.csv"
    code, _, err = run(["predict", path, "--input", tmp_path / "x.npy", "-o", out], capsys)
    assert code == 0, err
    assert "downloading" not in err and len(out.read_text().splitlines()) == 4
    assert not (tmp_path / "empty").exists()
