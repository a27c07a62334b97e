"""Lessons: a project plus short steps, each with a "Show me" and a check (no Qt here).

A lesson is a folder ``resources/lessons/<id>/`` holding ``lesson.json``, ``intro.<lang>.md``
for each language and the projects it opens; adding one needs no code. ``lesson.json``::

    {"id": "xor-tutorial", "order": 7, "title": {"en": "...", "zh": "..."},
     "project": "as-written.nnstudio",
     "steps": [{"id": "...", "text": {"en": "...", "zh": "..."},
                "show": [{"do": "train", "epochs": 2000}],
                "check": {"type": "accuracy_at_least", "value": 1.0}}]}

"Show me" actions (``"do"``): ``set_training`` (``values``: training settings),
``set_param`` (``node``, ``name``, ``value``; node ``"hidden"`` means every hidden Dense
layer, ``"output"`` the output layer), ``add_layer_after`` (``node``, ``params``),
``set_weight`` (``name``, ``index``, ``value``: one weight, as set by hand),
``open_project`` (``file`` of the lesson folder), ``reset`` (forget the weights),
``train`` (``epochs``) and ``export`` (``format``). The checks are listed in :data:`CHECKS`.

A check reads a :class:`Progress`: the project as it is now (network, settings, trained
weights and history) and the export formats written during the lesson. Accuracy is the
*decided* accuracy on the training inputs: a sigmoid output counts as class 1 above
``0.5 + MARGIN`` and as class 0 below ``0.5 - MARGIN``; in between it is undecided and
wrong (a unit that answers 0.5 for everything has learned nothing).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnstudio import resources_path
from nnstudio.errors import NNStudioError
from nnstudio.graph import train_config
from nnstudio.io import Project, load_project
from nnstudio.text import Text, message

LANGUAGES = ("en", "zh")
MARGIN = 0.05


class LessonError(NNStudioError):
    """A lesson is unknown, or its files are missing or malformed."""


@dataclass(frozen=True)
class Step:
    """One step: its text per language, the "Show me" actions and the check."""

    id: str
    text: dict[str, str]
    show: tuple[dict, ...]
    check: dict

    def text_in(self, language: str) -> str:
        return _in(self.text, language)


@dataclass(frozen=True)
class Lesson:
    """A lesson folder: ``id``, ``order`` (its place in the list), ``title`` per language,
    ``project`` (the file it opens) and its steps."""

    id: str
    order: int
    title: dict[str, str]
    folder: Path
    project: str
    steps: tuple[Step, ...]

    def title_in(self, language: str) -> str:
        return _in(self.title, language)

    def intro(self, language: str) -> str:
        """The lesson's Markdown introduction in ``language`` (English if missing)."""
        for lang in (lang_code(language), "en"):
            page = self.folder / f"intro.{lang}.md"
            if page.is_file():
                return page.read_text(encoding="utf-8")
        return ""

    def file(self, name: str) -> Path:
        """A file of the lesson folder; raises :class:`LessonError` if it is missing."""
        path = self.folder / name
        if not path.is_file():
            raise LessonError(
                Text(
                    "lesson '{id}' has no file '{name}' in {folder}",
                    id=self.id,
                    name=name,
                    folder=str(self.folder),
                )
            )
        return path

    def load_project(self, name: str | None = None) -> Project:
        """The lesson's project (or another project file of its folder); a CSV it reads
        from the lesson folder gets its absolute path, so the project opens untitled."""
        project = load_project(self.file(name or self.project))
        csv = project.data.csv_path
        if csv and not Path(csv).is_absolute():
            project.data.csv_path = str(self.folder / csv)
        return project


def lang_code(language: str) -> str:
    """``"zh"`` for any Chinese language code (``zh_CN``), else ``"en"``."""
    return "zh" if language.lower().startswith("zh") else "en"


def _in(texts: dict[str, str], language: str) -> str:
    return texts.get(lang_code(language)) or texts.get("en") or ""


def lessons_dir() -> Path:
    return resources_path() / "lessons"


