"""Fold the lines of one digest that tell the same story into one item."""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace

from telereader.core.model import ParsedItem

CHECK_EVERY = 2048


def strip_trailing_punctuation(text: str) -> str:
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]).startswith("P")):
        end -= 1
    return text[:end]


def extends(longer: str, shorter: str) -> bool:
    """True when `longer` is `shorter` told again at more length (or the same text)."""
    stem = strip_trailing_punctuation(shorter)
    return bool(stem) and longer.startswith(stem)


class _Minute:
    """The kept items of one minute, indexed so that finding the first one that tells the same
    story as a new item costs a few binary searches instead of a comparison with each.

    Every text the minute will ever hold is known before folding starts (a kept text is always
    some item's text), so they are sorted once: those that start with a new item's stem form
    one run of that list, and a range-minimum tree over it answers "the lowest kept index in
    that run" in logarithmic time however long the run is. The kept stems are in a sorted list
    too: those that a new item's text starts with are prefixes of it, found by walking down
    from the largest stem not after it."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts  # sorted, distinct: every text of the minute, kept or not
        self.at = {text: position for position, text in enumerate(texts)}
        self.lowest = _RangeMinimum(len(texts))
        self.by_text: dict[str, list[int]] = {}
        self.stems: list[str] = []
        self.by_stem: dict[str, list[int]] = {}

    def first_extending(self, stem: str) -> int | None:
        """The first kept item whose text is `stem` told at the same or greater length."""
        texts = self.texts
        start = bisect.bisect_left(texts, stem)
        # the run of texts that start with `stem` begins at `start`: find its end by doubling
        # steps, then a binary search (logarithmic in the run's length, one step if it is short)
        step = 1
        while start + step < len(texts) and texts[start + step].startswith(stem):
            step *= 2
        end = bisect.bisect_left(
            texts,
            True,
            start + step // 2,
            min(start + step, len(texts)),
            key=lambda text: not text.startswith(stem),
        )
        return self.lowest.query(start, end)

    def first_extended(self, content: str) -> int | None:
        """The first kept item whose stem `content` starts with."""
        first = None
        query = content
        while query:
            at = bisect.bisect_right(self.stems, query) - 1
            if at < 0:
                break
            stem = self.stems[at]
            if query.startswith(stem):
                index = self.by_stem[stem][0]
                first = index if first is None or index < first else first
                query = stem[:-1]
            else:  # any stem that is a prefix of `query` is a prefix of what they share
                query = query[: _shared_length(stem, query)]
        return first

    def add(self, index: int, content: str, stem: str) -> None:
        found = self.by_text.setdefault(content, [])
        bisect.insort(found, index)
        self.lowest.set(self.at[content], found[0])
        if stem:
            _insert(self.stems, self.by_stem, stem, index)

    def remove(self, index: int, content: str, stem: str) -> None:
        found = self.by_text[content]
        found.remove(index)
        self.lowest.set(self.at[content], found[0] if found else None)
        if not found:
            del self.by_text[content]
        if stem:
            _delete(self.stems, self.by_stem, stem, index)


class _RangeMinimum:
    """Values at fixed positions 0..size-1 (None: no value), each settable, and the smallest
    over any range of positions, both in logarithmic time (a bottom-up segment tree)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[int | None] = [None] * (2 * size)

    def set(self, position: int, value: int | None) -> None:
        tree = self.tree
        node = position + self.size
        tree[node] = value
        while node > 1:
            node //= 2
            left, right = tree[2 * node], tree[2 * node + 1]
            smallest = right if left is None else left if right is None else min(left, right)
            if tree[node] == smallest:
                break  # and so is every node above it
            tree[node] = smallest

    def query(self, start: int, end: int) -> int | None:
        """The smallest value at positions start..end-1."""
        tree = self.tree
        low, high = start + self.size, end + self.size
        best = None
        while low < high:
            if low & 1:
                value = tree[low]
                if value is not None and (best is None or value < best):
                    best = value
                low += 1
            if high & 1:
                high -= 1
                value = tree[high]
                if value is not None and (best is None or value < best):
                    best = value
            low //= 2
            high //= 2
        return best


def _insert(keys: list[str], indices: dict[str, list[int]], key: str, index: int) -> None:
    found = indices.get(key)
    if found is None:
        indices[key] = [index]
        bisect.insort(keys, key)
    else:
        bisect.insort(found, index)


def _delete(keys: list[str], indices: dict[str, list[int]], key: str, index: int) -> None:
    found = indices[key]
    found.remove(index)
    if not found:
        del indices[key]
        del keys[bisect.bisect_left(keys, key)]


def _shared_length(first: str, second: str) -> int:
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def fold(
    items: Iterable[ParsedItem], check: Callable[[], None] | None = None
) -> tuple[list[ParsedItem], int]:
    """Keep one item per story within a minute; return the kept items and how many were folded.

    At the same minute, identical text is one item, and an item whose text is the beginning of a
    longer item's text is the same story: the longer text is kept, at the earlier line's place.
    Each item is compared with the first kept item of its minute that tells the same story
    (`extends` either way), found in logarithmic time. `check` is called every few thousand
    items (it may raise to stop a cancelled import).
    """
    items = list(items)
    minutes = _minutes(items)
    kept: list[ParsedItem] = []
    contents: list[str] = []
    stems: list[str] = []
    folded = 0
    for count, item in enumerate(items):
        if check is not None and count % CHECK_EVERY == 0:
            check()
        content = item.content
        minute = minutes.get(item.minute)
        if minute is None:  # alone in its minute (as most items are): nothing to fold with
            kept.append(item)
            contents.append(content)
            stems.append("")  # read only for items that share their minute
            continue
        stem = strip_trailing_punctuation(content)
        extending = minute.first_extending(stem) if stem else None
        extended = minute.first_extended(content)
        if extending is not None and (extended is None or extending <= extended):
            folded += 1  # a kept item already tells this at the same or greater length
        elif extended is not None:
            minute.remove(extended, contents[extended], stems[extended])
            kept[extended] = replace(item, line=kept[extended].line)
            contents[extended], stems[extended] = content, stem
            minute.add(extended, content, stem)
            folded += 1
        else:
            minute.add(len(kept), content, stem)
            kept.append(item)
            contents.append(content)
            stems.append(stem)
    return kept, folded


def _minutes(items: list[ParsedItem]) -> dict[dt.time, _Minute]:
    """An empty index for each minute of two or more items, over their distinct texts."""
    texts: dict[dt.time, list[str]] = {}
    for item in items:
        texts.setdefault(item.minute, []).append(item.content)
    return {
        minute: _Minute(sorted(set(found))) for minute, found in texts.items() if len(found) > 1
    }
