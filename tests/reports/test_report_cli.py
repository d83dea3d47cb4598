"""``qda report`` end to end through :func:`qda.cli.main`."""

from __future__ import annotations

from docx import Document

from qda.cli import main


def test_report_command_writes_qualitative_and_review(built, tmp_path, capsys):
    out = tmp_path / "lap.docx"
    assert main(["report", str(built.path), "-o", str(out), "--codes", "Responsivitas"]) == 0
    quotes = [p.text for p in Document(str(out)).paragraphs if p.style.name == "Quote"]
    assert len(quotes) == 3
    rev = tmp_path / "telaah.docx"
    assert main(["report", str(built.path), "-o", str(rev), "--kind", "review", "--lang", "en"]) == 0
    assert "Excerpts by code" in [p.text for p in Document(str(rev)).paragraphs]
    assert "lap.docx" in capsys.readouterr().err


def test_report_errors_are_one_line(built, tmp_path, capsys):
    assert main(["report", str(built.path), "-o", str(tmp_path / "x.docx"), "--codes", "Tidak Ada"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Tidak Ada" in err[0] and err[0].startswith("qda: ")
    assert main(["report", str(tmp_path / "tidak.qda"), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tidak.qda" in err[0]
    assert main(["report", str(built.path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "x.pdf" in capsys.readouterr().err
    bad = tmp_path / "templat.docx"
    bad.write_text("bukan word")
    assert main(["report", str(built.path), "-o", str(tmp_path / "x.docx"), "--template", str(bad)]) == 2
    assert "templat.docx" in capsys.readouterr().err
