"""A month calendar that marks the days that have items, shaded by how many."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from telereader.app.i18n import tr
from telereader.app.look import Colours


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def shade_level(count: int, busiest: int) -> float:
    """0.15 … 0.6 opacity, by the day's share of the busiest day."""
    if busiest <= 0:
        return 0.15
    return 0.15 + 0.45 * min(1.0, count / busiest)


def mark_days(calendar: QCalendarWidget, counts: dict[dt.date, int], fresh: set[dt.date]) -> None:
    """Dim every day, then mark the days with items: shaded, bold, a tooltip with the count.

    `fresh` days (just imported) are underlined until the next import.
    """
    colours = Colours.for_palette(calendar.palette())
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
        marked.setToolTip(tr("%n 条", "", count))
        calendar.setDateTextFormat(to_qdate(day), marked)


def make_calendar(parent: QWidget | None = None) -> QCalendarWidget:
    calendar = QCalendarWidget(parent)
    calendar.setGridVisible(False)
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    calendar.setObjectName("calendar")
    return calendar
