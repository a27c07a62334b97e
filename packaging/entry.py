"""Entry script of the frozen app (PyInstaller runs this file as ``__main__``).

The bundle holds two executables built from this one script: ``nnstudio`` (a console
program: the GUI without arguments, the CLI with a subcommand) and ``nnstudio-gui`` (the
desktop launcher; on Windows it opens no console window). The executable's own name says
which entry point runs.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

from nnstudio.__main__ import gui_main, main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    launcher = Path(sys.executable).stem.lower().endswith("-gui")
    sys.exit(gui_main() if launcher else main())
