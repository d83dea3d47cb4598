"""The project file's schema as numbered migrations (sqlite-utils ``Migrations``).

Each migration runs in its own transaction together with the record of it and the
file's new ``user_version`` (the number of applied migrations), so a kill at any
moment leaves a file whose label matches its content (:func:`apply`). Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x51444131  # "QDA1"
MIGRATION_SET = "qda"

migrations = Migrations(MIGRATION_SET)

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coder (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL DEFAULT 'coder' CHECK (role IN ('coder', 'supervisor')),
    created TEXT NOT NULL);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE, created TEXT NOT NULL);
CREATE TABLE case_attribute (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (case_id, key));
CREATE TABLE document (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('interview', 'observation', 'document', 'other')),
    text TEXT NOT NULL, source_file TEXT, file_hash TEXT, fmt TEXT, encoding TEXT,
    length INTEGER NOT NULL DEFAULT 0, words INTEGER NOT NULL DEFAULT 0,
    turn_count INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL);
CREATE INDEX document_hash ON document(file_hash);
CREATE INDEX document_case ON document(case_id);
CREATE TABLE document_attribute (
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (document_id, key));
CREATE TABLE turn (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, speaker TEXT NOT NULL, timestamp TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE INDEX turn_document_start ON turn(document_id, start);
CREATE TABLE code (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    parent_id INTEGER REFERENCES code(id) ON DELETE SET NULL,
    grp TEXT NOT NULL CHECK (grp IN ('dimension', 'factor', 'own')),
    color TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '', definition_id TEXT NOT NULL DEFAULT '',
    definition_en TEXT NOT NULL DEFAULT '', when_to_use_id TEXT NOT NULL DEFAULT '',
    when_to_use_en TEXT NOT NULL DEFAULT '', when_not_id TEXT NOT NULL DEFAULT '',
    when_not_en TEXT NOT NULL DEFAULT '', example TEXT NOT NULL DEFAULT '',
    indicators TEXT NOT NULL DEFAULT '[]', position INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL, created_by INTEGER REFERENCES coder(id));
CREATE INDEX code_parent ON code(parent_id);
CREATE INDEX code_created_by ON code(created_by);
CREATE TABLE segment (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    code_id INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0), "end" INTEGER NOT NULL,
    coder_id INTEGER NOT NULL REFERENCES coder(id),
    created TEXT NOT NULL, CHECK ("end" > start));
-- one coder applies one code to one span once; also the index for a document's segments by start
CREATE UNIQUE INDEX segment_identity ON segment(document_id, start, "end", code_id, coder_id);
CREATE INDEX segment_code ON segment(code_id, document_id, start, "end", id, coder_id, uuid, created);
CREATE INDEX segment_coder ON segment(coder_id);
CREATE TABLE memo (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'document', 'code', 'segment', 'case')),
    document_id INTEGER REFERENCES document(id) ON DELETE CASCADE,
    code_id INTEGER REFERENCES code(id) ON DELETE CASCADE,
    segment_id INTEGER REFERENCES segment(id) ON DELETE CASCADE,
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    text TEXT NOT NULL, coder_id INTEGER REFERENCES coder(id),
    created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE UNIQUE INDEX memo_target ON memo(target_kind, IFNULL(document_id, 0), IFNULL(code_id, 0),
    IFNULL(segment_id, 0), IFNULL(case_id, 0));
CREATE INDEX memo_document ON memo(document_id);
CREATE INDEX memo_code ON memo(code_id);
CREATE INDEX memo_segment ON memo(segment_id);
CREATE INDEX memo_case ON memo(case_id);
CREATE INDEX memo_coder ON memo(coder_id);
CREATE TABLE review (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES coder(id),
    status TEXT NOT NULL CHECK (status IN ('approved', 'needs_revision', 'rejected')),
    comment TEXT NOT NULL DEFAULT '', created TEXT NOT NULL);
CREATE INDEX review_segment ON review(segment_id);
CREATE INDEX review_reviewer ON review(reviewer_id);
CREATE TABLE suggestion (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    code_id INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, score REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    segment_id INTEGER REFERENCES segment(id) ON DELETE SET NULL,
    decided_by INTEGER REFERENCES coder(id), created TEXT NOT NULL);
CREATE INDEX suggestion_document_start ON suggestion(document_id, start);
CREATE INDEX suggestion_code ON suggestion(code_id);
CREATE INDEX suggestion_segment ON suggestion(segment_id);
CREATE INDEX suggestion_decided_by ON suggestion(decided_by);
CREATE TABLE survey (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
    data_json TEXT NOT NULL, instrument_json TEXT NOT NULL, settings_json TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE event (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, coder_id INTEGER,
    action TEXT NOT NULL, entity TEXT NOT NULL, entity_uuid TEXT,
    detail TEXT NOT NULL DEFAULT '{}');
CREATE INDEX event_entity ON event(entity_uuid);
CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
"""


