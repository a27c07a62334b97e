"""Translation chores behind ``scripts/update-translations.sh`` (run from the repository).

    python scripts/translations.py catalog    # regenerate nnstudio/gui/catalog_strings.py
    python scripts/translations.py core       # regenerate nnstudio/gui/core_strings.py
    python scripts/translations.py release    # compile the .ts files into .qm (lrelease)
    python scripts/translations.py status     # count finished/unfinished entries per .ts
    python scripts/translations.py fill LANG FILE.json   # fill unfinished entries of
                                              # nnstudio_LANG.ts from {source: translation}

``release`` compiles each message twice: under its own context and under the empty one,
which the app's translator falls back to (see ``nnstudio/gui/i18n.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TRANSLATIONS = REPO / "resources" / "translations"
CATALOG_MODULE = REPO / "nnstudio" / "gui" / "catalog_strings.py"
CORE_MODULE = REPO / "nnstudio" / "gui" / "core_strings.py"
#: where core messages (``nnstudio.text.Text``) are written: everything but the GUI and CLI
CORE_SOURCES = (
    "engine", "graph", "data", "io", "insight", "session.py", "errors.py", "lessons.py", "text.py"
)

CORE_HEADER = '''# ruff: noqa: E501, F401
# fmt: off
"""Every message template of the core (``nnstudio.text.Text``), for lupdate (generated;
do not edit).

