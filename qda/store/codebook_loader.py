"""Load a codebook (the bundled one by default) into a project in one transaction."""

from __future__ import annotations


def add_bundled_codebook(project, path=None) -> int:
    """Add every code of the bundled codebook (or of the template named, or the file at ``path``); returns how many.

    ``path`` may name a template ("dwiyanto", "sako", "kosong"; see :data:`qda.codebook.CODEBOOK_TEMPLATES`).
    """
    from qda.codebook import add_codebook_to, codebook_template_path, load_codebook

    with project.atomic():
        return add_codebook_to(project, load_codebook(codebook_template_path(path) if path else None))
