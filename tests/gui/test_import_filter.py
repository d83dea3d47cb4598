"""The import dialog offers exactly the file types the importer reads."""

from __future__ import annotations

import re


def test_import_dialog_filter_matches_the_importer(qtbot, window, monkeypatch):
    from qda.gui import project_flow
    from qda.sources import SUPPORTED_EXTENSIONS

    seen: list[str] = []
    monkeypatch.setattr(project_flow.QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: (seen.append(args[3]), ([], ""))[1])
    project_flow.ask_import(window)
    first = seen[0].split(";;")[0]
    patterns = re.findall(r"\*(\.\w+)", first)
    assert sorted(patterns) == sorted(SUPPORTED_EXTENSIONS)
    assert ".html" not in patterns and first.startswith("Sumber (")


def test_every_offered_type_is_imported(qtbot, window, tmp_path):
    """A file of each offered plain-text type goes in; an .html file is refused with its name in the message."""
    from qda.gui import project_flow
    from qda.sources import SUPPORTED_EXTENSIONS, read_source
    from qda.errors import SourceRefused

    for ext in (e for e in SUPPORTED_EXTENSIONS if e in (".txt", ".text", ".md", ".markdown")):
        path = tmp_path / f"catatan{ext}"
        path.write_text("Catatan observasi ilustratif: loket buka pukul 08.00.\n", encoding="utf-8")
        assert "loket" in read_source(path).text
    html = tmp_path / "halaman.html"
    html.write_text("<p>halo</p>", encoding="utf-8")
    try:
        read_source(html)
    except SourceRefused as exc:
        assert "halaman.html" in str(exc)
    else:
        raise AssertionError(".html was read although the dialog does not offer it")
    assert "*.html" not in project_flow.source_filter()
