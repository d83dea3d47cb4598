"""import_files end to end into a real project: stored text, turns, attributes, cases, duplicates, cancel."""

from __future__ import annotations

import pytest

from qda.progress import Progress
from qda.sources import expand_paths, import_files, importer
from qda.sources.normalise import content_hash
from .builders import write_docx, write_pdf
from .conftest import GOOD


def test_import_stores_text_turns_attributes_and_case(project, good_file):
    report = import_files(project, [good_file])
    (doc,) = report.imported
    assert doc.name == "wawancara_02_staf.txt"
    assert doc.kind == "interview"
    assert doc.fmt == "txt" and doc.encoding == "utf-8"
    text = project.documents.text(doc)
    assert text == GOOD.rstrip("\n")
    assert doc.file_hash == content_hash(text)
    assert doc.words == len(text.split())
    turns = project.documents.turns(doc)
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [
        ("P", "P: Berapa surat masuk hari ini, Bu?"),
        ("I", "I: Sekitar tiga puluh, Mbak. Sebagian sudah didisposisi."),
        ("P", "P: Apa kendalanya?"),
        ("I", "I: Pemindai cuma satu, jadi harus antre."),
    ]
    assert project.documents.attributes(doc) == {
        "Judul": "Wawancara dengan Staf Persuratan",
        "Jenis": "Wawancara",
        "Keterangan": "Data ilustratif; nama rekaan.",
    }
    case = project.cases.get("Informan 2")
    assert case.attributes == {"Nama": "Sri Lestari", "Jabatan": "Pengadministrasi Persuratan"}
    assert doc.case_id == case.id


def test_mixed_formats_and_kinds(project, tmp_path):
    docx_path = write_docx(
        tmp_path / "wawancara_lurah.docx",
        ["Judul: Wawancara Lurah", "Jenis: Wawancara", "", "P: Apa programnya?", "Bu Lurah: Posyandu.", "P: Lalu?",
         "Bu Lurah: Pelatihan."],
        header="KOP",
    )
    pdf_path = write_pdf(tmp_path / "dokumen_sop.pdf", [["SOP Persuratan", "Langkah 1: terima surat"]])
    obs = tmp_path / "observasi_loket.txt"
    obs.write_text("Pukul 08.15: warga datang.\n\nCatatan: printer macet.", encoding="utf-8")
    report = import_files(project, [docx_path, pdf_path, obs])
    kinds = {d.name: (d.kind, d.fmt, d.turn_count) for d in report.imported}
    assert kinds == {
        "wawancara_lurah.docx": ("interview", "docx", 4),
        "dokumen_sop.pdf": ("document", "pdf", 0),
        "observasi_loket.txt": ("observation", "txt", 0),
    }
    assert "KOP" not in project.documents.text("wawancara_lurah.docx")


def test_explicit_kind_wins(project, good_file):
    (doc,) = import_files(project, [good_file], kind="observation").imported
    assert doc.kind == "observation"


def test_unknown_kind_is_an_error(project, good_file):
    with pytest.raises(ValueError):
        import_files(project, [good_file], kind="wawancara")


def test_same_content_in_another_encoding_is_a_duplicate(project, good_file, tmp_path):
    other = tmp_path / "salinan_utf16.txt"
    other.write_bytes(b"\xff\xfe" + GOOD.replace("\n", "\r\n").encode("utf-16-le"))
    report = import_files(project, [good_file, other])
    assert [d.name for d in report.imported] == [good_file.name]
    assert report.duplicates == [(str(other), good_file.name)]
    again = import_files(project, [good_file])
    assert again.imported == [] and again.duplicates == [(str(good_file), good_file.name)]
    assert len(project.documents.all()) == 1


def test_name_clash_gets_numbered_name(project, good_file, tmp_path):
    (tmp_path / "lain").mkdir()
    clash = tmp_path / "lain" / good_file.name
    clash.write_text(GOOD.replace("tiga puluh", "empat puluh"), encoding="utf-8")
    report = import_files(project, [good_file, clash])
    assert [d.name for d in report.imported] == ["wawancara_02_staf.txt", "wawancara_02_staf (2).txt"]
    assert report.renamed == [(str(clash), "wawancara_02_staf (2).txt")]


def test_existing_case_attributes_are_kept(project, good_file):
    project.cases.add("Informan 2", {"Nama": "Sri Lestari, S.A.P."})
    import_files(project, [good_file])
    assert project.cases.get("Informan 2").attributes == {
        "Nama": "Sri Lestari, S.A.P.",
        "Jabatan": "Pengadministrasi Persuratan",
    }


