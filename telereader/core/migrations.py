"""Numbered schema migrations. Append only: a released migration is never edited.

`PRAGMA user_version` holds the number of the last migration applied, so a database written by a
newer app (a higher number than the last migration here) is recognised before anything is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from telereader.core.library_errors import SQLITE_NOTADB, LibraryError, library_error, sqlite_code
from telereader.core.markets_schema import create_market_tables
from telereader.core.model import Problem
from telereader.core.search_index import INDEX_TABLE, index_columns

if TYPE_CHECKING:
    import sqlite_utils  # a migration is handed the Database: store.py makes it


def _0001_initial(db: sqlite_utils.Database) -> None:
    # Items are rewritten by imports; everything the user makes lives in tables of its own
    # (stars, notes, reads) keyed by item id, with no foreign key, so that no import can touch
    # it and state for items not imported yet can wait for them.
    # `seq` is the row's key in time order (see core/seq.py), so "newest first" is a walk
    # down the key, in the search index too; `id` is the content-derived id users see.
    db["items"].create(
        {
            "seq": int,
            "id": str,
            "day": str,
            "time": str,
            "title": str,
            "body": str,
            "source": str,
            "level": str,
            "kind": str,
            "teaser_column": str,
            "position": int,
            "imported_at": str,
            "updated_at": str,
        },
        pk="seq",
        not_null={"id", "day", "time", "body", "level", "kind", "position"},
    )
    db["items"].create_index(["id"], index_name="items_by_id", unique=True)
    db["items"].create_index(["day", "time", "position"], index_name="items_by_day")
    db["imported_files"].create(
        {
            "content_hash": str,
            "path": str,
            "size": int,
            "day": str,
            "level": str,
            "items": int,
            "imported_at": str,
        },
        pk="content_hash",
    )
    db["stars"].create({"item_id": str, "starred_at": str}, pk="item_id")
    db["notes"].create({"item_id": str, "text": str, "updated_at": str}, pk="item_id")
    db["reads"].create({"item_id": str, "read_at": str}, pk="item_id")


def _0002_search_index(db: sqlite_utils.Database) -> None:
    # Contentless: the text lives in `items`; the index holds only tokens (search_index.py).
    db.execute(
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(chars, pairs, content='', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    # Every import commits a small segment per file; merging them less eagerly than the
    # default (4) cut a year's import time by a fifth, for the same index.
    db.execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('automerge', 16)")
    rows = db.execute("SELECT seq, title, body FROM items").fetchall()
    db.conn.executemany(
        f"INSERT INTO {INDEX_TABLE} (rowid, chars, pairs) VALUES (?, ?, ?)",
        [(seq, *index_columns(title, body)) for seq, title, body in rows],
    )


def _0003_day_counts(db: sqlite_utils.Database) -> None:
    # How many items each digest day has, kept by imports: the calendar needs it for every day
    # at start-up, and counting a ten-year library each time would take most of a second.
    db["day_counts"].create({"day": str, "items": int, "important": int}, pk="day")
    db.execute(
        "INSERT INTO day_counts (day, items, important) "
        "SELECT day, count(*), sum(level = 'important') FROM items GROUP BY day"
    )


def _0004_watchlists(db: sqlite_utils.Database) -> None:
    # The reader's watchlists are their data (keywords as written, one JSON list per list);
    # hits are derived and rebuilt at will; the queue holds items imports added or changed.
    db["watchlists"].create(
        {"id": int, "name": str, "colour": str, "keywords": str, "position": int,
         "updated_at": str},
        pk="id",
        not_null={"name", "colour", "keywords"},
    )  # fmt: skip
    db["watchlists"].create_index(["name"], unique=True)
    db["watch_hits"].create({"watchlist_id": int, "seq": int}, pk=("watchlist_id", "seq"))
    db["watch_hits"].create_index(["seq"])
    db["watch_pending"].create({"seq": int}, pk="seq")


def _0005_markets(db: sqlite_utils.Database) -> None:
    # Movers, mentions and learnt names, derived from the items (core/markets.py): filled by the
    # background catch-up, so this migration only creates the tables.
    create_market_tables(db)


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _0001_initial,
    _0002_search_index,
    _0003_day_counts,
    _0004_watchlists,
    _0005_markets,
)
SCHEMA_VERSION = len(MIGRATIONS)


def read_schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """The first read of the file: only SQLite's "not a database" means it is not a library;
    a full disk, a read-only place or another program's lock say so (library_error)."""
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if sqlite_code(error) == SQLITE_NOTADB:
            raise LibraryError(Problem("not_a_library", params={"path": str(path)})) from error
        raise library_error(path, error) from error


def migrate(db: sqlite_utils.Database, version: int) -> None:
    """Bring a library at schema `version` up to SCHEMA_VERSION, one migration a transaction."""
    for number in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
