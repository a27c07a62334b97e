#!/usr/bin/env bash
# Install everything the tests need and run them: the README's test command.
#
#   bash scripts/test.sh            # full run (lint, import contracts, all tests, no-Qt job)
#   bash scripts/test.sh -k adam    # extra arguments go to the full pytest run
#
# Stages:
#   1. system libraries Qt needs (Debian/Ubuntu; skipped when already present)
#   2. .venv with `.[test]`: ruff, import-linter contracts, the whole pytest suite
#      (GUI tests run headless with QT_QPA_PLATFORM=offscreen)
#   3. .venv-noqt without PySide6/pyqtgraph: the non-GUI tests, proving the core never
#      needs Qt
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
PY="${PYTHON:-python3}"

echo "== 1/3 system libraries"
bash scripts/install-linux-deps.sh --quiet || echo "(could not install system libraries; continuing)"

echo "== 2/3 full environment (.venv)"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/python -m pytest -q "$@"

echo "== 3/3 core without Qt (.venv-noqt)"
[ -x .venv-noqt/bin/python ] || "$PY" -m venv .venv-noqt
.venv-noqt/bin/pip install -q --upgrade pip >/dev/null
.venv-noqt/bin/pip install -q numpy onnx safetensors threadpoolctl pytest hypothesis pillow
.venv-noqt/bin/pip install -q --no-deps -e .
if .venv-noqt/bin/python -c "import PySide6" 2>/dev/null; then
  echo "error: PySide6 is importable in the no-Qt environment" >&2
  exit 1
fi
.venv-noqt/bin/python -m pytest -q -m "not gui" --ignore=tests/gui -p no:qt
