"""Which items the reader wants to see: one filter for a day's list, a search and an export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from telereader.core.kinds import Kind, Level
from telereader.core.record import Record
from telereader.core.store import StoredItem


class ItemFilter(Record):
    """Every given condition must hold. The list's buttons set the flags; search and export add
    a date range and watchlists."""

    unread_only: bool = False
    important_only: bool = False
    starred_only: bool = False
    noted_only: bool = False  # only items with a note
    hide_teasers: bool = False
    day_from: dt.date | None = None
    day_to: dt.date | None = None
    watchlist_id: int | None = None  # only items this watchlist lights up
    watched: bool = False  # only items some watchlist lights up
    names: tuple[str, ...] = ()  # only items naming one of these (a company and its aliases)

    def matches(self, item: StoredItem) -> bool:
        """For items already read from the library (a day's list). Watchlist and name
        conditions need the library's hits and mentions and are answered by `sql` only."""
        if self.unread_only and item.read:
            return False
        if self.important_only and item.level is not Level.IMPORTANT:
            return False
        if self.starred_only and not item.starred:
            return False
        if self.noted_only and not item.note:
            return False
        if self.day_from is not None and item.day < self.day_from:
            return False
        if self.day_to is not None and item.day > self.day_to:
            return False
        return not (self.hide_teasers and item.kind is Kind.TEASER)

    def sql(self) -> tuple[list[str], list]:
        """The same conditions as SQL over `items`: (conditions to AND, their parameters)."""
        conditions: list[str] = []
        params: list = []
        if self.day_from:
            conditions.append("items.day >= ?")
            params.append(self.day_from.isoformat())
        if self.day_to:
            conditions.append("items.day <= ?")
            params.append(self.day_to.isoformat())
        if self.important_only:
            conditions.append("items.level = 'important'")
        if self.hide_teasers:
            conditions.append("items.kind != 'teaser'")
        if self.starred_only:
            conditions.append("items.id IN (SELECT item_id FROM stars)")
        if self.noted_only:
            conditions.append("items.id IN (SELECT item_id FROM notes WHERE text != '')")
        if self.unread_only:
            conditions.append("items.id NOT IN (SELECT item_id FROM reads)")
        if self.watchlist_id is not None:
            conditions.append("items.seq IN (SELECT seq FROM watch_hits WHERE watchlist_id = ?)")
            params.append(self.watchlist_id)
        if self.watched:
            conditions.append("items.seq IN (SELECT seq FROM watch_hits)")
        if self.names:
            # the market layer's mentions, by name (indexed): a name of ten years is a few
            # thousand items, looked up by id, never a walk over every item
            marks = ",".join("?" * len(self.names))
            conditions.append(
                f"items.id IN (SELECT item_id FROM market_mentions WHERE name IN ({marks}))"
            )
            params.extend(self.names)
        return conditions, params

    @property
    def is_active(self) -> bool:
        return self != ItemFilter()


class DayCounts(Record):
    items: int
    unread: int
    important: int
    starred: int


def count(items: Iterable[StoredItem]) -> DayCounts:
    total = unread = important = starred = 0
    for item in items:
        total += 1
        unread += not item.read
        important += item.level is Level.IMPORTANT
        starred += item.starred
    return DayCounts(total, unread, important, starred)
