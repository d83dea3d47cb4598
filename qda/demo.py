"""Build the demo project from the illustrative sample transcripts and their demo coding.

``build_demo(folder)`` creates ``folder/demo.qda``: the bundled codebook, every sample
source (interviews, observation notes, a document analysis), the demo coders, own codes,
codings, supervisor reviews and memos of ``sample_transcripts/demo_coding.json``, and the
illustrative questionnaire of :mod:`qda.demo_survey` (also written as ``kuesioner_demo.csv``). Quotes
in the demo coding are located in the stored text, so the coding survives any change of
the importer's normalisation.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from qda.errors import ProjectError, QdaError
from qda.i18n import tr
from qda.progress import Progress
from qda.resources import sample_transcripts_dir

DEMO_NAME = "demo.qda"


def sample_files() -> list[Path]:
    """The sample sources the demo imports (top-level files of ``sample_transcripts/``)."""
    from qda.sources import SUPPORTED_EXTENSIONS

    folder = sample_transcripts_dir()
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS and p.name.lower() != "readme.md")


def load_demo_coding() -> dict:
    """The demo coding (coders, own codes, segments by quote, reviews, memos)."""
    return json.loads((sample_transcripts_dir() / "demo_coding.json").read_text(encoding="utf-8"))


def _locate(text: str, quote: str, doc: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        raise QdaError(tr("demo: kutipan tidak ditemukan di {doc}: «{q}»", doc=doc, q=quote[:60]))
    return start, start + len(quote)


def apply_demo_coding(project, coding: dict, progress: Progress | None = None) -> dict[str, int]:
    """Apply a demo coding to a project that holds the sample sources; returns counts."""
    for c in coding.get("coders", []):
        project.coders.set_current(c["name"], c.get("role", "coder"))
    with project.atomic():
        for oc in coding.get("own_codes", []):
            fields = {k: oc[k] for k in ("definition_id", "definition_en", "name_en", "example") if k in oc}
            project.codes.add(oc["name"], parent=oc.get("parent"), group="own", color=oc.get("color"), **fields)
    texts = {d.name: project.documents.text(d) for d in project.documents.all()}
    docs = {d.name: d for d in project.documents.all()}
    by_coder: dict[str, list[tuple[int, int, int, int]]] = {}
    keys: list[tuple[str, str, str, str]] = []
    code_ids = {c.name: c.id for c in project.codes.all()}
    for seg in coding.get("segments", []):
        start, end = _locate(texts[seg["document"]], seg["quote"], seg["document"])
        by_coder.setdefault(seg["coder"], []).append((docs[seg["document"]].id, start, end, code_ids[seg["code"]]))
        keys.append((seg["document"], seg["quote"], seg["code"], seg["coder"]))
    if progress:
        progress.start(len(by_coder) + 2, tr("Menerapkan koding demo"))
    for coder, rows in by_coder.items():
        project.segments.add_many(rows, coder=coder)
        if progress:
            progress.step()
    index = {}
    for r in project.segments.rows():
        index[(r["document"], r["start"], r["end"], r["code"], r["coder"])] = r["id"]
    reviews = 0
    for rv in coding.get("reviews", []):
        start, end = _locate(texts[rv["document"]], rv["quote"], rv["document"])
        seg_id = index.get((rv["document"], start, end, rv["code"], rv["coder"]))
        if seg_id is None:
            raise QdaError(tr("demo: telaah merujuk segmen yang tidak ada: {doc} «{q}»", doc=rv["document"],
                              q=rv["quote"][:60]))
        project.reviews.add(seg_id, rv["status"], rv.get("comment", ""), reviewer=rv["reviewer"])
        reviews += 1
    for memo in coding.get("memos", []):
        if memo.get("coder"):
            project.coders.set_current(memo["coder"], project.coders.get(memo["coder"]).role)
        target = {"project": lambda: None, "document": lambda: project.documents.get(memo["name"]),
                  "code": lambda: project.codes.get(memo["name"])}[memo["target"]]()
        project.memos.set(target, memo["text"])
    first = coding.get("coders", [{}])[0].get("name")
    if first:
        project.coders.set_current(first, project.coders.get(first).role)
    if progress:
        progress.step(2)
    return {"segments": sum(len(r) for r in by_coder.values()), "reviews": reviews,
            "memos": len(coding.get("memos", []))}


def _check_not_in_use(target: Path) -> None:
    """Refuse early (before minutes of work) when another program has ``target`` open."""
    from qda.store.lock import acquire_project_lock, release_project_lock

    if target.exists():
        release_project_lock(acquire_project_lock(target))


def _replace_project(built: Path, target: Path) -> None:
    """Move a freshly built project over ``target`` (keeping the old one as ``.bak``), under its lock."""
    from qda.store.lock import acquire_project_lock, release_project_lock
    from qda.store.project import copy_project_file

    lock = acquire_project_lock(target)
    try:
        if target.exists():
            # keep what the user may have coded in the old demo (its journal included)
            backup = target.with_name(target.name + ".bak")
            try:
                copy_project_file(target, backup)
            except ProjectError:
                os.replace(target, backup)
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(built, target)
    finally:
        release_project_lock(lock)


def build_demo(folder: str | Path, *, progress: Progress | None = None) -> Path:
    """Create (or recreate) ``folder/demo.qda`` with the sample sources and demo coding.

    An existing demo project is kept as ``demo.qda.bak``; one that another program has
    open is refused (:class:`~qda.errors.ProjectInUse`) and left untouched.
    """
    from qda.sources.importer import import_files
    from qda.store import Project
    from qda.store.lock import lock_path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DEMO_NAME
    _check_not_in_use(target)
    tmp = folder / (DEMO_NAME + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    coding = load_demo_coding()
    first = coding.get("coders", [{"name": "Peneliti", "role": "coder"}])[0]
    try:
        with Project.create(tmp, coder=first["name"], role=first.get("role", "coder")) as project:
            report = import_files(project, sample_files(), progress=progress)
            if report.refused:
                path, reason = report.refused[0]
                raise QdaError(tr("demo: sumber contoh ditolak: {path}: {reason}", path=path, reason=reason))
            apply_demo_coding(project, coding, progress)
            from qda.demo_survey import add_demo_survey

            add_demo_survey(project, folder)
            from qda.mixed.demo_links import add_demo_joint_display

            add_demo_joint_display(project)
        _replace_project(tmp, target)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), lock_path(tmp)):
            leftover.unlink(missing_ok=True)
    return target
