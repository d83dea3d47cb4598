"""Anonymisation: a name replaced by a case code everywhere in a source, as an ordinary edit.

The name is matched as whole words (an underscore or hyphen separates words too),
case-insensitively, with any run of spaces between its words (``Ratna  Dewi`` across a line
break too); several spellings may be given and the longest is matched first (``Ratna Dewi``
before ``Ratna``). Besides the text, the same
replacement is made in the document's name, its attributes, its case's attributes and the
memos on it and its codings, so reports and exports carry no real name. The replacements
are known exactly, so codings move with them without a diff; a coding that starts or
ends inside a name is flagged.
"""

from __future__ import annotations

import re

from qda.editing.diff import blocks_from_replacements
from qda.editing.edit import EditPlan, EditResult, apply_plan, plan_edit
from qda.errors import InvalidValue
from qda.i18n import tr


def name_pattern(names: list[str]) -> re.Pattern[str]:
    """One pattern matching any of ``names`` as whole words (longest first), ignoring case."""
    cleaned = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
    if not cleaned:
        raise InvalidValue(tr("nama yang disamarkan tidak boleh kosong"))
    alternatives = [r"\s+".join(re.escape(word) for word in n.split()) for n in cleaned]
    # a name ends where letters and digits end: "_" and "-" separate it too (wawancara_ratna.txt)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


def replace_names(text: str, pattern: re.Pattern[str], code: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with every match replaced by ``code``, and the replacements made."""
    reps = [(m.start(), m.end(), code) for m in pattern.finditer(text)]
    return pattern.sub(code.replace("\\", "\\\\"), text), reps


def plan_anonymise(project, doc, names: list[str], code: str) -> EditPlan:
    """Plan replacing ``names`` by ``code`` in one document (nothing written)."""
    code = code.strip()
    if not code:
        raise InvalidValue(tr("kode kasus pengganti nama tidak boleh kosong"))
    pattern = name_pattern(names)
    document = project.documents.get(doc)
    old = project.documents.text(document.id)
    new, reps = replace_names(old, pattern, code)
    new, blocks = blocks_from_replacements(old, reps)
    fields = []
    for kind, owner, key, value in project.versions.field_values(document.id):
        changed, _ = replace_names(value, pattern, code)
        if changed != value:
            fields.append((kind, owner, key, changed))
    new_name, _ = replace_names(document.name, pattern, code)
    if new_name != document.name:
        taken = {d.name for d in project.documents.all() if d.id != document.id}
        stem, dot, ext = new_name.rpartition(".")
        stem, ext = (stem, dot + ext) if dot else (new_name, "")
        number = 2
        while new_name in taken:  # two sources named after the same person
            new_name = f"{stem} ({number}){ext}"
            number += 1
    plan = plan_edit(project, document.id, new, blocks=blocks, action="anonymise", fields_after=fields,
                     name_after=new_name, known_edit=True)
    plan.extra.update({"replaced": len(reps), "fields": len(fields), "renamed": new_name != document.name,
                       "code": code})
    return plan


def anonymise(project, names: list[str], code: str, *, documents: list | None = None) -> list[EditResult]:
    """Replace ``names`` by ``code`` in the given documents (default: all); one transaction.

    Documents without the name are left alone (and have no version).
    """
    docs = documents if documents is not None else [d.id for d in project.documents.all()]
    results = []
    with project.atomic():
        for doc in docs:
            plan = plan_anonymise(project, doc, names, code)
            if plan.changed:
                results.append(apply_plan(project, plan))
    return results
