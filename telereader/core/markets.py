"""The market layer of the library: each day's movers, the themes and companies its items name,
and the names learnt from them, kept in tables derived from the items.

Extraction (core/movers.py) is deterministic, so these tables are never the reader's data: an
import marks the days it changed as stale (`day_changed`, in the import's own transaction) and
`catch_up` extracts the stale days again, one transaction a day, so an interrupted catch-up
resumes where it stopped and a crash loses at most the day under way. Company names are learnt
from mover clauses (which name them unambiguously) and are then found wherever an item mentions
them; the reader may add a name the text never moved, or hide a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from telereader.core.markets_schema import (  # similar_to: read by the day's list, kept apart
    EXTRACTOR_VERSION,
    MARKET_TABLES,
    similar_to,  # noqa: F401
)
from telereader.core.movers import Mover, movers, themes
from telereader.core.pool import Pool, parsing_pool
from telereader.core.related import near_duplicates
from telereader.core.watchlists import mention_hits_of_day

if TYPE_CHECKING:
    from telereader.core.store import Store

COMPANY, THEME = "company", "theme"


@dataclass(frozen=True, slots=True)
class DayMover:
    day: dt.date
    time: dt.datetime
    item_id: str
    theme: str | None
    stock: str
    move: str

    def to_json(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "time": self.time.isoformat(timespec="minutes"),
            "item_id": self.item_id,
            "theme": self.theme,
            "stock": self.stock,
            "move": self.move,
        }


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    kind: str
    count: int  # items that name it

    def to_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "count": self.count}


def stale_days(conn: sqlite3.Connection) -> list[dt.date]:
    """Days whose market rows are missing or were extracted by older rules, newest first
    (the reader looks at recent days first)."""
    rows = conn.execute(
        "SELECT day FROM day_counts WHERE day NOT IN "
        "(SELECT day FROM market_days WHERE version = ?) ORDER BY day DESC",
        [EXTRACTOR_VERSION],
    )
    return [dt.date.fromisoformat(day) for (day,) in rows]


def catch_up(
    store: Store,
    days: Iterable[dt.date] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] | None = None,
    pool: Pool | None = None,
    workers: int | None = None,
) -> int:
    """Extract the stale days (of `days`, or all), one transaction each; how many were done.

    With `pool` (worker processes), a day's reading of its text (movers, themes,
    near-duplicates: the costly part) runs there while this process writes the days before;
    names are learnt and looked up here, in day order, so the rows are those of extracting one
    day after the other. Without `pool`, one is started for many days (`workers` of them, or
    as core/pool.py chooses), none for a few."""
    stale = stale_days(store.conn)
    if days is not None:
        wanted = set(days)
        stale = [day for day in stale if day in wanted]
    with nullcontext(pool) if pool is not None else parsing_pool(len(stale), workers) as pool:
        return _extract(store, stale, pool, cancelled, progress)


def _extract(
    store: Store,
    stale: list[dt.date],
    pool: Pool,
    cancelled: Callable[[], bool],
    progress: Callable[[int, int], None] | None,
) -> int:
    ahead = 1 if pool.in_process else pool.ahead
    queue, in_flight = iter(stale), []
    done = 0
    rules: ItemRows | None = None  # the known names, kept from day to day until some are learnt
    while not cancelled():
        while len(in_flight) < ahead and (day := next(queue, None)) is not None:
            rows = day_rows(store.conn, day)
            in_flight.append((day, rows, pool.submit(read_day, rows)))
        if not in_flight:
            break
        day, rows, job = in_flight.pop(0)
        with store.transaction():
            rules = write_day(store.conn, day, rows, job.result(), rules)
        done += 1
        if progress is not None:
            progress(done, len(stale))
    return done


DayRow = tuple[str, str, "str | None", str]  # id, time, title, body


@dataclass(frozen=True, slots=True)
class DayReading:
    """What a day's text says, read off it alone (no library needed: runs in a worker)."""

    duplicates: dict[str, str]  # near-duplicate id → the id standing for its story
    found: list[tuple[list[Mover], list[str]]]  # per row: its movers, its themes


def day_rows(conn: sqlite3.Connection, day: dt.date) -> list[DayRow]:
    return conn.execute(
        "SELECT id, time, title, body FROM items WHERE day = ? ORDER BY time, position",
        [day.isoformat()],
    ).fetchall()


def read_day(rows: list[DayRow]) -> DayReading:
    duplicates = near_duplicates(
        [
            (item_id, dt.datetime.fromisoformat(time), title, body)
            for item_id, time, title, body in rows
        ]
    )
    found = [(movers(title, body), themes(title, body)) for _, _, title, body in rows]
    return DayReading(duplicates, found)


def extract_day(conn: sqlite3.Connection, day: dt.date) -> None:
    """A day's movers and mentions, written afresh; the caller holds the transaction."""
    rows = day_rows(conn, day)
    write_day(conn, day, rows, read_day(rows))


