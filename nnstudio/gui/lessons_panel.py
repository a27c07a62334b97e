"""The lesson side panel: a lesson's introduction and its steps, each with "Show me" and a
tick that appears when the learner has done it.

:func:`install` adds Help > Lessons (one entry per lesson of ``resources/lessons``) and
Edit > Preferences to a MainWindow, and a "Lesson" dock that stays hidden until a lesson is
opened (:func:`open_lesson`, also ``nnstudio --lesson ID``). The steps, actions and checks
are data (:mod:`nnstudio.lessons`); this panel runs the actions through the window (so they
are undoable and train on the real worker) and re-checks whenever the document changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnstudio.errors import NNStudioError
from nnstudio.graph import train_config
from nnstudio.lessons import Lesson, Progress, Step, all_lessons, edited, get_lesson, passes

from .i18n import core_tr, current_language

DONE, TODO = "✔", "○"


class StepCard(QFrame):
    """One step: its state mark, its text and its "Show me" button."""

    def __init__(self, number: int, step: Step, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"lessonStep_{step.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        self.mark = QLabel(TODO, self)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.MarkdownText)
        self.text.setText(f"**{number}.** {step.text_in(language)}")
        self.text.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show me"), self)
        self.show_button.setToolTip(self.tr("Do this step for me"))
        column = QVBoxLayout()
        column.addWidget(self.text)
        column.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.mark)
        row.addLayout(column, 1)
        self.done = False

    def set_done(self, done: bool) -> None:
        self.done = done
        self.mark.setText(DONE if done else TODO)
        self.mark.setStyleSheet("color: #188038; font-weight: bold;" if done else "")
        self.mark.setToolTip(self.tr("Done") if done else self.tr("Not done yet"))


class LessonPanel(QWidget):
    """The steps of the open lesson for ``window`` (a MainWindow)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.lesson: Lesson | None = None
        self.cards: list[StepCard] = []
        self.exported: set[str] = set()
        #: where "Show me" exports go (None: ask with a file dialog)
        self.export_dir: Path | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.intro = QTextBrowser(self)
        self.intro.setObjectName("lessonIntro")
        self.intro.setOpenExternalLinks(True)
        self.intro.setMinimumHeight(60)
        self.progress_label = QLabel(self)
        self.steps_host = QWidget(self)
        self.steps_layout = QVBoxLayout(self.steps_host)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.steps_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro, 2)
        layout.addWidget(self.progress_label)
        layout.addWidget(scroll, 3)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.check_steps)
        doc = window.document
        for signal in (
            doc.networkChanged,
            doc.trainingChanged,
            doc.weightsChanged,
            doc.projectReplaced,
            doc.dataChanged,
        ):
            signal.connect(self._timer.start)
        for fmt, action in getattr(window, "export_actions", {}).items():
            action.triggered.connect(lambda _c=False, f=fmt: self._after_export(f))

    # ------------------------------------------------------------------ showing a lesson
    def set_lesson(self, lesson: Lesson) -> None:
        language = current_language()
        self.lesson = lesson
        self.exported = set()
        self.title.setText(lesson.title_in(language))
        intro = lesson.intro(language)
        if intro.startswith("# "):  # the title label above already shows the heading
            intro = intro.split("\n", 1)[-1].lstrip("\n")
        self.intro.setSearchPaths([str(lesson.folder)])  # pictures beside the text
        self.intro.setMarkdown(intro)
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for i, step in enumerate(lesson.steps, start=1):
            card = StepCard(i, step, language, self.steps_host)
            card.show_button.clicked.connect(lambda _c=False, s=step: self._guarded_show(s))
            self.steps_layout.addWidget(card)
            self.cards.append(card)
        self.steps_layout.addStretch(1)
        self.check_steps()

    def progress(self) -> Progress:
        return Progress(self.window.document.project, set(self.exported))

    def check_steps(self) -> list[bool]:
        """Re-check the steps against the document; returns each step's state. A step
        stays done once its check has passed (later steps may change what it looked at,
        e.g. the "as written" network is fixed afterwards)."""
        if self.lesson is None:
            return []
        progress = self.progress()
        states = []
        for card in self.cards:
            ok = card.done
            if not ok:
                try:
                    ok = passes(card.step.check, progress)
                except NNStudioError:
                    ok = False  # e.g. the network is invalid right now: not done
            card.set_done(ok)
            states.append(ok)
        self.progress_label.setText(
            self.tr("{0} of {1} steps done").format(sum(states), len(states))
        )
        return states

    # ------------------------------------------------------------------ "Show me"
    def _guarded_show(self, step: Step) -> None:
        try:
            self.show_me(step)
        except NNStudioError as exc:
            self.window.show_error(self.tr("Lesson"), core_tr(exc))

    def show_me(self, step: Step) -> None:
        """Do ``step``'s actions through the window (training runs on the worker)."""
        assert self.lesson is not None
        w, doc = self.window, self.window.document
        for action in step.show:
            do = action["do"]
            if do == "reset":
                w.reset_training(ask=False)
            elif do == "train":
                w.start_training(max_epochs=int(action["epochs"]))
            elif do == "export":
                path = None
                if self.export_dir is not None:
                    path = str(Path(self.export_dir) / f"{self.lesson.id}.py")
                w.export(action["format"], path)
                if path is not None and Path(path).exists():
                    self.exported.add(action["format"])
            elif do == "set_training":
                doc.set_training(train_config(edited(doc.project, action).training.to_dict()))
            elif do == "set_param":
                new = edited(doc.project, action)
                for node_id, node in new.network.nodes.items():
                    if node.params != doc.spec.nodes[node_id].params:
                        doc.set_param(node_id, action["name"], action["value"])
            elif do == "add_layer_after":
                doc.add_layer_after(action["node"], "dense", dict(action.get("params", {})))
            elif do == "set_weight":
                doc.set_weight(action["name"], tuple(action["index"]), float(action["value"]))
            elif do == "open_project":
                w._replace(self.lesson.load_project(action["file"]), None)
        self.check_steps()

    def _after_export(self, fmt: str) -> None:
        """An export from the File menu counts once the status bar reports it."""
        if self.lesson is not None and self.window.statusBar().currentMessage():
            self.exported.add(fmt)
            self.check_steps()


