"""Word tables built as lxml elements: header rows repeated on each page, spans, merges, widths.

:class:`TableMixin` is part of :class:`qda.reports.docx_kit.ReportDocument`; it relies on the
document's ``style_id``, ``_run``, ``_append`` and ``_table_style``.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_ALIGN = ALIGN
_NUMERIC = re.compile(r"^[-+–]?[\d.,]+%?$")


class TableMixin:
    """Tables for :class:`~qda.reports.docx_kit.ReportDocument`."""

    def table(self, header: Sequence[str] | Sequence[Sequence[str]], rows: Iterable[Sequence[object]], *,
              widths_cm: Sequence[float] | None = None, align: Sequence[str] | None = None,
              font_size: float | None = 9, bold_first_column: bool = False, keep_with_next: int = 0):
        """Append a table: header row(s) repeated on every page, numbers right-aligned.

        ``header`` is one row of strings or a list of rows; in a header row ``(text, n)``
        spans n columns and ``None`` merges the cell with the one above it. ``align`` gives
        per-column ``"left"``/``"center"``/``"right"`` (default: right for numeric-looking
        cells); without ``widths_cm`` the widths follow the content. ``keep_with_next``
        (a number of body rows) keeps that many last rows, and every header row when it
        covers the whole body, on the page of the paragraph that follows the table.
        """
        header_rows = [list(header)] if header and isinstance(header[0], str) else [list(h) for h in header]
        rows = [list(r) for r in rows]
        ncols = max(sum(v[1] if isinstance(v, tuple) else 1 for v in h) for h in header_rows) if header_rows else 0
        if not widths_cm and ncols:
            widths_cm = self._auto_widths(header_rows, rows, ncols, font_size or 11)
        elif widths_cm and sum(widths_cm) > self.text_width_cm:
            # a table never runs into the margins, whatever the template's page
            scale = self.text_width_cm / sum(widths_cm)
            widths_cm = [w * scale for w in widths_cm]
        tbl = OxmlElement("w:tbl")
        tblpr = OxmlElement("w:tblPr")
        ts = OxmlElement("w:tblStyle")
        ts.set(qn("w:val"), self._table_style)
        tblpr.append(ts)
        tw = OxmlElement("w:tblW")
        if widths_cm:
            tw.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
            tw.set(qn("w:type"), "dxa")
        else:
            tw.set(qn("w:w"), "5000")
            tw.set(qn("w:type"), "pct")
        tblpr.append(tw)
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), "center")
        tblpr.append(jc)
        look = OxmlElement("w:tblLook")
        look.set(qn("w:val"), "04A0")
        look.set(qn("w:firstRow"), "1")
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:noHBand"), "1")
        look.set(qn("w:noVBand"), "1")
        tblpr.append(look)
        tbl.append(tblpr)
        grid = OxmlElement("w:tblGrid")
        for i in range(ncols):
            gc = OxmlElement("w:gridCol")
            if widths_cm and i < len(widths_cm):
                gc.set(qn("w:w"), str(int(widths_cm[i] * 567)))
            grid.append(gc)
        tbl.append(grid)
        text_style = self.style_id("Table Text")

        keep_from = len(rows) - keep_with_next if keep_with_next > 0 else None

        def cell(value: object, col: int, is_header: bool, span: int = 1, vmerge: str | None = None,
                 keep: bool = False):
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            if widths_cm and col < len(widths_cm):
                w = OxmlElement("w:tcW")
                w.set(qn("w:w"), str(int(sum(widths_cm[col:col + span]) * 567)))
                w.set(qn("w:type"), "dxa")
                tcpr.append(w)
            if span > 1:
                gs = OxmlElement("w:gridSpan")
                gs.set(qn("w:val"), str(span))
                tcpr.append(gs)
            if vmerge:
                vm = OxmlElement("w:vMerge")
                if vmerge == "restart":
                    vm.set(qn("w:val"), "restart")
                tcpr.append(vm)
            if is_header:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), "E7ECF3")
                tcpr.append(shd)
            va = OxmlElement("w:vAlign")
            va.set(qn("w:val"), "center")
            tcpr.append(va)
            tc.append(tcpr)
            text = "" if value is None else str(value)
            if is_header:
                a = "center"
            elif align and col < len(align):
                a = align[col]
            else:
                a = "right" if _NUMERIC.match(text) else "left"
            p = OxmlElement("w:p")
            ppr = OxmlElement("w:pPr")
            ps = OxmlElement("w:pStyle")
            ps.set(qn("w:val"), text_style)
            ppr.append(ps)
            if keep:
                ppr.append(OxmlElement("w:keepNext"))
            sp = OxmlElement("w:spacing")
            sp.set(qn("w:before"), "0")
            sp.set(qn("w:after"), "0")
            ppr.append(sp)
            j = OxmlElement("w:jc")
            j.set(qn("w:val"), _ALIGN[a])
            ppr.append(j)
            p.append(ppr)
            p.append(self._run(text, bold=is_header or (bold_first_column and col == 0),
                               size=font_size if font_size else None))
            tc.append(p)
            return tc

        # a None in a later header row merges that cell with the one above it
        starts = []
        for hrow in header_rows:
            col, row_starts = 0, {}
            for value in hrow:
                span = value[1] if isinstance(value, tuple) else 1
                row_starts[col] = value
                col += span
            starts.append(row_starts)
        merged = {(k, c) for k in range(1, len(starts)) for c, v in starts[k].items() if v is None}
        restarts = {(k - 1, c) for k, c in merged if (k - 1, c) not in merged}
        for k, hrow in enumerate(header_rows):
            tr = OxmlElement("w:tr")
            trpr = OxmlElement("w:trPr")
            trpr.append(OxmlElement("w:cantSplit"))
            trpr.append(OxmlElement("w:tblHeader"))
            tr.append(trpr)
            col = 0
            for value in hrow:
                span = 1
                if isinstance(value, tuple):
                    value, span = value
                vmerge = "continue" if (k, col) in merged else ("restart" if (k, col) in restarts else None)
                tr.append(cell(value, col, True, span, vmerge, keep=keep_from is not None and keep_from <= 0))
                col += span
            tbl.append(tr)
        for index, row in enumerate(rows):
            keep = keep_from is not None and index >= keep_from
            tr = OxmlElement("w:tr")
            trpr = OxmlElement("w:trPr")
            trpr.append(OxmlElement("w:cantSplit"))
            tr.append(trpr)
            for col in range(ncols):
                value = row[col] if col < len(row) else ""
                tr.append(cell(value, col, False, keep=keep))
            tbl.append(tr)
        self._append(tbl)
        # an empty paragraph after a table keeps following captions from touching it
        return tbl

    @property
    def text_width_cm(self) -> float:
        """Width between the margins of the last section, in centimetres."""
        section = self.doc.sections[-1]
        try:
            width = section.page_width - section.left_margin - section.right_margin
            return max(6.0, width / 360000)
        except TypeError:  # a template without page size
            return 16.0

    def _auto_widths(self, header_rows, rows, ncols: int, size: float) -> list[float]:
        """Column widths from content.

        Every column gets at least its longest word (text columns at least ~3.5 cm, so
        labels do not break into syllables); what is left of the text width goes to the
        columns whose content would need more, in proportion to that need.
        """
        char_cm = 0.019 * size  # average character width at this point size (generous for substitute fonts)
        pad = 0.45  # the cell's left and right margins
        need = [0.0] * ncols
        longest_word = [0.0] * ncols
        numeric = [0] * ncols
        body = rows[:400]
        for k, r in enumerate([*header_rows, *body]):
            factor = 1.1 if k < len(header_rows) else 1.0  # header cells are bold
            col = 0
            for v in r:
                span = v[1] if isinstance(v, tuple) else 1
                text = str(v[0] if isinstance(v, tuple) else ("" if v is None else v))
                if span == 1 and col < ncols:
                    need[col] = max(need[col], len(text) * factor)
                    words = text.split() or [""]
                    longest_word[col] = max(longest_word[col], max(len(x) for x in words) * factor)
                    if k >= len(header_rows) and (not text or _NUMERIC.match(text)):
                        numeric[col] += 1
                col += span
        natural = [n * char_cm + pad for n in need]
        minimum = []
        for c in range(ncols):
            # a word is never split: measured 20% wider than the average character (capitals, bold
            # headers and LibreOffice's substitute serif font run wider than the average)
            word = min(max(longest_word[c], 3) * char_cm * 1.2 + pad, 4.5)
            is_text = body and numeric[c] < len(body) / 2
            minimum.append(max(word, min(natural[c], 3.5)) if is_text else word)
        natural = [max(n, m) for n, m in zip(natural, minimum)]
        total = self.text_width_cm
        if sum(natural) <= total:
            roomy = min(1.3, total / sum(natural))  # some air, so substitute fonts do not wrap
            return [x * roomy for x in natural]
        base = sum(minimum)
        if base >= total:
            return [m * total / base for m in minimum]
        extra = [n - m for n, m in zip(natural, minimum)]
        scale = (total - base) / sum(extra)
        return [m + e * scale for m, e in zip(minimum, extra)]
