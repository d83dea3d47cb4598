"""Saved queries: stored in the project by migration 0003, each write one transaction and one event."""

from __future__ import annotations

import pytest

from qda.analysis import Filters, run_query
from qda.errors import InvalidValue, NotFound
from qda.store import schema


def test_migration_is_appended():
    assert "0006_saved_queries" in schema.migration_names()


def test_save_overwrite_list_delete_with_audit_trail(small):
    filters = Filters(attributes={"Jabatan": ["Staf"]}, coders=["Dewi"])
    saved = small.queries.save("Kepemimpinan staf", "Kepemimpinan yang Efektif", filters.to_dict())
    assert saved.filters == {"attributes": {"Jabatan": ["Staf"]}, "coders": ["Dewi"]}
    again = small.queries.get("kepemimpinan STAF")
    assert Filters.from_dict(again.filters) == filters
    result = run_query(small, again.expression, Filters.from_dict(again.filters))
    assert [(p.start, p.end) for p in result.passages] == [(40, 53), (67, 90)]
    small.queries.save("Kepemimpinan staf", "Responsivitas")
    assert [q.expression for q in small.queries.all()] == ["Responsivitas"]
    small.queries.delete("Kepemimpinan staf")
    assert small.queries.all() == []
    actions = [e.action for e in small.events.all() if e.entity == "query"]
    assert actions == ["query.add", "query.update", "query.remove"]
    update = [e for e in small.events.all() if e.action == "query.update"][0]
    assert update.detail["before"]["expression"] == "Kepemimpinan yang Efektif"
    with pytest.raises(NotFound):
        small.queries.get("Kepemimpinan staf")
    with pytest.raises(InvalidValue):
        small.queries.save(" ", "Responsivitas")


def test_saved_queries_survive_reopening(small, tmp_path):
    from qda.store.project import Project

    small.queries.save("R", "Responsivitas")
    path = small.path
    small.close()
    with Project.open(path, read_only=True) as again:
        assert [q.name for q in again.queries.all()] == ["R"]


def test_snapshot_follows_changes(small):
    from qda.analysis import corpus

    first = corpus(small)
    assert corpus(small) is first
    small.segments.add("c.txt", 0, 9, "Responsivitas")
    assert corpus(small) is not first and len(corpus(small).codings) == len(first.codings) + 1