def write_day(
    conn: sqlite3.Connection,
    day: dt.date,
    rows: list[DayRow],
    reading: DayReading,
    rules: ItemRows | None = None,
) -> ItemRows:
    """The day's rows, written afresh; `rules`: the known names as the day before left them
    (made again when this day learns a name). Gives them for the next day."""
    key = day.isoformat()
    for table in MARKET_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE day = ?", [key])
    conn.executemany(
        "INSERT INTO market_similar VALUES (?, ?, ?)",
        [(item_id, key, leader) for item_id, leader in reading.duplicates.items()],
    )
    changes = conn.total_changes
    learnt = _learn(conn, reading.found)
    if rules is None:
        rules = ItemRows(conn)
    elif conn.total_changes != changes:
        rules.learnt(conn, learnt)
    mover_rows, mention_rows = [], []
    for (item_id, _, title, body), (item_movers, item_themes) in zip(
        rows, reading.found, strict=True
    ):
        movers_of_item, mentions_of_item = rules.of_item(
            item_id, key, f"{title or ''}\n{body}", item_movers, item_themes
        )
        mover_rows += movers_of_item
        mention_rows += mentions_of_item
    conn.executemany("INSERT INTO market_movers VALUES (?, ?, ?, ?, ?, ?)", mover_rows)
    conn.executemany("INSERT OR IGNORE INTO market_mentions VALUES (?, ?, ?, ?)", mention_rows)
    mention_hits_of_day(conn, day)  # watchlists' `@name` keywords match through the mentions
    conn.execute(
        "INSERT OR REPLACE INTO market_days (day, version) VALUES (?, ?)", [key, EXTRACTOR_VERSION]
    )
    return rules


class ItemRows:
    """An item's movers and mentions as rows, with the names the library knows now: what a
    day's extraction writes for each of its items, and what adding a name rewrites for the
    items holding it (core/name_mentions.py)."""

    def __init__(self, conn: sqlite3.Connection):
        self.kinds = _known_names(conn)
        self.names = Names(self.kinds)
        self.hidden = _hidden(conn)

    def learnt(self, conn: sqlite3.Connection, names: set[str]) -> None:
        """`names` were offered to the library as learnt: those it now knows are looked up
        too (a name already there as a theme, or hidden, stays as it was)."""
        fresh = sorted(names - self.kinds.keys())
        for start in range(0, len(fresh), 500):
            chunk = fresh[start : start + 500]
            rows = conn.execute(
                "SELECT name, kind FROM market_names WHERE hidden = 0 AND "
                f"(kind = ? OR origin = 'reader') AND name IN ({','.join('?' * len(chunk))})",
                [COMPANY, *chunk],
            ).fetchall()
            self.kinds.update(rows)
            self.names.add(name for name, _ in rows)

    def of_item(
        self, item_id: str, key: str, text: str, item_movers: list[Mover], item_themes: list[str]
    ) -> tuple[list[tuple], list[tuple]]:
        """(mover rows, mention rows) of one item of day `key`; `text` is its title and body."""
        hidden = self.hidden
        mover_rows = [
            (item_id, key, order, mover.theme, mover.stock, mover.move)
            for order, mover in enumerate(item_movers)
            if mover.stock not in hidden
        ]
        names = {name: THEME for name in item_themes if name not in hidden}
        names.update({name: self.kinds[name] for name in self.names.mentioned(text)})
        return mover_rows, [(item_id, key, name, kind) for name, kind in names.items()]


class Names:
    """Known company names, looked up by their first two characters: finding them in a text is
    one dictionary probe per character some name starts with, then one set probe per length of
    the names of that opening, whatever the number of names."""

    def __init__(self, names: Iterable[str] = ()):
        self.known: set[str] = set()
        self.lengths: dict[str, list[int]] = {}  # opening → the lengths of its names, longest first
        self._next_first = _first_characters("")
        self.add(names)

    def add(self, names: Iterable[str]) -> None:
        openings = len(self.lengths)
        fresh = set(names) - self.known
        self.known |= fresh
        touched: dict[str, set[int]] = {}
        for name in fresh:
            touched.setdefault(name[:2], set()).add(len(name))
        for opening, lengths in touched.items():
            lengths.update(self.lengths.get(opening, ()))
            # longest first where names overlap
            self.lengths[opening] = sorted(lengths, reverse=True)
        if len(self.lengths) != openings:  # a new opening, maybe a new first character
            characters = "".join(sorted({opening[0] for opening in self.lengths}))
            self._next_first = _first_characters(characters)

    def mentioned(self, text: str) -> set[str]:
        """The names that occur in `text`, the longest where they overlap (中信海直 in
        中信海直跟涨, not a shorter name inside it). The regular expression skips, in C, the
        characters no name starts with (half the work of a character-by-character walk)."""
        found: set[str] = set()
        lookup, next_first, known = self.lengths.get, self._next_first, self.known
        position, end = 0, len(text) - 1
        while position < end:
            match = next_first(text, position, end)
            if match is None:
                break
            position = match.start()
            lengths = lookup(text[position : position + 2])
            if lengths:
                name = next(
                    (text[position : position + n] for n in lengths
                     if text[position : position + n] in known),
                    None,
                )  # fmt: skip
                if name:
                    found.add(name)
                    position += len(name)
                    continue
            position += 1
        return found


