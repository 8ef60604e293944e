"""The market layer's tables (core/markets.py fills them), apart so that opening and migrating a
library, and importing, never load the extraction rules."""

from __future__ import annotations

import datetime as dt
import sqlite3

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite_utils

# Raised when the extraction rules change: every day is then extracted again.
EXTRACTOR_VERSION = 1
# Derived rows of a day, removed with the day (Store.delete_day).
MARKET_TABLES = ("market_movers", "market_mentions", "market_similar", "market_days")
MARKET_NAME_KINDS = ("company", "theme")


def create_market_tables(db: sqlite_utils.Database) -> None:
    """The migration's body: derived tables, filled by `catch_up` (the reader's own names in
    `market_names` with origin 'reader' are the only rows that are theirs)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS market_movers (item_id TEXT NOT NULL, day TEXT NOT NULL, "
        "ord INTEGER NOT NULL, theme TEXT, stock TEXT NOT NULL, move TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS market_movers_by_day ON market_movers (day)")
    db.execute("CREATE INDEX IF NOT EXISTS market_movers_by_item ON market_movers (item_id)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS market_mentions (item_id TEXT NOT NULL, day TEXT NOT NULL, "
        "name TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (item_id, name)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX IF NOT EXISTS market_mentions_by_name ON market_mentions (name, day)")
    db.execute("CREATE INDEX IF NOT EXISTS market_mentions_by_day ON market_mentions (day)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS market_names (name TEXT PRIMARY KEY, kind TEXT NOT NULL, "
        "origin TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"
    )
    # A near-duplicate (the same story sent again) → the fullest item of its story.
    db.execute(
        "CREATE TABLE IF NOT EXISTS market_similar (item_id TEXT PRIMARY KEY, day TEXT NOT NULL, "
        "leader_id TEXT NOT NULL) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX IF NOT EXISTS market_similar_by_day ON market_similar (day)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS market_days (day TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID"
    )


def day_changed(conn: sqlite3.Connection, day: dt.date) -> None:
    """An import changed `day`: its market rows are extracted again by the next catch-up."""
    conn.execute("DELETE FROM market_days WHERE day = ?", [day.isoformat()])


def similar_to(conn: sqlite3.Connection, day: dt.date) -> dict[str, str]:
    """A day's near-duplicates: each one's id → the id of the item that stands for its story
    (here, apart from the rules: the day's list reads it at each day switch)."""
    rows = conn.execute(
        "SELECT item_id, leader_id FROM market_similar WHERE day = ?", [day.isoformat()]
    )
    return dict(rows.fetchall())
