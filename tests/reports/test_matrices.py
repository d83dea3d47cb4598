"""Co-occurrence and code × source counts against brute force."""

from __future__ import annotations

import random
from dataclasses import dataclass

from qda.reports.matrices import ancestor_map, code_source_counts, cooccurrence


@dataclass(frozen=True)
class Seg:
    id: int
    document_id: int
    start: int
    end: int
    code_id: int


def brute(segs, rows, cols, up):
    out = {(r, c): 0 for r in rows for c in cols}
    for a in segs:
        for b in segs:
            ra, cb = up.get(a.code_id), up.get(b.code_id)
            if a.document_id == b.document_id and ra in rows and cb in cols and a.start < b.end and b.start < a.end:
                out[(ra, cb)] += 1
    return out


def test_cooccurrence_equals_brute_force_with_subcodes():
    rng = random.Random(3)
    parents = {1: None, 2: None, 3: None, 4: None, 5: 1, 6: 3, 7: None}
    rows, cols = [1, 2], [3, 4]
    segs = []
    for i in range(400):
        start = rng.randrange(0, 2000)
        segs.append(Seg(i, rng.randrange(3), start, start + rng.randrange(1, 120), rng.choice(list(parents))))
    up = ancestor_map(parents, rows + cols)
    assert up[5] == 1 and up[6] == 3 and 7 not in up
    assert cooccurrence(segs, rows, cols, parents) == brute(segs, rows, cols, up)


def test_touching_spans_do_not_cooccur():
    segs = [Seg(1, 1, 0, 10, 1), Seg(2, 1, 10, 20, 2), Seg(3, 1, 9, 12, 2), Seg(4, 2, 0, 5, 2)]
    assert cooccurrence(segs, [1], [2]) == {(1, 2): 1}


def test_code_source_counts():
    segs = [Seg(1, 1, 0, 1, 5), Seg(2, 1, 3, 4, 5), Seg(3, 2, 0, 1, 5), Seg(4, 2, 0, 1, 6)]
    assert code_source_counts(segs) == {(5, 1): 2, (5, 2): 1, (6, 2): 1}
