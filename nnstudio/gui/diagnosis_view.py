"""The "Diagnosis" dock: what looks wrong with the run, in words, with Apply buttons.

Each finding (``nnstudio.insight.Finding.to_dict()``) is a row: its code, the layer it
concerns, the evidence and the action. A finding whose action is a setting has an Apply
button that emits :attr:`DiagnosisView.applyFix` with its machine-readable fix. The
"Restore best weights" button sits above the list. While the network or the data changed
since the run, the list is cleared and says so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def fix_text(fix: dict) -> str:
    """A short description of a fix: ``learning_rate = 0.001``, ``dense_1 activation =
    leaky_relu``, ``standardize = True``, ``restore the best weights``."""
    if fix.get("restore_best"):
        return "restore the best weights"
    if "node" in fix:
        items = ", ".join(f"{k} = {v}" for k, v in fix.get("params", {}).items())
        return f"{fix['node']} {items}"
    for part in ("training", "data"):
        if part in fix:
            return ", ".join(
                f"{k} = {v:g}" if isinstance(v, float) else f"{k} = {v}"
                for k, v in fix[part].items()
            )
    return ""


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
        self.tree = QTreeWidget()
        self.tree.setObjectName("diagnosisList")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Finding"), self.tr("Layer"), self.tr("Evidence and action"), ""]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout.addWidget(self.tree, 1)
        self.findings: list[dict] = []
        self.buttons: list[QPushButton] = []

    def set_findings(self, findings: list[dict], epoch: int | None = None) -> None:
        """Show ``findings`` (dicts of Finding); an empty list says the run looks healthy."""
        if findings == self.findings and self.tree.topLevelItemCount() == len(findings):
            return
        self.findings = [dict(f) for f in findings]
        self.tree.clear()
        self.buttons = []
        for f in self.findings:
            item = QTreeWidgetItem(
                [f"[{f['code']}]", f.get("layer") or "", f"{f['evidence']}; {f['action']}"]
            )
            item.setToolTip(2, f"{f['evidence']}\n{f['action']}")
            self.tree.addTopLevelItem(item)
            if f.get("fix"):
                button = QPushButton(self.tr("Apply"))
                button.setToolTip(self.tr("Apply: {0}").format(fix_text(f["fix"])))
                button.clicked.connect(lambda _c=False, fix=f["fix"]: self.applyFix.emit(fix))
                self.tree.setItemWidget(item, 3, button)
                self.buttons.append(button)
        if findings:
            self.note.setText(self.tr("{0} finding(s)").format(len(findings)))
        elif epoch is not None:
            self.note.setText(
                self.tr("No finding at epoch {0}: the run looks healthy.").format(epoch)
            )
        else:
            self.note.setText(self.tr("No finding: the run looks healthy."))

    def set_stale(self, text: str) -> None:
        """Clear the list: the network or data changed since the run."""
        self.findings = []
        self.tree.clear()
        self.buttons = []
        self.note.setText(text)

    def set_best(self, epoch: int | None, available: bool) -> None:
        """Enable Restore best weights (with the epoch in its label) when they exist."""
        self.restore_button.setEnabled(available and epoch is not None)
        label = self.tr("Restore best weights")
        if epoch is not None and available:
            label = self.tr("Restore best weights (epoch {0})").format(epoch)
        self.restore_button.setText(label)
