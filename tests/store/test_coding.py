"""Applying, removing, recoding and querying segments; positions are code points."""

from __future__ import annotations

import pytest

from qda.errors import InvalidSpan, NotFound
from tests.store.conftest import TEXT


def test_segment_text_is_a_python_slice_even_after_astral_characters(project):
    start = TEXT.index("Printer")
    end = TEXT.index("menumpuk") + len("menumpuk")
    assert TEXT.index("𝔸") < end and TEXT.index("🙂") < start
    seg = project.add_segment("uji.txt", start, end, "Kebijakan dan Manajemen SDM")
    assert project.segment_text(seg) == TEXT[start:end]
    assert [r["text"] for r in project.segment_rows()] == [TEXT[start:end]]


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 3), (0, len(TEXT) + 1)])
def test_bounds_are_validated(project, start, end):
    with pytest.raises(InvalidSpan):
        project.add_segment("uji.txt", start, end, "Responsivitas")
    assert project.segments() == []


def test_overlaps_allowed_and_ordering(project):
    a = project.add_segment("uji.txt", 40, 80, "Responsivitas")
    b = project.add_segment("uji.txt", 50, 70, "Produktivitas")
    c = project.add_segment("uji.txt", 40, 80, "Produktivitas")
    assert [s.id for s in project.segments()] == [a.id, c.id, b.id]
    assert [s.id for s in project.segments(code="produktivitas")] == [c.id, b.id]


def test_who_and_when_recorded_and_filters(project):
    a = project.add_segment("uji.txt", 40, 80, "Responsivitas")
    project.set_coder("Agus", "coder")
    b = project.add_segment("uji.txt", 41, 80, "Responsivitas")
    assert project.coder_by(a.coder_id).name == "Rina"
    assert project.coder_by(b.coder_id).name == "Agus"
    assert [s.id for s in project.segments(coder="Rina")] == [a.id]
    assert a.created <= b.created
    history = project.events(b.uuid)
    assert history[0].action == "segment.add" and history[0].coder_id == b.coder_id


def test_remove_and_recode(project):
    seg = project.add_segment("uji.txt", 40, 80, "Responsivitas")
    project.set_memo(seg, "memo")
    recoded = project.recode_segment(seg, "Akuntabilitas")
    assert project.code(recoded.code_id).name == "Akuntabilitas"
    assert project.memo(recoded) == "memo"
    project.remove_segment(seg)
    assert project.segments() == [] and project.memos() == []
    with pytest.raises(NotFound):
        project.segment(seg.id)


def test_batch_is_all_or_none(project):
    doc = project.document("uji.txt").id
    code = project.code("Responsivitas").id
    assert project.add_segments([(doc, 0, 10, code), (doc, 10, 20, code)]) == 2
    with pytest.raises(InvalidSpan):
        project.add_segments([(doc, 0, 10, code), (doc, 10, 10_000, code)])
    assert len(project.segments()) == 2


def test_include_subcodes(project):
    parent = project.add_code("Inovasi Layanan")
    child = project.add_code("Digitalisasi", parent=parent)
    project.add_segment("uji.txt", 0, 10, child)
    assert project.segments(code=parent) == []
    assert len(project.segments(code=parent, include_subcodes=True)) == 1


def test_documents_cascade_and_rename(project):
    seg = project.add_segment("uji.txt", 40, 80, "Responsivitas")
    project.add_review(seg, "needs_revision", "perjelas batas kutipan")
    project.rename_document("uji.txt", "wawancara_uji.txt")
    assert project.segment_rows()[0]["document"] == "wawancara_uji.txt"
    assert [t.speaker for t in project.turns("wawancara_uji.txt")] == ["P", "I"]
    project.delete_document("wawancara_uji.txt")
    assert project.segments() == [] and project.reviews() == [] and project.documents() == []
    assert project._one("SELECT COUNT(*) FROM turn") == 0


def test_cases_attributes_and_memos(project):
    doc = project.document("uji.txt")
    case = project.document_case(doc)
    assert case.name == "Informan 1"
    project.set_case_attribute(case, "Jabatan", "Kasubag TU")
    project.set_case_attribute(case, "Usia", "51")
    project.set_case_attribute(case, "Usia", None)
    assert project.case("Informan 1").attributes == {"Jabatan": "Kasubag TU"}
    project.set_document_attribute(doc, "Lokasi", "Ruang TU")
    assert project.document_attributes(doc) == {"Judul": "Wawancara uji", "Lokasi": "Ruang TU"}
    code = project.code("Responsivitas")
    for target, text in ((None, "proyek"), (doc, "dokumen"), (code, "kode"), (case, "kasus")):
        project.set_memo(target, text)
        assert project.memo(target) == text
    project.set_memo(code, "kode diperbarui")
    assert [m.target_kind for m in project.memos()] == ["project", "document", "code", "case"]
    assert project.memo(code) == "kode diperbarui"
    project.set_memo(code, "")
    assert project.memo(code) is None


def test_reviews_keep_history(project):
    seg = project.add_segment("uji.txt", 40, 80, "Responsivitas")
    project.set_coder("Dr. Sri", "supervisor")
    project.add_review(seg, "needs_revision", "terlalu panjang")
    project.add_review(seg, "approved")
    assert [r.status for r in project.reviews(seg)] == ["needs_revision", "approved"]
    assert project.latest_review(seg).status == "approved"
    assert project.latest_statuses() == {seg.id: "approved"}
    with pytest.raises(ValueError):
        project.add_review(seg, "maybe")


def test_the_same_coding_is_stored_once(project):
    from qda.errors import AlreadyExists

    project.add_segment("uji.txt", 40, 80, "Responsivitas")
    with pytest.raises(AlreadyExists):
        project.add_segment("uji.txt", 40, 80, "responsivitas")
    project.add_segment("uji.txt", 40, 80, "Akuntabilitas")  # another code on the span is fine
    project.set_coder("Agus")
    project.add_segment("uji.txt", 40, 80, "Responsivitas")  # and another coder's coding too
    doc, code = project.document("uji.txt").id, project.code("Responsivitas").id
    assert project.add_segments([(doc, 40, 80, code), (doc, 0, 9, code), (doc, 0, 9, code)]) == 1
    assert len(project.segments()) == 4
    first = project.segments(code="Akuntabilitas")[0]
    with pytest.raises(AlreadyExists):  # Rina already has Responsivitas on that span
        project.recode_segment(first, "Responsivitas")
