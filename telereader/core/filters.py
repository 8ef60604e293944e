"""Which of a day's items the reader wants to see: the list's filters, as plain rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from telereader.core.model import Kind, Level
from telereader.core.store import StoredItem


@dataclass(frozen=True)
class ItemFilter:
    unread_only: bool = False
    important_only: bool = False
    starred_only: bool = False
    hide_teasers: bool = False

    def matches(self, item: StoredItem) -> bool:
        if self.unread_only and item.read:
            return False
        if self.important_only and item.level is not Level.IMPORTANT:
            return False
        if self.starred_only and not item.starred:
            return False
        return not (self.hide_teasers and item.kind is Kind.TEASER)

    @property
    def is_active(self) -> bool:
        return self != ItemFilter()


@dataclass(frozen=True)
class DayCounts:
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
