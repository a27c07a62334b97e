"""The layer palette: catalog kinds grouped by category, filterable, draggable.

A drag carries only the kind id in the MIME type :data:`LAYER_MIME`; the canvas resolves it
through the catalog when it is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.graph import CATALOG

from .i18n import catalog_tr
from .icons import layer_icon

LAYER_MIME = "application/x-nnstudio-layer"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def layer_mime_data(kind: str) -> QMimeData:
    """The MIME data a palette drag carries for ``kind``."""
    mime = QMimeData()
    mime.setData(LAYER_MIME, kind.encode("utf-8"))
    mime.setText(kind)
    return mime


class _LayerTree(QTreeWidget):
    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [LAYER_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 (Qt API)
        kinds = [i.data(0, KIND_ROLE) for i in items if i.data(0, KIND_ROLE)]
        return layer_mime_data(kinds[0]) if kinds else QMimeData()

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802 (Qt API)
        item = self.currentItem()
        if item is None or not item.data(0, KIND_ROLE):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(item.icon(0).pixmap(32, 32))
        drag.exec(Qt.DropAction.CopyAction)


class Palette(QWidget):
    """Layer kinds by category with icon, name and description tooltip; a filter box.

    Signals:
        kindActivated(str): a kind was double-clicked (e.g. to add it at the view centre).
    """

    kindActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter layers…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = _LayerTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        self._kind_items: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree.itemDoubleClicked.connect(self._on_double_click)

    def _build(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for kind in CATALOG.values():
            group = groups.get(kind.category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [catalog_tr(kind.category)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[kind.category] = group
            name, description = catalog_tr(kind.name), catalog_tr(kind.description)
            item = QTreeWidgetItem(group, [name])
            item.setIcon(0, layer_icon(kind.id))
            item.setToolTip(0, f"<b>{name}</b><br>{description}")
            item.setStatusTip(0, description)
            item.setData(0, KIND_ROLE, kind.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            self._kind_items[kind.id] = item
        self.tree.expandAll()

    def item_for(self, kind: str) -> QTreeWidgetItem:
        return self._kind_items[kind]

    def visible_kinds(self) -> list[str]:
        """Kind ids currently shown (after filtering), in palette order."""
        return [k for k, item in self._kind_items.items() if not item.isHidden()]

    def set_filter(self, text: str) -> None:
        """Show only kinds whose name, id, category or description contains ``text``."""
        needle = text.strip().lower()
        for group_index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(group_index)
            any_visible = False
            for i in range(group.childCount()):
                item = group.child(i)
                layer = CATALOG[item.data(0, KIND_ROLE)]
                shown = (item.text(0), item.statusTip(0), group.text(0))  # the translations
                hay = " ".join((layer.id, layer.name, layer.category, layer.description, *shown))
                hay = hay.lower()
                show = not needle or needle in hay
                item.setHidden(not show)
                any_visible |= show
            group.setHidden(not any_visible)
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind:
            self.kindActivated.emit(kind)
