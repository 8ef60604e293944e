"""A month calendar that marks the days that have items, shaded by how many, and puts a dot
on the days with watchlist hits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from telereader.app.i18n import tr
from telereader.app.widgets.look import Colours

HIT_DOT_COLOUR = "#e53935"
NEW_DOT_COLOUR = "#1e88e5"  # days with items new since the reader looked (core/newsince.py)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def shade_level(count: int, busiest: int) -> float:
    """0.15 … 0.6 opacity, by the day's share of the busiest day."""
    if busiest <= 0:
        return 0.15
    return 0.15 + 0.45 * min(1.0, count / busiest)


class LibraryCalendar(QCalendarWidget):
    """The calendar of the library: `hit_days` get a red dot in the top right corner of their
    cell, `new_days` a blue one in the top left."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hit_days: dict[dt.date, int] = {}
        self.new_days: set[dt.date] = set()
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setObjectName("calendar")

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        day = to_date(date)
        hit, new = day in self.hit_days, day in self.new_days
        if not hit and not new:
            return
        size = max(4, min(rect.width(), rect.height()) // 6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if hit:
            painter.setBrush(QColor(HIT_DOT_COLOUR))
            painter.drawEllipse(rect.right() - size - 2, rect.top() + 2, size, size)
        if new:
            painter.setBrush(QColor(NEW_DOT_COLOUR))
            painter.drawEllipse(rect.left() + 2, rect.top() + 2, size, size)
        painter.restore()


def mark_days(
    calendar: LibraryCalendar,
    counts: dict[dt.date, int],
    fresh: set[dt.date],
    hit_days: dict[dt.date, int] | None = None,
) -> None:
    """Dim every day, then mark the days with items: shaded, bold, a tooltip with the count
    (and the watchlist hits, which also get a dot).

    `fresh` days (just imported) are underlined until the next import.
    """
    colours = Colours.for_palette(calendar.palette())
    calendar.hit_days = dict(hit_days or {})
    calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget earlier marks
    dimmed = QTextCharFormat()
    dimmed.setForeground(QBrush(colours.dim))
    for weekday in Qt.DayOfWeek:
        calendar.setWeekdayTextFormat(weekday, dimmed)
    busiest = max(counts.values(), default=0)
    text_colour = calendar.palette().color(calendar.foregroundRole())
    for day, count in counts.items():
        marked = QTextCharFormat()
        shade = QColor(colours.shade)
        shade.setAlphaF(shade_level(count, busiest))
        marked.setBackground(QBrush(shade))
        marked.setForeground(QBrush(text_colour))
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setFontUnderline(day in fresh)
        tooltip = tr("%n 条", "", count)
        if day in calendar.hit_days:
            tooltip += " · " + tr("关注命中 %n 条", "", calendar.hit_days[day])
        marked.setToolTip(tooltip)
        calendar.setDateTextFormat(to_qdate(day), marked)
    calendar.updateCells()
