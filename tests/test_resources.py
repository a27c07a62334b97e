"""Resources: one resolver (checkout, wheel, bundle), icons, desktop files, the wheel's content.

Runs without Qt except ``test_committed_pngs_match_the_svg`` (marked ``gui``).
"""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from nnstudio import resources_path

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
DESKTOP_FILE = PACKAGING / "nnstudio.desktop"
METAINFO = PACKAGING / "io.github.nnstudio.NNStudio.metainfo.xml"
SVG_NS = "{http://www.w3.org/2000/svg}"
INSTALL_HINT = (
    "bash scripts/install-linux-deps.sh --dev (CI runs it with CI=true, which implies --dev)"
)


def _load(name: str):
    """Import a helper module from packaging/ (not a package) by file path."""
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


spec_meta = _load("spec_meta")
check_png = _load("check_png")


def _rgba(path: Path) -> tuple[int, int, list[bytes]]:
    width, height, bpp, rows = check_png.decode_rows(path.read_bytes())
    assert bpp == 4, f"{path.name} should be RGBA (colour type 6)"
    return width, height, rows


# --- the resolver ---------------------------------------------------------------------------


def test_resources_path_finds_icons_and_examples_in_the_checkout():
    root = resources_path()
    assert root.resolve() == (REPO / "resources").resolve()
    assert (root / "icons" / "nnstudio.svg").is_file()
    assert (root / "icons" / "app" / "nnstudio-48.png").is_file()
    assert (root / "examples").is_dir()


