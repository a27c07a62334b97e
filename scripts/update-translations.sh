#!/usr/bin/env bash
# Refresh the interface translations after GUI strings changed:
#   1. regenerate nnstudio/gui/catalog_strings.py from the catalog (layer, loss, optimizer
#      names, parameter labels and help),
#      and nnstudio/gui/core_strings.py from the core's Text("...") messages,
#   2. pyside6-lupdate every module of nnstudio/gui into resources/translations/*.ts
#      (new strings appear as "unfinished", vanished ones are dropped),
#   3. list what still needs translating (edit the .ts with pyside6-linguist or by hand),
#   4. pyside6-lrelease the .ts files into the .qm files the app loads.
# Run from anywhere: bash scripts/update-translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
"$PY" scripts/translations.py catalog
"$PY" scripts/translations.py core
LUPDATE="$(dirname "$PY")/pyside6-lupdate"
[ -x "$LUPDATE" ] || LUPDATE=pyside6-lupdate
for ts in resources/translations/nnstudio_*.ts; do
    "$LUPDATE" -no-obsolete -locations relative nnstudio/gui/*.py -ts "$ts"
done
"$PY" scripts/translations.py status || echo "(translate the entries above, then run this again)"
"$PY" scripts/translations.py release
