"""What reading the library gives the front ends: items with the reader's marks, day summaries,
and the SQL that selects them (store.py runs it)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from telereader.core.model import Kind, Level


@dataclass(frozen=True)
class StoredItem:
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


@dataclass(frozen=True)
class DaySummary:
    day: dt.date
    items: int
    important: int
    starred: int
    unread: int

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
ITEM_JOINS = (
    "LEFT JOIN stars ON stars.item_id = items.id "
    "LEFT JOIN notes ON notes.item_id = items.id "
    "LEFT JOIN reads ON reads.item_id = items.id"
)


def stored_item(row: Sequence) -> StoredItem:
    return StoredItem(
        id=row[0],
        day=dt.date.fromisoformat(row[1]),
        time=dt.datetime.fromisoformat(row[2]),
        title=row[3],
        body=row[4],
        source=row[5],
        level=Level(row[6]),
        kind=Kind(row[7]),
        column=row[8],
        starred=bool(row[9]),
        note=row[10],
        read=bool(row[11]),
        watch=tuple(sorted(json.loads(row[12]))) if row[12] and row[12] != "[]" else (),
        position=row[13],
    )
