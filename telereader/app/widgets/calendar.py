"""A month calendar that marks the days that have items, shaded by how many, and puts a dot
on the days with watchlist hits."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QStaticText, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QTableView, QWidget

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


class _CellPaint(NamedTuple):
    """What the cells of one paint of the calendar share."""

    selected: int  # Julian day numbers, as a cell's QDate gives them
    first: int
    last: int
    month: int
    highlight: QColor
    on_highlight: QColor
    out_of_month: QColor
    text: QColor
    dim: QColor


class LibraryCalendar(QCalendarWidget):
    """The calendar of the library: `hit_days` get a red dot in the top right corner of their
    cell, `new_days` a blue one in the top left.

    Its cells are painted here whole rather than by Qt's item delegate: a day switch to another
    month repaints all 42 of them, and the delegate's way (a style option, an elided text layout,
    a format merged per cell) took 1.5 ms a month against 1.1 ms now (measured on the ten-year
    library; most of what is left is Qt calling into Python once a cell). The date formats
    `mark_days` sets carry only the tooltips, which the calendar's model answers from them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hit_days: dict[dt.date, int] = {}
        self._new_days: set[dt.date] = set()
        self._hit_cells: set[int] = set()  # Julian day numbers: what a cell's QDate gives at once
        self._new_cells: set[int] = set()
        self._marks: dict[int, tuple[QColor, bool]] = {}  # day → its shade, underlined
        # plain, underlined, bold, both: made once per font
        self._fonts: tuple[QFont, QFont, QFont, QFont] | None = None
        self._numbers: dict[tuple[int, bool, bool], QStaticText] = {}  # day, bold, underlined
        self._painting: _CellPaint | None = None  # what the cells of the paint under way share
        self._new_paint = _NewPaint(self)
        self.findChild(QTableView).viewport().installEventFilter(self._new_paint)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setObjectName("calendar")

    @property
    def hit_days(self) -> dict[dt.date, int]:
        return self._hit_days

    @hit_days.setter
    def hit_days(self, days: dict[dt.date, int]) -> None:
        self._hit_days = days
        self._hit_cells = {to_qdate(day).toJulianDay() for day in days}

    @property
    def new_days(self) -> set[dt.date]:
        return self._new_days

    @new_days.setter
    def new_days(self, days: set[dt.date]) -> None:
        self._new_days = days
        self._new_cells = {to_qdate(day).toJulianDay() for day in days}

    def set_marks(self, marks: dict[dt.date, tuple[QColor, bool]]) -> None:
        """The days with items: each cell's shade and whether it is underlined (fresh)."""
        self._marks = {to_qdate(day).toJulianDay(): mark for day, mark in marks.items()}

    def mark(self, day: dt.date) -> tuple[QColor, bool] | None:
        """How `day`'s cell is marked (its shade, underlined while fresh); None: no items."""
        return self._marks.get(to_qdate(day).toJulianDay())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fonts = None
            self._numbers.clear()
        super().changeEvent(event)

    def _cell_font(self, bold: bool, underlined: bool) -> QFont:
        if self._fonts is None:
            made = []
            for weight, underline in ((False, False), (False, True), (True, False), (True, True)):
                font = QFont(self.font())
                font.setBold(weight)
                font.setUnderline(underline)
                made.append(font)
            self._fonts = tuple(made)
        return self._fonts[bold * 2 + underlined]

    def _draw_number(
        self, painter: QPainter, rect: QRect, day: int, bold: bool, underlined: bool
    ) -> None:
        """The day's number, centred, laid out once per font (`QStaticText`): a text laid out
        anew for each cell was most of painting one."""
        font = self._cell_font(bold, underlined)
        key = (day, bold, underlined)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = QStaticText(str(day))
            number.prepare(font=font)
        painter.setFont(font)
        size = number.size()
        corner = QPointF(
            rect.x() + (rect.width() - size.width()) / 2,
            rect.y() + (rect.height() - size.height()) / 2,
        )
        painter.drawStaticText(corner, number)

    def _paint_state(self) -> _CellPaint:
        """What every cell of one paint asks for, asked once (the view paints 42 cells in a
        row; the calendar's own getters are calls into Qt)."""
        if self._painting is None:
            palette = self.palette()
            group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
            self._painting = _CellPaint(
                selected=self.selectedDate().toJulianDay(),
                first=self.minimumDate().toJulianDay(),
                last=self.maximumDate().toJulianDay(),
                month=self.monthShown(),
                highlight=palette.color(group, QPalette.ColorRole.Highlight),
                on_highlight=palette.color(group, QPalette.ColorRole.HighlightedText),
                out_of_month=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text),
                text=palette.color(group, QPalette.ColorRole.Text),
                dim=Colours.for_palette(palette).dim,
            )
        return self._painting

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        cell, shared = date.toJulianDay(), self._paint_state()
        mark = self._marks.get(cell)
        in_range = shared.first <= cell <= shared.last
        if cell == shared.selected:
            painter.fillRect(rect, shared.highlight)
            pen = shared.on_highlight
        else:
            if mark is not None and in_range:
                painter.fillRect(rect, mark[0])
            if date.month() != shared.month or not in_range:
                pen = shared.out_of_month
            elif mark is not None:
                pen = shared.text
            else:
                pen = shared.dim
        painter.setPen(pen)
        self._draw_number(painter, rect, date.day(), mark is not None, mark is not None and mark[1])
        hit, new = cell in self._hit_cells, cell in self._new_cells
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


class _NewPaint(QObject):
    """Forgets what the last paint's cells shared when the calendar's grid paints again."""

    def __init__(self, calendar: LibraryCalendar):
        super().__init__(calendar)
        self._calendar = calendar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._calendar._painting = None
        return False


def mark_days(
    calendar: LibraryCalendar,
    counts: dict[dt.date, int],
    fresh: set[dt.date],
    hit_days: dict[dt.date, int] | None = None,
) -> None:
    """Mark the days with items: shaded by their count, bold (other days dim), a tooltip with
    the count (and the watchlist hits, which also get a dot).

    `fresh` days (just imported) are underlined until the next import.
    """
    shade = Colours.for_palette(calendar.palette()).shade
    calendar.hit_days = dict(hit_days or {})
    calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget earlier tooltips
    busiest = max(counts.values(), default=0)
    marks: dict[dt.date, tuple[QColor, bool]] = {}
    for day, count in counts.items():
        shaded = QColor(shade)
        shaded.setAlphaF(shade_level(count, busiest))
        marks[day] = (shaded, day in fresh)
        tooltip = tr("%n 条", "", count)
        if day in calendar.hit_days:
            tooltip += " · " + tr("关注命中 %n 条", "", calendar.hit_days[day])
        with_tooltip = QTextCharFormat()
        with_tooltip.setToolTip(tooltip)
        calendar.setDateTextFormat(to_qdate(day), with_tooltip)
    calendar.set_marks(marks)
    calendar.updateCells()
