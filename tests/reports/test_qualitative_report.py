"""The qualitative report read back with python-docx."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.shared import Pt

from qda.errors import Cancelled, QdaError
from qda.progress import Progress
from qda.reports import write_qualitative_report
from qda.reports.lang import Wording
from tests.reports.conftest import INTERVIEW, OBSERVATION

TEXTS = {"wawancara_kasubag.txt": INTERVIEW, "observasi_arsip.txt": OBSERVATION}


def paragraphs(path):
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def quotes(path):
    return [t for s, t in paragraphs(path) if s == "Quote"]


def expected_citation(built, key):
    doc, start, end, _code, _coder = built.spans[key]
    text = TEXTS[doc]
    first = text[:start].count("\n") + 1
    last = text[:end - 1].count("\n") + 1
    lines = f"baris {first}" if first == last else f"baris {first}–{last}"
    if doc.startswith("wawancara"):
        return f"(Informan 3, Kasubag TU, wawancara 12 Maret 2024, {lines})"
    return f"(Observasi, ruang arsip, 14 Maret 2024, {lines})"


def test_headings_quotes_and_citations(built, project, tmp_path):
    out = write_qualitative_report(project, tmp_path / "r.docx")
    paras = paragraphs(out)
    styles = {t: s for s, t in paras}
    for h1 in ("Ringkasan Metode", "Buku Kode", "Dimensi Kinerja (Dwiyanto)", "Faktor Pendorong", "Kode Sendiri",
               "Matriks", "Ringkasan Telaah"):
        assert styles[h1] == "Heading 1", h1
    for h2 in ("Produktivitas", "Responsivitas", "Kepemimpinan yang Efektif", "Koordinasi Internal", "Informan"):
        assert styles[h2] == "Heading 2", h2
    got = quotes(out)
    assert len(got) == len(built.spans)
    for key, (doc, start, end, _c, _k) in built.spans.items():
        expected = f"“{TEXTS[doc][start:end]}” {expected_citation(built, key)}"
        assert any(q == expected or q.startswith(expected + " [pengode: ") for q in got), expected
    # order: dimension chapter before factor chapter
    texts = [t for _s, t in paras]
    assert texts.index("Produktivitas") < texts.index("Faktor Pendorong") < texts.index("Kepuasan Kerja")
    # memos: project, code, segment, document
    for memo in ("Memo proyek: fokus pada loket KTP.", "Memo kode: Catatan tentang responsivitas.",
                 "Memo: Perlu dicek ke lurah.", "Wawancara berlangsung di ruang TU."):
        assert memo in texts, memo


def test_captions_are_consecutive_and_informants_listed(project, tmp_path):
    out = write_qualitative_report(project, tmp_path / "r.docx")
    caps = [t for s, t in paragraphs(out) if s == "Caption"]
    tables = [int(re.match(r"Tabel (\d+) ", c).group(1)) for c in caps if c.startswith("Tabel")]
    assert tables == list(range(1, len(tables) + 1))
    doc = Document(str(out))
    informants = [t for t in doc.tables if t.rows[0].cells[0].text == "Informan"][0]
    assert [c.text for c in informants.rows[0].cells] == ["Informan", "Jabatan", "Jenis Kelamin", "Usia",
                                                           "Pendidikan"]
    assert [c.text for c in informants.rows[1].cells] == ["Informan 3", "Kasubag TU", "Perempuan", "41", "S1"]
    assert len(doc.inline_shapes) == 1  # the heat map


def _table_after(doc, caption_start):
    body = doc.element.body
    seen = False
    for el in body.iterchildren():
        if el.tag.endswith("}p") and "".join(el.itertext()).startswith(caption_start):
            seen = True
        elif seen and el.tag.endswith("}tbl"):
            from docx.table import Table

            return Table(el, doc._body)
    raise AssertionError(caption_start)


def test_matrices_equal_independent_counts(built, project, tmp_path):
    out = write_qualitative_report(project, tmp_path / "r.docx")
    doc = Document(str(out))
    table = _table_after(doc, "Tabel 6 Matriks ko-okurensi")
    legends = [dict(part.split(" = ", 1) for part in p.text.removeprefix("Keterangan: ").split("; "))
               for p in doc.paragraphs if p.text.startswith("Keterangan: ")]
    header = [legends[0].get(c.text, c.text) for c in table.rows[0].cells]
    assert header[1:4] == ["Kebijakan dan Manajemen SDM", "Sumber Daya dan Sarana Prasarana",
                           "Kompetensi dan Pelatihan"]
    cells = {(row.cells[0].text, header[j]): row.cells[j].text for row in table.rows[1:] for j in range(1, len(header))}
    spans = list(built.spans.values())
    expected = {}
    for d1, s1, e1, c1, _ in spans:
        for d2, s2, e2, c2, _ in spans:
            if d1 == d2 and s1 < e2 and s2 < e1 and c1 in ("Produktivitas", "Responsivitas", "Akuntabilitas") \
                    and c2 in ("Sumber Daya dan Sarana Prasarana", "Kompetensi dan Pelatihan", "Kepemimpinan yang Efektif"):
                expected[(c1, c2)] = expected.get((c1, c2), 0) + 1
    for (row, col), value in cells.items():
        assert int(value) == expected.get((row, col), 0), (row, col)
    assert cells[("Responsivitas", "Sumber Daya dan Sarana Prasarana")] == "2"
    source = _table_after(doc, "Tabel 7 Matriks kode")
    head = [legends[1].get(c.text, c.text) for c in source.rows[0].cells]
    # sources are named as a thesis names them: the interview by its informant, the notes by their title
    titles = {"wawancara_kasubag.txt": "Informan 3", "observasi_arsip.txt": "observasi arsip"}
    assert head == ["Kode", "observasi arsip", "Informan 3", "Jumlah"] or \
        head == ["Kode", "Informan 3", "observasi arsip", "Jumlah"]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in source.rows[1:]}
    per_doc = {}
    for d, _s, _e, c, _k in spans:
        per_doc[(c, titles[d])] = per_doc.get((c, titles[d]), 0) + 1
    for code, values in rows.items():
        for name, value in zip(head[1:-1], values[:-1]):
            assert int(value) == per_doc.get((code, name), 0)
        assert int(values[-1]) == sum(v for (c, _d), v in per_doc.items() if c == code)


def test_approved_only_codes_and_coders_filters(built, project, tmp_path):
    approved = quotes(write_qualitative_report(project, tmp_path / "a.docx", approved_only=True))
    texts = {TEXTS[d][s:e] for d, s, e, _c, _k in built.spans.values()}
    kept = {q.split("” (")[0].lstrip("“") for q in approved}
    # latest status approved: cepat (revised then approved), jaringan, arsip; antrean's latest is needs_revision
    assert kept == {TEXTS[built.spans[k][0]][built.spans[k][1]:built.spans[k][2]] for k in ("cepat", "jaringan", "arsip")}
    assert kept < texts
    only_resp = quotes(write_qualitative_report(project, tmp_path / "c.docx", codes=["Responsivitas"]))
    assert len(only_resp) == 3
    budi = quotes(write_qualitative_report(project, tmp_path / "k.docx", coders=["Budi"]))
    assert len(budi) == sum(1 for v in built.spans.values() if v[4] == "Budi")
    obs = quotes(write_qualitative_report(project, tmp_path / "o.docx", documents=["observasi_arsip.txt"]))
    assert len(obs) == 3 and all("Observasi" in q for q in obs)
    with pytest.raises(QdaError, match="Tidak Ada"):
        write_qualitative_report(project, tmp_path / "x.docx", codes=["Tidak Ada"])


def test_english_report_wording_and_decimal_point(project, tmp_path, monkeypatch):
    seen = []
    real = Wording.__call__

    def spy(self, text, **values):
        out = real(self, text, **values)
        if self.language == "en":
            seen.append(self)
        return out

    monkeypatch.setattr(Wording, "__call__", spy)
    out = write_qualitative_report(project, tmp_path / "en.docx", language="en")
    paras = paragraphs(out)
    styles = {t: s for s, t in paras}
    assert styles["Performance dimensions (Dwiyanto)"] == "Heading 1"
    assert styles["Method summary"] == "Heading 1"
    assert "“Petugas arsip mencari berkas secara manual di lemari.” (Observation, ruang arsip, 14 March 2024, "\
        "line 2) [coders: Budi]" in [t for s, t in paras if s == "Quote"]
    assert seen and not seen[0].missing, sorted(seen[0].missing)
    doc = Document(str(out))
    review = [t for t in doc.tables if t.rows[0].cells[0].text == "Code" and "% Approved of Reviewed" in
              [c.text for c in t.rows[0].cells]][0]
    pct = review.rows[-1].cells[-1].text
    assert pct == "60.0%"  # 3 approved of the 5 reviewed (4 of the 9 are not reviewed)


def test_indonesian_percent_uses_decimal_comma(project, tmp_path):
    doc = Document(str(write_qualitative_report(project, tmp_path / "id.docx")))
    review = [t for t in doc.tables if t.rows[0].cells[0].text == "Kode" and "% Disetujui dari yang Ditelaah" in
              [c.text for c in t.rows[0].cells]][0]
    assert review.rows[-1].cells[-1].text == "60,0%"  # 3 approved of the 5 reviewed


def test_template_style_is_used(project, tmp_path):
    tpl = Document()
    tpl.styles["Heading 1"].font.size = Pt(27)
    tpl.styles["Quote"].font.size = Pt(9.5)
    tpl.add_paragraph("Teks templat")
    tpl.save(str(tmp_path / "kampus.docx"))
    out = write_qualitative_report(project, tmp_path / "t.docx", template=tmp_path / "kampus.docx")
    doc = Document(str(out))
    assert doc.styles["Heading 1"].font.size == Pt(27)
    assert doc.styles["Quote"].font.size == Pt(9.5)
    assert "Teks templat" not in [p.text for p in doc.paragraphs]
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)


def test_progress_reaches_total_and_cancel_stops(project, tmp_path):
    seen = []
    progress = Progress(callback=lambda done, total, msg: seen.append((done, total)))
    write_qualitative_report(project, tmp_path / "p.docx", progress=progress)
    assert seen[-1][0] == seen[-1][1] > 0
    stop = Progress()
    stop.cancel()
    with pytest.raises(Cancelled):
        write_qualitative_report(project, tmp_path / "c.docx", progress=stop)


def test_same_passage_coded_by_two_coders_is_quoted_once(built, project, tmp_path):
    doc, start, end, code, coder = built.spans["cepat"]
    project.segments.add(project.documents.get(doc), start, end, code, coder="Budi")
    got = [q for q in quotes(write_qualitative_report(project, tmp_path / "d.docx", codes=[code]))]
    assert got == [f"“{TEXTS[doc][start:end]}” {expected_citation(built, 'cepat')} [pengode: Rina, Budi]"]


def test_empty_project_still_writes_both_reports(tmp_path):
    from qda.reports import write_review_report
    from qda.store import Project

    with Project.create(tmp_path / "kosong.qda", codebook=True, coder="Rina") as p:
        out = write_qualitative_report(p, tmp_path / "k.docx")
        rev = write_review_report(p, tmp_path / "r.docx", language="en")
    texts = [t for _s, t in paragraphs(out)]
    assert "Tidak ada kutipan untuk kode ini." in texts and not quotes(out)
    assert not any("dikode oleh 0 pengode" in t for t in texts)
    assert any("Belum ada kutipan terkode" in t for t in texts)
    assert "Excerpts by code" in [t for _s, t in paragraphs(rev)]


def test_method_summary_counts_only_people_who_coded(project, tmp_path):
    # Rina and Budi coded; Dr. Sari only reviewed and is listed as a reviewer, not counted as a coder
    out = write_qualitative_report(project, tmp_path / "lap.docx")
    summary = next(t for _s, t in paragraphs(out) if "dikode oleh" in t)
    assert "dikode oleh 2 pengode" in summary
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "Nama")
    rows = {r.cells[0].text: (r.cells[1].text, r.cells[2].text) for r in table.rows[1:]}
    assert rows["Dr. Sari"] == ("pembimbing", "0")
    out = write_qualitative_report(project, tmp_path / "budi.docx", coders=["Budi"])
    assert any("dikode oleh 1 pengode" in t for _s, t in paragraphs(out))


def test_english_report_agrees_in_number_for_one(project, tmp_path):
    out = write_qualitative_report(project, tmp_path / "one.docx", language="en", codes=["Koordinasi Internal"])
    text = "\n".join(t for _s, t in paragraphs(out))
    assert "coded by 1 coder with 1 code. The report holds 1 coded excerpt." in text
    assert "There is 1 excerpt from 1 source." in text
    assert not re.search(r"(?<![\d.,])1 (excerpts|sources|coders|codes)\b", text)
    out = write_qualitative_report(project, tmp_path / "many.docx", language="en", codes=["Responsivitas"])
    assert "There are 3 excerpts from 2 sources." in [t for _s, t in paragraphs(out)]


def test_english_counts_come_from_catalogue_plurals_not_a_repair():
    from qda.reports import lang
    from qda.reports.lang import Wording

    w = Wording("en")
    statuses = w.join([w.count("{n} disetujui", 1), w.count("{n} perlu revisi", 1), w.count("{n} ditolak", 0),
                       w.count("{n} belum ditelaah", 21)])
    assert w.n("Dari {n} segmen, {statuses}; status terbanyak adalah \u201c{top}\u201d.", count="k", k=1, n="1",
               statuses=statuses, top="Approved") == ("Of 1 segment, 1 is approved, 1 needs revision, 0 are rejected, "
                                                      "and 21 are not reviewed; the most frequent status is "
                                                      "\u201cApproved\u201d.")
    assert w.count("{n} responden tidak mengisi kolom ini.", 1) == "1 respondent left this column empty."
    assert w.count("{n} responden tidak mengisi kolom ini.", 1200) == "1,200 respondents left this column empty."
    assert Wording("id").count("{n} responden tidak mengisi kolom ini.", 1200) == "1.200 responden tidak mengisi kolom ini."
    assert not w.missing
    assert not hasattr(lang, "english_agreement")  # no regex repair of English after translation


def test_informants_names_stay_out_unless_asked_for(built, project, tmp_path):
    project.cases.set_attribute("Informan 3", "Nama", "Siti Rahmawati")
    project.cases.set_attribute("Informan 3", "NIP", "19800101 200501 2 001")

    def all_text(path):
        doc = Document(str(path))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)

    hidden = all_text(write_qualitative_report(project, tmp_path / "anonim.docx"))
    assert "Siti Rahmawati" not in hidden and "19800101" not in hidden
    assert "Kasubag TU" in hidden and "tidak dicantumkan untuk menjaga kerahasiaan" in hidden
    shown = all_text(write_qualitative_report(project, tmp_path / "nama.docx", include_names=True))
    assert "Siti Rahmawati" in shown and "19800101" in shown
