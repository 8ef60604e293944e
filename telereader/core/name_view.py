"""One company or theme across the library: the items that name it (or one of the reader's
aliases of it), newest first, and its moves as written, for the window's view of a name and the
command line."""

from __future__ import annotations

import datetime as dt
import sqlite3

from telereader.core.filters import ItemFilter
from telereader.core.markets import DayMover
from telereader.core.reader_names import group_of
from telereader.core.store import AFTER_ITEM, Store, StoredItem


def name_filter(conn: sqlite3.Connection, name: str, base: ItemFilter | None = None) -> ItemFilter:
    """`base` narrowed to the items that name `name` or any of its aliases."""
    return (base or ItemFilter()).replace(names=tuple(group_of(conn, name)))


def name_movers(conn: sqlite3.Connection, name: str, limit: int = 500) -> list[DayMover]:
    """The moves of the company (as a stock) or the theme (the stocks that moved with it),
    newest first: its movers' table in the view of a name."""
    names = group_of(conn, name)
    marks = ",".join("?" * len(names))
    rows = conn.execute(
        "SELECT m.day, i.time, m.item_id, m.theme, m.stock, m.move FROM market_movers m "
        "JOIN items i ON i.id = m.item_id "
        f"WHERE m.stock IN ({marks}) OR m.theme IN ({marks}) "
        "ORDER BY i.seq DESC, m.ord LIMIT ?",
        [*names, *names, limit],
    )
    return [
        DayMover(dt.date.fromisoformat(day), dt.datetime.fromisoformat(time), *rest)
        for day, time, *rest in rows
    ]


# An item of digest day D happened between D 00:00 and D+1 23:59 (its window starts at the
# digest's boundary, 00:00–23:59, and lasts a day): what lets a page be bounded by day.
_ONE_DAY = dt.timedelta(days=1)


def name_page(
    store: Store, item_filter: ItemFilter, limit: int, after_id: str | None = None
) -> list[StoredItem]:
    """`store.items_page` for a filter with names, the same items in the same order, but read
    through the mentions' (name, day) index a window of days at a time: the newest days that
    hold `limit` of a name's items, so that a page of the biggest name sorts a page, not every
    item of the name (35,000 at ten years: 1 s).

    A window [low, high] gives the right page when it is full and its oldest item happened on
    or after the day after `low`: every item of an older day happened before that. Otherwise
    (other filters left fewer items, or the window met the item paged from) it is widened."""
    conditions, params = item_filter.replace(names=()).sql()
    high, wanted = None, limit
    if after_id is not None:
        conditions, params = [*conditions, AFTER_ITEM], [*params, after_id]
        row = store.conn.execute("SELECT day FROM items WHERE id = ?", [after_id]).fetchone()
        if row is not None:  # newer days' items all happened after it
            day = dt.date.fromisoformat(row[0])
            high = (day + _ONE_DAY).isoformat()
            # the items of the days around it may be newer than it: a page more than those
            wanted += _mentions_within(store.conn, item_filter.names, day - _ONE_DAY, high)
    while True:
        newest = _newest_day_holding(store.conn, item_filter.names, high, wanted)
        low = None if newest is None else dt.date.fromisoformat(newest) - _ONE_DAY
        window, window_params = _mentioned_within(item_filter.names, low, high)
        page = store.items_page([*conditions, window], [*params, *window_params], limit=limit)
        if low is None or (
            len(page) == limit and page[-1].time >= dt.datetime.combine(low + _ONE_DAY, dt.time())
        ):
            return page
        # other filters let fewer through: a window as many times wider as they thin it
        wanted = max(wanted * 4, wanted * limit * 2 // max(len(page), 1))


def _newest_day_holding(
    conn: sqlite3.Connection, names: tuple[str, ...], high: str | None, wanted: int
) -> str | None:
    """The newest day from which to `high` (None: the newest day) one of `names` is mentioned
    by `wanted` items; None when none is (the window is then every day)."""
    newest = None
    for name in names:
        row = conn.execute(
            "SELECT day FROM market_mentions WHERE name = ? AND day <= ? "
            "ORDER BY day DESC LIMIT 1 OFFSET ?",
            [name, high or "9999-12-31", wanted - 1],
        ).fetchone()
        if row is not None and (newest is None or row[0] > newest):
            newest = row[0]
    return newest


def _mentions_within(
    conn: sqlite3.Connection, names: tuple[str, ...], low: dt.date, high: str
) -> int:
    marks = ",".join("?" * len(names))
    return conn.execute(
        f"SELECT count(*) FROM market_mentions WHERE name IN ({marks}) AND day >= ? AND day <= ?",
        [*names, low.isoformat(), high],
    ).fetchone()[0]


def _mentioned_within(
    names: tuple[str, ...], low: dt.date | None, high: str | None
) -> tuple[str, list]:
    marks = ",".join("?" * len(names))
    return (
        f"items.id IN (SELECT item_id FROM market_mentions WHERE name IN ({marks}) "
        "AND day >= ? AND day <= ?)",
        [*names, low.isoformat() if low else "0000-01-01", high or "9999-12-31"],
    )
