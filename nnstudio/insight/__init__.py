"""Understanding a run (issue 11): per-layer statistics, diagnosis in words, results that
fit the task (confusion matrix, regression residuals), run records and weight snapshots.

No Qt here: the CLI and the GUI both use it. It sits between the front ends (gui, cli) and
the session in the import layers.
"""

from nnstudio.insight.diagnose import CODES, Evidence, Finding, diagnose
from nnstudio.insight.evidence import diagnose_session, session_evidence, session_stats

__all__ = [
    "CODES",
    "Evidence",
    "Finding",
    "diagnose",
    "diagnose_session",
    "session_evidence",
    "session_stats",
]
