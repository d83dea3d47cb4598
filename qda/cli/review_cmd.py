"""``qda review`` (verdicts, the queue, summaries, "revised" marks, blind coding), ``qda agreement``, ``qda merge``.

``qda review PROJECT --doc … --status …`` records one verdict (as before);
``qda review ACTION PROJECT …`` runs an action of the supervision cycle:
``queue``, ``summary``, ``todo`` (the coder's "perlu direvisi" list), ``revised``,
``history`` and ``blind on|off``.
"""

from __future__ import annotations

import argparse

from qda.cli.options import GROUP_WORDS, KIND_WORDS, STATUS_WORDS, split_values, word_choice
from qda.cli.output import print_json, print_table, say, write_json
from qda.cli.project_cmd import open_project
from qda.errors import QdaError
from qda.i18n import tr

ACTIONS = ("queue", "summary", "todo", "revised", "history", "blind")
#: Words accepted for the statuses of the queue (the verdicts plus "pending" and "revised").
QUEUE_STATUS_WORDS = {**STATUS_WORDS, "pending": "pending", "belum": "pending", "belum-ditelaah": "pending",
                      "revised": "revised", "direvisi": "revised", "sudah-direvisi": "revised"}


def _split(values: list[str] | None) -> list[str]:
    return split_values(values)


def _words(values: list[str] | None, words: dict[str, str]) -> list[str]:
    out = []
    for value in split_values(values):
        found = words.get(value.casefold())
        if found is None:
            raise QdaError(tr("{value!r} tidak dikenal; pilih salah satu: {choices}", value=value,
                              choices=", ".join(sorted(words))))
        out.append(found)
    return out


def _person(args: argparse.Namespace) -> str | None:
    """The acting person: ``--reviewer``, else the last ``--coder``."""
    if getattr(args, "reviewer", None):
        return args.reviewer
    return args.coder[-1] if args.coder else None


def _attrs(values: list[str] | None) -> dict[str, str]:
    out = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QdaError(tr("atribut harus berbentuk KUNCI=NILAI: {item}", item=item))
        out[key.strip()] = value.strip()
    return out


def _segment(p, args: argparse.Namespace):
    from qda.cli.manage_cmd import _find_segment

    if args.segment:
        return p.segments.get(_segment_ref(p, args.segment))
    if not (args.doc and args.code and args.start is not None and args.end is not None):
        raise QdaError(tr("sebutkan --segment UUID, atau --doc, --start, --end dan --code"))
    one = argparse.Namespace(doc=args.doc[-1], code=args.code[-1], by=args.by[-1] if args.by else None,
                             start=args.start, end=args.end)
    return _find_segment(p, one)


def _segment_ref(p, given: str) -> str | int:
    """``--segment``: a whole UUID, or its start as the queue and todo lists print it (unique, 6+ characters)."""
    import re

    given = given.strip()
    if len(given) >= 36 or not re.fullmatch(r"[0-9a-fA-F-]{6,}", given):
        return given
    found = p.supervision.segment_ids_by_uuid_start(given)
    if len(found) > 1:
        raise QdaError(tr("awal UUID {ref} cocok dengan beberapa segmen; tulis lebih panjang", ref=given))
    return found[0] if found else given


def _queue_rows(p, items, with_text: bool) -> list[dict]:
    from qda.review.queue import TextCache

    cache = TextCache(p)
    out = []
    for item in items:
        item.line = cache.line(item.document_id, item.start)
        before, text, after = cache.excerpt(item) if with_text else ("", "", "")
        out.append(item.as_json(text, before, after))
    return out


def _print_queue(rows: list[dict]) -> None:
    from qda.domain import status_label

    print_table([tr("segmen"), tr("dokumen"), tr("baris"), tr("kode"), tr("pengode"), tr("status"), tr("kutipan")],
                [[r["segment"][:8], r["document"], r["line"], r["code"], r["coder"], status_label(r["status"], in_text=True),
                  r["text"].replace("\n", " ")[:60]] for r in rows])
    print(tr("{n} kutipan", n=len(rows)))


