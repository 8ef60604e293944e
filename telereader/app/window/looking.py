"""New since you looked, in the window (core/newsince.py has the rules): the day shown is a
look, recorded when the reader leaves it or closes the window, with what was there when it was
shown; X and the 新条目 button jump to the first new item; the calendar marks days with new
items. A mixin of MainWindow; the look is written through LibraryOps."""

from __future__ import annotations

import datetime as dt

from telereader.app.i18n import tr
from telereader.core.newsince import day_mark, days_with_new, first_new


class Looking:
    _look: tuple[dt.date, int] | None = None  # the day shown and its newest arrival then

    def _looking_at(self, day: dt.date | None) -> None:
        """A day is being shown: the one shown before (if another) has been looked at."""
        if self._look is not None and self._look[0] == day:
            return  # the same day again (an import into it, a filter): still the same look
        self.leave_day()
        if day is not None:
            self._look = (day, day_mark(self.store, day))

    def leave_day(self) -> None:
        """Record the look at the day shown (leaving it, or closing the window)."""
        if self._look is not None:
            day, seen = self._look
            self._look = None
            if day in self.day_nav.days:  # else it was deleted: nothing of it is left to see
                # read at once by the next day switch (the write lands a thread away)
                asked = self.model.asked_looks
                asked[day] = max(seen, asked.get(day, 0))
                self.ops.mark_looked(day, seen)

    def _forget_look(self, day: dt.date) -> None:
        """A deleted day imported again is a day never looked at."""
        self.model.asked_looks.pop(day, None)

    def refresh_new_days(self) -> None:
        """The calendar's marks of days with new items, and the button that jumps to them."""
        self.day_nav.set_new_days(days_with_new(self.store, self.model.asked_looks))

    def next_new(self) -> None:
        """X: the next new item after the current one in the day shown, else the first new item
        of the next day that has one (from the first day again after the last), else say so."""
        current = self.current_item()
        on_this_day = self.list.model() is self.model and current is not None
        self.back_to_day()
        start = self.list.currentIndex().row() + 1 if on_this_day else 0
        item = self.model.first_new_from(start)
        if item is not None:
            self.list.select(item.id)
            self._look = (self.model.day, day_mark(self.store, self.model.day))  # jumped to: seen
        else:
            found = first_new(
                self.store, self.model.day, self.current_filter(), self.model.asked_looks
            )
            if found is None:
                self.status.say(tr("没有新条目了"), 5000)
                return
            self.show_day(*found)
        self.focus_list()
