"""The "Runs" dock: the project's run history as a table.

One row per run record (``nnstudio.io.runs``): whether its curves are overlaid on the
plots, its name (editable), epochs, how it ended, final and best metrics, and one column
per setting that differs between runs (highlighted where a run's value differs from the
first run's). Delete removes the selected runs. Signals carry the run ids; the dock's
owner changes the project.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.insight.records import differing_settings

FIXED_COLUMNS = 8  # show, name, epochs, ended, final loss, final test loss, metric, best


def _num(value) -> str:
    if value is None:
        return "–"
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def _setting(run: dict, key: str):
    if key == "network":
        return (run.get("network") or {}).get("summary")
    part, _, name = key.partition(".")
    return ((run.get("settings") or {}).get(part) or {}).get(name)


class RunsView(QWidget):
    """Signals: ``renamed(int, str)``, ``deleted(list)``, ``overlayChanged(list)``."""

    renamed = Signal(int, str)
    deleted = Signal(list)
    overlayChanged = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.note = QLabel(self.tr("Each run is recorded here (and saved in the project)."))
        self.note.setWordWrap(True)  # wraps in a narrow dock
        bar.addWidget(self.note, 1)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteRunsButton")
        self.delete_button.clicked.connect(self._delete)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        self.table = QTableWidget()
        self.table.setObjectName("runsTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table, 1)
        self.runs: list[dict] = []
        self.diff_keys: list[str] = []
        self._filling = False

    def set_runs(self, runs: list[dict], overlaid: set[int] | None = None) -> None:
        """Show ``runs`` (the project's records); ``overlaid``: ids shown on the plots."""
        overlaid = overlaid or set()
        self.runs = [dict(r) for r in runs]
        self.diff_keys = sorted(differing_settings(self.runs))
        self._filling = True
        t = self.table
        t.clear()
        headers = [
            self.tr("Show"),
            self.tr("Name"),
            self.tr("Epochs"),
            self.tr("Ended"),
            self.tr("Loss"),
            self.tr("Test loss"),
            self.tr("Test metric"),
            self.tr("Best epoch"),
        ] + self.diff_keys
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(self.runs))
        highlight = QBrush(QColor(255, 200, 0, 90))
        first = self.runs[0] if self.runs else {}
        for row, run in enumerate(self.runs):
            show = QTableWidgetItem()
            show.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            show.setCheckState(
                Qt.CheckState.Checked if run["id"] in overlaid else Qt.CheckState.Unchecked
            )
            t.setItem(row, 0, show)
            t.setItem(row, 1, QTableWidgetItem(run.get("name", "")))
            epochs = (run.get("curves") or {}).get("epoch") or []
            span = f"{epochs[0]}–{epochs[-1]}" if epochs else "0"
            final, best = run.get("final") or {}, run.get("best") or {}
            metric = final.get("test_accuracy", final.get("test_rmse"))
            cells = [
                span,
                str(run.get("stopped", "")).split(":")[0],
                _num(final.get("train_loss")),
                _num(final.get("test_loss")),
                _num(metric),
                _num(best.get("epoch")),
            ]
            for col, text in enumerate(cells, start=2):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col == 3:
                    item.setToolTip(str(run.get("stopped", "")))
                t.setItem(row, col, item)
            for col, key in enumerate(self.diff_keys, start=FIXED_COLUMNS):
                value = _setting(run, key)
                item = QTableWidgetItem(_num(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if row > 0 and value != _setting(first, key):
                    item.setBackground(highlight)
                t.setItem(row, col, item)
        t.resizeColumnsToContents()
        self._filling = False

    def overlaid(self) -> list[int]:
        """Ids of the runs whose Show box is checked."""
        return [
            self.runs[r]["id"]
            for r in range(self.table.rowCount())
            if self.table.item(r, 0).checkState() == Qt.CheckState.Checked
        ]

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        run = self.runs[item.row()]
        if item.column() == 0:
            self.overlayChanged.emit(self.overlaid())
        elif item.column() == 1 and item.text().strip() and item.text() != run.get("name"):
            run["name"] = item.text().strip()
            self.renamed.emit(int(run["id"]), run["name"])

    def _delete(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        ids = [int(self.runs[r]["id"]) for r in rows]
        if ids:
            self.deleted.emit(ids)
