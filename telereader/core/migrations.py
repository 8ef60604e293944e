"""Numbered schema migrations. Append only: a released migration is never edited.

`PRAGMA user_version` holds the number of the last migration applied, so a database written by a
newer app (a higher number than the last migration here) is recognised before anything is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from telereader.core.kinds import Problem
from telereader.core.library_errors import SQLITE_NOTADB, LibraryError, library_error, sqlite_code

# A long migration tells how far it is (done, total) to whoever opens the library, so that a
# rebuild at ten years does not look like a hang: the CLI prints it, the window shows a dialog.
MigrationProgress = Callable[[int, int], None]
_progress: ContextVar[MigrationProgress | None] = ContextVar("migration_progress", default=None)


@contextmanager
def reporting_progress(callback: MigrationProgress) -> Iterator[None]:
    """Libraries opened within are migrated telling `callback` how far they are."""
    token = _progress.set(callback)
    try:
        yield
    finally:
        _progress.reset(token)


def _report(done: int, total: int) -> None:
    callback = _progress.get()
    if callback is not None:
        callback(done, total)


# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
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
    from telereader.core.search_index import INDEX_TABLE

    # Contentless: the text lives in `items`; the index holds only tokens (search_index.py).
    db.execute(
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(chars, pairs, content='', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    # Every import commits a small segment per file; merging them less eagerly than the
    # default (4) cut a year's import time by a fifth, for the same index.
    db.execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('automerge', 16)")
    # It was filled here from `items` too; 0005 replaces this index and fills its own, so a
    # library older than 0002 is filled once, there.


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


def _0005_word_stats(db: sqlite_utils.Database) -> None:
    # Derived from items by the word catch-up (core/wordstats.py) and rebuilt at will: the
    # library's own names (lexicon), each day's words with how many of its items hold them
    # (day_words), the days counted so far and their item count when counted (word_days: a
    # day whose count changed is counted again), and every word's library-wide total with its
    # share in jieba's generic dictionary (word_totals: the background hot words rank against).
    db.execute("CREATE TABLE lexicon (word TEXT PRIMARY KEY, source TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE word_days (day TEXT PRIMARY KEY, items INTEGER NOT NULL, "
        "counted INTEGER NOT NULL)"
    )
    db.execute(
        "CREATE TABLE day_words (day TEXT NOT NULL, word TEXT NOT NULL, items INTEGER NOT NULL, "
        "PRIMARY KEY (day, word)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE word_totals (word TEXT PRIMARY KEY, items INTEGER NOT NULL, "
        "generic REAL NOT NULL DEFAULT 0) WITHOUT ROWID"
    )


def _0006_search_index_every_character(db: sqlite_utils.Database) -> None:
    from telereader.core.index_writes import CHAR_COUNTS, CHAR_COUNTS_DDL, write_index_and_totals
    from telereader.core.search_index import INDEX_DDL, INDEX_TABLE, index_text

    # The index of 0002 held letters and digits only, so a term with punctuation or a space
    # (0.5%, S&P 500, "美联储 褐皮书") was re-checked against the text of every candidate:
    # seconds at ten years. It is rebuilt over every character (search_index.py), here at
    # open, in the migration's transaction: all or nothing, as every migration.
    # FTS5 merges its segments through the page cache; at the default 2 MB a ten-year rebuild
    # rewrote the same pages again and again for over a quarter of an hour.
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -262144")  # 256 MB, for this migration only
    db.execute(f"DROP TABLE IF EXISTS {INDEX_TABLE}")
    db.execute(INDEX_DDL)
    db.execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('automerge', 16)")
    db.execute(f"DROP TABLE IF EXISTS {CHAR_COUNTS}")
    db.execute(CHAR_COUNTS_DDL)
    total = db.execute("SELECT count(*) FROM items").fetchone()[0]
    rows = db.conn.execute("SELECT seq, title, body, level = 'important' FROM items")
    done = 0
    _report(done, total)
    while batch := rows.fetchmany(10_000):
        write_index_and_totals(db.conn, [(row[0], index_text(*row[1:])) for row in batch])
        done += len(batch)
        _report(done, total)
    db.execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')")
    db.execute(f"PRAGMA cache_size = {cache}")
    # Each day's smallest and largest key: a search's date range becomes a key range the
    # index answers itself (search_plan.py).
    db.execute("ALTER TABLE day_counts ADD COLUMN min_seq INTEGER")
    db.execute("ALTER TABLE day_counts ADD COLUMN max_seq INTEGER")
    db.execute(
        "UPDATE day_counts SET (min_seq, max_seq) = "
        "(SELECT min(seq), max(seq) FROM items WHERE items.day = day_counts.day)"
    )


def _0007_markets(db: sqlite_utils.Database) -> None:
    from telereader.core.markets_schema import create_market_tables

    # Movers, mentions and learnt names, derived from the items (core/markets.py): filled by the
    # background catch-up, so this migration only creates the tables.
    create_market_tables(db)


def _0008_note_index(db: sqlite_utils.Database) -> None:
    from telereader.core.note_index import NOTE_INDEX, NOTE_INDEX_DDL, index_notes

    # Notes are searched too (note_index.py): their own index, filled from the notes there are.
    db.execute(f"DROP TABLE IF EXISTS {NOTE_INDEX}")
    db.execute(NOTE_INDEX_DDL)
    index_notes(db.conn)


def _0009_character_days(db: sqlite_utils.Database) -> None:
    from telereader.core.index_writes import CHAR_DAYS, CHAR_DAYS_DDL, count_character_days
    from telereader.core.search_index import item_characters

    # How many items of each digest day hold each character, kept in step with the index
    # (index_writes.py): a one-character trend is then a sum over this table (trend.py).
    db.execute(f"DROP TABLE IF EXISTS {CHAR_DAYS}")
    db.execute(CHAR_DAYS_DDL)
    total = db.execute("SELECT count(*) FROM items").fetchone()[0]
    rows = db.conn.execute("SELECT day, title, body FROM items ORDER BY day")
    done = 0
    _report(done, total)
    while batch := rows.fetchmany(20_000):
        count_character_days(db.conn, [(row[0], item_characters(*row[1:])) for row in batch], 1)
        done += len(batch)
        _report(done, total)


def _0010_watchlist_options(db: sqlite_utils.Database) -> None:
    # Per-list options (core/keywords.py WatchOptions): match in titles only, among 加红 items
    # only, and whether new hits alert. A list made before keeps matching as it did and alerts.
    # Run again (a library set back to an older version) it adds only what is missing.
    columns = {row[1] for row in db.execute("PRAGMA table_info(watchlists)")}
    for column, default in (("titles_only", 0), ("important_only", 0), ("alert", 1)):
        if column not in columns:
            db.execute(
                f"ALTER TABLE watchlists ADD COLUMN {column} INTEGER NOT NULL DEFAULT {default}"
            )


def _0011_saved_searches(db: sqlite_utils.Database) -> None:
    # Saved searches are the reader's data (backed up like watchlists): the query as typed and
    # its conditions as JSON (core/saved_searches.py), so a later condition needs no migration.
    db.execute(
        "CREATE TABLE IF NOT EXISTS saved_searches (id INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL UNIQUE, query TEXT NOT NULL, conditions TEXT NOT NULL, "
        "position INTEGER NOT NULL, updated_at TEXT)"
    )


def _0012_reader_names(db: sqlite_utils.Database) -> None:
    from telereader.core.reader_names import READER_NAMES_DDL, apply_reader_names

    # The reader's own corrections of the market names (core/reader_names.py): user data, kept
    # by backups, apart from the derived tables. Names a reader already hid or added in
    # `market_names` move there; a company's movers are read by stock (its own view).
    db.execute(READER_NAMES_DDL)
    db.execute(
        "INSERT OR IGNORE INTO market_reader_names (name, kind, hidden, alias_of, changed_at) "
        "SELECT name, kind, hidden, NULL, strftime('%Y-%m-%dT%H:%M:%S', 'now') "
        "FROM market_names WHERE origin = 'reader' OR hidden"
    )
    db.execute("CREATE INDEX IF NOT EXISTS market_movers_by_stock ON market_movers (stock, day)")
    db.execute("CREATE INDEX IF NOT EXISTS market_movers_by_theme ON market_movers (theme, day)")
    apply_reader_names(db.conn)


def _0013_new_since(db: sqlite_utils.Database) -> None:
    # "New since you looked" (core/newsince.py). `arrival` numbers the import that brought an
    # item (one rising number per import transaction; `seq` is time order, not arrival order);
    # items already in the library keep NULL: they arrived before anyone could look, and are
    # never new. The index is partial, so this migration writes no index rows at ten years.
    # `day_counts.max_arrival` is the newest arrival of a day; `looked_days.seen` the newest
    # arrival the reader has seen of it: a day has new items when the first is the greater.
    # Written to be safe over a library that has them already (a test's library made at the
    # newest version and labelled older, as test_migration_progress.py does).
    for table, column in (("items", "arrival"), ("day_counts", "max_arrival")):
        if column not in {row[1] for row in db.execute(f"PRAGMA table_info({table})")}:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER")
    db.execute(
        "CREATE INDEX IF NOT EXISTS items_by_arrival ON items (day, arrival) "
        "WHERE arrival IS NOT NULL"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS looked_days (day TEXT PRIMARY KEY, seen INTEGER NOT NULL, "
        "looked_at TEXT NOT NULL)"
    )


def _0014_pair_counts(db: sqlite_utils.Database) -> None:
    from telereader.core.pair_counts import back_fill_days, fill_pair_counts

    # How many items hold each pair of characters, and for the common pairs how many each day
    # (pair_counts.py), kept in step by the index writes from now on: a two-character search's
    # total and a common pair's trend need no walk over the index. The totals come from the
    # index's own vocabulary; the common pairs' days from their entries.
    common = fill_pair_counts(db.conn)
    for done, token in enumerate(common, 1):
        back_fill_days(db.conn, token)  # a few seconds at ten years: said as it goes
        _report(done, len(common))


def _0015_day_index_covers_brief_rows(db: sqlite_utils.Database) -> None:
    # A day switch reads the day's rows past its first page briefly (id, level, star, read:
    # Store.item_rows_on) in reading order (time, position, id). The day index held neither
    # id nor level: each row was a lookup in the table, and the order a sort. With both in
    # the index the read is the index alone (0.9 → 0.5 ms a day at ten years, warm), for
    # about 26 bytes more a row. The same name: queries planned on it keep it.
    db.execute("DROP INDEX IF EXISTS items_by_day")
    db.execute("CREATE INDEX items_by_day ON items (day, time, position, id, level)")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _0001_initial,
    _0002_search_index,
    _0003_day_counts,
    _0004_watchlists,
    _0005_word_stats,
    _0006_search_index_every_character,
    _0007_markets,
    _0008_note_index,
    _0009_character_days,
    _0010_watchlist_options,
    _0011_saved_searches,
    _0012_reader_names,
    _0013_new_since,
    _0014_pair_counts,
    _0015_day_index_covers_brief_rows,
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
