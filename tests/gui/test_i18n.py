"""The Chinese interface: every tr() string extracted and translated, the catalogue compiled
and installed, the language chosen from --lang / Preferences / the system, and no English
left in the main window and its dialogs when the interface is Chinese."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from nnstudio import resources_path
from nnstudio.gui import i18n

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "nnstudio_zh_CN.ts"
QM = REPO / "resources" / "translations" / "nnstudio_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _script():
    spec = importlib.util.spec_from_file_location("translations", REPO / "scripts/translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.is_file() else shutil.which("pyside6-lupdate")


@pytest.fixture
def chinese(qtbot):
    """The Chinese translators installed for one test, English again afterwards."""
    app = QApplication.instance()
    loaded = i18n.install_translators(app, "zh_CN")
    yield loaded
    i18n.install_translators(app, "en")


def test_catalog_strings_module_matches_the_catalog():
    script = _script()
    committed = (REPO / "nnstudio/gui/catalog_strings.py").read_text(encoding="utf-8")
    assert committed == script.catalog_module(), "run scripts/update-translations.sh"
    from nnstudio.gui.catalog_strings import CATALOG_STRINGS

    assert "Mean squared error" in CATALOG_STRINGS and "Learning rate" in CATALOG_STRINGS
    from nnstudio.graph.catalog import CATALOG

    assert {k.name for k in CATALOG.values()} <= set(CATALOG_STRINGS)


def test_every_extracted_string_has_a_finished_translation(tmp_path):
    """lupdate over nnstudio/gui into a copy of the .ts: nothing new, nothing unfinished,
    and every placeholder and mnemonic of the source survives in the translation."""
    script = _script()
    lupdate = _lupdate()
    assert lupdate, "pyside6-lupdate ships with PySide6"
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (REPO / "nnstudio" / "gui").glob("*.py"))
    subprocess.run([lupdate, "-no-obsolete", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    rows = script.entries(fresh)
    assert len(rows) > 400
    missing = [(c, s) for c, s, _t, kind in rows if kind]
    assert not missing, f"untranslated (run scripts/update-translations.sh): {missing[:20]}"
    committed = {(c, s) for c, s, _t, kind in script.entries(TS) if not kind}
    assert {(c, s) for c, s, _t, _k in rows} <= committed
    for _context, source, text, _kind in rows:
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), source
        mnemonic = re.search(r"&(\w)", source)
        if mnemonic:
            assert f"&{mnemonic.group(1)}".lower() in text.lower(), (source, text)


def test_compiled_catalogue_is_current(tmp_path, chinese):
    """The shipped .qm translates every message of the .ts, under its own context and
    under none (what the app's translator falls back to)."""
    assert str(QM) in [str(Path(p)) for p in chinese] or any("nnstudio_zh_CN" in p for p in chinese)
    rows = [r for r in _script().entries(TS) if not r[3]]
    for context, source, text, _kind in rows:
        assert QCoreApplication.translate(context, source) == text, source
        assert QCoreApplication.translate("SomeOtherClass", source) == text, source


def test_qt_translation_for_standard_dialogs_is_loaded(chinese):
    assert any(Path(p).name == "qtbase_zh_CN.qm" for p in chinese)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_language_choice_order(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.choose_language("zh_CN", settings) == "zh_CN"
    assert i18n.choose_language("en", settings) == "en"
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    assert i18n.choose_language(None, settings) == "zh_CN"
    assert i18n.choose_language("en", settings) == "en"  # --lang wins
    settings.setValue(i18n.SETTINGS_KEY, "")
    assert i18n.choose_language(None, settings) == i18n.system_language()
    assert i18n.system_language(QLocale("zh_TW")) == "zh_CN"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    assert i18n.normalise("zh-CN.UTF-8") == "zh_CN" and i18n.normalise("fr") is None


def test_english_installs_nothing_and_catalog_text_is_unchanged(qtbot):
    assert i18n.install_translators(QApplication.instance(), "en") == []
    assert i18n.current_language() == "en"
    assert i18n.catalog_tr("Mean squared error") == "Mean squared error"


def test_catalog_text_in_chinese(chinese):
    assert i18n.current_language() == "zh_CN"
    assert i18n.catalog_tr("Mean squared error") == "均方误差"
    assert i18n.catalog_tr("Learning rate") == "学习率"
    assert i18n.catalog_tr("") == ""


def test_translations_ship_in_the_wheel_and_bundle():
    text = (REPO / "pyproject.toml").read_text()
    assert '"nnstudio.resources.translations" = ["*.qm"' in text
    assert "nnstudio.resources.translations" in text.split("[tool.setuptools.package-data]")[0]
    spec = (REPO / "packaging" / "nnstudio.spec").read_text()
    assert 'REPO / "resources"' in spec  # the whole resources folder travels in the bundle
    assert (resources_path() / "translations" / "nnstudio_zh_CN.qm").is_file()


def test_glossary_terms_are_used_consistently():
    """Each English term of the glossary is translated with its Chinese term wherever the
    term is the whole source text."""
    glossary = (REPO / "resources/translations/glossary.md").read_text(encoding="utf-8")
    pairs = re.findall(r"^\| ([A-Za-z][^|]*?) \| ([^|]+?) \|", glossary, re.M)
    assert len(pairs) >= 15
    table = dict(pairs)
    for _context, source, text, _kind in _script().entries(TS):
        if source in table:
            assert text == table[source], (source, text, table[source])


def test_schedule_sentence_translates_with_the_same_numbers(chinese):
    from nnstudio.engine.schedules import describe_schedule

    params = {"step_size": 50, "gamma": 0.5}
    english = describe_schedule("step", params, 0.1, 300)
    chinese_text = describe_schedule("step", params, 0.1, 300, translate=i18n.catalog_tr)
    assert english.startswith("Step: lr 0.1, multiplied by 0.5 every 50 epochs")
    assert chinese_text.startswith("阶梯：学习率 0.1，每 50 个轮次乘以 0.5")
    numbers = re.compile(r"\d+(?:\.\d+)?")
    assert sorted(numbers.findall(english)) == sorted(numbers.findall(chinese_text))
