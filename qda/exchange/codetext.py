"""A code's definitions in one REFI ``Description`` text, and back.

REFI gives a code one description. qda's codes carry an Indonesian definition plus an English
one, when to use / not to use, an example and indicator terms. The description starts with the
Indonesian definition; each other field that is filled follows as its own paragraph
``Label: text``. Other programs show it as it is; reading it back restores every field, and a
description written by another program (no labels) becomes the Indonesian definition.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

LABELS: tuple[tuple[str, str], ...] = (
    ("name_en", "English name"),
    ("definition_en", "Definition (English)"),
    ("when_to_use_id", "Kapan dipakai"),
    ("when_to_use_en", "When to use"),
    ("when_not_id", "Kapan tidak dipakai"),
    ("when_not_en", "When not to use"),
    ("example", "Contoh"),
    ("indicators", "Indikator"),
)
_BY_LABEL = {label: key for key, label in LABELS}


def compose(code: Mapping[str, Any]) -> str:
    """The REFI description of a code row (keys as in the ``code`` table)."""
    parts = [str(code.get("definition_id") or "").strip()]
    for key, label in LABELS:
        value = code.get(key)
        if key == "indicators":
            terms = json.loads(value) if isinstance(value, str) else list(value or [])
            value = "; ".join(terms)
        value = str(value or "").strip()
        if value:
            parts.append(f"{label}: {value}")
    return "\n\n".join(p for p in parts if p) if any(parts[1:]) else parts[0]


def parse(description: str) -> dict[str, str]:
    """Code fields from a REFI description (``indicators`` as a JSON list)."""
    fields: dict[str, str] = {}
    plain: list[str] = []
    for para in (description or "").strip().split("\n\n"):
        label, sep, rest = para.partition(": ")
        key = _BY_LABEL.get(label) if sep else None
        if key and key not in fields:
            fields[key] = rest.strip()
        elif para.strip():
            plain.append(para.strip())
    if plain:
        fields["definition_id"] = "\n\n".join(plain)
    if "indicators" in fields:
        fields["indicators"] = json.dumps([t.strip() for t in fields["indicators"].split(";") if t.strip()],
                                          ensure_ascii=False)
    return fields
