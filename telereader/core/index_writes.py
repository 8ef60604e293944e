"""Writing the search index, and beside it how many items hold each character, in step.

A one-character search ("美" as the reader starts typing) matches a large part of a ten-year
library (286,000 items for a median character): counting its index entries took 40-110 ms.
The counts kept here answer that total in microseconds; every write of the index goes through
these two functions so that they never drift apart.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from telereader.core.search_index import INDEX_TABLE, characters_of

CHAR_COUNTS = "search_char_counts"
CHAR_COUNTS_DDL = (
    f"CREATE TABLE {CHAR_COUNTS} (token TEXT PRIMARY KEY, items INTEGER NOT NULL) WITHOUT ROWID"
)
_ADD = (
    f"INSERT INTO {CHAR_COUNTS} (token, items) VALUES (?, ?) "
    "ON CONFLICT (token) DO UPDATE SET items = items + excluded.items"
)


def add_to_index(conn: sqlite3.Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Index items: (seq, index_text) each."""
    conn.executemany(f"INSERT INTO {INDEX_TABLE} (rowid, tokens) VALUES (?, ?)", rows)
    _count(conn, rows, 1)


def remove_from_index(conn: sqlite3.Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Take items out of the index: (seq, the index_text they were indexed with) each."""
    conn.executemany(
        f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, tokens) VALUES ('delete', ?, ?)", rows
    )
    _count(conn, rows, -1)


def items_with_character(conn: sqlite3.Connection, token: str) -> int:
    row = conn.execute(f"SELECT items FROM {CHAR_COUNTS} WHERE token = ?", [token]).fetchone()
    return row[0] if row else 0


def _count(conn: sqlite3.Connection, rows: Sequence[tuple[int, str]], sign: int) -> None:
    counts: Counter[str] = Counter()
    for _, text in rows:
        counts.update(characters_of(text))
    conn.executemany(_ADD, [(token, sign * items) for token, items in counts.items()])