def _run_script(db: Database, script: str) -> None:
    # executescript() would COMMIT the surrounding transaction; run statements one by one.
    for statement in _split(script):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a schema script into statements, keeping trigger bodies whole."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and (not joined.upper().startswith("CREATE TRIGGER") or joined.endswith("END;")):
            out.append(joined)
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    """Every table of the first release."""
    _run_script(db, _V1)


def applied_names(db: Database) -> list[str]:
    """Names of the qda migrations recorded in ``db``, in the order they were applied."""
    return [m.name for m in migrations.applied(db)]


def apply(db: Database) -> None:
    """Apply the pending migrations, each in one transaction with its record and the new ``user_version``."""
    migrations.ensure_migrations_table(db)
    known = migration_names()
    for migration in migrations.pending(db):
        with db.atomic():
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            migration.fn(db)
            migrations._record_applied(db, migration.name)
            done = set(applied_names(db))
            db.execute(f"PRAGMA user_version={sum(1 for name in known if name in done)}")


def recorded_version(db: Database) -> int:
    """The schema version the recorded migrations amount to (what ``user_version`` must say)."""
    done = set(applied_names(db))
    return sum(1 for name in migration_names() if name in done)


def schema_version() -> int:
    """The number of migrations this version of qda knows."""
    return len(migrations._migrations)


def migration_names() -> list[str]:
    """Names of all known migrations, in order."""
    return [m.name for m in migrations._migrations]


@migrations(name="0002_unique_codings")
def m0002_unique_codings(db: Database) -> None:
    """Merge codings stored twice (same document, span, code and coder) and forbid new ones.

    Files made before the rule held such pairs; the one kept receives the other's
    reviews and memo, and the audit trail records the merge.
    """
    import json
    from datetime import datetime, timezone

    groups = db.execute('SELECT MIN(id), document_id, start, "end", code_id, coder_id FROM segment '
                        'GROUP BY document_id, start, "end", code_id, coder_id HAVING COUNT(*) > 1').fetchall()
    stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    for keep, doc, start, end, code, coder in groups:
        others = [r[0] for r in db.execute(
            'SELECT id FROM segment WHERE document_id = ? AND start = ? AND "end" = ? AND code_id = ? '
            'AND coder_id = ? AND id != ?', (doc, start, end, code, coder, keep)).fetchall()]
        for other in others:
            db.execute("UPDATE review SET segment_id = ? WHERE segment_id = ?", (keep, other))
            kept_memo = db.execute("SELECT id, text FROM memo WHERE segment_id = ?", (keep,)).fetchone()
            other_memo = db.execute("SELECT id, text FROM memo WHERE segment_id = ?", (other,)).fetchone()
            if other_memo and kept_memo:
                db.execute("UPDATE memo SET text = ? WHERE id = ?", (kept_memo[1] + "\n\n" + other_memo[1], kept_memo[0]))
            elif other_memo:
                db.execute("UPDATE memo SET segment_id = ? WHERE id = ?", (keep, other_memo[0]))
            uid = db.execute("SELECT uuid FROM segment WHERE id = ?", (other,)).fetchone()[0]
            db.execute("DELETE FROM segment WHERE id = ?", (other,))
            db.execute("INSERT INTO event(time, coder_id, action, entity, entity_uuid, detail) VALUES (?,?,?,?,?,?)",
                       (stamp, None, "segment.merge_duplicate", "segment", uid, json.dumps({"kept_id": keep})))
    db.execute("DROP INDEX IF EXISTS segment_document_start")
    db.execute('CREATE UNIQUE INDEX IF NOT EXISTS segment_identity ON segment(document_id, start, "end", code_id, '
               "coder_id)")


