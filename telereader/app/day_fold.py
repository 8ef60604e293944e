"""Near-duplicates folded in the day's timeline: the same story sent again (core/related.py finds
them, the market layer keeps them in `market_similar`) shows once, under the row of the item
standing for its story, until the reader unfolds it.

Folding works on positions in the rows the filter lets through (the day's rows themselves when
no filter is on), and on ids from `market_similar`: no item is made to decide what is folded,
so a day switch pays only for the one indexed read of the day's near-duplicates."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from telereader.core.stored import StoredItem


class Group(NamedTuple):
    """One story sent more than once, among the rows shown."""

    leader: str  # the id market_similar names for the story (it may be filtered out)
    stand: int  # the position of the row standing for it: the leader's, else its first copy's
    others: tuple[int, ...]  # the positions of the rest, in the order shown


class Fold(NamedTuple):
    order: list[int]  # the positions shown, row by row
    groups: dict[int, Group]  # by the position of the row standing for the story
    member_of: dict[int, Group]  # every other position of a group → its group


def fold(
    position: Mapping[str, int],
    count: int,
    copies: dict[str, str],
    unfolded: set[str],
) -> Fold | None:
    """The rows shown of `count` positions (`position`: id → position): each story's copies
    (`copies`: id → its leader's id) after the row standing for it when the reader unfolded it
    (`unfolded` holds leader ids), hidden otherwise. None when no story has two rows among
    them. Run at every day switch: plain loops, no item made."""
    where = position.get
    found: dict[str, list[int]] = {}
    for copy, leader in copies.items():
        at = where(copy)
        if at is not None:
            found.setdefault(leader, []).append(at)
    groups: dict[int, Group] = {}
    member_of: dict[int, Group] = {}
    for leader, places in found.items():
        at = where(leader)
        if at is None:
            if len(places) < 2:
                continue
            places.sort()
            at = places.pop(0)
        else:
            places.sort()
        group = groups[at] = Group(leader, at, tuple(places))
        for other in places:
            member_of[other] = group
    if not groups:
        return None
    order = [at for at in range(count) if at not in member_of]  # a day switch: none unfolded
    if any(group.leader in unfolded for group in groups.values()):
        order = []
        for at in range(count):
            if at not in member_of:
                order.append(at)
                group = groups.get(at)
                if group is not None and group.leader in unfolded:
                    order.extend(group.others)
    return Fold(order, groups, member_of)


class FoldedRows(Sequence[StoredItem]):
    """The rows shown: `base`'s items in the order of `fold` (items made only when asked for,
    as `base` makes them)."""

    def __init__(self, base: Sequence[StoredItem], folded: Fold):
        self.base = base
        self.fold = folded
        self._row_at = {at: row for row, at in enumerate(folded.order)}

    def __len__(self) -> int:
        return len(self.fold.order)

    def __getitem__(self, row):  # an int gives an item, a slice a list of them
        if isinstance(row, slice):
            return [self.base[at] for at in self.fold.order[row]]
        return self.base[self.fold.order[row]]

    def __iter__(self) -> Iterator[StoredItem]:
        return (self.base[at] for at in self.fold.order)

    def __setitem__(self, row: int, item: StoredItem) -> None:
        self.base[self.fold.order[row]] = item

    def row_at(self, position: int) -> int | None:
        """The row shown of `position`, None when it is folded away."""
        return self._row_at.get(position)

    def position(self, row: int) -> int:
        return self.fold.order[row]

    def hidden(self) -> int:
        """How many rows are folded away."""
        return len(self.base) - len(self.fold.order)
