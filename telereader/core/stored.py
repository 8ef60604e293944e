"""What reading the library gives the front ends: items with the reader's marks, day summaries,
and the SQL that selects them (store.py runs it)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from telereader.core.kinds import Kind, Level
from telereader.core.record import Record


class StoredItem(Record):
    id: str
    day: dt.date
    time: dt.datetime
    title: str | None
    body: str
    source: str | None
    level: Level
    kind: Kind
    column: str | None
    starred: bool
    note: str | None
    read: bool
    watch: tuple[str, ...] = ()  # names of the watchlists this item lights up
    position: int = 0  # its line in its file: items of one minute keep their reading order

    @property
    def reading_order(self) -> tuple[dt.date, dt.datetime, int]:
        """Day, time, place in the digest: the order a reader reads items in."""
        return (self.day, self.time, self.position)

    @property
    def headline(self) -> str:
        """The title, or the opening of the body when there is none."""
        return self.title or self.body

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "time": self.time.isoformat(timespec="minutes"),
            "title": self.title,
            "body": self.body,
            "source": self.source,
            "level": str(self.level),
            "kind": str(self.kind),
            "column": self.column,
            "starred": self.starred,
            "note": self.note,
            "read": self.read,
            "watch": list(self.watch),
        }


class DaySummary(Record):
    day: dt.date
    items: int
    important: int
    starred: int
    unread: int

    def __init__(self, day: dt.date, items: int, important: int, starred: int, unread: int):
        # the record's own __init__, by hand: `days` makes 3650 of them at ten years (13 ms
        # through the general one, 2 ms this way)
        self.__dict__.update(
            day=day, items=items, important=important, starred=starred, unread=unread
        )

    def to_json(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "items": self.items,
            "important": self.important,
            "starred": self.starred,
            "unread": self.unread,
        }


ITEM_COLUMNS = (
    "items.id, items.day, items.time, items.title, items.body, items.source, items.level, "
    "items.kind, items.teaser_column, stars.item_id IS NOT NULL, notes.text, "
    "reads.item_id IS NOT NULL, "
    "(SELECT json_group_array(watchlists.name) FROM watch_hits "  # names may hold any character
    "JOIN watchlists ON watchlists.id = watch_hits.watchlist_id WHERE watch_hits.seq = items.seq), "
    "items.position"
)
# Where a row of ITEM_COLUMNS holds what a day's counts need before its item is made.
ROW_ID, ROW_DAY, ROW_LEVEL, ROW_STARRED, ROW_READ = 0, 1, 6, 9, 11
# The same row without the texts (a day's rows past its first page): the counts' columns only,
# the rest NULL (a brief row's day is NULL), read whole when the row is shown.
BRIEF_ITEM_COLUMNS = (
    "items.id, NULL, NULL, NULL, NULL, NULL, items.level, NULL, NULL, "
    "stars.item_id IS NOT NULL, NULL, reads.item_id IS NOT NULL, NULL, NULL"
)


def emptied(brief: tuple) -> tuple:
    """A brief row as a whole one without text (the columns in ITEM_COLUMNS' order): for an item
    deleted since its day was read, until the day reloads (at once, on the deletion's event)."""
    row = list(brief)
    row[1:6] = ["1970-01-01", "1970-01-01T00:00", None, "", None]  # day, time, title, body, source
    row[7] = Kind.NEWS.value
    row[12:14] = [None, 0]  # watchlists, position
    return tuple(row)


BRIEF_ITEM_JOINS = (
    "LEFT JOIN stars ON stars.item_id = items.id LEFT JOIN reads ON reads.item_id = items.id"
)
ITEM_JOINS = (
    "LEFT JOIN stars ON stars.item_id = items.id "
    "LEFT JOIN notes ON notes.item_id = items.id "
    "LEFT JOIN reads ON reads.item_id = items.id"
)


def stored_item(row: Sequence) -> StoredItem:
    """The item of a row selected with ITEM_COLUMNS.

    Made without the record's __init__: a frozen dataclass set each field through
    object.__setattr__, and with the enums looked up by value that made this take 22 µs an
    item, a third of a day switch at ten years (a day's 300 items); the same fields, the
    same object, in a fraction of that."""
    item = _new_object(StoredItem)
    item.__dict__.update(
        id=row[0],
        day=_date(row[1]),
        time=_datetime(row[2]),
        title=row[3],
        body=row[4],
        source=row[5],
        level=_LEVELS.get(row[6]) or Level(row[6]),
        kind=_KINDS.get(row[7]) or Kind(row[7]),
        column=row[8],
        starred=bool(row[9]),
        note=row[10],
        read=bool(row[11]),
        watch=tuple(sorted(json.loads(row[12]))) if row[12] and row[12] != "[]" else (),
        position=row[13],
    )
    return item


_new_object = object.__new__
_date = dt.date.fromisoformat
_datetime = dt.datetime.fromisoformat
_LEVELS = {level.value: level for level in Level}
_KINDS = {kind.value: kind for kind in Kind}
