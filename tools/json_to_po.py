"""Convert the flat JSON catalogues (resources/i18n/en/*.json) into gettext .po files.

Keys ``"ctx|message"`` (ctx one of the contexts used with ``trc``) become ``msgctxt``;
keys ``"1:n|message"`` give the singular form of a plural entry whose plural form is the plain
key's value. Run once per leftover JSON file; existing .po entries are kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

CONTEXTS = {"dock", "group", "menu", "spss"}
ROOT = Path(__file__).resolve().parents[1]


def convert(json_path: Path, po_dir: Path) -> Path:
    data: dict[str, str] = json.loads(json_path.read_text(encoding="utf-8"))
    po_path = po_dir / (json_path.stem + ".po")
    if po_path.exists():
        with open(po_path, "rb") as fh:
            catalog = read_po(fh, locale="en")
    else:
        catalog = Catalog(locale="en", project="qda", domain=json_path.stem, fuzzy=False,
                          copyright_holder="qda contributors", msgid_bugs_address="",
                          last_translator="qda", language_team="English",
                          header_comment=f"# English translations of qda ({json_path.stem}).\n"
                                         "# Source strings are Bahasa Indonesia; edit with Poedit or any .po editor.")
    singular: dict[str, str] = {}
    for key, value in data.items():
        head, sep, rest = key.partition("|")
        if sep and head.startswith("1:"):
            if head == "1:" + _count_name(rest, head):
                singular[rest] = value
            continue
        if sep and head in CONTEXTS:
            catalog.add(rest, value, context=head)
        else:
            catalog.add(key, value)
    for message, one in singular.items():
        many = data.get(message)
        if many is None:
            continue
        if message in catalog:
            catalog.delete(message)
        catalog.add((message, message), (one, many))
    po_dir.mkdir(parents=True, exist_ok=True)
    with open(po_path, "wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=False)
    return po_path


def _count_name(message: str, head: str) -> str:
    names = head[2:].split(",")
    return names[0] if len(names) == 1 else "\x00"  # several counts: not a plain plural


if __name__ == "__main__":
    out = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES"
    for arg in sys.argv[1:] or sorted(str(p) for p in (ROOT / "resources" / "i18n" / "en").glob("*.json")):
        print(convert(Path(arg), out))
