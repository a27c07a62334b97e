"""The "Diagnosis" dock: what looks wrong with the run, in words, with Apply buttons.

Each finding (``nnstudio.insight.Finding.to_dict()``) is a row: its code, the layer it
concerns, the evidence and the action. A finding whose action is a setting has an Apply
button that emits :attr:`DiagnosisView.applyFix` with its machine-readable fix. The
"Restore best weights" button sits above the list. While the network or the data changed
since the run, the list is cleared and says so.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui.i18n import catalog_tr, core_tr

#: a title per finding code (the code itself stays in the tooltip)
CODE_TITLES = {
    "output-mismatch": QT_TRANSLATE_NOOP("DiagnosisView", "Output does not fit the data"),
    "unscaled-inputs": QT_TRANSLATE_NOOP("DiagnosisView", "Inputs not scaled"),
    "class-imbalance": QT_TRANSLATE_NOOP("DiagnosisView", "Imbalanced classes"),
    "lr-too-high": QT_TRANSLATE_NOOP("DiagnosisView", "Learning rate too high"),
    "exploding-gradients": QT_TRANSLATE_NOOP("DiagnosisView", "Exploding gradients"),
    "vanishing-gradients": QT_TRANSLATE_NOOP("DiagnosisView", "Vanishing gradients"),
    "dead-units": QT_TRANSLATE_NOOP("DiagnosisView", "Dead units"),
    "saturated-units": QT_TRANSLATE_NOOP("DiagnosisView", "Saturated units"),
    "overfitting": QT_TRANSLATE_NOOP("DiagnosisView", "Overfitting"),
    "plateau": QT_TRANSLATE_NOOP("DiagnosisView", "Plateau"),
    "lr-too-low": QT_TRANSLATE_NOOP("DiagnosisView", "Learning rate too low"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiagnosisView", text)


def _setting_label(part: str, name: str) -> str:
    """The label the panels show for a setting a fix changes (translated)."""
    from nnstudio.graph import TRAINING_FIELDS
    from nnstudio.graph.catalog import CATALOG

    if part == "data" and name == "standardize":
        return QCoreApplication.translate("DiagnosisView", "Standardize inputs")
    specs = list(TRAINING_FIELDS) if part == "training" else []
    if part == "node":
        specs = [p for kind in CATALOG.values() for p in kind.params]
    label = next((spec.label for spec in specs if spec.name == name), "")
    return catalog_tr(label) if label else name


def _value_text(value: object) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("DiagnosisView", "on")
            if value
            else QCoreApplication.translate("DiagnosisView", "off")
        )
    return f"{value:g}" if isinstance(value, float) else str(value)


def fix_text(fix: dict) -> str:
    """A short description of a fix, with the settings' labels: ``Learning rate = 0.001``,
    ``dense_1: Activation = leaky_relu``, ``Standardize inputs = on``, ``Restore best
    weights``."""
    if fix.get("restore_best"):
        return QCoreApplication.translate("DiagnosisView", "Restore best weights")
    if "node" in fix:
        items = ", ".join(
            f"{_setting_label('node', k)} = {_value_text(v)}"
            for k, v in fix.get("params", {}).items()
        )
        return f"{fix['node']}: {items}"
    for part in ("training", "data"):
        if part in fix:
            return ", ".join(
                f"{_setting_label(part, k)} = {_value_text(v)}" for k, v in fix[part].items()
            )
    return ""


class FindingCard(QFrame):
    """One finding: code and layer in bold, the evidence, the action, and an Apply button
    when the action is a setting."""

    def __init__(self, finding: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        where = f" {html.escape(finding['layer'])}" if finding.get("layer") else ""
        # "{evidence}.<br><i>Try:</i> {action}." as a whole, so a translation can use
        # its own punctuation
        body = self.tr("{evidence}.<br><i>Try:</i> {action}.").format(
            evidence=html.escape(core_tr(finding["evidence"])),
            action=html.escape(core_tr(finding["action"])),
        )
        code = finding["code"]
        title = _tr(CODE_TITLES[code]) if code in CODE_TITLES else code
        self.label = QLabel(
            self.tr("<b>{title}{where}</b>: {body}").format(
                title=html.escape(title), where=where, body=body
            )
        )
        self.setProperty("code", code)  # the stable code (``nnstudio diagnose`` prints it)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        self.button: QPushButton | None = None
        if finding.get("fix"):
            self.button = QPushButton(self.tr("Apply"))
            self.button.setToolTip(self.tr("Apply: {0}").format(fix_text(finding["fix"])))
            row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)


class DiagnosisView(QWidget):
    """The findings list. Signals: ``applyFix(dict)``, ``restoreBest()``."""

    applyFix = Signal(object)
    restoreBest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.note = QLabel(self.tr("Train to diagnose the run."))
        self.note.setObjectName("diagnosisNote")
        self.note.setWordWrap(True)
        bar.addWidget(self.note, 1)
        self.restore_button = QPushButton(self.tr("Restore best weights"))
        self.restore_button.setObjectName("restoreBestButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restoreBest)
        bar.addWidget(self.restore_button)
        layout.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("diagnosisList")
        self.scroll.setWidgetResizable(True)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addStretch(1)
        self.scroll.setWidget(self.list_widget)
        layout.addWidget(self.scroll, 1)
        self.findings: list[dict] = []
        self.cards: list[FindingCard] = []

    def set_findings(self, findings: list[dict], epoch: int | None = None) -> None:
        """Show ``findings`` (dicts of Finding); an empty list says the run looks healthy."""
        if findings != self.findings or len(self.cards) != len(findings):
            self._clear_cards()
            self.findings = [dict(f) for f in findings]
            for f in self.findings:
                card = FindingCard(f)
                if card.button is not None:
                    card.button.clicked.connect(
                        lambda _c=False, fix=f["fix"]: self.applyFix.emit(fix)
                    )
                self.list_layout.insertWidget(self.list_layout.count() - 1, card)
                self.cards.append(card)
        if findings:
            self.note.setText(self.tr("{0} finding(s)").format(len(findings)))
        elif epoch is not None:
            self.note.setText(
                self.tr("No finding at epoch {0}: the run looks healthy.").format(epoch)
            )
        else:
            self.note.setText(self.tr("No finding: the run looks healthy."))

    def _clear_cards(self) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []

    def set_stale(self, text: str) -> None:
        """Clear the list: the network or data changed since the run."""
        self.findings = []
        self._clear_cards()
        self.note.setText(text)

    def set_best(self, epoch: int | None, available: bool) -> None:
        """Enable Restore best weights (with the epoch in its label) when they exist."""
        self.restore_button.setEnabled(available and epoch is not None)
        label = self.tr("Restore best weights")
        if epoch is not None and available:
            label = self.tr("Restore best weights (epoch {0})").format(epoch)
        self.restore_button.setText(label)
