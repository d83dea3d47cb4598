"""Opening, creating, locking and migrating a project file; transactions and the event log."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid as uuidlib
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from filelock import FileLock
from sqlite_utils import Database

from qda.errors import (ForeignSchema, InReviewMode, NotAProject, ProjectError, ProjectExists, QdaError, ReadOnlyMedia,
                        ReadOnlyProject)
from qda.i18n import tr
from qda.store import faults, schema
from qda.store.lock import acquire_project_lock, release_project_lock
from qda.store.records import Coder

if TYPE_CHECKING:
    from qda.store.coders import CoderRepository


def now() -> str:
    """The current UTC time as an ISO 8601 string (millisecond precision)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_uuid() -> str:
    """A fresh random UUID as text."""
    return str(uuidlib.uuid4())


def new_uuids(n: int) -> list[str]:
    """``n`` fresh random (version 4) UUIDs as text, made in one go for batch inserts."""
    raw = bytearray(os.urandom(16 * n))
    for i in range(0, 16 * n, 16):
        raw[i + 6] = (raw[i + 6] & 0x0F) | 0x40
        raw[i + 8] = (raw[i + 8] & 0x3F) | 0x80
    h = raw.hex()
    return [f"{h[j:j + 8]}-{h[j + 8:j + 12]}-{h[j + 12:j + 16]}-{h[j + 16:j + 20]}-{h[j + 20:j + 32]}"
            for j in range(0, 32 * n, 32)]


def _open_error(path: Path, exc: sqlite3.Error) -> QdaError:
    """A SQLite error while opening: a file fault as the user's problem, anything else 'cannot be opened'."""
    fault = faults.user_error(exc, path)
    if fault is not None:
        return fault
    return ProjectError(tr("{path}: proyek tidak dapat dibuka sekarang; berkasnya tidak diubah", path=path))


def _renamed(exc: QdaError, tmp: Path, path: Path) -> QdaError:
    """``exc`` with the temporary file's name replaced by the user's (messages name the user's file)."""
    message = str(exc).replace(str(tmp), str(path))
    if message == str(exc):
        return exc
    try:
        return type(exc)(message)
    except TypeError:
        return QdaError(message)


