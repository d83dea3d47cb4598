"""``qda query``, ``qda matrix``, ``qda words``, ``qda kwic`` and ``qda stopwords``: finding patterns."""

from __future__ import annotations

import argparse
import sys

from qda.cli.options import KIND_WORDS, STATUS_WORDS, add_filters, split_values, word_choice
from qda.cli.output import cut, print_json, print_table, say
from qda.cli.project_cmd import open_project
from qda.i18n import tr


def _add_filters(p: argparse.ArgumentParser, *, coder: bool = True, status: bool = True) -> None:
    """The shared ``--doc``/``--coder`` filters plus ``--attr``, ``--kind`` and ``--status``."""
    add_filters(p, code=False, coder=coder)
    p.add_argument("--attr", action="append", default=[], metavar=tr("KUNCI=NILAI"),
                   help=tr("hanya sumber yang kasusnya (atau sumbernya sendiri) punya atribut ini; boleh berulang"))
    p.add_argument("--kind", action="append", default=[], type=word_choice(KIND_WORDS), metavar=tr("JENIS"),
                   help=tr("hanya sumber jenis ini: wawancara, observasi, dokumen, lainnya; boleh berulang"))
    if status:
        p.add_argument("--status", action="append", default=[], type=word_choice({**STATUS_WORDS, **_UNREVIEWED}),
                       metavar=tr("STATUS"),
                       help=tr("hanya koding dengan status telaah ini: disetujui, revisi, ditolak, belum; "
                               "boleh berulang"))


_UNREVIEWED = {"unreviewed": "unreviewed", "belum": "unreviewed", "belum-ditelaah": "unreviewed"}


def _filters(args: argparse.Namespace):
    from qda.analysis import Filters

    return Filters(attributes=Filters.parse_attributes(args.attr), kinds=args.kind,
                   coders=split_values(getattr(args, "coder", None)), statuses=args.status,
                   documents=split_values(args.doc))


def _pct(value: float | None) -> str:
    from qda.survey.numfmt import fmt_pct

    return "" if value is None else fmt_pct(value, 1)


# ------------------------------------------------------------------------------------ query
def cmd_query(args: argparse.Namespace) -> int:
    from qda.analysis import Filters, QuerySyntaxError, run_query
    from qda.analysis.export import export_query_rows

    with open_project(args.project, write=bool(args.save or args.delete_saved)) as p:
        if args.list_saved:
            saved = p.queries.all()
            if args.json:
                print_json([{"name": q.name, "query": q.expression, "filters": q.filters} for q in saved])
            else:
                print_table([tr("nama"), tr("kueri"), tr("filter")],
                            [[q.name, q.expression, _describe(q.filters)] for q in saved])
            return 0
        if args.delete_saved:
            p.queries.delete(args.delete_saved)
            say(tr("Kueri tersimpan dihapus: {name}", name=args.delete_saved))
            return 0
        expression = args.expression
        filters = _filters(args)
        if args.saved:
            stored = p.queries.get(args.saved)
            expression = expression or stored.expression
            if filters.is_empty():
                filters = Filters.from_dict(stored.filters)
        if not expression:
            say(tr("qda: tulis kueri, misalnya \"Responsivitas AND Akuntabilitas\", atau --saved NAMA"))
            return 2
        try:
            result = run_query(p, expression, filters, include_subcodes=not args.no_subcodes)
        except QuerySyntaxError as exc:
            print(f"qda: {exc}", file=sys.stderr)
            print(exc.caret(), file=sys.stderr)
            return 2
        if args.save:
            p.queries.save(args.save, expression, filters.to_dict())
        rows = result.rows(context=args.context)
    if args.export:
        export_query_rows(rows, args.export)
    if args.json:
        print_json([{k: r[k] for k in ("document", "start", "end", "code", "coder", "text", "line_start", "line_end",
                                       "case", "status", "codes", "coders")} for r in rows])
        return 0
    print_table([tr("dokumen"), tr("baris"), tr("kode"), tr("pengode"), tr("teks")],
                [[r["document"], f"{r['line_start']}–{r['line_end']}" if r["line_end"] != r["line_start"]
                  else r["line_start"], r["code"], r["coder"], cut(r["text"], 70)] for r in rows])
    say(tr("{n} bagian teks cocok dengan {q}", n=len(rows), q=str(result.node)))
    if args.save:
        say(tr("Kueri disimpan sebagai «{name}»", name=args.save))
    if args.export:
        say(tr("Ditulis: {path}", path=args.export))
    return 0


