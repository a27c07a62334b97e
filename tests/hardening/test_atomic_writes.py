"""Every file is written atomically; stale temporary files are cleaned and never opened."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from hardening_helpers import run, saved

from nnstudio.io import load_project, save_project
from nnstudio.io.atomic import AtomicFile, clean_stale_temporaries, is_temporary_name
from nnstudio.io.errors import FileWriteError, NotAProjectError, ProjectSaveError


def _full_disk(monkeypatch) -> None:
    """Make the next fsync fail as on a full disk."""

    def fail(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if is_temporary_name(p))


def test_a_failed_predict_keeps_the_old_output_and_leaves_no_temporary(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    project = saved(tmp_path, trained=True)
    x = tmp_path / "X.csv"
    x.write_text("0.1,0.2\n0.5,0.5\n")
    out = tmp_path / "out.csv"
    out.write_text("old predictions\n")
    _full_disk(monkeypatch)
    code, _, err = run(["predict", project, "-i", x, "-o", out], capsys)
    assert code == 1 and "No space left" in err
    assert out.read_text() == "old predictions\n"
    assert _temporaries(tmp_path) == []


def test_a_failed_train_log_keeps_the_old_log(tmp_path: Path, capsys, monkeypatch) -> None:
    project = saved(tmp_path)
    log = tmp_path / "log.csv"
    log.write_text("old log\n")
    _full_disk(monkeypatch)
    code, _, err = run(["train", project, "-q", "--log", log], capsys)
    assert code == 1 and err.startswith("error: ")
    assert log.read_text() == "old log\n"
    assert _temporaries(tmp_path) == []


def test_train_log_and_predictions_are_complete_files(tmp_path: Path, capsys) -> None:
    project = saved(tmp_path)
    log = tmp_path / "log.csv"
    assert run(["train", project, "-q", "--epochs", "3", "--log", log], capsys)[0] == 0
    lines = log.read_text().splitlines()
    assert lines[0].startswith("epoch,") and [row.split(",")[0] for row in lines[1:]] == [
        "1",
        "2",
        "3",
    ]
    assert oct(log.stat().st_mode & 0o777) != oct(0o600)  # usual permissions, not mkstemp's


@pytest.mark.parametrize("fmt", ["npz", "safetensors", "onnx", "numpy", "pytorch"])
def test_exports_on_a_full_disk_leave_the_old_file(tmp_path: Path, fmt: str, monkeypatch) -> None:
    from nnstudio.io.export import SUFFIXES, ExportError, export_project

    project = load_project(saved(tmp_path, trained=True))
    out = tmp_path / f"model{SUFFIXES[fmt]}"
    out.write_bytes(b"old export")
    _full_disk(monkeypatch)
    with pytest.raises(ExportError, match="No space left"):
        export_project(project, fmt, out)
    assert out.read_bytes() == b"old export"
    assert _temporaries(tmp_path) == []


def test_save_failure_is_typed_and_cleaned(tmp_path: Path, monkeypatch) -> None:
    path = saved(tmp_path)
    before = path.read_bytes()
    _full_disk(monkeypatch)
    with pytest.raises(ProjectSaveError, match="No space left"):
        save_project(load_project(path), path)
    assert path.read_bytes() == before and _temporaries(tmp_path) == []


def test_an_exception_inside_the_block_discards_the_file(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    target.write_text("keep")
    with pytest.raises(KeyboardInterrupt), AtomicFile(target, "w") as fh:
        fh.write("half")
        raise KeyboardInterrupt
    assert target.read_text() == "keep" and _temporaries(tmp_path) == []


def test_stale_temporaries_of_the_target_are_removed_on_save(tmp_path: Path) -> None:
    path = saved(tmp_path, name="work.nnstudio")
    old = time.time() - 7200
    stale = tmp_path / ".work.nnstudio.ab12cd_9.tmp"
    fresh = tmp_path / ".work.nnstudio.zz34yy_1.tmp"  # a save in progress elsewhere
    other = tmp_path / ".other.nnstudio.ab12cd_9.tmp"  # another target's
    foreign = tmp_path / ".work.nnstudio.backup.tmp"  # not our naming
    for p in (stale, fresh, other, foreign):
        p.write_bytes(b"partial")
    for p in (stale, other, foreign):
        os.utime(p, (old, old))
    save_project(load_project(path), path)
    assert not stale.exists()
    assert fresh.exists() and other.exists() and foreign.exists()
    assert clean_stale_temporaries(tmp_path / "other.nnstudio") == 1 and not other.exists()


def test_a_temporary_file_is_never_opened_as_a_project(tmp_path: Path, capsys) -> None:
    path = saved(tmp_path, name="work.nnstudio")
    tmp = tmp_path / ".work.nnstudio.k2j4h5g6.tmp"
    tmp.write_bytes(path.read_bytes())  # even a complete one
    with pytest.raises(NotAProjectError, match="temporary file"):
        load_project(tmp)
    code, _, err = run(["info", tmp], capsys)
    assert code == 1 and "open work.nnstudio instead" in err


def test_writing_into_a_missing_folder_is_typed(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="does not exist"):
        AtomicFile(tmp_path / "nope" / "x.csv", "w")
