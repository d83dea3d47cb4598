"""Dates as people read them, in the interface language: one formatter for the whole of qda.

- :func:`format_date` — ``2024-03-12`` → ``12 Maret 2024`` (reports, citations).
- :func:`format_datetime` — a stored timestamp (ISO 8601, UTC) → ``5 Des 2026, 18.07`` in local
  time (Indonesian writes the time with a full stop), ``5 Dec 2026, 18:07`` in English (memos,
  backups, review history, any list in the interface).
"""

from __future__ import annotations

from datetime import datetime

from qda.i18n import language as current_language

MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
SHORT_MONTHS = {
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def _lang(language: str | None) -> str:
    code = language or current_language()
    return code if code in MONTHS else "en"


def format_date(value: str | None, language: str | None = "id") -> str:
    """``2024-03-12`` (or a longer ISO timestamp) as ``12 Maret 2024``; other text is kept as it is."""
    if not value:
        return ""
    text = str(value).strip()
    head = text[:10]
    try:
        year, month, day = int(head[:4]), int(head[5:7]), int(head[8:10])
        if head[4] != "-" or head[7] != "-" or not 1 <= month <= 12:
            raise ValueError
    except (ValueError, IndexError):
        return text
    return f"{day} {MONTHS[_lang(language)][month - 1]} {year}"


def format_datetime(value: str | datetime | None, language: str | None = None, *, local: bool = True) -> str:
    """A timestamp as ``5 Des 2026, 18.07`` (``5 Dec 2026, 18:07`` in English), in local time when it
    carries a time zone and ``local``; text that is no timestamp is kept as it is. ``language``
    defaults to the interface language."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return str(value)
    if local and moment.tzinfo is not None:
        moment = moment.astimezone()
    code = _lang(language)
    sep = "." if code == "id" else ":"
    return f"{moment.day} {SHORT_MONTHS[code][moment.month - 1]} {moment.year}, {moment.hour:02d}{sep}{moment.minute:02d}"