Regenerate with ``scripts/update-translations.sh`` (``python scripts/translations.py
core``); a test checks it matches the sources. The GUI translates these at display time
with ``nnstudio.gui.i18n.core_tr`` (context "core").
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_STRINGS = (
'''

HEADER = '''# ruff: noqa: E501
# fmt: off
"""Every catalog string the GUI shows, for lupdate (generated; do not edit).

Regenerate with ``scripts/update-translations.sh`` (``python scripts/translations.py
catalog``); a test checks it matches the catalog. The GUI translates these at display time
with ``nnstudio.gui.i18n.catalog_tr`` (context "catalog").
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CATALOG_STRINGS = (
'''


def catalog_strings() -> list[str]:
    """Every name, category, label, help and "none" label the GUI shows from the catalog,
    the training panel's display names of choices and the datasets' titles; sorted."""
    from nnstudio.data import COLUMN_KINDS, DATASETS
    from nnstudio.engine.schedules import SCHEDULE_TEXTS
    from nnstudio.graph.catalog import (
        ACTIVATION_PARAMS,
        CATALOG,
        CATEGORIES,
        LOSS_PARAMS,
        OPTIMIZER_PARAMS,
        SCHEDULE_PARAMS,
        TRAINING_FIELDS,
    )
    from nnstudio.gui.actions import EXPORT_FORMATS, TRAIN_TIP
    from nnstudio.gui.training_panel import TITLES
    from nnstudio.io import TEMPLATES

    specs = list(TRAINING_FIELDS)
    for table in (ACTIVATION_PARAMS, LOSS_PARAMS, OPTIMIZER_PARAMS, SCHEDULE_PARAMS):
        for group in table.values():
            specs.extend(group)
    texts = set(CATEGORIES) | set(TITLES.values())
    texts |= {getattr(info, "title", "") for info in DATASETS.values()}
    # the GUI's own tables of names, passed to tr() through a variable
    texts |= {TRAIN_TIP, "PNG images (*.png)", "SVG images (*.svg)", *COLUMN_KINDS}
    texts |= set(SCHEDULE_TEXTS.values())  # the schedule's sentence under the panel
    texts |= {
        text for label, file_filter, _ in EXPORT_FORMATS.values() for text in (label, file_filter)
    }
    texts |= {name.replace("_", " ").capitalize() for name in TEMPLATES} | set(TEMPLATES.values())
    for kind in CATALOG.values():
        texts |= {kind.name, kind.description}
        specs.extend(kind.params)
    for spec in specs:
        texts |= {spec.label, spec.help, spec.none_label}
        texts |= {TITLES.get(c, c.capitalize()) for c in spec.choices}
    return sorted(t for t in texts if t)


def catalog_module() -> str:
    """The text of ``catalog_strings.py`` for the current catalog."""
    lines = [f"    QT_TRANSLATE_NOOP({'catalog'!r}, {text!r}),\n" for text in catalog_strings()]
    return HEADER + "".join(lines) + ")\n"


def write_catalog() -> None:
    CATALOG_MODULE.write_text(catalog_module(), encoding="utf-8")
    print(f"wrote {CATALOG_MODULE.relative_to(REPO)} ({len(catalog_strings())} strings)")


def core_files() -> list[Path]:
    out: list[Path] = []
    for name in CORE_SOURCES:
        path = REPO / "nnstudio" / name
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [p for p in out if p.is_file()]


def core_strings() -> list[str]:
    """The template of every ``Text("...")`` call in the core's sources; sorted.

    Raises SystemExit naming the place when a ``Text`` call's template is not a literal.
    """
    import ast

    found: set[str] = set()
    bad = []
    for path in core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name != "Text" or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
            else:
                bad.append(f"{path.relative_to(REPO)}:{node.lineno}")
    if bad:
        raise SystemExit("Text() needs a literal template at: " + ", ".join(bad))
    return sorted(t for t in found if t)


def core_module() -> str:
    """The text of ``core_strings.py`` for the current sources."""
    lines = [f"    QT_TRANSLATE_NOOP({'core'!r}, {text!r}),\n" for text in core_strings()]
    return CORE_HEADER + "".join(lines) + ")\n"


def write_core() -> None:
    CORE_MODULE.write_text(core_module(), encoding="utf-8")
    print(f"wrote {CORE_MODULE.relative_to(REPO)} ({len(core_strings())} strings)")


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-lupdate``...): beside the Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if not found:
        raise SystemExit(f"error: {name} not found (pip install PySide6)")
    return found


def flattened(ts: Path) -> ET.ElementTree:
    """``ts`` with every finished message copied into the empty context (first wins)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = root.findall("context")
    empty = next((c for c in contexts if not (c.findtext("name") or "")), None)
    if empty is None:
        empty = ET.SubElement(root, "context")
        ET.SubElement(empty, "name").text = ""
    seen = {m.findtext("source") for m in empty.findall("message")}
    for context in contexts:
        if context is empty:
            continue
        for message in context.findall("message"):
            source = message.findtext("source")
            if source in seen:
                continue
            seen.add(source)
            copy = ET.SubElement(empty, "message")
            for child in message:
                if child.tag != "location":
                    copy.append(child)
    return tree


def release() -> None:
    lrelease = tool("pyside6-lrelease")
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        with tempfile.TemporaryDirectory() as tmp:
            flat = Path(tmp) / ts.name
            flattened(ts).write(flat, encoding="utf-8", xml_declaration=True)
            qm = ts.with_suffix(".qm")
            subprocess.run([lrelease, "-silent", str(flat), "-qm", str(qm)], check=True)
        print(f"wrote {qm.relative_to(REPO)}")


def entries(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) of every message of ``ts``; type is "" for a
    finished one, else "unfinished", "obsolete" or "vanished"."""
    out = []
    for context in ET.parse(ts).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            tr = message.find("translation")
            kind = (tr.get("type") or "") if tr is not None else "unfinished"
            text = (tr.text or "") if tr is not None else ""
            if not text and not kind:
                kind = "unfinished"
            out.append((name, message.findtext("source") or "", text, kind))
    return out


def fill(language: str, table: Path) -> None:
    """Write the translations of ``table`` (JSON ``{source: translation}``) into the
    unfinished messages of ``nnstudio_<language>.ts``; finished ones are left alone."""
    import json

    ts = TRANSLATIONS / f"nnstudio_{language}.ts"
    found = json.loads(table.read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None:
            tr = ET.SubElement(message, "translation", type="unfinished")
        source = message.findtext("source") or ""
        if (tr.get("type") == "unfinished" or not tr.text) and found.get(source):
            tr.text = found[source]
            tr.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} messages of {ts.name}")


def status() -> int:
    bad = 0
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        rows = entries(ts)
        todo = [r for r in rows if r[3] == "unfinished"]
        bad += len(todo)
        print(f"{ts.name}: {len(rows)} messages, {len(todo)} unfinished")
        for context, source, _text, _kind in todo:
            print(f"  [{context}] {source!r}")
    return 1 if bad else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "catalog":
        write_catalog()
    elif command == "core":
        write_core()
    elif command == "release":
        release()
    elif command == "fill" and len(sys.argv) == 4:
        fill(sys.argv[2], Path(sys.argv[3]))
    elif command == "status":
        sys.exit(status())
    else:
        raise SystemExit(__doc__)
