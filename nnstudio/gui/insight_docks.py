"""Understanding the run in the window (issue 11): the Layer statistics, Diagnosis,
Results and Runs docks, the Restore best weights action, and the run history.

:func:`install` adds the docks to a MainWindow and an :class:`InsightDocks` controller
(``window.insight``) that keeps them in step:

- while training, each worker snapshot that carries ``"insight"`` (statistics, results
  and findings computed in the worker, :class:`nnstudio.insight.live.RunMonitor`) updates
  the docks;
- when a run ends its record (``nnstudio.insight.records``) joins ``project.runs`` (saved
  in the file), and its best weights can be restored;
- editing the network or the data clears the docks at once and says why (their numbers
  belong to the network before the edit); opening a trained project computes them once.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction

from nnstudio.errors import NNStudioError
from nnstudio.gui.diagnosis_view import DiagnosisView
from nnstudio.gui.i18n import core_tr
from nnstudio.gui.layer_stats_view import LayerStatsView
from nnstudio.gui.on_screen import on_screen
from nnstudio.gui.results_view import ResultsView
from nnstudio.gui.runs_view import RunsView
from nnstudio.io.runs import rows_from_curves

OVERLAY_COLORS = ("#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


class InsightDocks(QObject):
    """The controller behind the four docks; see the module docstring."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        tr = self.tr
        self.layers_view = LayerStatsView()
        self.diagnosis_view = DiagnosisView()
        self.results_view = ResultsView()
        self.runs_view = RunsView()
        self.layers_dock = window._dock(tr("Layer statistics"), "LayerStatsDock", self.layers_view)
        self.diagnosis_dock = window._dock(tr("Diagnosis"), "DiagnosisDock", self.diagnosis_view)
        self.results_dock = window._dock(tr("Results"), "ResultsDock", self.results_view)
        self.runs_dock = window._dock(tr("Runs"), "RunsDock", self.runs_view)
        docks = (self.diagnosis_dock, self.results_dock, self.layers_dock, self.runs_dock)
        for dock in docks:
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            window.tabifyDockWidget(window.plots_dock, dock)
        window.plots_dock.raise_()
        self.restore_action = QAction(tr("Restore &Best Weights"), window)
        self.restore_action.setObjectName("restoreBestAction")
        self.restore_action.setEnabled(False)
        self.restore_action.triggered.connect(self.restore_best)
        self._add_to_menu()
        self.best: tuple[int, dict, Any] | None = None  # (epoch, weights, preprocessor)
        self.last_insight: dict | None = None
        self._pending: dict[str, dict] = {}  # latest insight for docks not on screen
        self.last_result: dict | None = None
        self.overlaid: set[int] = set()
        self._overlay_items: list[Any] = []
        self._project_timer = QTimer(self)
        self._project_timer.setSingleShot(True)
        self._project_timer.setInterval(0)
        self._project_timer.timeout.connect(self.compute_from_project)
        self._connect()
        self.project_replaced()

    # ------------------------------------------------------------------ wiring
    def _add_to_menu(self) -> None:
        menu = self.window.train_menu  # gui.actions builds it (the Train menu in any language)
        menu.addSeparator()
        menu.addAction(self.restore_action)

    def _connect(self) -> None:
        w, doc = self.window, self.document
        w.snapshotShown.connect(self.on_snapshot)
        w.trainingStarted.connect(self.on_started)
        w.trainingFinished.connect(self.on_finished)
        doc.networkChanged.connect(self.mark_stale)
        doc.dataChanged.connect(self.mark_stale)
        doc.projectReplaced.connect(self.project_replaced)
        doc.weightsChanged.connect(self._weights_changed)
        dv, rv = self.diagnosis_view, self.runs_view
        dv.applyFix.connect(self.apply_fix)
        dv.restoreBest.connect(self.restore_best)
        rv.renamed.connect(self.rename_run)
        rv.deleted.connect(self.delete_runs)
        rv.overlayChanged.connect(self.set_overlay)
        for name, dock in self._docks().items():
            dock.visibilityChanged.connect(lambda on, n=name: self._shown(n, on))

    # ------------------------------------------------------------------ live
    def show_insight(self, insight: dict, keep: bool = False, force: bool = True) -> None:
        """Draw a worker's (or :meth:`compute_from_project`'s) insight dict; ``keep``
        (a replay frame) leaves :attr:`last_insight` as it was. Without ``force`` (live
        snapshots) only the docks on screen redraw; a hidden one draws the latest insight
        when it is shown (drawing costs the main thread, and the GIL the worker needs)."""
        if not keep:
            self.last_insight = insight
        self._pending = {} if force else self._pending
        for name, dock in self._docks().items():
            if force or on_screen(dock.widget()):  # not behind another tab
                self._draw(name, insight)
            else:
                self._pending[name] = insight

    def _docks(self) -> dict:
        return {
            "layers": self.layers_dock,
            "diagnosis": self.diagnosis_dock,
            "results": self.results_dock,
        }

    def _draw(self, name: str, insight: dict) -> None:
        epoch = insight.get("epoch")
        if name == "layers":
            self.layers_view.set_history(insight.get("history"), insight.get("stats"))
        elif name == "diagnosis":
            self.diagnosis_view.set_findings(insight.get("findings") or [], epoch)
        else:
            self.results_view.set_results(insight.get("results"), epoch)

    def _shown(self, name: str, visible: bool) -> None:
        if visible and name in self._pending:
            self._draw(name, self._pending.pop(name))

    def on_snapshot(self, snap: dict) -> None:
        insight = snap.get("insight")
        if insight:
            self.show_insight(insight, force=False)

    def on_started(self) -> None:
        self.best = None
        self._update_best()

    def on_finished(self, result: dict) -> None:
        self.last_result = result
        insight = result.get("insight")
        if insight:
            self.show_insight(insight, force=False)  # hidden docks draw when shown
        weights = result.get("best_weights")
        if weights is not None and result.get("best_epoch") is not None:
            self.best = (int(result["best_epoch"]), weights, result.get("preprocessor"))
        self._update_best()
        if insight and insight.get("rows"):
            self._record_run(result, insight)

    def _record_run(self, result: dict, insight: dict) -> None:
        from nnstudio.insight.records import add_run, make_record

        project = self.document.project
        failure = insight.get("failure")
        budget = self.window.controller.budget
        if failure:
            stopped = f"failed: {failure}"
        elif budget is not None and result.get("epochs_run", 0) >= budget:
            stopped = "finished"
        else:
            stopped = "stopped"
        findings = [
            f"[{f['code']}]"
            + (f" {f['layer']}:" if f.get("layer") else "")
            + f" {f['evidence']}; {f['action']}"
            for f in insight.get("findings") or []
        ]
        record = make_record(
            project,
            insight["rows"],
            runs=project.runs,
            best_epoch=result.get("best_epoch"),
            stopped=stopped,
            findings=findings,
        )
        add_run(project, record)
        self._mark_dirty()
        self.runs_view.set_runs(project.runs, self.overlaid)

    def _mark_dirty(self) -> None:
        p = self.document.project
        self.document.set_weights(p.weights, p.preprocessor, p.history)

    # ------------------------------------------------------------------ stale / load
    def mark_stale(self) -> None:
        """The network or the data changed: the numbers on screen belong to another
        network, so they go, with the reason."""
        if self.window.controller.running:
            return
        text = self.tr("The network or the data changed since these results: train again.")
        self._pending = {}
        self.layers_view.clear(text)
        self.diagnosis_view.set_stale(text)
        self.results_view.clear(text)
        self.best = None
        self.last_insight = None
        self._update_best()

    def _weights_changed(self) -> None:
        """Reset (or an edit that parks the weights): the shown numbers are of weights
        the project no longer holds."""
        project = self.document.project
        if project.weights is None and self.last_insight is not None:
            self.mark_stale()
        elif project.weights is not None and self.last_insight is None:
            self._project_timer.start()  # e.g. Undo brought the trained weights back

    def project_replaced(self) -> None:
        self.best = None
        self.last_insight = None
        self.overlaid = set()
        self._draw_overlay()
        self._update_best()
        self.runs_view.set_runs(self.document.project.runs)
        self.layers_view.clear()
        self.diagnosis_view.set_stale(self.tr("Train to diagnose the run."))
        self.results_view.clear(self.tr("Train to see the results."))
        if self.document.project.weights is not None:
            self._project_timer.start()

    def compute_from_project(self) -> None:
        """Statistics, results and findings of the document's trained weights (GUI
        thread, once after opening a project)."""
        project = self.document.project
        if self.window.controller.running or project.weights is None:
            return
        if self.document.problems():
            return
        try:
            from nnstudio.insight.live import RunMonitor
            from nnstudio.session import Session

            session = Session.from_project(project)
            monitor = RunMonitor(session, budget=0)
            last = project.runs[-1] if project.runs else None
            monitor.rows = self.run_rows(project)
            failure = None
            if last and str(last.get("stopped", "")).startswith("failed"):
                failure = str(last["stopped"]).partition(":")[2].strip()
            insight = monitor.refresh(force=True, failure=failure).get("insight")
            if insight is not None:
                self.show_insight(insight)
        except NNStudioError as exc:
            self.window.show_message(core_tr(exc))

    @staticmethod
    def run_rows(project: Any) -> list[dict]:
        """The epochs of the project's last run (its record's curves; else the history)."""
        if project.runs and project.runs[-1].get("curves"):
            return rows_from_curves(project.runs[-1]["curves"])
        return list(project.history)

    # ------------------------------------------------------------------ actions
    def _update_best(self) -> None:
        running = self.window.controller.running
        ok = self.best is not None and not running
        self.restore_action.setEnabled(ok)
        self.diagnosis_view.set_best(None if self.best is None else self.best[0], ok)

    def restore_best(self) -> None:
        """Put the last run's best weights in the document (history cut after them)."""
        if self.best is None or self.window.controller.running:
            return
        epoch, weights, preprocessor = self.best
        history = [r for r in self.document.project.history if int(r.get("epoch", 0)) <= epoch]
        self.document.set_weights(weights, preprocessor, history)
        self.window.show_history()
        self.window.refresh_preview()
        self.window.show_message(self.tr("Restored the best weights, of epoch {0}").format(epoch))
        self.best = None
        self._update_best()
        self._project_timer.start()

    def apply_fix(self, fix: dict) -> None:
        """Apply a finding's fix to the document (training, data or a node's parameters)."""
        doc = self.document
        try:
            if fix.get("restore_best"):
                self.restore_best()
            elif "training" in fix:
                from nnstudio.graph import train_config

                d = doc.project.training.to_dict()
                d.update(fix["training"])
                doc.set_training(train_config(d))
            elif "data" in fix:
                from nnstudio.data import DataSettings

                d = doc.project.data.to_dict()
                d.update(fix["data"])
                doc.set_data_settings(DataSettings.from_dict(d))
            elif "node" in fix:
                for name, value in fix.get("params", {}).items():
                    doc.set_param(fix["node"], name, value)
            self.window.show_message(self.tr("Applied: {0}").format(_fix_words(fix)))
        except NNStudioError as exc:
            self.window.show_message(core_tr(exc))

    # ------------------------------------------------------------------ run history
    def rename_run(self, run_id: int, name: str) -> None:
        for run in self.document.project.runs:
            if run.get("id") == run_id:
                run["name"] = name
        self._mark_dirty()

    def delete_runs(self, ids: list) -> None:
        project = self.document.project
        project.runs = [r for r in project.runs if r.get("id") not in set(ids)]
        self.overlaid -= set(ids)
        self._mark_dirty()
        self.runs_view.set_runs(project.runs, self.overlaid)
        self._draw_overlay()

    def set_overlay(self, ids: list) -> None:
        self.overlaid = set(ids)
        self._draw_overlay()

    def _draw_overlay(self) -> None:
        plots = self.window.plots
        for plot, item in self._overlay_items:
            plot.removeItem(item)
        self._overlay_items = []
        runs = [r for r in self.document.project.runs if r.get("id") in self.overlaid]
        for i, run in enumerate(runs):
            color = OVERLAY_COLORS[i % len(OVERLAY_COLORS)]
            curves = run.get("curves") or {}
            x = curves.get("epoch") or []
            metric = "test_rmse" if "test_rmse" in curves else "test_accuracy"
            for plot, key in ((plots.loss_plot, "train_loss"), (plots.metric_plot, metric)):
                y = curves.get(key)
                if not x or not y:
                    continue
                pairs = [(a, b) for a, b in zip(x, y, strict=False) if b is not None]
                pen = pg.mkPen(color, width=1, style=Qt.PenStyle.DotLine)
                item = pg.PlotDataItem(
                    [p[0] for p in pairs], [p[1] for p in pairs], pen=pen, name=run["name"]
                )
                plot.addItem(item)
                self._overlay_items.append((plot, item))


def _fix_words(fix: dict) -> str:
    from nnstudio.gui.diagnosis_view import fix_text

    return fix_text(fix)


def install(window: Any) -> InsightDocks:
    """Add the docks to ``window`` (a MainWindow); returns ``window.insight``."""
    from nnstudio.gui import replay

    window.insight = InsightDocks(window)
    replay.install(window)  # the timeline slider over the run's snapshots
    return window.insight