def test_resources_path_prefers_the_pyinstaller_bundle(tmp_path, monkeypatch):
    bundled = tmp_path / "nnstudio" / "resources"
    (bundled / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_path() == bundled


def test_resources_path_ignores_a_bundle_without_resources(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_path().resolve() == (REPO / "resources").resolve()


# --- icons ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", spec_meta.APP_ICON_SIZES)
def test_app_icon_png_has_its_size_and_transparent_corners(size):
    width, height, rows = _rgba(spec_meta.app_icon_png(size))
    assert (width, height) == (size, size)
    corner_alpha = rows[0][3]
    centre = rows[size // 2][4 * (size // 2) : 4 * (size // 2) + 4]
    assert corner_alpha == 0, "the rounded square leaves the corners transparent"
    assert centre[3] == 255, "the middle of the icon is opaque"


def test_app_icon_svg_is_square_svg():
    root = ET.parse(resources_path() / "icons" / "nnstudio.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 512 512"


@pytest.mark.parametrize("kind", spec_meta.LAYER_ICON_KINDS)
def test_layer_icon_is_an_svg_drawing(kind):
    root = ET.parse(resources_path() / "icons" / "layers" / f"{kind}.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 32 32"
    shapes = [el for el in root.iter() if el.tag.removeprefix(SVG_NS) in {"path", "rect", "circle"}]
    assert shapes, f"{kind}.svg draws nothing"


def test_every_catalog_kind_has_its_icon_file():
    from nnstudio.graph import CATALOG

    icons = resources_path() / "icons" / "layers"
    missing = [k.id for k in CATALOG.values() if not (icons / k.icon).is_file()]
    assert not missing, f"layer kinds without an icon file: {missing}"


def test_ico_holds_one_png_per_size():
    data = (PACKAGING / "icons" / "nnstudio.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(spec_meta.ICO_SIZES))
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        blob = data[offset : offset + length]
        png_w, png_h = check_png.png_size(blob)
        assert (w or 256, h or 256) == (png_w, png_h)
        assert (planes, bits) == (1, 32)
        sizes.append(png_w)
    assert tuple(sizes) == spec_meta.ICO_SIZES


def test_icns_elements_are_pngs_of_the_declared_sizes():
    data = (PACKAGING / "icons" / "nnstudio.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[kind] = check_png.png_size(data[pos + 8 : pos + length])
        pos += length
    assert found[b"ic07"] == (128, 128)
    assert found[b"ic09"] == (512, 512)
    assert found[b"icp4"] == (16, 16)
    assert found[b"ic12"] == (64, 64)  # 32@2x


@pytest.mark.gui
def test_committed_pngs_match_the_svg():
    """The PNGs were regenerated after the last SVG edit (packaging/make_icons.py)."""
    pytest.importorskip("PySide6.QtSvg")
    from PySide6.QtWidgets import QApplication

    make_icons = _load("make_icons")
    # a QApplication (not a bare QGuiApplication): widget tests later in the same process
    # need one, and Qt allows only one application object per process
    _app = QApplication.instance() or QApplication([])
    for size in (16, 64, 256):
        fresh = make_icons.png_bytes(make_icons.render_svg(make_icons.APP_SVG, size))
        fresh_rows = check_png.decode_rows(fresh)[3]
        committed_rows = _rgba(spec_meta.app_icon_png(size))[2]
        diff = max(
            abs(a - b)
            for fr, cr in zip(fresh_rows, committed_rows, strict=True)
            for a, b in zip(fr, cr, strict=True)
        )
        assert diff <= 2, f"nnstudio-{size}.png is stale: run packaging/make_icons.py"


# --- desktop integration files --------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip(f"desktop-file-validate missing: {INSTALL_HINT}")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_passes_appstreamcli_validate():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip(f"appstreamcli missing: {INSTALL_HINT}")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_matches_the_desktop_file_and_metainfo():
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime = ET.parse(PACKAGING / "nnstudio-mime.xml").getroot().find(f"{ns}mime-type")
    assert mime.find(f"{ns}glob").get("pattern") == "*.nnstudio"
    desktop = DESKTOP_FILE.read_text()
    assert f"MimeType={mime.get('type')};" in desktop
    provides = ET.parse(METAINFO).getroot().find("provides")
    assert mime.get("type") in [el.text for el in provides.findall("mediatype")]


# --- the wheel ------------------------------------------------------------------------------


def test_examples_folder_holds_example_projects():
    examples = sorted((REPO / "resources" / "examples").glob("*.nnstudio"))
    assert examples, "resources/examples/ should hold the example projects (*.nnstudio)"
    for path in examples:
        assert zipfile.is_zipfile(path), f"{path.name} is not a zip (a .nnstudio project)"


@pytest.mark.slow
def test_wheel_contains_resources_and_resolves_them(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy2(REPO / "pyproject.toml", src)
    readme = REPO / "README.md"
    (src / "README.md").write_text(readme.read_text() if readme.is_file() else "NN Studio\n")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "nnstudio", src / "nnstudio", ignore=ignore)
    shutil.copytree(REPO / "resources", src / "resources", ignore=ignore)
    shutil.copytree(REPO / "docs", src / "docs", ignore=ignore)
    shutil.copy2(REPO / "LICENSE", src)

    out = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("nnstudio-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    expected = ["nnstudio/resources/icons/nnstudio.svg"]
    expected += [f"nnstudio/resources/icons/app/nnstudio-{s}.png" for s in spec_meta.APP_ICON_SIZES]
    expected += [f"nnstudio/resources/icons/layers/{k}.svg" for k in spec_meta.LAYER_ICON_KINDS]
    expected += [
        f"nnstudio/resources/examples/{p.name}"
        for p in (REPO / "resources" / "examples").glob("*.nnstudio")
    ]
    # the bundled datasets (iris, wine, ...) and their sources/licences
    expected += [
        f"nnstudio/resources/datasets/{p.name}"
        for p in (REPO / "resources" / "datasets").iterdir()
        if p.suffix in (".csv", ".gz", ".md")
    ]
    assert "nnstudio/resources/datasets/digits.csv.gz" in expected
    # the in-app manual (Help > Documentation) ships with the package
    expected += [f"nnstudio/docs/{p.name}" for p in (REPO / "docs").glob("*.md")]
    assert "nnstudio/docs/index.md" in expected
    # the Chinese interface, its getting-started page and the lessons (issue 16)
    expected.append("nnstudio/resources/translations/nnstudio_zh_CN.qm")
    expected.append("nnstudio/docs/zh/index.md")
    expected += [
        f"nnstudio/resources/lessons/{p.parent.name}/{p.name}"
        for p in (REPO / "resources" / "lessons").glob("*/*")
        if p.suffix in (".json", ".md", ".nnstudio", ".csv", ".svg")
    ]
    assert "nnstudio/resources/lessons/xor-tutorial/xor.csv" in expected
    # the training script the pytorch-train export copies
    expected.append("nnstudio/resources/export/train.py")
    missing = [name for name in expected if name not in names]
    assert not missing, f"not in the wheel: {missing}"

    # Unpacked like site-packages: resources_path() must find the packaged folder.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import nnstudio; "
        "print(nnstudio.__file__); print(nnstudio.resources_path())"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(site)], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    module_file, found = run.stdout.split()
    assert Path(module_file).is_relative_to(site)
    assert Path(found) == site / "nnstudio" / "resources"
    assert (Path(found) / "icons" / "nnstudio.svg").is_file()
