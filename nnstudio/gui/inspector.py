"""The inspector: editors for the selected node, generated from the catalog's ParamSpec.

Each edit calls ``document.set_param`` (one undo step). When the document changes (an edit,
undo, redo), the editors are refreshed with signals blocked, so a value never echoes back
into the document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.errors import NNStudioError
from nnstudio.graph import ACTIVATION_PARAMS, CATALOG, ParamSpec

from .canvas_items import format_count, format_shape
from .document import Document
from .i18n import catalog_tr, core_tr
from .icons import layer_icon

INT_LIMIT = 2_147_483_647

#: Parameters shown only when another parameter has one of the given values: each
#: activation parameter (the catalog's ACTIVATION_PARAMS) while an activation that reads it
#: is chosen, e.g. ``slope`` for leaky_relu.
CONDITIONAL_PARAMS: dict[str, tuple[str, tuple[str, ...]]] = {
    p.name: ("activation", tuple(a for a, own in ACTIVATION_PARAMS.items() if p in own))
    for specs in ACTIVATION_PARAMS.values()
    for p in specs
}


def format_float(value: float) -> str:
    """Compact text of a float: ``0.1``, ``0.95``, ``1``, ``1e-5``, ``2.5e-7``."""
    text = f"{value:.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text


class FloatSpinBox(QDoubleSpinBox):
    """A float editor that shows values compactly and accepts scientific notation.

    ``QDoubleSpinBox`` rounds every value to a fixed number of decimals, so ``eps = 1e-5``
    would show as ``0.00001000`` and ``1e-10`` could not be entered at all. This box keeps
    the exact value, shows it with :func:`format_float` and parses ``1e-5``, ``.5`` or
    ``0.00001`` alike. With ``log_step`` the arrows multiply/divide by 10 (for parameters
    whose range spans many decades, like epsilon).
    """

    def __init__(self, parent: QWidget | None = None, *, log_step: bool = False) -> None:
        super().__init__(parent)
        self.setDecimals(323)  # Qt's maximum: no rounding of the stored value
        self.log_step = log_step

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return format_float(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt API)
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        try:
            value = float(stripped)
        except ValueError:
            # a prefix of a number still being typed: "", "-", ".", "1e", "1e-"
            probe = stripped + ("0" if stripped[-1:] in ("", "-", "+", ".", "e", "E") else "")
            try:
                float(probe)
            except ValueError:
                return QValidator.State.Invalid, text, pos
            return QValidator.State.Intermediate, text, pos
        if not self.minimum() <= value <= self.maximum():
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        try:
            value = float(text.strip())
        except ValueError:
            return format_float(self.value())
        return format_float(min(self.maximum(), max(self.minimum(), value)))

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt API)
        if self.log_step and self.value() > 0:
            value = self.value() * 10.0**steps
            self.setValue(min(self.maximum(), max(self.minimum(), value)))
            self.selectAll()
        else:
            super().stepBy(steps)


def _spans_decades(spec: ParamSpec) -> bool:
    """True for a positive range of four or more decades (e.g. eps in 1e-12..1)."""
    return (
        spec.min is not None
        and spec.max is not None
        and 0 < spec.min
        and spec.max >= spec.min * 1e4
    )


class Inspector(QWidget):
    """Shows and edits the parameters of one node (``show_node(node_id)``)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

        self.icon_label = QLabel(self)
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.description_label = QLabel(self)
        self.description_label.setWordWrap(True)
        self.info_label = QLabel(self)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #d93025;")
        self.empty_label = QLabel(
            self.tr("Select a layer on the canvas to edit its parameters."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        header = QHBoxLayout()
        header.addWidget(self.icon_label)
        header.addWidget(self.title_label, 1)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 6, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.description_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.form_host)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)

        document.nodeChanged.connect(self._on_node_changed)
        document.nodeRemoved.connect(self._on_node_removed)
        document.problemsChanged.connect(self._refresh_info)
        document.projectReplaced.connect(lambda: self.show_node(None))
        document.lockChanged.connect(self._on_lock_changed)
        self.show_node(None)

    # ------------------------------------------------------------------ building
    def show_node(self, node_id: str | None) -> None:
        """Show the editors of ``node_id`` (None or an unknown id shows a hint)."""
        if node_id is not None and node_id not in self.document.spec.nodes:
            node_id = None
        self.node_id = node_id
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self._labels.clear()
        has_node = node_id is not None
        for w in (
            self.icon_label,
            self.title_label,
            self.description_label,
            self.info_label,
            self.form_host,
        ):
            w.setVisible(has_node)
        self.empty_label.setVisible(not has_node)
        if node_id is None:
            self.problem_label.setVisible(False)
            return
        node = self.document.spec.nodes[node_id]
        layer = CATALOG[node.kind]
        self.icon_label.setPixmap(layer_icon(node.kind).pixmap(24, 24))
        self.title_label.setText(
            f"{catalog_tr(layer.name)}  <span style='font-weight:normal'>({node_id})</span>"
        )
        self.description_label.setText(catalog_tr(layer.description))
        for spec in layer.params:
            editor = self._make_editor(spec)
            label = QLabel(catalog_tr(spec.label), self.form_host)
            tip = catalog_tr(spec.help)
            if spec.min is not None and spec.max is not None and spec.type in ("int", "float"):
                tip += self.tr(" (range {0:g} to {1:g})").format(spec.min, spec.max)
            label.setToolTip(tip)
            editor.setToolTip(tip)
            editor.setObjectName(f"param_{spec.name}")
            self.form.addRow(label, editor)
            self.editors[spec.name] = editor
            self._labels[spec.name] = label
        if not layer.params:
            self.form.addRow(QLabel(self.tr("This layer has no parameters."), self.form_host))
        self._on_lock_changed(self.document.locked or "")
        self.refresh()

    def _make_editor(self, spec: ParamSpec) -> QWidget:
        name = spec.name
        if spec.type == "int":
            box = QSpinBox(self.form_host)
            box.setRange(
                int(spec.min) if spec.min is not None else -INT_LIMIT,
                int(spec.max) if spec.max is not None else INT_LIMIT,
            )
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v, n=name: self._edit(n, int(v)))
            return box
        if spec.type == "float":
            dbox = FloatSpinBox(self.form_host, log_step=_spans_decades(spec))
            dbox.setRange(
                spec.min if spec.min is not None else -1e12,
                spec.max if spec.max is not None else 1e12,
            )
            span = (spec.max - spec.min) if spec.min is not None and spec.max is not None else 1
            dbox.setSingleStep(0.05 if span <= 1 else 0.1)
            dbox.setKeyboardTracking(False)
            dbox.valueChanged.connect(lambda v, n=name: self._edit(n, float(v)))
            return dbox
        if spec.type == "bool":
            check = QCheckBox(self.form_host)
            check.toggled.connect(lambda v, n=name: self._edit(n, bool(v)))
            return check
        combo = QComboBox(self.form_host)
        combo.addItems(list(spec.choices))
        combo.currentTextChanged.connect(lambda v, n=name: self._edit(n, str(v)))
        return combo

    # ------------------------------------------------------------------ document -> widgets
    def refresh(self) -> None:
        """Set every editor from the document, without emitting edits."""
        if self.node_id is None or self.node_id not in self.document.spec.nodes:
            return
        params = self.document.spec.nodes[self.node_id].params
        for name, editor in self.editors.items():
            value = params.get(name)
            editor.blockSignals(True)
            try:
                if isinstance(editor, QSpinBox | QDoubleSpinBox) and value is not None:
                    editor.setValue(value)
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif isinstance(editor, QComboBox) and value is not None:
                    editor.setCurrentIndex(editor.findText(str(value)))
            finally:
                editor.blockSignals(False)
        for name, (other, values) in CONDITIONAL_PARAMS.items():
            if name in self.editors and other in params:
                visible = params[other] in values
                self.editors[name].setVisible(visible)
                self._labels[name].setVisible(visible)
        self._refresh_info()

    def _refresh_info(self, *_args: object) -> None:
        if self.node_id is None or self.node_id not in self.document.spec.nodes:
            return
        shape = self.document.shapes().get(self.node_id)
        count = self.document.param_counts().get(self.node_id)
        parts = [self.tr("Output {0}").format(format_shape(shape))]
        if count:
            parts.append(format_count(count))
        self.info_label.setText(" · ".join(parts))
        problems = self.document.problems_of(self.node_id)
        self.problem_label.setText("\n".join(f"⚠ {p}" for p in problems))
        self.problem_label.setVisible(bool(problems))

    def _on_node_changed(self, node_id: str) -> None:
        if node_id == self.node_id:
            self.refresh()

    def _on_node_removed(self, node_id: str) -> None:
        if node_id == self.node_id:
            self.show_node(None)

    def _on_lock_changed(self, reason: str) -> None:
        for editor in self.editors.values():
            editor.setEnabled(not reason)
            editor.setToolTip(catalog_tr(reason) if reason else editor.toolTip())
        self.form_host.setToolTip(catalog_tr(reason))

    # ------------------------------------------------------------------ widgets -> document
    def _edit(self, name: str, value: Any) -> None:
        if self.node_id is None:
            return
        try:
            self.document.set_param(self.node_id, name, value)
        except NNStudioError as exc:
            self.problem_label.setText("⚠ " + core_tr(exc))
            self.problem_label.setVisible(True)
            self.refresh()  # put the editor back to the document's value
