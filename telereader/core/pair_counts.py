"""How many items hold each pair of characters, kept beside the index, and for the common
pairs how many on each digest day.

A pair (降息, 财联) is one token of the index, but its total was a walk over its entries: 财联
is in 932,000 items at ten years, 17-80 ms a count, and a trend of a common pair by day walked
them all (0.5-2 s). The index writes (index_writes.py: imports, edits, Delete day, restores)
keep these counts in step, so a two-character search's total is one lookup.

Per-day rows are kept only for pairs in at least `COMMON_PAIR_ITEMS` items (`by_day`): below
that, listing a pair's matches for a trend is quicker than the room its rows would take
(docs/benchmarks.md, pairs15). A pair is back-filled once, when it crosses the threshold, and
kept by every index write after; it stays kept if it falls back below.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections import Counter
from collections.abc import Sequence

from telereader.core.search_index import INDEX_TABLE

PAIR_COUNTS = "search_pair_counts"
PAIR_COUNTS_DDL = (
    f"CREATE TABLE {PAIR_COUNTS} (token TEXT PRIMARY KEY, items INTEGER NOT NULL, "
    "by_day INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"
)
# the common pairs, read at every index write: a few hundred rows of a table of every pair
COMMON_PAIRS_INDEX_DDL = (
    f"CREATE INDEX search_common_pairs ON {PAIR_COUNTS} (token) WHERE by_day"
)
PAIR_DAYS = "search_pair_days"
PAIR_DAYS_DDL = (
    f"CREATE TABLE {PAIR_DAYS} (token TEXT NOT NULL, day TEXT NOT NULL, "
    "items INTEGER NOT NULL, PRIMARY KEY (token, day)) WITHOUT ROWID"
)
# Listing a pair's matches and placing them on their days costs ~0.4 µs a match plus ~15 ms at
# ten years: ~55 ms at this many, 100 ms near 230,000 (docs/benchmarks.md, pairs15). A pair this
# common keeps its counts per day; the rest are listed, within half the 100 ms budget so that a
# busy machine stays under it.
COMMON_PAIR_ITEMS = 100_000

_ADD = (
    f"INSERT INTO {PAIR_COUNTS} (token, items) VALUES (?, ?) "
    "ON CONFLICT (token) DO UPDATE SET items = items + excluded.items"
)
_ADD_DAY = (
    f"INSERT INTO {PAIR_DAYS} (token, day, items) VALUES (?, ?, ?) "
    "ON CONFLICT (token, day) DO UPDATE SET items = items + excluded.items"
)


def count_pairs(
    conn: sqlite3.Connection,
    items: Sequence[tuple[str, list[str]]],
    sign: int,
) -> None:
    """Add (sign 1) or take away (-1) items, each (day, its distinct pair tokens), to the
    totals, and to the per-day rows of the common pairs; a pair the items make common is
    back-filled from the index (which must already hold them)."""
    totals: Counter[str] = Counter()
    for _, pairs in items:
        totals.update(pairs)
    if not totals:
        return
    kept = {row[0] for row in conn.execute(f"SELECT token FROM {PAIR_COUNTS} WHERE by_day")}
    by_day: Counter[tuple[str, str]] = Counter()
    for day, pairs in items:
        by_day.update((token, day) for token in kept.intersection(pairs))
    crossing = _crossing(conn, totals, kept) if sign > 0 else []
    conn.executemany(_ADD, [(token, sign * n) for token, n in totals.items()])
    conn.executemany(_ADD_DAY, [(token, day, sign * n) for (token, day), n in by_day.items()])
    for token in crossing:
        back_fill_days(conn, token)


def _crossing(conn: sqlite3.Connection, added: Counter[str], kept: set[str]) -> list[str]:
    """The pairs that `added` items take to COMMON_PAIR_ITEMS, from their counts before, read
    in one query (a query a pair was most of a day's import: ~20,000 distinct pairs a day)."""
    before = dict(
        conn.execute(
            f"SELECT token, items FROM {PAIR_COUNTS} WHERE token IN "
            "(SELECT value FROM json_each(?)) AND NOT by_day",
            [json.dumps(list(added), ensure_ascii=False)],
        )
    )
    return [
        token
        for token, n in added.items()
        if token not in kept and before.get(token, 0) + n >= COMMON_PAIR_ITEMS
    ]


def back_fill_days(conn: sqlite3.Connection, token: str) -> None:
    """Count a pair's items per day from the index and keep its per-day rows from now on."""
    conn.execute(f"DELETE FROM {PAIR_DAYS} WHERE token = ?", [token])
    conn.executemany(
        f"INSERT INTO {PAIR_DAYS} (token, day, items) VALUES (?, ?, ?)",
        [(token, day, items) for day, items in _days_of_pair(conn, token).items()],
    )
    conn.execute(f"UPDATE {PAIR_COUNTS} SET by_day = 1 WHERE token = ?", [token])


def _days_of_pair(conn: sqlite3.Connection, token: str) -> dict[str, int]:
    """The pair's items per day: its keys listed in one aggregate row and placed by the days'
    key ranges (`day_counts`, as trend.py does: ~1 µs a key, where a join to `items` took ~6);
    the keys of no range (a day being imported, overlapping days) are looked up in `items`."""
    listed = conn.execute(
        f"SELECT group_concat(rowid) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?",
        [f'"{token}"'],
    ).fetchone()[0]
    keys = sorted(map(int, listed.split(","))) if listed else []
    ranges = conn.execute(
        "SELECT min_seq, max_seq, day FROM day_counts WHERE min_seq IS NOT NULL ORDER BY min_seq"
    ).fetchall()
    tally: dict[str, int] = {}
    placed = [False] * len(keys)
    previous_high = None
    for low, high, day in ranges:
        if previous_high is not None and low <= previous_high:
            placed = [False] * len(keys)  # overlapping days: a key's day is unclear
            tally = {}
            break
        previous_high = high
        start, end = bisect.bisect_left(keys, low), bisect.bisect_right(keys, high)
        if end > start:
            tally[day] = end - start
            placed[start:end] = [True] * (end - start)
    rest = [key for key, done in zip(keys, placed, strict=True) if not done]
    for start in range(0, len(rest), 500):
        chunk = rest[start : start + 500]
        for day, items in conn.execute(
            f"SELECT day, count(*) FROM items WHERE seq IN ({','.join('?' * len(chunk))}) "
            "GROUP BY day",
            chunk,
        ):
            tally[day] = tally.get(day, 0) + items
    return tally


def fill_pair_counts(conn: sqlite3.Connection) -> list[str]:
    """The totals of every pair, read from the index's own vocabulary (FTS5 `fts5vocab`, `row`
    type: the number of rows holding each term; the pairs are its two-character terms). Returns
    the pairs common enough to be back-filled by day, most common first."""
    conn.execute(f"DROP TABLE IF EXISTS {PAIR_COUNTS}")
    conn.execute(PAIR_COUNTS_DDL)
    conn.execute(COMMON_PAIRS_INDEX_DDL)
    conn.execute(f"DROP TABLE IF EXISTS {PAIR_DAYS}")
    conn.execute(PAIR_DAYS_DDL)
    conn.execute(
        f"CREATE VIRTUAL TABLE temp.pair_vocabulary USING fts5vocab(main, {INDEX_TABLE}, row)"
    )
    try:
        conn.execute(
            f"INSERT INTO {PAIR_COUNTS} (token, items) "
            "SELECT term, doc FROM temp.pair_vocabulary WHERE length(term) = 2 AND doc > 0"
        )
    finally:
        conn.execute("DROP TABLE temp.pair_vocabulary")
    return [
        row[0]
        for row in conn.execute(
            f"SELECT token FROM {PAIR_COUNTS} WHERE items >= ? ORDER BY items DESC",
            [COMMON_PAIR_ITEMS],
        )
    ]


def items_with_pair(conn: sqlite3.Connection, token: str) -> int:
    row = conn.execute(f"SELECT items FROM {PAIR_COUNTS} WHERE token = ?", [token]).fetchone()
    return row[0] if row else 0


def items_with_pair_by_day(
    conn: sqlite3.Connection, token: str, first: str, last: str
) -> list[tuple[str, int]] | None:
    """(day, items holding the pair) for each digest day from `first` to `last` (ISO text,
    inclusive) where some item does, or None when the pair is not common enough to be kept by
    day."""
    row = conn.execute(f"SELECT by_day FROM {PAIR_COUNTS} WHERE token = ?", [token]).fetchone()
    if not row or not row[0]:
        return None
    return conn.execute(
        f"SELECT day, items FROM {PAIR_DAYS} WHERE token = ? AND day BETWEEN ? AND ? "
        "AND items > 0",
        [token, first, last],
    ).fetchall()