def open_lesson(window: Any, lesson_id: str) -> LessonPanel:
    """Open lesson ``lesson_id`` in ``window``: its project (untitled) and its steps."""
    lesson = get_lesson(lesson_id)
    if window.document.is_dirty and not window.maybe_save():
        return window.lesson_panel
    window._replace(lesson.load_project(), None)
    window.lesson_panel.set_lesson(lesson)
    window.lesson_dock.show()
    window.lesson_dock.raise_()
    # the steps need room to be read: about half the height of the right-hand column
    height = max(360, window.height() // 2)
    window.resizeDocks([window.lesson_dock], [height], Qt.Orientation.Vertical)
    return window.lesson_panel


def install(window: Any) -> None:
    """Add the Lesson dock, Help > Lessons and Edit > Preferences to ``window``."""
    from .preferences import show_preferences

    window.lesson_panel = LessonPanel(window)
    dock = QDockWidget(window.tr("Lesson"), window)
    dock.setObjectName("LessonDock")
    dock.setWidget(window.lesson_panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.lesson_dock = dock
    window.lessons_menu = window.help_menu.addMenu(window.tr("&Lessons"))
    window.lessons_menu.setObjectName("lessonsMenu")
    language = current_language()
    try:
        lessons = all_lessons()
    except NNStudioError:
        lessons = []
    window.lesson_actions = {}
    for lesson in lessons:
        action = window.lessons_menu.addAction(lesson.title_in(language))
        action.triggered.connect(
            lambda _c=False, i=lesson.id: window._guard(lambda: open_lesson(window, i))
        )
        window.lesson_actions[lesson.id] = action
    window.view_menu.addAction(dock.toggleViewAction())
    window.preferences_action = window.edit_menu.addAction(window.tr("&Preferences…"))
    window.preferences_action.triggered.connect(lambda: show_preferences(window))
