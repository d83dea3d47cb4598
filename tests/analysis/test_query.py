"""Code queries on constructed overlaps: every expected passage was worked out by hand."""

from __future__ import annotations

import pytest

from qda.analysis import Filters, QuerySyntaxError, parse, run_query
from tests.analysis.small_project import A, K, R, S


def spans(project, query, **filters):
    result = run_query(project, query, Filters(**filters))
    return [(project_doc(result, p.document_id), p.start, p.end) for p in result.passages]


def project_doc(result, doc_id):
    return result.corpus.documents[doc_id].name


def test_a_code_alone_gives_its_passages_two_coders_one_passage(small):
    assert spans(small, R) == [("a.txt", 0, 30), ("a.txt", 100, 120), ("b.txt", 25, 38)]
    row = run_query(small, R).rows()[0]
    assert row["coder"] == "Budi; Dewi" and row["code"] == R and len(row["segments"]) == 2


def test_and_is_the_text_coded_by_both(small):
    assert spans(small, f"{R} AND {K}") == [("a.txt", 10, 20), ("a.txt", 25, 30)]
    assert spans(small, f"{R} DAN {K}") == spans(small, f"{R} AND {K}")


def test_not_keeps_passages_that_overlap_nothing_of_the_other(small):
    assert spans(small, f"{R} NOT {K}") == [("a.txt", 100, 120), ("b.txt", 25, 38)]
    assert spans(small, f"{R} AND NOT {K}") == spans(small, f"{R} NOT {K}")


def test_overlaps_keeps_whole_passages(small):
    assert spans(small, f"{R} OVERLAPS {K}") == [("a.txt", 0, 30)]
    assert spans(small, f"{K} OVERLAPS {R}") == [("a.txt", 10, 20), ("a.txt", 25, 50)]


def test_near_counts_characters_between(small):
    assert spans(small, f"{R} NEAR/10 {S}") == [("a.txt", 100, 120)]
    assert spans(small, f"{R} NEAR/9 {S}") == []
    assert spans(small, f"{A} DEKAT/2 {S}") == [("a.txt", 200, 210)]


def test_same_sentence_and_same_turn(small):
    # A [200,210) shares sentence 11 with S; in b.txt R and K sit in different sentences of one turn
    assert spans(small, f"{A} SENTENCE {S}") == [("a.txt", 200, 210)]
    assert spans(small, f"{R} KALIMAT {K}") == [("a.txt", 0, 30)]
    assert spans(small, f"{R} TURN {K}") == [("b.txt", 25, 38)]


def test_precedence_and_brackets(small):
    assert spans(small, f"{R} OR {A} AND {S}") == [("a.txt", 0, 30), ("a.txt", 100, 120), ("a.txt", 205, 210),
                                                     ("b.txt", 25, 38)]
    assert spans(small, f"({R} OR {A}) AND {S}") == [("a.txt", 205, 210)]


def test_filters_coder_status_attribute_kind(small):
    assert spans(small, R, coders=["Budi"]) == [("a.txt", 0, 30)]
    assert spans(small, A, statuses=["approved"]) == [("a.txt", 300, 320)]
    assert spans(small, A, statuses=["unreviewed"]) == [("a.txt", 200, 210)]
    assert spans(small, K, attributes={"jabatan": ["staf"]}) == [("b.txt", 40, 53), ("b.txt", 67, 90)]
    assert spans(small, K, kinds=["document"]) == []


def test_rows_carry_lines_status_memo_and_context(small):
    rows = run_query(small, R).rows(context=5)
    assert rows[1]["memo"] == "cepat tanggap" and rows[1]["status"] == "unreviewed"
    assert rows[2]["line_start"] == 2 and rows[2]["text"] == "Layanan cepat" and rows[2]["before"] == "?\nI: "
    assert run_query(small, A, Filters(statuses=["approved"])).rows()[0]["status"] == "approved"


@pytest.mark.parametrize("query, position, fragment", [
    ("", 0, "kosong"),
    ("Responsivitas AND", 17, "berakhir"),
    ("Responsivitas AND (Akuntabilitas", 18, "tidak ditutup"),
    ("Responsivitas) OR Akuntabilitas", 13, "kurung tutup"),
    ("AND Responsivitas", 0, "sebelum operator"),
    ("Responsivitas NEAR Akuntabilitas", 14, "NEAR/50"),
    ('Responsivitas OR "Akunt', 17, "kutip"),
    ("Responsivitas OR OR Akuntabilitas", 17, "sebelum operator"),
    ("(Responsivitas) (Akuntabilitas)", 16, "operator"),
])
def test_syntax_errors_name_the_position(query, position, fragment):
    with pytest.raises(QuerySyntaxError) as info:
        parse(query)
    assert info.value.position == position
    assert fragment in str(info.value)
    assert f"posisi {position + 1}" in str(info.value)


def test_unknown_code_points_at_it_and_suggests(small):
    query = f"{R} AND (Koordinasi OR Kepemimpinan yang Efktif)"
    with pytest.raises(QuerySyntaxError) as info:
        run_query(small, query)
    err = info.value
    assert query[err.position:err.position + err.length] == "Koordinasi"
    with pytest.raises(QuerySyntaxError) as info:
        run_query(small, f"{R} AND Kepemimpinan yang Efktif")
    assert "Kepemimpinan yang Efektif" in str(info.value)
    assert info.value.caret().splitlines()[1] == " " * 18 + "^" * len("Kepemimpinan yang Efktif")


def test_names_case_spacing_quotes_and_subcodes(small):
    assert spans(small, "responsivitas   AND  kepemimpinan YANG efektif") == [("a.txt", 10, 20), ("a.txt", 25, 30)]
    with pytest.raises(QuerySyntaxError, match="huruf kapital: AND"):
        run_query(small, "responsivitas and akuntabilitas")
    assert spans(small, f'"{R}" OR Rapat') == spans(small, R)
    small.segments.add("a.txt", 340, 350, "Rapat")
    assert ("a.txt", 340, 350) in spans(small, K)  # a subcode's codings count for its parent
    assert ("a.txt", 340, 350) not in [(result_doc, s, e) for result_doc, s, e in
                                       [("a.txt", p.start, p.end) for p in run_query(small, K, include_subcodes=False).passages]]


def test_code_passages_one_per_coding_by_source_and_position(small):
    from qda.analysis import code_passages, corpus

    data = corpus(small)
    k = next(i for i, c in data.codes.items() if c.name == K)
    passages = code_passages(data, k)
    named = [(data.documents[p.document_id].name, p.start, p.end) for p in passages]
    # c3 and c4 (two coders, one span) stay two rows; the subcode Rapat has no codings
    assert named[:4] == [("a.txt", 10, 20), ("a.txt", 10, 20), ("a.txt", 25, 50), ("a.txt", 305, 310)]
    assert [n[0] for n in named[4:]] == ["b.txt", "b.txt"] and named[4][1] < named[5][1]
    assert all(len(p.coding_ids) == 1 for p in passages) and len({p.coding_ids for p in passages}) == 6