@lru_cache(maxsize=4)
def _first_characters(characters: str) -> Callable[[str, int, int], re.Match[str] | None]:
    """`search(text, start, end)` for the next of `characters` (the first characters of the
    known names, which change far less often than the names: compiled again only then)."""
    return re.compile(f"[{re.escape(characters)}]" if characters else "(?!)").search


def mentioned(text: str, known: frozenset[str]) -> set[str]:
    """The known names in `text` (see Names, which keeps the lookup for many texts)."""
    return Names(known).mentioned(text)


def _learn(conn: sqlite3.Connection, found: list[tuple[list[Mover], list[str]]]) -> set[str]:
    """The day's movers and themes offered as learnt names; the names offered."""
    learnt = [(mover.stock, COMPANY) for item_movers, _ in found for mover in item_movers]
    learnt += [(theme, THEME) for _, item_themes in found for theme in item_themes]
    conn.executemany(
        "INSERT OR IGNORE INTO market_names (name, kind, origin) VALUES (?, ?, 'learnt')", learnt
    )
    return {name for name, _ in learnt}


def _known_names(conn: sqlite3.Connection) -> dict[str, str]:
    """The names looked up in every text, with their kinds: learnt companies, and every name
    the reader added (a theme too: the extractor's phrases missed it)."""
    rows = conn.execute(
        "SELECT name, kind FROM market_names WHERE hidden = 0 AND (kind = ? OR origin = 'reader')",
        [COMPANY],
    )
    return dict(rows.fetchall())


def _hidden(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(name for (name,) in conn.execute("SELECT name FROM market_names WHERE hidden"))


def day_movers(conn: sqlite3.Connection, day_from: dt.date, day_to: dt.date) -> list[DayMover]:
    """The movers of the days from `day_from` to `day_to`, in reading order."""
    rows = conn.execute(
        "SELECT m.day, i.time, m.item_id, m.theme, m.stock, m.move FROM market_movers m "
        "JOIN items i ON i.id = m.item_id WHERE m.day BETWEEN ? AND ? "
        "ORDER BY m.day, i.time, i.position, m.ord",
        [day_from.isoformat(), day_to.isoformat()],
    )
    return [
        DayMover(dt.date.fromisoformat(day), dt.datetime.fromisoformat(time), *rest)
        for day, time, *rest in rows
    ]


def name_counts(
    conn: sqlite3.Connection,
    day_from: dt.date | None = None,
    day_to: dt.date | None = None,
    kind: str | None = None,
) -> list[NameCount]:
    """Companies and themes named in the range, with how many items name each, most first.

    Counted per name over the index of mentions by name alone (at ten years 1.7 M mentions: a
    join per mention with the names took 15 s); hidden names are then left out and the reader's
    aliases (core/reader_names.py) counted as the name they stand for, an item naming both
    once."""
    from telereader.core.reader_names import aliases

    conditions, params = [], []
    if day_from:
        conditions.append("day >= ?")
        params.append(day_from.isoformat())
    if day_to:
        conditions.append("day <= ?")
        params.append(day_to.isoformat())
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    per_name = conn.execute(
        f"SELECT name, count(*) FROM market_mentions{where} GROUP BY name", params
    ).fetchall()
    known = {
        name: (name_kind, hidden)
        for name, name_kind, hidden in conn.execute("SELECT name, kind, hidden FROM market_names")
    }
    stands_for = aliases(conn)
    counts: dict[str, int] = {}
    grouped: set[str] = set()
    for name, items in per_name:
        main = stands_for.get(name, name)
        if known.get(name, ("", 1))[1] or known.get(main, ("", 0))[1]:
            continue  # hidden, or no longer a name
        known.setdefault(main, known[name])  # an alias of a name the text never gave
        counts[main] = counts.get(main, 0) + items
        if main != name:
            grouped.add(main)
    for main in grouped:  # an item naming a company by two of its names counts once
        names = [main, *(alias for alias, target in stands_for.items() if target == main)]
        marks = ",".join("?" * len(names))
        counts[main] = conn.execute(
            "SELECT count(DISTINCT item_id) FROM market_mentions "
            f"WHERE name IN ({marks}){' AND ' + ' AND '.join(conditions) if conditions else ''}",
            [*names, *params],
        ).fetchone()[0]
    rows = [NameCount(name, known[name][0], count) for name, count in counts.items()]
    if kind:
        rows = [row for row in rows if row.kind == kind]
    return sorted(rows, key=lambda row: (-row.count, row.name))
