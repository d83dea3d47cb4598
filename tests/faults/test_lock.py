"""The write lock: exclusive across processes, waited for with a bound, never stale after a kill."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import pytest

from qda.errors import ProjectInUse
from qda.store import Project
from qda.store.lock import acquire_project_lock, release_project_lock

# Each process loops acquire/release; while it holds the lock it creates a marker file with
# O_EXCL. If the marker already exists, another process holds the lock at the same moment.
LOOP = textwrap.dedent("""
    import os, sys
    from qda.errors import ProjectInUse
    from qda.store import Project
    from qda.store.lock import acquire_project_lock, release_project_lock
    path, marker, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    double = held = 0
    for _ in range(rounds):
        try:
            held_thing = {take}
        except ProjectInUse:
            continue
        held += 1
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            double += 1
        else:
            os.close(fd)
            os.unlink(marker)
        {give}
    print(double, held)
""")
#: The bare lock, and a whole project open/close.
LOOP_LOCK = LOOP.format(take="acquire_project_lock(path)", give="release_project_lock(held_thing)")
LOOP_OPEN = LOOP.format(take="Project.open(path, wait=0)", give="held_thing.close()")


def _loop(script: str, path, marker, processes: int, rounds: int) -> tuple[int, int]:
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), str(marker), str(rounds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(processes)]
    double = held = 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        d, h = map(int, out.split())
        double += d
        held += h
    return double, held


def test_lock_is_exclusive_across_four_processes(tmp_path):
    double, held = _loop(LOOP_LOCK, tmp_path / "p.qda", tmp_path / "holder", 4, 3000)
    assert held > 1000  # the processes really competed and took turns
    assert double == 0


def test_writers_are_exclusive_across_three_processes(tmp_path):
    path = tmp_path / "p.qda"
    Project.create(path, codebook=False).close()
    double, held = _loop(LOOP_OPEN, path, tmp_path / "holder", 3, 150)
    assert held >= 10  # (how often each one wins depends on the machine)
    assert double == 0


def test_lock_file_is_kept_between_holders(tmp_path):
    path = tmp_path / "p.qda"
    release_project_lock(acquire_project_lock(path))
    # waiters must all lock the same inode: the lock file is never removed
    assert (tmp_path / "p.qda.lock").exists()


HOLD = textwrap.dedent("""
    import sys, time
    from qda.store import Project
    p = Project.open(sys.argv[1])
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    p.close()
    print("released", flush=True)
""")


def test_stale_lock_of_a_killed_writer_never_blocks(tmp_path):
    path = tmp_path / "p.qda"
    Project.create(path, codebook=False).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "600"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    with pytest.raises(ProjectInUse):
        Project.open(path, wait=0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert (tmp_path / "p.qda.lock").exists()  # the killed process could not clean up
    Project.open(path, wait=0).close()  # and yet nothing blocks


def test_writer_waits_for_the_lock_within_the_bound(tmp_path):
    path = tmp_path / "p.qda"
    Project.create(path, codebook=False).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "1.5"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    started = time.monotonic()
    with Project.open(path, wait=30) as p:
        assert not p.read_only
    assert time.monotonic() - started < 25
    proc.wait(timeout=30)
    proc.stdout.close()


def test_writer_gives_up_after_the_bound_and_says_what_to_do(tmp_path):
    path = tmp_path / "p.qda"
    Project.create(path, codebook=False).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "600"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(ProjectInUse) as err:
            Project.open(path, wait=0.5)
        assert 0.4 < time.monotonic() - started < 10
        message = str(err.value)
        assert str(path) in message and "tutup proyek" in message
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
