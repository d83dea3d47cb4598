"""``qda joint PROJECT ...``: mixed methods — the joint display, indicator ↔ code links, notes, respondents."""

from __future__ import annotations

import argparse
import sys

from qda.cli.output import print_json, print_table, say
from qda.cli.project_cmd import open_project
from qda.errors import QdaError
from qda.i18n import tr, trn


def _indicator(text: str) -> tuple[str, str]:
    """``X:Kuantitas kerja`` -> ("X", "Kuantitas kerja")."""
    if ":" not in text:
        raise QdaError(tr("indikator ditulis VARIABEL:NAMA, mis. \"Y:Responsivitas\" (bukan {text!r})", text=text))
    var, name = text.split(":", 1)
    return var.strip(), name.strip()


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``joint`` subcommand."""
    p = subparsers.add_parser(
        "joint", help=tr("metode campuran: tampilan gabungan skor kuesioner dan kutipan per indikator"),
        description=tr("Menyandingkan skor kuesioner per indikator dengan kutipan kode yang ditautkan, kasusnya, "
                       "kutipan representatif dan catatan konvergensi/divergensi peneliti."))
    p.add_argument("project", metavar=tr("PROYEK"), help=tr("berkas proyek .qda"))
    p.add_argument("--survey", metavar=tr("SURVEI"), help=tr("nama survei tersimpan (bawaan: yang pertama)"))
    p.add_argument("--coder", help=tr("nama pengode"))
    acts = p.add_subparsers(dest="action", metavar=tr("TINDAKAN"))
    a = acts.add_parser("show", help=tr("tampilkan tampilan gabungan"))
    a.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    for name, text in (("link", tr("tautkan indikator ke kode")), ("unlink", tr("lepaskan tautan indikator dan kode"))):
        a = acts.add_parser(name, help=text)
        a.add_argument("--indicator", required=True, metavar=tr("VAR:INDIKATOR"), help=tr("mis. \"Y:Responsivitas\""))
        a.add_argument("--code", required=True, action="append", metavar=tr("KODE"), help=tr("boleh berulang"))
    acts.add_parser("auto-link", help=tr("tautkan setiap indikator ke kode yang bernama sama"))
    a = acts.add_parser("note", help=tr("tulis catatan konvergensi/divergensi sebuah indikator"))
    a.add_argument("--indicator", required=True, metavar=tr("VAR:INDIKATOR"))
    a.add_argument("--text", required=True, metavar=tr("TEKS"))
    a = acts.add_parser("quotes", help=tr("pilih satu atau dua kutipan representatif (dokumen:awal-akhir)"))
    a.add_argument("--indicator", required=True, metavar=tr("VAR:INDIKATOR"))
    a.add_argument("--excerpt", action="append", default=[], metavar=tr("DOK:AWAL-AKHIR"),
                   help=tr("kutipan seperti pada qda segments, mis. wawancara_01.txt:120-245 (tanpa ini: pilihan dihapus)"))
    a = acts.add_parser("respondent", help=tr("tautkan kasus ke nomor responden survei"))
    a.add_argument("--case", required=True, metavar=tr("KASUS"))
    a.add_argument("--id", dest="respondent", metavar=tr("RESPONDEN"), help=tr("nomor responden (tanpa ini: tautan dihapus)"))
    a = acts.add_parser("respondents", help=tr("daftar kasus dan nomor responden tautannya"))
    a.add_argument("--match", action="store_true",
                   help=tr("tautkan kasus yang nama atau atributnya sama dengan nomor responden"))
    a.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    a = acts.add_parser("excerpts", help=tr("kutipan informan yang jawabannya memenuhi syarat, mis. \"Y7<=2\""))
    a.add_argument("--where", required=True, metavar=tr("SYARAT"), help=tr("BUTIR|INDIKATOR operator angka"))
    a.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=handle, action=None)


def _find_segment(project, spec: str):
    """``doc.txt:120-245`` -> the segment with that span (the first coder's when several)."""
    try:
        doc, span = spec.rsplit(":", 1)
        start, end = (int(x) for x in span.split("-"))
    except ValueError:
        raise QdaError(tr("kutipan ditulis DOKUMEN:AWAL-AKHIR, mis. wawancara_01.txt:120-245 (bukan {spec!r})",
                          spec=spec)) from None
    for s in project.segments.all(document=doc):
        if s.start == start and s.end == end:
            return s
    raise QdaError(tr("tidak ada kutipan terkode {doc} {start}–{end}", doc=doc, start=start, end=end))


def handle(args: argparse.Namespace) -> int:
    """Run one joint-display action."""
    from qda.i18n import language
    from qda.mixed.joint import (auto_link, excerpts_by_answer, joint_display, link_respondents, load_stored_survey,
                                 matching_respondents)

    action = args.action or "show"
    write = action not in ("show", "excerpts") and not (action == "respondents" and not args.match)
    with open_project(args.project, write=write, coder=args.coder) as project:
        survey, *_ = load_stored_survey(project, args.survey)
        if action == "show":
            show(joint_display(project, survey, language=language()), getattr(args, "json", False))
        elif action in ("link", "unlink"):
            var, ind = _indicator(args.indicator)
            for code in args.code:
                if action == "link":
                    project.links.link(survey, var, ind, code)
                    say(tr("Indikator {ind} ditautkan ke kode {code}", ind=ind, code=code))
                else:
                    project.links.unlink(survey, var, ind, code)
                    say(tr("Tautan indikator {ind} dan kode {code} dilepas", ind=ind, code=code))
        elif action == "auto-link":
            say(tr("{n} tautan indikator–kode dibuat", n=auto_link(project, survey)))
        elif action == "note":
            var, ind = _indicator(args.indicator)
            project.links.set_note(survey, var, ind, args.text)
            say(tr("Catatan indikator {ind} disimpan", ind=ind))
        elif action == "quotes":
            var, ind = _indicator(args.indicator)
            project.links.set_quotes(survey, var, ind, [_find_segment(project, e) for e in args.excerpt])
            say(tr("{n} kutipan representatif dipilih untuk {ind}", n=len(args.excerpt), ind=ind))
        elif action == "respondent":
            link_respondents(project, survey, {project.cases.get(args.case).name: args.respondent})
            say(tr("Kasus {case} ditautkan ke responden {id}", case=args.case, id=args.respondent) if args.respondent
                else tr("Tautan responden kasus {case} dihapus", case=args.case))
        elif action == "respondents":
            if args.match:
                found = matching_respondents(project, survey)
                n = link_respondents(project, survey, dict(found))
                say(trn("{n} kasus ditautkan ke responden bernomor sama", n=n))
            linked = project.links.respondents(survey)
            rows = [{"case": c.name, "respondent": linked.get(c.id)} for c in project.cases.all()]
            if args.json:
                print_json(rows)
            else:
                print_table([tr("Informan"), tr("Nomor responden")], [[r["case"], r["respondent"] or "–"] for r in rows])
        elif action == "excerpts":
            segs = excerpts_by_answer(project, args.where, survey)
            docs = {d.id: d.name for d in project.documents.all()}
            codes = {c.id: c.name for c in project.codes.all()}
            coders = {c.id: c.name for c in project.coders.all()}
            rows = [{"document": docs[s.document_id], "start": s.start, "end": s.end, "code": codes[s.code_id],
                     "coder": coders.get(s.coder_id, ""), "text": project.segments.text(s.id)} for s in segs]
            if args.json:
                print_json(rows)
            else:
                print_table([tr("Sumber"), tr("Awal"), tr("Akhir"), tr("Kode"), tr("Teks")],
                            [[r["document"], r["start"], r["end"], r["code"], r["text"]] for r in rows])
    return 0


def show(jd, as_json: bool) -> None:
    """Print the joint display as a table or as JSON."""
    if as_json:
        print_json({"survey": jd.survey, "respondents": jd.respondents, "disagreements": jd.disagreements,
                    "rows": [{"variable": r.key.variable, "indicator": r.key.indicator, "items": r.items, "n": r.n,
                              "score": r.score, "max": r.maximum, "min": r.minimum, "pct": r.pct,
                              "category": r.category, "codes": r.codes, "excerpts": r.excerpts,
                              "informants": r.informants,
                              "quotes": [{"text": q.text, "citation": q.citation, "chosen": q.chosen} for q in r.quotes],
                              "note": r.note} for r in jd.rows]})
        return
    from qda.survey.numfmt import SCORE_PCT_DECIMALS, fmt, fmt_pct

    print_table([tr("Var"), tr("Indikator"), tr("Skor"), "%", tr("Kategori"), tr("Kode"), tr("Kutipan"),
                 tr("Informan"), tr("Catatan")],
                [[r.key.variable, r.key.indicator, f"{fmt(r.score, 0)} / {fmt(r.maximum, 0)}",
                  fmt_pct(r.pct, SCORE_PCT_DECIMALS), r.category or "–", ", ".join(r.codes) or "–", r.excerpts,
                  ", ".join(r.informants) or "–", r.note or "–"] for r in jd.rows])
    for line in jd.disagreements:
        print(tr("Perhatian: {text}", text=line), file=sys.stderr)
