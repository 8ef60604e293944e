"""Day navigation: the calendar of days with items, the 最新一天 / 关注命中 buttons, one button
per view across days (app/across.py) and the 新条目 button."""

from __future__ import annotations

import bisect
import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from telereader.app.across import ACROSS_VIEWS, NAME_VIEW_ID
from telereader.app.i18n import tr
from telereader.app.widgets.calendar import LibraryCalendar, mark_days, to_date, to_qdate


class DayNavigation(QWidget):
    day_chosen = Signal(object)  # datetime.date: the reader (or the window) picked a day
    newest_wanted = Signal()
    new_wanted = Signal()  # the first item new since the reader looked
    hits_wanted = Signal()
    across_wanted = Signal(str)  # the id of a view across days
    names_wanted = Signal()  # the companies and themes, to choose one to view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.days: list[dt.date] = []  # days with items, oldest first
        self.calendar = LibraryCalendar(self)
        self.calendar.selectionChanged.connect(
            lambda: self.day_chosen.emit(to_date(self.calendar.selectedDate()))
        )
        self.newest_button = QPushButton(tr("最新一天"), self)
        self.newest_button.setObjectName("newest")
        self.newest_button.setToolTip(tr("跳到最新的一天（Ctrl+End）"))
        self.newest_button.clicked.connect(self.newest_wanted)
        self.watch_button = QPushButton(tr("关注命中"), self)
        self.watch_button.setObjectName("watch_view")
        self.watch_button.setToolTip(tr("所有关注列表的命中，最新在前（Ctrl+Shift+H）"))
        self.watch_button.clicked.connect(self.hits_wanted)
        self.new_button = QPushButton(tr("新条目"), self)
        self.new_button.setObjectName("next_new")
        self.new_button.setToolTip(
            tr("跳到上次看过之后新来的第一条（X）；日历上蓝点标出有新条目的日子")
        )
        self.new_button.clicked.connect(self.new_wanted)
        self.new_button.setEnabled(False)
        self.across_buttons: dict[str, QPushButton] = {}
        for view in ACROSS_VIEWS:
            button = QPushButton(tr(view.button), self)
            button.setObjectName(f"{view.id}_view")
            button.setToolTip(tr(view.tooltip))
            button.clicked.connect(
                lambda _checked=False, name=view.id: self.across_wanted.emit(name)
            )
            self.across_buttons[view.id] = button
        names = QPushButton(tr("公司与题材"), self)
        names.setObjectName("names_view")
        names.setToolTip(tr("公司和题材及其条数：选一个看它跨日的所有条目和异动（Ctrl+Shift+C）"))
        names.clicked.connect(self.names_wanted)
        self.across_buttons[NAME_VIEW_ID] = names  # pressed while a name's items are shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        buttons = QGridLayout()  # two to a row: the column stays as narrow as the calendar
        buttons.setSpacing(4)
        shown = (self.newest_button, self.watch_button, *self.across_buttons.values())
        for place, button in enumerate((*shown, self.new_button)):
            last_alone = place == len(shown) and place % 2 == 0  # the whole row is its
            buttons.addWidget(button, place // 2, place % 2, 1, 2 if last_alone else 1)
        layout.addLayout(buttons)
        layout.addStretch(1)  # the calendar keeps its height; the column's foot stays empty

    def add_below(self, widget: QWidget) -> None:
        """A panel under the buttons (the saved searches), taking the column's foot."""
        layout = self.layout()
        layout.insertWidget(layout.count() - 1, widget, 1)

    def set_days(self, counts: dict[dt.date, int], fresh: set[dt.date], hit_days: object) -> None:
        """Mark the days with items (fresh ones and ones with hits apart)."""
        self.days = list(counts)
        mark_days(self.calendar, counts, fresh, hit_days)
        if self.days:
            self.calendar.setDateRange(
                to_qdate(self.days[0]).addYears(-1), to_qdate(self.days[-1]).addYears(1)
            )

    def set_new_days(self, days: set[dt.date]) -> None:
        """Mark the days with new items; the 新条目 button works while there are some."""
        if set(days) != self.calendar.new_days:  # asked after every day switch: mostly the same
            self.calendar.new_days = set(days)
            self.calendar.updateCells()
        self.new_button.setEnabled(bool(days))

    def choose(self, day: dt.date) -> bool:
        """Select `day` in the calendar (day_chosen follows); False when it already was."""
        if self.calendar.selectedDate() == to_qdate(day):
            return False
        self.calendar.setSelectedDate(to_qdate(day))
        return True

    def neighbour(self, step: int) -> dt.date | None:
        """The day with items before (step -1) or after (+1) the one selected."""
        if not self.days:
            return None
        current = to_date(self.calendar.selectedDate())
        if step > 0:
            position = bisect.bisect_right(self.days, current)
            return self.days[position] if position < len(self.days) else None
        position = bisect.bisect_left(self.days, current) - 1
        return self.days[position] if position >= 0 else None

    def show_hits_active(self, active: bool) -> None:
        self.watch_button.setDown(active)

    def show_across_active(self, view_id: str | None) -> None:
        """The button of the view across days shown (None: none of them) looks pressed."""
        for name, button in self.across_buttons.items():
            button.setDown(name == view_id)
