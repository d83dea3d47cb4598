"""Rolling backups: a copy of the project each time it is opened, the newest few kept.

Built on :mod:`qda.store.backups` (naming, the consistent online-backup copy, restore with its
integrity check). The copy is read through its own read-only connection, so a worker thread
can make it while the window goes on using the project. Only the rolling copies
(``NAME.qda.bak-otomatis-…``) are pruned; backups made by hand are never removed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from qda.store.backups import BackupInfo, backup_target, copy_database, list_backups

ROLLING_LABEL = "otomatis"
KEEP = 5


@dataclass(frozen=True)
class BackupSummary:
    """A backup with what it holds (for the File › Backups list)."""

    info: BackupInfo
    rolling: bool
    documents: int | None
    codings: int | None
    memos: int | None


def rolling_backup(project: str | Path, keep: int = KEEP) -> Path:
    """Copy ``project`` to a new rolling backup and remove rolling backups beyond the newest ``keep``."""
    project = Path(project)
    conn = sqlite3.connect(project.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        target = copy_database(conn, backup_target(project, ROLLING_LABEL))
    finally:
        conn.close()
    rolling = [b for b in list_backups(project) if _is_rolling(project, b)]
    for old in rolling[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def _is_rolling(project: Path, info: BackupInfo) -> bool:
    return info.path.name.startswith(f"{project.name}.bak-{ROLLING_LABEL}-")


def backup_summaries(project: str | Path) -> list[BackupSummary]:
    """Every backup of ``project``, newest first, with its numbers of sources, codings and memos."""
    project = Path(project)
    out = []
    for info in list_backups(project):
        counts: tuple[int | None, ...] = (None, None, None)
        try:
            conn = sqlite3.connect(info.path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
            try:
                counts = conn.execute("SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM segment), "
                                      "(SELECT COUNT(*) FROM memo)").fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # not readable: listed without numbers; restore checks it properly
        out.append(BackupSummary(info, _is_rolling(project, info), *counts))
    return out
