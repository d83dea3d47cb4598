"""A project on read-only media is read, never written, and writing it says to copy it elsewhere.

Read-only media are made with a read-only bind mount in a private mount namespace
(root with ``unshare``), or with folder permissions when the tests do not run as root
(root writes through permissions, so that way proves nothing for root).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qda.store import Project
from tests.faults.helpers import INTERVIEW, fingerprint, one_line_error

REPO = Path(__file__).resolve().parents[2]
ROOT = os.geteuid() == 0


def _can_bind_read_only() -> bool:
    if not ROOT or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "sh", "-c", "mount --bind -o ro /tmp /tmp"],
                          capture_output=True).returncode == 0


BIND = _can_bind_read_only()
pytestmark = pytest.mark.skipif(ROOT and not BIND, reason="as root, read-only media need a read-only bind mount "
                                                          "(unshare and mount), which this machine refuses")


@pytest.fixture
def medium(tmp_path):
    """A folder holding a closed project; ``run`` executes a Python command with the folder read-only."""
    folder = tmp_path / "usb"
    folder.mkdir()
    path = folder / "studi.qda"
    with Project.create(path, coder="Rina") as p:
        p.documents.add(INTERVIEW.name, INTERVIEW.read_text(encoding="utf-8"), "interview")
    (folder / "studi.qda.lock").unlink()

    def run(*argv: str) -> subprocess.CompletedProcess:
        command = " ".join(shlex.quote(a) for a in (sys.executable, *argv))
        env = {**os.environ, "QDA_LANG": "id"}
        if BIND:
            script = f"mount --bind -o ro {shlex.quote(str(folder))} {shlex.quote(str(folder))} && {command}"
            return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                                  timeout=120, env=env, cwd=str(REPO))
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
        try:
            return subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=120, env=env,
                                  cwd=str(REPO))
        finally:
            os.chmod(folder, 0o755)
            os.chmod(path, 0o644)

    return path, run


def test_listing_a_project_on_read_only_media(medium):
    path, run = medium
    before = fingerprint(path.parent)
    result = run("-m", "qda", "sources", str(path))
    assert result.returncode == 0, result.stderr
    assert INTERVIEW.name in result.stdout
    assert fingerprint(path.parent) == before


def test_writing_on_read_only_media_says_to_copy_the_project(medium):
    path, run = medium
    before = fingerprint(path.parent)
    line = one_line_error(run("-m", "qda", "code", str(path), "--doc", INTERVIEW.name, "--start", "0", "--end", "5",
                              "--code", "Responsivitas"))
    assert str(path) in line and "hanya-baca" in line and "salin" in line
    assert fingerprint(path.parent) == before


OPEN_BOTH = """
import sys
from qda.errors import ReadOnlyMedia, ReadOnlyProject
from qda.store import Project
try:
    Project.open(sys.argv[1])
except ReadOnlyMedia as exc:
    print("WRITE REFUSED")
with Project.open(sys.argv[1], read_only=True) as p:
    print("READ", p.media_read_only, len(p.documents.all()))
    try:
        p.documents.add("x.txt", "teks", "document")
    except ReadOnlyProject as exc:
        print("ADD REFUSED", "hanya-baca" in str(exc))
"""


def test_core_opens_read_only_media_in_immutable_mode(medium):
    path, run = medium
    result = run("-c", OPEN_BOTH, str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["WRITE REFUSED", "READ True 1", "ADD REFUSED True"]


def test_backup_from_read_only_media_to_a_writable_folder(medium, tmp_path):
    path, run = medium
    target = tmp_path / "salinan.qda"
    result = run("-m", "qda", "backup", str(path), str(target))
    assert result.returncode == 0, result.stderr
    with Project.open(target, read_only=True) as p:
        assert [d.name for d in p.documents.all()] == [INTERVIEW.name]