@migrations(name="0003_revision_marks")
def m0003_revision_marks(db: Database) -> None:
    """A coder's "revised" mark answering a supervisor's request for revision."""
    _run_script(db, """
CREATE TABLE revision (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
    coder_id INTEGER REFERENCES coder(id),
    comment TEXT NOT NULL DEFAULT '', created TEXT NOT NULL);
CREATE INDEX revision_segment ON revision(segment_id);
CREATE INDEX revision_review ON revision(review_id);
CREATE INDEX revision_coder ON revision(coder_id);
""")


@migrations(name="0004_suggestion_terms")
def m0004_suggestion_terms(db: Database) -> None:
    """Suggestions keep the terms that matched, their unit, who asked for them and when they were decided."""
    db.execute("ALTER TABLE suggestion ADD COLUMN terms TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE suggestion ADD COLUMN unit TEXT NOT NULL DEFAULT 'sentence'")
    db.execute("ALTER TABLE suggestion ADD COLUMN requested_by INTEGER REFERENCES coder(id)")
    db.execute("ALTER TABLE suggestion ADD COLUMN decided TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS suggestion_requested_by ON suggestion(requested_by)")
    db.execute("CREATE INDEX IF NOT EXISTS suggestion_status ON suggestion(status, code_id)")


@migrations(name="0005_text_versions")
def m0005_text_versions(db: Database) -> None:
    """Edited texts keep their old version; codings an edit could not place are flagged for checking."""
    _run_script(db, """
CREATE TABLE text_version (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('edit', 'anonymise')),
    text_before TEXT NOT NULL, text_after TEXT NOT NULL,
    state TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '{}',
    coder_id INTEGER REFERENCES coder(id),
    created TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0);
CREATE INDEX text_version_document ON text_version(document_id);
CREATE INDEX text_version_coder ON text_version(coder_id);
CREATE TABLE anchor_flag (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES text_version(id) ON DELETE CASCADE,
    segment_id INTEGER REFERENCES segment(id) ON DELETE SET NULL,
    segment_uuid TEXT,
    old_start INTEGER NOT NULL, old_end INTEGER NOT NULL, old_text TEXT NOT NULL,
    reason TEXT NOT NULL, score REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'moved', 'removed')),
    resolved_by INTEGER REFERENCES coder(id), resolved_at TEXT,
    created TEXT NOT NULL);
CREATE INDEX anchor_flag_version ON anchor_flag(version_id);
CREATE INDEX anchor_flag_segment ON anchor_flag(segment_id);
CREATE INDEX anchor_flag_resolved_by ON anchor_flag(resolved_by);
""")


@migrations(name="0006_saved_queries")
def m0006_saved_queries(db: Database) -> None:
    """Code queries saved in the project under a name, with their filters."""
    _run_script(db, """
CREATE TABLE saved_query (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    expression TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL, modified TEXT NOT NULL);
""")


