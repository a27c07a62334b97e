"""The on-demand downloader end to end against a local HTTP server, the IDX reader, the
downloaded image sets and the image folder."""

from __future__ import annotations

import hashlib
import socket
import sys

import numpy as np
import pytest
from image_mirror import FILES, Mirror, tiny_images, write_tiny_set

from nnstudio.data import DataError, DataSettings, make_dataset
from nnstudio.data import download as dl
from nnstudio.data.idx import idx_bytes, parse_idx, read_idx, write_idx
from nnstudio.data.image_sets import load_image_set, needs_download, read_image_folder


@pytest.fixture
def mirror(tmp_path):
    write_tiny_set(tmp_path / "srv" / "set")
    m = Mirror(tmp_path / "srv")
    yield m
    m.close()


def _remote(mirror, tmp_path, name="train-images-idx3-ubyte.gz", sha=None):
    data = (tmp_path / "srv" / "set" / name).read_bytes()
    sha = sha or hashlib.sha256(data).hexdigest()
    return dl.RemoteFile(name, f"{mirror.url}set/{name}", sha), data


def test_published_table_has_four_sha256_files_per_set():
    for name, files in dl.SOURCES.items():
        assert [f.name for f in files] == list(FILES), name
        assert all(len(f.sha256) == 64 and int(f.sha256, 16) >= 0 for f in files)
    assert dl.SOURCES["mnist"][0].url.startswith("https://ossci-datasets.s3.amazonaws.com/")
    assert dl.SOURCES["fashion_mnist"][0].url.startswith("http://fashion-mnist.s3-website")


