"""Find the literal texts passed to ``tr``/``trc``/``trn`` in the package (shared by the translation tests)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "qda"


def calls(root: Path = PACKAGE) -> dict[tuple[str, str | None, str], str]:
    """Every literal ``(function, context, text)`` of a ``tr``/``trc``/``trn`` call → where it first appears.

    ``function`` is ``"tr"``, ``"trc"`` or ``"trn"``; ``context`` is the ``trc`` context, else None.
    """
    found: dict[tuple[str, str | None, str], str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = node.args
            key: tuple[str, str | None, str]
            if name == "trc" and len(args) >= 2 and all(isinstance(a, ast.Constant) for a in args[:2]):
                key = ("trc", args[0].value, args[1].value)
            elif name in ("tr", "trn") and args and isinstance(args[0], ast.Constant) \
                    and isinstance(args[0].value, str):
                key = (name, None, args[0].value)
            else:
                continue
            found.setdefault(key, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def tr_literals(root: Path = PACKAGE) -> dict[str, str]:
    """The literal texts of ``tr`` and ``trc`` calls (without context) → where they first appear."""
    return {text: where for (name, _ctx, text), where in calls(root).items() if name != "trn"}


def string_literals(root: Path = PACKAGE) -> set[str]:
    """Every literal string of the package, and each ``|``-separated part of one: a text reaches ``tr``
    directly, through a table of labels, or as one half of a pair (``"t hitung|t tabel"``)."""
    found: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
                found.update(node.value.split("|"))
    return found
