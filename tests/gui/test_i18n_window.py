"""The window in Chinese: no English left in the main window, its menus and its dialogs
(except names), nothing cut off at 1400x900 and 1024x700; Preferences saves the language;
--lang and --lesson on the command line."""

from __future__ import annotations

import pytest
import shiboken6
from i18n_walk import (
    ALLOWED,
    cut_texts,
    dock_tab_bars,
    english_words,
    misfits,
    stray_tab_bars,
    untranslated,
    visible_texts,
)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QScrollArea
from window_helpers import open_window

from nnstudio.gui import i18n
from nnstudio.gui.app import parse_args

#: names the walk may meet in Chinese text besides :data:`ALLOWED`
NAMES = ALLOWED | {
    "beta",
    "epsilon",
    "amsgrad",
    "mnist",
    "fashion",
    "cnn",
    "lenet",
    "xor",
    "relu",
    "torch.nn.conv2d",
    "torch.nn.maxpool2d",
    "torch.nn.avgpool2d",
    "torch.nn.flatten",
    "torch.nn.dropout",
    "torch.nn.leakyrelu",
    "torch.nn.elu",
    "torch.nn.huberloss",
    "negative_slope",
    "out_channels",
    "step_size",
    "lr_decay",
    "padding",
    "same",
    "valid",
    "explicit",
    "pad",
    "delta",
    "alpha",
    "gif",
    "pillow",
    "pip",
    "install",
    "conv",
    "pool",
    "mnist-lenet",
    "spiral",
    "untitled",
    "p",
    "w",
    "b",
    "h",
    "x",
    "t",
    "gz",
    "x8",
    "x8x8",
    "x5",
    "x3",
    "glorot",
    "he",
    "lecun",
    "elu",
    "tanh",
    "sigmoid",
    "softplus",
    "silu",
    "gelu",
    "softmax",
    "rmse",
    "pc1",
    "pc2",
    "sgd",
    "conv2d",
    "maxpool",
    "dense",
    "mb",
    "english",  # the language's own name in Preferences
    "label",
    "missing",  # the test CSV's target column; the fill value written into data
}


@pytest.fixture
def chinese(qtbot):
    app = QApplication.instance()
    i18n.install_translators(app, "zh_CN")
    yield
    i18n.install_translators(app, "en")


def _english(widget) -> list:
    found = []
    for where, text, words in untranslated(widget, NAMES):
        if where.startswith("MainWindow") and "title" in where:
            continue  # the project's name in the window title
        found.append((where, text, words))
    return found


def test_main_window_and_menus_have_no_english_in_chinese(qtbot, tmp_path, chinese):
    window = open_window(qtbot, tmp_path)
    window.resize(1400, 900)
    assert window.file_menu.title() == "文件(&F)"
    assert window.train_action.text() == "训练(&T)"
    assert window.training_dock.windowTitle() == "训练"
    sentence = window.findChild(QLabel, "scheduleDescription").text()
    assert sentence.startswith("恒定：学习率"), sentence  # the core's sentence, translated
    texts = visible_texts(window)
    assert len(texts) > 200
    left = _english(window)
    assert not left, "\n".join(f"{w}: {t!r} {e}" for w, t, e in left[:30])


def test_dialogs_have_no_english_in_chinese(qtbot, tmp_path, chinese):
    from nnstudio.gui.csv_wizard import CsvWizard
    from nnstudio.gui.help_browser import HelpBrowser
    from nnstudio.gui.preferences import PreferencesDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    csv = tmp_path / "t.csv"
    csv.write_text("a,b,label\n" + "\n".join(f"{i},{i * 2},{i % 2}" for i in range(20)))
    dialogs = [PreferencesDialog(settings), HelpBrowser(), CsvWizard(str(csv))]
    try:
        for dialog in dialogs:
            dialog.show()
            left = _english(dialog)
            assert not left, f"{type(dialog).__name__}: {left[:20]}"
        assert dialogs[1].windowTitle() == "NN Studio 使用手册"
        # the manual opens on the Chinese getting-started page
        assert "zh/index.md" in dialogs[1].browser.source().toString()
    finally:  # gone at once: no later test finds one of them as the active window
        for dialog in dialogs:
            shiboken6.delete(dialog)


SIZES = [(1400, 900), (1024, 700)]


def _fitted_window(qtbot, tmp_path, size, *, lesson: bool):
    """A window resized to ``size`` (as a user would on that screen), with the XOR lesson
    open (its dock joins the right column) or a layer selected (the Inspector's form)."""
    window = open_window(qtbot, tmp_path)
    window.resize(*size)
    if lesson:
        from nnstudio.gui.lessons_panel import open_lesson

        open_lesson(window, "xor-tutorial")
    else:
        window.data_dock.raise_()  # the default data set's form: features, points, noise
        window.canvas.select_nodes(["dense_1"])
        window.inspector.show_node("dense_1")
    qtbot.wait(100)  # layouts settle (wrapped rows, the Inspector asks for room)
    return window


