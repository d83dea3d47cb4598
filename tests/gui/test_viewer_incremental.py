"""Applying or removing a few codings updates stripes and highlights in place, as a full layout would."""

from __future__ import annotations

import random

import pytest

from qda.gui.viewer.layout import highlight_pieces
from qda.store.records import Segment
from workbench_support import merged_pieces

pytestmark = pytest.mark.gui


def _segments(rng, n, text_len, first_id=1):
    out = []
    for i in range(n):
        start = rng.randrange(0, text_len - 50)
        out.append(Segment(first_id + i, "", 1, rng.randrange(1, 6), start, start + rng.randint(5, 300), 1, ""))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_incremental_updates_match_a_full_layout(qtbot, seed):
    from qda.gui.viewer.text_view import DocumentView

    rng = random.Random(seed)
    text = "kata " * 2000
    view = DocumentView()
    qtbot.addWidget(view)
    segs = _segments(rng, 300, len(text))
    view.show_document(1, text, [], segs, {c: (f"K{c}", "#ff0000") for c in range(1, 6)})
    for step in range(20):
        if step % 3 == 2:
            segs = [s for s in segs if s.id != rng.choice(segs).id]
        else:
            segs = segs + _segments(rng, rng.randint(1, 3), len(text), first_id=1000 + 10 * step)
        view.set_segments(segs)
    bars = view.bars()
    assert sorted(b.span.segment_id for b in bars) == sorted(s.id for s in segs)
    for i, a in enumerate(bars):
        for b in bars[i + 1:]:
            if b.span.start >= a.span.end:
                continue
            if a.span.start < b.span.end and b.span.start < a.span.end:
                assert a.column != b.column, (a, b)
    assert view.stripe_column_count() >= max(b.column for b in bars) + 1
    assert [b.span.start for b in bars] == sorted(b.span.start for b in bars)
    full = highlight_pieces(sorted(view._span_by_id.values(), key=lambda s: (s.start, -s.end, s.segment_id)))
    assert merged_pieces(view.highlighter.pieces()) == merged_pieces(full)




@pytest.mark.parametrize("seed", range(3))
def test_updating_a_few_codings_equals_replacing_them_all(qtbot, seed):
    from qda.gui.viewer.text_view import DocumentView

    rng = random.Random(seed)
    text = "kata " * 2000
    looks = {c: (f"K{c}", "#ff0000") for c in range(1, 6)}
    few, whole = DocumentView(), DocumentView()
    qtbot.addWidget(few)
    qtbot.addWidget(whole)
    segs = _segments(rng, 200, len(text))
    for view in (few, whole):
        view.show_document(1, text, [], segs, looks)
    for step in range(30):
        if step % 3 == 2:
            gone = rng.choice(segs)
            segs = [s for s in segs if s.id != gone.id]
            few.update_segments(removed=[gone.id])
        else:
            new = _segments(rng, rng.randint(1, 2), len(text), first_id=1000 + 10 * step)
            segs = segs + new
            few.update_segments(new)
        whole.set_segments(segs)
        assert few.segments() == whole.segments()
        assert merged_pieces(few.highlighter.pieces()) == merged_pieces(whole.highlighter.pieces())
        assert [(b.span, b.column) for b in few.bars()] == [(b.span, b.column) for b in whole.bars()]
