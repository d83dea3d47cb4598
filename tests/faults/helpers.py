"""Running the real ``qda`` entry point against files, and fingerprints of folders."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
INTERVIEW = SAMPLES / "wawancara_01_kasubag_tu.txt"


def qda(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run ``python -m qda ARGS`` in a subprocess (Indonesian unless ``env`` says otherwise)."""
    full_env = {**os.environ, "QDA_LANG": "id", **(env or {})}
    return subprocess.run([sys.executable, "-m", "qda", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env=full_env, **kwargs)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the SHA-256 of its content."""
    return {p.name: sha256(p) for p in sorted(Path(folder).iterdir()) if p.is_file()}


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """Assert ``result`` failed as qda promises (exit 2, one ``qda:`` line, no traceback) and return the line."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("qda: "), result.stderr
    return lines[0]
