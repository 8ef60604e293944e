"""A day's items as one query gives them, each made into a StoredItem the first time it is asked
for: a day switch pays for the rows the view shows, not for every item of the day (at ten years,
making all 300 items of a day was a fifth of a switch)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence

from telereader.core.filters import DayCounts
from telereader.core.kinds import Level
from telereader.core.stored import ROW_ID, ROW_LEVEL, ROW_READ, ROW_STARRED, StoredItem


class DayRows(Sequence[StoredItem]):
    def __init__(self, rows: list[tuple], make: Callable[[tuple], StoredItem]):
        self._rows = rows
        self._made: list[StoredItem | None] = [None] * len(rows)
        self._make = make
        self._rows_by_id: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, row):  # an int gives an item, a slice a list of them
        if isinstance(row, slice):
            return [self[at] for at in range(*row.indices(len(self._rows)))]
        made = self._made[row]
        if made is None:
            made = self._made[row] = self._make(self._rows[row])
        return made

    def __iter__(self) -> Iterator[StoredItem]:
        return (self[row] for row in range(len(self._rows)))

    def row_of(self, item_id: str) -> int | None:
        """Where `item_id` is, without making any item."""
        if self._rows_by_id is None:
            self._rows_by_id = {
                (made.id if made is not None else row[ROW_ID]): at
                for at, (row, made) in enumerate(zip(self._rows, self._made, strict=True))
            }
        return self._rows_by_id.get(item_id)

    def __setitem__(self, row: int, item: StoredItem) -> None:
        """The item of `row` as it is now (re-read after a star, a note, a read mark)."""
        self._made[row] = item
        self._rows_by_id = None  # the id may be another one

    def counts(self, pending: Collection[str] = ()) -> DayCounts:
        """The day's counts. Items not made yet count as the library gave them, unless a
        write to them is under way (`pending` ids): those are made, with the write applied."""
        total = unread = important = starred = 0
        for at, row in enumerate(self._rows):
            made = self._made[at]
            if made is None and row[ROW_ID] in pending:
                made = self[at]
            total += 1
            if made is not None:
                unread += not made.read
                important += made.level is Level.IMPORTANT
                starred += made.starred
            else:
                unread += not row[ROW_READ]
                important += row[ROW_LEVEL] == Level.IMPORTANT.value
                starred += bool(row[ROW_STARRED])
        return DayCounts(total, unread, important, starred)