@migrations(name="0007_mixed_methods")
def m0007_mixed_methods(db: Database) -> None:
    """Mixed methods: survey indicators linked to codes, the joint display's notes and chosen quotes, and
    informants (cases) linked to survey respondents."""
    _run_script(db, """
CREATE TABLE indicator_link (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    survey TEXT NOT NULL, variable TEXT NOT NULL, indicator TEXT NOT NULL,
    code_id INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    created TEXT NOT NULL, UNIQUE (survey, variable, indicator, code_id));
CREATE INDEX indicator_link_code ON indicator_link(code_id);
CREATE TABLE joint_note (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    survey TEXT NOT NULL, variable TEXT NOT NULL, indicator TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '', modified TEXT NOT NULL, UNIQUE (survey, variable, indicator));
CREATE TABLE joint_quote (
    note_id INTEGER NOT NULL REFERENCES joint_note(id) ON DELETE CASCADE,
    segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, PRIMARY KEY (note_id, segment_id));
CREATE INDEX joint_quote_segment ON joint_quote(segment_id);
CREATE TABLE case_respondent (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    survey TEXT NOT NULL, respondent TEXT NOT NULL, created TEXT NOT NULL,
    PRIMARY KEY (case_id, survey));
""")


#: The bundled codebooks' colours before 0008 and after, by code name (a frozen record of that change).
_DISTINCT_COLOURS_0008 = (
    ("Produktivitas", "#4f9de0", "#0087d2"), ("Kualitas Layanan", "#2bb3b1", "#0f9696"),
    ("Responsivitas", "#8a94f5", "#0f69ff"), ("Responsibilitas", "#b77fe0", "#965af0"),
    ("Akuntabilitas", "#67cbe8", "#4b5a78"), ("Kebijakan dan Manajemen SDM", "#f7b0a0", "#e16969"),
    ("Sumber Daya dan Sarana Prasarana", "#f59a3a", "#ff0000"), ("Kompetensi dan Pelatihan", "#ecd04f", "#e16900"),
    ("Motivasi dan Semangat Kerja", "#f27fa6", "#ff0096"), ("Keadilan dan Transparansi", "#b3a94a", "#788700"),
    ("Kepemimpinan yang Efektif", "#e05252", "#d2003c"), ("Beban Kerja yang Wajar", "#98c95a", "#00a500"),
    ("Lingkungan Kerja yang Positif", "#5fbf7f", "#00963c"), ("Penghargaan atas Kinerja", "#e0a0d0", "#e14bb4"),
    ("Kepuasan Kerja", "#c09066", "#a5783c"), ("Kinerja Pegawai (X)", "#1f4e8c", "#ff0096"),
    ("Pelayanan Publik (Y)", "#1b6b3a", "#a5783c"), ("Kuantitas kerja (X)", "#2f6db5", "#965af0"),
    ("Kualitas kerja (X)", "#3f7fc7", "#0f69ff"), ("Ketepatan waktu (X)", "#4f91d9", "#0087d2"),
    ("Kemampuan kerja (X)", "#5fa3eb", "#e14bb4"), ("Motivasi kerja (X)", "#1d5aa0", "#b40fc3"),
    ("Sikap mental (X)", "#154a85", "#4b5a78"), ("Transparansi (Y)", "#2e8b57", "#e16969"),
    ("Akuntabilitas (Y)", "#3a9d66", "#0f9696"), ("Kondisional (Y)", "#46af75", "#00963c"),
    ("Partisipatif (Y)", "#52c184", "#e16900"), ("Kesamaan hak (Y)", "#228b22", "#00a500"),
    ("Keseimbangan hak dan kewajiban (Y)", "#1e7b3a", "#788700"),
)


@migrations(name="0008_distinct_code_colours")
def m0008_distinct_code_colours(db: Database) -> None:
    """The bundled codes get colours that can be told apart as highlights; a code whose colour the user
    changed (anything but the old bundled colour for that name) keeps it."""
    for name, old, new in _DISTINCT_COLOURS_0008:
        db.execute("UPDATE code SET color = ? WHERE name = ? AND lower(color) = ?", [new, name, old])
