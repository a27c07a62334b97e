"""Files and networks that would exhaust memory or hang are refused before any allocation:
zip bombs, huge array headers, networks too large for the machine, device and pipe CSVs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hardening_helpers import members, run, saved, write_members

from nnstudio.data import DataSettings, make_dataset
from nnstudio.data.errors import DataError
from nnstudio.data.files import MAX_CSV_BYTES, check_regular_file, open_regular_file
from nnstudio.graph import NetworkSpec
from nnstudio.graph.memory import (
    NotEnoughMemoryError,
    check_memory,
    estimate_memory,
    optimizer_slots,
)
from nnstudio.io import load_project, save_project
from nnstudio.io.errors import ProjectError, ResourceLimitError
from nnstudio.session import Session


def _peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / 2**20


def _bomb_member(name: str, size: int) -> bytes:
    """A project whose ``name`` member inflates to ``size`` zero bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
    return buf.getvalue()


def test_a_project_json_bomb_is_refused_from_its_declared_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.nnstudio"
    path.write_bytes(_bomb_member("project.json", 200 << 20))
    assert path.stat().st_size < 1 << 20
    with pytest.raises(ResourceLimitError, match="project.json declares 200.0 MB"):
        load_project(path)
    assert _peak_mb(lambda: pytest.raises(ProjectError, load_project, path)) < 5


def test_a_weights_bomb_is_refused_against_the_networks_size(tmp_path: Path) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("dense_1.weight.npy", "w", force_zip64=True) as fh:
            for _ in range(64):
                fh.write(b"\0" * (1 << 20))
    parts["weights.npz"] = inner.getvalue()
    write_members(path, parts)
    with pytest.raises(ResourceLimitError, match="declares"):
        load_project(path)


def test_an_array_header_larger_than_the_network_is_refused_before_its_data(
    tmp_path: Path,
) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    with np.load(io.BytesIO(parts["weights.npz"])) as npz:
        arrays = {k: npz[k] for k in npz.files}
    # a header claiming 10^5 x 10^5 float64 (80 GB), followed by a few bytes of data
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": (100_000, 100_000)}
    )
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        for name, arr in arrays.items():
            if name == "dense_1.weight":
                continue
            data = io.BytesIO()
            np.lib.format.write_array(data, arr)
            zf.writestr(f"{name}.npy", data.getvalue())
        zf.writestr("dense_1.weight.npy", b"\x93NUMPY\x01\x00" + header.getvalue()[8:] + b"\0" * 64)
    parts["weights.npz"] = inner.getvalue()
    write_members(path, parts)
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert "(100000, 100000)" in str(info.value) or "twice" in str(info.value)


def test_duplicated_members_are_refused(tmp_path: Path) -> None:
    path = saved(tmp_path)
    parts = members(path)
    write_members(path, [*parts.items(), ("project.json", parts["project.json"])])
    with pytest.raises(ProjectError, match="twice"):
        load_project(path)


def _huge_network_project(tmp_path: Path) -> Path:
    from nnstudio.io import make_template

    project = make_template("xor")
    project.data.n_points = 40
    project.network = NetworkSpec.sequential(2, [100_000, 100_000], "relu", 1, "sigmoid")
    path = tmp_path / "huge.nnstudio"
    save_project(project, path)
    return path


def test_a_network_too_large_for_memory_fails_validate_and_train(tmp_path: Path, capsys) -> None:
    path = _huge_network_project(tmp_path)
    for command in ("validate", "train"):
        code, _, err = run([command, path], capsys)
        assert code == 1, command
        assert "needs about" in err and "available" in err and "internal error" not in err
    with pytest.raises(NotEnoughMemoryError, match="GB of memory"):
        Session.from_project(load_project(path))


