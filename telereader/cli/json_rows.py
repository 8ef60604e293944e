"""The JSON of the long listings, `days --json` and `items DAY --json`, written by template.

print_json writes the same text (tests/test_json_output.py holds them to it), but through a
dict a row and checks of every field: 4.3 ms for a day's 300 items and 4.4 ms for ten years of
days, most of what those commands spend besides their query and start (issue 19). A template
a row, with json's own string escaping (its C function), writes them in about a third.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from json.encoder import encode_basestring  # json.dumps(..., ensure_ascii=False)'s strings

from telereader.core.jsontext import indented_json
from telereader.core.terminal import inert_json, inert_json_text

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from telereader.core.stored import DaySummary, StoredItem


def days_json(listed: list[DaySummary]) -> str:
    """The text print_json prints for the days' to_json (a day's fields are a date and four
    counts, the store's integers: nothing to escape, nothing to make inert)."""
    if not listed:
        return "[]"
    try:
        return "[\n" + ",\n".join([_DAY % _day_fields(day) for day in listed]) + "\n]"
    except TypeError:  # a count that is not a number (None): json writes it
        return inert_json([day.to_json() for day in listed])


def _day_fields(day: DaySummary) -> tuple:
    return (day.day.isoformat(), day.items, day.important, day.starred, day.unread)


_DAY = (
    '  {\n    "day": "%s",\n    "items": %d,\n    "important": %d,\n    "starred": %d,\n'
    '    "unread": %d\n  }'
)


def print_items_json(items: Iterable[StoredItem], chunk: int = 100) -> None:
    """Print what print_json prints for the items' to_json, `chunk` items at a time (a day of
    any size in flat memory)."""
    opening = "["
    batch: list[str] = []
    for item in items:
        batch.append(item_json(item))
        if len(batch) == chunk:
            sys.stdout.write(opening + "\n" + inert_json_text(",\n".join(batch)))
            opening, batch = ",", []
    if batch:
        sys.stdout.write(opening + "\n" + inert_json_text(",\n".join(batch)))
        opening = ","
    sys.stdout.write("[]\n" if opening == "[" else "\n]\n")


def item_json(item: StoredItem) -> str:
    """One item's to_json as json.dumps(indent=2) writes it as an element of a list."""
    if item.watch:  # a list of names, written over several lines: json's own way
        return indented_json([item.to_json()])[2:-2]
    return _ITEM % (
        encode_basestring(item.id),
        item.day.isoformat(),
        item.time.isoformat(timespec="minutes"),
        _text(item.title),
        _text(item.body),
        _text(item.source),
        encode_basestring(str(item.level)),
        encode_basestring(str(item.kind)),
        _text(item.column),
        _TRUTH[item.starred],
        _text(item.note),
        _TRUTH[item.read],
    )


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


_TRUTH = {True: "true", False: "false"}
_ITEM = (
    '  {\n    "id": %s,\n    "day": "%s",\n    "time": "%s",\n    "title": %s,\n'
    '    "body": %s,\n    "source": %s,\n    "level": %s,\n    "kind": %s,\n'
    '    "column": %s,\n    "starred": %s,\n    "note": %s,\n    "read": %s,\n'
    '    "watch": []\n  }'
)
