"""Packaging: the spec's metadata, what the spec asks PyInstaller for, desktop entry points.

The frozen build itself is too slow for pytest: .ci/package-smoke builds it and starts it.
Here the spec runs against recording stand-ins for PyInstaller's build objects.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

import nnstudio

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


spec_meta = _load("spec_meta")
check_png = _load("check_png")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())


# --- metadata -------------------------------------------------------------------------------


def test_project_meta_comes_from_pyproject():
    meta = spec_meta.read_project_meta()
    assert meta.name == PYPROJECT["project"]["name"]
    assert meta.version == PYPROJECT["project"]["version"] == nnstudio.__version__
    assert meta.console_script in PYPROJECT["project"]["scripts"]
    assert meta.gui_script in PYPROJECT["project"]["gui-scripts"]


def test_project_meta_follows_the_file_it_reads(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "demo"\nversion = "9.8.7"\n'
        '[project.scripts]\ndemo = "demo:main"\n[project.gui-scripts]\ndemo-gui = "demo:gui"\n'
    )
    meta = spec_meta.read_project_meta(pyproject)
    assert (meta.name, meta.version, meta.console_script, meta.gui_script) == (
        "demo",
        "9.8.7",
        "demo",
        "demo-gui",
    )


def test_project_meta_names_a_missing_version(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "demo"\ndynamic = ["version"]\n')
    with pytest.raises(ValueError, match="version"):
        spec_meta.read_project_meta(pyproject)


@pytest.mark.parametrize(
    ("platform", "suffix"), [("win32", ".ico"), ("darwin", ".icns"), ("linux", None)]
)
def test_platform_icon(platform, suffix):
    icon = spec_meta.platform_icon(platform)
    if suffix is None:
        assert icon is None
    else:
        assert icon.suffix == suffix
        assert icon.is_file()


# --- the spec, run against stand-ins --------------------------------------------------------


class _Recorder:
    """Stands in for one PyInstaller build class; remembers every call."""

    def __init__(self, name: str, calls: list):
        self.name, self.calls = name, calls

    def __call__(self, *args, **kwargs):
        obj = types.SimpleNamespace(kind=self.name, args=args, kwargs=kwargs)
        obj.pure, obj.scripts, obj.binaries, obj.datas = [], [], [], []
        self.calls.append(obj)
        return obj


def _run_spec(monkeypatch, platform: str) -> list:
    calls: list = []
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, filter=None: [  # noqa: A006
        name
        for name in (f"{package}.cli", f"{package}.gui.app", f"{package}.resources")
        if filter is None or filter(name)
    ]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    namespace = {"SPECPATH": str(PACKAGING), "__file__": str(PACKAGING / "nnstudio.spec")}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = _Recorder(kind, calls)
    source = (PACKAGING / "nnstudio.spec").read_text()
    exec(compile(source, "nnstudio.spec", "exec"), namespace)
    return calls


def _by_kind(calls: list, kind: str) -> list:
    return [c for c in calls if c.kind == kind]


def test_spec_bundles_resources_and_excludes_test_tools(monkeypatch):
    calls = _run_spec(monkeypatch, "linux")
    (analysis,) = _by_kind(calls, "Analysis")
    assert analysis.args[0] == [str(PACKAGING / "entry.py")]
    assert (str(REPO / "resources"), "nnstudio/resources") in analysis.kwargs["datas"]
    assert (str(REPO / "docs"), "nnstudio/docs") in analysis.kwargs["datas"]
    excludes = set(analysis.kwargs["excludes"])
    assert {"torch", "onnxruntime", "pytest", "hypothesis"} <= excludes
    hidden = analysis.kwargs["hiddenimports"]
    assert "nnstudio.gui.app" in hidden and "nnstudio.cli" in hidden
    assert "nnstudio.resources" not in hidden, "resources/ travels as data"
    assert set(spec_meta.pyqtgraph_template_modules()) <= set(hidden)
    assert not _by_kind(calls, "BUNDLE"), "no .app outside macOS"


def test_spec_builds_both_entry_points_into_one_folder(monkeypatch):
    calls = _run_spec(monkeypatch, "linux")
    meta = spec_meta.read_project_meta()
    exes = _by_kind(calls, "EXE")
    assert [(e.kwargs["name"], e.kwargs["console"]) for e in exes] == [
        (meta.gui_script, False),
        (meta.console_script, True),
    ]
    assert all(e.kwargs["exclude_binaries"] for e in exes), "one-folder, not one-file"
    assert all(e.kwargs["icon"] is None for e in exes), "Linux executables carry no icon"
    (collect,) = _by_kind(calls, "COLLECT")
    assert collect.kwargs["name"] == meta.name
    assert collect.args[:2] == tuple(exes)


@pytest.mark.parametrize(
    ("platform", "icon"), [("win32", "nnstudio.ico"), ("darwin", "nnstudio.icns")]
)
def test_spec_uses_the_platform_icon(monkeypatch, platform, icon):
    calls = _run_spec(monkeypatch, platform)
    for exe in _by_kind(calls, "EXE"):
        assert exe.kwargs["icon"] == [str(PACKAGING / "icons" / icon)]


def test_spec_makes_a_mac_app_with_the_project_version(monkeypatch):
    calls = _run_spec(monkeypatch, "darwin")
    (bundle,) = _by_kind(calls, "BUNDLE")
    assert bundle.kwargs["version"] == PYPROJECT["project"]["version"]
    assert bundle.kwargs["bundle_identifier"] == spec_meta.APP_ID
    assert bundle.kwargs["icon"].endswith("nnstudio.icns")
    assert bundle.kwargs["info_plist"]["CFBundleDocumentTypes"][0]["CFBundleTypeExtensions"] == [
        "nnstudio"
    ]


def test_entry_script_dispatches_on_the_executable_name():
    source = (PACKAGING / "entry.py").read_text()
    assert "from nnstudio.__main__ import gui_main, main" in source
    assert 'endswith("-gui")' in source
    assert spec_meta.read_project_meta().gui_script.endswith("-gui")


# --- desktop entry and metainfo -------------------------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "nnstudio.desktop")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_gui_script_with_the_app_icon():
    entry, meta = _desktop_entry(), spec_meta.read_project_meta()
    exec_argv = shlex.split(entry["Exec"])
    assert exec_argv[0] == meta.gui_script
    assert exec_argv[1:] == ["%f"], "one project file per window"
    assert entry["TryExec"] == meta.gui_script
    assert entry["Icon"] == meta.console_script
    assert entry["Icon"] == spec_meta.app_icon_png(48).name.split("-")[0]
    assert entry["Terminal"] == "false"


def test_metainfo_agrees_with_pyproject_and_the_desktop_entry():
    root = ET.parse(PACKAGING / f"{spec_meta.APP_ID}.metainfo.xml").getroot()
    meta = spec_meta.read_project_meta()
    assert root.findtext("id") == spec_meta.APP_ID
    assert root.findtext("launchable") == "nnstudio.desktop"
    assert root.findtext("icon") == _desktop_entry()["Icon"]
    binaries = {el.text for el in root.find("provides").findall("binary")}
    assert binaries == {meta.console_script, meta.gui_script}
    newest = root.find("releases").find("release")
    assert newest.get("version") == meta.version, "add a <release> for the new version"
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]


# --- the screenshot check used by .ci/package-smoke -----------------------------------------


def _encode_png(rows: list[bytes], width: int, height: int) -> bytes:
    """RGBA rows -> PNG bytes, row y filtered with PNG filter type y % 5."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    raw, prev = bytearray(), bytes(4 * width)
    for y, row in enumerate(rows):
        ftype = y % 5
        out = bytearray()
        for i, value in enumerate(row):
            a = row[i - 4] if i >= 4 else 0
            b = prev[i]
            c = prev[i - 4] if i >= 4 else 0
            p = a + b - c
            paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
            pred = (0, a, b, (a + b) // 2, paeth)[ftype]
            out.append((value - pred) & 0xFF)
        raw += bytes([ftype]) + out
        prev = row
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 6, 0, 0, 0])
    return (
        check_png.PNG_SIGNATURE
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(bytes(raw)))
        + chunk(b"IEND", b"")
    )