def _describe(filters: dict) -> str:
    parts = [f"{k}={'|'.join(v)}" for k, v in (filters.get("attributes") or {}).items()]
    for key in ("kinds", "coders", "statuses", "documents"):
        if filters.get(key):
            parts.append(f"{key}={'|'.join(filters[key])}")
    return ", ".join(parts)


# ------------------------------------------------------------------------------------ matrix
def cmd_matrix(args: argparse.Namespace) -> int:
    from qda.analysis import matrices
    from qda.analysis.charts import code_totals_png, matrix_png
    from qda.analysis.export import export_matrix, write_png

    options: dict = {"filters": _filters(args)}
    if args.matrix in ("code-source", "code-case", "code-attribute"):
        options["measure"] = args.measure
        if args.codes:
            options["codes"] = _names(args.codes)
    else:
        options["unit"] = args.unit
        if args.matrix == "cooccurrence" and args.codes:
            options["rows"] = _names(args.codes)
        if args.matrix == "cooccurrence" and args.cols:
            options["cols"] = _names(args.cols)
    if args.matrix == "code-attribute":
        options["key"] = args.attribute
    with open_project(args.project) as p:
        m = matrices.build(p, args.matrix, **options)
    if args.xlsx:
        export_matrix(m, args.xlsx)
    if args.png:
        write_png(matrix_png(m, args.percent), args.png)
    if args.bars_png:
        write_png(code_totals_png(m), args.bars_png)
    if args.json:
        print_json(m.to_dict())
        return 0
    values = m.values(args.percent)
    body = []
    for i, h in enumerate(m.rows):
        cells = [str(m.counts[i][j]) if args.percent == "count" else _pct(values[i][j]) for j in range(len(m.cols))]
        body.append([h.label, *cells, m.row_totals[i]])
    body.append([tr("Jumlah"), *m.col_totals, m.total])
    print(m.title)
    print_table(["", *[h.label for h in m.cols], tr("Jumlah")], body)
    say(m.definition)
    for path in (args.xlsx, args.png, args.bars_png):
        if path:
            say(tr("Ditulis: {path}", path=path))
    return 0


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


# ------------------------------------------------------------------------------------ words, kwic
def _speakers(value: str):
    return value if value in ("informants", "all") else _names(value)


def cmd_words(args: argparse.Namespace) -> int:
    from qda.analysis.charts import words_png
    from qda.analysis.export import export_words, write_png
    from qda.analysis.words import word_frequencies

    with open_project(args.project) as p:
        words = word_frequencies(p, lemma=args.lemma, ngram=args.ngram, documents=split_values(args.doc), kinds=args.kind,
                                 speakers=_speakers(args.speakers), keep_stop_words=args.keep_stop_words,
                                 min_count=args.min_count)
    shown = words[: args.limit] if args.limit else words
    if args.export:
        export_words(words, args.export)
    if args.png:
        write_png(words_png(words), args.png)
    if args.json:
        print_json([{"word": w.word, "count": w.count, "documents": w.documents} for w in shown])
        return 0
    print_table([tr("kata"), tr("jumlah"), tr("dokumen")], [[w.word, w.count, w.documents] for w in shown])
    for path in (args.export, args.png):
        if path:
            say(tr("Ditulis: {path}", path=path))
    return 0


