"""Per-day word statistics, caught up in the background after imports.

Each digest day is counted once: how many of its news items (teasers are adverts, not news) hold
each word. A day is written in one transaction, with the library-wide totals it changes, so an
interrupted catch-up (closed window, crash) loses at most the day in flight and the next one
resumes where it stopped. A day whose item count changed since it was counted (a later capture
of the same day) is counted again; a deleted day's words leave the totals.

Cutting is the slow part (jieba, ~0.2 M characters a second a core), so days are cut in worker
processes (core/pool.py) while this process writes: the window's thread only waits on results.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telereader.core.collocations import learn_in_worker, remember
from telereader.core.lexicon import learn_from_library, lexicon_words
from telereader.core.pool import Pool, parsing_pool
from telereader.core.wordcut import count_in_worker

if TYPE_CHECKING:
    from telereader.core.store import Store

@dataclass
class CatchUp:
    """How far a catch-up got: days counted of the days that were pending, and how long."""

    done: int = 0
    pending: int = 0
    elapsed_s: float = 0.0
    stopped: bool = False  # asked to stop before the end; the rest waits for the next run


def pending_days(store: Store) -> list[str]:
    """Days not counted yet, or counted with another number of items; newest first, so that
    what a reader looks at first is ready first."""
    return [
        row[0]
        for row in store.conn.execute(
            "SELECT day_counts.day FROM day_counts LEFT JOIN word_days USING (day) "
            "WHERE word_days.day IS NULL OR word_days.items != day_counts.items "
            "ORDER BY day_counts.day DESC"
        )
    ]


def news_items(store: Store, day: str) -> list[tuple[str | None, str]]:
    return store.conn.execute(
        "SELECT title, body FROM items WHERE day = ? AND kind != 'teaser'", [day]
    ).fetchall()


def save_day(
    store: Store, day: str, counts: dict[str, tuple[int, float]], items: int, counted: int
) -> None:
    """Replace one day's words (word → (items holding it, generic share)) and the totals they
    add to, in one transaction. `items` is the day's item count, `counted` its news items."""
    conn = store.db.conn
    with store.db.atomic():
        _forget(conn, day)
        conn.executemany(
            "INSERT INTO day_words (day, word, items) VALUES (?, ?, ?)",
            [(day, word, count) for word, (count, _) in counts.items()],
        )
        conn.executemany(
            "INSERT INTO word_totals (word, items, generic) VALUES (?, ?, ?) "
            "ON CONFLICT (word) DO UPDATE SET items = items + excluded.items",
            [(word, count, generic) for word, (count, generic) in counts.items()],
        )
        conn.execute(
            "INSERT OR REPLACE INTO word_days (day, items, counted) VALUES (?, ?, ?)",
            [day, items, counted],
        )


def _forget(conn, day: str) -> None:
    old = conn.execute("SELECT items, word FROM day_words WHERE day = ?", [day]).fetchall()
    conn.executemany("UPDATE word_totals SET items = items - ? WHERE word = ?", old)
    conn.execute("DELETE FROM day_words WHERE day = ?", [day])
    conn.execute("DELETE FROM word_days WHERE day = ?", [day])


def forget_deleted_days(store: Store) -> int:
    """Take the words of days no longer in the library out of the statistics."""
    gone = [
        row[0]
        for row in store.conn.execute(
            "SELECT day FROM word_days WHERE day NOT IN (SELECT day FROM day_counts)"
        )
    ]
    for day in gone:
        with store.db.atomic():
            _forget(store.db.conn, day)
    return len(gone)


def catch_up(
    store: Store,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    pool: Pool | None = None,
) -> CatchUp:
    """Count every pending day; `progress(done, pending)` after each day. `workers=0` cuts in
    this process (tests, a few days); None lets the pool choose by the number of days. A
    `pool` kept by the caller (the window's) spares each catch-up starting workers and loading
    the dictionary anew."""
    began = time.perf_counter()
    forget_deleted_days(store)
    days = pending_days(store)
    result = CatchUp(pending=len(days))
    if not days:
        return result
    learn_from_library(store, day_from=min(days))
    item_counts = dict(store.conn.execute("SELECT day, items FROM day_counts").fetchall())
    with nullcontext(pool) if pool is not None else parsing_pool(len(days), workers) as pool:
        # terms that recur as a unit (固态/电池), learnt from the days about to be counted
        # so that they are counted whole (collocations.py)
        learnt = pool.submit(
            learn_in_worker, str(store.path), min(days), lexicon_words(store), not pool.in_process
        )
        remember(store, learnt.result())
        lexicon = lexicon_words(store)
        in_flight: list[tuple[str, int, object]] = []
        queue = iter(days)
        ahead = 1 if pool.in_process else pool.ahead
        while True:
            while len(in_flight) < ahead and (day := next(queue, None)) is not None:
                items = news_items(store, day)
                job = pool.submit(count_in_worker, items, lexicon, not pool.in_process)
                in_flight.append((day, len(items), job))
            if not in_flight:
                break
            day, counted, job = in_flight.pop(0)
            save_day(store, day, job.result(), item_counts.get(day, 0), counted)
            result.done += 1
            if progress is not None:
                progress(result.done, result.pending)
            if should_stop is not None and should_stop():
                result.stopped = result.done < result.pending
                break
    result.elapsed_s = time.perf_counter() - began
    return result