def _gradient_rows(width: int, height: int) -> list[bytes]:
    return [
        bytes(v for x in range(width) for v in ((x * 7) % 256, (y * 5) % 256, (x * y) % 256, 255))
        for y in range(height)
    ]


def test_png_decoder_undoes_every_filter_type():
    rows = _gradient_rows(23, 11)
    width, height, bpp, decoded = check_png.decode_rows(_encode_png(rows, 23, 11))
    assert (width, height, bpp) == (23, 11, 4)
    assert decoded == rows


def test_screenshot_check_accepts_a_picture(tmp_path):
    path = tmp_path / "shot.png"
    path.write_bytes(_encode_png(_gradient_rows(64, 48), 64, 48))
    assert check_png.image_problems(path, min_width=64, min_height=48) == []
    assert check_png.main([str(path), "--min-width", "60", "--min-height", "40"]) == 0


def test_screenshot_check_rejects_flat_small_and_missing_images(tmp_path):
    flat = tmp_path / "flat.png"
    flat.write_bytes(_encode_png([bytes([30, 30, 30, 255]) * 64] * 48, 64, 48))
    problems = check_png.image_problems(flat, min_width=64, min_height=48)
    assert any("distinct colours" in p for p in problems)
    assert any("90%" in p for p in problems)

    small = tmp_path / "small.png"
    small.write_bytes(_encode_png(_gradient_rows(40, 30), 40, 30))
    assert any("smaller than 400x300" in p for p in check_png.image_problems(small))

    assert check_png.image_problems(tmp_path / "nope.png") == [
        f"{tmp_path / 'nope.png'} does not exist"
    ]
    (tmp_path / "text.png").write_text("not a png")
    assert check_png.main([str(tmp_path / "text.png")]) == 1


