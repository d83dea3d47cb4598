"""Names close to a mistyped one, for messages that say what the user probably meant."""

from __future__ import annotations

from typing import Iterable

from qda.i18n import tr


def nearest_names(name: str, choices: Iterable[str], limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """Up to ``limit`` of ``choices`` most like ``name`` (rapidfuzz WRatio ≥ ``cutoff``), best first."""
    from rapidfuzz import fuzz, process, utils

    found = process.extract(str(name), list(choices), scorer=fuzz.WRatio, processor=utils.default_process,
                            limit=limit, score_cutoff=cutoff)
    return [match for match, _score, _index in found]


def not_found(what: str, name: object, choices: Iterable[str], listing: str) -> str:
    """``"<what> tidak ditemukan: X; mungkin maksud Anda: A, B? (semua: qda … )"`` in the interface language.

    ``what`` is the translated noun phrase ("kode", "dokumen"); ``listing`` the command that lists them.
    """
    message = tr("{what} tidak ditemukan: {name}", what=what, name=name)
    close = nearest_names(str(name), choices)
    if close:
        message += tr("; mungkin maksud Anda: {names}?", names=", ".join(tr("«{name}»", name=c) for c in close))
    return message + tr(" (daftar lengkap: {command})", command=listing)
