"""PNG charts of analysis results, drawn by the shared chart module (:mod:`qda.reports.charts`)."""

from __future__ import annotations

from typing import Any, Sequence

from qda.i18n import tr


def matrix_png(matrix: Any, mode: str = "count") -> bytes:
    """A matrix as a heat map (counts, row % or column %), each cell's value written in it."""
    from qda.reports.charts import heatmap

    grid = [[0.0 if v is None else round(v, 1) for v in row] for row in matrix.values(mode)]
    return heatmap(grid, [h.label for h in matrix.rows], [h.label for h in matrix.cols])


def code_totals_png(matrix: Any) -> bytes:
    """Bars of each row code's total in a code × source (or × case) matrix: code frequency."""
    from qda.reports.charts import count_bars

    pairs = sorted(zip([h.label for h in matrix.rows], matrix.row_totals), key=lambda p: -p[1])
    return count_bars([p[0] for p in pairs], [p[1] for p in pairs], title=matrix.title,
                      xlabel=tr("jumlah segmen") if matrix.measure == "codings" else tr("jumlah bagian teks"))


def words_png(words: Sequence[Any], top: int = 25) -> bytes:
    """Bars of the most frequent words."""
    from qda.reports.charts import count_bars

    shown = list(words)[:top]
    return count_bars([w.word for w in shown], [w.count for w in shown], title=tr("Frekuensi kata"),
                      xlabel=tr("jumlah"))
