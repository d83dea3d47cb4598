"""The project file itself: pragmas, identity, migrations, backups, refusal of foreign files."""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from qda.errors import NotAProject, ProjectExists, ProjectTooNew, ReadOnlyProject
from qda.store import Project, schema


def test_new_project_pragmas_and_codebook(tmp_path):
    path = tmp_path / "a.qda"
    with Project.create(path, coder="Rina") as p:
        assert len(p.codes.all()) == 15
        assert {c.group for c in p.codes.all()} == {"dimension", "factor"}
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
    names = [r[0] for r in con.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names == schema.migration_names()
    con.close()


def test_foreign_keys_on_and_every_fk_indexed(project):
    assert project._one("PRAGMA foreign_keys") == 1
    tables = [r[0] for r in project._tuples("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        fks = project._tuples(f"PRAGMA foreign_key_list({table})")
        indexed = {project._tuples(f"PRAGMA index_info({ix[1]})")[0][2]
                   for ix in project._tuples(f"PRAGMA index_list({table})")}
        pk_first = [r[1] for r in project._tuples(f"PRAGMA table_info({table})") if r[5] == 1]
        for fk in fks:
            assert fk[3] in indexed or fk[3] in pk_first, f"{table}.{fk[3]} has no index"


def test_every_entity_has_a_uuid(project):
    seg = project.segments.add("uji.txt", 40, 60, "Responsivitas")
    project.memos.set(seg, "catatan")
    project.reviews.add(seg, "approved")
    for table in ("coder", "cases", "document", "code", "segment", "memo", "review", "suggestion", "survey"):
        for (value,) in project._tuples(f"SELECT uuid FROM {table}"):
            assert uuid.UUID(value).version == 4


def test_create_refuses_existing_file(tmp_path):
    path = tmp_path / "a.qda"
    path.write_text("data penting")
    with pytest.raises(ProjectExists):
        Project.create(path)
    assert path.read_text() == "data penting"


@pytest.mark.parametrize("content", [b"", b"bukan database sama sekali" * 100])
def test_open_refuses_non_projects(tmp_path, content):
    path = tmp_path / "x.qda"
    path.write_bytes(content)
    with pytest.raises(NotAProject) as err:
        Project.open(path)
    assert str(path) in str(err.value)


def test_open_refuses_other_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(NotAProject):
        Project.open(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "a.qda"
    Project.create(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={schema.schema_version() + 5}")
    con.commit()
    con.close()
    with pytest.raises(ProjectTooNew):
        Project.open(path)


def test_upgrade_backs_up_then_migrates_in_a_transaction(tmp_path, monkeypatch):
    path = tmp_path / "a.qda"
    with Project.create(path) as p:
        p.documents.add("d.txt", "isi dokumen", "document")

    calls = []

    def m9999_add_column(db):
        calls.append(1)
        db.execute("ALTER TABLE document ADD COLUMN note TEXT")

    monkeypatch.setattr(schema.migrations, "_migrations", list(schema.migrations._migrations))
    schema.migrations(name="9999_test_note")(m9999_add_column)
    with Project.open(path) as p:
        assert calls == [1]
        assert "note" in [r[1] for r in p._tuples("PRAGMA table_info(document)")]
        assert p._one("PRAGMA user_version") == schema.schema_version()
    [backup] = tmp_path.glob(f"a.qda.bak-v{schema.schema_version() - 1}-*")  # never overwritten: time-stamped
    assert backup.is_file()
    con = sqlite3.connect(backup)
    assert "note" not in [r[1] for r in con.execute("PRAGMA table_info(document)")]
    assert con.execute("SELECT name FROM document").fetchall() == [("d.txt",)]
    con.close()


def test_failing_migration_rolls_back_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "a.qda"
    with Project.create(path) as p:
        p.documents.add("d.txt", "isi dokumen", "document")

    def m9998_broken(db):
        db.execute("CREATE TABLE half_done(x)")
        raise RuntimeError("migration failed")

    monkeypatch.setattr(schema.migrations, "_migrations", list(schema.migrations._migrations))
    schema.migrations(name="9998_broken")(m9998_broken)
    with pytest.raises(RuntimeError):
        Project.open(path)
    monkeypatch.undo()
    with Project.open(path) as p:
        assert [d.name for d in p.documents.all()] == ["d.txt"]
        assert not p._tuples("SELECT name FROM sqlite_master WHERE name = 'half_done'")


def test_read_only_refuses_writes(tmp_path):
    path = tmp_path / "a.qda"
    Project.create(path).close()
    with Project.open(path, read_only=True) as p:
        with pytest.raises(ReadOnlyProject):
            p.documents.add("d.txt", "teks", "document")


def test_event_log_is_append_only(project):
    project.segments.add("uji.txt", 40, 60, "Responsivitas")
    assert project.events.all()[-1].action == "segment.add"
    with pytest.raises(sqlite3.IntegrityError):
        with project.atomic():
            project._exec("UPDATE event SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError):
        with project.atomic():
            project._exec("DELETE FROM event")
    assert project.events.all()[-1].action == "segment.add"


def test_upgrade_merges_codings_stored_twice(tmp_path):
    """A file from before the one-coding-per-span rule is cleaned when opened (after a backup)."""
    path = tmp_path / "lama.qda"
    with Project.create(path, coder="Rina") as p:
        doc = p.documents.add("d.txt", "teks wawancara yang cukup panjang untuk dikode", "interview")
        first = p.segments.add(doc, 0, 4, "Responsivitas")
        p.memos.set(first, "memo pertama")
    con = sqlite3.connect(path)  # make it look like a file written by the first release
    con.execute("DROP INDEX segment_identity")
    con.execute("CREATE INDEX segment_document_start ON segment(document_id, start)")
    dup = con.execute("INSERT INTO segment(uuid, document_id, code_id, start, \"end\", coder_id, created) "
                      "SELECT ?, document_id, code_id, start, \"end\", coder_id, created FROM segment",
                      (str(uuid.uuid4()),)).lastrowid
    con.execute("INSERT INTO memo(uuid, target_kind, segment_id, text, created, modified) "
                "VALUES (?, 'segment', ?, 'memo kedua', 'x', 'x')", (str(uuid.uuid4()), dup))
    con.execute("INSERT INTO review(uuid, segment_id, reviewer_id, status, created) VALUES (?, ?, 1, 'approved', 'x')",
                (str(uuid.uuid4()), dup))
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_unique_codings'")
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()
    with Project.open(path) as p:
        [seg] = p.segments.all()
        assert seg.id == first.id
        assert p.memos.get(seg) == "memo pertama\n\nmemo kedua"
        assert [r.status for r in p.reviews.all(seg)] == ["approved"]
        assert p.events.all()[-1].action == "segment.merge_duplicate"
        assert p._one("PRAGMA user_version") == schema.schema_version()
        with pytest.raises(Exception):
            p.segments.add("d.txt", 0, 4, "Responsivitas")
    assert len(list(tmp_path.glob("lama.qda.bak-v1-*"))) == 1
