"""Building survey data sets in memory for the tests."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from qda.survey.loading import DataSet


def dataset(matrix, columns: list[str], name: str = "acak.csv") -> DataSet:
    """A DataSet of text cells from a matrix of scores (NaN / None = blank)."""
    rows = [["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(int(v)) for v in row]
            for row in np.asarray(matrix, dtype=float).tolist()]
    return DataSet(frame=pd.DataFrame(rows, columns=columns, dtype=object), path=name)


def same(ours: float | None, theirs: float, tol: float = 1e-9) -> bool:
    """``ours`` equals ``theirs`` to ``tol`` (relative or absolute), None standing for NaN/inf."""
    theirs = float(theirs)
    if not math.isfinite(theirs):
        return ours is None
    return ours is not None and math.isclose(ours, theirs, rel_tol=tol, abs_tol=tol)
