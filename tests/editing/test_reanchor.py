"""Editing a source's text: codings re-anchored with known answers, flags, versions, undo."""

from __future__ import annotations

import pytest

from qda.editing import EditText, anonymise, apply_edit, plan_edit
from qda.editing.diff import PositionMap, equal_blocks
from qda.errors import InvalidValue
from qda.sources import parse_transcript
from qda.store import Project
from qda.undo import UndoStack

S1 = "Surat masuk dicatat di agenda, lalu diteruskan ke pimpinan."
S2 = "Kalau pimpinan dinas luar, disposisinya tertahan dua hari."
S3 = "Sejak pakai SRIKANDI lebih cepat – tapi jaringannya sering putus…"
S4 = "Pemindai hanya satu, jadi kami bergantian."
S5 = "Target kami surat sampai di meja pimpinan dalam satu hari kerja."
TEXT = (f"Judul: Wawancara uji\nInforman: Informan 1\n\nP: Bagaimana alur surat di sini, Bu?\n\n"
        f"I: {S1} {S2} {S3}\n\nP: Apa kendalanya?\n\nI: {S4} {S5}\n\nP: Terima kasih, Bu.\n")


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "uji.qda", coder="Rina")
    parsed = parse_transcript(TEXT.rstrip(), file_name="wawancara_uji.txt")
    p.documents.add("wawancara_uji.txt", parsed.text, "interview", turns=parsed.turns,
                   attributes=parsed.attributes, case=parsed.case)
    yield p
    p.close()


def code(project, sentence: str, name: str = "Responsivitas"):
    text = project.documents.text("wawancara_uji.txt")
    start = text.index(sentence)
    return project.segments.add("wawancara_uji.txt", start, start + len(sentence), name)


def where(project, seg) -> str:
    return project.segments.text(seg.id)


def test_edit_before_inside_and_after_codings(project):
    a, b, c = code(project, S2), code(project, S4), code(project, S5, "Produktivitas")
    old = project.documents.text("wawancara_uji.txt")
    new = (old.replace("Bagaimana alur surat", "Bagaimana alur pelayanan surat")  # before all codings
              .replace("disposisinya tertahan", "disposisinya bisa tertahan")  # inside a
              .replace("Terima kasih, Bu.", "Terima kasih banyak, Bu."))  # after all
    result = apply_edit(project, "wawancara_uji.txt", new)
    assert where(project, a) == "Kalau pimpinan dinas luar, disposisinya bisa tertahan dua hari."
    assert where(project, b) == S4 and where(project, c) == S5
    start_b = new.index(S4)
    assert (project.segments.get(b.id).start, project.segments.get(b.id).end) == (start_b, start_b + len(S4))
    assert result.plan.counts == {"exact": 2, "adjusted": 1, "moved": 0, "flagged": 0}
    assert project.versions.flags() == []


def test_typo_on_the_first_and_last_letter_keeps_the_whole_excerpt(project):
    seg = code(project, S4)
    old = project.documents.text("wawancara_uji.txt")
    new = old.replace("Pemindai hanya satu, jadi kami bergantian.", "pemindai hanya satu, jadi kami bergantian!")
    apply_edit(project, "wawancara_uji.txt", new)
    assert where(project, seg) == "pemindai hanya satu, jadi kami bergantian!"


def test_deleted_coded_sentence_is_flagged_with_its_old_excerpt(project):
    gone, kept = code(project, S2), code(project, S3)
    old = project.documents.text("wawancara_uji.txt")
    result = apply_edit(project, "wawancara_uji.txt", old.replace(S2 + " ", ""))
    assert [p.id for p in result.plan.flagged] == [gone.id]
    flags = project.versions.flags()
    assert [(f.segment_id, f.old_text, f.reason, f.status) for f in flags] == [(gone.id, S2, "deleted", "open")]
    assert where(project, kept) == S3
    assert project.versions.flagged_segment_ids() == {gone.id}


def test_moved_paragraph_is_found_again(project):
    seg = code(project, S4)
    old = project.documents.text("wawancara_uji.txt")
    para = f"I: {S4} {S5}\n\n"
    first_q = "P: Bagaimana alur surat di sini, Bu?\n\n"
    new = old.replace(para, "").replace(first_q, first_q + para)
    assert new != old and len(new) == len(old)
    result = apply_edit(project, "wawancara_uji.txt", new)
    assert where(project, seg) == S4 and project.segments.get(seg.id).start == new.index(S4)
    assert result.plan.counts["flagged"] == 0


def test_replaced_coded_sentence_is_flagged_not_moved_silently(project):
    seg = code(project, S3)
    old = project.documents.text("wawancara_uji.txt")
    result = apply_edit(project, "wawancara_uji.txt",
                        old.replace(S3, "Aplikasi baru belum dipakai karena pelatihannya belum ada."))
    assert result.plan.flagged and result.plan.flagged[0].id == seg.id


def test_coding_cut_by_a_moved_block_is_flagged(project):
    seg = code(project, f"{S4} {S5}")
    old = project.documents.text("wawancara_uji.txt")
    first_q = "P: Bagaimana alur surat di sini, Bu?\n\n"
    new = old.replace(f"{S4} {S5}", S4).replace(first_q, f"{first_q}I: {S5}\n\n")
    result = apply_edit(project, "wawancara_uji.txt", new)
    assert [p.id for p in result.plan.flagged] == [seg.id]


