"""An item delegate that paints a little rich text (bold match, grey context) per row.

Items keep their plain text in ``DisplayRole`` (for accessibility, copying and tests);
the delegate paints the HTML found in :data:`HtmlRole` instead, wrapped to the view's width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HtmlRole = Qt.ItemDataRole.UserRole + 40

_PADDING = 5


def light_selection(view: QAbstractItemView) -> None:
    """Give ``view`` a pale selection colour so coloured rich text stays readable on it."""
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#d6e6f8"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1b1f24"))
    view.setPalette(palette)


class HtmlDelegate(QStyledItemDelegate):
    """Paint :data:`HtmlRole` as rich text; fall back to the plain text when absent."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        html = index.data(HtmlRole)
        if html is None:
            doc.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        else:
            doc.setHtml(html)
        width = option.rect.width() if option.rect.width() > 0 else 300
        doc.setTextWidth(max(60, width - 2 * _PADDING))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.left() + _PADDING, opt.rect.top() + _PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        context.clip = QRectF(0, 0, opt.rect.width(), opt.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        # a hairline between rows keeps multi-line entries apart
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid).lighter(130))
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if opt.widget is not None:
            opt.rect.setWidth(opt.widget.viewport().width())
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()) + 2 * _PADDING, int(doc.size().height()) + 2 * _PADDING + 1)