def test_the_estimate_counts_parameters_optimizer_state_and_activations() -> None:
    spec = NetworkSpec.sequential(2, [3], "tanh", 1, "sigmoid")
    # parameters: 2*3+3 + 3*1+1 = 13; widths: input 2 + dense 3 + dense 1 = 6
    est = estimate_memory(
        spec, batch_size=10, n_eval=100, optimizer="adam", dtype="float64", grid_points=50
    )
    assert optimizer_slots("adam", "float64") == 3  # first and second moments, scratch
    assert optimizer_slots("sgd", "float64") == 1  # scratch only
    assert est.parameters == 3 * 13 * 8
    assert est.optimizer == 3 * 13 * 8
    assert est.activations == 6 * (3 * 10 + 2 * 100 + 50) * 8
    f32 = estimate_memory(spec, batch_size=10, optimizer="sgd", dtype="float32")
    assert f32.parameters == 3 * 13 * 4 and f32.optimizer == 13 * 4
    with pytest.raises(NotEnoughMemoryError, match="needs about 1 KB.*has 1 KB available"):
        check_memory(f32, available=500)
    check_memory(f32, available=10**9)


def test_csv_paths_must_name_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for p in ("/dev/zero", fifo, tmp_path):
        with pytest.raises(DataError, match="not a regular file|folder"):
            make_dataset(DataSettings(name="csv", csv_path=str(p)))
        with pytest.raises(DataError):
            open_regular_file(p)  # never blocks on the pipe


def test_the_csv_size_limit_is_stated(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "wb") as fh:  # sparse: no disk used
        fh.truncate(MAX_CSV_BYTES + 1)
    with pytest.raises(DataError, match="the largest CSV file NN Studio reads is 2 GB"):
        check_regular_file(big)
    assert check_regular_file(big, MAX_CSV_BYTES + 1) == big


def test_validate_on_a_fifo_dataset_does_not_hang(tmp_path: Path) -> None:
    from nnstudio.io import make_template

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    project = make_template("xor")
    project.data.name = "csv"
    project.data.csv_path = str(fifo)
    path = tmp_path / "p.nnstudio"
    save_project(project, path)
    proc = subprocess.run(
        [sys.executable, "-m", "nnstudio", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails here instead of blocking the suite
    )
    assert proc.returncode == 1 and "not a regular file" in proc.stderr


def test_exporting_an_untrained_network_too_large_to_build_is_refused(
    tmp_path: Path, capsys
) -> None:
    path = _huge_network_project(tmp_path)
    code, _, err = run(["export", path, "-f", "npz", "-o", tmp_path / "x.npz"], capsys)
    assert code == 1 and "building this network needs about" in err
    assert "internal error" not in err and not (tmp_path / "x.npz").exists()


def test_imported_weight_files_are_checked_like_project_weights(tmp_path: Path, capsys) -> None:
    from nnstudio.io.weights import load_weights_file

    path = saved(tmp_path, trained=True)
    network = load_project(path).network
    bomb = tmp_path / "bomb.npz"
    inner = zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED)
    with inner, inner.open("dense_1.weight.npy", "w", force_zip64=True) as fh:
        for _ in range(64):
            fh.write(b"\0" * (1 << 20))
    code, _, err = run(["import-weights", path, bomb, "-o", tmp_path / "out.nnstudio"], capsys)
    assert code == 1 and "declares 64.0 MB" in err and "internal error" not in err
    odd = tmp_path / "odd.npz"
    np.savez(odd, **{"dense_1.weight": np.zeros((2, 3), np.complex64)})
    with pytest.raises(ProjectError, match="complex64.*float32 or float64"):
        load_weights_file(odd, network)
    big = tmp_path / "big.npz"
    np.savez(big, **{"dense_1.weight": np.zeros(10_000)})
    with pytest.raises(ProjectError, match="can take"):
        load_weights_file(big, network)
    assert load_weights_file(big)["dense_1.weight"].shape == (10_000,)  # no network: 2**28


def test_a_history_of_millions_of_tiny_rows_is_refused_before_parsing(tmp_path: Path) -> None:
    path = saved(tmp_path, trained=True)
    parts = members(path)
    parts["history.json"] = b"[" + b",".join([b'{"epoch":1}'] * 1_000_002) + b"]"
    assert len(parts["history.json"]) < 16 << 20
    write_members(path, parts)
    with pytest.raises(ResourceLimitError, match="more than 1,000,000 epochs"):
        load_project(path)


def test_weights_the_reader_would_refuse_are_not_saved(tmp_path: Path) -> None:
    project = load_project(saved(tmp_path, trained=True))
    name = sorted(project.weights)[0]
    project.weights[name] = project.weights[name].astype(np.float16)
    target = tmp_path / "out.nnstudio"
    with pytest.raises(ProjectError, match="float16"):
        save_project(project, target)
    assert not target.exists()
