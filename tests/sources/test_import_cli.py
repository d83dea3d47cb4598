"""``qda import`` through qda.cli.main: summary, refusals, directories, exit codes."""

from __future__ import annotations

import pytest

from qda.cli import main
from .conftest import GOOD


@pytest.fixture
def project_path(tmp_path):
    from qda.store import Project

    path = tmp_path / "penelitian.qda"
    Project.create(path, codebook=False).close()
    return path


def test_import_directory_with_a_bad_file(project_path, tmp_path, capsys):
    folder = tmp_path / "transkrip"
    folder.mkdir()
    (folder / "wawancara_01.txt").write_text(GOOD, encoding="utf-8")
    (folder / "wawancara_02.txt").write_text(GOOD.replace("tiga", "lima"), encoding="utf-8")
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "catatan.xlsx").write_bytes(b"x")  # unsupported: skipped when expanding the folder
    code = main(["import", str(project_path), str(folder), str(folder / "wawancara_01.txt")])
    out, err = capsys.readouterr()
    assert code == 1  # the rest is imported, but a script must be able to tell that a file was refused
    assert err.strip().splitlines()[-1] == "2 sumber diimpor, 1 ditolak, 1 duplikat"
    assert f"ditolak: {folder / 'kosong.txt'}: berkas kosong atau hanya berisi spasi" in err
    assert "duplikat:" in err and out == ""
    from qda.store import Project

    with Project.open(project_path, read_only=True) as p:
        assert [d.name for d in p.documents.all()] == ["wawancara_01.txt", "wawancara_02.txt"]


def test_every_file_refused_exits_1(project_path, tmp_path, capsys):
    bad = tmp_path / "foto.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["import", str(project_path), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "0 sumber diimpor, 1 ditolak, 0 duplikat" in err
    assert "foto.txt" in err and "biner" in err


def test_kind_option_and_english_output(project_path, tmp_path, capsys):
    path = tmp_path / "wawancara_03.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["--lang", "en", "import", str(project_path), str(path), "--kind", "document"]) == 0
    from qda.i18n import set_language

    set_language("id")
    assert "sources imported: 1, refused: 0, duplicates: 0" in capsys.readouterr().err
    from qda.store import Project

    with Project.open(project_path, read_only=True) as p:
        assert p.documents.get("wawancara_03.txt").kind == "document"


def test_missing_project_is_one_line_error(tmp_path, capsys):
    path = tmp_path / "wawancara.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["import", str(tmp_path / "tidak_ada.qda"), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("qda: ") and len(err.strip().splitlines()) == 1


def test_empty_folder_is_an_error(project_path, tmp_path, capsys):
    (tmp_path / "kosong").mkdir()
    assert main(["import", str(project_path), str(tmp_path / "kosong")]) == 2
    assert "tidak ada berkas yang didukung" in capsys.readouterr().err


def test_folder_import_skips_build_material_and_readme(project_path, tmp_path, capsys):
    folder = tmp_path / "bahan"
    (folder / "_build").mkdir(parents=True)
    (folder / "wawancara_01.txt").write_text(GOOD, encoding="utf-8")
    (folder / "_build" / "wawancara_01.src.txt").write_text(GOOD.replace("tiga", "empat"), encoding="utf-8")
    (folder / "README.md").write_text("# Bahan penelitian\n\nKeterangan isi folder.\n", encoding="utf-8")
    assert main(["import", str(project_path), str(folder)]) == 0
    from qda.store import Project

    with Project.open(project_path, read_only=True) as p:
        assert [d.name for d in p.documents.all()] == ["wawancara_01.txt"]
