"""Re-anchoring after text edits: 1,000 random realistic edits to the demo transcripts.

Builds the demo project (``sample_transcripts/`` with its 244 codings) in a temporary
folder, then applies rounds of one to three random edits to one source at a time —
typo fixes (letters swapped, dropped, doubled; a word's case; a colloquial spelling
corrected), inserted sentences, deleted sentences and moved paragraphs — until 1,000 edits
have been made. For every round the right place of each coding is computed from the
edits themselves (the coding's own text, shifted; shortened when part of it was deleted;
*no* right place when a deleted or moved block cut through it, so only a flag is right),
and compared with what :func:`qda.editing.plan_edit` decides.

Prints, over all codings of the edited sources and over the codings an edit touched
(its text or a boundary changed, or it moved):
% placed exactly on the right text, % flagged ("perlu dicek"), % silently wrong (placed
without a flag on anything but the right text; must be 0). Also the time per plan, and
as a baseline the time of the bare diff (``difflib.SequenceMatcher`` on lines) of the
same texts.

Run: ``python bench/bench_edit.py [--edits 1000] [--seed 13] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qda.demo import build_demo  # noqa: E402
from qda.editing import plan_edit  # noqa: E402
from qda.store.project import Project  # noqa: E402

WORD = re.compile(r"\w{4,}")
SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]+[”\"')]*[ ]*")
COLLOQUIAL = {"tidak": "nggak", "sudah": "udah", "saja": "aja", "bagaimana": "gimana", "kalau": "kalo",
              "memang": "emang", "begitu": "gitu", "sekarang": "sekarang ini", "terima": "trima"}
INSERTS = [
    "Waktu itu saya juga sempat tanya ke bagian keuangan — katanya anggarannya belum cair.",
    "“Nanti kami usulkan lagi,” kata beliau waktu rapat…",
    "(suara telepon berdering, wawancara berhenti sebentar)",
    "Ya, kira-kira begitu, Mbak.",
    "Kalau soal itu saya kurang tahu persis; lebih baik tanya ke Pak Kasubag.",
    "Terus terang, target dua hari itu sering meleset – apalagi menjelang akhir tahun.",
    "Jumlah berkas yang masuk bulan lalu sekitar 1.250 lembar.",
]


# ----------------------------------------------------------------------------- edits
class Edit:
    """One change as a replacement of ``text[start:end]``; ``cut`` marks a region no coding may straddle."""

    def __init__(self, kind: str, start: int, end: int, repl: str, moved_to: int | None = None):
        self.kind, self.start, self.end, self.repl, self.moved_to = kind, start, end, repl, moved_to

    def apply(self, text: str) -> str:
        if self.kind == "move":
            block = text[self.start:self.end]
            rest = text[:self.start] + text[self.end:]
            q = self.moved_to if self.moved_to < self.start else self.moved_to - (self.end - self.start)
            return rest[:q] + block + rest[q:]
        return text[:self.start] + self.repl + text[self.end:]

    def map_span(self, s: int, e: int) -> tuple[tuple[int, int] | None, bool]:
        """Where the right text of a coding at [s, e) is after this edit (None: only a flag is right),
        and whether the edit touched it (changed its text or boundary, or moved it)."""
        a, b = self.start, self.end
        touched = s <= b and a <= e
        if self.kind == "move":
            size, q = b - a, self.moved_to
            if (s < a < e) or (s < b < e):
                return None, True  # the moved block cut through the coding

            def char(c: int) -> int:
                if a <= c < b:
                    return c - a + q if q < a else c + q - b
                if q < a:
                    return c + size if q <= c < a else c
                return c - size if b <= c < q else c
            return (char(s), char(e - 1) + 1), (a <= s and e <= b) or s < q < e
        delta = len(self.repl) - (b - a)
        if self.kind == "insert":
            if a <= s:
                return (s + delta, e + delta), False
            if a >= e:
                return (s, e), False
            return (s, e + delta), True
        if self.kind == "delete":
            if b <= s:
                return (s + delta, e + delta), touched
            if a >= e:
                return (s, e), touched
            if a <= s and e <= b:
                return None, True  # the coded sentence was deleted
            ns = a if s >= a else s
            ne = (e + delta) if e > b else a
            return ((ns, ne) if ne > ns else None), True
        # typo: a word inside or outside the coding
        if b <= s:
            return (s + delta, e + delta), touched
        if a >= e:
            return (s, e), touched
        if s <= a and b <= e:
            return (s, e + delta), True
        return None, True


def _typo(rng: random.Random, text: str) -> Edit | None:
    words = list(WORD.finditer(text))
    if not words:
        return None
    m = rng.choice(words)
    w = m.group()
    how = rng.randrange(5)
    if how == 0 and len(w) > 4:
        i = rng.randrange(1, len(w) - 2)
        new = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif how == 1:
        i = rng.randrange(1, len(w) - 1)
        new = w[:i] + w[i + 1:]
    elif how == 2:
        i = rng.randrange(1, len(w))
        new = w[:i] + w[i] + w[i:]
    elif how == 3:
        new = w[0].swapcase() + w[1:]
    else:
        new = COLLOQUIAL.get(w.lower(), w + "lah")
    if new == w:
        return None
    return Edit("typo", m.start(), m.end(), new)


def _sentences(text: str) -> list[re.Match]:
    return [m for m in SENTENCE.finditer(text) if len(m.group().strip()) > 3]


def _insert(rng: random.Random, text: str) -> Edit | None:
    sents = _sentences(text)
    if not sents:
        return None
    m = rng.choice(sents)
    return Edit("insert", m.start(), m.start(), rng.choice(INSERTS) + " ")


def _delete(rng: random.Random, text: str) -> Edit | None:
    sents = _sentences(text)
    if not sents:
        return None
    m = rng.choice(sents)
    start, end = m.start(), m.end()
    if end >= len(text) or text[end] == "\n":  # the last sentence of a line takes the space before it
        while start > 0 and text[start - 1] == " ":
            start -= 1
    return Edit("delete", start, end, "")


def _move(rng: random.Random, text: str) -> Edit | None:
    starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    paras = [(a, b) for a, b in zip(starts, starts[1:]) if text[a:b].strip()]
    if len(paras) < 3:
        return None
    a, b = rng.choice(paras)
    targets = [p for p in starts[:-1] if p < a or p > b]
    if not targets:
        return None
    return Edit("move", a, b, "", rng.choice(targets))


MAKERS = [(_typo, 0.4), (_insert, 0.2), (_delete, 0.2), (_move, 0.2)]


def random_edit(rng: random.Random, text: str) -> Edit:
    while True:
        maker = rng.choices([m for m, _ in MAKERS], [w for _, w in MAKERS])[0]
        edit = maker(rng, text)
        if edit is not None:
            return edit


# ----------------------------------------------------------------------------- run
def run(edits: int, seed: int, folder: Path) -> None:
    t0 = time.perf_counter()
    path = build_demo(folder)
    print(f"demo project built in {time.perf_counter() - t0:.1f} s: {path}")
    rng = random.Random(seed)
    with Project.open(path) as project:
        docs = [d for d in project.documents.all() if project.segments.all(document=d.id)]
        made = rounds = 0
        totals = {"all": [0, 0, 0, 0], "touched": [0, 0, 0, 0]}  # codings, exact, flagged, wrong
        by_kind: dict[str, list[int]] = {}
        wrong_examples: list[str] = []
        plan_time = diff_time = 0.0
        while made < edits:
            doc = rng.choice(docs)
            old = project.documents.text(doc.id)
            segs = project.segments.all(document=doc.id)
            expected = {s.id: (s.start, s.end) for s in segs}
            touched_ids: set[int] = set()
            text = old
            kinds = []
            for _ in range(min(rng.randint(1, 3), edits - made)):
                edit = random_edit(rng, text)
                kinds.append(edit.kind)
                text = edit.apply(text)
                for sid, span in list(expected.items()):
                    if span is not None:
                        expected[sid], hit = edit.map_span(*span)
                        if hit:
                            touched_ids.add(sid)
                made += 1
            rounds += 1
            t1 = time.perf_counter()
            plan = plan_edit(project, doc.id, text)
            plan_time += time.perf_counter() - t1
            t1 = time.perf_counter()
            difflib.SequenceMatcher(None, old.splitlines(True), text.splitlines(True), autojunk=False).get_opcodes()
            diff_time += time.perf_counter() - t1
            new = plan.after.text
            if new != text:
                raise SystemExit(f"the planned text is not the edited text ({kinds})")
            for p in plan.placements:
                want = expected[p.id]
                seg = next(s for s in segs if s.id == p.id)
                touched = p.id in touched_ids
                right = want is not None and new[p.start:p.end].strip() == new[want[0]:want[1]].strip() and \
                    abs(p.start - want[0]) + abs(p.end - want[1]) <= 2
                outcome = 1 if (right and not p.flagged) else 2 if p.flagged else 3
                for key in ("all", "touched") if touched else ("all",):
                    totals[key][0] += 1
                    totals[key][outcome] += 1
                kind = "+".join(sorted(set(kinds)))
                if touched:
                    row = by_kind.setdefault(kind, [0, 0, 0, 0])
                    row[0] += 1
                    row[outcome] += 1
                if outcome == 3 and len(wrong_examples) < 10:
                    wrong_examples.append(f"  {doc.name} {kinds} {p}: old {old[seg.start:seg.end]!r} → placed "
                                          f"{new[p.start:p.end]!r}, right {new[want[0]:want[1]] if want else None!r}")
    print(f"\n{made} edits in {rounds} rounds of 1–3 edits on {len(docs)} coded demo sources")
    for key, label in (("all", "all codings of the edited sources"), ("touched", "codings an edit touched")):
        n, exact, flagged, wrong = totals[key]
        print(f"{label:40s} {n:7d}: exact {100 * exact / n:6.2f} %   flagged {100 * flagged / n:6.2f} %   "
              f"silently wrong {100 * wrong / n:5.2f} %")
    print("\ntouched codings by edit kinds of the round (n, exact %, flagged %, wrong %):")
    for kind, (n, exact, flagged, wrong) in sorted(by_kind.items()):
        print(f"  {kind:28s} {n:5d}  {100 * exact / n:6.1f}  {100 * flagged / n:6.1f}  {100 * wrong / n:5.1f}")
    print(f"\nplan per round (diff, placing every coding, turns): {1000 * plan_time / rounds:.1f} ms; "
          f"baseline: bare line diff of the same texts {1000 * diff_time / rounds:.2f} ms")
    if wrong_examples:
        print("\nsilently wrong:")
        print("\n".join(wrong_examples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", type=Path, default=None, help="build the demo here instead of a temporary folder")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.edits, args.seed, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(args.edits, args.seed, Path(tmp))


if __name__ == "__main__":
    main()
