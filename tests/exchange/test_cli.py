"""``qda export``, ``qda export-codebook`` and ``qda import-qdpx``."""

from __future__ import annotations

import json
import zipfile

from qda.cli import main
from qda.store import Project


def test_export_and_import_from_the_command_line(rich_project, tmp_path, capsys):
    src = str(rich_project.path)
    rich_project.close()
    out = tmp_path / "studi.qdpx"
    assert main(["export", src, "-o", str(out), "--codebook", str(tmp_path / "kode.qdc")]) == 0
    assert "2 sumber, 3 kode, 4 segmen" in capsys.readouterr().out
    assert zipfile.is_zipfile(out) and (tmp_path / "kode.qdc").exists()
    assert main(["export-codebook", src, str(tmp_path / "lagi.qdc")]) == 0
    assert (tmp_path / "lagi.qdc").read_bytes() == (tmp_path / "kode.qdc").read_bytes()
    capsys.readouterr()
    target = tmp_path / "baru.qda"
    assert main(["import-qdpx", str(out), str(target), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["added"]["codings"] == 4 and report["skipped"] == {}
    assert main(["import-qdpx", str(out), str(target)]) == 0
    assert "0 ditambahkan" in capsys.readouterr().out
    with Project.open(target, read_only=True) as p:
        assert p.stats()["segments"] == 4


def test_refused_file_leaves_no_new_project(tmp_path, capsys):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"bukan zip")
    target = tmp_path / "baru.qda"
    assert main(["import-qdpx", str(bad), str(target)]) == 2
    err = capsys.readouterr().err
    assert "bad.qdpx" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not target.exists()
