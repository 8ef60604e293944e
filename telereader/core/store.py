"""The library: one SQLite file, with numbered migrations.

Reads go straight to the sqlite3 connection (`Store.conn`); sqlite-utils' `Database` (`Store.db`)
is made the first time a write or a migration asks for it, so a read command never imports it
(tens of milliseconds of every `telereader search`, see docs/architecture.md, "Lazy imports")."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from telereader import APP_NAME
from telereader.core.kinds import Level, Problem
from telereader.core.library_errors import (
    LibraryError,
    library_error,
    not_a_folder,
    reason_of,
)
from telereader.core.markets_schema import MARKET_TABLES
from telereader.core.migrations import SCHEMA_VERSION, migrate, read_schema_version
from telereader.core.seq import SeqKeys
from telereader.core.stored import (
    BRIEF_ITEM_COLUMNS,
    BRIEF_ITEM_JOINS,
    ITEM_COLUMNS,
    ITEM_JOINS,
    DaySummary,
    StoredItem,
    stored_item,
)

# A day's reading order; the id decides between items of one minute and line (two captures of a
# day), so that a day read in two parts (item_rows_on) is read in one order.
DAY_ORDER = "items.time, items.position, items.id"
DAY_ORDER_NEWEST_FIRST = "items.time DESC, items.position DESC, items.id DESC"

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite_utils

    from telereader.core.count_split import CountHelpers
    from telereader.core.model import Item
    from telereader.core.rows import ItemRow

LIBRARY_FILE = "library.sqlite3"
DATA_DIR_VARIABLE = "TELEREADER_DATA_DIR"
BUSY_TIMEOUT_MS = 10_000
# Newer-first paging by key: items older than the item with the given id.
AFTER_ITEM = "items.seq < (SELECT seq FROM items WHERE id = ?)"
SQL_VARIABLES_PER_QUERY = 900  # under SQLite's limit on `?` per statement (999 before 3.32)


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class Store:
    """One connection to the library. Each thread opens its own."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self.count_helpers: CountHelpers | None = None  # of split counts (count_split.py)

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for writes and migrations only."""
        import sqlite_utils

        # recursive_triggers is set on the connection in open(), reads or writes alike
        return sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)

    @classmethod
    def open(cls, data_dir: Path | str | None = None) -> Store:
        directory = Path(data_dir) if data_dir is not None else default_data_dir()
        path = directory / LIBRARY_FILE
        try:
            directory.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except FileExistsError as error:  # a file, or a link to nowhere, where a folder should be
            raise LibraryError(not_a_folder(directory)) from error
        except (OSError, sqlite3.Error) as error:
            if isinstance(error, OSError) and error.errno in (errno.ELOOP, errno.ENOTDIR):
                raise LibraryError(not_a_folder(directory)) from error
            raise LibraryError(
                Problem(
                    "library_unavailable", params={"path": str(path), "error": reason_of(error)}
                )
            ) from error
        try:
            version = read_schema_version(conn, path)
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    Problem(
                        "newer_library",
                        params={
                            "path": str(path),
                            "found": str(version),
                            "known": str(SCHEMA_VERSION),
                        },
                    )
                )
            store = cls(path, conn)
            conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils sets it
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.isolation_level, isolation = None, conn.isolation_level  # outside a transaction
            conn.execute("PRAGMA journal_mode = WAL")
            conn.isolation_level = isolation
            if version < SCHEMA_VERSION:
                migrate(store.db, version)
        except LibraryError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise library_error(path, error) from error
        return store

    def close(self) -> None:
        if self.count_helpers is not None:
            self.count_helpers.close()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """All or nothing. It takes the write lock at once (BEGIN IMMEDIATE): another writer
        (the window's import, a CLI command) is then waited for, up to the busy timeout. A
        deferred transaction that reads first fails outright when it comes to write after
        another connection has written meanwhile: SQLite cannot let it wait."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic() as db:  # nested: a savepoint
                yield db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error:  # a full disk, say: nothing of it is kept
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ---- reading -------------------------------------------------------------------------

    def day_counts(self) -> dict[dt.date, int]:
        """Items per digest day, oldest first: cheap at any library size."""
        return {
            dt.date.fromisoformat(day): items
            for day, items in self.conn.execute("SELECT day, items FROM day_counts ORDER BY day")
        }

    def days(self) -> list[DaySummary]:
        """Per day: items, important, starred and unread (counts every item: for the CLI).

        Items and important come from `day_counts` (kept at each import); starred and read
        are counted from the marks, each mark's item found by its id (CROSS JOIN keeps
        SQLite from scanning a million items to probe the marks instead: 1 s → 5 ms at ten
        years; the time grows with the marks, about 1 µs each)."""
        rows = self.conn.execute(
            "SELECT day_counts.day, day_counts.items, day_counts.important, "
            "coalesce(starred.marks, 0), day_counts.items - coalesce(done.marks, 0) "
            f"FROM day_counts LEFT JOIN ({_MARKS_PER_DAY.format(table='stars')}) AS starred "
            f"USING (day) LEFT JOIN ({_MARKS_PER_DAY.format(table='reads')}) AS done "
            "USING (day) ORDER BY day_counts.day"
        ).fetchall()
        return [
            DaySummary(dt.date.fromisoformat(day), total, important, starred, unread)
            for day, total, important, starred, unread in rows
        ]

    def items_on(self, day: dt.date) -> list[StoredItem]:
        return list(self.iter_items_on(day))

    def iter_items_on(self, day: dt.date) -> Iterator[StoredItem]:
        """A day's items in reading order, one at a time: a huge day never sits in memory."""
        for row in self._rows_on(day):
            yield stored_item(row)

    def item_rows_on(
        self, day: dt.date, whole: int | None = None, newest_first: bool = False
    ) -> list[tuple]:
        """A day's items in reading order (or the newest first) as rows of ITEM_COLUMNS, for
        `stored_item` to make into items when they are wanted (the window's list makes those
        it shows). Given `whole`, only the first `whole` rows are whole; the rest are brief
        (BRIEF_ITEM_COLUMNS: their texts None), read whole by `item_rows_by_id` when wanted:
        the texts of a day's 300 items were most of a day switch's query."""
        if whole is None and not newest_first:
            return self._rows_on(day).fetchall()
        order = DAY_ORDER_NEWEST_FIRST if newest_first else DAY_ORDER
        where = f"FROM items {{joins}} WHERE items.day = ? ORDER BY {order}"
        params = [day.isoformat()]
        in_transaction = self.conn.in_transaction
        if not in_transaction:
            self.conn.execute("BEGIN")  # both reads see the same library
        try:
            first = self.conn.execute(
                f"SELECT {ITEM_COLUMNS} {where.format(joins=ITEM_JOINS)} LIMIT ?",
                [*params, -1 if whole is None else whole],
            ).fetchall()
            if whole is None:
                return first
            rest = self.conn.execute(
                f"SELECT {BRIEF_ITEM_COLUMNS} {where.format(joins=BRIEF_ITEM_JOINS)} "
                "LIMIT -1 OFFSET ?",
                [*params, whole],
            ).fetchall()
        finally:
            if not in_transaction:
                self.conn.execute("COMMIT")
        return first + rest

    def item_rows_by_id(self, ids: Sequence[str]) -> dict[str, tuple]:
        """Whole rows (ITEM_COLUMNS) of the items `ids`, by id; an item gone is left out."""
        found: dict[str, tuple] = {}
        for start in range(0, len(ids), 500):  # within SQLite's limit of parameters
            chunk = list(ids[start : start + 500])
            rows = self.conn.execute(
                f"SELECT {ITEM_COLUMNS} FROM items {ITEM_JOINS} "
                f"WHERE items.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update((row[0], row) for row in rows)
        return found

    def _rows_on(self, day: dt.date) -> sqlite3.Cursor:
        return self.conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM items {ITEM_JOINS} "
            f"WHERE items.day = ? ORDER BY {DAY_ORDER}",
            [day.isoformat()],
        )

    def items_where(self, conditions: Sequence[str], params: Sequence) -> list[StoredItem]:
        """Items meeting every SQL condition (on `items`, `stars`, `notes`), in reading order."""
        where = " AND ".join(conditions) or "1"
        rows = self.conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM items {ITEM_JOINS} WHERE {where} "
            "ORDER BY items.day, items.time, items.position",
            list(params),
        ).fetchall()
        return [stored_item(row) for row in rows]

    def items_page(
        self,
        conditions: Sequence[str],
        params: Sequence,
        limit: int,
        offset: int = 0,
        after_id: str | None = None,
    ) -> list[StoredItem]:
        """A page of the items meeting every SQL condition, newest first: `seq` is in the order
        the items happened, so an item of 02:13 after midnight comes before its digest's
        evening. `after_id` pages by key: the items older than that one, however many of the
        rows before it stopped meeting the conditions meanwhile (an unstarred row)."""
        conditions, params = [*conditions], [*params]
        if after_id is not None:
            conditions.append(AFTER_ITEM)
            params.append(after_id)
        where = " AND ".join(conditions) or "1"
        rows = self.conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM items {ITEM_JOINS} WHERE {where} "
            "ORDER BY items.seq DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [stored_item(row) for row in rows]

    def items_total(self, conditions: Sequence[str], params: Sequence) -> int:
        """How many items meet every SQL condition."""
        where = " AND ".join(conditions) or "1"
        return self.conn.execute(
            f"SELECT count(*) FROM items {ITEM_JOINS} WHERE {where}", list(params)
        ).fetchone()[0]

    def items_by_seq(self, seqs: Sequence[int]) -> list[StoredItem]:
        """Items by key, in the order given."""
        by_seq: dict[int, StoredItem] = {}
        for start in range(0, len(seqs), SQL_VARIABLES_PER_QUERY):
            chunk = list(seqs[start : start + SQL_VARIABLES_PER_QUERY])
            for row in self.conn.execute(
                f"SELECT items.seq, {ITEM_COLUMNS} FROM items {ITEM_JOINS} "
                f"WHERE items.seq IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                by_seq[row[0]] = stored_item(row[1:])
        return [by_seq[seq] for seq in seqs if seq in by_seq]

    def item(self, item_id: str) -> StoredItem | None:
        row = self.conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM items {ITEM_JOINS} WHERE items.id = ?", [item_id]
        ).fetchone()
        return stored_item(row) if row else None

    def missing_ids(self, item_ids: Iterable[str]) -> list[str]:
        ids = list(dict.fromkeys(item_ids))
        known = {
            row[0]
            for chunk in _chunks(ids, 500)
            for row in self.conn.execute(
                f"SELECT id FROM items WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
        }
        return [item_id for item_id in ids if item_id not in known]

    def imported_file(self, content_hash: str) -> dict | None:
        """What an earlier import of exactly these bytes recorded, if there was one."""
        cursor = self.conn.execute(
            "SELECT * FROM imported_files WHERE content_hash = ?", [content_hash]
        )
        row = cursor.fetchone()
        return dict(zip([column[0] for column in cursor.description], row, strict=True)) if row else None

    def raw_items_on(self, day: dt.date) -> list[Item]:
        """The day's items as imports see them: without any user state."""
        rows = self.conn.execute(
            "SELECT id, day, time, title, body, source, level, kind, teaser_column, position "
            "FROM items WHERE day = ?",
            [day.isoformat()],
        ).fetchall()
        from telereader.core.rows import item_from_row  # the import's: a read never needs it

        return [item_from_row(row) for row in rows]

    # ---- writing: imports ------------------------------------------------------------------

    def write_import(
        self,
        inserts: Sequence[ItemRow],
        updates: Sequence[tuple[Item, Item]],
        file_record: dict,
    ) -> None:
        """Insert new items, update changed ones (stored, new) and remember the file, with the
        search index kept in step, in one transaction."""
        from telereader.core.index_writes import add_to_index
        from telereader.core.newsince import next_arrival

        stamp = now()
        with self.transaction():
            conn = self.db.conn
            keys = SeqKeys(conn)
            keyed = [(keys.new(row[2]), row) for row in inserts]
            arrival = next_arrival(conn)
            conn.executemany(
                "INSERT INTO items (seq, id, day, time, title, body, source, level, kind, "
                "teaser_column, position, imported_at, updated_at, arrival) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(seq, *row[:10], stamp, stamp, arrival) for seq, row in keyed],
            )
            add_to_index(conn, [(seq, row[10], row[1]) for seq, row in keyed])
            conn.executemany(
                "INSERT OR IGNORE INTO watch_pending (seq) VALUES (?)", [(seq,) for seq, _ in keyed]
            )
            self._update_items(conn, updates, stamp)
            conn.execute(
                "INSERT OR REPLACE INTO day_counts "
                "(day, items, important, min_seq, max_seq, max_arrival) "
                "SELECT day, count(*), sum(level = 'important'), min(seq), max(seq), "
                "max(arrival) FROM items WHERE day = ?",
                [file_record["day"]],
            )
            conn.execute(
                "INSERT OR REPLACE INTO imported_files "
                "(content_hash, path, size, day, level, items, imported_at) "
                "VALUES (:content_hash, :path, :size, :day, :level, :items, :imported_at)",
                {**file_record, "imported_at": stamp},
            )

    @staticmethod
    def _update_items(conn, updates: Sequence[tuple[Item, Item]], stamp: str) -> None:
        from telereader.core.index_writes import add_to_index, remove_from_index
        from telereader.core.search_index import index_text

        for stored, item in updates:
            conn.execute(
                "UPDATE items SET title = ?, body = ?, source = ?, level = ?, kind = ?, "
                "teaser_column = ?, updated_at = ? WHERE id = ?",
                [item.title, item.body, item.source, item.level.value, item.kind.value,
                 item.column, stamp, item.id],
            )  # fmt: skip
            old = index_text(stored.title, stored.body, stored.level is Level.IMPORTANT)
            new = index_text(item.title, item.body, item.level is Level.IMPORTANT)
            if old == new:
                continue
            seq = conn.execute("SELECT seq FROM items WHERE id = ?", [item.id]).fetchone()[0]
            day = stored.day.isoformat()
            remove_from_index(conn, [(seq, old, day)])
            add_to_index(conn, [(seq, new, day)])
            conn.execute("INSERT OR IGNORE INTO watch_pending (seq) VALUES (?)", [seq])

    def delete_day(self, day: dt.date) -> int:
        """Remove a digest day in one transaction: its items, their search index rows and
        watch hits, its count and the record of the files that brought it (so importing them
        again brings it back). The reader's stars, notes and read marks stay: keyed by item
        id, they attach again when the day is imported again. Returns the items removed."""
        from telereader.core.index_writes import remove_from_index
        from telereader.core.search_index import index_text

        key = day.isoformat()
        with self.transaction() as db:
            conn = db.conn
            rows = conn.execute("SELECT seq, title, body, level FROM items WHERE day = ?", [key])
            rows = rows.fetchall()
            remove_from_index(
                conn,
                [(row[0], index_text(row[1], row[2], row[3] == "important"), key) for row in rows],
            )
            for table in ("watch_hits", "watch_pending"):
                conn.executemany(f"DELETE FROM {table} WHERE seq = ?", [(r[0],) for r in rows])
            # the day's look goes too: imported again, it is a day never opened
            for table in ("items", "day_counts", "imported_files", "looked_days", *MARKET_TABLES):
                conn.execute(f"DELETE FROM {table} WHERE day = ?", [key])
        return len(rows)

    # ---- writing: the user's own data ------------------------------------------------------

    def set_starred(self, item_ids: Iterable[str], starred: bool) -> None:
        ids = list(dict.fromkeys(item_ids))
        self._require_items(ids)
        with self.transaction() as db:
            if starred:
                stamp = now()
                db.conn.executemany(
                    "INSERT OR IGNORE INTO stars (item_id, starred_at) VALUES (?, ?)",
                    [(item_id, stamp) for item_id in ids],
                )
            else:
                db.conn.executemany("DELETE FROM stars WHERE item_id = ?", [(i,) for i in ids])

    def set_note(self, item_id: str, text: str) -> None:
        """Save the note of an item; empty (or blank) text removes it."""
        from telereader.core.note_index import write_note  # a write's: reads never load it

        self._require_items([item_id])
        with self.transaction() as db:
            write_note(db.conn, item_id, text, now())

    def set_read(self, item_ids: Iterable[str], read: bool = True) -> None:
        ids = list(dict.fromkeys(item_ids))
        with self.transaction() as db:
            if read:
                stamp = now()
                db.conn.executemany(
                    "INSERT OR IGNORE INTO reads (item_id, read_at) VALUES (?, ?)",
                    [(item_id, stamp) for item_id in ids],
                )
            else:
                db.conn.executemany("DELETE FROM reads WHERE item_id = ?", [(i,) for i in ids])

    def _require_items(self, item_ids: list[str]) -> None:
        missing = self.missing_ids(item_ids)
        if missing:
            raise LibraryError(Problem("unknown_item", params={"id": missing[0]}))


def _chunks(values: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# The marks (stars, reads) per day: the marks read in turn, each item found by its id.
_MARKS_PER_DAY = (
    "SELECT items.day AS day, count(*) AS marks FROM {table} "
    "CROSS JOIN items ON items.id = {table}.item_id GROUP BY items.day"
)
