"""Where searched terms and watchlist keywords stand in a text, for painting them (never as
markup)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from telereader.core.keywords import Watchlist
from telereader.core.query import fold_case
from telereader.core.store import StoredItem

SEARCHED = ""  # the colour key of searched terms; watchlist marks carry the list's colour


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    colour: str  # a watchlist's colour, or SEARCHED


def spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) ranges of every occurrence of any term, Latin case ignored.

    `str.lower` keeps the length of the text it folds except for a handful of letters (İ);
    if it does not, nothing is highlighted rather than the wrong characters.
    """
    folded = fold_case(text)
    if len(folded) != len(text) or not terms:
        return []
    found = []
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            found.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    return _merged(found)


def _merged(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def lit_watchlists(item: StoredItem, watchlists: Iterable[Watchlist]) -> list[Watchlist]:
    """The watchlists this item is a hit of, in the reader's order."""
    return [watchlist for watchlist in watchlists if watchlist.name in item.watch]


def marks(
    text: str, item: StoredItem, terms: Sequence[str], watchlists: Iterable[Watchlist]
) -> list[Mark]:
    """Non-overlapping marks, in order: the keywords of each watchlist the item hits (only
    those keywords that match the item), in the list's colour, and searched terms over them."""
    lit = lit_watchlists(item, watchlists)
    found = spans(text, terms)
    if not lit and not found:
        return []
    coloured: list[str | None] = [None] * len(text)
    for watchlist in lit:
        for keyword in watchlist.keywords:
            if keyword.matches(item.title, item.body):
                for start, end in keyword.spans(text):
                    coloured[start:end] = [watchlist.colour] * (end - start)
    for start, end in found:
        coloured[start:end] = [SEARCHED] * (end - start)
    result: list[Mark] = []
    start = 0
    for position in range(1, len(text) + 1):
        if position == len(text) or coloured[position] != coloured[start]:
            if coloured[start] is not None:
                result.append(Mark(start, position, coloured[start]))
            start = position
    return result
