"""The calendar paints its own cells: a reader sees which days have items (shaded, bold), which
have watchlist hits (a red dot) and new items (a blue dot), and the day selected (highlight)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QTableView

from telereader.app.widgets.calendar import (
    HIT_DOT_COLOUR,
    NEW_DOT_COLOUR,
    LibraryCalendar,
    mark_days,
)

BUSY, QUIET, EMPTY, SELECTED = (
    dt.date(2026, 1, 14),
    dt.date(2026, 1, 15),
    dt.date(2026, 1, 20),
    dt.date(2026, 1, 22),
)


def _calendar(qtbot) -> LibraryCalendar:
    calendar = LibraryCalendar()
    qtbot.addWidget(calendar)
    calendar.resize(420, 300)
    calendar.setSelectedDate(QDate(SELECTED.year, SELECTED.month, SELECTED.day))
    mark_days(calendar, {BUSY: 300, QUIET: 30, SELECTED: 100}, fresh=set(), hit_days={BUSY: 2})
    calendar.new_days = {QUIET}
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def _cell(calendar: LibraryCalendar, day: dt.date):
    """The cell's rectangle in the calendar's own coordinates (a day 10–28 shows once)."""
    view = calendar.findChild(QTableView)
    model = view.model()
    for row in range(1, model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if model.data(index) == day.day:
                rect = view.visualRect(index)
                return rect.translated(
                    view.viewport().mapTo(calendar, rect.topLeft()) - rect.topLeft()
                )
    raise AssertionError(f"no cell for {day}")


def _colour(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(x, y))


def _has_colour_near(image: QImage, rect, colour: str) -> bool:
    wanted = QColor(colour)
    for y in range(rect.top(), rect.top() + rect.height() // 2):
        for x in range(rect.left(), rect.right()):
            found = _colour(image, x, y)
            if all(
                abs(a - b) < 40
                for a, b in zip(found.getRgb()[:3], wanted.getRgb()[:3], strict=True)
            ):
                return True
    return False


def test_days_with_items_are_shaded_the_busier_the_darker(qtbot):
    calendar = _calendar(qtbot)
    image = calendar.grab().toImage()
    corner = {day: _colour(image, _cell(calendar, day).left() + 1, _cell(calendar, day).bottom() - 1)
              for day in (BUSY, QUIET, EMPTY)}  # fmt: skip
    assert corner[BUSY] != corner[EMPTY] and corner[QUIET] != corner[EMPTY]
    assert corner[BUSY].lightness() < corner[QUIET].lightness() < corner[EMPTY].lightness() + 1


def test_hits_get_a_red_dot_and_new_items_a_blue_one(qtbot):
    calendar = _calendar(qtbot)
    image = calendar.grab().toImage()
    assert _has_colour_near(image, _cell(calendar, BUSY), HIT_DOT_COLOUR)
    assert not _has_colour_near(image, _cell(calendar, BUSY), NEW_DOT_COLOUR)
    assert _has_colour_near(image, _cell(calendar, QUIET), NEW_DOT_COLOUR)
    assert not _has_colour_near(image, _cell(calendar, EMPTY), HIT_DOT_COLOUR)


def test_the_selected_day_is_highlighted_over_its_shade(qtbot):
    calendar = _calendar(qtbot)
    image = calendar.grab().toImage()
    cell = _cell(calendar, SELECTED)
    highlight = calendar.palette().color(QPalette.ColorRole.Highlight)
    assert _colour(image, cell.left() + 1, cell.bottom() - 1) == highlight
    calendar.setSelectedDate(QDate(EMPTY.year, EMPTY.month, EMPTY.day))
    image = calendar.grab().toImage()
    assert _colour(image, cell.left() + 1, cell.bottom() - 1) != highlight
    assert (
        _colour(image, _cell(calendar, EMPTY).left() + 1, _cell(calendar, EMPTY).bottom() - 1)
        == highlight
    )
