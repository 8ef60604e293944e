"""Paints one row of the timeline: an accent bar while unread, the time (with 次日 or the real
date under it), badges, the title in bold and the whole body wrapped, its source quieter at the
end; searched terms and watchlist keywords marked; in the notes view, the note under the body.

Rows have their own heights: a row's height is computed once per width, font and text and kept
(`HeightCache`), so that laying out a day's few hundred rows stays cheap when it is seen again.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from telereader.app.i18n import tr
from telereader.app.models import RowFacts
from telereader.app.widgets import row_layout
from telereader.app.widgets.highlight import lit_watchlists
from telereader.app.widgets.look import Colours
from telereader.app.widgets.row_geometry import MARKER, PADDING, FontFacts, facts
from telereader.app.widgets.row_heights import RowHeights
from telereader.app.widgets.row_text import RowText, Stamp, row_text, stamp
from telereader.core.keywords import Watchlist
from telereader.core.model import Kind, Level
from telereader.core.store import StoredItem

BADGE_NAME_CHARS = 6  # a watchlist's badge shows this much of its name
NEW_MARK = "新"  # arrived since the reader last looked at the day (core/newsince.py)


class ItemDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.watchlists: list[Watchlist] = []  # whose keywords light up rows, set by the window
        self.heights = RowHeights(self._measure, self)
        self._layouts = row_layout.LayoutCache()
        self._last_font: tuple[QFont, str] | None = None

    # ---- what a row shows --------------------------------------------------------------------

    @staticmethod
    def row_of(index: QModelIndex, watchlists=(), with_marks: bool = True) -> RowText | None:
        """The row's text runs for `index` (None for no item)."""
        shown = facts_of(index)
        return None if shown is None else ItemDelegate._row_text(shown, watchlists, with_marks)

    @staticmethod
    def _row_text(shown: RowFacts, watchlists=(), with_marks: bool = True) -> RowText:
        return row_text(
            shown.item,
            snippet=shown.snippet,
            note=shown.note or None,
            terms=shown.terms if with_marks else (),
            watchlists=watchlists if with_marks else (),
            max_chars=MAX_ROW_CHARS,
            similar=shown.similar,
        )

    # ---- geometry ----------------------------------------------------------------------------

    @staticmethod
    def text_width(option: QStyleOptionViewItem) -> int:
        """The row's width: the list's viewport (a list view gives no width to size hints)."""
        widget = option.widget
        if widget is not None and hasattr(widget, "viewport"):
            return widget.viewport().width()
        return option.rect.width() if option.rect.width() > 0 else 600

    def _text_left(self, font: QFont, show_day: bool) -> int:
        return facts(font, self._font_key(font)).text_left[show_day]

    def badges_width(self, badges, font: QFont) -> int:
        return facts(font, self._font_key(font)).badges_width(text for text, _colour in badges)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        shown = facts_of(index)
        if shown is None:
            return QSize(200, QFontMetrics(option.font).height() * 2)
        width, font_key = self.text_width(option), self._font_key(option.font)
        key = (self._content_key(shown, font_key), width)
        widget = option.widget
        room = widget.viewport().height() if hasattr(widget, "viewport") else 1 << 30
        height = self.heights.height(
            key,
            option,
            index,
            lambda: self._estimate(key, shown.item, width, facts(option.font, font_key)),
            room,
        )
        return QSize(width, height)

    def _measure(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        """The row's exact height. Read or not, the title is measured bold: reading an item
        never changes its height."""
        shown = facts_of(index)
        assert shown is not None
        laid = self._laid(shown, option, self.text_width(option), selected=False, bold=True)
        font = facts(option.font, self._font_key(option.font))
        gutter = self._gutter_height(shown.item, font, shown.show_day)
        return int(max(laid.height, gutter) + 0.999) + PADDING * 2

    @staticmethod
    def _gutter_height(item: StoredItem, font: FontFacts, show_day: bool) -> int:
        """The time, and under it the date or 次日 when there is one."""
        second = show_day or item.time.date() > item.day
        return font.height + (font.small_height if second else 0)

    def _estimate(self, key: tuple, item: StoredItem, width: int, font: FontFacts) -> int:
        """A row's height from its length, without shaping its text (see row_heights.py)."""
        (_id, title, _body, source, snippet, note, badges, _font, show_day, similar), _width = key
        body = item.body[:MAX_ROW_CHARS]
        text = (title or "") + (snippet if isinstance(snippet, str) else body)
        text += (source or "") + "()"
        wide = (len(text.encode()) - len(text)) // 2  # CJK: 3 bytes a character in UTF-8
        advance = (wide + (len(text) - wide) * 0.55) * font.em + font.badges_width(badges)
        column = max(font.em * 4, width - font.text_left[show_day] - PADDING)
        lines = math.ceil(advance / column) + (1 if title else 0) + (1 if note else 0)
        lines += 1 if similar else 0
        text_height = min(row_layout.MAX_LINES, lines) * font.line_spacing
        return int(max(text_height, self._gutter_height(item, font, show_day))) + PADDING * 2

    def _font_key(self, font: QFont) -> str:
        """QFont.key() is slow next to the rest of a size hint: remembered for the last font."""
        if self._last_font is None or self._last_font[0] != font:
            self._last_font = (QFont(font), font.key())
        return self._last_font[1]

    def _content_key(self, shown: RowFacts, font_key: str) -> tuple:
        """Everything a row's wrapping depends on but its width."""
        item = shown.item
        badges = tuple(text for text, _ in self._badges(item, None, self.watchlists))
        body = item.body  # a row shows at most MAX_ROW_CHARS of it: no need to hash megabytes
        if len(body) > MAX_ROW_CHARS:
            body = (len(body), body[: MAX_ROW_CHARS + 1])
        return (item.id, item.title, body, item.source, shown.snippet, shown.note, badges,
                font_key, shown.show_day, shown.similar)  # fmt: skip

    def _laid(
        self,
        shown: RowFacts,
        option: QStyleOptionViewItem,
        width: int,
        selected: bool,
        bold: bool,
        content: tuple | None = None,
    ) -> row_layout.LaidOut:
        """The row's text laid out (from the cache when it was already); `content`: its
        content key, when the caller has it."""
        font, palette, item = option.font, option.palette, shown.item
        if content is None:
            content = self._content_key(shown, self._font_key(font))
        lit = tuple((w.name, w.colour) for w in lit_watchlists(item, self.watchlists))
        key = (content, width, selected, bold, shown.terms, lit, palette.cacheKey())
        laid = self._layouts.get(key)
        if laid is None:
            row = self._row_text(shown, self.watchlists)
            colours = Colours.for_palette(palette)
            left = self._text_left(font, shown.show_day)
            laid = row_layout.lay_out(
                row,
                font,
                row_layout.formats(row, item, colours, palette, selected, bold_title=bold),
                width - left - PADDING,
                self.badges_width(self._badges(item, None, self.watchlists), font),
            )
            self._layouts.put(key, laid)
        return laid

    def forget_heights(self) -> None:
        self.heights.clear()
        self._layouts.clear()

    # ---- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        shown = facts_of(index)
        if shown is None:
            return
        item = shown.item
        style = option.widget.style() if option.widget else QApplication.style()
        # the row's ground only (selection, hover, focus): what initStyleOption would add
        # from the model's roles is painted below, and asking for it cost a tenth of a row
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        colours = Colours.for_palette(palette)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        font = option.font
        font_key = self._font_key(font)
        measures = facts(font, font_key)
        show_day = shown.show_day
        rect = option.rect
        top = rect.top() + PADDING
        painter.save()
        self._draw_separator(painter, rect, palette)
        if not item.read:
            self._draw_unread_marker(painter, rect, palette, selected)
        self._draw_stamp(
            painter, stamp(item, show_day), font, measures, rect.left() + MARKER + PADDING, top,
            text_colour, colours.dim if not selected else text_colour,
        )  # fmt: skip
        if shown.new:
            self._draw_new(painter, font, rect.left() + MARKER + PADDING, top,
                           text_colour if selected else colours.shade)  # fmt: skip
        left = rect.left() + measures.text_left[show_day]
        x, ground, metrics = left, self.badge_ground(palette, selected), measures.metrics
        for badge, colour in self._badges(item, colours, self.watchlists):
            x = self._draw_badge(painter, badge, colour, x, QRect(left, top, 0, measures.height),
                                 metrics, ground)  # fmt: skip
        width = self.text_width(option)
        content = self._content_key(shown, font_key)
        self.heights.painted((content, width), option, index)
        laid = self._laid(shown, option, width, selected, bold=not item.read, content=content)
        painter.setPen(text_colour)
        laid.layout.draw(painter, QPointF(left, top))
        if laid.ellipsis_at is not None:
            painter.setFont(font)
            painter.setPen(colours.dim if not selected else text_colour)
            painter.drawText(laid.ellipsis_at + QPointF(left, top), row_layout.ELLIPSIS)
        painter.restore()

    @staticmethod
    def _draw_separator(painter: QPainter, rect: QRect, palette: QPalette) -> None:
        """A hairline between rows: a timeline of wrapped texts needs to show where one ends."""
        key = palette.cacheKey()
        line = _RULES.get(key)
        if line is None:
            if len(_RULES) >= 16:
                _RULES.clear()
            line = _RULES[key] = QColor(palette.color(QPalette.ColorRole.Text))
            line.setAlphaF(0.12)
        painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), line)

    @staticmethod
    def _draw_unread_marker(painter, rect: QRect, palette: QPalette, selected: bool) -> None:
        """Unread: a thin bar in the accent colour at the row's left, no louder than that."""
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        painter.fillRect(
            QRectF(rect.left() + 1, rect.top() + PADDING, MARKER, rect.height() - PADDING * 2),
            palette.color(role),
        )

    @staticmethod
    def _draw_new(painter, font: QFont, left: int, top: int, colour: QColor) -> None:
        """新, small and raised just after the time, in the gap before the text: drawn in room
        every row has, so the row's height is the same with it or without it."""
        metrics, small = QFontMetrics(font), QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(font.pointSizeF() * 0.7)
        else:
            small.setPixelSize(max(7, int(font.pixelSize() * 0.7)))
        small.setBold(True)
        painter.setFont(small)
        painter.setPen(colour)
        x = left + metrics.horizontalAdvance("00:00") + 1
        painter.drawText(QPointF(x, top + QFontMetrics(small).ascent()), NEW_MARK)

    @staticmethod
    def _draw_stamp(
        painter, shown: Stamp, font: QFont, measures: FontFacts, left: int, top: int, colour, dim
    ) -> None:
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QPointF(left, top + measures.metrics.ascent()), shown.time)
        if shown.under:
            painter.setFont(measures.small)
            painter.setPen(dim)
            baseline = top + measures.height + measures.small_ascent
            painter.drawText(QPointF(left, baseline), shown.under)

    @staticmethod
    def mark_format(mark_colour: str, colours: Colours, palette: QPalette) -> QTextCharFormat:
        return row_layout.mark_format(mark_colour, colours, palette)

    @staticmethod
    def _badges(
        item: StoredItem, colours: Colours | None, watchlists: list[Watchlist]
    ) -> list[tuple[str, QColor | None]]:
        """The badges' texts and colours (no colours when only measuring)."""
        badges = [
            (watchlist.name[:BADGE_NAME_CHARS], QColor(watchlist.colour))
            for watchlist in lit_watchlists(item, watchlists)
        ]
        if item.level is Level.IMPORTANT:
            badges.append((tr("加红"), colours and colours.important))
        if item.kind is Kind.TEASER:
            badges.append((item.column or tr("预告"), colours and colours.teaser))
        if item.starred:
            badges.append(("★", colours and colours.star))
        if item.note:
            badges.append(("✎", colours and colours.note))
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


def facts_of(index: QModelIndex) -> RowFacts | None:
    """What the row at `index` shows, from its model in one call (models.RowFacts)."""
    if not index.isValid():
        return None
    read = getattr(index.model(), "row_facts", None)
    return read(index.row()) if read is not None else None


_RULES: dict[int, QColor] = {}  # the separator's colour, by palette

MAX_ROW_CHARS = 4_000  # more than MAX_LINES lines of the widest list hold: the rest is never laid out

