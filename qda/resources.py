"""Locate the bundled resources and sample transcripts.

In a source checkout (or an editable install) they are the top-level ``resources/``
and ``sample_transcripts/`` folders; a wheel carries them inside the package as
``qda/_resources`` and ``qda/_sample_transcripts``.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _locate(installed: str, checkout: str) -> Path:
    inside = _PKG / installed
    if inside.is_dir():
        return inside
    return _PKG.parent / checkout


def resources_dir() -> Path:
    """The folder holding codebooks, survey instruments, translations and templates."""
    return _locate("_resources", "resources")


def resource(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource("codebook", "kinerja.json")``."""
    return resources_dir().joinpath(*parts)


def sample_transcripts_dir() -> Path:
    """The folder of illustrative sample transcripts used by ``qda demo``."""
    return _locate("_sample_transcripts", "sample_transcripts")
