"""Items as the `items` table's rows and back: the importer prepares rows (in worker processes
for big batches), the store writes and reads them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from telereader.core.model import Item, Kind, Level
from telereader.core.search_index import index_text

# An item as the `items` columns hold it, in order, without `seq` and the time stamps, then
# its search index text.
ItemRow = tuple


def item_rows(items: Iterable[Item]) -> list[ItemRow]:
    """Items as rows, each day and minute formatted once (a file's items share a day)."""
    texts: dict = {}

    def text(value: dt.date | dt.datetime) -> str:
        formatted = texts.get(value)
        if formatted is None:
            formatted = texts[value] = (
                value.isoformat(timespec="minutes")
                if isinstance(value, dt.datetime)
                else value.isoformat()
            )
        return formatted

    return [
        (
            item.id,
            text(item.day),
            text(item.time),
            item.title,
            item.body,
            item.source,
            item.level.value,
            item.kind.value,
            item.column,
            item.position,
            index_text(item.title, item.body, item.level is Level.IMPORTANT),
        )
        for item in items
    ]


def item_from_row(row: Sequence) -> Item:
    return Item(
        id=row[0],
        day=dt.date.fromisoformat(row[1]),
        time=dt.datetime.fromisoformat(row[2]),
        title=row[3],
        body=row[4],
        source=row[5],
        level=Level(row[6]),
        kind=Kind(row[7]),
        column=row[8],
        position=row[9],
    )
