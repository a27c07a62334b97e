"""Help > Lessons and the Lesson dock: opening a lesson, "Show me" through the window (the
real training worker), the steps ticking as their checks pass, the text's language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from window_helpers import open_window

from nnstudio.gui import i18n
from nnstudio.gui.lessons_panel import DONE, TODO, open_lesson
from nnstudio.lessons import all_lessons


def _show_me_and_wait(qtbot, window, panel, index: int) -> None:
    card = panel.cards[index]
    card.show_button.click()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=60_000)
    qtbot.waitUntil(lambda: panel.check_steps()[index], timeout=10_000)
    assert card.mark.text() == DONE


def test_help_menu_lists_every_lesson(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    titles = [a.text() for a in window.lessons_menu.actions()]
    assert titles == [lesson.title_in("en") for lesson in all_lessons()]
    assert window.lessons_menu.menuAction() in window.help_menu.actions()
    assert not window.lesson_dock.isVisible()
    window.lesson_actions["layers"].trigger()
    assert window.lesson_dock.isVisible()
    assert window.document.project.name == "Layers: XOR"
    assert window.document.path is None  # opened untitled: saving never touches resources
    panel = window.lesson_panel
    assert len(panel.cards) == 3
    assert panel.title.text() == "Layers: why XOR needs a hidden layer"
    assert [c.mark.text() for c in panel.cards] == [TODO, TODO, TODO]


def test_xor_lesson_show_me_reaches_every_check(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    panel = open_lesson(window, "xor-tutorial")
    panel.export_dir = tmp_path
    assert panel.progress_label.text() == "0 of 5 steps done"
    _show_me_and_wait(qtbot, window, panel, 0)  # as written: trained, and still wrong
    assert panel.progress().accuracy < 0.75
    _show_me_and_wait(qtbot, window, panel, 1)  # a hidden layer
    assert len(window.document.spec.nodes) == 3
    window.undo_action.trigger()  # "Show me" edits are ordinary, undoable edits
    assert len(window.document.spec.nodes) == 2
    window.redo_action.trigger()
    assert len(window.document.spec.nodes) == 3
    _show_me_and_wait(qtbot, window, panel, 2)  # learning rate 1.0
    assert window.document.project.training.learning_rate == 1.0
    _show_me_and_wait(qtbot, window, panel, 3)  # trained again: every input right
    assert panel.progress().accuracy == 1.0
    _show_me_and_wait(qtbot, window, panel, 4)  # exported as a NumPy script
    assert (tmp_path / "xor-tutorial.py").is_file()
    assert panel.progress_label.text() == "5 of 5 steps done"


def test_a_step_done_by_hand_is_noticed(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    panel = open_lesson(window, "layers")
    assert not panel.check_steps()[1]
    window.document.add_layer_after("input_1", "dense", {"units": 3, "activation": "relu"})
    qtbot.waitUntil(lambda: panel.cards[1].mark.text() == DONE, timeout=5_000)


@pytest.fixture
def chinese(qtbot):
    app = QApplication.instance()
    i18n.install_translators(app, "zh_CN")
    yield
    i18n.install_translators(app, "en")


def test_lesson_text_follows_the_interface_language(qtbot, tmp_path, chinese):
    window = open_window(qtbot, tmp_path)
    assert window.lessons_menu.title() == "课程(&L)"
    assert window.lesson_actions["one-neuron"].text() == "一个神经元"
    panel = open_lesson(window, "one-neuron")
    assert panel.title.text() == "一个神经元"
    assert "神经元" in panel.intro.toPlainText()
    assert panel.cards[0].show_button.text() == "演示"
    assert "偏置" in panel.intro.toPlainText()
    assert panel.progress_label.text().startswith("已完成")


def test_one_neuron_weight_set_by_hand_then_gradient_descent(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    panel = open_lesson(window, "one-neuron")
    assert panel.check_steps() == [False, False]
    window.document.set_weight("dense_1.weight", (0, 0), -1.5)  # as the neuron view does
    qtbot.waitUntil(lambda: panel.cards[0].mark.text() == DONE, timeout=5_000)
    assert window.document.project.weights["dense_1.weight"][0, 0] == -1.5
    _show_me_and_wait(qtbot, window, panel, 1)
    assert panel.progress().accuracy >= 0.95
