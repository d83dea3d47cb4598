"""Load the bundled domain codebook into a new project."""

from __future__ import annotations


def add_bundled_codebook(project, path=None) -> int:
    """Add every code of the bundled codebook (or the one at ``path``); returns how many."""
    from qda.codebook import load_codebook

    book = load_codebook(path)
    added = 0
    with project.atomic():
        for code in book.codes:
            project.add_code(
                code.name, parent=code.parent, group=code.group, color=code.color, indicators=code.indicators,
                name_en=code.name_en, definition_id=code.definition_id, definition_en=code.definition_en,
                when_to_use_id=code.when_to_use_id, when_to_use_en=code.when_to_use_en,
                when_not_id=code.when_not_id, when_not_en=code.when_not_en, example=code.example)
            added += 1
    return added
