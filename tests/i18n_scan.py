"""Find the literal texts passed to ``tr(...)`` in the package (shared by the translation tests)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "qda"


def tr_literals(root: Path = PACKAGE) -> dict[str, str]:
    """Every literal key of a ``tr(...)`` or ``trc(...)`` call under ``root`` → where it first appears."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = node.args
            if name == "trc" and len(args) >= 2 and all(isinstance(a, ast.Constant) for a in args[:2]):
                key = f"{args[0].value}|{args[1].value}"
            elif name == "tr" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                key = args[0].value
            else:
                continue
            found.setdefault(key, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found