def _reader(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that reads ``path`` and leaves the file and its folder as they were.

    On read-only media: SQLite's immutable mode (no lock, no journal files). Beside a
    writer's journal: a read-only connection sharing that journal. Otherwise a normal
    connection limited to queries, whose journal files SQLite removes again on close.
    Returns the connection and whether the media is read-only.
    """
    uri = path.resolve().as_uri()
    if not faults.media_writable(path):
        return sqlite3.connect(uri + "?immutable=1", uri=True, check_same_thread=False), True
    if Path(f"{path}-wal").exists():
        try:
            conn = sqlite3.connect(uri + "?mode=ro", uri=True, check_same_thread=False, timeout=10)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn, False
        except sqlite3.OperationalError:
            pass
    journals = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [j.exists() for j in journals]
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if any(existed) or (journals[0].exists() and journals[0].stat().st_size):
            raise
        for journal in journals:  # the empty ones this attempt made
            journal.unlink(missing_ok=True)
        # no journal can be made beside it (a full disk): with no writer journal, the file alone is the project
        return sqlite3.connect(uri + "?immutable=1", uri=True, check_same_thread=False), False
    return conn, False


class ProjectBase:
    """One open project file: connection, lock, transactions and the audit trail."""

    coders: CoderRepository

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        #: True when the project lies on read-only media (opened in SQLite's immutable mode)
        self.media_read_only = False
        self.db = Database(conn, execute_plugins=False)  # no third-party plugin runs on a project (and no entry-point scan)
        self._conn = conn
        self._file_lock = lock
        self._mutex = threading.RLock()
        self._coder: Coder | None = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def create(cls, path: str | Path, *, codebook: bool = True, coder: str | None = None,
               role: str = "coder"):
        """Create a new project file (with the bundled codebook unless ``codebook=False``).

        The file is built under a temporary name and renamed into place whole; on any
        failure nothing is left behind (no temporary file, no journal) and the error
        names ``path``.
        """
        path = Path(path)
        if path.exists():
            raise ProjectExists(tr("{path}: berkas sudah ada; pilih nama lain", path=path))
        if not path.parent.is_dir():
            raise NotAProject(tr("{path}: folder tujuan tidak ada", path=path))
        tmp = path.with_name(path.name + ".creating")
        faults.remove_with_journals(tmp)
        try:
            project = cls._connect(tmp, read_only=False, lock=False)
            try:
                project._migrate(new=True)
                with project.atomic():
                    project.db.execute("INSERT INTO meta(key, value) VALUES ('uuid', ?), ('created', ?)",
                                       [new_uuid(), now()])
                    if coder:
                        project.coders.set_current(coder, role)
                    if codebook:
                        from qda.store.codebook_loader import add_bundled_codebook
                        add_bundled_codebook(project)
            finally:
                project.close()
            for journal in faults.journal_files(tmp):
                journal.unlink(missing_ok=True)
            for journal in faults.journal_files(path):
                # a journal left beside a deleted project must not be replayed into the new one
                journal.unlink(missing_ok=True)
            tmp.rename(path)  # the project appears whole or not at all
        except BaseException as exc:
            faults.remove_with_journals(tmp)
            fault = faults.user_error(exc, path) if isinstance(exc, (sqlite3.Error, OSError, QdaError)) else None
            if fault is not None and fault is not exc:
                raise _renamed(fault, tmp, path) from None
            if isinstance(exc, QdaError):
                raise _renamed(exc, tmp, path) from None
            raise
        return cls.open(path, coder=coder, role=role)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, coder: str | None = None,
             role: str | None = None, wait: float | None = None):
        """Open an existing project.

        The file is identified from its header before anything touches it: a file qda
        refuses is left byte for byte as it was. Writers take the write lock, waiting
        up to ``wait`` seconds (default: :func:`qda.store.lock.set_write_wait`), else
        :class:`ProjectInUse`; on read-only media a writer gets :class:`ReadOnlyMedia`
        and a reader opens the file in SQLite's immutable mode. A file failing
        ``quick_check`` raises :class:`ProjectDamaged` (with the backups found), one
        holding triggers, views or tables qda did not make :class:`ForeignSchema`.
        """
        path = Path(path)
        faults.identify(path, schema.APPLICATION_ID, schema.schema_version())
        if not read_only and not faults.media_writable(path):
            from qda.store.lock import read_only_media_message

            raise ReadOnlyMedia(read_only_media_message(path))
        project = cls._connect(path, read_only=read_only, lock=not read_only, wait=wait)
        try:
            project._check_identity()
            project._check_sound()
            project._check_schema()
            if not read_only:
                project._migrate(new=False)
            if coder:
                if read_only:
                    project._coder = project.coders.find(coder)
                else:
                    project.coders.set_current(coder, role)
        except BaseException:
            project.close()
            raise
        return project

    @classmethod
    def strip_foreign(cls, path: str | Path, *, wait: float | None = None) -> tuple[list[str], Path]:
        """Remove the triggers, views and tables qda did not make from the project at ``path``.

        A backup is written first; returns the names removed and the backup. A table qda
        made but someone changed cannot be repaired this way (:class:`ForeignSchema`).
        """
        from qda.store import schema_guard
        from qda.store.backups import backup_target

        path = Path(path)
        faults.identify(path, schema.APPLICATION_ID, schema.schema_version())
        project = cls._connect(path, read_only=False, lock=True, wait=wait)
        try:
            project._check_identity()
            project._check_sound()
            found = schema_guard.foreign_objects(project._conn)
            if not found:
                return [], path
            backup = project.backup(backup_target(path, "sebelum-bersih"))
            with project._mutex, project._translated():
                with project.db.atomic():
                    left = schema_guard.strip_foreign(project._conn)
            if left:
                raise ForeignSchema(tr("{path}: {objects} diubah oleh program lain dan tidak dapat dipulihkan di "
                                       "tempat; pulihkan proyek dari cadangan (qda restore {path})",
                                       path=path, objects=schema_guard.describe(left)),
                                    path=path, objects=[o.name for o in left])
            return [o.describe() for o in found], backup
        finally:
            project.close()

    @classmethod
    def _connect(cls, path: Path, *, read_only: bool, lock: bool, wait: float | None = None):
        file_lock = acquire_project_lock(path, wait) if lock else None
        media_read_only = False
        try:
            if read_only:
                conn, media_read_only = _reader(path)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA cache_size=-65536")
            if not read_only:
                conn.isolation_level = None
                mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                conn.isolation_level = "DEFERRED"
                if mode.lower() != "wal":
                    raise NotAProject(tr("{path}: tidak dapat membuka proyek dalam mode WAL", path=path))
                conn.execute("PRAGMA synchronous=NORMAL")
        except (sqlite3.Error, OSError) as exc:
            if file_lock:
                release_project_lock(file_lock)
            if isinstance(exc, OSError):
                raise faults.user_error(exc, path) or exc from None
            raise _open_error(path, exc) from None
        except BaseException:
            if file_lock:
                release_project_lock(file_lock)
            raise
        project = cls(path, conn, file_lock, read_only)
        project.media_read_only = media_read_only
        return project

    def _check_identity(self) -> None:
        try:
            app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            applied = schema.applied_names(self.db)
        except sqlite3.DatabaseError as exc:
            raise _open_error(self.path, exc) from None
        if app_id != schema.APPLICATION_ID:
            raise NotAProject(tr("{path}: bukan berkas proyek qda", path=self.path))
        unknown = [name for name in applied if name not in schema.migration_names()]
        if version > schema.schema_version() or unknown:
            raise faults.too_new(self.path, max(version, len(applied)))

    def _check_sound(self) -> None:
        """SQLite's ``quick_check``: a damaged file is refused, with its backups offered."""
        try:
            result = self._conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise _open_error(self.path, exc) from None
        if result != "ok":
            raise faults.damaged(self.path)

    def _check_schema(self) -> None:
        """Refuse triggers, views and tables that qda's migrations did not create (they would run as the user)."""
        from qda.store import schema_guard

        try:
            found = schema_guard.foreign_objects(self._conn)
        except sqlite3.DatabaseError as exc:
            raise _open_error(self.path, exc) from None
        if found:
            raise ForeignSchema(
                tr("{path}: berkas proyek berisi objek yang tidak dibuat qda: {objects}; berkas tidak dibuka agar "
                   "objek itu tidak berjalan. Buang objek itu (cadangan dibuat dulu) dengan: qda strip-foreign "
                   "{path}", path=self.path, objects=schema_guard.describe(found)),
                path=self.path, objects=[o.name for o in found])

    def _migrate(self, *, new: bool) -> None:
        pending = schema.migrations.pending(self.db)
        if not pending:
            if not new and self._conn.execute("PRAGMA user_version").fetchone()[0] != schema.recorded_version(self.db):
                with self._mutex, self._translated():  # a label left behind by an older qda: repair it
                    with self.db.atomic():
                        self.db.execute(f"PRAGMA user_version={schema.recorded_version(self.db)}")
            return
        if not new:
            from qda.store.backups import backup_target

            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            self.backup(backup_target(self.path, f"v{version}"))
        with self._mutex, self._translated():
            schema.apply(self.db)

    def backup(self, target: str | Path | None = None) -> Path:
        """Write a consistent copy of the project to ``target`` (SQLite online backup) and return it.

        Without ``target`` a new name beside the project is chosen
        (``NAME.qda.bak-YYYYMMDD-HHMMSS``). An explicit ``target`` is replaced whole; a
        failure (full disk …) leaves no partial copy behind.
        """
        from qda.store.backups import backup_target, copy_database

        target = backup_target(self.path) if target is None else Path(target)
        with self._mutex:
            return copy_database(self._conn, target)

    def close(self) -> None:
        """Close the connection and release the lock."""
        with self._mutex:
            try:
                self._conn.close()
            finally:
                if self._file_lock is not None:
                    release_project_lock(self._file_lock)
                    self._file_lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ transactions
    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested); writers are serialised across threads."""
        if self.read_only:
            if self.media_read_only:
                from qda.store.lock import read_only_media_message

                raise ReadOnlyProject(read_only_media_message(self.path))
            raise ReadOnlyProject(tr("{path}: proyek dibuka hanya-baca", path=self.path))
        with self._mutex, self._translated():
            try:
                with self.db.atomic():
                    yield self.db
            except sqlite3.DatabaseError as exc:
                from qda.store.supervision import REVIEW_MODE_MARK

                if REVIEW_MODE_MARK in str(exc):
                    raise InReviewMode(tr("Proyek dibuka dalam mode telaah: koding tidak dapat diubah, "
                                          "hanya telaah dan memo.")) from exc
                raise

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Turn a file fault (full disk, read-only media, I/O error, damage) into the user's error.

        Constraint errors pass through unchanged: the code that made the change reports them.
        """
        try:
            yield
        except sqlite3.IntegrityError:
            raise
        except (sqlite3.DatabaseError, OSError) as exc:
            fault = faults.user_error(exc, self.path)
            if fault is None or fault is exc:
                raise
            raise fault from exc

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._mutex, self._translated():
            cur = self._conn.execute(sql, params)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def _tuples(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self._mutex, self._translated():
            return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Any = ()) -> Any:
        with self._mutex, self._translated():
            row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _exec(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        with self._translated():
            return self._conn.execute(sql, params)

    def _exec_many(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        with self._translated():
            return self._conn.executemany(sql, rows)

    # ---------------------------------------------------------------- events
    def _log(self, action: str, entity: str, entity_uuid: str | None, **detail: Any) -> None:
        """Append to the audit trail (call inside the action's transaction)."""
        self._log_many(action, entity, [(entity_uuid, detail)])

    def _log_many(self, action: str, entity: str, items: Iterable[tuple[str | None, dict[str, Any]]]) -> None:
        """Append one event per ``(entity_uuid, detail)``: a batch write logs exactly what single writes log."""
        stamp = now()
        coder_id = self._coder.id if self._coder else None
        self._conn.executemany(
            "INSERT INTO event(time, coder_id, action, entity, entity_uuid, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [(stamp, coder_id, action, entity, uid, json.dumps(detail, ensure_ascii=False, default=str))
             for uid, detail in items])

    def meta(self, key: str) -> str | None:
        """A project-level setting or fact (``uuid``, ``created``, ...)."""
        return self._one("SELECT value FROM meta WHERE key = ?", (key,))
