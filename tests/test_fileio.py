"""Output files are written whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from qda.errors import QdaError
from qda.fileio import atomic_output


def test_replaces_target_only_on_success(tmp_path):
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"versi lama")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as tmp:
            tmp.write_bytes(b"setengah")
            raise RuntimeError("gagal di tengah")
    assert target.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.docx"]
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"versi baru")
    assert target.read_bytes() == b"versi baru"


def test_permissions_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "kutipan.csv") as tmp:
            tmp.write_text("a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "kutipan.csv").stat().st_mode) == 0o644


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(QdaError) as err:
        with atomic_output(tmp_path / "tidak_ada" / "x.docx"):
            pass
    assert "tidak_ada" in str(err.value)
