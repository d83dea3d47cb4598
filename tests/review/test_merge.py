"""Merging two coders' copies of one project: new, same, conflicts, idempotence, atomicity."""

from __future__ import annotations

import shutil

import pytest

from qda.review.merge import MergeNeedsAnswers, merge_projects
from qda.store import Project

T1 = "P: Bagaimana pelayanan di kantor?\nI: Pelayanan cepat, pegawai ramah.\n"
T2 = "P: Apa kendalanya?\nI: Antrean panjang saat pagi.\n"


@pytest.fixture
def copies(tmp_path):
    base = tmp_path / "base.qda"
    with Project.create(base, codebook=False, coder="Dosen", role="supervisor") as p:
        p.documents.add("w1.txt", T1)
        p.documents.add("w2.txt", T2)
        p.codes.add("Responsivitas", group="dimension")
        p.codes.add("Kualitas", group="dimension")
        p.codes.add("Inovasi", group="factor")
    a, b = tmp_path / "ani.qda", tmp_path / "budi.qda"
    shutil.copy(base, a)
    shutil.copy(base, b)
    with Project.open(a, coder="Ani") as p:
        p.segments.add("w1.txt", 35, 50, "Responsivitas")
        p.memos.set(p.segments.all()[0], "cepat = responsif")
    with Project.open(b, coder="Budi") as p:
        p.segments.add("w1.txt", 35, 50, "Responsivitas")
        p.segments.add("w2.txt", 20, 47, "Kualitas")
        p.documents.add("w3.txt", "I: Loket online sudah ada.\n")
        p.codes.add("Digitalisasi", group="own")
        p.segments.add("w3.txt", 3, 15, "Digitalisasi")
        p.coders.set_current("Dosen", "supervisor")
        p.reviews.add(p.segments.all(coder="Budi")[0], "needs_revision", "terlalu pendek")
    return a, b


def _counts(path):
    with Project.open(path, read_only=True) as p:
        return p.stats(), len(p.reviews.all()), sorted(c.name for c in p.codes.all())


def test_merge_adds_the_other_coders_work_once(copies):
    a, b = copies
    with Project.open(a, coder="Ani") as p:
        preview = merge_projects(p, b, dry_run=True)
        assert preview.new_counts()["codings"] == 3 and preview.new_counts()["documents"] == 1
        assert preview.new_counts()["coders"] == 1 and preview.new_counts()["reviews"] == 1
        assert preview.same["documents"] == 2 and preview.same["codes"] == 3
        assert not preview.applied
    assert _counts(a)[0]["segments"] == 1  # the dry run wrote nothing
    with Project.open(a, coder="Ani") as p:
        plan = merge_projects(p, b)
        assert plan.applied
        rows = {(r["document"], r["start"], r["end"], r["code"], r["coder"]) for r in p.segments.rows()}
        assert rows == {("w1.txt", 35, 50, "Responsivitas", "Ani"), ("w1.txt", 35, 50, "Responsivitas", "Budi"),
                        ("w2.txt", 20, 47, "Kualitas", "Budi"), ("w3.txt", 3, 15, "Digitalisasi", "Budi")}
        assert p.documents.text("w3.txt") == "I: Loket online sudah ada.\n"
        review = p.reviews.all()[0]
        assert review.comment == "terlalu pendek"
        seg = p.segments.get(review.segment_id)
        assert p.coders.get(seg.coder_id).name == "Budi"
        assert p.supervision.status(seg.id) == "needs_revision"
        assert any(e.action == "project.merge" for e in p.events.all())
        assert any(e.action == "segment.add" for e in p.events.all(p.segments.all(document="w3.txt")[0].uuid))
    before = _counts(a)
    with Project.open(a, coder="Ani") as p:
        again = merge_projects(p, b)
        assert again.adds_nothing and again.conflicts == []
    assert _counts(a) == before
    # and merging back the other way brings Ani's work to Budi's copy
    with Project.open(b, coder="Budi") as p:
        back = merge_projects(p, a)
        assert back.new_counts()["codings"] == 1 and back.new_counts()["memos"] == 1
        assert back.new_counts()["documents"] == 0 and back.new_counts()["reviews"] == 0


def test_conflicting_rename_is_reported_and_answered(copies):
    a, b = copies
    with Project.open(a) as p:
        p.codes.rename("Inovasi", "Inovasi Layanan")
    with Project.open(b) as p:
        p.codes.rename("Inovasi", "Inovasi Pelayanan")
    with Project.open(a) as p:
        plan = merge_projects(p, b, dry_run=True)
        renamed = [c for c in plan.conflicts if c.kind == "code_renamed"]
        assert [(c.target, c.other, c.resolution) for c in renamed] == [
            ("Inovasi Layanan", "Inovasi Pelayanan", "keep")]
        merge_projects(p, b)
        assert "Inovasi Layanan" in {c.name for c in p.codes.all()}
        merge_projects(p, b, resolutions={"Inovasi Layanan": "theirs"})
        names = {c.name for c in p.codes.all()}
        assert "Inovasi Pelayanan" in names and "Inovasi Layanan" not in names


