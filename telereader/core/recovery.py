"""When the library cannot be used: a damaged file, a file that is not a library, a library
from a newer telereader. Nothing is ever deleted: the bad file is set aside under a new name, a
new library starts, and the reader's own data comes back from the latest automatic backup.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from telereader.core.backup import (
    RestoreReport,
    latest_auto_backup,
    read_backup,
    restore_backup,
)
from telereader.core.store import LIBRARY_FILE, Store, is_damage

# Problems opening the library that setting the file aside can cure.
RECOVERABLE = frozenset({"not_a_library", "library_damaged", "newer_library"})
COMPANIONS = ("", "-wal", "-shm", "-journal")  # SQLite's files beside the library


def check(store: Store) -> list[str]:
    """SQLite's own check of every page and index (`PRAGMA quick_check`): [] when sound, else
    what it found (at most ten lines). Reads the whole file: seconds for a big library."""
    try:
        rows = [row[0] for row in store.db.execute("PRAGMA quick_check(10)").fetchall()]
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return [str(error)]
        raise  # busy, interrupted, out of memory: no verdict on the file
    return [] if rows == ["ok"] else rows


def set_aside(data_dir: Path, now: dt.datetime | None = None) -> Path:
    """Rename the library (and SQLite's files beside it) to `library.sqlite3.set-aside-<time>`,
    never overwriting anything; returns the new name of the library file."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    library = data_dir / LIBRARY_FILE
    suffix = f".set-aside-{stamp}"
    number = 1
    while any((data_dir / f"{LIBRARY_FILE}{suffix}{c}").exists() for c in COMPANIONS):
        number += 1
        suffix = f".set-aside-{stamp}-{number}"
    for companion in COMPANIONS:
        source = data_dir / f"{LIBRARY_FILE}{companion}"
        if source.exists():
            source.rename(data_dir / f"{LIBRARY_FILE}{suffix}{companion}")
    return library.with_name(f"{LIBRARY_FILE}{suffix}")


@dataclass
class Recovery:
    store: Store
    set_aside_as: Path
    backup: Path | None  # the automatic backup restored, if one was asked for and found
    restored: RestoreReport | None


def start_afresh(data_dir: Path, from_backup: bool) -> Recovery:
    """Set the library aside, open a new one and, if asked, restore the latest automatic
    backup into it (its stars and notes attach as the reader imports their days again)."""
    backup = latest_auto_backup(data_dir) if from_backup else None
    if backup is not None:
        read_backup(backup)  # a backup that cannot be restored stops us before anything moves
    moved = set_aside(data_dir)
    store = Store.open(data_dir)
    try:
        restored = restore_backup(store, backup) if backup is not None else None
    except BaseException:
        store.close()
        raise
    return Recovery(store, moved, backup, restored)