def test_undo_restores_text_spans_turns_and_flags_exactly_and_redo_repeats(project):
    segs = [code(project, s) for s in (S1, S2, S3, S4, S5)]
    review = project.reviews.add(segs[1].id, "approved", "bagus")
    project.memos.set(segs[1], "memo pada koding")
    before_text = project.documents.text("wawancara_uji.txt")
    before_spans = [(s.id, s.start, s.end) for s in project.segments.all()]
    before_turns = project.documents.turns("wawancara_uji.txt")
    doc = project.documents.get("wawancara_uji.txt")
    new = before_text.replace(S1 + " ", "").replace("dua hari", "tiga hari").replace(
        "P: Apa kendalanya?", "P: Apa kendalanya, Bu?\n\nI: Banyak.\n\nP: Misalnya?")
    stack = UndoStack(project)
    events = len(project.events.all())
    stack.push(EditText(doc.id, new))
    assert len(project.events.all()) == events + 1 and project.events.all()[-1].action == "document.edit"
    after_spans = [(s.id, s.start, s.end) for s in project.segments.all()]
    assert len(project.documents.turns(doc.id)) == len(before_turns) + 2
    assert project.versions.flags() and project.versions.text_before(project.versions.versions()[0].id) == before_text
    assert project.reviews.all(segs[1].id)[0].id == review.id and project.memos.get(segs[1]) == "memo pada koding"
    stack.undo()
    assert project.documents.text(doc.id) == before_text
    assert [(s.id, s.start, s.end) for s in project.segments.all()] == before_spans
    assert [(t.speaker, t.start, t.end) for t in project.documents.turns(doc.id)] == \
        [(t.speaker, t.start, t.end) for t in before_turns]
    assert project.versions.flags() == [] and project.versions.versions() == []
    assert project.documents.get(doc.id).words == doc.words
    stack.redo()
    assert project.documents.text(doc.id) == new.rstrip()
    assert [(s.id, s.start, s.end) for s in project.segments.all()] == after_spans
    assert len(project.versions.flags()) == 1


def test_edit_is_one_transaction(project, monkeypatch):
    seg = code(project, S2)
    old = project.documents.text("wawancara_uji.txt")
    versions = project.versions

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(versions, "_insert_flags", broken)
    with pytest.raises(RuntimeError):
        apply_edit(project, "wawancara_uji.txt", old.replace(S2, "Sama sekali lain kalimatnya di sini ya."))
    assert project.documents.text("wawancara_uji.txt") == old
    assert where(project, seg) == S2 and project.versions.versions() == []


def test_empty_or_unchanged_text_is_refused(project):
    old = project.documents.text("wawancara_uji.txt")
    with pytest.raises(InvalidValue):
        apply_edit(project, "wawancara_uji.txt", "   \n")
    with pytest.raises(InvalidValue):
        apply_edit(project, "wawancara_uji.txt", old)


def test_anonymise_replaces_text_attributes_and_is_undoable(project):
    project.cases.set_attribute("Informan 1", "Nama", "Ratna Dewi")
    seg = code(project, S4)
    doc = project.documents.get("wawancara_uji.txt")
    text = project.documents.text(doc.id)
    apply_edit(project, doc.id, text.replace("Bu?", "Bu Ratna?").replace(S4, f"Kata Ratna Dewi: {S4}"))
    seg_text = where(project, seg)
    results = anonymise(project, ["Ratna Dewi", "ratna"], "INF-01")
    assert len(results) == 1
    now = project.documents.text(doc.id)
    assert "Ratna" not in now and now.count("INF-01") == 2
    assert project.cases.get("Informan 1").attributes["Nama"] == "INF-01"
    assert where(project, seg) == seg_text
    project.versions.revert(results[0].version_id)
    assert project.cases.get("Informan 1").attributes["Nama"] == "Ratna Dewi"
    assert "Bu Ratna?" in project.documents.text(doc.id)


def test_position_map_edges():
    old, new = "ab cd ef", "ab XY cd ef"
    pmap = PositionMap(equal_blocks(old, new), len(old), len(new))
    assert pmap.start(3) == 6 and pmap.end(5) == 8  # "cd" moves right by three
    assert pmap.end(2) == 2  # text inserted at an end stays after it


def test_plan_writes_nothing(project):
    code(project, S2)
    old = project.documents.text("wawancara_uji.txt")
    plan = plan_edit(project, "wawancara_uji.txt", old.replace(S2, ""))
    assert plan.counts["flagged"] == 1
    assert project.documents.text("wawancara_uji.txt") == old and project.versions.versions() == []


def test_anonymised_names_of_two_sources_stay_distinct(project):
    project.documents.add("wawancara_ratna.txt", "P: Halo Ratna.\nI: Halo.", "interview")
    project.documents.add("wawancara_INF-01.txt", "P: Halo.\nI: Halo juga.", "interview")
    anonymise(project, ["Ratna"], "INF-01")
    names = {d.name for d in project.documents.all()}
    assert "wawancara_INF-01 (2).txt" in names and "wawancara_INF-01.txt" in names
