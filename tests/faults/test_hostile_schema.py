"""Triggers, views and tables someone else put into a project file never run: refused by name, or stripped."""

from __future__ import annotations

import sqlite3

import pytest

from qda.errors import ForeignSchema
from qda.store import Project
from tests.faults.helpers import fingerprint, one_line_error, qda

HOSTILE = {
    "trigger": ("approve_everything",
                "CREATE TRIGGER approve_everything AFTER INSERT ON review BEGIN "
                "UPDATE review SET status = 'approved' WHERE id = NEW.id; END"),
    "trigger_delete": ("wipe_documents",
                       "CREATE TRIGGER wipe_documents AFTER INSERT ON segment BEGIN DELETE FROM document; END"),
    "view": ("ringkasan", "CREATE VIEW ringkasan AS SELECT name FROM document"),
    "table": ("catatan_rahasia", "CREATE TABLE catatan_rahasia(x)"),
}


def _make(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, coder="Rina", role="supervisor") as p:
        doc = p.documents.add("d.txt", "teks wawancara yang cukup panjang", "interview")
        p.segments.add(doc, 0, 4, "Responsivitas")
    return path


def _plant(path, sql):
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_object_qda_did_not_make_is_refused_with_its_name(tmp_path, kind):
    path = _make(tmp_path)
    name, sql = HOSTILE[kind]
    _plant(path, sql)
    for read_only in (False, True):
        with pytest.raises(ForeignSchema) as err:
            Project.open(path, read_only=read_only)
        assert name in str(err.value) and str(path) in str(err.value)
        assert err.value.objects == [name]


def test_changed_own_trigger_is_refused(tmp_path):
    path = _make(tmp_path)
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER event_append_only_delete")
    con.execute("CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event BEGIN SELECT 1; END")
    con.commit()
    con.close()
    with pytest.raises(ForeignSchema) as err:
        Project.open(path)
    assert "event_append_only_delete" in str(err.value)


def test_trigger_never_runs_from_the_cli(tmp_path):
    path = _make(tmp_path)
    _plant(path, HOSTILE["trigger_delete"][1])
    before = fingerprint(tmp_path)
    line = one_line_error(qda("code", path, "--doc", "d.txt", "--start", "5", "--end", "9", "--code", "Responsivitas"))
    assert "wipe_documents" in line and "strip-foreign" in line
    assert fingerprint(tmp_path) == before
    con = sqlite3.connect(path)
    assert con.execute("SELECT COUNT(*) FROM document").fetchone()[0] == 1
    con.close()


def test_strip_on_request_removes_them_after_a_backup(tmp_path):
    path = _make(tmp_path)
    for _name, sql in HOSTILE.values():
        _plant(path, sql)
    result = qda("strip-foreign", path)
    assert result.returncode == 0, result.stderr
    for name, _ in HOSTILE.values():
        assert name in result.stderr
    assert list(tmp_path.glob("p.qda.bak-sebelum-bersih-*"))
    with Project.open(path) as p:  # opens now, and the user's actions are their own again
        seg = p.segments.all()[0]
        p.reviews.add(seg, "rejected")
        assert [r.status for r in p.reviews.all(seg)] == ["rejected"]
        p.segments.add("d.txt", 5, 9, "Responsivitas")
        assert len(p.documents.all()) == 1


def test_strip_puts_a_changed_own_trigger_back(tmp_path):
    path = _make(tmp_path)
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER event_append_only_delete")
    con.execute("CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event BEGIN SELECT 1; END")
    con.commit()
    con.close()
    Project.strip_foreign(path)
    with Project.open(path) as p:
        with pytest.raises(sqlite3.IntegrityError):
            with p.atomic():
                p._exec("DELETE FROM event")


def test_upgraded_old_file_is_not_foreign(tmp_path):
    """A file made before migration 0002 (other index) opens and upgrades: indexes are not compared."""
    path = _make(tmp_path)
    con = sqlite3.connect(path)
    con.execute("DROP INDEX segment_identity")
    con.execute("CREATE INDEX segment_document_start ON segment(document_id, start)")
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_unique_codings'")
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()
    Project.open(path).close()
