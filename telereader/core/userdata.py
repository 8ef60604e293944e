"""After a change to the reader's own data (stars, notes, read marks, a day read, a restore,
watchlist edits): the rolling automatic backup, kept in this one place.

The window's writer thread (app/ops) and the command line's dispatcher (cli, after every command
registered `writes=True`) both end their writes with `keep_backup`, so no front end and no kind
of change can skip it.
"""

from __future__ import annotations

import sqlite3

from telereader.core.backup import auto_backup
from telereader.core.recovery import DAMAGE_MARKER
from telereader.core.store import Store


def keep_backup(store: Store) -> OSError | sqlite3.Error | None:
    """Keep the rolling automatic backup after a change (it writes at most every few minutes,
    and only when something changed). Returns what stopped it, if anything: the change itself
    is saved, so that is a warning for the reader, never a failure. A library that the
    background check found damaged gets no backup: a copy of a damaged file must not become
    the backup that recovery restores."""
    data_dir = store.path.parent
    if (data_dir / DAMAGE_MARKER).exists():
        return None
    try:
        auto_backup(store, data_dir)
    except (OSError, sqlite3.Error) as error:
        return error
    return None
