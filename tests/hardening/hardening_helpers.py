"""Shared helpers of the hardening tests: run the CLI, make projects, rewrite members."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from nnstudio.cli import main
from nnstudio.io import make_template, save_project


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one CLI command."""
    out = io.StringIO()
    code = main([str(a) for a in argv], out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def small_project(template: str = "xor", n_points: int = 40):
    project = make_template(template)
    if project.data.name != "csv":
        project.data.n_points = n_points
    project.training.epochs = 1
    return project


def saved(tmp_path: Path, name: str = "P.nnstudio", trained: bool = False, template="xor") -> Path:
    """A small project file; ``trained``: trained for one epoch."""
    project = small_project(template)
    path = tmp_path / name
    save_project(project, path)
    if trained:
        assert main(["train", str(path), "-q"], out=io.StringIO()) == 0
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_members(path: Path, parts: dict[str, bytes] | list[tuple[str, bytes]]) -> Path:
    items = parts.items() if isinstance(parts, dict) else parts
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in items:
            zf.writestr(name, data)
    return path


def edit_doc(path: Path, edit) -> Path:
    """Apply ``edit(doc)`` to project.json of ``path`` (in place)."""
    parts = members(path)
    doc = json.loads(parts["project.json"])
    edit(doc)
    parts["project.json"] = json.dumps(doc).encode()
    return write_members(path, parts)