def cmd_kwic(args: argparse.Namespace) -> int:
    from qda.analysis.export import export_kwic
    from qda.analysis.words import kwic

    with open_project(args.project) as p:
        lines = kwic(p, args.word, lemma=args.lemma, documents=split_values(args.doc), kinds=args.kind,
                     speakers=_speakers(args.speakers), width=args.width, sort=args.sort, limit=args.limit)
    if args.export:
        export_kwic(lines, args.export)
    if args.json:
        print_json([k.to_json() for k in lines])
        return 0
    width = max((len(k.left) for k in lines), default=0)
    where = [f"{k.document}:{k.line}" for k in lines]
    pad = max((len(w) for w in where), default=0)
    for w, k in zip(where, lines):
        print(f"{w:<{pad}}  {k.left:>{width}}[{k.match}]{k.right}")
    say(tr("{n} kemunculan", n=len(lines)))
    return 0


def cmd_stopwords(args: argparse.Namespace) -> int:
    from qda.nlp.pipeline import stop_words

    writes = bool(args.add or args.remove)
    with open_project(args.project, write=writes) as p:
        own = set(p.queries.stop_words())
        if writes:
            own |= {w.lower() for w in _names(",".join(args.add))}
            own -= {w.lower() for w in _names(",".join(args.remove))}
            own = set(p.queries.set_stop_words(sorted(own)))
    if args.json:
        print_json({"own": sorted(own), "spacy": len(stop_words())})
        return 0
    print(tr("Kata henti sendiri ({n}): {words}", n=len(own), words=", ".join(sorted(own)) or "—"))
    print(tr("Ditambah {n} kata henti bahasa Indonesia dari spaCy.", n=len(stop_words())))
    return 0


