"""Applying, removing, recoding and querying segments; positions are code points."""

from __future__ import annotations

import pytest

from qda.errors import InvalidSpan, NotFound
from tests.store.conftest import TEXT


def test_segment_text_is_a_python_slice_even_after_astral_characters(project):
    start = TEXT.index("Printer")
    end = TEXT.index("menumpuk") + len("menumpuk")
    assert TEXT.index("𝔸") < end and TEXT.index("🙂") < start
    seg = project.segments.add("uji.txt", start, end, "Kebijakan dan Manajemen SDM")
    assert project.segments.text(seg) == TEXT[start:end]
    assert [r["text"] for r in project.segments.rows()] == [TEXT[start:end]]


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 3), (0, len(TEXT) + 1)])
def test_bounds_are_validated(project, start, end):
    with pytest.raises(InvalidSpan):
        project.segments.add("uji.txt", start, end, "Responsivitas")
    assert project.segments.all() == []


def test_overlaps_allowed_and_ordering(project):
    a = project.segments.add("uji.txt", 40, 80, "Responsivitas")
    b = project.segments.add("uji.txt", 50, 70, "Produktivitas")
    c = project.segments.add("uji.txt", 40, 80, "Produktivitas")
    assert [s.id for s in project.segments.all()] == [a.id, c.id, b.id]
    assert [s.id for s in project.segments.all(code="produktivitas")] == [c.id, b.id]


def test_who_and_when_recorded_and_filters(project):
    a = project.segments.add("uji.txt", 40, 80, "Responsivitas")
    project.coders.set_current("Agus", "coder")
    b = project.segments.add("uji.txt", 41, 80, "Responsivitas")
    assert project.coders.get(a.coder_id).name == "Rina"
    assert project.coders.get(b.coder_id).name == "Agus"
    assert [s.id for s in project.segments.all(coder="Rina")] == [a.id]
    assert a.created <= b.created
    history = project.events.all(b.uuid)
    assert history[0].action == "segment.add" and history[0].coder_id == b.coder_id


def test_remove_and_recode(project):
    seg = project.segments.add("uji.txt", 40, 80, "Responsivitas")
    project.memos.set(seg, "memo")
    recoded = project.segments.recode(seg, "Akuntabilitas")
    assert project.codes.get(recoded.code_id).name == "Akuntabilitas"
    assert project.memos.get(recoded) == "memo"
    project.segments.remove(seg)
    assert project.segments.all() == [] and project.memos.all() == []
    with pytest.raises(NotFound):
        project.segments.get(seg.id)


def test_batch_is_all_or_none(project):
    doc = project.documents.get("uji.txt").id
    code = project.codes.get("Responsivitas").id
    assert project.segments.add_many([(doc, 0, 10, code), (doc, 10, 20, code)]) == 2
    with pytest.raises(InvalidSpan):
        project.segments.add_many([(doc, 0, 10, code), (doc, 10, 10_000, code)])
    assert len(project.segments.all()) == 2


def test_include_subcodes(project):
    parent = project.codes.add("Inovasi Layanan")
    child = project.codes.add("Digitalisasi", parent=parent)
    project.segments.add("uji.txt", 0, 10, child)
    assert project.segments.all(code=parent) == []
    assert len(project.segments.all(code=parent, include_subcodes=True)) == 1


def test_documents_cascade_and_rename(project):
    seg = project.segments.add("uji.txt", 40, 80, "Responsivitas")
    project.reviews.add(seg, "needs_revision", "perjelas batas kutipan")
    project.documents.rename("uji.txt", "wawancara_uji.txt")
    assert project.segments.rows()[0]["document"] == "wawancara_uji.txt"
    assert [t.speaker for t in project.documents.turns("wawancara_uji.txt")] == ["P", "I"]
    project.documents.delete("wawancara_uji.txt")
    assert project.segments.all() == [] and project.reviews.all() == [] and project.documents.all() == []
    assert project._one("SELECT COUNT(*) FROM turn") == 0


def test_cases_attributes_and_memos(project):
    doc = project.documents.get("uji.txt")
    case = project.cases.of_document(doc)
    assert case.name == "Informan 1"
    project.cases.set_attribute(case, "Jabatan", "Kasubag TU")
    project.cases.set_attribute(case, "Usia", "51")
    project.cases.set_attribute(case, "Usia", None)
    assert project.cases.get("Informan 1").attributes == {"Jabatan": "Kasubag TU"}
    project.documents.set_attribute(doc, "Lokasi", "Ruang TU")
    assert project.documents.attributes(doc) == {"Judul": "Wawancara uji", "Lokasi": "Ruang TU"}
    code = project.codes.get("Responsivitas")
    for target, text in ((None, "proyek"), (doc, "dokumen"), (code, "kode"), (case, "kasus")):
        project.memos.set(target, text)
        assert project.memos.get(target) == text
    project.memos.set(code, "kode diperbarui")
    assert [m.target_kind for m in project.memos.all()] == ["project", "document", "code", "case"]
    assert project.memos.get(code) == "kode diperbarui"
    project.memos.set(code, "")
    assert project.memos.get(code) is None


def test_reviews_keep_history(project):
    seg = project.segments.add("uji.txt", 40, 80, "Responsivitas")
    project.coders.set_current("Dr. Sri", "supervisor")
    project.reviews.add(seg, "needs_revision", "terlalu panjang")
    project.reviews.add(seg, "approved")
    assert [r.status for r in project.reviews.all(seg)] == ["needs_revision", "approved"]
    assert project.reviews.latest(seg).status == "approved"
    assert project.reviews.latest_statuses() == {seg.id: "approved"}
    with pytest.raises(ValueError):
        project.reviews.add(seg, "maybe")


def test_the_same_coding_is_stored_once(project):
    from qda.errors import AlreadyExists

    project.segments.add("uji.txt", 40, 80, "Responsivitas")
    with pytest.raises(AlreadyExists):
        project.segments.add("uji.txt", 40, 80, "responsivitas")
    project.segments.add("uji.txt", 40, 80, "Akuntabilitas")  # another code on the span is fine
    project.coders.set_current("Agus")
    project.segments.add("uji.txt", 40, 80, "Responsivitas")  # and another coder's coding too
    doc, code = project.documents.get("uji.txt").id, project.codes.get("Responsivitas").id
    assert project.segments.add_many([(doc, 40, 80, code), (doc, 0, 9, code), (doc, 0, 9, code)]) == 1
    assert len(project.segments.all()) == 4
    first = project.segments.all(code="Akuntabilitas")[0]
    with pytest.raises(AlreadyExists):  # Rina already has Responsivitas on that span
        project.segments.recode(first, "Responsivitas")
