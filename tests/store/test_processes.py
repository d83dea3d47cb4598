"""Two processes on one project, and a process killed in the middle of a batch."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from qda.store import Project

OPEN_SCRIPT = textwrap.dedent("""
    import sys
    from qda.errors import ProjectInUse
    from qda.store import Project
    try:
        Project.open(sys.argv[1])
    except ProjectInUse as exc:
        print("IN USE:", exc)
        sys.exit(3)
    print("OPENED")
""")

READ_SCRIPT = textwrap.dedent("""
    import sys
    from qda.store import Project
    with Project.open(sys.argv[1], read_only=True) as p:
        print(len(p.segments()))
""")

WRITER_SCRIPT = textwrap.dedent("""
    import sys
    from qda.store import Project
    p = Project.open(sys.argv[1], coder="Penulis")
    doc = p.document("uji.txt")
    code = p.code("Responsivitas")
    i = 0
    while True:
        start = i % 100
        p.add_segment(doc, start, start + 5, code)
        i += 1
        print(i, flush=True)
""")


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60)


def test_second_process_is_told_project_is_in_use(project):
    result = _run(OPEN_SCRIPT, str(project.path))
    assert result.returncode == 3
    assert "sedang dibuka" in result.stdout and str(project.path) in result.stdout
    assert "Traceback" not in result.stderr


def test_second_process_can_read_while_first_writes(project):
    project.add_segment("uji.txt", 40, 60, "Responsivitas")
    result = _run(READ_SCRIPT, str(project.path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"


def test_lock_is_released_on_close(tmp_path):
    path = tmp_path / "a.qda"
    Project.create(path).close()
    assert _run(OPEN_SCRIPT, str(path)).stdout.strip() == "OPENED"


def test_killed_writer_leaves_every_completed_action(project):
    path = project.path
    project.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER_SCRIPT, str(path)], stdout=subprocess.PIPE, text=True)
    last = 0
    for line in proc.stdout:
        last = int(line)
        if last >= 300:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for line in proc.stdout:  # what was acknowledged before the kill but not read yet
        if line.strip().isdigit():
            last = int(line)
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        n = len(p.segments())
        assert n >= last  # every acknowledged coding survived
        assert n <= last + 1  # at most the one in flight, and never half of one
        assert len([e for e in p.events() if e.action == "segment.add"]) == n
