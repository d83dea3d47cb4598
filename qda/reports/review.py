"""The review report for supervisors, and the review-status summary tables.

:func:`write_review_report` lists the excerpts by code with their coder, latest status,
reviewer and comment (and the whole review history when there were several reviews),
then counts by status per coder and per code.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path
from typing import Any

from qda.domain import status_label
from qda.reports.docx_kit import ReportDocument
from qda.reports.docx_toc import TOC_PLACEHOLDER
from qda.reports.lang import Wording
from qda.reports.matrices import STATUSES, status_summary


def status_name(status: str | None, w: Wording) -> str:
    """The printed name of a review status (``None``: not reviewed) in the report's language."""
    return status_label(status, translate=w)


def _rows(summary: dict[object, Counter], keys: list[tuple[object, str]], w: Wording) -> list[list[str]]:
    rows = []
    totals: Counter = Counter()
    for key, label in keys:
        counts = summary.get(key, Counter())
        n = sum(counts.values())
        totals.update(counts)
        rows.append([label] + [w.int(counts.get(s, 0)) for s in STATUSES] + [w.int(n), approved_share(counts, w)])
    n = sum(totals.values())
    rows.append([w("Jumlah")] + [w.int(totals.get(s, 0)) for s in STATUSES] + [w.int(n), approved_share(totals, w)])
    return rows


def approved_share(counts: Counter, w: Wording) -> str:
    """Approved as a share of the reviewed excerpts (those not reviewed are not in the denominator)."""
    reviewed = sum(v for k, v in counts.items() if k is not None)
    return w.pct(100 * counts.get("approved", 0) / reviewed if reviewed else None)


def write_status_summaries(doc: ReportDocument, data, w: Wording, heading_level: int = 2) -> None:
    """Append the per-code and per-coder tables of latest review status."""
    latest = {e.segment.id: e.status for e in data.excerpts}
    header = [w("Kode")] + [status_name(s, w) for s in STATUSES] + [w("Jumlah"), w("% Disetujui dari yang Ditelaah")]
    segs = [e.segment for e in data.excerpts]
    by_code = status_summary(segs, latest, lambda s: s.code_id)
    by_coder = status_summary(segs, latest, lambda s: s.coder_id)
    code_keys = [(c.id, data.code_label(c, w.language)) for c in data.codes if c.id in by_code]
    coder_keys = [(c.id, c.name) for c in data.coders if c.id in by_coder]
    totals = Counter(latest.values())
    n = sum(totals.values())
    doc.heading(w("Status Telaah per Kode"), heading_level)
    if n:
        top = max(STATUSES, key=lambda s: totals.get(s, 0))
        statuses = w.join([w.count("{n} disetujui", totals.get("approved", 0)),
                           w.count("{n} perlu revisi", totals.get("needs_revision", 0)),
                           w.count("{n} ditolak", totals.get("rejected", 0)),
                           w.count("{n} belum ditelaah", totals.get(None, 0))])
        doc.paragraph(w.n("Dari {n} segmen, {statuses}; status terbanyak adalah \u201c{top}\u201d.", count="k", k=n,
                          n=w.int(n), statuses=statuses, top=status_name(top, w)), align="justify")
        doc.paragraph(w("Persentase disetujui dihitung dari segmen yang sudah ditelaah, bukan dari seluruh segmen."),
                      align="justify")
    doc.numbered_table(w("Status telaah terakhir per kode"), header, _rows(by_code, code_keys, w),
                       source=w("Sumber: data primer diolah"))
    doc.heading(w("Status Telaah per Pengode"), heading_level)
    header[0] = w("Pengode")
    doc.numbered_table(w("Status telaah terakhir per pengode"), header, _rows(by_coder, coder_keys, w),
                       source=w("Sumber: data primer diolah"))


def write_agreement_section(doc: ReportDocument, project: Any, w: Wording, *, unit: str = "sentence",
                            coders: list[str] | None = None, heading_level: int = 1) -> bool:
    """Append inter-coder agreement (overall and per code) of the coders; False when fewer than two coded."""
    from qda.review.agreement import compute_agreement

    if coders is None:
        counts = project.coders.counts()
        coders = [c.name for c in project.coders.all() if counts.get(c.id) and c.role != "supervisor"]
    if len(coders) < 2:
        return False
    result = compute_agreement(project, coders, unit=unit)
    units = {"sentence": w("kalimat"), "turn": w("giliran bicara"), "paragraph": w("paragraf"),
             "char": w("karakter")}[unit]
    o = result.overall
    doc.heading(w("Kesepakatan Antarpengode"), heading_level, page_break=True)
    doc.paragraph(w.n("Kesepakatan {coders} dihitung per {unit} pada {docs} ({units}): setiap satuan diberi nilai ada "
                      "atau tidak ada untuk setiap kode, dan pengode yang belum mengode sebuah sumber tidak dihitung di "
                      "sumber itu. Secara keseluruhan kesepakatan mencapai {pa}, dengan kappa Cohen {k} dan alpha "
                      "Krippendorff {a}; terdapat {d} ketidaksepakatan.", count="dk", dk=o.items - o.agreements,
                      coders=w.join(result.coders), unit=units, docs=w.count("{n} sumber", result.documents),
                      units=w.count("{n} satuan", result.units), pa=w.pct(o.percent_agreement),
                      k=w.num(o.cohen_kappa), a=w.num(o.krippendorff_alpha), d=w.int(o.items - o.agreements)),
                  align="justify")
    header = [w("Kode"), w("% Sepakat"), w("Kappa Cohen"), w("Alpha Krippendorff"), w("Tidak Sepakat")]
    rows = [[name, w.pct(s.percent_agreement), w.num(s.cohen_kappa), w.num(s.krippendorff_alpha),
             w.int(s.items - s.agreements)] for name, s in result.per_code.items()]
    rows.append([w("Semua kode"), w.pct(o.percent_agreement), w.num(o.cohen_kappa), w.num(o.krippendorff_alpha),
                 w.int(o.items - o.agreements)])
    doc.numbered_table(w("Kesepakatan antarpengode per kode"), header, rows, source=w("Sumber: data primer diolah"))
    return True


