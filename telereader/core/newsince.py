"""New since you looked: which items arrived after the reader last had their day open.

Every import transaction gives the items it inserts one number, `items.arrival`, greater than
any before (`next_arrival`); `day_counts.max_arrival` keeps each day's newest. When the reader
leaves a day they were shown (or closes the window), the front end records in `looked_days` the
day's newest arrival *as it was when the day was shown* (`mark_looked`): what came in while it
was on screen stays new until they come back. So:

- an item is new when its day has been looked at and its arrival is above the day's `seen`;
- a day never looked at shows no item as new (every row would say so, which says nothing), but
  counts as a day with new items for the calendar and the jump (`days_with_new`, `first_new`);
- items in the library before this existed (arrival NULL) are never new.

Every question is answered from an index: the day's range of the partial index
`items_by_arrival (day, arrival)`, or the few thousand rows of `day_counts` and `looked_days`;
nothing scans the items.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING

from telereader.core.filters import ItemFilter

if TYPE_CHECKING:
    from telereader.core.store import Store

# a day with items newer than what the reader has seen of it (never looked at: seen is 0)
_NEW_DAY = "day_counts.max_arrival > coalesce(looked_days.seen, 0)"


def next_arrival(conn: sqlite3.Connection) -> int:
    """The number for the items an import is inserting now: above every arrival there is and
    every mark of one seen (a deleted day's numbers are never given again to a day seen)."""
    row = conn.execute(
        "SELECT max(coalesce((SELECT max(max_arrival) FROM day_counts), 0), "
        "coalesce((SELECT max(seen) FROM looked_days), 0))"
    ).fetchone()
    return row[0] + 1


def day_mark(store: Store, day: dt.date) -> int:
    """The day's newest arrival now (0: none, or only items older than arrivals): what the
    reader sees of it when it is shown, and what `mark_looked` records when they leave."""
    row = store.conn.execute(
        "SELECT max_arrival FROM day_counts WHERE day = ?", [day.isoformat()]
    ).fetchone()
    return (row[0] or 0) if row else 0


def seen_mark(store: Store, day: dt.date) -> int | None:
    """The newest arrival of the day the reader has seen; None: the day was never looked at."""
    row = store.conn.execute(
        "SELECT seen FROM looked_days WHERE day = ?", [day.isoformat()]
    ).fetchone()
    return row[0] if row else None


def new_ids_on(store: Store, day: dt.date, asked: int | None = None) -> frozenset[str]:
    """The ids of the day's items that arrived since the reader last looked at the day (none
    for a day never looked at). `asked`: a look the front end asked for that may not be in
    the library yet (the writer is a thread away from the day switch that reads this)."""
    marks = [mark for mark in (seen_mark(store, day), asked) if mark is not None]
    if not marks:
        return frozenset()
    seen = max(marks)
    rows = store.conn.execute(
        "SELECT id FROM items WHERE day = ? AND arrival > ?", [day.isoformat(), seen]
    )
    return frozenset(row[0] for row in rows)


def mark_looked(store: Store, day: dt.date, seen: int) -> None:
    """The reader looked at `day` and saw everything up to arrival `seen`. A mark never goes
    back (an older window closing late does not undo a newer look)."""
    from telereader.core.store import now

    with store.transaction() as db:
        db.conn.execute(
            "INSERT INTO looked_days (day, seen, looked_at) VALUES (?, ?, ?) "
            "ON CONFLICT (day) DO UPDATE SET seen = max(seen, excluded.seen), "
            "looked_at = excluded.looked_at",
            [day.isoformat(), seen, now()],
        )


def days_with_new(store: Store, asked: Mapping[dt.date, int] | None = None) -> set[dt.date]:
    """Days with items the reader has not seen: new since their last look, or never looked at
    and brought by an import since new-since marks exist. `asked`: looks not yet landed."""
    rows = store.conn.execute(
        "SELECT day_counts.day, day_counts.max_arrival FROM day_counts "
        f"LEFT JOIN looked_days USING (day) WHERE {_NEW_DAY}"
    )
    asked = asked or {}
    days = ((dt.date.fromisoformat(day), newest) for day, newest in rows)
    return {day for day, newest in days if newest > asked.get(day, 0)}


def first_new(
    store: Store,
    after: dt.date | None,
    item_filter: ItemFilter | None = None,
    asked: Mapping[dt.date, int] | None = None,
) -> tuple[dt.date, str] | None:
    """(day, item id) of the first new item, in reading order, of the first day after `after`
    that has one (among the items `item_filter` lets through), else of the first such day from
    the start: new items may sit on any day. None when there is no new item."""
    asked = asked or {}
    days = sorted(days_with_new(store, asked))
    if after is not None:
        days = [day for day in days if day > after] + [day for day in days if day <= after]
    conditions, params = (item_filter or ItemFilter()).sql()
    where = " AND ".join(["items.day = ?", "items.arrival > ?", *conditions])
    for day in days:
        row = store.conn.execute(
            f"SELECT items.id FROM items WHERE {where} ORDER BY items.time, items.position LIMIT 1",
            [day.isoformat(), max(seen_mark(store, day) or 0, asked.get(day, 0)), *params],
        ).fetchone()
        if row:
            return day, row[0]
    return None


def looked_days(store: Store) -> list[dict]:
    """Every look, for a backup: the day and when."""
    rows = store.conn.execute("SELECT day, looked_at FROM looked_days ORDER BY day")
    return [{"day": day, "looked_at": looked_at} for day, looked_at in rows]


def restore_looks(store: Store, looks: list[dict]) -> int:
    """Looks from a backup. Arrival numbers belong to the library that wrote them, so a day
    looked at counts as seen up to what this library holds of it now; a day this library does
    not hold is left out (it comes in as a day never looked at). Returns the days marked."""
    marked = 0
    for look in looks:
        day = dt.date.fromisoformat(look["day"])
        if store.conn.execute(
            "SELECT 1 FROM day_counts WHERE day = ?", [day.isoformat()]
        ).fetchone():
            mark_looked(store, day, day_mark(store, day))
            marked += 1
    return marked