def test_ambiguous_code_must_be_answered(copies, tmp_path):
    a, b = copies
    with Project.open(b, coder="Budi") as p:
        code = p.codes.add("Koordinasi", group="own")
        p.segments.add("w2.txt", 3, 18, code)
    with Project.open(a) as p:
        p.codes.add("Koordinasi", group="factor")
    before = _counts(a)
    with Project.open(a) as p:
        plan = merge_projects(p, b, dry_run=True)
        assert [(c.kind, c.name, c.resolution) for c in plan.unanswered] == [("code_ambiguous", "Koordinasi", None)]
        with pytest.raises(MergeNeedsAnswers, match="Koordinasi"):
            merge_projects(p, b)
    assert _counts(a) == before
    with Project.open(a) as p:
        merge_projects(p, b, resolutions={"Koordinasi": "new"})
        names = {c.name for c in p.codes.all()}
        assert "Koordinasi (2)" in names
        assert len(p.segments.all(code="Koordinasi (2)")) == 1
        assert merge_projects(p, b, resolutions={"Koordinasi": "new"}).new_counts()["codings"] == 0


def test_document_with_other_text_is_reported_not_matched(tmp_path):
    a, b = tmp_path / "a.qda", tmp_path / "b.qda"
    with Project.create(a, codebook=False, coder="Ani") as p:
        p.documents.add("w1.txt", T1)
        p.codes.add("K")
    with Project.create(b, codebook=False, coder="Budi") as p:
        p.documents.add("w1.txt", T1.replace("cepat", "lambat"))
        p.codes.add("K")
        p.segments.add("w1.txt", 0, 10, "K")
    with Project.open(a) as p:
        plan = merge_projects(p, b)
        assert [c.kind for c in plan.conflicts] == ["document_text"]
        assert plan.skipped["codings"] == 1 and plan.new_counts()["documents"] == 0
        assert p.segments.all() == [] and len(p.documents.all()) == 1


def test_failure_leaves_target_unchanged(copies, monkeypatch):
    a, b = copies
    before = _counts(a)
    from qda.store import merging

    def boom(self, sql, rows):
        if "INSERT INTO event" in sql:
            raise RuntimeError("disk full")
        return original(self, sql, rows)

    original = merging.MergeRepository._exec_many
    monkeypatch.setattr(merging.MergeRepository, "_exec_many", boom)
    with Project.open(a) as p:
        with pytest.raises(RuntimeError):
            merge_projects(p, b)
    assert _counts(a) == before


def test_merge_refuses_itself_and_non_projects(copies, tmp_path):
    from qda.errors import QdaError

    a, _b = copies
    junk = tmp_path / "junk.qda"
    junk.write_text("not a project")
    with Project.open(a) as p:
        with pytest.raises(QdaError):
            merge_projects(p, a)
        with pytest.raises(QdaError):
            merge_projects(p, junk)


def test_reviews_and_memos_follow_their_new_codings(copies):
    """New codings are written in the target's index order, not the other file's: each review and
    memo must still land on its own coding."""
    a, b = copies
    spans = [("w2.txt", 20, 47), ("w1.txt", 3, 30), ("w2.txt", 3, 18), ("w1.txt", 38, 50)]
    with Project.open(b, coder="Budi") as p:
        for doc, start, end in spans:  # in an order unlike (document, start)
            seg = p.segments.add(doc, start, end, "Inovasi")
            p.memos.set(seg, f"memo {doc} {start}")
        p.coders.set_current("Dosen", "supervisor")
        for seg in p.segments.all(code="Inovasi"):
            p.reviews.add(seg, "approved", f"ok {seg.start}–{seg.end}")
    with Project.open(a, coder="Ani") as p:
        merge_projects(p, b)
        for seg in p.segments.all(code="Inovasi"):
            doc = p.documents.get(seg.document_id).name
            assert p.memos.get(seg) == f"memo {doc} {seg.start}"
            assert [r.comment for r in p.reviews.all() if r.segment_id == seg.id] == [f"ok {seg.start}–{seg.end}"]
        assert len(p.segments.all(code="Inovasi")) == len(spans)


def test_coding_changed_in_the_target_is_a_conflict_and_kept(copies):
    """A coding whose UUID the target holds under another code (recoded after copying) is reported and
    the target's version kept; a second merge adds nothing."""
    a, b = copies
    shutil.copy(a, b)  # Budi starts from Ani's copy, with her coding
    with Project.open(a, coder="Ani") as p:
        seg = p.segments.all()[0]
        p.segments.recode(seg, "Kualitas")
    with Project.open(b, coder="Budi") as p:
        p.segments.add("w2.txt", 20, 47, "Kualitas")
    with Project.open(a, coder="Ani") as p:
        plan = merge_projects(p, b)
        assert [(c.kind, c.resolution) for c in plan.conflicts] == [("coding_changed", "keep")]
        assert plan.new_counts()["codings"] == 1
        rows = sorted((r["document"], r["start"], r["code"], r["coder"]) for r in p.segments.rows())
        assert rows == [("w1.txt", 35, "Kualitas", "Ani"), ("w2.txt", 20, "Kualitas", "Budi")]
        assert merge_projects(p, b).adds_nothing