def write_review_report(project: Any, out_path: str | Path, *, language: str = "id", reviewer: str | None = None,
                        template: str | Path | None = None, progress=None,
                        agreement_unit: str | None = "sentence", look: str = "thesis",
                        include_names: bool = False, hide_positions: bool = False,
                        warnings: list[str] | None = None) -> Path:
    """Write the review report of ``project`` and return its path.

    ``reviewer`` (a coder name) considers only that reviewer's reviews: excerpts they
    did not review count as not reviewed. With two or more coders, a section of
    inter-coder agreement per ``agreement_unit`` follows the summaries (``None``: left out).
    As in the qualitative report, every known name of every case (with Bu/Pak/Mas/Mbak ...)
    is replaced by the case code in quotes, citations, comments, review histories, memos and
    tables unless ``include_names``; ``hide_positions`` hides positions too, and names no case
    lists are appended to ``warnings``.
    """
    from qda.reports.collect import collect
    from qda.reports.pseudonyms import Pseudonyms

    w = Wording(language)
    hide_positions = hide_positions and not include_names
    data = collect(project, language=language, reviewer=reviewer, progress=progress, hide_positions=hide_positions)
    names = (Pseudonyms(()) if include_names else
             Pseudonyms.from_cases(data.cases.values(), data.documents, data.doc_attributes,
                                   hide_positions=hide_positions))
    unknown: set[str] = set()

    def hide(text: str) -> str:
        if include_names or not text:
            return text
        unknown.update(names.unknown_names(text))
        return names.apply(text)

    doc = ReportDocument(template, language=language, look=look)
    lines = [w("Proyek: {name}", name=data.project_name) if data.project_name else "",
             w("Pembimbing: {name}", name=reviewer) if reviewer else "", w.date(_dt.date.today().isoformat())]
    doc.title_page(w("Laporan Telaah Kutipan"), lines, note=w("Dibuat dengan qda"))
    doc.toc(w("Daftar Isi"), w(TOC_PLACEHOLDER))
    doc.heading(w("Ringkasan"), 1, page_break=True)
    write_status_summaries(doc, data, w, heading_level=2)
    if agreement_unit:
        write_agreement_section(doc, project, w, unit=agreement_unit)
    doc.heading(w("Kutipan menurut Kode"), 1, page_break=True)
    by_code = data.excerpts_by_code()
    coder_names = {c.id: c.name for c in data.coder_by_id.values()}
    done = 0
    for code in data.codes:
        excerpts = by_code.get(code.id)
        if not excerpts:
            continue
        counts = Counter(e.status for e in excerpts)
        doc.heading(data.code_label(code, language), 2)
        statuses = w.join([w.count(text, counts[key]) for key, text in
                           (("approved", "{n} disetujui"), ("needs_revision", "{n} perlu revisi"),
                            ("rejected", "{n} ditolak"), (None, "{n} belum ditelaah")) if counts.get(key)])
        doc.paragraph(w.n("Dari {n} segmen pada kode ini, {statuses}.", count="k", k=len(excerpts),
                          n=w.int(len(excerpts)), statuses=statuses))
        for e in excerpts:
            doc.quote(hide(e.text), hide(e.citation))
            history = data.reviews.get(e.segment.id, [])
            info = [(w("Pengode: "), {"bold": True}), (e.coder, {}), ("  ·  " + w("Status: "), {"bold": True}),
                    (status_name(e.status, w), {})]
            if history:
                last = history[-1]
                info += [("  ·  " + w("Pembimbing: "), {"bold": True}),
                         (coder_names.get(last.reviewer_id, "?"), {}), (f"  ·  {w.date(last.created)}", {})]
                if last.comment:
                    info += [("  ·  " + w("Komentar: "), {"bold": True}), (hide(last.comment), {"italic": True})]
            doc.paragraph(info, "Table Text")
            if len(history) > 1:
                steps = [f"{w.date(r.created)} {status_name(r.status, w)} ({coder_names.get(r.reviewer_id, '?')})"
                         + (f": \u201c{hide(r.comment)}\u201d" if r.comment else "") for r in history]
                doc.paragraph([(w("Riwayat telaah: "), {"bold": True}), ("; ".join(steps), {})], "Table Text")
            if e.memo:
                doc.paragraph([(w("Memo: "), {"bold": True}), (hide(e.memo), {"italic": True})], "Table Text")
            done += 1
            if progress is not None and done % 500 == 0:
                progress.step(500)
    if progress is not None:
        progress.step(max(0, progress.total - progress.done), w("selesai"))
    if warnings is not None and unknown:
        from qda.i18n import tr

        warnings.append(tr("Nama yang tidak tercantum pada atribut informan mana pun tetap tertulis di laporan: "
                           "{names}. Tambahkan nama itu (atribut Nama) pada kasusnya agar ikut disamarkan.",
                           names=", ".join(sorted(unknown))))
    return doc.save(out_path)
