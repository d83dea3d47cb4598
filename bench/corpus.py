"""Realistic Indonesian transcripts for the benchmarks, built from ``sample_transcripts/``.

Every bench measures on text like the text researchers import: the sample transcripts'
own header blocks, speaker turns (``(00:00:08) Peneliti:``, ``[00:01:23] P:``,
``Pewawancara:``, ``Bu Ratna:`` …) and utterances, reshuffled with a fixed seed into as
many *distinct* transcripts as asked, with the typographic punctuation real transcripts
carry (en and em dashes, ellipses, curly double and single quotes; about one
non-ASCII character per 60), so text normalisation never runs on its ASCII fast path.

- :func:`transcripts` — ``n`` transcripts of about ``words`` words each.
- :func:`transcript` — one transcript of about ``chars`` characters (the dense-coding case).
- :func:`utterances` — the pool of turn bodies (for benches that build their own layout).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_transcripts"
_TURN = re.compile(r"^(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]\s*)?([^\W\d][\w .’'()-]{0,40}?):\s+(.+)$")
_HEADER = re.compile(r"^([A-Z][\w ]{1,24}):\s+(.+)$")


@lru_cache(maxsize=1)
def _material() -> tuple[list[str], list[list[str]], list[tuple[str, str]]]:
    """(utterances, header blocks, speaker label pairs) of the plain-text samples."""
    bodies: list[str] = []
    headers: list[list[str]] = []
    pairs: set[tuple[str, str]] = set()
    for path in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("wawancara_*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        head: list[str] = []
        labels: list[str] = []
        in_header = True
        for line in lines:
            line = line.strip().strip("*")
            if not line:
                in_header = in_header and not head
                continue
            if in_header and _HEADER.match(line):
                head.append(line)
                continue
            in_header = False
            m = _TURN.match(line)
            if m and len(m.group(2)) > 20:
                bodies.append(m.group(2))
                if m.group(1) not in labels:
                    labels.append(m.group(1))
            elif len(line) > 40 and not line.startswith("#"):
                bodies.append(line)
        if head and any(h.startswith("Jenis: Wawancara") for h in head):
            headers.append(head)
        if len(labels) >= 2:
            pairs.add((labels[0], labels[1]))
    pairs.update({("P", "I"), ("Pewawancara", "Informan"), ("T", "J")})
    return bodies, headers, sorted(pairs)


def utterances() -> list[str]:
    """Every utterance of the samples (turn bodies and note paragraphs)."""
    return list(_material()[0])


def typographic(rng: random.Random, text: str) -> str:
    """Give an utterance the punctuation of real transcripts (pauses, interruptions, quotes)."""
    sentences = re.split(r"(?<=[.?!])\s+", text)
    out = []
    for s in sentences:
        r = rng.random()
        if r < 0.25 and ", " in s:
            s = s.replace(", ", "… ", 1)
        elif r < 0.40 and s.endswith("."):
            s = s[:-1] + "…"
        elif r < 0.55:
            words = s.split()
            if len(words) > 6:
                i = rng.randrange(1, len(words) - 4)
                words[i] = "“" + words[i]
                words[i + 2] = words[i + 2] + "”"
                s = " ".join(words)
        elif r < 0.65 and " " in s:
            i = s.index(" ", len(s) // 2) if " " in s[len(s) // 2:] else s.index(" ")
            s = s[:i] + " –" + s[i:]
        elif r < 0.72:
            s = s.replace("Jumat", "Jum’at").replace("kan ", "’kan ", 1) if "kan " in s else s + " (tertawa)"
        out.append(s)
    return " ".join(out)


def _stamp(seconds: int, style: int) -> str:
    h, m, s = seconds // 3600, seconds // 60 % 60, seconds % 60
    return (f"({h:02d}:{m:02d}:{s:02d})", f"[{h:02d}:{m:02d}:{s:02d}]", "")[style]


def make(rng: random.Random, index: int, *, words: int | None = None, chars: int | None = None) -> str:
    """One transcript: a sample's header block (numbered) and reshuffled turns until the size is reached."""
    bodies, headers, pairs = _material()
    head = list(rng.choice(headers))
    head = [f"Informan: Informan {index + 1}" if h.startswith("Informan:") else h for h in head]
    head.insert(0, f"Judul: Wawancara {index + 1} tentang kinerja pelayanan publik")
    head = [h for i, h in enumerate(head) if i == 0 or not h.startswith("Judul:")]
    asker, answerer = pairs[index % len(pairs)]
    style = index % 3
    lines = head + [""]
    n_words = n_chars = 0
    seconds = 0
    turn = 0
    while (words is None or n_words < words) and (chars is None or n_chars < chars):
        seconds += rng.randint(4, 80)
        speaker = asker if turn % 2 == 0 else answerer
        body = typographic(rng, rng.choice(bodies))
        stamp = _stamp(seconds, style)
        line = f"{stamp} {speaker}: {body}" if stamp else f"{speaker}: {body}"
        lines += [line, ""]
        n_words += len(line.split())
        n_chars += len(line) + 2
        turn += 1
    text = "\n".join(lines).rstrip() + "\n"
    return text[:chars] if chars is not None else text


def transcripts(n: int, words: int, seed: int = 20240311) -> list[str]:
    """``n`` distinct transcripts of about ``words`` words each (fixed seed)."""
    rng = random.Random(seed)
    return [make(rng, i, words=words) for i in range(n)]


def transcript(chars: int, seed: int = 300) -> str:
    """One transcript of exactly ``chars`` characters (cut at the end), fixed seed."""
    return make(random.Random(seed), 0, chars=chars)


def describe(texts: list[str]) -> str:
    """A line saying what the corpus is, for the benches to print."""
    total = sum(len(t) for t in texts)
    non_ascii = sum(sum(1 for ch in t if ord(ch) > 127) for t in texts)
    typo = sum(t.count(c) for t in texts for c in "–—…“”’")
    return (f"{len(texts)} transcripts built from sample_transcripts/ (headers, speaker turns, utterances "
            f"reshuffled), {sum(len(t.split()) for t in texts):,} words, {total / 1e6:.1f} M characters, "
            f"{non_ascii:,} non-ASCII characters ({typo:,} typographic dashes, ellipses and quotes)")
