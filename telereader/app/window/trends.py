"""The trend chart above search results and in the Watch view (mixin): counted in the
background by core.trend (the search's own counts), newest request wins; a bar clicked opens
its day."""

from __future__ import annotations

import datetime as dt

from telereader.app.tasks import in_library, run_task
from telereader.app.widgets.trendchart import Bar
from telereader.core.filters import ItemFilter

WEEKS_FROM_DAYS = 60  # a range longer than this is drawn by week
MONTHS_FROM_DAYS = 366  # and longer than this by month


def period_for(first: dt.date, last: dt.date) -> str:
    span = (last - first).days + 1
    if span > MONTHS_FROM_DAYS:
        return "month"
    return "week" if span > WEEKS_FROM_DAYS else "day"


class Trends:
    _trend_number = 0

    def _search_trend(self, request, result) -> None:
        """A search's first page arrived: chart the same search under the same filter."""
        if request.offset == 0 and self.search_service.is_current(request):
            self.show_trend(request.text, request.search_filter)

    def _watch_trend(self) -> None:
        if self.watching:
            hits = self.current_filter().replace(watchlist_id=self.hits_watchlist, watched=True)
            self.show_trend("", hits)

    def show_trend(self, text: str, search_filter: ItemFilter) -> None:
        from telereader.core.trend import trend

        days = self.days
        if not days:
            return
        first = search_filter.day_from or days[0]
        last = search_filter.day_to or days[-1]
        by = period_for(first, last)
        self._trend_number += 1
        number = self._trend_number

        def work(store):
            return trend(store, text, first=first, last=last, by=by, search_filter=search_filter)

        def done(result) -> None:
            if number == self._trend_number and (self.searching or self.watching):
                bars = [Bar(p.period, p.first_day, p.count) for p in result.points]
                self.trend_chart.show_bars(bars, result.total)

        run_task(in_library(self.data_dir, work), done, lambda _error: None,
                 pool=self._trend_pool, parent=self)  # fmt: skip

    def hide_trend(self) -> None:
        self._trend_number += 1  # an answer on its way is no longer wanted
        self.trend_chart.show_bars([], 0)

    def open_trend_day(self, first_day: dt.date) -> None:
        """A bar clicked: its first day in the library."""
        later = [day for day in self.days if day >= first_day]
        if later:
            self.show_day(later[0])
