"""The problems list: one row per validation error of the network, then one per warning
(a finding that does not block training, shown with an information icon)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from nnstudio.errors import NNStudioError
from nnstudio.graph import FlattenNeededError, LossMismatchError
from nnstudio.gui.i18n import core_tr

from .document import Document

NODE_IDS_ROLE = Qt.ItemDataRole.UserRole + 1
# the one-click fix of a row: "output" (fit the output and loss to the data), "flatten"
# (insert a Flatten before the node) or "" (none)
FIXABLE_ROLE = Qt.ItemDataRole.UserRole + 2


class ProblemsView(QListWidget):
    """Lists ``document.problems()``; double-clicking a row emits ``nodeActivated(id)``
    for the first node the problem names (the main window selects it on the canvas).

    Signals:
        nodeActivated(str): the first node named by a double-clicked problem.
        nodesActivated(list): every node it names.
        problemCountChanged(int): number of problems after each refresh.
    """

    nodeActivated = Signal(str)
    nodesActivated = Signal(list)
    problemCountChanged = Signal(int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(False)
        self._icon: QIcon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._info_icon: QIcon = self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        document.problemsChanged.connect(self.set_problems)
        document.projectReplaced.connect(self._reload)
        document.dataChanged.connect(self._reload)
        self.itemDoubleClicked.connect(self._activate)
        self.set_problems(document.problems())

    def set_problems(self, problems: list) -> None:
        self.clear()
        data_error = self.document.dataset_error
        if data_error is not None:
            item = QListWidgetItem(self._icon, self.tr("Data: {0}").format(core_tr(data_error)))
            item.setData(NODE_IDS_ROLE, [])
            self.addItem(item)
        # the output fix is offered when the output and loss are all that is wrong
        only_output = data_error is None and all(isinstance(e, LossMismatchError) for e in problems)
        for err in problems:
            ids = tuple(getattr(err, "node_ids", ()))
            fixable = ""
            text = core_tr(err)
            if isinstance(err, LossMismatchError) and only_output:
                fixable = "output"
                text += " " + self.tr("(double-click: fit the output and loss to the data)")
            elif isinstance(err, FlattenNeededError):
                fixable = "flatten"
                text += " " + self.tr("(double-click: insert Flatten)")
            item = QListWidgetItem(self._icon, text)
            item.setData(NODE_IDS_ROLE, list(ids))
            item.setData(FIXABLE_ROLE, fixable)
            item.setToolTip(
                core_tr(err)
                + (
                    self.tr("\n\nNodes: {0} (double-click to select)").format(", ".join(ids))
                    if ids
                    else ""
                )
            )
            self.addItem(item)
        for warn in self.document.warnings():
            ids = tuple(getattr(warn, "node_ids", ()))
            item = QListWidgetItem(self._info_icon, self.tr("Note:") + " " + core_tr(warn))
            item.setData(NODE_IDS_ROLE, list(ids))
            item.setData(FIXABLE_ROLE, "")
            item.setToolTip(self.tr("Does not block training.") + "\n\n" + core_tr(warn))
            self.addItem(item)
        if not problems and data_error is None:
            ok = QListWidgetItem(self.tr("No problems: the network is ready to train."))
            ok.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(ok)
        self.problemCountChanged.emit(len(problems))

    def _reload(self) -> None:
        self.set_problems(self.document.problems())

    def node_ids_of(self, row: int) -> list[str]:
        item = self.item(row)
        return list(item.data(NODE_IDS_ROLE) or []) if item is not None else []

    def _activate(self, item: QListWidgetItem) -> None:
        fix = item.data(FIXABLE_ROLE)
        if fix:
            try:  # one undo step
                if fix == "flatten":
                    self.document.insert_flatten(item.data(NODE_IDS_ROLE)[0])
                else:
                    self.document.fit_output_to_data()
            except NNStudioError as exc:
                item.setToolTip(core_tr(exc))
            else:
                return
        ids = item.data(NODE_IDS_ROLE) or []
        if ids:
            self.nodeActivated.emit(ids[0])
            self.nodesActivated.emit(list(ids))
