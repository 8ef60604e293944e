"""When the library cannot be used: a damaged file, a file that is not a library, a library
from a newer telereader. Nothing is ever deleted: the bad file is set aside under a new name, a
new library starts, and the reader's own data comes back from the latest automatic backup.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from telereader.core.backup import (
    RestoreReport,
    latest_auto_backup,
    read_backup,
    restore_backup,
)
from telereader.core.model import Problem
from telereader.core.store import LIBRARY_FILE, LibraryError, Store, is_damage

# Problems opening the library that setting the file aside can cure.
RECOVERABLE = frozenset({"not_a_library", "library_damaged", "newer_library"})
# A check that found damage leaves this in the data folder: the next window start offers
# recovery before opening the library.
DAMAGE_MARKER = "check-failed.txt"
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


def check_file(data_dir: Path, stop: Callable[[], bool] | None = None) -> list[str]:
    """Open the library on its own connection and check it: what damage was found, or [] when
    it is sound or there is no verdict (locked, unreachable, or `stop` asked to stop)."""
    try:
        with Store.open(data_dir) as store:
            if stop is not None:
                store.db.conn.set_progress_handler(stop, 50_000)
            problems = check(store)
    except LibraryError as error:
        if error.problem.code not in ("library_damaged", "not_a_library"):
            return []
        problems = [error.problem.message()]
    except sqlite3.Error:
        return []
    return [] if stop is not None and stop() else problems


def mark_damaged(data_dir: Path, problems: list[str]) -> None:
    (data_dir / DAMAGE_MARKER).write_text("\n".join(problems), encoding="utf-8")


def open_unless_marked(data_dir: Path) -> Store:
    """Open the library, unless a check found it damaged (LibraryError library_damaged)."""
    marker = data_dir / DAMAGE_MARKER
    if marker.is_file():
        found = marker.read_text(encoding="utf-8", errors="replace").strip()
        raise LibraryError(
            Problem(
                "library_damaged",
                params={"path": str(data_dir / LIBRARY_FILE), "error": found[:300]},
            )
        )
    return Store.open(data_dir)


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
    (data_dir / DAMAGE_MARKER).unlink(missing_ok=True)
    return Recovery(store, moved, backup, restored)
