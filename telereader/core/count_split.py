"""A search's big total counted in parts, side by side, on read connections of their own.

A total the kept counts do not answer (pair_counts.py, index_writes.py) is `SELECT count(*) …
MATCH`, a walk of every index entry of the query's tokens: ~45 ns an entry at ten years, so
海关总署副署 (five pairs, 807,000 entries) takes 35 ms of CPU and 3.4% (three tokens, 365,000
entries) 17 ms, while the first page is under a millisecond. Python's sqlite3 lets go of the
GIL while SQLite steps, so the keys are cut into disjoint ranges (`rowid < s1`, `s1 <= rowid <
s2`, …, `rowid >= sk`: every key in exactly one, whatever the keys are), each range is counted
on its own connection at once, and the parts are summed: the same number, sooner on several
cores (docs/benchmarks.md, count15).

It only pays for a long walk: a thread and a second statement cost a few tenths of a
millisecond. The walk is estimated from the kept counts of the expression's tokens (how many
entries it reads, `walk_estimate`); a query below `SPLIT_FROM_ENTRIES` is counted as before.
The cut points split the span of keys (times) into equal parts: items are spread over time
about evenly, a term's matches less so, which makes the parts uneven but never the sum wrong.

The extra connections belong to the store (`Store.count_helpers`), are opened when a count is
first split and closed with it. A count is never split inside a transaction (the helpers would
not see its writes), nor while another split count of the same store runs, nor when a filter
needs the join to `items` (the caller decides: it passes only statements the index answers).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from telereader.core.index_writes import kept_items
from telereader.core.query import Query
from telereader.core.search_index import INDEX_TABLE, expression_tokens
from telereader.core.search_plan import SearchPlan
from telereader.core.sqlite_memory import memory_statistics_off
from telereader.core.store import Store

# ~9 ms of counting at ~45 ns an entry: below it the threads' cost is a larger share than the
# time a split could save (docs/benchmarks.md, count15)
SPLIT_FROM_ENTRIES = 200_000
MAX_PARTS = 4
_BUSY_TIMEOUT_S = 10.0


def count_parts() -> int:
    """Into how many parts a big count is cut: one per core, at most MAX_PARTS; one (no split)
    while SQLite keeps memory statistics, under whose mutex threads only take turns
    (sqlite_memory.py)."""
    if not memory_statistics_off():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_PARTS))


def walk_estimate(conn: sqlite3.Connection, query: Query) -> int:
    """The index entries a count of the query reads: the kept item counts of every token of
    its terms, exclusions included (an upper bound of the walk, and its cost's measure)."""
    terms = (*query.include, *query.exclude)
    return sum(kept_items(conn, token) for term in terms for token in expression_tokens(term))


def should_split(entries: int, parts: int) -> bool:
    """Whether a count reading about `entries` index entries is worth cutting into `parts`."""
    return parts > 1 and entries >= SPLIT_FROM_ENTRIES


def share_of_items(conn: sqlite3.Connection, keys: tuple[int, int]) -> float:
    """About what part of the library's items hold a key in the range (a date range's share of
    the walk: an entry outside it is skipped, not read), from the span of keys (times) it
    covers, as `cut_points` assumes."""
    first, last = _key_span(conn)
    if first is None or last is None or last <= first:
        return 1.0
    covered = min(keys[1], last) - max(keys[0], first)
    return max(0.0, min(1.0, covered / (last - first)))


def _key_span(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
    return conn.execute(
        "SELECT (SELECT min(seq) FROM items), (SELECT max(seq) FROM items)"
    ).fetchone()


def cut_points(conn: sqlite3.Connection, parts: int, keys: tuple[int, int] | None) -> list[int]:
    """Up to `parts - 1` increasing keys cutting the key range (the items', or `keys`) into
    equal spans. A key is a time (store.seq_for), and items come about evenly over time, so
    the spans hold about as many items; asking `day_counts` for the items' quantiles took 5-9
    ms at ten years, as long as the parts' counts, the very time a split is to save."""
    low, high = keys if keys is not None else _key_span(conn)
    if low is None or high is None or high <= low:
        return []
    points = [low + (high - low) * part // parts for part in range(1, parts)]
    return sorted({point for point in points if low < point <= high})


def range_conditions(points: Sequence[int]) -> list[tuple[str, list[int]]]:
    """The WHERE conditions (and parameters) of the ranges the cut points make: together they
    hold every key once."""
    rowid = f"{INDEX_TABLE}.rowid"
    if not points:
        return [("", [])]
    ranges = [(f" AND {rowid} < ?", [points[0]])]
    ranges += [
        (f" AND {rowid} >= ? AND {rowid} < ?", [low, high]) for low, high in pairwise(points)
    ]
    ranges.append((f" AND {rowid} >= ?", [points[-1]]))
    return ranges


def count_in_parts(
    store: Store, query: Query, plan: SearchPlan, statement: str, params: list
) -> int | None:
    """The count of `statement` (a `count(*)` of the index alone: no join to `items`) cut
    into parts counted side by side, or None when a split does not pay or cannot be made: the
    caller counts in one statement then. Under a date range (`plan.keys`) the walk is
    estimated at the range's share of the items, and only its days are cut."""
    parts = count_parts()
    conn = store.conn
    if parts < 2 or conn.in_transaction or plan.extra_match or plan.few is not None:
        return None  # 加红 ANDs a rare token: FTS5 skips through the walk, nothing to split
    entries = walk_estimate(conn, query)
    if plan.keys is not None and should_split(entries, parts):
        entries = round(entries * share_of_items(conn, plan.keys))
    if not should_split(entries, parts):
        return None
    points = cut_points(conn, parts, plan.keys)
    if not points:
        return None
    statements = [
        (statement + condition, [*params, *bounds])
        for condition, bounds in range_conditions(points)
    ]
    if store.count_helpers is None:
        store.count_helpers = CountHelpers(store.path)
    return store.count_helpers.count(conn, statements)


class CountHelpers:
    """A store's extra read connections for the parts of a split count beyond the caller's
    own: opened when first needed, used by one split count at a time, closed with the store."""

    def __init__(self, path: Path):
        self.path = path
        self.connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    def count(self, conn: sqlite3.Connection, statements: list[tuple[str, list]]) -> int | None:
        """The sum of the counts of `statements`, the first on `conn` (the caller's: its
        progress handler still interrupts it), the others each on a helper connection on a
        thread of its own. None when another split count holds the helpers."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._closed:
                return None
            helpers = self._connections(len(statements) - 1)
            return _count_side_by_side(conn, helpers, statements)
        finally:
            self._lock.release()

    def _connections(self, wanted: int) -> list[sqlite3.Connection]:
        while len(self.connections) < wanted:
            helper = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, check_same_thread=False)
            helper.execute("PRAGMA query_only = on")  # a reader, whatever runs on it
            self.connections.append(helper)
        return self.connections[:wanted]

    def close(self) -> None:
        with self._lock:  # after a split count still running on them
            self._closed = True
            for helper in self.connections:
                helper.close()
            self.connections = []


def _count_side_by_side(
    conn: sqlite3.Connection,
    helpers: list[sqlite3.Connection],
    statements: list[tuple[str, list]],
) -> int:
    counts = [0] * len(statements)
    errors: list[BaseException] = []

    def count_on(helper: sqlite3.Connection, index: int) -> None:
        try:
            statement, params = statements[index]
            counts[index] = helper.execute(statement, params).fetchone()[0]
        except BaseException as error:  # re-raised on the caller's thread
            errors.append(error)

    threads = [
        threading.Thread(target=count_on, args=(helper, index), daemon=True)
        for index, helper in enumerate(helpers, start=1)
    ]
    for thread in threads:
        thread.start()
    try:
        statement, params = statements[0]
        counts[0] = conn.execute(statement, params).fetchone()[0]
    except BaseException:
        for helper in helpers:  # the caller's part was interrupted: so are the others
            helper.interrupt()
        raise
    finally:
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    return sum(counts)
