"""``qda edit``, ``qda anonymise``, ``qda checks``, ``qda check``, ``qda versions``: correcting texts safely."""

from __future__ import annotations

import argparse

from qda.cli.options import split_values
from qda.cli.output import cut, print_json, print_table, say
from qda.cli.project_cmd import open_project
from qda.errors import InvalidValue
from qda.i18n import tr

STATUS_WORDS = {"exact": "tepat", "adjusted": "disesuaikan", "moved": "dipindah", "flagged": "perlu dicek"}
ACTION_WORDS = {"edit": "suntingan", "anonymise": "penyamaran nama"}
REASON_WORDS = {"changed": "teksnya berubah", "deleted": "teksnya dihapus", "collision": "bertabrakan",
                "ambiguous": "lebih dari satu tempat"}


def _plan_rows(project, plan) -> list[dict]:
    """One JSON object per coding of the plan (DESIGN §5 segment shape + status, old span, old text)."""
    details = {s.id: s for s in project.segments.all(document=plan.doc_id)}
    codes = project.codes.names()
    coders = {c.id: c.name for c in project.coders.all()}
    doc_name = plan.after.name
    out = []
    for p in plan.placements:
        seg = details[p.id]
        out.append({"document": doc_name, "start": p.start, "end": p.end, "code": codes[seg.code_id],
                    "coder": coders[seg.coder_id], "text": plan.after.text[p.start:p.end],
                    "status": p.status, "flagged": p.flagged, "old_start": p.old_start, "old_end": p.old_end,
                    "old_text": plan.before.text[p.old_start:p.old_end], "score": round(p.score, 1),
                    **({"reason": p.reason} if p.flagged else {})})
    return out


def _report(project, plan, version_id: int | None, dry_run: bool) -> None:
    counts = plan.counts
    before, after = plan.before, plan.after
    head = tr("{doc}: teks diganti ({a} → {b} karakter)", doc=after.name, a=len(before.text), b=len(after.text))
    if dry_run:
        head += tr(" — uji coba, tidak ada yang disimpan")
    elif version_id is not None:
        head += tr("; teks lama disimpan sebagai versi #{v}", v=version_id)
    say(head)
    say("  " + tr("{n} segmen: {exact} tepat, {adjusted} disesuaikan, {moved} dipindah, {flagged} perlu dicek",
                    n=len(plan.placements), **counts))
    how = tr("dideteksi ulang") if plan.turns_redetected else tr("digeser mengikuti suntingan")
    say("  " + tr("giliran bicara: {a} → {b} ({how})", a=len(before.turns), b=len(after.turns), how=how))
    if plan.extra.get("replaced") is not None:
        say("  " + tr("{n} kemunculan nama diganti; {f} atribut/memo diubah", n=plan.extra["replaced"],
                        f=plan.extra.get("fields", 0)))
    rows = [r for r in _plan_rows(project, plan) if r["status"] != "exact"]
    if rows:
        say(tr("Segmen yang bergeser atau perlu dicek:"))
        print_table([tr("status"), tr("kode"), tr("lama"), tr("baru"), tr("teks lama"), tr("teks baru")],
                    [[tr(STATUS_WORDS[r["status"]]), r["code"], f'{r["old_start"]}–{r["old_end"]}',
                      f'{r["start"]}–{r["end"]}', cut(r["old_text"], 40), cut(r["text"], 40)] for r in rows])


def cmd_edit(args: argparse.Namespace) -> int:
    from qda.editing import apply_plan, plan_edit
    from qda.sources import read_source

    new_text = read_source(args.source).text
    with open_project(args.project, write=not args.dry_run, coder=args.coder) as p:
        plan = plan_edit(p, p.documents.get(args.doc), new_text)
        version_id = None if args.dry_run else apply_plan(p, plan).version_id
        if args.json:
            print_json({"document": plan.after.name, "version": version_id, "dry_run": args.dry_run,
                        "counts": plan.counts, "turns": {"before": len(plan.before.turns),
                                                         "after": len(plan.after.turns)},
                        "segments": _plan_rows(p, plan)})
        else:
            _report(p, plan, version_id, args.dry_run)
    return 0


def cmd_anonymise(args: argparse.Namespace) -> int:
    from qda.editing import apply_plan, plan_anonymise

    with open_project(args.project, write=not args.dry_run, coder=args.coder) as p:
        docs = [p.documents.id_of(d) for d in split_values(args.doc)] if args.doc else [d.id for d in p.documents.all()]
        results = []
        if args.dry_run:
            plans = [plan_anonymise(p, d, args.name, args.code) for d in docs]
            results = [(plan, None) for plan in plans if plan.changed]
        else:
            with p.atomic():
                for d in docs:
                    plan = plan_anonymise(p, d, args.name, args.code)
                    if plan.changed:
                        results.append((plan, apply_plan(p, plan).version_id))
        if args.json:
            print_json([{"document": plan.after.name, "version": vid, "dry_run": args.dry_run,
                         "replaced": plan.extra["replaced"], "counts": plan.counts,
                         "segments": [r for r in _plan_rows(p, plan) if r["status"] != "exact"]}
                        for plan, vid in results])
            return 0
        if not results:
            say(tr("Nama {names} tidak ditemukan; tidak ada yang diubah", names=", ".join(args.name)))
        for plan, vid in results:
            _report(p, plan, vid, args.dry_run)
    return 0


