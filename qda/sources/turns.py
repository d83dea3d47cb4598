"""Speaker turns: one compiled regular expression over the whole text, then a dialogue rule.

A *label line* starts (after optional spaces) with an optional timestamp (``[00:01:23]``,
``(00:12:05)``, ``00:12:05``, ``[01:23]``, and in brackets also ``[00.01.23]``), a label of
one to five words, an optional role in brackets (``Informan (Kasubag)``, kept in the speaker
name), an optional bracketed timestamp, and a colon, optionally followed by a bracketed
timestamp; the label may be in Markdown bold (``**P:**``). A label is *valid* if it is a
known label (``P``, ``I``, ``T``, ``J``, ``Q``, ``A``, ``R``, ``Pewawancara``, ``Informan``,
``Peneliti``, ``Narasumber``, ``Responden`` ... optionally numbered: ``Informan 3``,
``R1``), or a name or title whose words are all capitalised (``Bu Ratna``, ``Pak Hendra
Wijaya``, ``Ibu Kasubag``; one lower-case word is allowed after an honorific: ``Pak
camat``), and its first word is not a note word (``Catatan``, ``Pukul``, ``Keterangan``,
...).

Dialogue rule, to keep notes such as ``Catatan: ...`` from becoming speakers: a label is a
*speaker* if it occurs at least twice, or is a known label, or carries a timestamp. The
document has turns only if it has at least two speakers, or one speaker with at least two
timestamped turns (a recorded monologue), or one recurring speaker answered at least once by
an honorific-led name (``Bu Ratna`` twice, ``Pak Hendra`` once). Then every line of a
speaker is a turn, and so is a single line of an honorific-led name (``Pak Kasi: ...`` said
once); other label-like lines are text inside the current turn. A turn runs from the start
of its line to just before the next turn (trailing whitespace excluded): continuation
paragraphs belong to it.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import NamedTuple


class SpeakerTurn(NamedTuple):
    """One turn: speaker label as written, timestamp (without brackets) or None, span."""

    speaker: str
    timestamp: str | None
    start: int
    end: int


_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_DOTTED = r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:,\d{1,3})?"  # only inside brackets: [00.01.23]
_BRACKETED = rf"(?:\[{_DOTTED}\]|\({_DOTTED}\))"
_WORD = r"[^\W\d_][\w'’.\-]{0,24}"
_LINE_BODY = (
    rf"(?P<line>(?:(?P<ts1>{_BRACKETED}|{_TIME})[ \t]*(?:[-–—][ \t]*)?)?"
    rf"(?:\*\*)?(?P<label>{_WORD}(?:[ \t]+(?:{_WORD}|\d{{1,3}})){{0,4}})"
    rf"(?:[ \t]*\((?P<role>[^\W\d][^()\n:]{{0,29}})\))?"
    rf"(?:[ \t]*(?P<ts2>{_BRACKETED}))?[ \t]*(?:\*\*)?:(?:\*\*)?"
    rf"(?:[ \t]*(?P<ts3>{_BRACKETED}))?)"
)
# A literal "\n" first lets the regex engine skip quickly from line to line (a pattern such
# as "\n+" loses that and scans 2.5x slower); the first line of the searched range is tried
# separately with _TURN_AT.
_TURN_NL = re.compile(r"\n[ \t]*" + _LINE_BODY)
_TURN_AT = re.compile(r"[ \t]*" + _LINE_BODY)

KNOWN_LABELS = frozenset(
    """p i t j q a r n pewawancara informan peneliti narasumber responden penanya penjawab tanya
    jawab pertanyaan jawaban interviewer interviewee informant respondent researcher moderator
    fasilitator peserta partisipan participant""".split()
)
HONORIFICS = frozenset(
    """bu ibu pak bapak mbak mba mas bang abang kak kakak dik adik sdr sdr. sdri sdri. saudara saudari
    dr dr. drs drs. dra dra. ir ir. h. hj. prof prof. kang teh uda uni""".split()
)
NOTE_WORDS = frozenset(
    """catatan keterangan pukul jam waktu tanggal hari lokasi tempat situasi suasana kegiatan hasil
    kesimpulan temuan refleksi komentar note notes observasi pengamatan deskripsi analisis tema
    judul jenis sumber contoh misalnya yaitu yakni pertama kedua ketiga keempat kelima langkah tahap
    poin bab pasal ayat tabel gambar lampiran agenda acara topik perihal hal nomor no memo nb ps
    tujuan sasaran masalah nama jabatan usia umur pendidikan durasi dokumen kode catatan_lapangan
    kategori subkategori indikator dimensi faktor aspek simpulan ringkasan summary conclusion
    step phase section table figure example time date location""".split()
)
_NUMBERED = re.compile(r"([^\W\d_]+)(?:[ \t]*\d{1,3}|[ \t]+[a-z])")


@lru_cache(maxsize=4096)
def _classify(label: str) -> tuple[str, str, bool, bool, bool]:
    """(speaker as written, key, valid, known, honorific-led) of a label; cached per label.

    A role in brackets is part of the speaker (``Informan (Kasubag)``) but not of the
    rules, which look at the name before it.
    """
    speaker = " ".join(label.split())
    key = speaker.casefold()
    name = speaker.split(" (", 1)[0]
    base = name.casefold()
    return speaker, key, _is_valid(name, base), _is_known(base), _honorific_led(base)


def _is_known(key: str) -> bool:
    if key in KNOWN_LABELS:
        return True
    numbered = _NUMBERED.fullmatch(key)
    return numbered is not None and numbered.group(1) in KNOWN_LABELS


def _is_valid(label: str, key: str) -> bool:
    words = label.split()
    first = words[0].casefold()
    if first in NOTE_WORDS or first.rstrip(".") in NOTE_WORDS:
        return False
    if _is_known(key):
        return True
    rest = words[1:]
    if first in HONORIFICS and rest:
        return all(w[0].isupper() or w.isdigit() for w in rest[1:])
    return words[0][0].isupper() and all(w[0].isupper() or w.isdigit() for w in rest)


def _honorific_led(key: str) -> bool:
    parts = key.split()
    return len(parts) > 1 and parts[0] in HONORIFICS


_GROUPS = tuple(_TURN_NL.groupindex[g] for g in ("label", "role", "ts1", "ts2", "ts3"))
_LINE = _TURN_NL.groupindex["line"]


def find_turns(text: str, start: int = 0) -> list[SpeakerTurn]:
    """Speaker turns in ``text`` from position ``start`` (after the header), by the rule above."""
    # one tight pass collects the valid label lines; each distinct label is judged once
    candidates: list[tuple[int, int, str, str, str | None]] = []  # (line start, line break before it, speaker, key, stamp)
    counts: dict[str, int] = {}
    stamped: dict[str, int] = {}
    judged: dict[str, tuple[str, str, bool, bool, bool]] = {}
    first = _TURN_AT.match(text, start) if start == 0 or text[start - 1] == "\n" else None
    matches = _TURN_NL.finditer(text, start)
    if first is not None:
        matches = itertools.chain((first,), matches)
    group, line = _GROUPS, _LINE
    for match in matches:
        label, role, ts1, ts2, ts3 = match.group(*group)
        if role:
            label = f"{label} ({role})"
        info = judged.get(label)
        if info is None:
            info = judged[label] = _classify(label)
        if not info[2]:
            continue
        key = info[1]
        stamp = ts1 or ts2 or ts3
        candidates.append((match.start(line), match.start(), info[0], key, stamp))
        counts[key] = counts.get(key, 0) + 1
        if stamp:
            stamped[key] = stamped.get(key, 0) + 1
    if len(candidates) < 2:
        return []
    known = {info[1] for info in judged.values() if info[2] and info[3]}
    honorific = {info[1] for info in judged.values() if info[2] and info[4]}
    speakers = {key for key, n in counts.items() if n >= 2 or key in stamped or key in known}
    if len(speakers) == 1:
        only = next(iter(speakers))
        guests = any(key != only for key in honorific)
        if not (stamped.get(only, 0) >= 2 or (guests and counts[only] >= 2)):
            return []
    elif not speakers:
        return []
    if len(speakers) < len(counts) or honorific - speakers:
        kept = [c for c in candidates if c[3] in speakers or c[3] in honorific]
    else:
        kept = candidates
    turns: list[SpeakerTurn] = []
    append = turns.append
    new = tuple.__new__
    ends = [c[1] for c in kept[1:]]
    ends.append(len(text))
    for (begin, _gap, speaker, _key, stamp), end in zip(kept, ends):
        # the turn ends before the whitespace that precedes the next one (a short tail is
        # stripped in one call; only a long run of blank lines needs the loop)
        tail = text[max(begin, end - 8):end]
        left = len(tail.rstrip())
        end -= len(tail) - left
        if not left:
            while end > begin and text[end - 1].isspace():
                end -= 1
        append(new(SpeakerTurn, (speaker, stamp.strip("[]()") if stamp else None, begin, end)))
    return turns
