"""Every interface string of the report CLI and dialog has an English translation."""

from __future__ import annotations

import ast
from pathlib import Path

from qda.i18n import missing_translations

ROOT = Path(__file__).resolve().parents[2]


def _tr_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(arg.value)
    return found


def test_cli_dialog_and_error_strings_are_translated():
    texts = []
    for rel in ("qda/cli/report_cmd.py", "qda/gui/report_dialog.py", "qda/reports/collect.py",
                "qda/reports/docx_kit.py", "qda/reports/lang.py"):
        texts += _tr_literals(ROOT / rel)
    assert len(texts) > 40
    assert missing_translations(texts, "en") == []