def cmd_checks(args: argparse.Namespace) -> int:
    with open_project(args.project) as p:
        doc_id = p.documents.id_of(args.doc) if args.doc else None
        flags = p.versions.flags(doc_id)
        names = p.documents.names()
        codes = p.codes.names()
        rows = []
        for f in flags:
            seg = p.segments.get(f.segment_id)
            rows.append({"id": f.id, "document": names[f.document_id], "code": codes[seg.code_id],
                         "old_start": f.old_start, "old_end": f.old_end, "old_text": f.old_text,
                         "start": seg.start, "end": seg.end, "text": p.segments.text(seg),
                         "reason": f.reason, "score": round(f.score, 1)})
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say(tr("Tidak ada segmen yang perlu dicek."))
        return 0
    print_table(["#", tr("dokumen"), tr("kode"), tr("alasan"), tr("teks lama"), tr("kandidat")],
                [[r["id"], r["document"], r["code"], tr(REASON_WORDS.get(r["reason"], r["reason"])),
                  cut(r["old_text"], 40), cut(r["text"], 40)] for r in rows])
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from qda.editing import ResolveFlag

    if args.start is not None or args.end is not None:
        if args.start is None or args.end is None:
            raise InvalidValue(tr("--start dan --end harus diberikan bersama"))
        status, span = "moved", (args.start, args.end)
    else:
        status, span = ("removed" if args.remove else "accepted"), None
    with open_project(args.project, write=True, coder=args.coder) as p:
        ResolveFlag(args.flag, status, span).do(p)
    say({"accepted": tr("Posisi segmen #{id} diterima"), "moved": tr("Segmen #{id} dipindahkan"),
           "removed": tr("Segmen #{id} dihapus")}[status].format(id=args.flag))
    return 0


def cmd_versions(args: argparse.Namespace) -> int:
    with open_project(args.project) as p:
        doc = p.documents.get(args.doc)
        if args.text is not None:
            print(p.versions.text_before(args.text))
            return 0
        coders = {c.id: c.name for c in p.coders.all()}
        from qda.dates import format_datetime

        rows = [[v.id, format_datetime(v.created), coders.get(v.coder_id, ""), tr(ACTION_WORDS[v.action]),
                 v.summary.get("flagged", 0)] for v in p.versions.versions(doc.id)]
    if not rows:
        say(tr("{doc} belum pernah disunting.", doc=doc.name))
        return 0
    print_table(["#", tr("waktu"), tr("pengode"), tr("jenis"), tr("perlu dicek")], rows)
    return 0


def register(sub) -> None:
    """Add the editing subcommands."""
    p = sub.add_parser("edit", help=tr("ganti teks sumber dengan versi yang dikoreksi; segmen ikut dipindah"))
    p.add_argument("project")
    p.add_argument("--doc", required=True, help=tr("nama sumber"))
    p.add_argument("--from", dest="source", required=True, metavar="FILE",
                   help=tr("berkas berisi teks yang sudah dikoreksi (.txt, .docx, .odt, .rtf, .md, .pdf)"))
    p.add_argument("--dry-run", action="store_true", help=tr("tampilkan hasilnya tanpa menyimpan"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.add_argument("--coder", help=tr("nama pengode"))
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("anonymise", aliases=["anonymize"],
                       help=tr("ganti nama seseorang dengan kode kasus di satu atau semua sumber"))
    p.add_argument("project")
    p.add_argument("--name", action="append", required=True,
                   help=tr("nama yang disamarkan (boleh diulang untuk ejaan lain)"))
    p.add_argument("--code", required=True, help=tr("kode pengganti, mis. INF-03"))
    p.add_argument("--doc", action="append", metavar=tr("SUMBER"),
                   help=tr("hanya sumber ini (boleh berulang atau dipisah koma; bawaan: semua)"))
    p.add_argument("--dry-run", action="store_true", help=tr("tampilkan hasilnya tanpa menyimpan"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.add_argument("--coder", help=tr("nama pengode"))
    p.set_defaults(func=cmd_anonymise)

    p = sub.add_parser("checks", help=tr("segmen yang perlu dicek setelah teks disunting"))
    p.add_argument("project")
    p.add_argument("--doc", help=tr("hanya sumber ini"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_checks)

    p = sub.add_parser("check", help=tr("selesaikan satu segmen yang perlu dicek"))
    p.add_argument("project")
    p.add_argument("flag", type=int, help=tr("nomor dari qda checks"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--remove", action="store_true", help=tr("hapus segmennya"))
    p.add_argument("--start", type=int, help=tr("pindahkan ke rentang ini: awal"))
    p.add_argument("--end", type=int, help=tr("pindahkan ke rentang ini: akhir (eksklusif)"))
    p.add_argument("--coder", help=tr("nama pengode"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("versions", help=tr("versi teks lama sebuah sumber"))
    p.add_argument("project")
    p.add_argument("--doc", required=True, help=tr("nama sumber"))
    p.add_argument("--text", type=int, metavar="N", help=tr("cetak teks sebelum suntingan #N"))
    p.set_defaults(func=cmd_versions)
