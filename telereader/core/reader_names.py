"""The reader's corrections of the market layer's names: a name the extractor missed, added; a
wrong one (a fragment of market-speak), hidden; an alias (宁王 for 宁德时代, or a ticker),
counted as the name it stands for.

These are the reader's own data (table `market_reader_names`, kept by backups), apart from the
derived tables: `market_names` (learnt names) is brought in line with them after every change
(`apply_reader_names`), so a re-import or a catch-up run, which reads `market_names`, extracts
with them. A name added (or an alias) is written at once into the rows of the items whose text
holds it (found through the search index: core/name_mentions.py); a hidden name's rows go at
once; forgetting or restoring a name marks stale the days holding it, which the next catch-up
extracts again. Aliases are applied when reading (`aliases`, `group_of`): changing one needs no
extraction beyond finding the alias itself in the text.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telereader.core.markets_schema import MARKET_NAME_KINDS

if TYPE_CHECKING:
    from telereader.core.store import Store

READER_NAMES = "market_reader_names"
READER_NAMES_DDL = (
    f"CREATE TABLE IF NOT EXISTS {READER_NAMES} (name TEXT PRIMARY KEY, kind TEXT NOT NULL, "
    "hidden INTEGER NOT NULL DEFAULT 0, alias_of TEXT, changed_at TEXT NOT NULL) WITHOUT ROWID"
)


@dataclass(frozen=True, slots=True)
class ReaderName:
    name: str
    kind: str
    hidden: bool
    alias_of: str | None
    changed_at: str

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "hidden": self.hidden,
            "alias_of": self.alias_of,
            "changed_at": self.changed_at,
        }


def reader_names(conn: sqlite3.Connection) -> list[ReaderName]:
    rows = conn.execute(
        f"SELECT name, kind, hidden, alias_of, changed_at FROM {READER_NAMES} ORDER BY name"
    )
    return [
        ReaderName(name, kind, bool(hidden), alias, at) for name, kind, hidden, alias, at in rows
    ]


def add_name(store: Store, name: str, kind: str = "company") -> int:
    """The reader adds `name` (shown again if it was hidden); how many days' rows were written
    again (those whose text holds it: core/name_mentions.py)."""
    return _change(store, name, kind, hidden=False, alias_of=None)


def hide_name(store: Store, name: str) -> int:
    """The reader hides `name`: no mention, mover or count of it from now on."""
    kind = _kind_of(store.conn, name)
    with store.transaction():
        stale = _days_holding_rows(store.conn, name)
        store.conn.execute("DELETE FROM market_mentions WHERE name = ?", [name])
        store.conn.execute("DELETE FROM market_movers WHERE stock = ?", [name])
        _write(store.conn, name, kind, hidden=True, alias_of=None)
        _mark_stale(store.conn, stale)
    return len(stale)


def alias_name(store: Store, alias: str, name: str) -> int:
    """`alias` (宁王) is another name of `name` (宁德时代): found in the text as a name, counted
    and listed as `name`."""
    if alias == name:
        raise ValueError("an alias names another name")
    return _change(store, alias, _kind_of(store.conn, name), hidden=False, alias_of=name)


def forget_name(store: Store, name: str) -> int:
    """Undo the reader's word on `name` (added, hidden or alias): it is as the text says."""
    with store.transaction():
        store.conn.execute(f"DELETE FROM {READER_NAMES} WHERE name = ?", [name])
        store.conn.execute("UPDATE market_names SET hidden = 0 WHERE name = ?", [name])
        store.conn.execute("DELETE FROM market_names WHERE name = ? AND origin = 'reader'", [name])
        stale = _days_holding_text(store, name) | _days_holding_rows(store.conn, name)
        _mark_stale(store.conn, stale)
    return len(stale)


def apply_reader_names(conn: sqlite3.Connection) -> None:
    """Bring the learnt names in line with the reader's (after a migration or a restore)."""
    for entry in reader_names(conn):
        _sync(conn, entry.name, entry.kind, entry.hidden)


