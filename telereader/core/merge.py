"""A file's items against what the library holds for their day: new, updated or known.

Later captures of a day repeat its earlier items, sometimes edited; merging keeps each story's id
(and so the reader's star and note on it), never lets an older, shorter capture shorten a story,
and only ever raises the 加红 level.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from telereader.core.fold import extends
from telereader.core.identity import opening, title_key
from telereader.core.model import Item, Level

# Untitled items of one minute whose bodies open with this many equal letters (after the
# dateline) are one story whose text was edited between two captures.
SAME_OPENING_LETTERS = 8


@dataclass
class Merge:
    inserts: list[Item]
    updates: list[tuple[Item, Item]]  # (as stored, as it will be)
    unchanged: int


def merge(existing: Sequence[Item], incoming: Sequence[Item]) -> Merge:
    """Decide, for each incoming item, whether it is new, an update or already known.

    An incoming item is the same as a stored one when the ids agree, or when at the same minute
    the title or the opening agrees (a later capture edited the text): it keeps the stored id.
    Text is replaced unless the incoming text is only the beginning of the stored one (an older,
    shorter capture); the level only ever rises (加红 wins over 普通).
    """
    by_id = {item.id: item for item in existing}
    # Stored items that an incoming item owns by id, or that were matched already.
    taken = {item.id for item in incoming}
    result = Merge([], [], 0)
    for item in incoming:
        stored = by_id.get(item.id)
        if stored is None and existing:
            stored = _edited_original(item, existing, taken)
        if stored is None:
            result.inserts.append(item)
            continue
        taken.add(stored.id)
        merged = _merged(stored, item)
        if merged == stored:
            result.unchanged += 1
        else:
            result.updates.append((stored, merged))
    return result


def _edited_original(item: Item, existing: Sequence[Item], taken: set[str]) -> Item | None:
    """A stored item of the same minute that this one is an edit of: same title, or (both
    untitled) bodies that open with the same words."""
    key_title = title_key(item.title)
    key_opening = opening(item.body)
    for stored in existing:
        if stored.id in taken or stored.time != item.time:
            continue
        if key_title:
            if title_key(stored.title) == key_title:
                return stored
        elif stored.title is None and _same_opening(opening(stored.body), key_opening):
            return stored
    return None


def _same_opening(first: str, second: str) -> bool:
    shared = min(len(first), len(second), SAME_OPENING_LETTERS)
    return shared > 0 and first[:shared] == second[:shared]


def _merged(stored: Item, incoming: Item) -> Item:
    level = Level.IMPORTANT if Level.IMPORTANT in (stored.level, incoming.level) else Level.NORMAL
    stored_text = _text(stored)
    incoming_text = _text(incoming)
    older_capture = incoming_text != stored_text and extends(stored_text, incoming_text)
    source = stored if older_capture else incoming
    return dataclasses.replace(
        stored,
        title=source.title,
        body=source.body,
        source=source.source,
        kind=source.kind,
        column=source.column,
        level=level,
    )


def _text(item: Item) -> str:
    return f"【{item.title}】{item.body}" if item.title is not None else item.body
