"""The table of contents of a report: a Word ``TOC`` field filled in advance.

:class:`TocMixin` is part of :class:`qda.reports.docx_kit.ReportDocument`. The field's shown
result lists the headings written after it, each linked to a bookmark with a ``PAGEREF``
field for its page number, so the contents list the chapters before the field is updated;
the document's ``w:updateFields`` setting makes Word offer that update (which fills the page
numbers) on opening.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TOC_PLACEHOLDER = "Klik kanan → Perbarui Bidang untuk memperbarui daftar isi"
_BOOKMARK_BASE = 9_000_000  # bookmark ids well above any a template may hold


class TocMixin:
    """Contents for :class:`~qda.reports.docx_kit.ReportDocument`."""

    _toc_entries: list = []

    def write_toc_pages(self, pages: list[int | None]) -> bool:
        """Write ``pages`` (one per contents entry, in order) as the shown results of the PAGEREF fields."""
        if not self._toc_entries or len(pages) != len(self._toc_entries) or any(p is None for p in pages):
            return False
        for (_text, link), page in zip(self._toc_entries, pages):
            shown = [r for r in link.iter(qn("w:r")) if r.find(qn("w:t")) is not None][-1]
            shown.find(qn("w:t")).text = str(page)
        return True

    def toc(self, heading: str | None = None, placeholder: str = TOC_PLACEHOLDER) -> None:
        """Append a table-of-contents field (levels 1–3).

        When the document is saved the field's shown result is filled with the headings
        written after it, each linked to its bookmark with an (empty) ``PAGEREF`` field, so
        the contents list the chapters even before the field is updated; the page numbers
        appear when Word updates the fields, which it offers on opening (LibreOffice: Tools ›
        Update › Update All). ``placeholder`` is shown when there are no headings.
        """
        if heading:
            self.paragraph(heading, "TOC Heading")
        p = self._new_p(None)
        for run in self._field_runs('TOC \\o "1-3" \\h \\z \\u', placeholder):
            p.append(run)
        self._append(p)
        self._toc_p = p

    def _fill_toc(self) -> None:
        """Replace the table-of-contents placeholder by one linked entry per heading after it."""
        toc_p = getattr(self, "_toc_p", None)
        if toc_p is None or toc_p.getparent() is None:
            return
        levels = {self.style_id(f"Heading {n}"): n for n in (1, 2, 3)}
        headings = []
        for el in toc_p.itersiblings():
            if el.tag != qn("w:p"):
                continue
            ps = el.find(qn("w:pPr") + "/" + qn("w:pStyle"))
            level = levels.get(ps.get(qn("w:val"))) if ps is not None else None
            text = " ".join("".join(t.text or "" if t.tag == qn("w:t") else " "
                                    for t in el.iter(qn("w:t"), qn("w:br"))).split()) if level else ""
            if text:
                headings.append((el, level, text))
        if not headings:
            return
        tab_pos = str(int(self.text_width_cm * 567))
        entries = []
        self._toc_entries: list = []
        for k, (el, level, text) in enumerate(headings):
            name = f"_Toc{_BOOKMARK_BASE + k}"
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(_BOOKMARK_BASE + k))
            start.set(qn("w:name"), name)
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(_BOOKMARK_BASE + k))
            ppr = el.find(qn("w:pPr"))
            (ppr.addnext if ppr is not None else (lambda x: el.insert(0, x)))(start)
            el.append(end)
            entry = self._new_p(f"TOC {level}")
            epr = entry.find(qn("w:pPr"))
            tabs = OxmlElement("w:tabs")
            tab = OxmlElement("w:tab")
            tab.set(qn("w:val"), "right")
            tab.set(qn("w:leader"), "dot")
            tab.set(qn("w:pos"), tab_pos)
            tabs.append(tab)
            epr.append(tabs)
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), name)
            link.set(qn("w:history"), "1")
            link.append(self._run(text))
            tab_run = OxmlElement("w:r")
            tab_run.append(OxmlElement("w:tab"))
            link.append(tab_run)
            for run in self._field_runs(f"PAGEREF {name} \\h", ""):
                link.append(run)
            self._toc_entries.append((text, link))
            entry.append(link)
            entries.append(entry)
        # the TOC field's begin/instruction/separate go before the first entry, its end after the last
        runs = list(toc_p.iter(qn("w:r")))
        begin_runs = runs[:3]
        end_run = runs[-1]
        first = entries[0]
        anchor = first.find(qn("w:pPr"))
        for r in reversed(begin_runs):
            anchor.addnext(r)
        closing = OxmlElement("w:p")
        closing.append(end_run)
        toc_p.addprevious(first)
        for entry in entries[1:]:
            toc_p.addprevious(entry)
        toc_p.addprevious(closing)
        toc_p.getparent().remove(toc_p)
