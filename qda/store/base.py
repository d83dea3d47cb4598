"""Opening, creating, locking and migrating a project file; transactions and the event log."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
import uuid as uuidlib
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from filelock import FileLock
from sqlite_utils import Database

from qda.errors import NotAProject, ProjectError, ProjectExists, ProjectTooNew, ReadOnlyProject
from qda.i18n import tr
from qda.store import schema
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


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> ProjectError:
    """A file that is not a database is 'not a project'; an I/O failure is only 'cannot be opened'."""
    if "not a database" in str(exc) or "malformed" in str(exc):
        return NotAProject(tr("{path}: bukan berkas proyek qda ({reason})", path=path, reason=exc))
    return ProjectError(tr("{path}: proyek tidak dapat dibuka sekarang ({reason}); berkasnya tidak diubah",
                           path=path, reason=exc))


class ProjectBase:
    """One open project file: connection, lock, transactions and the audit trail."""

    coders: CoderRepository

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.db = Database(conn)
        self._conn = conn
        self._file_lock = lock
        self._mutex = threading.RLock()
        self._coder: Coder | None = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def create(cls, path: str | Path, *, codebook: bool = True, coder: str | None = None,
               role: str = "coder"):
        """Create a new project file (with the bundled codebook unless ``codebook=False``)."""
        path = Path(path)
        if path.exists():
            raise ProjectExists(tr("{path}: berkas sudah ada; pilih nama lain", path=path))
        if not path.parent.is_dir():
            raise NotAProject(tr("{path}: folder tujuan tidak ada", path=path))
        tmp = path.with_name(path.name + ".creating")
        tmp.unlink(missing_ok=True)
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
            for suffix in ("-wal", "-shm"):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
                # a journal left beside a deleted project must not be replayed into the new one
                Path(str(path) + suffix).unlink(missing_ok=True)
            tmp.rename(path)  # the project appears whole or not at all
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return cls.open(path, coder=coder, role=role)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, coder: str | None = None,
             role: str | None = None):
        """Open an existing project; another writer makes this raise :class:`ProjectInUse`."""
        path = Path(path)
        if not path.is_file():
            raise NotAProject(tr("{path}: proyek tidak ditemukan", path=path))
        project = cls._connect(path, read_only=read_only, lock=not read_only)
        try:
            project._check_identity()
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
    def _connect(cls, path: Path, *, read_only: bool, lock: bool):
        file_lock = acquire_project_lock(path) if lock else None
        try:
            if read_only:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=10)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA cache_size=-65536")
            if not read_only:
                conn.isolation_level = None
                mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                conn.isolation_level = ""
                if mode.lower() != "wal":
                    raise NotAProject(tr("{path}: tidak dapat membuka proyek dalam mode WAL", path=path))
                conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            if file_lock:
                release_project_lock(file_lock)
            raise _open_error(path, exc) from None
        return cls(path, conn, file_lock, read_only)

    def _check_identity(self) -> None:
        try:
            app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise _open_error(self.path, exc) from None
        if app_id != schema.APPLICATION_ID:
            raise NotAProject(tr("{path}: bukan berkas proyek qda", path=self.path))
        if version > schema.schema_version():
            raise ProjectTooNew(tr("{path}: proyek dibuat oleh versi qda yang lebih baru (skema {v}); "
                                   "perbarui qda", path=self.path, v=version))

    def _migrate(self, *, new: bool) -> None:
        pending = schema.migrations.pending(self.db)
        if not pending:
            return
        if not new:
            self.backup(self.path.with_name(
                f"{self.path.name}.bak-v{self._conn.execute('PRAGMA user_version').fetchone()[0]}"))
        with self._mutex:
            schema.migrations.apply(self.db)
            self._conn.isolation_level = None
            self._conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version={schema.schema_version()}")
            self._conn.isolation_level = ""

    def backup(self, target: str | Path) -> Path:
        """Write a consistent copy of the project to ``target`` (SQLite online backup)."""
        target = Path(target)
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            with self._mutex:
                self._conn.backup(dest)
        finally:
            dest.close()
        shutil.move(str(tmp), str(target))
        return target

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
            raise ReadOnlyProject(tr("{path}: proyek dibuka hanya-baca", path=self.path))
        with self._mutex:
            with self.db.atomic():
                yield self.db

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._mutex:
            cur = self._conn.execute(sql, params)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def _tuples(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self._mutex:
            return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Any = ()) -> Any:
        with self._mutex:
            row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _exec(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def _exec_many(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
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
