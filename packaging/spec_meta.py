"""Facts the PyInstaller spec, the icon script and the tests share (standard library only).

Nothing here imports Qt or PyInstaller, so the tests can import it in the no-Qt job.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = REPO / "pyproject.toml"

#: Application id (reverse DNS) used by the .desktop file, the AppStream metainfo and macOS.
APP_ID = "io.github.nnstudio.NNStudio"
#: Sizes (px) of the PNG app icons rendered from resources/icons/nnstudio.svg.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Sizes packed into the Windows .ico (the format stops at 256).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Layer kinds that have a palette icon in resources/icons/layers/<kind>.svg.
LAYER_ICON_KINDS = ("input", "dense", "activation", "dropout", "batchnorm", "add", "concat")


@dataclass(frozen=True)
class ProjectMeta:
    """What the bundle needs to know about the project, read from pyproject.toml."""

    name: str
    version: str
    description: str
    console_script: str  # e.g. "nnstudio": the terminal command (GUI or CLI)
    gui_script: str  # e.g. "nnstudio-gui": the launcher command (no console on Windows)


def read_project_meta(pyproject: Path = PYPROJECT) -> ProjectMeta:
    """Read name, version, description and the two entry-point names from ``pyproject.toml``.

    Raises ValueError naming the missing table or key, so a broken pyproject fails the build
    with a message instead of a KeyError deep inside PyInstaller.
    """
    with open(pyproject, "rb") as fh:
        data = tomllib.load(fh)
    project = data.get("project")
    if not isinstance(project, dict):
        raise ValueError(f"{pyproject}: no [project] table; add PEP 621 metadata")
    for key in ("name", "version"):
        if not isinstance(project.get(key), str):
            raise ValueError(
                f"{pyproject}: [project] {key} must be a literal string "
                "(the spec does not resolve dynamic metadata)"
            )
    scripts = project.get("scripts") or {}
    gui_scripts = project.get("gui-scripts") or {}
    if len(scripts) != 1 or len(gui_scripts) != 1:
        raise ValueError(
            f"{pyproject}: expected exactly one [project.scripts] and one "
            f"[project.gui-scripts] entry, found {sorted(scripts)} and {sorted(gui_scripts)}"
        )
    return ProjectMeta(
        name=project["name"],
        version=project["version"],
        description=project.get("description", ""),
        console_script=next(iter(scripts)),
        gui_script=next(iter(gui_scripts)),
    )


def app_icon_png(size: int, repo: Path = REPO) -> Path:
    """Path of the committed PNG app icon of ``size`` x ``size`` pixels."""
    return repo / "resources" / "icons" / "app" / f"nnstudio-{size}.png"


def platform_icon(platform: str | None = None, repo: Path = REPO) -> Path | None:
    """The icon file PyInstaller embeds on ``platform``: .ico (Windows), .icns (macOS).

    ``platform`` defaults to the running one (``sys.platform``). Linux executables carry no
    icon (the .desktop file names it), so this returns None there.
    """
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return repo / "packaging" / "icons" / "nnstudio.ico"
    if platform == "darwin":
        return repo / "packaging" / "icons" / "nnstudio.icns"
    return None


def pyqtgraph_template_modules() -> list[str]:
    """Module names of pyqtgraph's UI templates, found on disk without importing pyqtgraph.

    Older pyqtgraph loads e.g. ``...ViewBox.axisCtrlTemplate_pyside6`` with importlib at run
    time (0.14 has one ``*Template_generic`` module each), which PyInstaller's import scan
    cannot see. Empty if pyqtgraph is not installed.
    """
    import importlib.util

    spec = importlib.util.find_spec("pyqtgraph")
    if spec is None or spec.origin is None:
        return []
    root = Path(spec.origin).parent
    found = [*root.rglob("*Template_generic.py"), *root.rglob("*Template_pyside6.py")]
    return sorted(
        ".".join(("pyqtgraph", *path.relative_to(root).with_suffix("").parts))
        for path in found
        if not {"examples", "flowchart"} & set(path.relative_to(root).parts)
    )
