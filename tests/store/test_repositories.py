"""The project is composed of typed repositories; single and batch writes log one event format."""

from __future__ import annotations

from qda.store import Project
from qda.store.repository import Repository


def test_project_is_small_and_composed_of_repositories(project):
    for name in ("documents", "cases", "codes", "segments", "memos", "reviews", "surveys", "coders", "events"):
        assert isinstance(getattr(project, name), Repository), name
    flat = [m for m in ("add_document", "add_segment", "add_segments", "segment_rows", "set_memo", "add_code",
                        "add_review", "snapshot_code", "restore_snapshot", "set_coder", "coder_by")
            if hasattr(Project, m)]
    assert flat == []


def test_single_and_batch_codings_log_the_same_event(project):
    doc = project.documents.get("uji.txt")
    code = project.codes.get("Responsivitas")
    one = project.segments.add(doc, 40, 80, code)
    assert project.segments.add_many([(doc.id, 41, 80, code.id)]) == 1
    batch = next(s for s in project.segments.all() if s.start == 41)
    e1, e2 = project.events.all(one.uuid)[0], project.events.all(batch.uuid)[0]
    assert (e1.action, e1.entity) == (e2.action, e2.entity) == ("segment.add", "segment")
    assert set(e1.detail) == set(e2.detail)
    assert e2.detail == {"document_id": doc.id, "code_id": code.id, "code": "Responsivitas", "start": 41,
                         "end": 80, "coder": "Rina"}
    assert e1.coder_id == e2.coder_id == project.coders.current.id


def test_code_update_logs_the_value_before(project):
    code = project.codes.get("Responsivitas")
    project.codes.update(code, color="#123456")
    event = project.events.all(code.uuid)[-1]
    assert event.action == "code.update" and event.detail == {"color": "#123456", "old": {"color": code.color}}