def restore_names(store: Store, entries: list[dict]) -> int:
    """A backup's names (checked by backup_schema), for those the library has no word on
    (the library's own word is newer or the reader's choice here); how many were taken."""
    known = {entry.name for entry in reader_names(store.conn)}
    taken = 0
    with store.transaction():
        for entry in entries:
            name = entry["name"].strip()
            if name in known:
                continue
            kind = entry.get("kind") or "company"
            hidden = bool(entry.get("hidden"))
            _write(store.conn, name, kind, hidden=hidden, alias_of=entry.get("alias_of"))
            stale = _days_holding_text(store, name) | _days_holding_rows(store.conn, name)
            if hidden:
                store.conn.execute("DELETE FROM market_mentions WHERE name = ?", [name])
                store.conn.execute("DELETE FROM market_movers WHERE stock = ?", [name])
            _mark_stale(store.conn, stale)
            known.add(name)
            taken += 1
    return taken


def aliases(conn: sqlite3.Connection) -> dict[str, str]:
    """Each alias → the name it stands for (one step: an alias of an alias is followed)."""
    rows = conn.execute(
        f"SELECT name, alias_of FROM {READER_NAMES} WHERE alias_of IS NOT NULL AND hidden = 0"
    )
    direct = dict(rows.fetchall())
    return {alias: direct.get(name, name) for alias, name in direct.items()}


def group_of(conn: sqlite3.Connection, name: str) -> list[str]:
    """`name` (or the name an alias stands for) and all its aliases: one company's names."""
    table = aliases(conn)
    main = table.get(name, name)
    return [main, *sorted(alias for alias, target in table.items() if target == main)]


def _change(store: Store, name: str, kind: str, *, hidden: bool, alias_of: str | None) -> int:
    name = name.strip()
    if not name or kind not in MARKET_NAME_KINDS:
        raise ValueError(f"not a name: {name!r} ({kind})")
    from telereader.core.name_mentions import write_name_anew

    with store.transaction():
        _write(store.conn, name, kind, hidden=hidden, alias_of=alias_of)
        return write_name_anew(store, name)


def _write(
    conn: sqlite3.Connection, name: str, kind: str, *, hidden: bool, alias_of: str | None
) -> None:
    from telereader.core.store import now

    conn.execute(
        f"INSERT OR REPLACE INTO {READER_NAMES} (name, kind, hidden, alias_of, changed_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [name, kind, int(hidden), alias_of, now()],
    )
    _sync(conn, name, kind, hidden)


def _sync(conn: sqlite3.Connection, name: str, kind: str, hidden: bool) -> None:
    conn.execute(
        "INSERT INTO market_names (name, kind, origin, hidden) VALUES (?, ?, 'reader', ?) "
        "ON CONFLICT (name) DO UPDATE SET hidden = excluded.hidden, kind = excluded.kind",
        [name, kind, int(hidden)],
    )


def _kind_of(conn: sqlite3.Connection, name: str) -> str:
    row = conn.execute("SELECT kind FROM market_names WHERE name = ?", [name]).fetchone()
    return row[0] if row else "company"


def _days_holding_text(store: Store, name: str) -> set[str]:
    """The days with an item whose text holds `name` (case aside): through the search index."""
    from telereader.core.search import matching_keys

    if '"' in name:
        return _days_holding_text_slowly(store.conn, name)
    keys = matching_keys(store, f'"{name}"')
    if not keys:
        return set()
    days = set()
    for start in range(0, len(keys), 30_000):  # SQLite's limit on bound values
        chunk = keys[start : start + 30_000]
        rows = store.conn.execute(
            f"SELECT DISTINCT day FROM items WHERE seq IN ({','.join('?' * len(chunk))})", chunk
        )
        days.update(day for (day,) in rows)
    return days


def _days_holding_text_slowly(conn: sqlite3.Connection, name: str) -> set[str]:
    rows = conn.execute(
        "SELECT DISTINCT day FROM items WHERE instr(coalesce(title, '') || body, ?) > 0", [name]
    )
    return {day for (day,) in rows}


def _days_holding_rows(conn: sqlite3.Connection, name: str) -> set[str]:
    rows = conn.execute(
        "SELECT day FROM market_mentions WHERE name = ? "
        "UNION SELECT day FROM market_movers WHERE stock = ?",
        [name, name],
    )
    return {day for (day,) in rows}


def _mark_stale(conn: sqlite3.Connection, days: set[str]) -> None:
    conn.executemany("DELETE FROM market_days WHERE day = ?", [(day,) for day in days])