def test_cache_dir_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("NNSTUDIO_CACHE", str(tmp_path / "c"))
    assert dl.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("NNSTUDIO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert dl.cache_dir() == tmp_path / "xdg" / "nnstudio"


def test_good_download_is_verified_renamed_and_reported(mirror, tmp_path):
    remote, data = _remote(mirror, tmp_path)
    seen = []
    path = dl.download_file(
        remote, tmp_path / "cache", progress=lambda d, t, f: seen.append((d, t))
    )
    assert path == tmp_path / "cache" / remote.name and path.read_bytes() == data
    assert not (tmp_path / "cache" / (remote.name + ".part")).exists()
    assert seen[-1] == (len(data), len(data))
    n = len(mirror.requests)
    assert dl.download_file(remote, tmp_path / "cache") == path  # cached: no request
    assert len(mirror.requests) == n


def test_corrupt_download_is_refused_and_not_kept(mirror, tmp_path):
    remote, _ = _remote(mirror, tmp_path, sha="0" * 64)
    with pytest.raises(dl.DownloadError, match="does not match its SHA-256"):
        dl.download_file(remote, tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_interrupted_download_resumes_with_a_range_request(mirror, tmp_path):
    remote, data = _remote(mirror, tmp_path)
    mirror.truncate["/set/" + remote.name] = 1  # the first response stops halfway
    path = dl.download_file(remote, tmp_path / "cache")
    assert path.read_bytes() == data
    ranges = [r for p, r in mirror.requests if p == "/set/" + remote.name]
    assert ranges == [None, f"bytes={len(data) // 2}-"]


def test_always_interrupted_download_is_a_clean_error(mirror, tmp_path):
    remote, _ = _remote(mirror, tmp_path)
    mirror.truncate["/set/" + remote.name] = -1
    with pytest.raises(dl.DownloadError, match="no network"):
        dl.download_file(remote, tmp_path / "cache", retries=2)
    assert not (tmp_path / "cache" / remote.name).exists()  # never under the final name
    assert len(mirror.requests) == 3


def test_offline_is_the_typed_error_with_a_clear_message(tmp_path):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there: connection refused
    remote = dl.RemoteFile("x.gz", f"http://127.0.0.1:{port}/x.gz", "0" * 64)
    with pytest.raises(dl.DownloadError) as info:
        dl.download_file(remote, tmp_path / "cache", title="MNIST")
    assert isinstance(info.value, DataError)
    text = str(info.value)
    assert text.startswith("could not download MNIST (no network?)")
    assert "choose another dataset" in text
    assert not (tmp_path / "cache" / "x.gz").exists()


def test_cancel_stops_and_keeps_only_the_part_file(mirror, tmp_path):
    remote, data = _remote(mirror, tmp_path)
    with pytest.raises(dl.DownloadCancelled):
        dl.download_file(remote, tmp_path / "cache", cancel=lambda: True)
    assert not (tmp_path / "cache" / remote.name).exists()
    assert dl.download_file(remote, tmp_path / "cache").read_bytes() == data


def test_missing_file_on_server_is_a_typed_error(mirror, tmp_path):
    remote = dl.RemoteFile("nope.gz", mirror.url + "set/nope.gz", "0" * 64)
    with pytest.raises(dl.DownloadError, match="404"):
        dl.download_file(remote, tmp_path / "cache")


def test_idx_round_trip_and_malformed_files(tmp_path):
    for a in (np.arange(60, dtype=np.uint8).reshape(3, 4, 5), np.array([1.5, -2.0], ">f4")):
        assert np.array_equal(parse_idx(idx_bytes(a)), a)
    x, y = tiny_images(7, 0)
    write_idx(tmp_path / "x.gz", x)
    got = read_idx(tmp_path / "x.gz")
    assert got.dtype == np.uint8 and np.array_equal(got, x)
    raw = idx_bytes(x)
    assert raw[:4] == bytes([0, 0, 8, 3]) and raw[4:8] == (7).to_bytes(4, "big")
    with pytest.raises(DataError, match="not an IDX file"):
        parse_idx(b"\x01\x02\x03\x04")
    with pytest.raises(DataError, match="header"):
        parse_idx(raw[:-1])


def test_mnist_through_the_suite_mirror_into_a_dataset():
    """The suite-wide mirror (tests/conftest.py) stands in for the real servers."""
    x, y = load_image_set("mnist")
    assert not needs_download("mnist")
    assert x.shape == (250, 784) and x.min() >= 0 and x.max() <= 1
    xtr, ytr = tiny_images(200, 0)
    np.testing.assert_allclose(x[:200], xtr.reshape(200, -1) / 255.0)
    assert np.array_equal(y[:200], ytr)
    ds = make_dataset(DataSettings(name="mnist", n_points=100, train_ratio=0.8, standardize=False))
    assert ds.x_train.shape == (80, 784) and ds.x_test.shape == (20, 784)
    assert ds.class_names == [str(i) for i in range(10)] and ds.task == "multiclass"
    fashion = make_dataset(DataSettings(name="fashion_mnist", n_points=50, standardize=False))
    assert fashion.class_names[-1] == "Ankle boot" and fashion.n_classes == 10


def test_image_folder_with_pillow(tmp_path):
    from PIL import Image

    rng = np.random.default_rng(0)
    pictures = {}
    for cls in ("cat", "dog"):
        (tmp_path / "imgs" / cls).mkdir(parents=True)
        for i in range(3):
            a = rng.integers(0, 256, (5, 4), dtype=np.uint8)
            Image.fromarray(a, "L").save(tmp_path / "imgs" / cls / f"{i}.png")
            pictures[(cls, i)] = a
    x, y, classes, shape = read_image_folder(tmp_path / "imgs")
    assert classes == ["cat", "dog"] and shape == (1, 5, 4) and list(y) == [0, 0, 0, 1, 1, 1]
    np.testing.assert_allclose(x[4], pictures[("dog", 1)].ravel() / 255.0)
    ds = make_dataset(
        DataSettings(name="image_folder", image_folder=str(tmp_path / "imgs"), standardize=False)
    )
    assert ds.n_features == 20 and ds.class_names == ["cat", "dog"]
    Image.new("RGB", (4, 5), (255, 0, 0)).save(tmp_path / "imgs" / "dog" / "red.png")
    x, _, _, shape = read_image_folder(tmp_path / "imgs")
    assert shape == (3, 5, 4) and x.shape == (7, 60)
    red = x[-1].reshape(3, 5, 4)  # dog/red.png sorts last
    assert (red[0] == 1).all() and (red[1:] == 0).all()
    Image.new("L", (9, 9)).save(tmp_path / "imgs" / "cat" / "big.png")
    with pytest.raises(DataError, match="same size"):
        read_image_folder(tmp_path / "imgs")


def test_image_folder_without_pillow_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(DataError, match=r"nnstudio\[images\]"):
        read_image_folder(tmp_path)