def _parse(folder: Path) -> Lesson:
    where = folder / "lesson.json"
    try:
        doc = json.loads(where.read_text(encoding="utf-8"))
        steps = tuple(
            Step(str(s["id"]), dict(s["text"]), tuple(s.get("show", ())), dict(s["check"]))
            for s in doc["steps"]
        )
        lesson = Lesson(
            str(doc["id"]),
            int(doc.get("order", 99)),
            dict(doc["title"]),
            folder,
            str(doc["project"]),
            steps,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LessonError(
            Text("cannot read the lesson {path}: {error}", path=str(where), error=message(exc))
        ) from None
    for step in steps:
        if step.check.get("type") not in CHECKS:
            raise LessonError(
                Text(
                    "{path}: step '{step}' has an unknown check {check}",
                    path=str(where),
                    step=step.id,
                    check=step.check,
                )
            )
        for action in step.show:
            if action.get("do") not in ACTIONS:
                raise LessonError(
                    Text(
                        "{path}: step '{step}' has an unknown action {action}",
                        path=str(where),
                        step=step.id,
                        action=action,
                    )
                )
    return lesson


def all_lessons(folder: Path | None = None) -> list[Lesson]:
    """Every lesson of ``folder`` (default: the app's), in their order."""
    root = folder or lessons_dir()
    found = [_parse(p) for p in sorted(root.iterdir()) if (p / "lesson.json").is_file()]
    return sorted(found, key=lambda lesson: (lesson.order, lesson.id))


def get_lesson(lesson_id: str, folder: Path | None = None) -> Lesson:
    """The lesson ``lesson_id``; :class:`LessonError` names the known ones otherwise."""
    lessons = all_lessons(folder)
    for lesson in lessons:
        if lesson.id == lesson_id:
            return lesson
    known = ", ".join(lesson.id for lesson in lessons)
    raise LessonError(
        Text("unknown lesson '{id}'; the lessons are: {known}", id=lesson_id, known=known)
    )


# ------------------------------------------------------------------------------ progress
@dataclass
class Progress:
    """What the checks read: the project now and the formats exported in this lesson."""

    project: Project
    exported: set[str] = field(default_factory=set)
    _accuracy: float | None = None

    @property
    def epochs(self) -> int:
        history = self.project.history
        return int(history[-1].get("epoch", len(history))) if history else 0

    @property
    def accuracy(self) -> float | None:
        """Decided accuracy on the training inputs; None while untrained."""
        if self._accuracy is None and self.project.weights is not None:
            self._accuracy = decided_accuracy(self.project)
        return self._accuracy


def decided_accuracy(project: Project) -> float:
    """Fraction of the training samples the trained ``project`` classifies decidedly right
    (see the module docstring); multi-class outputs use the arg-max."""
    from nnstudio.session import Session

    session = Session.from_project(project)
    ds = session.dataset
    out = np.asarray(session.network.predict(ds.x_train), dtype=float)
    y = np.asarray(ds.y_train)
    if out.ndim == 2 and out.shape[1] > 1:
        return float(np.mean(out.argmax(axis=1) == y.reshape(-1)))
    p = out.reshape(-1)
    if project.training.loss == "bce_logits":
        p = 1.0 / (1.0 + np.exp(-p))
    y = y.reshape(-1)
    right = np.where(y > 0.5, p > 0.5 + MARGIN, p < 0.5 - MARGIN)
    return float(np.mean(right))


def _dense_layers(project: Project) -> tuple[list[str], list[str]]:
    """(hidden Dense ids, output ids) of the project's network."""
    spec = project.network
    sinks = set(spec.sinks())
    dense = [i for i, n in spec.nodes.items() if n.kind == "dense"]
    return [i for i in dense if i not in sinks], [i for i in dense if i in sinks]


def _targets(project: Project, node: str) -> list[str]:
    hidden, outputs = _dense_layers(project)
    return {"hidden": hidden, "output": outputs}.get(node, [node])


def _activation_is(progress: Progress, check: dict) -> bool:
    ids = _targets(progress.project, check.get("node", "hidden"))
    nodes = progress.project.network.nodes
    return bool(ids) and all(
        i in nodes and nodes[i].params.get("activation") == check["value"] for i in ids
    )


def _accuracy(progress: Progress, check: dict, at_least: bool) -> bool:
    if progress.epochs < int(check.get("min_epochs", 1)):
        return False
    acc = progress.accuracy
    if acc is None:
        return False
    return acc >= check["value"] if at_least else acc < check["value"]


#: check type -> test of a Progress against the check's dict
CHECKS: dict[str, Callable[[Progress, dict], bool]] = {
    "accuracy_at_least": lambda p, c: _accuracy(p, c, True),
    "accuracy_below": lambda p, c: _accuracy(p, c, False),
    "trained_epochs_at_least": lambda p, c: p.epochs >= c["value"],
    "hidden_layers_at_least": lambda p, c: len(_dense_layers(p.project)[0]) >= c["value"],
    "activation_is": _activation_is,
    "loss_is": lambda p, c: p.project.training.loss == c["value"],
    "optimizer_is": lambda p, c: p.project.training.optimizer == c["value"],
    "learning_rate_at_least": lambda p, c: p.project.training.learning_rate >= c["value"],
    "exported": lambda p, c: c["value"] in p.exported,
    "weights_set_by_hand": lambda p, c: p.project.weights is not None and p.epochs == 0,
    "all": lambda p, c: all(passes(sub, p) for sub in c["checks"]),
}


def passes(check: dict, progress: Progress) -> bool:
    """True when ``progress`` meets ``check``."""
    test = CHECKS.get(check.get("type", ""))
    if test is None:
        raise LessonError(Text("unknown lesson check {check}", check=check))
    return bool(test(progress, check))


# ------------------------------------------------------------------------------- actions
def edited(project: Project, action: dict, lesson: Lesson | None = None) -> Project:
    """A copy of ``project`` with the editing action applied (not ``train``/``export``)."""
    do = action.get("do")
    if do == "open_project":
        if lesson is None:
            raise LessonError(Text("open_project needs its lesson"))
        return lesson.load_project(action["file"])
    new = project.copy()
    if do == "reset":
        new.weights, new.history, new.preprocessor = None, [], None
    elif do == "set_training":
        settings = new.training.to_dict()
        for choice in ("loss", "optimizer", "schedule"):  # a new choice: its own defaults
            if choice in action["values"] and f"{choice}_params" not in action["values"]:
                settings.pop(f"{choice}_params", None)
        new.training = train_config(settings, **action["values"])
    elif do == "set_param":
        for node_id in _targets(new, action["node"]):
            new.network.set_param(node_id, action["name"], action["value"])
    elif do == "add_layer_after":
        insert_after(new, action["node"], action.get("params", {}))
    elif do == "set_weight":
        set_weight(new, action["name"], tuple(action["index"]), float(action["value"]))
        return new
    else:
        raise LessonError(Text("'{action}' is not an editing action", action=do))
    if do != "reset" and do != "set_training":
        new.weights, new.history, new.preprocessor = None, [], None
    return new


def insert_after(project: Project, node_id: str, params: dict) -> str:
    """Insert a Dense node after ``node_id`` in ``project.network`` (taking over its
    outgoing wires); returns the new id."""
    spec = project.network
    x, y = spec.nodes[node_id].pos
    outgoing = [e for e in spec.edges if e.src == node_id]
    new_id = spec.add_node("dense", dict(params), (float(x) + 100.0, float(y) + 120.0)).id
    for edge in outgoing:
        spec.remove_edge(edge)
        spec.add_edge(new_id, edge.dst, edge.slot)
    spec.add_edge(node_id, new_id)
    return new_id


def set_weight(project: Project, name: str, index: tuple[int, ...], value: float) -> None:
    """Set one weight of ``project`` in place (an untrained project first takes its
    network's initial weights), as a learner does by hand in the neuron view."""
    from nnstudio.session import Session

    weights = project.weights
    if weights is None:
        weights = Session.from_project(project).network.get_weights()
    if name not in weights:
        raise LessonError(Text("the network has no weight array named '{name}'", name=name))
    array = np.array(weights[name], copy=True)
    array[index] = value
    project.weights = {**weights, name: array}


def train(project: Project, epochs: int) -> Project:
    """``project`` trained ``epochs`` more epochs through the core (as the CLI trains)."""
    from nnstudio.session import Session

    session = Session.from_project(project)
    for _row in session.run(int(epochs)):
        pass
    return session.store()


def export(project: Project, fmt: str, out: Path) -> list[str]:
    """Export ``project`` as ``fmt`` to ``out``; the files written."""
    from nnstudio.io.export import export_project

    written: list = []
    export_project(project, fmt, out, written=written)
    return [str(p) for p in written]


#: every "Show me" action ("do")
ACTIONS = (
    "open_project",
    "reset",
    "set_training",
    "set_param",
    "add_layer_after",
    "set_weight",
    "train",
    "export",
)


def show_me(
    lesson: Lesson, step: Step, progress: Progress, export_dir: Path | None = None
) -> Progress:
    """Run a step's "Show me" actions through the core; the new progress."""
    project, exported = progress.project, set(progress.exported)
    for action in step.show:
        do = action["do"]
        if do == "train":
            project = train(project, action["epochs"])
        elif do == "export":
            if export_dir is None:
                raise LessonError(Text("exporting needs a folder"))
            export(project, action["format"], Path(export_dir) / f"{lesson.id}.py")
            exported.add(action["format"])
        else:
            project = edited(project, action, lesson)
    return Progress(project, exported)


def lesson_lines(lessons: Iterable[Lesson], language: str = "en") -> list[str]:
    """``id<TAB>title`` per lesson (what ``nnstudio lessons`` prints)."""
    return [f"{lesson.id}\t{lesson.title_in(language)}" for lesson in lessons]
