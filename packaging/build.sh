#!/usr/bin/env bash
# Build the one-folder NN Studio bundle with PyInstaller.
#
#   bash packaging/build.sh                   # venv packaging/.venv, output packaging/dist/nnstudio/
#   VENV=.venv bash packaging/build.sh        # reuse an existing virtual environment
#   PYTHON=python3.12 bash packaging/build.sh # interpreter used to create the venv
#   NO_INSTALL=1 VENV=... bash packaging/build.sh  # use the venv as it is (no pip step)
#
# Steps: create the venv if missing, `pip install .[package]` (the app, its dependencies
# and PyInstaller), then run packaging/nnstudio.spec. Works on Linux and macOS, and on
# Windows from Git Bash (the venv's Scripts/ folder is found too).
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1

VENV="${VENV:-packaging/.venv}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ] && [ ! -x "$VENV/Scripts/python.exe" ]; then
  echo "== creating $VENV"
  "$PY" -m venv "$VENV"
fi
if [ -x "$VENV/bin/python" ]; then VPY="$VENV/bin/python"; else VPY="$VENV/Scripts/python.exe"; fi

if [ "${NO_INSTALL:-0}" != 1 ]; then
  echo "== installing .[package] into $VENV"
  "$VPY" -m pip install -q '.[package]'
fi

echo "== pyinstaller packaging/nnstudio.spec"
start=$(date +%s)
"$VPY" -m PyInstaller packaging/nnstudio.spec --noconfirm --log-level WARN \
  --distpath packaging/dist --workpath packaging/build
echo "== built packaging/dist/nnstudio/ in $(( $(date +%s) - start )) s"
