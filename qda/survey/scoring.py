"""Turn answer cells into scores, collecting every problem with its row and column.

A cell may be a number (``4``, ``4,0``, ``4.0``), a label of the item's set (matched
case- and space-insensitively), blank, or a declared missing code (e.g. 9 or 99).
Anything else is a :class:`Problem`; if there is any, :class:`SurveyDataError` is raised
and nothing is computed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qda.errors import DataError
from qda.i18n import tr
from qda.survey.instrument import Instrument, normalise_label
from qda.survey.loading import DataSet

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

MAX_LISTED = 8
_LETTER = re.compile(r"[^\W\d_]")
_NUMBERED = re.compile(r"^\(?(\d+)\)?\s*[-.:)=]?\s*(.+?)$|^(.+?)\s*\((\d+)\)$")
ID_NAMES = {"responden", "noresponden", "nomorresponden", "idresponden", "koderesponden", "respondent",
            "respondentid", "id", "no", "nomor"}


@dataclass(frozen=True)
class Problem:
    """One bad cell: the file, the row as the user sees it, the column, the value, why."""

    file: str
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = tr("baris {row}, kolom {col}", row=self.row, col=self.column) if self.row is not None \
            else tr("kolom {col}", col=self.column)
        value = f" {self.value!r}" if self.value != "" else ""
        return f"{where}:{value} {self.reason}"


class SurveyDataError(DataError):
    """Bad survey data; ``problems`` lists every bad cell found."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:MAX_LISTED])
        more = len(problems) - MAX_LISTED
        tail = tr(" (dan {n} masalah lain)", n=more) if more > 0 else ""
        super().__init__(tr("{file}: {n} masalah data — {list}{tail}",
                            file=file, n=len(problems), list=shown, tail=tail))


def parse_number(text: str) -> float | None:
    """``"4"``, ``"4,0"``, ``"4.0"`` -> 4.0; anything else -> None."""
    t = text.strip().replace(" ", "")
    if re.fullmatch(r"[-+]?\d+([.,]\d+)?", t):
        return float(t.replace(",", "."))
    return None


def score_columns(data: DataSet, mapping: dict[str, str], instrument: Instrument,
                  missing_codes: list[float] | tuple[float, ...] = ()) -> "np.ndarray":
    """Scores of the mapped columns (item id -> column) as an n x k float array (NaN = missing).

    Raises :class:`SurveyDataError` listing every out-of-range value, unknown label, non-number
    and duplicate respondent id.
    """
    import numpy as np
    import pandas as pd

    problems: list[Problem] = []
    frame = data.frame
    lo, hi = instrument.scale_min, instrument.scale_max
    missing = {float(c) for c in missing_codes}
    out = np.full((frame.shape[0], len(mapping)), np.nan)
    for j, (item_id, col) in enumerate(mapping.items()):
        if col not in frame.columns:
            problems.append(Problem(data.name, None, col, "", tr("kolom tidak ada dalam data")))
            continue
        # Each distinct cell is read once; every row takes its distinct value's score by index.
        codes, uniques = pd.factorize(frame[col].astype(str), sort=False)
        texts = pd.Series(uniques, dtype=object).str.strip()
        nums, reason = _score_values(texts, data.value_labels.get(col, {}),
                                     instrument.score_map(instrument.item(item_id)), missing, lo, hi)
        flagged = np.array([r is not None for r in reason], dtype=bool)
        for i in np.flatnonzero(flagged[codes]):
            k = codes[i]
            problems.append(Problem(data.name, data.row_number(int(i)), col, texts.iat[k], reason[k]))
        out[:, j] = nums[codes]
    problems += duplicate_ids(data, instrument.id_column)
    if problems:
        problems.sort(key=lambda p: (p.row if p.row is not None else -1, p.column))
        raise SurveyDataError(data.name, problems)
    return out


def _score_values(raw: "pd.Series", spss: dict[str, str], scores: dict[str, int], missing: set[float],
                  lo: int, hi: int) -> tuple["np.ndarray", list[str | None]]:
    """(score or NaN, problem reason or None) of each distinct stripped cell of a column."""
    import numpy as np
    import pandas as pd

    nums = np.array(pd.to_numeric(raw.str.replace(",", ".", regex=False), errors="coerce"), dtype=float)
    blank = (raw == "").to_numpy(dtype=bool)
    is_missing = np.isin(nums, list(missing)) if missing else np.zeros(len(nums), bool)
    reason: list[str | None] = [None] * len(nums)
    for i in np.flatnonzero(np.isnan(nums) & ~blank):
        cell = raw.iat[i]
        key = normalise_label(spss.get(cell, cell))
        numbered = _numbered(cell, scores)
        if key in scores:
            nums[i] = scores[key]
        elif numbered is not None:
            nums[i] = numbered
        elif _LETTER.search(cell):
            reason[i] = tr("label jawaban tidak dikenal")
        else:
            reason[i] = tr("bukan angka")
    ok = ~np.isnan(nums) & ~is_missing
    fraction = ok & (nums != np.round(nums))
    for i in np.flatnonzero(fraction):
        reason[i] = tr("bukan bilangan bulat (skor Likert {lo}–{hi})", lo=lo, hi=hi)
    for i in np.flatnonzero(ok & ~fraction & ((nums < lo) | (nums > hi))):
        reason[i] = tr("di luar rentang {lo}–{hi}", lo=lo, hi=hi)
    nums[is_missing | blank] = np.nan
    return nums, reason


def _numbered(cell: str, scores: dict[str, int]) -> float | None:
    """``"4 - Baik"``, ``"(4) Baik"``, ``"Baik (4)"``: the number, when the label agrees with it."""
    m = _NUMBERED.match(cell.strip())
    if not m:
        return None
    number, label = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return float(number) if scores.get(normalise_label(label)) == int(number) else None


def id_column_of(data: DataSet, declared: str | None) -> str | None:
    """The respondent-id column: the declared one, else a column named like "responden" or "id"."""
    if declared and declared in data.frame.columns:
        return declared
    for col in data.columns:
        if normalise_label(col).replace(".", "") in ID_NAMES:
            return col
    return None


def duplicate_ids(data: DataSet, id_column: str | None) -> list[Problem]:
    """A problem for each repeated respondent id (in ``id_column`` or a column named like it)."""
    id_column = id_column_of(data, id_column)
    if id_column is None:
        return []
    ids = data.frame[id_column].astype(str).str.strip()
    dup = ids.duplicated(keep="first") & (ids != "")
    first = {}
    problems = []
    for i, value in enumerate(ids):
        if value not in first:
            first[value] = data.row_number(int(i))
        elif dup.iat[i]:
            problems.append(Problem(data.name, data.row_number(int(i)), id_column, value,
                                    tr("nomor responden ganda (sama dengan baris {row})",
                                       row=first[value])))
    return problems
