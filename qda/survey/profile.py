"""Respondent profile tables and per-item frequency tables."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from qda.i18n import tr
from qda.survey.instrument import Demographic
from qda.survey.result import FrequencyRow, ItemSummary, ProfileTable
from qda.survey.scoring import parse_number
from qda.survey.stats import finite

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd


def _bin_label(text: str, bins: list[list]) -> str | None:
    value = parse_number(text)
    if value is None:
        return None
    for lower, upper, label in bins:
        if (lower is None or value >= lower) and (upper is None or value < upper):
            return str(label)
    return None


def profile_table(column: "pd.Series", demo: Demographic) -> ProfileTable:
    """Frequency and % of one demographic column (numbers grouped by ``demo.bins``)."""
    cells = [str(v).strip() for v in column.tolist()]
    answered = [c for c in cells if c != ""]
    if demo.bins:
        labels = [_bin_label(c, demo.bins) or tr("(di luar kelompok)") for c in answered]
        order = [str(b[2]) for b in demo.bins]
    else:
        labels = [demo.value_labels.get(c, c) for c in answered]
        order = list(demo.order)
    counts = Counter(labels)
    keys = [k for k in order if k in counts] + sorted((k for k in counts if k not in order),
                                                        key=lambda k: (-counts[k], k))
    if demo.bins:  # keep empty age groups visible, as a thesis table does
        keys = order + [k for k in keys if k not in order]
    n = len(answered)
    rows = [FrequencyRow(value=k, label=k, count=counts.get(k, 0),
                         percent=100.0 * counts.get(k, 0) / n if n else None) for k in keys]
    return ProfileTable(column=demo.column, title=demo.title or demo.column, rows=rows, n=n,
                        missing=len(cells) - n)


def item_summary(item: str, variable: str, text: str, values: "np.ndarray", labels: list[str],
                 lo: int = 1, hi: int = 5) -> ItemSummary:
    """Counts of each score (highest first) with its label, % of answers given, mean and SD."""
    import numpy as np

    given = values[~np.isnan(values)]
    n = int(given.size)
    counts = np.bincount(given.astype(int) - lo, minlength=hi - lo + 1) if n else np.zeros(hi - lo + 1, int)
    rows = []
    for score in range(hi, lo - 1, -1):
        c = int(counts[score - lo])
        idx = hi - score
        rows.append(FrequencyRow(value=str(score), label=labels[idx] if idx < len(labels) else str(score),
                                 count=c, percent=100.0 * c / n if n else None))
    return ItemSummary(item=item, variable=variable, text=text or item, rows=rows, n_answered=n,
                       n_missing=int(values.size - n),
                       mean=finite(given.mean()) if n else None,
                       sd=finite(given.std(ddof=1)) if n >= 2 else None,
                       score_sum=float(given.sum()))
