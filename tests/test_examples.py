"""The shipped examples run and do what they claim."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_xor_example_reaches_100_percent():
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "xor.py")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^accuracy: 100%$", result.stdout, re.MULTILINE), result.stdout
    lines = [ln for ln in result.stdout.splitlines() if "->" in ln]
    assert len(lines) == 4
    losses = [float(m) for m in re.findall(r"loss (\d+\.\d+)", result.stdout)]
    assert losses and losses[-1] < losses[0]