def test_progress_and_summary(project, good_file, tmp_path):
    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    seen = []
    progress = Progress(callback=lambda done, total, message: seen.append((done, total, message)))
    report = import_files(project, [good_file, bad, good_file], progress=progress)
    assert seen[0][:2] == (0, 3)
    assert [s[:2] for s in seen[1:]] == [(1, 3), (2, 3), (3, 3)]
    assert seen[-1][2] == good_file.name
    assert report.summary() == "1 sumber diimpor, 1 ditolak, 1 duplikat"


def _five_files(tmp_path):
    paths = []
    for i in range(5):
        path = tmp_path / f"wawancara_{i:02d}.txt"
        path.write_text(GOOD.replace("tiga puluh", f"{i} puluh"), encoding="utf-8")
        paths.append(path)
    return paths


def test_cancel_between_files_keeps_completed_documents(project, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_FILES", 1)  # every file written on its own: the cancel lands between files
    progress = Progress()
    progress.callback = lambda done, total, message: progress.cancel() if done == 2 else None
    report = import_files(project, _five_files(tmp_path), progress=progress)
    assert report.cancelled
    assert [d.name for d in report.imported] == ["wawancara_00.txt", "wawancara_01.txt"]
    assert [d.name for d in project.documents.all()] == ["wawancara_00.txt", "wawancara_01.txt"]
    assert report.summary().endswith("(dibatalkan)")


def test_cancel_inside_a_batch_keeps_the_batch_and_reports_it(project, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_FILES", 3)
    seen = []
    progress = Progress()

    def callback(done, total, message):
        seen.append(done)
        if done == 2:
            progress.cancel()

    progress.callback = callback
    report = import_files(project, _five_files(tmp_path), progress=progress)
    assert report.cancelled
    # the first three files were written together before any of them was reported: all three stay
    names = ["wawancara_00.txt", "wawancara_01.txt", "wawancara_02.txt"]
    assert [d.name for d in report.imported] == names
    assert [d.name for d in project.documents.all()] == names
    assert seen == [0, 1, 2]  # steps come only after the write; none after the cancel, the report tells the rest


def test_failure_inside_a_document_leaves_nothing_of_it(project, good_file, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(project.documents, "_log", broken)  # after the new case, the document and its turns
    with pytest.raises(RuntimeError):
        import_files(project, [good_file])
    assert project.documents.all() == []
    assert project.cases.all() == []


def test_expand_paths_recurses_and_skips_unsupported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "wawancara.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "~$wawancara.docx").write_bytes(b"lock")
    (tmp_path / "a" / ".tersembunyi.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "data.xlsx").write_bytes(b"x")
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    assert expand_paths([tmp_path]) == [str(tmp_path / "a" / "wawancara.txt"), str(tmp_path / "b.md")]
    assert expand_paths([tmp_path / "b.md", tmp_path / "zzz.xlsx"]) == [str(tmp_path / "b.md"), str(tmp_path / "zzz.xlsx")]


def test_sample_transcripts_import(project):
    from qda.resources import sample_transcripts_dir

    from qda.sources.readers import is_supported

    report = import_files(project, sorted(p for p in sample_transcripts_dir().glob("*.*") if is_supported(p)))
    assert report.refused == []
    kinds = {d.name: d.kind for d in report.imported}
    assert kinds["observasi_01_meja_layanan.txt"] == "observation"
    assert kinds["wawancara_01_kasubag_tu.txt"] == "interview"
    observation = project.documents.get("observasi_01_meja_layanan.txt")
    assert observation.turn_count == 0
    assert project.documents.get("wawancara_01_kasubag_tu.txt").turn_count > 10


def test_unexpected_parser_error_refuses_only_that_file(project, good_file, tmp_path, monkeypatch):
    from qda.sources.readers import docx_reader

    def explode(path):
        raise AttributeError("'NoneType' object has no attribute 'tag'")

    monkeypatch.setattr(docx_reader, "read", explode)
    odd = write_docx(tmp_path / "aneh.docx", ["P: Halo"])
    report = import_files(project, [odd, good_file])
    assert [d.name for d in report.imported] == [good_file.name]
    assert report.refused == [(str(odd), "berkas tidak dapat dibaca; mungkin rusak, atau isinya bukan format yang "
                                         "disebut ekstensinya")]  # no library text (English) in the message