# --- desktop registration script ------------------------------------------------------------


def _install_desktop(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    return subprocess.run(
        ["bash", str(PACKAGING / "install-desktop.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
    )


def test_install_desktop_registers_and_removes_the_app(tmp_path):
    prefix = tmp_path / "prefix"
    done = _install_desktop("--prefix", str(prefix), home=tmp_path)
    assert done.returncode == 0, done.stderr
    share = prefix / "share"
    desktop = (share / "applications" / "nnstudio.desktop").read_text()
    assert desktop == (PACKAGING / "nnstudio.desktop").read_text()
    for size in spec_meta.APP_ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nnstudio.png"
        assert check_png.png_size(icon.read_bytes()) == (size, size)
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "nnstudio.svg").is_file()
    assert (share / "metainfo" / f"{spec_meta.APP_ID}.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / "nnstudio.xml").is_file()

    removed = _install_desktop("--prefix", str(prefix), "--uninstall", home=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert not (share / "applications" / "nnstudio.desktop").exists()
    assert not list((share / "icons" / "hicolor").glob("*/apps/nnstudio.*"))


def test_install_desktop_points_the_launcher_at_a_bundle(tmp_path):
    bundle = tmp_path / "my apps" / "nnstudio"
    bundle.mkdir(parents=True)
    launcher = bundle / "nnstudio-gui"
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    prefix = tmp_path / "prefix"
    done = _install_desktop("--prefix", str(prefix), "--bundle", str(bundle), home=tmp_path)
    assert done.returncode == 0, done.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(prefix / "share" / "applications" / "nnstudio.desktop")
    assert shlex.split(entry["Desktop Entry"]["Exec"]) == [str(launcher), "%f"]
    assert entry["Desktop Entry"]["TryExec"] == str(launcher)


def test_install_desktop_refuses_a_folder_without_the_app(tmp_path):
    done = _install_desktop(
        "--prefix", str(tmp_path / "p"), "--bundle", str(tmp_path), home=tmp_path
    )
    assert done.returncode == 1
    assert "packaging/build.sh" in done.stderr


# --- system libraries for Qt ----------------------------------------------------------------

DEPS_SCRIPT = REPO / "scripts" / "install-linux-deps.sh"


def test_linux_deps_script_rejects_unknown_options():
    done = subprocess.run(["bash", str(DEPS_SCRIPT), "--bogus"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "--bogus" in done.stderr


def test_qt_system_libraries_are_installed():
    """After `bash scripts/install-linux-deps.sh` (scripts/test.sh runs it), nothing is missing."""
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian/Ubuntu system: the script only prints what to install there")
    done = subprocess.run(
        ["bash", str(DEPS_SCRIPT), "--check"], capture_output=True, text=True, env=os.environ
    )
    assert done.returncode == 0, f"{done.stdout}run: bash scripts/install-linux-deps.sh"
