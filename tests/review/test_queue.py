"""The review queue: filters, verdicts, revised marks, the per-coder summary, audit trail, modes."""

from __future__ import annotations


import pytest

from qda.errors import InReviewMode, InvalidValue
from qda.review.queue import (QueueFilter, TextCache, coder_summary, give_verdict, history, needs_revision,
                              review_queue)
from qda.store import Project

TEXT = "P: Bagaimana pelayanan?\nI: Pelayanan cepat.\nP: Kendala?\nI: Antrean panjang.\n"


@pytest.fixture
def proj(tmp_path):
    p = Project.create(tmp_path / "q.qda", codebook=False, coder="Ani")
    p.documents.add("w1.txt", TEXT, "interview", case="Informan 1")
    p.documents.add("obs.txt", "Loket ramai sejak pagi.", "observation")
    p.cases.set_attribute("Informan 1", "Jabatan", "Lurah")
    p.codes.add("Responsivitas", group="dimension")
    p.codes.add("Cepat", parent="Responsivitas", group="dimension")
    p.codes.add("Sarana", group="factor")
    p.segments.add("w1.txt", 27, 43, "Cepat")
    p.segments.add("w1.txt", 60, 76, "Sarana")
    p.coders.set_current("Budi")
    p.segments.add("obs.txt", 0, 12, "Sarana")
    p.coders.set_current("Dosen", "supervisor")
    yield p
    p.close()


def _names(items):
    return [(i.document, i.code, i.coder, i.status) for i in items]


def test_filters(proj):
    assert len(review_queue(proj)) == 3
    assert _names(review_queue(proj, QueueFilter(codes=["Responsivitas"]))) == [
        ("w1.txt", "Cepat", "Ani", "pending")]  # subcodes included
    assert [i.code for i in review_queue(proj, QueueFilter(groups=["factor"]))] == ["Sarana", "Sarana"]
    assert [i.document for i in review_queue(proj, QueueFilter(kinds=["observation"]))] == ["obs.txt"]
    assert [i.coder for i in review_queue(proj, QueueFilter(coders=["budi"]))] == ["Budi"]
    assert len(review_queue(proj, QueueFilter(attributes={"Jabatan": "lurah"}))) == 2
    assert review_queue(proj, QueueFilter(documents=["obs.txt"]))[0].case == ""
    assert review_queue(proj, QueueFilter(since="2999-01-01")) == []
    assert len(review_queue(proj, QueueFilter(until="2999-01-01"))) == 3
    with pytest.raises(InvalidValue):
        review_queue(proj, QueueFilter(statuses=["done"]))


def test_context_and_line(proj):
    item = review_queue(proj, QueueFilter(documents=["w1.txt"]))[0]
    cache = TextCache(proj)
    before, text, after = cache.excerpt(item)
    assert text == "Pelayanan cepat." and before.endswith("I: ") and after.startswith("\nP: Kendala?")
    assert cache.line(item.document_id, item.start) == 2


def test_verdicts_revised_and_summary(proj):
    third, first, second = review_queue(proj)  # obs.txt (Budi), then w1.txt: Cepat, Sarana
    give_verdict(proj, first.segment_id, "approved")
    give_verdict(proj, second.segment_id, "needs_revision", "perluas ke kalimat berikutnya")
    give_verdict(proj, third.segment_id, "rejected", "bukan sarana")
    assert review_queue(proj) == []  # nothing left to review
    assert _names(review_queue(proj, QueueFilter(statuses=()))) == [
        ("obs.txt", "Sarana", "Budi", "rejected"), ("w1.txt", "Cepat", "Ani", "approved"),
        ("w1.txt", "Sarana", "Ani", "needs_revision")]
    todo = needs_revision(proj, "Ani")
    assert [(i.code, i.comment, i.reviewer) for i in todo] == [("Sarana", "perluas ke kalimat berikutnya", "Dosen")]
    assert needs_revision(proj, "Budi") == []
    summary = {r["coder"]: r for r in coder_summary(proj)}
    assert summary["Ani"]["approved"] == 1 and summary["Ani"]["needs_revision"] == 1
    assert summary["Budi"]["rejected"] == 1 and "Dosen" not in summary
    # the coder marks it revised: back in the queue
    proj.coders.set_current("Ani")
    with pytest.raises(InvalidValue):
        proj.supervision.mark_revised(first.segment_id)  # approved, nothing to revise
    proj.supervision.mark_revised(second.segment_id, "sudah diperluas")
    assert _names(review_queue(proj)) == [("w1.txt", "Sarana", "Ani", "revised")]
    with pytest.raises(InvalidValue):
        proj.supervision.mark_revised(second.segment_id)  # already marked
    proj.coders.set_current("Dosen")
    give_verdict(proj, second.segment_id, "approved", "baik")
    assert review_queue(proj) == []
    trail = history(proj, second.segment_id)
    steps = [(e["action"], e.get("before"), e.get("after"), e["who"]) for e in trail]
    assert steps == [("segment.add", None, None, "Ani"),
                     ("review.add", "pending", "needs_revision", "Dosen"),
                     ("review.revised", "needs_revision", "revised", "Ani"),
                     ("review.add", "revised", "approved", "Dosen")]
    assert all(e["time"] for e in trail)


def test_undo_of_revised_mark(proj):
    item = review_queue(proj)[0]
    give_verdict(proj, item.segment_id, "needs_revision")
    uid = proj.supervision.mark_revised(item.segment_id)
    proj.supervision.remove_revision(uid)
    assert proj.supervision.status(item.segment_id) == "needs_revision"


def test_blind_coding_setting(proj):
    assert not proj.supervision.blind()
    proj.supervision.set_blind(True)
    assert proj.supervision.blind()
    proj.coders.set_current("Ani")
    with pytest.raises(InvalidValue):
        proj.supervision.set_blind(False)  # only a supervisor lets coders compare
    assert any(e.action == "project.blind" and e.detail["after"] == "on" for e in proj.events.all())


def test_review_mode_guards_codings_but_not_reviews_or_memos(proj):
    seg = proj.segments.all()[0]
    proj.supervision.enter_review_mode()
    assert proj.supervision.in_review_mode()
    for action in (lambda: proj.segments.add("w1.txt", 0, 5, "Sarana"), lambda: proj.segments.remove(seg),
                   lambda: proj.codes.rename("Sarana", "Sarpras"), lambda: proj.documents.add("x.txt", "x")):
        with pytest.raises(InReviewMode, match="mode telaah"):
            action()
    give_verdict(proj, seg.id, "approved", "ok")
    proj.memos.set(seg, "catatan pembimbing")
    assert proj.memos.get(seg) == "catatan pembimbing"
    assert len(proj.segments.all()) == 3
    proj.supervision.leave_review_mode()
    proj.segments.add("w1.txt", 0, 5, "Sarana")
