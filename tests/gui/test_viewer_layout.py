"""Position conversion and the highlight/stripe layouts, against brute-force answers."""

from __future__ import annotations

import random

from hypothesis import given, settings as hsettings, strategies as st

from qda.colours import blend
from qda.gui.viewer.layout import Span, highlight_pieces, stripe_columns
from qda.gui.viewer.positions import PositionMap


def test_position_map_counts_astral_characters_twice_in_utf16():
    text = "a🙂b𝔸c"
    m = PositionMap(text)
    assert [m.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    # the low surrogate of a pair maps back to the start of its character
    assert [m.to_codepoint(u) for u in range(m.utf16_length + 1)] == [0, 1, 1, 2, 3, 3, 4, 5]
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from("ab \n🙂𝔸é"), max_size=60))
def test_position_map_agrees_with_utf16_encoding(text):
    m = PositionMap(text)
    for i in range(len(text) + 1):
        assert m.to_utf16(i) == len(text[:i].encode("utf-16-le")) // 2
        assert m.to_codepoint(m.to_utf16(i)) == i


def _random_spans(rng: random.Random, n: int, length: int) -> list[Span]:
    spans = []
    for i in range(n):
        a = rng.randrange(0, length - 1)
        b = rng.randrange(a + 1, min(length, a + 40) + 1)
        spans.append(Span(i, rng.randrange(1, 6), a, b))
    return spans


@hsettings(max_examples=60)
@given(st.integers(min_value=0, max_value=10_000))
def test_highlight_pieces_match_brute_force_coverage(seed):
    rng = random.Random(seed)
    length = 120
    spans = _random_spans(rng, rng.randrange(0, 25), length)
    pieces = highlight_pieces(spans)
    covered = {}
    for p in pieces:
        assert p.start < p.end
        for pos in range(p.start, p.end):
            assert pos not in covered
            covered[pos] = set(p.codes)
    for pos in range(length):
        expect = {s.code_id for s in spans if s.start <= pos < s.end}
        assert covered.get(pos, set()) == expect
    # pieces are ordered and adjacent equal pieces are merged
    for a, b in zip(pieces, pieces[1:]):
        assert a.end <= b.start
        assert not (a.end == b.start and a.codes == b.codes)


@hsettings(max_examples=60)
@given(st.integers(min_value=0, max_value=10_000))
def test_stripe_columns_never_overlap_and_use_the_minimum(seed):
    rng = random.Random(seed)
    spans = _random_spans(rng, rng.randrange(1, 30), 150)
    bars, ncols = stripe_columns(spans)
    assert sorted(b.span.segment_id for b in bars) == sorted(s.segment_id for s in spans)
    for i, a in enumerate(bars):
        for b in bars[i + 1:]:
            if a.column == b.column:
                assert a.span.end <= b.span.start or b.span.end <= a.span.start
    depth = max(sum(1 for s in spans if s.start <= pos < s.end) for pos in range(150))
    assert ncols == depth  # interval partitioning is optimal


def test_blend_of_one_colour_is_translucent_and_stacks():
    assert blend([], 0.45) == "#ffffff"
    one = blend(["#ff0000"], alpha=0.5)
    assert one == "#ff8080"
    assert blend(["#ff0000", "#ff0000"], alpha=0.5) == "#ff4040"


@hsettings(max_examples=80)
@given(st.integers(min_value=0, max_value=10_000))
def test_recomputing_only_the_changed_stretch_equals_a_full_sweep(seed):
    from qda.gui.viewer.layout import repiece, span_order

    rng = random.Random(seed)
    spans = sorted(_random_spans(rng, rng.randrange(1, 25), 150), key=span_order)
    old = highlight_pieces(spans)
    changed = _random_spans(rng, 1, 150)[0]
    changed = Span(999, changed.code_id, changed.start, changed.end)
    if rng.random() < 0.5:  # add a coding
        new_spans = sorted(spans + [changed], key=span_order)
    else:  # remove one
        changed = spans[rng.randrange(len(spans))]
        new_spans = [s for s in spans if s is not changed]
    max_len = max((s.end - s.start for s in new_spans + [changed]), default=0)
    fast = repiece(old, new_spans, changed.start, changed.end, max_len)
    full = highlight_pieces(new_spans)

    def per_position(pieces):
        return {pos: p.codes for p in pieces for pos in range(p.start, p.end)}

    assert per_position(fast) == per_position(full)  # same codes, same layering order
