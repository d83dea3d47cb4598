"""Read survey data: CSV (comma/semicolon, UTF-8/cp1252), XLSX (incl. Google Forms), SPSS .sav.

Cells are kept as text (``""`` for blank) so that scoring can tell a label from a number
and report the exact value the user typed. ``DataSet.row_number(i)`` gives the row as the
user sees it (spreadsheet row: the header is row 1; SPSS: case number).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qda.errors import DataError
from qda.i18n import tr

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TIMESTAMP_HEADERS = {"timestamp", "stempel waktu", "cap waktu", "tanda waktu", "waktu"}


@dataclass
class DataSet:
    """A table of answers as text, with where it came from."""

    frame: "pd.DataFrame"  # every cell a str ("" when blank)
    path: str = ""
    first_row: int = 2  # the user-visible number of the frame's first row
    value_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # SPSS value labels
    timestamp_columns: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name shown in messages."""
        return Path(self.path).name if self.path else tr("data")

    @property
    def columns(self) -> list[str]:
        """Column names in file order."""
        return [str(c) for c in self.frame.columns]

    def row_number(self, index: int) -> int:
        """The row the user sees for the frame's ``index``-th row (0-based)."""
        return self.first_row + index

    def to_json(self) -> str:
        """The data as JSON text (records of strings) for ``Project.save_survey``."""
        import json

        return json.dumps({"path": self.path, "first_row": self.first_row,
                           "columns": self.columns, "rows": self.frame.values.tolist()},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> DataSet:
        """Inverse of :meth:`to_json`."""
        import json

        import pandas as pd

        data = json.loads(text)
        frame = pd.DataFrame(data["rows"], columns=data["columns"], dtype=object)
        return cls(frame=frame, path=data.get("path", ""), first_row=data.get("first_row", 2))


def load_data(path: str | Path) -> DataSet:
    """Read a CSV, XLSX/XLS or SPSS .sav file; :class:`DataError` names the file when it cannot."""
    path = Path(path)
    if not path.is_file():
        raise DataError(tr("{file}: berkas tidak ditemukan", file=path))
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt", ".tsv"):
            data = _read_csv(path)
        elif suffix in (".xlsx", ".xlsm", ".xls"):
            data = _read_excel(path)
        elif suffix in (".sav", ".zsav"):
            data = _read_sav(path)
        else:
            raise DataError(tr("{file}: format tidak dikenal (gunakan CSV, XLSX atau SPSS .sav)",
                               file=path.name))
    except DataError:
        raise
    except Exception as exc:  # library errors become one clear line
        raise DataError(tr("{file}: tidak dapat dibaca ({why})", file=path.name, why=exc)) from exc
    if data.frame.shape[0] == 0:
        raise DataError(tr("{file}: tidak ada baris data", file=path.name))
    _check_headers(data)
    return data


def _decode(raw: bytes, path: Path) -> str:
    """The text of a data file, decoded as the source importer decodes a transcript.

    One decoder for every text the program reads (:func:`qda.sources.encoding.decode_bytes`):
    byte-order marks (Excel's "Unicode text" is UTF-16), UTF-8, then charset-normalizer.
    """
    from qda.errors import SourceRefused
    from qda.sources.encoding import decode_bytes

    try:
        text, _encoding = decode_bytes(raw, str(path))
    except SourceRefused as exc:
        raise DataError(str(exc)) from None
    return text


def _read_csv(path: Path) -> DataSet:
    import pandas as pd

    text = _decode(path.read_bytes(), path)
    sample = "\n".join(text.splitlines()[:20])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = max(",;\t", key=lambda d: sample.count(d))
    header = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                        skip_blank_lines=True)
    if len(header) == frame.shape[1]:
        frame.columns = [str(c).strip() for c in header]
    return DataSet(frame=_as_text(frame), path=str(path), first_row=2)


def _read_excel(path: Path) -> DataSet:
    import pandas as pd

    frame = pd.read_excel(path, sheet_name=0, dtype=object)
    frame.columns = [str(c).strip() for c in frame.columns]
    stamps = [c for c in frame.columns if c.casefold() in TIMESTAMP_HEADERS]
    return DataSet(frame=_as_text(frame), path=str(path), first_row=2, timestamp_columns=stamps)


def _read_sav(path: Path) -> DataSet:
    import pyreadstat

    frame, meta = pyreadstat.read_sav(str(path))
    labels = {col: {_cell(k): str(v) for k, v in vl.items()}
              for col, vl in (meta.variable_value_labels or {}).items()}
    return DataSet(frame=_as_text(frame), path=str(path), first_row=1, value_labels=labels)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = str(value).strip()
    return "" if text.casefold() in ("nan", "nat") else text


def _as_text(frame: "pd.DataFrame") -> "pd.DataFrame":
    frame = frame.astype(object)
    return frame.apply(lambda col: col.map(_cell)) if frame.shape[0] else frame


def _check_headers(data: DataSet) -> None:
    cols = data.columns
    seen: set[str] = set()
    for col in cols:
        if col in seen:
            raise DataError(tr("{file}: nama kolom {col!r} muncul dua kali di baris judul",
                               file=data.name, col=col))
        seen.add(col)
