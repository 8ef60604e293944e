"""Giving back the room a big import leaves free inside the library file.

FTS5 builds the search index in segments and merges them as an import goes; the pages of the
merged segments stay in the file as free pages. Measured (docs/benchmarks.md, issue 15, "Room
after a big import"): a one-year import leaves 33 MB of its 260 MB free (13 %), and `VACUUM`
gives them back in about 4 s. FTS5's `optimize` (one segment) takes longer and gains nothing
worth having (1.3 MB), so it is not run.

`VACUUM` rewrites the whole file (it needs as much free disk again, and locks the library while
it runs), so it is run only where nobody waits on the library: after the command line's
`import`, when the free pages are worth it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# Compact when at least this share of the file is free pages, and at least this many bytes:
# below, rewriting the file costs more than the room it gives back.
FREE_SHARE = 0.10
FREE_BYTES = 8 * 1024 * 1024
# Only after an import of at least this many items (about a month of digests): a day's import
# into a ten-year library would otherwise wait a minute (VACUUM of 2.3 GB: 57 s) for free pages
# older imports left.
BIG_IMPORT = 10_000


@dataclass(frozen=True)
class Room:
    file_bytes: int
    free_bytes: int

    @property
    def worth_compacting(self) -> bool:
        return self.free_bytes >= FREE_BYTES and self.free_bytes >= FREE_SHARE * self.file_bytes


def room(conn: sqlite3.Connection) -> Room:
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    return Room(pages * page_size, free * page_size)


def compact_if_worth_it(conn: sqlite3.Connection) -> int:
    """VACUUM when the free pages are worth it (after a big import: `BIG_IMPORT`, checked by
    the caller); the bytes given back (0: not run, or it could
    not run, e.g. the disk too full for the copy it makes: the library is as it was)."""
    before = room(conn)
    if not before.worth_compacting or conn.in_transaction:
        return 0
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError:
        return 0
    return max(0, before.file_bytes - room(conn).file_bytes)