def register(sub) -> None:
    """Add ``query``, ``matrix``, ``words``, ``kwic`` and ``stopwords``."""
    p = sub.add_parser("query", help=tr("cari bagian teks menurut kueri kode (AND, OR, NOT, OVERLAPS, NEAR/n, "
                                         "SENTENCE, TURN)"))
    p.add_argument("project")
    p.add_argument("expression", nargs="?", help=tr("kueri, misalnya \"Responsivitas AND (Koordinasi Internal "
                                                     "OR Kepemimpinan yang Efektif)\""))
    _add_filters(p)
    p.add_argument("--no-subcodes", action="store_true", help=tr("subkode tidak ikut dihitung untuk kode induknya"))
    p.add_argument("--context", type=int, default=0, help=tr("jumlah karakter konteks di kiri dan kanan"))
    p.add_argument("--export", metavar="OUT", help=tr("tulis hasil ke .csv atau .xlsx"))
    p.add_argument("--save", metavar=tr("NAMA"), help=tr("simpan kueri (dan filternya) di proyek"))
    p.add_argument("--saved", metavar=tr("NAMA"), help=tr("jalankan kueri tersimpan"))
    p.add_argument("--list-saved", action="store_true", help=tr("daftar kueri tersimpan"))
    p.add_argument("--delete-saved", metavar=tr("NAMA"), help=tr("hapus kueri tersimpan"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_query)

    from qda.analysis.matrices import KINDS, MEASURES

    p = sub.add_parser("matrix", help=tr("matriks kode: dimensi × faktor, kookurensi, kode × sumber/kasus/atribut"))
    p.add_argument("project")
    p.add_argument("matrix", nargs="?", choices=KINDS, default="dimension-factor",
                   help=tr("jenis matriks (bawaan: dimension-factor)"))
    p.add_argument("--attribute", metavar=tr("KUNCI"), help=tr("atribut kolom untuk code-attribute (mis. Jabatan)"))
    p.add_argument("--codes", help=tr("kode baris, dipisah koma (bawaan: kode tingkat atas)"))
    p.add_argument("--cols", help=tr("kode kolom untuk cooccurrence, dipisah koma"))
    p.add_argument("--unit", choices=["span", "sentence", "turn"], default="span",
                   help=tr("kookurensi per bagian teks yang bertumpuk (span), per kalimat atau per giliran bicara"))
    p.add_argument("--measure", choices=MEASURES, default="codings",
                   help=tr("hitung koding atau bagian teks (matriks kode × sumber/kasus/atribut)"))
    p.add_argument("--percent", choices=["count", "row", "col"], default="count",
                   help=tr("tampilkan jumlah, % baris atau % kolom"))
    _add_filters(p)
    p.add_argument("--xlsx", metavar="OUT", help=tr("tulis matriks ke .xlsx (jumlah, % baris, % kolom)"))
    p.add_argument("--png", metavar="OUT", help=tr("tulis peta panas ke .png"))
    p.add_argument("--bars-png", metavar="OUT", help=tr("tulis diagram batang frekuensi kode ke .png"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_matrix)

    p = sub.add_parser("words", help=tr("frekuensi kata (spaCy, tanpa kata henti)"))
    p.add_argument("project")
    p.add_argument("--lemma", action="store_true", help=tr("hitung lema, bukan bentuk kata"))
    p.add_argument("--ngram", type=int, choices=[1, 2, 3], default=1, help=tr("panjang frasa (1–3 kata)"))
    add_filters(p, code=False, coder=False)
    p.add_argument("--kind", action="append", default=[], type=word_choice(KIND_WORDS), metavar=tr("JENIS"),
                   help=tr("hanya sumber jenis ini: wawancara, observasi, dokumen, lainnya; boleh berulang"))
    p.add_argument("--speakers", default="informants",
                   help=tr("informants (bawaan: tanpa giliran pewawancara), all, atau nama pembicara dipisah koma"))
    p.add_argument("--keep-stop-words", action="store_true", help=tr("jangan buang kata henti"))
    p.add_argument("--min-count", type=int, default=1, help=tr("jumlah kemunculan minimum"))
    p.add_argument("--limit", type=int, default=50, help=tr("jumlah kata yang ditampilkan (0 = semua)"))
    p.add_argument("--export", metavar="OUT", help=tr("tulis daftar kata ke .csv atau .xlsx"))
    p.add_argument("--png", metavar="OUT", help=tr("tulis diagram batang ke .png"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_words)

    p = sub.add_parser("kwic", help=tr("kata kunci dalam konteks (konkordansi)"))
    p.add_argument("project")
    p.add_argument("word", help=tr("kata atau frasa"))
    p.add_argument("--lemma", action="store_true", help=tr("semua bentuk dari lema kata itu"))
    p.add_argument("--sort", choices=["document", "left", "right"], default="document",
                   help=tr("urutkan menurut dokumen, konteks kiri atau konteks kanan"))
    p.add_argument("--width", type=int, default=50, help=tr("lebar konteks dalam karakter"))
    add_filters(p, code=False, coder=False)
    p.add_argument("--kind", action="append", default=[], type=word_choice(KIND_WORDS), metavar=tr("JENIS"),
                   help=tr("hanya sumber jenis ini: wawancara, observasi, dokumen, lainnya; boleh berulang"))
    p.add_argument("--speakers", default="all", help=tr("all (bawaan), informants, atau nama pembicara dipisah koma"))
    p.add_argument("--limit", type=int, help=tr("jumlah baris maksimum"))
    p.add_argument("--export", metavar="OUT", help=tr("tulis konkordansi ke .csv atau .xlsx"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_kwic)

    p = sub.add_parser("stopwords", help=tr("kata henti sendiri untuk frekuensi kata"))
    p.add_argument("project")
    p.add_argument("--add", action="append", default=[], help=tr("tambah kata (dipisah koma)"))
    p.add_argument("--remove", action="append", default=[], help=tr("hapus kata (dipisah koma)"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(func=cmd_stopwords)
