"""The core works with Qt absent: every non-GUI module imports and a whole study runs headless."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

BLOCK_QT = textwrap.dedent("""
    import importlib.abc, sys
    class _NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                raise ImportError(f"Qt is not available here ({name})")
            return None
    sys.meta_path.insert(0, _NoQt())
""")

IMPORT_ALL = BLOCK_QT + textwrap.dedent("""
    import importlib, pkgutil, qda
    names = [m.name for m in pkgutil.walk_packages(qda.__path__, "qda.")
             if not m.name.startswith("qda.gui") and m.name != "qda.__main__"]
    for name in names:
        importlib.import_module(name)
    assert not any(k.startswith("PySide6") for k in sys.modules)
    print(len(names))
""")

STUDY = BLOCK_QT + textwrap.dedent("""
    import sys
    from pathlib import Path
    from qda.cli import main
    out = Path(sys.argv[1])
    sample = sorted(Path(sys.argv[2]).glob("wawancara_*.txt"))[0]
    assert main(["new", str(out / "p.qda"), "--coder", "Rina"]) == 0
    assert main(["import", str(out / "p.qda"), str(sample)]) == 0
    assert main(["code", str(out / "p.qda"), "--doc", sample.name, "--start", "0", "--end", "20",
                 "--code", "Responsivitas"]) == 0
    assert main(["excerpts", str(out / "p.qda"), "-o", str(out / "k.csv")]) == 0
    assert not any(k.startswith("PySide6") for k in sys.modules)
    print("ok")
""")


def test_every_core_module_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20


def test_a_study_runs_headless_without_qt(tmp_path):
    samples = Path(__file__).resolve().parents[1] / "sample_transcripts"
    result = subprocess.run([sys.executable, "-c", STUDY, str(tmp_path), str(samples)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
    assert (tmp_path / "k.csv").read_text(encoding="utf-8-sig").count("\n") == 2
