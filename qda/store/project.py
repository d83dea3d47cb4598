"""The :class:`Project`: one SQLite project file, composed of one repository per concept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from filelock import FileLock

from qda.errors import NotAProject
from qda.i18n import tr
from qda.store.base import ProjectBase
from qda.store.cases import CaseRepository
from qda.store.coders import CoderRepository
from qda.store.codes import CodeRepository
from qda.store.documents import DocumentRepository
from qda.store.events import EventRepository
from qda.store.exchange import ExchangeRepository
from qda.store.memos import MemoRepository
from qda.store.merging import MergeRepository
from qda.store.queries import QueryRepository
from qda.store.reviews import ReviewRepository
from qda.store.links import LinkRepository
from qda.store.segments import SegmentRepository
from qda.store.suggestions import SuggestionRepository
from qda.store.supervision import SupervisionRepository
from qda.store.surveys import SurveyRepository
from qda.store.versions import VersionRepository


class Project(ProjectBase):
    """A qda project file, opened with :meth:`Project.open` or made with :meth:`Project.create`.

    The project itself owns the connection, the lock, transactions (:meth:`atomic`),
    the audit trail, meta facts, statistics and backups. Everything else lives in one
    repository per concept: ``documents``, ``cases``, ``codes``, ``segments``, ``memos``,
    ``reviews``, ``surveys``, ``coders``, ``events``, ``supervision``, ``merging``, ``suggestions``, ``exchange`` and ``versions``.

    Every write is one transaction and is logged in the append-only event table
    with the current coder and time. Positions are Unicode code points into the
    document's stored text, end exclusive.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, read_only: bool) -> None:
        super().__init__(path, conn, lock, read_only)
        self.coders = CoderRepository(self)
        self.documents = DocumentRepository(self)
        self.cases = CaseRepository(self)
        self.codes = CodeRepository(self)
        self.segments = SegmentRepository(self)
        self.memos = MemoRepository(self)
        self.reviews = ReviewRepository(self)
        self.surveys = SurveyRepository(self)
        self.events = EventRepository(self)
        self.supervision = SupervisionRepository(self)  # the review queue, revised marks, blind coding, review mode
        self.merging = MergeRepository(self)  # reading a whole project and writing a merge into it
        self.suggestions = SuggestionRepository(self)  # auto-coding suggestions: stored, accepted or rejected
        self.exchange = ExchangeRepository(self)  # REFI-QDA: whole-project reads for export, GUID-keyed import writes
        self.versions = VersionRepository(self)  # text versions of edited documents, codings to check after an edit
        self.queries = QueryRepository(self)  # saved code queries, own stop words, the analysis snapshot
        self.links = LinkRepository(self)  # mixed methods: indicator-code links, joint notes, respondents

    def stats(self) -> dict[str, int]:
        """Counts of sources, codes, segments, coders and memos (for status bars and summaries; blind coding applied)."""
        clause, params = self.supervision.visible_clause("coder_id")
        row = self._tuples(
            "SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM code), "
            f"(SELECT COUNT(*) FROM segment WHERE {clause}), "
            "(SELECT COUNT(*) FROM coder), (SELECT COUNT(*) FROM memo)", params)[0]
        return dict(zip(("documents", "codes", "segments", "coders", "memos"), row))

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` result (``"ok"`` when the file is sound)."""
        return str(self._one("PRAGMA integrity_check"))


def copy_project_file(source: str | Path, target: str | Path) -> Path:
    """A consistent copy of a closed project file (its journal included) without opening it as a project.

    Raises :class:`NotAProject` when ``source`` is not a readable database.
    """
    source = Path(source)
    try:
        with Project._connect(source, read_only=False, lock=False) as project:
            return project.backup(target)
    except sqlite3.DatabaseError as exc:
        raise NotAProject(tr("{path}: bukan berkas proyek qda ({reason})", path=source, reason=exc)) from None
