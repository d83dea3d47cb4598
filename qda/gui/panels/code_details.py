"""The pane under the code tree showing the selected code's definition and usage rules.

:func:`code_details_html` builds the HTML (pure function of a ``Code`` record, its segment
count and the interface language); :class:`CodeDetailsView` shows it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from qda.i18n import language, tr, trn
from qda.gui.panels.code_model import code_display_name, group_display_name
from qda.gui.panels.swatch import valid_color


def _pick(code: Any, field: str) -> str:
    """The English variant of ``field`` when English is chosen and present, else Indonesian."""
    if language() == "en":
        english = getattr(code, f"{field}_en", "")
        if english:
            return english
    return getattr(code, f"{field}_id", "")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())


def code_details_html(code: Any | None, count: int = 0, parent_name: str | None = None) -> str:
    """HTML describing ``code``: name, group, count, definition, when to use/not, example, indicators."""
    if code is None:
        return (
            "<p style='color:#6b7785'>"
            + escape(tr("Pilih sebuah kode untuk melihat definisi dan aturan penggunaannya."))
            + "</p>"
        )
    color = valid_color(code.color).name()
    parts = [
        "<table cellspacing='0' cellpadding='0'><tr>"
        f"<td style='background:{color}; width:10px'>&nbsp;</td><td>&nbsp;&nbsp;</td>"
        f"<td><span style='font-size:13pt; font-weight:600'>{escape(code_display_name(code))}</span></td>"
        "</tr></table>"
    ]
    meta = [escape(group_display_name(code.group))]
    if parent_name:
        meta.append(escape(tr("subkode dari {parent}", parent=parent_name)))
    meta.append(escape(trn("{n} segmen", n=count)))
    parts.append(f"<p style='color:#5f6b7a'>{' · '.join(meta)}</p>")
    sections = (
        (tr("Definisi"), _pick(code, "definition")),
        (tr("Kapan digunakan"), _pick(code, "when_to_use")),
        (tr("Kapan tidak digunakan"), _pick(code, "when_not")),
    )
    for title, text in sections:
        if text:
            parts.append(f"<h4 style='margin-bottom:2px'>{escape(title)}</h4>{_paragraphs(text)}")
    if code.example:
        parts.append(
            f"<h4 style='margin-bottom:2px'>{escape(tr('Contoh'))}</h4>"
            "<table width='100%' cellpadding='6' style='background:#f4f6f8'><tr><td>"
            f"<i>“{escape(code.example)}”</i></td></tr></table>"
        )
    if code.indicators:
        chips = ", ".join(escape(t) for t in code.indicators)
        parts.append(f"<h4 style='margin-bottom:2px'>{escape(tr('Indikator'))}</h4><p>{chips}</p>")
    if not any(text for _t, text in sections) and not code.example and not code.indicators:
        parts.append(
            "<p style='color:#6b7785'>" + escape(tr("Kode ini belum memiliki definisi.")) + "</p>"
        )
    return "".join(parts)


class CodeDetailsView(QTextBrowser):
    """Read-only rich text view of one code's definitions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumHeight(60)
        self.show_code(None)

    def content_height(self) -> int:
        """The height that shows the whole text at the current width (frame included)."""
        doc = self.document()
        doc.setTextWidth(max(self.viewport().width(), 120))
        return int(doc.size().height()) + 2 * self.frameWidth() + 4

    def show_code(self, code: Any | None, count: int = 0, parent_name: str | None = None) -> None:
        """Show ``code`` (None: a hint to select one)."""
        self.setHtml(code_details_html(code, count, parent_name))

    def show_group(self, name: str, codes: int, segments: int) -> None:
        """Show a codebook group: its name, how many codes and segments it holds."""
        self.setHtml(
            f"<p><span style='font-size:13pt; font-weight:600'>{escape(name)}</span></p>"
            f"<p style='color:#5f6b7a'>{escape(trn('{n} kode', n=codes) + ', ' + trn('{n} segmen', n=segments))}</p>"
            "<p style='color:#6b7785'>"
            + escape(tr("Klik kanan untuk membuat kode baru di kelompok ini, atau seret kode ke sini."))
            + "</p>"
        )
