"""The survey core and command run with Qt unavailable, and `qda --help` loads no heavy library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.survey.conftest import SAKO_CSV, X_COLS, Y_COLS

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not available")
        return None
sys.meta_path.insert(0, _NoQt())
"""


def test_core_and_cli_without_qt(tmp_path):
    out = tmp_path / "hasil.json"
    code = BLOCK_QT + f"""
from qda.cli import main
rc = main(["survey", {str(SAKO_CSV)!r}, "--x", {",".join(X_COLS)!r}, "--y", {",".join(Y_COLS)!r},
           "--json", {str(out)!r}])
assert not any(m.startswith(("PySide6", "qda.gui")) for m in sys.modules), "Qt was imported"
raise SystemExit(rc)
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert round(json.loads(out.read_text(encoding="utf-8"))["regression"]["R"], 3) == 0.660


def test_help_starts_without_heavy_libraries():
    code = ("import sys\nfrom qda.cli import build_parser\nbuild_parser()\n"
            "heavy = [m for m in ('pandas', 'scipy', 'statsmodels', 'matplotlib', 'numpy') if m in sys.modules]\n"
            "print(','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
