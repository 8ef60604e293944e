"""Where the next unread item is, across days: one query down the day index."""

from __future__ import annotations

import datetime as dt

from telereader.core.filters import ItemFilter
from telereader.core.store import Store


def first_unread_after(
    store: Store, day: dt.date | None, item_filter: ItemFilter | None = None
) -> tuple[dt.date, str] | None:
    """(day, item id) of the first unread item of the first later day that has one, among the
    items `item_filter` lets through; None when every later item is read. SQLite walks the
    `items_by_day` index from `day` on and stops at the first row without a read mark."""
    conditions, params = (item_filter or ItemFilter()).sql()
    if day is not None:
        conditions = ["items.day > ?", *conditions]
        params = [day.isoformat(), *params]
    conditions.append("NOT EXISTS (SELECT 1 FROM reads WHERE reads.item_id = items.id)")
    row = store.conn.execute(
        f"SELECT items.day, items.id FROM items WHERE {' AND '.join(conditions)} "
        "ORDER BY items.day, items.time, items.position LIMIT 1",
        params,
    ).fetchone()
    return (dt.date.fromisoformat(row[0]), row[1]) if row else None
