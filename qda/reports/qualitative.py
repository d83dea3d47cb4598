"""The qualitative report: method, codebook, excerpts per dimension and factor, matrices, review.

:func:`write_qualitative_report` reads a project through the store API and writes a Word
document a thesis chapter or an office report can use as it is (see the module
docstrings of :mod:`qda.reports.docx_kit` for styles and templates).
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from qda.domain import group_label, kind_label, role_label
from qda.reports.collect import ReportData, collect
from qda.reports.docx_kit import ReportDocument
from qda.reports.docx_toc import TOC_PLACEHOLDER
from qda.reports.lang import Wording
from qda.survey.continuum import category_name
from qda.analysis.cooccurrence import cooccurrence
from qda.reports.matrices import code_source_counts
from qda.reports.pseudonyms import POSITION_ATTRIBUTES, Pseudonyms
from qda.reports.review import write_status_summaries

#: How a thesis orders quotes under a code: interviews, then observations, then documents.
KIND_ORDER = {"interview": 0, "observation": 1, "document": 2, "other": 3}
QUOTE_ORDERS = ("kind", "document")

#: Case attributes shown first in the informant table, when present.
PREFERRED_ATTRIBUTES = ("Informan", "Jabatan", "Jenis Kelamin", "Usia", "Pendidikan", "Masa Kerja", "Unit")
DOCUMENT_COLUMNS = 10
#: Case attributes that identify a person; left out of reports unless names are asked for.
IDENTIFYING_ATTRIBUTES = frozenset({"nama", "nama lengkap", "nama informan", "name", "full name", "nip", "nik",
                                    "alamat", "address", "no. hp", "no hp", "nomor hp", "telepon", "telp",
                                    "phone", "email", "e-mail"})


def write_qualitative_report(project: Any, out_path: str | Path, *, language: str = "id",
                             codes: Iterable[str | int] | None = None,
                             documents: Iterable[str | int] | None = None,
                             coders: Iterable[str | int] | None = None, approved_only: bool = False,
                             template: str | Path | None = None, title: str | None = None,
                             author: str | None = None, include_names: bool = False, progress=None,
                             hide_positions: bool = False, coder_tags: bool = True, quote_order: str = "kind",
                             look: str = "thesis", warnings: list[str] | None = None) -> Path:
    """Write the qualitative report of ``project`` to ``out_path`` and return the path.

    ``codes``, ``documents`` and ``coders`` (names or ids) restrict the excerpts;
    ``approved_only`` keeps excerpts whose latest review is "approved"; ``template``
    is a .docx whose styles and page setup are used (its body text is not kept).
    Informants are known by their case names (e.g. "Informan 3"); attributes that
    identify a person (Nama, NIP, Alamat, ...) are left out unless ``include_names``, and
    every known name of every case (with Bu/Pak/Mas/Mbak ...) is replaced by the case code
    in quotes, memos, citations and tables; ``hide_positions`` also leaves out positions.
    Names after a form of address that no case lists are appended to ``warnings``.
    ``coder_tags`` adds "[pengode: …]" after a passage several coders coded; ``quote_order``
    is "kind" (interviews, then observations, then documents) or "document" (source order).
    """
    if quote_order not in QUOTE_ORDERS:
        from qda.errors import QdaError
        from qda.i18n import tr

        raise QdaError(tr("urutan kutipan tidak dikenal: {order} (pilih {all})", order=quote_order,
                          all=", ".join(QUOTE_ORDERS)))
    w = Wording(language)
    data = collect(project, language=language, codes=codes, documents=documents, coders=coders,
                   approved_only=approved_only, progress=progress, hide_positions=hide_positions and not include_names)
    doc = ReportDocument(template, language=language, look=look)
    writer = _Writer(doc, data, w, progress)
    writer.include_names = include_names
    writer.hide_positions = hide_positions and not include_names
    writer.coder_tags = coder_tags
    writer.quote_order = quote_order
    if not include_names:
        writer.names = Pseudonyms.from_cases(data.cases.values(), data.documents, data.doc_attributes,
                                             hide_positions=writer.hide_positions)
    writer.title_page(title, author or _current_coder(project), approved_only)
    doc.toc(w("Daftar Isi"), w(TOC_PLACEHOLDER))
    writer.method()
    writer.codebook()
    for group in ("dimension", "factor", "own"):
        writer.group_chapter(group)
    writer.matrices()
    writer.joint_display(project)
    writer.review_summary()
    writer.memos()
    if progress is not None:
        progress.step(max(0, progress.total - progress.done), w("selesai"))
    if warnings is not None and writer.unknown:
        from qda.i18n import tr

        warnings.append(tr("Nama yang tidak tercantum pada atribut informan mana pun tetap tertulis di laporan: "
                           "{names}. Tambahkan nama itu (atribut Nama) pada kasusnya agar ikut disamarkan.",
                           names=", ".join(sorted(writer.unknown))))
    return doc.save(out_path)


def nested_quotes(text: str) -> str:
    """Quotation marks inside a quotation as single ones: ``"kata"`` / ``“kata”`` -> ``‘kata’``."""
    out = []
    opening = True
    for ch in text:
        if ch in "\"\u201c\u201d":
            if ch == "\u201c":
                out.append("\u2018")
                opening = False
            elif ch == "\u201d":
                out.append("\u2019")
                opening = True
            else:
                out.append("\u2018" if opening else "\u2019")
                opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def _same_passages(excerpts: list) -> list[list]:
    """Excerpts grouped by identical passage (same source and span), in first-seen order."""
    groups: dict[tuple[int, int, int], list] = {}
    for e in excerpts:
        groups.setdefault((e.document.id, e.segment.start, e.segment.end), []).append(e)
    return list(groups.values())


def _current_coder(project: Any) -> str:
    try:
        return project.coders.current.name
    except Exception:  # a read-only project may have no current coder
        return ""


class _Writer:
    def __init__(self, doc: ReportDocument, data: ReportData, w: Wording, progress) -> None:
        self.doc, self.data, self.w, self.progress = doc, data, w, progress
        self.lang = w.language
        self.by_code = data.excerpts_by_code()
        self.include_names = False
        self.hide_positions = False
        self.coder_tags = True
        self.quote_order = "kind"
        self.names = Pseudonyms(())
        self.unknown: set[str] = set()

    def hide(self, text: str) -> str:
        """``text`` with informants' names replaced by their case codes (when names are hidden)."""
        if self.include_names or not text:
            return text
        self.unknown |= self.names.unknown_names(text)
        return self.names.apply(text)

    def title_of(self, document) -> str:
        """A source as a thesis names it: title or case code, names hidden."""
        from qda.reports.citations import document_title

        case = self.data.cases.get(document.case_id) if document.case_id is not None else None
        return self.hide(document_title(document.name, self.data.doc_attributes.get(document.id),
                                        case.name if case else None))

    def label(self, code) -> str:
        return self.data.code_label(code, self.lang)

    def _tick(self, n: int = 1) -> None:
        if self.progress is not None:
            self.progress.step(n)

    # -- front matter ----------------------------------------------------------------------

    def title_page(self, title: str | None, author: str, approved_only: bool) -> None:
        w = self.w
        today = _dt.date.today().isoformat()
        lines = [w("Proyek: {name}", name=self.data.project_name) if self.data.project_name else "",
                 w("Disusun oleh: {name}", name=author) if author else "", w.date(today)]
        if approved_only:
            lines.append(w("Hanya kutipan yang disetujui pembimbing"))
        self.doc.title_page(title or w("Laporan Analisis Kualitatif"), lines,
                            subtitle=w("Kinerja Pelayanan Publik: Dimensi Dwiyanto dan Faktor Pendorong"),
                            note=w("Dibuat dengan qda"))

    def method(self) -> None:
        w, d, doc = self.w, self.data, self.doc
        doc.heading(w("Ringkasan Metode"), 1, page_break=True)
        words = sum(x.words for x in d.documents)
        coding = {e.coder for e in d.excerpts}  # a reviewer without codings is not a coder
        if d.excerpts:
            quotes = sum(self.quote_count(c.id) for c in d.codes)
            if quotes == len(d.excerpts):
                held = w.count("{n} kutipan terkode", quotes)
            else:
                held = w.n("{n} kutipan yang berasal dari {segments}", count="k", k=quotes, n=w.int(quotes),
                           segments=w.count("{n} segmen", len(d.excerpts)))
            doc.paragraph(w("Analisis ini mencakup {sources} dengan total {words}, dikode oleh {coders} menggunakan "
                            "{codes}. Laporan memuat {excerpts}.",
                            sources=w.count("{n} sumber data", len(d.documents)), words=w.count("{n} kata", words),
                            coders=w.count("{n} pengode", len(coding)), codes=w.count("{n} kode", len(d.codes)),
                            excerpts=held), align="justify")
        else:
            doc.paragraph(w("Analisis ini mencakup {sources} dengan total {words}. Belum ada kutipan terkode yang "
                            "memenuhi pilihan laporan ini.", sources=w.count("{n} sumber data", len(d.documents)),
                            words=w.count("{n} kata", words)), align="justify")
        doc.heading(w("Sumber Data"), 2)
        kinds: dict[str, list] = defaultdict(list)
        for x in d.documents:
            kinds[x.kind].append(x)
        rows = [[kind_label(k, translate=w), w.int(len(v)), w.int(sum(x.words for x in v))] for k, v in kinds.items()]
        rows.append([w("Jumlah"), w.int(len(d.documents)), w.int(words)])
        doc.numbered_table(w("Sumber data menurut jenis"), [w("Jenis"), w("Jumlah Sumber"), w("Jumlah Kata")], rows,
                           source=w("Sumber: data primer diolah"), bold_first_column=False)
        # the quotes each source has in the code sections (a passage coded by several coders once per code)
        count_by_doc = Counter(group[0].document.id for ex in self.by_code.values() for group in _same_passages(ex))
        rows = []
        for x in d.documents:
            case = d.cases.get(x.case_id) if x.case_id is not None else None
            rows.append([self.title_of(x), kind_label(x.kind, translate=w), case.name if case else "–",
                         w.int(x.words), w.int(count_by_doc.get(x.id, 0))])
        doc.numbered_table(w("Daftar sumber data"),
                           [w("Sumber"), w("Jenis"), w("Informan"), w("Kata"), w("Kutipan")], rows,
                           source=w("Sumber: data primer diolah"))
        self._informants()
        doc.heading(w.c("judul bagian", "Pengode"), 2)
        per_coder = Counter(e.coder for e in d.excerpts)
        doc.numbered_table(w("Pengode dan jumlah segmen"), [w("Nama"), w("Peran"), w("Segmen")],
                           [[c.name, role_label(c.role, in_text=True, translate=w), w.int(per_coder.get(c.name, 0))] for c in d.coders])
        memo = d.memos.get(("project", None))
        if memo:
            doc.heading(w("Memo Proyek"), 2)
            for para in memo.split("\n"):
                if para.strip():
                    doc.paragraph(self.hide(para.strip()), align="justify")
        self._tick()

    def _informants(self) -> None:
        w, d, doc = self.w, self.data, self.doc
        used = {x.case_id for x in d.documents if x.case_id is not None}
        cases = [c for c in d.cases.values() if c.id in used] or list(d.cases.values())
        if not cases:
            return
        doc.heading(w.c("judul bagian", "Informan"), 2)
        keys: list[str] = [k for k in PREFERRED_ATTRIBUTES if any(k in c.attributes for c in cases)]
        for c in cases:
            for k in c.attributes:
                if k not in keys:
                    keys.append(k)
        keys = [k for k in keys if k != "Informan"]
        hidden = [] if self.include_names else [k for k in keys if k.strip().casefold() in IDENTIFYING_ATTRIBUTES]
        if self.hide_positions:
            hidden += [k for k in keys if k.strip().casefold() in POSITION_ATTRIBUTES]
        keys = [k for k in keys if k not in hidden]
        header = [w("Informan")] + [w(k) if k in PREFERRED_ATTRIBUTES else k for k in keys]
        rows = [[c.name] + [self.hide(c.attributes.get(k, "–")) for k in keys]
                for c in sorted(cases, key=lambda c: c.name)]
        doc.paragraph(w.count("Tabel berikut memuat {n} informan beserta atributnya.", len(cases)), keep_next=True)
        doc.numbered_table(w("Informan dan atributnya"), header, rows, source=w("Sumber: data primer diolah"))
        if hidden:
            doc.paragraph(w("Atribut identitas ({names}) tidak dicantumkan untuk menjaga kerahasiaan informan.",
                            names=", ".join(hidden)))

    def quote_count(self, code_id: int) -> int:
        """The quotes the code's section prints: a passage coded by several coders is quoted once."""
        return len(_same_passages(self.by_code.get(code_id, [])))

    def codebook(self) -> None:
        w, d, doc = self.w, self.data, self.doc
        doc.heading(w("Buku Kode"), 1, page_break=True)
        sources = defaultdict(set)
        for e in d.excerpts:
            sources[e.code.id].add(e.document.id)
        rows = []
        for c in d.codes:
            rows.append([group_label(c.group, translate=w), self.label(c), d.code_definition(c, self.lang),
                         w.int(self.quote_count(c.id)), w.int(len(sources.get(c.id, ())))])
        doc.paragraph(w.count("Buku kode memuat {n} kode. Kolom Kutipan dan Sumber menghitung kutipan yang masuk "
                              "dalam laporan ini.", len(d.codes)), align="justify")
        doc.numbered_table(w("Buku kode"), [w("Kelompok"), w("Kode"), w("Definisi"), w("Kutipan"), w("Sumber")],
                           rows, widths_cm=[2.4, 3.0, 7.8, 1.8, 1.8], align=["left", "left", "left", "right", "right"])
        self._tick()

    # -- excerpts ------------------------------------------------------------------------------

    def group_chapter(self, group: str) -> None:
        w, d, doc = self.w, self.data, self.doc
        codes = [c for c in d.codes if c.group == group]
        if group == "own":
            codes = [c for c in codes if self.by_code.get(c.id)]
        if not codes:
            return
        doc.heading(group_label(group, translate=w), 1, page_break=True)
        ids = {c.id for c in codes}
        for code in codes:
            level = 2 if code.parent_id not in ids else 3
            doc.heading(self.label(code), level)
            definition = d.code_definition(code, self.lang)
            if definition:
                doc.paragraph([(w("Definisi: "), {"bold": True}), (definition, {})], align="justify")
            memo = d.memos.get(("code", code.id))
            if memo:
                doc.paragraph([(w("Memo kode: "), {"bold": True}), (self.hide(memo), {"italic": True})],
                              align="justify")
            excerpts = self.by_code.get(code.id, [])
            nsrc = len({e.document.id for e in excerpts})
            if not excerpts:
                doc.paragraph(w("Tidak ada kutipan untuk kode ini."), italic=True)
                continue
            passages = _same_passages(self.ordered(excerpts))
            if len(passages) == len(excerpts):
                doc.paragraph(w.n("Terdapat {n} kutipan dari {sources}.", count="k", k=len(passages),
                                  n=w.int(len(passages)), sources=w.count("{n} sumber", nsrc)))
            else:
                doc.paragraph(w.n("Terdapat {n} kutipan dari {sources}, berasal dari {codings}; bagian teks yang "
                                  "dikode oleh lebih dari satu pengode dikutip sekali.", count="k", k=len(passages),
                                  n=w.int(len(passages)), sources=w.count("{n} sumber", nsrc),
                                  codings=w.count("{n} segmen", len(excerpts))))
            several_coders = self.coder_tags and len({e.coder for e in excerpts}) > 1
            for i, group in enumerate(passages):
                e = group[0]
                citation = self.hide(e.citation)
                if several_coders:
                    names = ", ".join(dict.fromkeys(x.coder for x in group))
                    citation += " " + w("[pengode: {names}]", names=names)
                doc.quote(nested_quotes(self.hide(e.text)), citation)
                for x in group:
                    if x.memo:
                        doc.paragraph([(w("Memo: "), {"bold": True}), (self.hide(x.memo), {"italic": True})],
                                      "Table Text")
                if i % 500 == 499:
                    self._tick(500)
            self._tick(len(excerpts) % 500)

    # -- matrices ------------------------------------------------------------------------------

    def matrices(self) -> None:
        w, d, doc = self.w, self.data, self.doc
        from qda.reports.charts import heatmap

        doc.heading(w("Matriks"), 1, page_break=True)
        parents = {c.id: c.parent_id for c in d.code_by_id.values()}
        rows = [c for c in d.codes if c.group == "dimension" and (c.parent_id is None or
                d.code_by_id[c.parent_id].group != "dimension")]
        cols = [c for c in d.codes if c.group == "factor" and (c.parent_id is None or
                d.code_by_id[c.parent_id].group != "factor")]
        doc.heading(w("Ko-okurensi Dimensi × Faktor"), 2)
        doc.paragraph(w("Definisi: angka pada sel adalah banyaknya bagian teks yang diberi kode dimensi dan kode "
                        "faktor sekaligus (cakupan kedua kode bertumpang tindih paling sedikit satu karakter). "
                        "Satu bagian teks yang dikode oleh dua pengode dihitung sekali; segmen subkode dihitung "
                        "pada kode induknya."), align="justify")
        if rows and cols:
            counts = cooccurrence([e.segment for e in d.excerpts], [c.id for c in rows], [c.id for c in cols], parents)
            matrix = [[counts[(r.id, c.id)] for c in cols] for r in rows]
            total = sum(map(sum, matrix))
            keys = [f"F{k + 1}" for k in range(len(cols))]
            header = [w("Dimensi \\ Faktor")] + keys
            body = [[self.label(r)] + [w.int(v) for v in line] for r, line in zip(rows, matrix)]
            doc.paragraph(w.n("{label} menyajikan matriks ko-okurensi; jumlah seluruh bagian teks pada sel-selnya "
                              "adalah {n}.", count="k", k=total, label=doc.next_table_label, n=w.int(total)),
                          align="justify", keep_next=True)
            self._wide_table(w("Matriks ko-okurensi dimensi × faktor"), header, body)
            legend = "; ".join(f"{k} = {self.label(c)}" for k, c in zip(keys, cols))
            doc.paragraph([(w("Keterangan: "), {"bold": True}), (legend, {})], "Source Note")
            if total:
                peak = max(map(max, matrix))
                best = [(r, c) for r, line in zip(rows, matrix) for c, v in zip(cols, line) if v == peak]
                if len(best) == 1:
                    text = w.n("Pasangan yang paling sering muncul bersama adalah {d} dengan {f} ({n} bagian teks).",
                               count="k", k=peak, d=self.label(best[0][0]), f=self.label(best[0][1]), n=w.int(peak))
                elif len(best) <= 4:  # ties named
                    pairs = w.join([w("{d} dengan {f}", d=self.label(r), f=self.label(c)) for r, c in best])
                    text = w.n("Pasangan yang paling sering muncul bersama, masing-masing pada {n} bagian teks, adalah "
                               "{pairs}.", count="k", k=peak, n=w.int(peak), pairs=pairs)
                else:
                    text = w.n("Sebanyak {pairs} pasangan sama-sama paling sering muncul bersama, masing-masing pada "
                               "{n} bagian teks.", count="k", k=peak, n=w.int(peak), pairs=w.int(len(best)))
                doc.paragraph(text, align="justify")
            png = heatmap(matrix, [self.label(r) for r in rows], keys,
                          xlabel=w("Faktor Pendorong"), ylabel=w("Dimensi Kinerja (Dwiyanto)"))
            doc.figure(png, w("Peta panas ko-okurensi dimensi × faktor"), w("Sumber: data primer diolah"),
                       width_cm=15)
        else:
            doc.paragraph(w("Tidak ada kode dimensi atau faktor yang dipilih."), italic=True)
        self._code_by_source()
        self._tick()

    def _code_by_source(self) -> None:
        w, d, doc = self.w, self.data, self.doc
        doc.heading(w("Kode × Sumber"), 2)
        counts = code_source_counts(e.segment for e in d.excerpts)
        docs = d.documents
        codes = [c for c in d.codes if any((c.id, x.id) in counts for x in docs)]
        if not codes:
            doc.paragraph(w("Tidak ada kutipan."), italic=True)
            return
        doc.paragraph(w("Sel berisi banyaknya segmen setiap kode pada setiap sumber."), align="justify", keep_next=True)
        keys = {x.id: f"S{k + 1}" for k, x in enumerate(docs)}
        chunks = -(-len(docs) // DOCUMENT_COLUMNS)
        size = -(-len(docs) // chunks)
        for start in range(0, len(docs), size):
            part = docs[start:start + size]
            last = start + size >= len(docs)
            header = [w("Kode")] + [keys[x.id] for x in part] + ([w("Jumlah")] if last else [])
            body = []
            for c in codes:
                line = [self.label(c)] + [w.int(counts.get((c.id, x.id), 0)) for x in part]
                if last:
                    line.append(w.int(sum(counts.get((c.id, x.id), 0) for x in docs)))
                body.append(line)
            title = w("Matriks kode × sumber")
            if chunks > 1:
                title += w(" (sumber {a}–{b} dari {n})", a=start + 1, b=start + len(part), n=len(docs))
            doc.numbered_table(title, header, body, source=w("Sumber: data primer diolah"))
            legend = "; ".join(f"{keys[x.id]} = {self.title_of(x)}" for x in part)
            doc.paragraph([(w("Keterangan: "), {"bold": True}), (legend, {})], "Source Note")

    def ordered(self, excerpts: list) -> list:
        """Excerpts in the order a thesis cites them: by source kind (interviews first), or by source."""
        if self.quote_order != "kind":
            return list(excerpts)
        rank = {x.id: k for k, x in enumerate(self.data.documents)}
        return sorted(excerpts, key=lambda e: (KIND_ORDER.get(e.document.kind, 9), rank.get(e.document.id, 0),
                                               e.segment.start))

    def _wide_table(self, title: str, header: list[str], body: list[list[str]]) -> None:
        self.doc.numbered_table(title, header, body, source=self.w("Sumber: data primer diolah"), font_size=8,
                                bold_first_column=True)

    # -- mixed methods ------------------------------------------------------------------------------

    def joint_display(self, project: Any) -> None:
        """A chapter with the joint display of each stored survey whose indicators are linked to codes."""
        from qda.mixed.joint import joint_display
        from qda.survey.numfmt import SCORE_PCT_DECIMALS

        w, doc = self.w, self.doc
        try:
            surveys = [s for s in project.surveys.names() if project.links.links(s)]
        except Exception:  # an older project file without the links tables opened read-only  # noqa: BLE001
            return
        if not surveys:
            return
        doc.heading(w("Tampilan Gabungan Kuesioner dan Wawancara"), 1, page_break=True)
        doc.paragraph(w("Tampilan gabungan menyandingkan, untuk setiap indikator kuesioner, skor indikator (jumlah skor "
                        "butirnya pada kuesioner yang lengkap, dibandingkan skor maksimum) dan kategorinya pada garis "
                        "kontinum dengan kutipan wawancara dan observasi dari kode yang ditautkan ke indikator itu. "
                        "Kutipan dihitung per bagian teks; catatan konvergensi atau divergensi ditulis peneliti."),
                      align="justify")
        for name in surveys:
            jd = joint_display(project, name, language=self.lang)
            rows = []
            for r in jd.rows:
                category = category_name(r.category, self.lang) if r.category else None
                score = (f"{w.int(r.score)} / {w.int(r.maximum)}\n{w.pct(r.pct, SCORE_PCT_DECIMALS)}\n{category or '–'}"
                         if r.score is not None else "–")
                evidence = w.n("{n} kutipan; {codes}", count="k", k=r.excerpts, n=w.int(r.excerpts),
                               codes=", ".join(r.codes) or "–")
                if r.informants:
                    evidence += "\n" + w("Informan: {names}", names=", ".join(r.informants))
                quotes = "\n".join(f"\u201c{nested_quotes(self.hide(q.text.strip()))}\u201d {self.hide(q.citation)}"
                                    for q in r.quotes) or "–"
                rows.append([f"{r.variable_name} ({r.key.variable}): {r.key.indicator}", score, evidence, quotes,
                             self.hide(r.note) or "–"])
            doc.paragraph(w.n("{label} menyajikan tampilan gabungan survei \u201c{survey}\u201d ({n} indikator).",
                              count="k", k=len(rows), label=doc.next_table_label, survey=name, n=w.int(len(rows))),
                          align="justify", keep_next=True)
            doc.numbered_table(w("Tampilan gabungan skor indikator dan kutipan"),
                               [w("Indikator Kuesioner"), w("Skor dan kategori"), w("Kutipan dan informan"),
                                w("Kutipan representatif"), w("Konvergensi / divergensi")], rows,
                               source=w("Sumber: data primer diolah"), widths_cm=[2.6, 2.2, 2.6, 4.2, 2.4],
                               align=["left", "center", "left", "left", "left"], font_size=8)
            for line in jd.disagreements:
                doc.paragraph([(w("Catatan: "), {"bold": True}), (self.hide(line), {"italic": True})], "Source Note")
        self._tick()

    # -- review and memos -------------------------------------------------------------------------

    def review_summary(self) -> None:
        w, doc = self.w, self.doc
        doc.heading(w("Ringkasan Telaah"), 1, page_break=True)
        write_status_summaries(doc, self.data, w, heading_level=2)
        self._tick()

    def memos(self) -> None:
        w, d, doc = self.w, self.data, self.doc
        doc_memos = [(x, d.memos[("document", x.id)]) for x in d.documents if ("document", x.id) in d.memos]
        if not doc_memos:
            return
        doc.heading(w("Memo Sumber"), 1, page_break=True)
        for x, memo in doc_memos:
            doc.heading(self.title_of(x), 2)
            for para in memo.split("\n"):
                if para.strip():
                    doc.paragraph(self.hide(para.strip()), align="justify")
