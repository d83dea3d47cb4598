"""The project store: one SQLite file per project (see :class:`Project`)."""

from qda.store import _light  # noqa: F401  (first: sqlite-utils without pandas)

from qda.store.project import Project
from qda.store.records import Case, Code, Coder, Document, Event, Memo, Review, Segment, Turn

__all__ = ["Project", "Case", "Code", "Coder", "Document", "Event", "Memo", "Review", "Segment", "Turn"]
