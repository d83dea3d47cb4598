"""The analysis workspace of the main window (queries, matrices, word frequency, KWIC)."""

from __future__ import annotations

from qda.gui.analysis.view import AnalysisView

__all__ = ["AnalysisView"]