def _verdict(args: argparse.Namespace) -> int:
    from qda.domain import status_label
    from qda.review.queue import give_verdict

    if not args.status:
        raise QdaError(tr("sebutkan --status (approved, needs_revision, rejected) atau salah satu tindakan: {all}",
                          all=", ".join(ACTIONS)))
    status = STATUS_WORDS.get(args.status.casefold())
    if status is None:
        raise QdaError(tr("{value!r} tidak dikenal; pilih salah satu: {choices}", value=args.status,
                          choices=", ".join(sorted(STATUS_WORDS))))
    who = _person(args)
    with open_project(args.project, write=True, coder=who) as p:
        if who:
            p.coders.set_current(who, "supervisor")
        give_verdict(p, _segment(p, args).id, status, args.comment or "")
    say(tr("Telaah disimpan: {status}", status=status_label(status, in_text=True)))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from qda.review import queue as q

    if args.first not in ACTIONS:
        if args.second is not None:
            raise QdaError(tr("tindakan tidak dikenal: {a} (pilih: {all})", a=args.first, all=", ".join(ACTIONS)))
        args.project = args.first
        return _verdict(args)
    action, args.project = args.first, args.second
    if not args.project:
        raise QdaError(tr("sebutkan berkas proyek: qda review {a} PROYEK.qda", a=action))
    if action == "queue":
        flt = q.QueueFilter(codes=_split(args.code), groups=_words(args.group, GROUP_WORDS),
                            documents=_split(args.doc), kinds=_words(args.kind, KIND_WORDS),
                            attributes=_attrs(args.attr), coders=_split(args.coder),
                            statuses=() if args.all else (_words([args.status] if args.status else [],
                                                                 QUEUE_STATUS_WORDS) or q.TO_REVIEW),
                            since=args.since, until=args.until)
        with open_project(args.project) as p:
            rows = _queue_rows(p, q.review_queue(p, flt), True)
        if args.json:
            print_json(rows)
        else:
            _print_queue(rows)
        return 0
    if action == "todo":
        with open_project(args.project) as p:
            name = _person(args)
            if not name:
                raise QdaError(tr("sebutkan pengode: --coder NAMA"))
            rows = _queue_rows(p, q.needs_revision(p, p.coders.get(name).name), True)
        if args.json:
            print_json(rows)
        else:
            _print_queue(rows)
            for r in rows:
                if r["comment"]:
                    print(f"  {r['segment'][:8]}  {r['reviewer']}: {r['comment']}")
        return 0
    if action == "summary":
        with open_project(args.project) as p:
            rows = q.coder_summary(p)
        if args.json:
            print_json(rows)
            return 0
        from qda.domain import status_label

        columns = ("approved", "needs_revision", "rejected", "revised", "pending")
        print_table([tr("pengode"), tr("koding"), *(status_label(s, in_text=True) for s in columns)],
                    [[r["coder"], r["codings"], *(r[s] for s in columns)] for r in rows])
        return 0
    if action == "revised":
        with open_project(args.project, write=True, coder=_person(args)) as p:
            seg = _segment(p, args)
            p.supervision.mark_revised(seg.id, args.comment or "")
        say(tr("Kutipan ditandai sudah direvisi dan kembali ke antrean telaah"))
        return 0
    if action == "history":
        with open_project(args.project) as p:
            rows = q.history(p, _segment(p, args).id)
        if args.json:
            print_json(rows)
            return 0
        print_table([tr("waktu"), tr("oleh"), tr("tindakan"), tr("sebelum"), tr("sesudah"), tr("komentar")],
                    [[r["time"][:19].replace("T", " "), r["who"], r["action"], r.get("before", ""),
                      r.get("after", r.get("status", "")), r.get("comment", "")] for r in rows])
        return 0
    # blind on|off
    if args.third not in ("on", "off"):
        if args.third is None:
            with open_project(args.project, lists_codings=False) as p:
                on = p.supervision.blind()
            print(tr("Koding buta: {state}", state=tr("aktif") if on else tr("tidak aktif")))
            return 0
        raise QdaError(tr("pakai: qda review blind PROYEK.qda on|off --coder PEMBIMBING"))
    with open_project(args.project, write=True, coder=_person(args)) as p:
        p.supervision.set_blind(args.third == "on")
    say(tr("Koding buta diaktifkan: setiap pengode hanya melihat segmennya sendiri") if args.third == "on"
          else tr("Koding buta dimatikan: segmen para pengode dapat dibandingkan"))
    return 0


