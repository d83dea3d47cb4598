"""Hand-coded gold transcripts and the precision/recall of suggestions against them.

A gold file is a transcript in which coded passages are wrapped as ``{{KEY,KEY|passage}}``;
a ``codes.json`` beside the folders maps keys to code names. A suggestion counts as right
when it overlaps a gold passage of the same code; a gold passage counts as found when a
suggestion of its code overlaps it (passage-level precision and recall).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from qda.errors import QdaError
from qda.i18n import tr

_MARK = re.compile(r"\{\{([A-Z,]+)\|(.*?)\}\}", re.S)


@dataclass(frozen=True)
class GoldText:
    """A gold transcript: plain text and its coded passages ``(code name, start, end)``."""

    name: str
    text: str
    codings: tuple[tuple[str, int, int], ...]


def load_gold(path: str | Path, keys: dict[str, str]) -> GoldText:
    """Read one gold file, resolving keys to code names with ``keys``."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    out: list[str] = []
    codings = []
    pos = 0
    length = 0
    for match in _MARK.finditer(raw):
        out.append(raw[pos:match.start()])
        length += match.start() - pos
        passage = match.group(2)
        for key in match.group(1).split(","):
            if key not in keys:
                raise QdaError(tr("{path}: kunci kode tidak dikenal: {key}", path=path, key=key))
            codings.append((keys[key], length, length + len(passage)))
        out.append(passage)
        length += len(passage)
        pos = match.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise QdaError(tr("{path}: tanda {{…}} yang tidak tertutup", path=path))
    return GoldText(path.name, text, tuple(codings))


def load_gold_folder(folder: str | Path) -> list[GoldText]:
    """Every ``*.txt`` gold file of ``folder`` (sorted), keys from ``codes.json`` in it or its parent."""
    folder = Path(folder)
    codes_file = folder / "codes.json"
    if not codes_file.exists():
        codes_file = folder.parent / "codes.json"
    keys = json.loads(codes_file.read_text(encoding="utf-8"))
    return [load_gold(p, keys) for p in sorted(folder.glob("*.txt"))]


@dataclass(frozen=True)
class Scores:
    """Passage-level counts and rates for one code (or all codes)."""

    suggested: int
    right: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(suggested: Iterable[tuple[str, str, int, int]], gold: Iterable[tuple[str, str, int, int]]
             ) -> dict[str, Scores]:
    """Scores per code name and under ``""`` for all codes; items are ``(document, code, start, end)``."""
    suggested, gold = list(suggested), list(gold)

    def overlaps(a, pool: Sequence) -> bool:
        return any(b[0] == a[0] and b[1] == a[1] and b[2] < a[3] and a[2] < b[3] for b in pool)

    codes = sorted({s[1] for s in suggested} | {g[1] for g in gold})
    out: dict[str, Scores] = {}
    for code in codes:
        mine = [s for s in suggested if s[1] == code]
        theirs = [g for g in gold if g[1] == code]
        out[code] = Scores(len(mine), sum(overlaps(s, theirs) for s in mine), len(theirs),
                           sum(overlaps(g, mine) for g in theirs))
    out[""] = Scores(*(sum(getattr(s, f) for s in out.values()) for f in ("suggested", "right", "gold", "found")))
    return out
