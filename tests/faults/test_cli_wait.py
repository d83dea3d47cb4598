"""Writers from scripts wait for each other (--wait) instead of failing at random."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from qda.store import Project
from tests.faults.helpers import INTERVIEW, qda

TEXT = INTERVIEW.read_text(encoding="utf-8")

HOLD = textwrap.dedent("""
    import sys, time
    from qda.store import Project
    p = Project.open(sys.argv[1])
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    p.close()
""")


def _project(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path, coder="Rina") as p:
        p.documents.add(INTERVIEW.name, TEXT, "interview")
    return path


def test_two_scripts_coding_at_once_lose_no_call(tmp_path):
    path = _project(tmp_path)
    env = {**os.environ, "QDA_LANG": "id"}
    script = "; ".join(
        f"{sys.executable} -m qda code {path} --doc {INTERVIEW.name} --start {i} --end {i + 4} "
        f"--code Responsivitas --coder $W || echo FAILED" for i in range(0, 40, 4))
    procs = [subprocess.Popen(["sh", "-c", script], env={**env, "W": w}, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for w in ("Rina", "Budi")]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert all("FAILED" not in out for out, _ in outputs), outputs
    with Project.open(path) as p:
        assert len(p.segments.all()) == 20  # 10 codings by each coder, none lost


def test_writer_waits_then_says_what_to_do(tmp_path):
    path = _project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "600"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = qda("code", path, "--doc", INTERVIEW.name, "--start", "0", "--end", "4", "--code", "Responsivitas",
                     "--wait", "1")
        assert time.monotonic() - started < 30
        assert result.returncode == 2 and "Traceback" not in result.stderr
        waiting, last = result.stderr.strip().splitlines()
        assert "menunggu paling lama 1 detik" in waiting
        assert last.startswith("qda: ") and str(path) in last and "--wait" in last and "tutup proyek" in last
        assert "hanya-baca" not in last  # a choice the command line does not offer
    finally:
        holder.kill()
        holder.wait(timeout=30)
        holder.stdout.close()


def test_writer_gets_the_project_when_the_other_lets_go(tmp_path):
    path = _project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "2"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = qda("--wait", "60", "code", path, "--doc", INTERVIEW.name, "--start", "0", "--end", "4",
                     "--code", "Responsivitas")
        assert result.returncode == 0, result.stderr
    finally:
        holder.wait(timeout=60)
        holder.stdout.close()


def test_wait_in_english(tmp_path):
    path = _project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "600"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = qda("--lang", "en", "code", path, "--doc", INTERVIEW.name, "--start", "0", "--end", "4",
                     "--code", "Responsivitas", "--wait", "0")
        assert result.returncode == 2
        assert "wait longer with --wait SECONDS" in result.stderr
    finally:
        holder.kill()
        holder.wait(timeout=30)
        holder.stdout.close()
