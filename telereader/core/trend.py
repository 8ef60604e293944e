"""How a search came and went: its matching items per day, week or month.

Every count comes from `core.search.search` itself (its totals, or the days of the items it
lists), so a trend's counts are the search's counts whatever the index underneath becomes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telereader.core.filters import ItemFilter
from telereader.core.search import search

if TYPE_CHECKING:
    from telereader.core.store import Store

PERIODS = ("day", "week", "month")
# Up to this many periods each is one count of the search's own; beyond, the search lists its
# matches once and their days are tallied. Measured at ten years (docs/benchmarks.md): a count
# under a date range joins every match to its day (~0.4 s for 黄金), a listed match ~80 µs.
COUNT_PERIODS_AT_MOST = 4


@dataclass(frozen=True)
class TrendPoint:
    period: str  # 2026-01-14, 2026-W03 (ISO week) or 2026-01
    first_day: dt.date
    last_day: dt.date
    count: int

    def to_json(self) -> dict:
        return {"period": self.period, "count": self.count}


@dataclass
class Trend:
    query: str
    by: str
    total: int = 0
    points: list[TrendPoint] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "points": [point.to_json() for point in self.points],
        }


def period_label(day: dt.date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def period_start(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def periods(first: dt.date, last: dt.date, by: str) -> list[tuple[str, dt.date, dt.date]]:
    """Every period from the one holding `first` to the one holding `last`, with its days
    clipped to first..last."""
    spans = []
    start = period_start(first, by)
    while start <= last:
        if by == "day":
            following = start + dt.timedelta(days=1)
        elif by == "week":
            following = start + dt.timedelta(days=7)
        else:
            following = (start + dt.timedelta(days=32)).replace(day=1)
        end = following - dt.timedelta(days=1)
        spans.append((period_label(start, by), max(start, first), min(end, last)))
        start = following
    return spans


def library_span(store: Store) -> tuple[dt.date, dt.date] | None:
    first, last = store.conn.execute("SELECT min(day), max(day) FROM day_counts").fetchone()
    if first is None:
        return None
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def trend(
    store: Store,
    text: str,
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    by: str = "day",
    search_filter: ItemFilter | None = None,
) -> Trend:
    """Matching items of `text` per period from `first` to `last` (the library's first and
    last days by default), zeros included, under the same filter a search takes."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}")
    result = Trend(text, by)
    span = library_span(store)
    if span is None:
        return result
    first, last = first or span[0], last or span[1]
    if first > last:
        return result
    base = dataclasses.replace(search_filter or ItemFilter(), day_from=first, day_to=last)
    spans = periods(first, last, by)
    if not text.strip():
        counts = _filtered_counts(store, base, spans, by)
        result.total = sum(counts)
    else:
        result.total = search(store, text, limit=0, search_filter=base).total
        counts = _search_counts(store, text, base, spans, by, result.total)
    result.points = [
        TrendPoint(label, start, end, count)
        for (label, start, end), count in zip(spans, counts, strict=True)
    ]
    return result


def _filtered_counts(store: Store, base: ItemFilter, spans: list, by: str) -> list[int]:
    """No query, a filter alone (a watchlist's hits): the items it lets through, by day."""
    conditions, params = base.sql()
    tally: dict[str, int] = {}
    for day, count in store.conn.execute(
        f"SELECT day, count(*) FROM items WHERE {' AND '.join(conditions)} GROUP BY day", params
    ):
        label = period_label(dt.date.fromisoformat(day), by)
        tally[label] = tally.get(label, 0) + count
    return [tally.get(label, 0) for label, _, _ in spans]


def _search_counts(
    store: Store, text: str, base: ItemFilter, spans: list, by: str, total: int
) -> list[int]:
    if len(spans) > COUNT_PERIODS_AT_MOST:
        tally: dict[str, int] = {}
        if total:
            for item in search(store, text, limit=total, search_filter=base).items:
                label = period_label(item.day, by)
                tally[label] = tally.get(label, 0) + 1
        return [tally.get(label, 0) for label, _, _ in spans]
    return [
        search(
            store, text, limit=0,
            search_filter=dataclasses.replace(base, day_from=start, day_to=end),
        ).total
        for _, start, end in spans
    ]  # fmt: skip
