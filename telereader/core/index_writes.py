"""Writing the search index, and beside it how many items hold each character, in step.

A one-character search ("美" as the reader starts typing) matches a large part of a ten-year
library (286,000 items for a median character): counting its index entries took 40-110 ms.
The counts kept here answer that total in microseconds; every write of the index goes through
these functions so that they never drift apart.

The same counts are kept per digest day too (`CHAR_DAYS`): a trend of one character (的, 国,
matched by most of the library) is then a sum over a small table instead of a walk over half a
million index entries (trend.py; docs/benchmarks.md, issue 16). Pairs of characters are
counted likewise, in pair_counts.py.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from telereader.core.pair_counts import count_pairs, items_with_pair, items_with_pair_by_day
from telereader.core.search_index import INDEX_TABLE, characters_of, pairs_of

CHAR_COUNTS = "search_char_counts"
CHAR_COUNTS_DDL = (
    f"CREATE TABLE {CHAR_COUNTS} (token TEXT PRIMARY KEY, items INTEGER NOT NULL) WITHOUT ROWID"
)
_ADD = (
    f"INSERT INTO {CHAR_COUNTS} (token, items) VALUES (?, ?) "
    "ON CONFLICT (token) DO UPDATE SET items = items + excluded.items"
)
CHAR_DAYS = "search_char_days"
CHAR_DAYS_DDL = (
    f"CREATE TABLE {CHAR_DAYS} (token TEXT NOT NULL, day TEXT NOT NULL, "
    "items INTEGER NOT NULL, PRIMARY KEY (token, day)) WITHOUT ROWID"
)
_ADD_DAY = (
    f"INSERT INTO {CHAR_DAYS} (token, day, items) VALUES (?, ?, ?) "
    "ON CONFLICT (token, day) DO UPDATE SET items = items + excluded.items"
)


def add_to_index(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Index items: (seq, index_text, digest day as ISO text) each."""
    write_index_and_totals(conn, [(seq, text) for seq, text, _ in rows])
    count_character_days(conn, [(day, characters_of(text)) for _, text, day in rows], 1)
    count_pairs(conn, [(day, pairs_of(text)) for _, text, day in rows], 1)


def remove_from_index(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Take items out of the index: (seq, the index_text they were indexed with, day) each."""
    conn.executemany(
        f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, tokens) VALUES ('delete', ?, ?)",
        [(seq, text) for seq, text, _ in rows],
    )
    _count(conn, rows, -1)
    count_character_days(conn, [(day, characters_of(text)) for _, text, day in rows], -1)
    count_pairs(conn, [(day, pairs_of(text)) for _, text, day in rows], -1)


def write_index_and_totals(conn: sqlite3.Connection, rows: Sequence[tuple[int, str]]) -> None:
    """The index and the library-wide character totals alone (what migration 6 built, before
    the per-day counts existed)."""
    conn.executemany(f"INSERT INTO {INDEX_TABLE} (rowid, tokens) VALUES (?, ?)", rows)
    _count(conn, rows, 1)


def count_character_days(
    conn: sqlite3.Connection, items: Sequence[tuple[str, list[str]]], sign: int
) -> None:
    """Add (sign 1) or take away (-1) items, each (day, its distinct characters), to the
    per-day counts."""
    counts: Counter[tuple[str, str]] = Counter()
    for day, characters in items:
        counts.update((token, day) for token in characters)
    conn.executemany(_ADD_DAY, [(token, day, sign * n) for (token, day), n in counts.items()])


def items_with_character(conn: sqlite3.Connection, token: str) -> int:
    row = conn.execute(f"SELECT items FROM {CHAR_COUNTS} WHERE token = ?", [token]).fetchone()
    return row[0] if row else 0


def items_with_character_by_day(
    conn: sqlite3.Connection, token: str, first: str, last: str
) -> list[tuple[str, int]]:
    """(day, items holding the character) for each digest day from `first` to `last` (ISO
    text, inclusive) where some item does."""
    return conn.execute(
        f"SELECT day, items FROM {CHAR_DAYS} WHERE token = ? AND day BETWEEN ? AND ? "
        "AND items > 0",
        [token, first, last],
    ).fetchall()


def kept_items(conn: sqlite3.Connection, token: str) -> int:
    """The items holding an index token (a character or a pair), as the index writes keep
    them: no walk over the index."""
    return items_with_character(conn, token) if len(token) == 1 else items_with_pair(conn, token)


def kept_items_by_day(
    conn: sqlite3.Connection, token: str, first: str, last: str
) -> list[tuple[str, int]] | None:
    """(day, items holding the token) from `first` to `last`, or None for a pair not common
    enough to be kept by day (pair_counts.py)."""
    if len(token) == 1:
        return items_with_character_by_day(conn, token, first, last)
    return items_with_pair_by_day(conn, token, first, last)


def _count(conn: sqlite3.Connection, rows: Sequence[tuple], sign: int) -> None:
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(characters_of(row[1]))
    conn.executemany(_ADD, [(token, sign * items) for token, items in counts.items()])