def _assert_fits(window, size) -> None:
    assert window.size().toTuple() == size, (window.size(), window.minimumSizeHint())
    assert not misfits(window), misfits(window)
    assert not cut_texts(window), cut_texts(window)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_nothing_cut_off(qtbot, tmp_path, size, language):
    """The whole window fits 1400x900 and 1024x700 in both languages: its minimum size,
    every dock and the canvas at least their minimum and inside it, no label, button or
    dock tab cut off (with a lesson open: the fullest right-hand column)."""
    app = QApplication.instance()
    i18n.install_translators(app, language)
    try:
        window = _fitted_window(qtbot, tmp_path, size, lesson=True)
        _assert_fits(window, size)
        assert window.lesson_dock.isVisible()
        # the canvas keeps a useful share, not the crumbs the side docks leave
        assert window.centralWidget().width() >= 0.4 * size[0]
        window.grab().save(str(tmp_path / f"window-{language}-{size[0]}.png"))
        assert (tmp_path / f"window-{language}-{size[0]}.png").stat().st_size > 10_000
    finally:
        i18n.install_translators(app, "en")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_selected_layer_and_the_data_form_fit(qtbot, tmp_path, size, language):
    """A selected layer's form in the Inspector and the synthetic data set's form (feature
    checks, points, noise) fit as well; a form taller than its dock scrolls."""
    app = QApplication.instance()
    i18n.install_translators(app, language)
    try:
        window = _fitted_window(qtbot, tmp_path, size, lesson=False)
        assert window.inspector.editors  # dense_1's form is shown
        assert window.data_panel.feature_box.isVisible()
        _assert_fits(window, size)
        inspector_area = window.inspector.parentWidget().parentWidget()
        assert isinstance(inspector_area, QScrollArea)
        if size == (1400, 900):  # room enough: the whole form shows, nothing to scroll
            need = window.inspector.heightForWidth(inspector_area.viewport().width())
            assert inspector_area.viewport().height() >= need - 8
    finally:
        i18n.install_translators(app, "en")


def test_no_stray_dock_tabs_lie_over_the_docks(qtbot, tmp_path):
    """The docks that stay hidden until the data needs them (Projection, Feature pair,
    Images: tabbed with the surface and the data panel) leave no tab bar over the other
    docks; a table brings the Projection's and the surface's tabs, whole, and they go
    again with the table."""
    import dataclasses

    window = open_window(qtbot, tmp_path)
    qtbot.wait(50)
    assert not stray_tab_bars(window), [b.geometry() for b in stray_tab_bars(window)]
    surface, projection = window.surface_dock.windowTitle(), "Projection"
    data = window.document.project.data
    window.document.set_data_settings(dataclasses.replace(data, name="iris"))
    qtbot.waitUntil(lambda: window.table_views.projection_dock.isVisible())
    qtbot.wait(50)
    groups = [{bar.tabText(i) for i in range(bar.count())} for bar in dock_tab_bars(window)]
    assert {surface, projection} in groups
    assert not stray_tab_bars(window)
    window.document.set_data_settings(dataclasses.replace(data, name="circle"))
    qtbot.waitUntil(lambda: not window.table_views.projection_dock.isVisible())
    qtbot.wait(50)
    assert not stray_tab_bars(window)
    assert not cut_texts(window), cut_texts(window)


def test_preferences_saves_the_language(qtbot, tmp_path):
    from nnstudio.gui.preferences import PreferencesDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    assert combo.currentData() == ""  # the system's by default
    combo.setCurrentIndex(combo.findData("zh_CN"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.value(i18n.SETTINGS_KEY) == "zh_CN"
    assert i18n.choose_language(None, settings) == "zh_CN"
    again = PreferencesDialog(settings)
    qtbot.addWidget(again)
    assert again.language_combo.currentData() == "zh_CN"


def test_edit_menu_opens_preferences(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    assert window.preferences_action in window.edit_menu.actions()
    window.preferences_action.trigger()
    assert window.preferences_dialog.isVisible()
    window.preferences_dialog.reject()
    assert window.preferences_dialog is None  # closed and deleted, no reference left


def test_command_line_language_and_lesson():
    args = parse_args(["--lang", "zh_CN", "--lesson", "xor-tutorial"])
    assert (args.lang, args.lesson) == ("zh_CN", "xor-tutorial")
    assert parse_args([]).lang is None
    with pytest.raises(SystemExit):
        parse_args(["--lang", "fr"])


def test_english_words_finds_english_and_skips_names():
    assert english_words("训练(&T)") == []
    assert english_words("ONNX 模型 (*.onnx)") == []
    assert english_words("Train one epoch (F10)") == ["Train", "one"]


def test_unknown_lesson_on_the_command_line_is_one_error_line(qtbot, capsys):
    from nnstudio.gui.app import run

    assert run(["--lang", "en", "--lesson", "nope"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: unknown lesson 'nope'")
    assert "xor-tutorial" in err[0]


def test_the_training_lock_reason_is_shown_translated(qtbot, tmp_path, chinese):
    from nnstudio.gui.training_controller import TRAINING_LOCK

    window = open_window(qtbot, tmp_path)
    assert TRAINING_LOCK == "Training is running"  # compared as it is; shown translated
    window.document.set_locked(TRAINING_LOCK)
    assert window.training_panel.lock_label.text().startswith("训练进行中：")
    assert window.data_panel.message_label.text().startswith("训练进行中：")
    assert "训练进行中" in window.statusBar().currentMessage()
    window.document.set_locked(None)
    assert not window.training_panel.lock_label.text()


def test_undo_entries_name_the_edit_in_chinese(qtbot, tmp_path, chinese):
    window = open_window(qtbot, tmp_path)
    window.document.add_layer_after("input_1", "dense", {"units": 3})
    assert window.undo_action.text() == "撤销 在 input_1 之后添加层(&U)"
    window.document.set_param("dense_1", "units", 5)
    assert window.undo_action.text() == "撤销 把 dense_1 的 units 设为 5(&U)"
