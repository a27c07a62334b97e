"""The ``nnstudio`` entry point: GUI or CLI, and clear errors where no window can open."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from nnstudio.__main__ import _is_cli


def _run(args: list[str], env_drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in env_drop}
    return subprocess.run(
        [sys.executable, "-m", "nnstudio", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], False),
        (["train", "x.nnstudio"], True),
        (["--version"], True),
        (["--screenshot", "out.png"], False),
        (["my.nnstudio"], False),
        (["trian", "x.nnstudio"], True),
    ],
)
def test_arguments_choose_gui_or_cli(args, expected):
    assert _is_cli(args) is expected


def test_mistyped_command_gets_one_usage_line():
    done = _run(["trian", "x.nnstudio"])
    assert done.returncode == 2
    assert "invalid choice" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
def test_no_display_is_a_clear_error_not_a_crash():
    done = _run([], env_drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert done.returncode == 1
    assert done.stderr.startswith("error: no display found")
    assert "Traceback" not in done.stderr
