"""Built-in templates: each trains to a good result with its own defaults."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import nnstudio
from nnstudio.graph import validate
from nnstudio.io import (
    DEFAULT_TEMPLATE,
    TEMPLATES,
    UnknownTemplateError,
    load_project,
    make_template,
)
from nnstudio.io.templates import write_examples
from nnstudio.session import Session

TOYS = ["spiral", "xor", "circle", "gaussian", "moons", "multiclass", "regression"]
# the bundled tables' templates reach their targets in tests/cli/test_cli_tables.py
# (digits-cnn in tests/cli/test_cli_images.py); the downloaded image sets' templates in
# tests/cli/test_cli_downloads.py (against the suite's local mirror)
TABLES = ["iris", "wine", "breast-cancer", "diabetes", "digits", "digits-cnn"]
DOWNLOADED = ["mnist-lenet", "fashion-cnn"]
EXPECTED = TOYS + TABLES + DOWNLOADED


def test_template_names_and_default() -> None:
    assert list(TEMPLATES) == EXPECTED
    assert DEFAULT_TEMPLATE == "spiral"
    assert all(isinstance(text, str) and text for text in TEMPLATES.values())
    with pytest.raises(UnknownTemplateError, match="spiral"):
        make_template("nope")


@pytest.mark.parametrize("name", TOYS)
def test_template_is_valid_and_trains_well(name: str) -> None:
    project = make_template(name)
    session = Session.from_project(project)  # validates against dataset and loss
    assert validate(project.network, n_features=session.dataset.n_features) == []
    report = None
    for _ in range(project.training.epochs):
        report = session.train_epoch()
    assert report is not None and report.epoch == project.training.epochs
    if session.task == "regression":
        assert report.test_r2 >= 0.95
    else:  # the spiral (the app's default) must reach 95 % too
        assert report.test_accuracy >= 0.95


def test_make_template_returns_fresh_objects() -> None:
    a, b = make_template("xor"), make_template("xor")
    a.network.set_param("dense_1", "units", 3)
    a.data.noise = 0.3
    assert b.network.nodes["dense_1"].params["units"] == 8
    assert b.data.noise == 0.0


def test_bundled_examples_match_templates() -> None:
    folder = nnstudio.resources_path() / "examples"
    for name in EXPECTED:
        loaded = load_project(folder / f"{name}.nnstudio")
        fresh = make_template(name)
        assert loaded.name == fresh.name
        assert loaded.network.to_dict() == fresh.network.to_dict()
        assert loaded.data.to_dict() == fresh.data.to_dict()
        assert loaded.training.to_dict() == fresh.training.to_dict()
        assert loaded.metadata == fresh.metadata
        assert loaded.weights is None


def test_write_examples_is_reproducible(tmp_path: Path) -> None:
    paths = write_examples(tmp_path)
    assert [p.name for p in paths] == [f"{n}.nnstudio" for n in EXPECTED]
    bundled = nnstudio.resources_path() / "examples"
    for path in paths:
        assert path.read_bytes() == (bundled / path.name).read_bytes()


def test_module_command_writes_examples(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "nnstudio.io.templates", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.nnstudio" for n in EXPECTED)
