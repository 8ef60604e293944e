"""Paints one row of the item list: time, badges, headline; bold while unread; searched terms
and watchlist keywords marked in the headline; in the notes view, the note on a second line."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from telereader.app.i18n import tr
from telereader.app.models import HighlightRole, ItemRole, NoteRole, ShowDayRole
from telereader.app.widgets.highlight import SEARCHED, lit_watchlists, marks
from telereader.app.widgets.look import Colours, tint
from telereader.core.keywords import Watchlist
from telereader.core.model import Kind, Level
from telereader.core.store import StoredItem
from telereader.core.text import one_line

PADDING = 6
BADGE_NAME_CHARS = 6  # a watchlist's badge shows this much of its name


class ItemDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.watchlists: list[Watchlist] = []  # whose keywords light up rows, set by the window

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item: StoredItem | None = index.data(ItemRole)
        if item is None:
            return
        style = option.widget.style() if option.widget else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        colours = Colours.for_palette(palette)
        font = QFont(option.font)
        font.setBold(not item.read)
        metrics = QFontMetrics(font)
        rect = option.rect.adjusted(PADDING, 0, -PADDING, 0)
        painter.save()
        note = index.data(NoteRole)
        if note:
            rect.setBottom(rect.bottom() - QFontMetrics(option.font).height())
            self._draw_note(
                painter, note, option, rect, colours.dim if not selected else text_colour
            )
        painter.setFont(font)

        x = rect.left()
        if index.data(ShowDayRole):
            day_text = f"{item.time:%Y-%m-%d}"  # when it happened: 02:13 is the next day's
            painter.setPen(colours.dim if not selected else text_colour)
            painter.drawText(
                QRect(x, rect.top(), rect.width(), rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                day_text,
            )
            x += metrics.horizontalAdvance(day_text) + PADDING
        time_text = f"{item.time:%H:%M}"
        painter.setPen(text_colour)
        painter.drawText(
            QRect(x, rect.top(), rect.width(), rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            time_text,
        )
        x += metrics.horizontalAdvance("00:00") + PADDING * 2

        ground = self.badge_ground(palette, selected)
        for badge, colour in self._badges(item, colours, self.watchlists):
            x = self._draw_badge(painter, badge, colour, x, rect, metrics, ground)

        available = max(0, rect.right() - x)
        shown = metrics.elidedText(
            one_line(item.headline, 300), Qt.TextElideMode.ElideRight, available
        )
        self._draw_headline(
            painter,
            shown,
            marks(shown, item, index.data(HighlightRole) or (), self.watchlists),
            font,
            text_colour,
            colours,
            palette,
            QPointF(x, rect.top() + (rect.height() - metrics.height()) / 2),
        )
        painter.restore()

    @staticmethod
    def _draw_note(painter, note: str, option, above: QRect, colour: QColor) -> None:
        """The note, on one line under the headline, in the list's quieter colour."""
        painter.setFont(option.font)
        painter.setPen(colour)
        metrics = QFontMetrics(option.font)
        box = QRect(above.left(), above.bottom() - PADDING // 2, above.width(), metrics.height())
        shown = metrics.elidedText(
            "✎ " + one_line(note, 300), Qt.TextElideMode.ElideRight, box.width()
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)

    @staticmethod
    def _draw_headline(painter, text, found, font, colour, colours, palette, origin) -> None:
        """The headline as a text layout, so marked words get a background; no markup."""
        layout = QTextLayout(text, font)
        ranges = []
        for mark in found:
            marked = QTextLayout.FormatRange()
            marked.start, marked.length = mark.start, mark.end - mark.start
            marked.format = ItemDelegate.mark_format(mark.colour, colours, palette)
            ranges.append(marked)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        layout.endLayout()
        painter.setPen(colour)
        layout.draw(painter, origin)

    @staticmethod
    def mark_format(mark_colour: str, colours: Colours, palette: QPalette) -> QTextCharFormat:
        """A marked word: searched terms in the search colours, keywords on their list's colour
        laid thinly over the base, in the base's text colour, so they read the same on a
        selected row (where the row's own text is the highlight's)."""
        marked = QTextCharFormat()
        if mark_colour == SEARCHED:
            marked.setBackground(colours.highlight)
            marked.setForeground(colours.on_highlight)
        else:
            marked.setBackground(tint(mark_colour, palette.color(QPalette.ColorRole.Base)))
            marked.setForeground(palette.color(QPalette.ColorRole.Text))
        return marked

    @staticmethod
    def _badges(
        item: StoredItem, colours: Colours, watchlists: list[Watchlist]
    ) -> list[tuple[str, QColor]]:
        badges = [
            (watchlist.name[:BADGE_NAME_CHARS], QColor(watchlist.colour))
            for watchlist in lit_watchlists(item, watchlists)
        ]
        if item.level is Level.IMPORTANT:
            badges.append((tr("加红"), colours.important))
        if item.kind is Kind.TEASER:
            badges.append((item.column or tr("预告"), colours.teaser))
        if item.starred:
            badges.append(("★", colours.star))
        if item.note:
            badges.append(("✎", colours.note))
        return badges

    @staticmethod
    def badge_ground(palette: QPalette, selected: bool) -> QColor | None:
        """What a badge is drawn on: the row itself, or on a selected row a chip of the list's
        base colour, which the badge colours are chosen to stand out on (red or teal on the
        highlight's blue would all but vanish)."""
        return palette.color(QPalette.ColorRole.Base) if selected else None

    @staticmethod
    def _draw_badge(painter, text, colour, x, rect, metrics, ground: QColor | None) -> int:
        width = metrics.horizontalAdvance(text) + 8
        height = metrics.height() + 2
        box = QRect(x, rect.top() + (rect.height() - height) // 2, width, height)
        painter.setPen(colour)
        painter.setBrush(Qt.BrushStyle.NoBrush if ground is None else ground)
        painter.drawRoundedRect(box, 4, 4)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return x + width + PADDING

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        lines = 2.9 if index.data(NoteRole) else 1.9  # the notes view's rows show the note
        return QSize(200, int(metrics.height() * lines))
