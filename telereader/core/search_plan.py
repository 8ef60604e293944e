"""How a search's filters reach the index: as terms and key ranges it answers itself, so that
a filtered search counts in the index instead of joining `items` once per match.

- 加红 (important only) is a token of the index (`IMPORTANT_TOKEN`), ANDed to the expression.
- A date range becomes a range of keys (`items.seq` is time-ordered): the smallest and largest
  key of the range's days, kept per day in `day_counts`. When no day outside the range has keys
  inside it (digest windows do not overlap, the rule), the key range is the date range exactly
  and the day test on `items` is dropped; else the range only narrows and the test stays.
- 星标 and noted-only hold the few items a reader marked: when they are few, those items are
  read and checked against the query directly (`Query.matches`), whatever the index holds:
  FTS5 answers `rowid IN (…)` by running the query once per key, seconds for 500 keys.
"""

from __future__ import annotations

import sqlite3

from telereader.core.filters import ItemFilter
from telereader.core.record import Record, factory
from telereader.core.search_index import IMPORTANT_EXPRESSION

# Up to this many starred (or noted) items, a search reads them all rather than the index.
SMALL_SET = 2_000


class SearchPlan(Record):
    extra_match: str = ""  # ANDed to the query's index expression
    keys: tuple[int, int] | None = None  # rowid range that holds every match
    rest: ItemFilter = factory(ItemFilter)  # still tested on `items`
    few: list[int] | None = None  # keys of a small set that holds every match: read them
    leave_out: tuple[int, ...] = ()  # keys the search is not to find


def plan_search(conn: sqlite3.Connection, search_filter: ItemFilter) -> SearchPlan:
    few = _few(conn, search_filter)
    if few is not None:  # the other conditions are cheap on `items` for so few
        return SearchPlan(rest=few[1], few=few[0])
    rest = search_filter
    extra = ""
    if rest.important_only:
        extra = IMPORTANT_EXPRESSION
        rest = rest.replace(important_only=False)
    keys = None
    if rest.day_from is not None or rest.day_to is not None:
        keys, exact = _day_keys(conn, rest)
        if exact:
            rest = rest.replace(day_from=None, day_to=None)
    return SearchPlan(extra, keys, rest)


def _few(conn: sqlite3.Connection, rest: ItemFilter) -> tuple[list[int], ItemFilter] | None:
    """The keys of the starred (or noted) items when they are few, and the other conditions."""
    if rest.starred_only:
        few = _small_set(conn, "stars")
        if few is not None:
            return few, rest.replace(starred_only=False)
    if rest.noted_only:
        few = _small_set(conn, "notes WHERE text != ''")
        if few is not None:
            return few, rest.replace(noted_only=False)
    return None


def _day_keys(conn: sqlite3.Connection, search_filter: ItemFilter) -> tuple[tuple[int, int], bool]:
    first = search_filter.day_from.isoformat() if search_filter.day_from else ""
    last = search_filter.day_to.isoformat() if search_filter.day_to else "9999"
    low, high = conn.execute(
        "SELECT min(min_seq), max(max_seq) FROM day_counts WHERE day BETWEEN ? AND ?",
        [first, last],
    ).fetchone()
    if low is None:
        return (1, 0), True  # no day in the range: nothing matches
    overlapping = conn.execute(
        "SELECT 1 FROM day_counts WHERE (day < ? OR day > ?) AND max_seq >= ? AND min_seq <= ? "
        "LIMIT 1",
        [first, last, low, high],
    ).fetchone()
    return (low, high), overlapping is None


def _small_set(conn: sqlite3.Connection, table: str) -> list[int] | None:
    rows = conn.execute(
        f"SELECT items.seq FROM items WHERE items.id IN (SELECT item_id FROM {table}) "
        f"LIMIT {SMALL_SET + 1}"
    ).fetchall()
    return None if len(rows) > SMALL_SET else [row[0] for row in rows]
