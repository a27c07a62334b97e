"""Core messages (nnstudio.text.Text) in the Chinese window: problems, diagnosis findings
and errors read in Chinese; English stays English; a translation that does not format
falls back to the English text."""

from __future__ import annotations

import re

import pytest
from i18n_walk import untranslated
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from test_i18n_window import NAMES
from window_helpers import open_window

from nnstudio.engine.errors import ConfigError
from nnstudio.engine.optimizers import make_optimizer
from nnstudio.gui import i18n
from nnstudio.gui.i18n import core_tr
from nnstudio.io import make_template
from nnstudio.text import Text, message

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qtbot):
    app = QApplication.instance()
    i18n.install_translators(app, "zh_CN")
    yield
    i18n.install_translators(app, "en")


def _config_error() -> ConfigError:
    with pytest.raises(ConfigError) as info:
        make_optimizer("sgd", 3, "float64", {"momentum": "fast"})
    return info.value


def test_an_engine_error_reads_in_chinese_with_its_values(chinese):
    err = _config_error()
    text = message(err)
    assert isinstance(text, Text)
    shown = core_tr(err)
    assert CJK.search(shown), shown
    assert "momentum" in shown and "'fast'" in shown  # the values, formatted as in English
    assert shown != str(err)


def test_english_interface_shows_the_english_message():
    err = _config_error()
    assert core_tr(err) == str(err) == "sgd: momentum must be a number, got 'fast'."


def test_a_translation_that_does_not_format_falls_back_to_english(chinese, monkeypatch):
    err = _config_error()
    monkeypatch.setattr(
        QCoreApplication, "translate", staticmethod(lambda _ctx, _text, *a: "坏的 {nope}")
    )
    assert core_tr(err) == str(err)


def test_every_core_template_has_a_finished_chinese_translation_that_formats(chinese):
    """core_strings.py matches the sources; each template has a finished translation with
    the same placeholders, and Qt finds it under the "core" context."""
    import string

    from test_i18n import REPO, TS, _script

    from nnstudio.gui.core_strings import CORE_STRINGS

    script = _script()
    committed = (REPO / "nnstudio/gui/core_strings.py").read_text(encoding="utf-8")
    assert committed == script.core_module(), "run scripts/update-translations.sh"
    assert len(CORE_STRINGS) > 300
    finished = {s: t for c, s, t, kind in script.entries(TS) if c == "core" and not kind}
    assert set(CORE_STRINGS) <= set(finished), sorted(set(CORE_STRINGS) - set(finished))[:10]

    def fields(text: str) -> list:
        return sorted(
            (name, conv or "", spec or "")
            for _lit, name, spec, conv in string.Formatter().parse(text)
            if name is not None
        )

    for source in CORE_STRINGS:
        text = finished[source]
        assert fields(text) == fields(source), (source, text)
        assert QCoreApplication.translate("core", source) == text


def _chinese_only(widget) -> list:
    return [x for x in untranslated(widget, NAMES) if "title" not in x[0]]


def test_problems_list_reads_in_chinese(qtbot, tmp_path, chinese):
    project = make_template("iris")
    project.training.loss = "bce"  # three classes with a binary loss: a loss problem
    window = open_window(qtbot, tmp_path, project)
    edge = next(e for e in window.document.spec.edges if e.dst == "dense_1")
    window.document.disconnect(edge)  # and a layer without input
    problems = window.document.problems()
    assert len(problems) >= 2
    widget = window.problems_view
    texts = [widget.item(i).text() for i in range(widget.count())]
    assert all(CJK.search(t) for t in texts), texts
    assert any("'dense_1'（全连接）" in t for t in texts), texts  # the kind's Chinese name
    left = _chinese_only(widget)
    assert not left, left[:10]
    assert CJK.search(window.reason_label.text())


def test_diagnosis_findings_read_in_chinese(qtbot, tmp_path, chinese):
    project = make_template("circle")
    project.training.learning_rate = 1e-5  # far too low: "lr-too-low"
    window = open_window(qtbot, tmp_path, project)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000):
        window.start_training(60)
    dock = window.insight.diagnosis_dock
    dock.raise_()
    qtbot.waitUntil(dock.widget().isVisible)
    view = window.insight.diagnosis_view
    qtbot.waitUntil(lambda: bool(view.cards), timeout=10_000)
    assert "lr-too-low" in [f["code"] for f in view.findings]
    for card in view.cards:
        assert CJK.search(card.label.text())
    left = _chinese_only(dock)
    assert not left, left[:10]


def test_a_diverging_run_says_why_in_chinese(qtbot, tmp_path, chinese):
    project = make_template("spiral")
    project.training.learning_rate = 50.0
    window = open_window(qtbot, tmp_path, project)
    failures: list[str] = []
    window.controller.failed.connect(failures.append)
    window.start_training(300)
    qtbot.waitUntil(lambda: bool(failures), timeout=60_000)
    assert CJK.search(failures[0]), failures[0]
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible())
    assert not _chinese_only(window.message_box)


def test_a_degraded_run_names_the_kept_weights_once(qtbot, tmp_path):
    project = make_template("spiral")
    project.training.learning_rate = 50.0
    window = open_window(qtbot, tmp_path, project)
    failures: list[str] = []
    window.controller.failed.connect(failures.append)
    window.start_training(300)
    qtbot.waitUntil(lambda: bool(failures), timeout=60_000)
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible())
    text = window.message_box.text()
    assert text == failures[0]
    assert text.count("Kept the weights") == 1
    assert "last finite step" not in text  # no second, contradicting sentence
