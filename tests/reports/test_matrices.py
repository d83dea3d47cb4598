"""Co-occurrence and code × source counts against brute force."""

from __future__ import annotations

from dataclasses import dataclass

from qda.analysis.cooccurrence import ancestor_map, cooccurrence
from qda.reports.matrices import code_source_counts


@dataclass(frozen=True)
class Seg:
    id: int
    document_id: int
    start: int
    end: int
    code_id: int


def test_the_report_counts_cooccurrence_per_passage_like_the_views():
    """Two coders coding one passage with the same two codes count once (the analysis definition)."""
    segs = [Seg(1, 1, 0, 50, 1), Seg(2, 1, 10, 40, 2), Seg(3, 1, 5, 45, 1), Seg(4, 1, 12, 38, 2),
            Seg(5, 1, 100, 120, 1), Seg(6, 1, 110, 130, 2)]
    assert cooccurrence(segs, [1], [2]) == {(1, 2): 2}
    import qda.reports.qualitative as qualitative

    assert qualitative.cooccurrence is cooccurrence
    assert ancestor_map({5: 1, 1: None}, [1]) == {5: 1, 1: 1}


def test_code_source_counts():
    segs = [Seg(1, 1, 0, 1, 5), Seg(2, 1, 3, 4, 5), Seg(3, 2, 0, 1, 5), Seg(4, 2, 0, 1, 6)]
    assert code_source_counts(segs) == {(5, 1): 2, (5, 2): 1, (6, 2): 1}
