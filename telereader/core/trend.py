"""How a search came and went: its matching items per day, week or month.

Every count comes from the search layer itself (`search`'s totals, or the keys of every match
`matching_keys` lists from the same statement, placed on their days), so a trend's counts are
the search's counts whatever the index underneath becomes.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telereader.core.filters import ItemFilter
from telereader.core.index_writes import kept_items_by_day
from telereader.core.query import parse_query
from telereader.core.search import counts_in_key_ranges, matching_keys, search
from telereader.core.search_index import single_token

if TYPE_CHECKING:
    from telereader.core.store import Store

PERIODS = ("day", "week", "month")
# Up to this many periods each is one count of the search's own; beyond, the search lists the
# keys of its matches once and they are placed on their days (docs/benchmarks.md, issue 16).
COUNT_PERIODS_AT_MOST = 4
# A query with many matches a period is counted period by period in the index (~0.1 ms a period
# and little a match); with few, listing its keys (~1 µs a match) is quicker. Measured at ten
# years: docs/benchmarks.md, issue 16.
MATCHES_PER_RANGE_COUNT = 100
RANGE_COUNTS_AT_MOST = 1000


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
    """Matching items of `text` per period from `first` to `last` (the filter's dates, else
    the library's first and last days, by default), zeros included, under the same filter a
    search takes."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}")
    result = Trend(text, by)
    span = library_span(store)
    if span is None:
        return result
    given = search_filter or ItemFilter()  # its own date range counts when none is passed
    first = first or given.day_from or span[0]
    last = last or given.day_to or span[1]
    if first > last:
        return result
    base = given.replace(day_from=first, day_to=last)
    spans = periods(first, last, by)
    if not text.strip():
        counts = _filtered_counts(store, base, spans, by)
        result.total = sum(counts)
    else:
        result.total, counts = _search_counts(store, text, base, spans, by)
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
    store: Store, text: str, base: ItemFilter, spans: list, by: str
) -> tuple[int, list[int]]:
    """The search's total and its count in each period."""
    by_day = _kept_by_day(store, text, base)
    if by_day is not None:
        return _tallied(by_day, spans, by)
    if len(spans) <= COUNT_PERIODS_AT_MOST:
        total = search(store, text, limit=0, search_filter=base).total
        return total, [
            search(
                store, text, limit=0,
                search_filter=base.replace(day_from=start, day_to=end),
            ).total
            for _, start, end in spans
        ]  # fmt: skip
    if len(spans) <= RANGE_COUNTS_AT_MOST:
        total = search(store, text, limit=0, search_filter=base).total
        if total >= MATCHES_PER_RANGE_COUNT * len(spans):
            counts = _counts_by_key_ranges(store, text, base, spans)
            if counts is not None and sum(counts) == total:
                return total, counts
    keys = matching_keys(store, text, search_filter=base)
    return _tallied(days_of_keys(store, keys).items(), spans, by)


def _tallied(by_day: Iterable[tuple[str, int]], spans: list, by: str) -> tuple[int, list[int]]:
    """(day, count) pairs summed into the periods: their total and each period's count."""
    tally: dict[str, int] = {}
    total = 0
    for day, count in by_day:
        # a day's label is its ISO text: 3,650 dates not parsed for a ten-year trend by day
        label = day if by == "day" else period_label(dt.date.fromisoformat(day), by)
        tally[label] = tally.get(label, 0) + count
        total += count
    return total, [tally.get(label, 0) for label, _, _ in spans]


def _kept_by_day(store: Store, text: str, base: ItemFilter) -> list | None:
    """For a query of one character, or of one common pair, and nothing else, under no filter
    but dates: the items of each day that hold it, kept by the index writes (index_writes.py,
    pair_counts.py), so that 的, 国 or 财联, in most items of the library, need no walk over the
    index. None for any other query (a rarer pair's matches are few enough to list)."""
    query = parse_query(text)
    if len(query.include) != 1 or query.exclude:
        return None
    if base.replace(day_from=None, day_to=None) != ItemFilter():
        return None
    first = base.day_from.isoformat() if base.day_from else ""
    last = base.day_to.isoformat() if base.day_to else "9999"
    token = single_token(query.include[0])
    return None if token is None else kept_items_by_day(store.conn, token, first, last)


def _counts_by_key_ranges(
    store: Store, text: str, base: ItemFilter, spans: list
) -> list[int] | None:
    """Each period's count as the search's count over the period's keys: its days' key ranges
    joined, as a dated search does (search_plan.py). None when days' ranges overlap or the
    index alone cannot decide the query."""
    rows = store.conn.execute(
        "SELECT day, min_seq, max_seq FROM day_counts WHERE min_seq IS NOT NULL ORDER BY min_seq"
    ).fetchall()
    if any(rows[i][1] <= rows[i - 1][2] for i in range(1, len(rows))):
        return None
    rows.sort()  # by day
    days = [row[0] for row in rows]
    ranges = []
    for _, start, end in spans:
        inside = rows[bisect.bisect_left(days, start.isoformat()) : bisect.bisect_right(
            days, end.isoformat())]  # fmt: skip
        if inside:
            ranges.append((min(row[1] for row in inside), max(row[2] for row in inside)))
        else:
            ranges.append((1, 0))  # no day: nothing matches
    return counts_in_key_ranges(store, text, ranges, search_filter=base)


def days_of_keys(store: Store, keys: list[int]) -> dict[str, int]:
    """How many of `keys` (`items.seq`) fall on each day. A day's keys lie within its
    `day_counts` range (seq is time-ordered), the ranges a dated search turns its days into
    (search_plan.py): while no two ranges overlap and every key lies in one, a day's count is
    the keys between its bounds, two bisections of the sorted keys. Else `items` is asked."""
    rows = store.conn.execute(
        "SELECT min_seq, max_seq, day FROM day_counts WHERE min_seq IS NOT NULL ORDER BY min_seq"
    ).fetchall()
    keys = sorted(keys)
    tally: dict[str, int] = {}
    previous_high = None
    for low, high, day in rows:
        if previous_high is not None and low <= previous_high:
            return _days_from_items(store, keys)  # overlapping ranges: a key's day is unclear
        previous_high = high
        count = bisect.bisect_right(keys, high) - bisect.bisect_left(keys, low)
        if count:
            tally[day] = count
    if sum(tally.values()) != len(keys):
        return _days_from_items(store, keys)  # some key in no day's range
    return tally


def _days_from_items(store: Store, keys: list[int]) -> dict[str, int]:
    tally: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for day, count in store.conn.execute(
            f"SELECT day, count(*) FROM items WHERE seq IN ({','.join('?' * len(chunk))}) "
            "GROUP BY day",
            chunk,
        ):
            tally[day] = tally.get(day, 0) + count
    return tally
