"""NN Studio: design, train and understand neural networks on the desktop."""

from __future__ import annotations

import sys
from pathlib import Path

__version__ = "0.1.0"


def resources_path() -> Path:
    """Folder holding the app's resources (icons, examples, desktop files).

    Works from a source checkout (``<repo>/resources``), from an installed wheel (the
    package ``nnstudio.resources``) and from a PyInstaller bundle (``sys._MEIPASS``).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        candidate = Path(bundle) / "nnstudio" / "resources"
        if candidate.is_dir():
            return candidate
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"
