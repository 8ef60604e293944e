"""Fold the lines of one digest that tell the same story into one item."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from telereader.core.model import ParsedItem


def strip_trailing_punctuation(text: str) -> str:
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]).startswith("P")):
        end -= 1
    return text[:end]


def extends(longer: str, shorter: str) -> bool:
    """True when `longer` is `shorter` told again at more length (or the same text)."""
    stem = strip_trailing_punctuation(shorter)
    return bool(stem) and longer.startswith(stem)


def fold(items: Iterable[ParsedItem]) -> tuple[list[ParsedItem], int]:
    """Keep one item per story within a minute; return the kept items and how many were folded.

    At the same minute, identical text is one item, and an item whose text is the beginning of a
    longer item's text is the same story: the longer text is kept, at the earlier line's place.
    """
    kept: list[ParsedItem] = []
    contents: list[str] = []
    by_minute: dict = {}
    folded = 0
    for item in items:
        content = item.content
        same_minute = by_minute.setdefault(item.minute, [])
        for index in same_minute:
            if extends(contents[index], content):
                folded += 1
                break
            if extends(content, contents[index]):
                kept[index] = replace(item, line=kept[index].line)
                contents[index] = content
                folded += 1
                break
        else:
            same_minute.append(len(kept))
            kept.append(item)
            contents.append(content)
    return kept, folded
