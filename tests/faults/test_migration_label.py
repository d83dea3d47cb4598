"""A migration and the file's version label are one transaction: a kill at any statement keeps them in step."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

from qda.store import Project, schema

# Open (and so migrate) the project, killing the process when the K-th SQL statement starts.
KILL_AT = textwrap.dedent("""
    import os, sqlite3, sys
    target = int(sys.argv[2])
    seen = [0]
    real_connect = sqlite3.connect

    texts = []

    def trace(statement):
        seen[0] += 1
        texts.append(" ".join(statement.split())[:80])
        if seen[0] == target:
            os._exit(9)

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    sqlite3.connect = connect
    from qda.store import Project
    Project.open(sys.argv[1]).close()
    import json
    print(json.dumps(texts))
""")


def _old_file(path):
    """A project written before migration 0002 (its label says version 1)."""
    with Project.create(path, coder="Rina") as p:
        doc = p.documents.add("d.txt", "teks wawancara yang cukup panjang", "interview")
        p.segments.add(doc, 0, 4, "Responsivitas")
    con = sqlite3.connect(path)
    con.execute("DROP INDEX segment_identity")
    con.execute("CREATE INDEX segment_document_start ON segment(document_id, start)")
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_unique_codings'")
    left = con.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
    con.execute(f"PRAGMA user_version={left}")  # a consistent label: what the record says
    con.commit()
    con.close()


def _label_and_record(path):
    con = sqlite3.connect(path)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        applied = [r[0] for r in con.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        segment_identity = con.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'segment_identity'").fetchone()[0]
    finally:
        con.close()
    return version, applied, segment_identity


def test_kill_at_every_statement_of_a_migration_keeps_label_and_content_in_step(tmp_path):
    master = tmp_path / "lama.qda"
    _old_file(master)
    # count the statements of a whole open on a fresh copy
    probe = tmp_path / "probe.qda"
    probe.write_bytes(master.read_bytes())
    result = subprocess.run([sys.executable, "-c", KILL_AT, str(probe), "0"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    texts = json.loads(result.stdout)
    assert len(texts) > 10
    # kill at every statement from the start of the migration (after the checks of the open) to the end
    first = max(k for k, text in enumerate(texts, 1) if "FROM main.sqlite_master" in text) + 1
    points = list(range(first, len(texts) + 1))
    assert any("user_version=" in texts[k - 1] for k in points)
    kills = 0
    for k in points:
        copy = tmp_path / f"k{k}.qda"
        copy.write_bytes(master.read_bytes())
        run = subprocess.run([sys.executable, "-c", KILL_AT, str(copy), str(k)], capture_output=True, text=True,
                             timeout=60)
        assert run.returncode in (0, 9), run.stderr
        kills += run.returncode == 9
        version, applied, identity = _label_and_record(copy)
        assert version == len(applied), f"killed at statement {k}: label {version}, applied {applied}"
        assert identity == ("0002_unique_codings" in applied)  # the content is what the record says
        with Project.open(copy) as p:  # and the file opens (and finishes migrating) afterwards
            assert p._one("PRAGMA user_version") == schema.schema_version()
            assert len(p.segments.all()) == 1
        for leftover in tmp_path.glob(f"k{k}.qda*"):
            leftover.unlink()
    assert kills >= len(points) - 1


def test_label_left_behind_by_an_older_qda_is_repaired_on_open(tmp_path):
    path = tmp_path / "p.qda"
    Project.create(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=1")  # migrated content, old label
    con.commit()
    con.close()
    with Project.open(path) as p:
        assert p._one("PRAGMA user_version") == schema.schema_version()
    assert not list(tmp_path.glob("p.qda.bak-*"))  # nothing to migrate, so no backup either
