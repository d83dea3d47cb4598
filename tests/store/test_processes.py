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
        print(len(p.segments.all()))
""")

WRITER_SCRIPT = textwrap.dedent("""
    import sys
    from qda.store import Project
    p = Project.open(sys.argv[1], coder="Penulis")
    doc = p.documents.get("uji.txt")
    code = p.codes.get("Responsivitas")
    i = 0
    while True:
        start = i % 100
        p.segments.add(doc, start, start + 5, code)
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
    project.segments.add("uji.txt", 40, 60, "Responsivitas")
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
    proc.stdout.close()
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        n = len(p.segments.all())
        assert n >= last  # every acknowledged coding survived
        assert n <= last + 1  # at most the one in flight, and never half of one
        assert len([e for e in p.events.all() if e.action == "segment.add"]) == n


IMPORT_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from qda.progress import Progress
    from qda.sources.importer import import_files
    from qda.store import Project
    p = Project.open(sys.argv[1])
    files = sorted(Path(sys.argv[2]).glob("*.txt"))
    progress = Progress(callback=lambda done, total, msg: print(done, flush=True))
    import_files(p, files, progress=progress)
    print("finished", flush=True)
""")

BATCH_WRITER = textwrap.dedent("""
    import sys
    from qda.store import Project
    p = Project.open(sys.argv[1])
    doc = p.documents.add("panjang.txt", "kata " * 80_000, "document").id
    code = p.codes.get("Responsivitas").id
    rows = [(doc, i, i + 5, code) for i in range(300_000)]
    print("start", flush=True)
    p.segments.add_many(rows)
    print("done", flush=True)
""")


def test_killed_import_keeps_every_completed_document(project, tmp_path):
    folder = tmp_path / "sumber"
    folder.mkdir()
    body = "P: Bagaimana pelayanan surat hari ini?\nI: Cukup cepat, disposisi selesai sebelum siang.\n" * 400
    for i in range(150):
        (folder / f"wawancara_{i:03d}.txt").write_text(f"Judul: Wawancara {i}\n\n{body}", encoding="utf-8")
    path = project.path
    project.close()
    proc = subprocess.Popen([sys.executable, "-c", IMPORT_WRITER, str(path), str(folder)], stdout=subprocess.PIPE,
                            text=True)
    acknowledged = 0
    for line in proc.stdout:
        if line.strip().isdigit():
            acknowledged = int(line)
        if acknowledged >= 20:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for line in proc.stdout:
        if line.strip().isdigit():
            acknowledged = int(line)
    proc.stdout.close()
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        imported = [d for d in p.documents.all() if d.name.startswith("wawancara_")]
        # progress is reported after each file is stored: every acknowledged file is there, whole
        assert acknowledged <= len(imported) < 150
        for doc in imported:
            assert p.documents.text(doc).endswith("sebelum siang.")
            assert doc.turn_count == 800 and len(p.documents.turns(doc)) == 800


def test_killed_batch_is_all_or_nothing(project):
    path = project.path
    project.close()
    proc = subprocess.Popen([sys.executable, "-c", BATCH_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "start"
    import time

    wal = path.with_name(path.name + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 2_000_000):
        time.sleep(0.01)  # wait until the one big transaction is being written
    assert wal.stat().st_size >= 2_000_000
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    with Project.open(path) as p:
        assert p.integrity_check() == "ok"
        assert len(p.segments.all()) in (0, 300_000)
