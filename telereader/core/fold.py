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

    Two sorted lists: the kept texts (those that start with a new item's stem are in one run of
    the list) and the kept stems (those that a new item's text starts with are prefixes of it,
    found by walking down from the largest stem not after it)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.by_text: dict[str, list[int]] = {}
        self.stems: list[str] = []
        self.by_stem: dict[str, list[int]] = {}

    def first_extending(self, stem: str) -> int | None:
        """The first kept item whose text is `stem` told at the same or greater length."""
        first = None
        at = bisect.bisect_left(self.texts, stem)
        while at < len(self.texts) and self.texts[at].startswith(stem):
            index = self.by_text[self.texts[at]][0]
            first = index if first is None or index < first else first
            at += 1
        return first

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
        _insert(self.texts, self.by_text, content, index)
        if stem:
            _insert(self.stems, self.by_stem, stem, index)

    def remove(self, index: int, content: str, stem: str) -> None:
        _delete(self.texts, self.by_text, content, index)
        if stem:
            _delete(self.stems, self.by_stem, stem, index)


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
    kept: list[ParsedItem] = []
    contents: list[str] = []
    stems: list[str] = []
    minutes: dict[dt.time, _Minute] = {}
    folded = 0
    for count, item in enumerate(items):
        if check is not None and count % CHECK_EVERY == 0:
            check()
        content = item.content
        stem = strip_trailing_punctuation(content)
        minute = minutes.get(item.minute)
        if minute is None:
            minute = minutes[item.minute] = _Minute()
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