UNIT_WORDS = {"sentence": "sentence", "kalimat": "sentence", "turn": "turn", "giliran": "turn",
              "paragraph": "paragraph", "paragraf": "paragraph", "char": "char", "karakter": "char"}


def cmd_agreement(args: argparse.Namespace) -> int:
    from qda.review.agreement import compute_agreement

    with open_project(args.project) as p:
        result = compute_agreement(p, _split([args.coders]), unit=args.unit, codes=_split(args.codes) or None)
        data = result.as_json(p) if args.json else None
    if args.json:
        write_json(data, args.json)
        if args.json != "-":
            say(tr("Kesepakatan ditulis ke {path}", path=args.json))
        return 0

    from qda.survey.numfmt import fmt as number, fmt_pct

    def fmt(value: float | None, pct: bool = False) -> str:
        return fmt_pct(value, 1) if pct else number(value, 3)

    o = result.overall
    print(tr("Kesepakatan {coders} per {unit}: {docs} sumber, {n} satuan", coders=", ".join(result.coders),
             unit=args.unit, docs=result.documents, n=result.units))
    rows = [[tr("(semua kode)"), fmt(o.percent_agreement, True), fmt(o.cohen_kappa), fmt(o.krippendorff_alpha),
             int(o.items - o.agreements)]]
    rows += [[name, fmt(s.percent_agreement, True), fmt(s.cohen_kappa), fmt(s.krippendorff_alpha),
              int(s.items - s.agreements)] for name, s in result.per_code.items()]
    print_table([tr("kode"), tr("kesepakatan"), "kappa Cohen", "alpha Krippendorff", tr("ketidaksepakatan")], rows)
    if args.disagreements:
        for d in result.disagreements[: args.disagreements]:
            print(f"{d.document} [{d.start}:{d.end}] {d.code}: + {', '.join(d.coded_by)} / − {', '.join(d.not_coded_by)}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from qda.review.merge import merge_projects

    answers = _attrs(args.resolve)
    with open_project(args.target, write=not args.dry_run, coder=args.coder[-1] if args.coder else None) as p:
        plan = merge_projects(p, args.other, dry_run=args.dry_run, resolutions=answers)
    if args.json:
        print_json(plan.as_json())
        return 0
    new = plan.new_counts()
    print_table([tr("jenis"), tr("baru"), tr("sama"), tr("dilewati")],
                [[tr(label), new[key], plan.same.get(same_key, 0), plan.skipped.get(key, 0)] for key, same_key, label in (
                    ("documents", "documents", "dokumen"), ("codes", "codes", "kode"),
                    ("codings", "codings", "koding"), ("memos", "memos", "memo"), ("reviews", "reviews", "telaah"),
                    ("coders", "coders", "pengode"), ("cases", "cases", "kasus"))])
    for c in plan.conflicts:
        print(tr("konflik {kind}: {name} — di proyek: {t}; di berkas lain: {o} → {res}", kind=c.kind, name=c.name,
                 t=c.target, o=c.other, res=c.resolution or tr("perlu jawaban")))
    if args.dry_run:
        say(tr("Uji coba: tidak ada yang ditulis."))
    elif plan.adds_nothing:
        say(tr("Tidak ada yang baru: proyek sudah memuat semuanya."))
    else:
        say(tr("Digabung ke {path}.", path=args.target))
    return 0


def register(sub) -> None:
    """Add ``qda review``, ``qda agreement`` and ``qda merge``."""
    p = sub.add_parser("review", help=tr("telaah segmen: vonis, antrean, ringkasan, tanda revisi, koding buta"),
                       description=tr("qda review PROYEK --doc … --status …  (satu vonis), atau "
                                      "qda review {all} PROYEK …", all="|".join(ACTIONS)))
    p.add_argument("first", metavar=tr("PROYEK|TINDAKAN"))
    p.add_argument("second", nargs="?", metavar=tr("PROYEK"))
    p.add_argument("third", nargs="?", metavar="on|off")
    p.add_argument("--reviewer", metavar=tr("PEMBIMBING"), help=tr("nama pembimbing"))
    p.add_argument("--coder", action="append", metavar=tr("PENGODE"),
                   help=tr("queue: hanya pengode ini (boleh berulang atau dipisah koma); todo/revised: pengode "
                           "itu; vonis/blind: pembimbing"))
    p.add_argument("--segment", metavar="UUID", help=tr("UUID segmen"))
    p.add_argument("--doc", action="append", metavar=tr("SUMBER"),
                   help=tr("nama sumber (queue: boleh berulang atau dipisah koma)"))
    p.add_argument("--start", type=int, help=tr("posisi awal"))
    p.add_argument("--end", type=int, help=tr("posisi akhir"))
    p.add_argument("--code", action="append", metavar=tr("KODE"),
                   help=tr("nama kode (queue: boleh berulang, termasuk subkode)"))
    p.add_argument("--by", action="append", metavar=tr("PENGODE"), help=tr("pengode segmen itu (bila ada beberapa)"))
    p.add_argument("--status", metavar=tr("STATUS"),
                   help=tr("vonis: disetujui/approved, revisi/needs_revision, ditolak/rejected; queue: juga "
                           "belum/pending, direvisi/revised"))
    p.add_argument("--comment", help=tr("komentar"))
    p.add_argument("--group", action="append", metavar=tr("KELOMPOK"),
                   help=tr("queue: kelompok kode (dimensi, faktor, sendiri)"))
    p.add_argument("--kind", action="append", metavar=tr("JENIS"), help=tr("queue: jenis sumber"))
    p.add_argument("--attr", action="append", metavar=tr("KUNCI=NILAI"), help=tr("queue: atribut kasus/sumber"))
    p.add_argument("--since", help=tr("queue: dikode sejak tanggal (YYYY-MM-DD)"))
    p.add_argument("--until", help=tr("queue: dikode sampai tanggal (YYYY-MM-DD)"))
    p.add_argument("--all", action="store_true", help=tr("queue: semua status, bukan hanya yang perlu ditelaah"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("agreement", help=tr("kesepakatan antarpengode: persentase, kappa Cohen, alpha Krippendorff"))
    p.add_argument("project", metavar=tr("PROYEK"))
    p.add_argument("--coders", required=True, help=tr("pengode yang dibandingkan, mis. Ani,Budi"))
    p.add_argument("--unit", default="sentence", type=word_choice(UNIT_WORDS), metavar=tr("SATUAN"),
                   help=tr("satuan perbandingan: kalimat/sentence, giliran/turn, paragraf/paragraph, "
                           "karakter/char (bawaan: sentence)"))
    p.add_argument("--codes", action="append", metavar=tr("KODE"), help=tr("hanya kode ini (dipisah koma)"))
    p.add_argument("--json", metavar=tr("BERKAS"), help=tr("tulis hasil JSON ke BERKAS (- untuk layar)"))
    p.add_argument("--disagreements", type=int, default=0, metavar="N",
                   help=tr("tampilkan N ketidaksepakatan pertama"))
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("merge", help=tr("gabungkan salinan proyek seorang pengode (menurut identitas)"))
    p.add_argument("target", metavar=tr("TUJUAN"), help=tr("proyek tujuan"))
    p.add_argument("other", metavar=tr("SALINAN"), help=tr("proyek salinan yang digabungkan"))
    p.add_argument("--dry-run", action="store_true", help=tr("tampilkan pratinjau tanpa menulis"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.add_argument("--resolve", action="append", metavar=tr("NAMA=PILIHAN"),
                   help=tr("jawaban konflik: map|new (kode ambigu), keep|theirs (ganti nama), both|keep|theirs (memo)"))
    p.add_argument("--coder", action="append", metavar=tr("PENGODE"), help=tr("nama Anda"))
    p.set_defaults(func=cmd_merge)
