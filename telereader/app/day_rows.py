"""A day's items as the library gives them, each made into a StoredItem the first time it is
asked for: a day switch pays for the rows the view shows, not for every item of the day (at ten
years, making all 300 items of a day was a fifth of a switch). Rows past the first page come
brief (their texts not read, Store.item_rows_on) and are read whole a batch at a time when one
of them is wanted."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence

from telereader.core.filters import DayCounts
from telereader.core.kinds import Level
from telereader.core.stored import (
    ROW_DAY,
    ROW_ID,
    ROW_LEVEL,
    ROW_READ,
    ROW_STARRED,
    StoredItem,
    emptied,
)

BATCH = 100  # brief rows read whole at a time


class DayRows(Sequence[StoredItem]):
    """`rows` whole or brief; `whole_rows(ids)` reads brief ones whole (an item gone meanwhile
    is missing from its answer, and its row is made from what the brief row says)."""

    def __init__(
        self,
        rows: list[tuple],
        make: Callable[[tuple], StoredItem],
        whole_rows: Callable[[list[str]], dict[str, tuple]] | None = None,
    ):
        self._rows = rows
        self._made: list[StoredItem | None] = [None] * len(rows)
        self._make = make
        self._whole_rows = whole_rows
        self._rows_by_id: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, row):  # an int gives an item, a slice a list of them
        if isinstance(row, slice):
            return [self[at] for at in range(*row.indices(len(self._rows)))]
        made = self._made[row]
        if made is None:
            if self._rows[row][ROW_DAY] is None:
                self._read_whole(row % len(self._rows))
            made = self._made[row] = self._make(self._rows[row])
        return made

    def _read_whole(self, first: int) -> None:
        """Read the brief rows from `first` on (a batch) whole."""
        wanted = [
            at for at in range(first, min(len(self._rows), first + BATCH))
            if self._rows[at][ROW_DAY] is None
        ]  # fmt: skip
        found = self._whole_rows([self._rows[at][ROW_ID] for at in wanted]) if self._whole_rows else {}
        for at in wanted:
            brief = self._rows[at]
            self._rows[at] = found.get(brief[ROW_ID]) or emptied(brief)

    def __iter__(self) -> Iterator[StoredItem]:
        return (self[row] for row in range(len(self._rows)))

    def row_of(self, item_id: str) -> int | None:
        """Where `item_id` is, without making any item."""
        return self.positions().get(item_id)

    def positions(self) -> dict[str, int]:
        """Every item's row by its id, without making any item."""
        if self._rows_by_id is None:
            self._rows_by_id = {
                (made.id if made is not None else row[ROW_ID]): at
                for at, (row, made) in enumerate(zip(self._rows, self._made, strict=True))
            }
        return self._rows_by_id

    def __setitem__(self, row: int, item: StoredItem) -> None:
        """The item of `row` as it is now (re-read after a star, a note, a read mark)."""
        self._made[row] = item
        self._rows_by_id = None  # the id may be another one

    def marks(self, row: int) -> tuple[bool, bool]:
        """(read, starred) of `row`, without making its item."""
        made = self._made[row]
        if made is not None:
            return made.read, made.starred
        return bool(self._rows[row][ROW_READ]), bool(self._rows[row][ROW_STARRED])

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

