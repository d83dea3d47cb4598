"""Load a codebook (the bundled one by default) into a project in one transaction."""

from __future__ import annotations


def add_bundled_codebook(project, path=None) -> int:
    """Add every code of the bundled codebook (or the one at ``path``); returns how many."""
    from qda.codebook import add_codebook_to, load_codebook

    with project.atomic():
        return add_codebook_to(project, load_codebook(path))
