"""Number formats, line numbers and citation text."""

from __future__ import annotations

import random

from qda.reports.citations import LineIndex, citation, line_span
from qda.reports.lang import Wording, format_date
from qda.survey.numfmt import fmt as fmt_num
from qda.survey.numfmt import fmt_int, fmt_pct


def test_indonesian_and_english_number_formats():
    assert fmt_pct(71.9333, 2, "id") == "71,93%"
    assert fmt_pct(71.9333, 2, "en") == "71.93%"
    assert fmt_int(1079, "id") == "1.079"
    assert fmt_int(1079, "en") == "1,079"
    assert fmt_num(21.5503, 3, "id") == "21,550"
    assert fmt_num(1234567.891, 2, "id") == "1.234.567,89"
    assert fmt_num(-0.0001, 3, "id") == "0,000"
    assert fmt_num(float("nan"), 3) == "–"


def test_dates_written_out():
    assert format_date("2024-03-12", "id") == "12 Maret 2024"
    assert format_date("2024-03-12T10:00:00", "en") == "12 March 2024"
    assert format_date("Selasa pagi", "id") == "Selasa pagi"


def test_line_span_counts_non_empty_paragraphs():
    rng = random.Random(7)
    text = "".join(rng.choice("ab \n\n") for _ in range(3000))
    starts, pos = [], 0
    for line in text.split("\n"):  # (start, numbered?) of each raw line
        starts.append((pos, bool(line.strip())))
        pos += len(line) + 1
    total = sum(full for _s, full in starts)

    def upto(offset):
        return sum(full for s, full in starts if s <= offset)

    def own_line(offset):
        return max(i for i, (s, _f) in enumerate(starts) if s <= offset)

    index = LineIndex(text)
    for _ in range(500):
        start = rng.randrange(len(text) - 1)
        end = rng.randrange(start + 1, len(text) + 1)
        first = upto(start) if starts[own_line(start)][1] else min(upto(start) + 1, total)
        last = max(first, upto(end - 1), 1)
        assert index.span(start, end) == (max(first, 1), last) == line_span(text, start, end)


def test_interview_and_observation_citations():
    cite = citation("interview", (45, 52), document_name="w3.txt",
                    document_attributes={"Tanggal": "2024-03-12"},
                    case_name="Informan 3", case_attributes={"Informan": "3", "Jabatan": "Kasubag TU"})
    assert cite == "(Informan 3, Kasubag TU, wawancara 12 Maret 2024, baris 45–52)"
    obs = citation("observation", (10, 14), document_name="obs.txt",
                   document_attributes={"Lokasi": "ruang arsip", "Tanggal": "2024-03-14"})
    assert obs == "(Observasi, ruang arsip, 14 Maret 2024, baris 10–14)"
    en = citation("observation", (10, 10), document_attributes={"lokasi": "archive"}, language="en")
    assert en == "(Observation, archive, line 10)"


def test_wording_records_missing_english():
    w = Wording("en")
    assert w("Teks yang tidak pernah diterjemahkan {n}", n=2) == "Teks yang tidak pernah diterjemahkan 2"
    assert "Teks yang tidak pernah diterjemahkan {n}" in w.missing
