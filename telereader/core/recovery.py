"""When the library cannot be used: a damaged file, a file that is not a library, a library
from a newer telereader. Nothing is ever deleted: the bad file is set aside under a new name, a
new library starts, and the reader's own data comes back from the latest automatic backup.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from telereader.core.backup import (
    RestoreReport,
    latest_auto_backup,
    read_backup,
    restore_backup,
)
from telereader.core.library_errors import is_damage, library_error
from telereader.core.messages import render
from telereader.core.model import Problem
from telereader.core.store import LIBRARY_FILE, LibraryError, Store

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
        rows = [row[0] for row in store.conn.execute("PRAGMA quick_check(10)").fetchall()]
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
                store.conn.set_progress_handler(stop, 50_000)
            problems = check(store)
    except LibraryError as error:
        if error.problem.code not in ("library_damaged", "not_a_library"):
            return []
        problems = [render(error.problem)]
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


# ---- before anything moves: is the file free, is there room ---------------------------------------

# SQLite's lock bytes (unix VFS): on the library file, the pending/reserved/shared range a
# transaction or an exclusive hold takes; on its -shm, the byte every connection in WAL mode
# holds a shared lock on while it has the library open.
_LOCK_RANGES = ((LIBRARY_FILE, 0x40000000, 512), (f"{LIBRARY_FILE}-shm", 128, 1))
NEW_LIBRARY_MARGIN = 4 << 20  # room a new library (and the restore into it) needs, at least


def in_use_elsewhere(data_dir: Path) -> bool:
    """Another program has the library open (as far as its SQLite locks tell: a connection in
    WAL mode, a transaction, an exclusive hold). Call it only while this process has no
    connection to the file: releasing the probe's lock would drop that connection's locks."""
    try:
        import fcntl
    except ImportError:  # Windows: the file cannot be renamed while open there anyway
        return False
    for name, start, length in _LOCK_RANGES:
        try:
            descriptor = os.open(data_dir / name, os.O_RDWR)
        except OSError:
            continue  # no such file, or not ours to write: nothing to learn here
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
        except OSError:
            return True  # someone else holds a lock on it
        else:
            fcntl.lockf(descriptor, fcntl.LOCK_UN, length, start)
        finally:
            os.close(descriptor)
    return False


def _room_needed(backup: Path | None) -> int:
    return NEW_LIBRARY_MARGIN + (3 * backup.stat().st_size if backup is not None else 0)


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


def _build_new_library(data_dir: Path, backup: Path | None) -> tuple[Path, RestoreReport | None]:
    """A new library (with the backup restored into it) in a folder beside the old one, whole
    and closed before anything of the old one moves; returns that folder and the report."""
    folder = Path(tempfile.mkdtemp(prefix=".new-library-", dir=data_dir))
    try:
        with Store.open(folder) as store:
            restored = restore_backup(store, backup) if backup is not None else None
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return folder, restored
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


@dataclass
class Recovery:
    store: Store
    set_aside_as: Path
    backup: Path | None  # the automatic backup restored, if one was asked for and found
    restored: RestoreReport | None


def start_afresh(data_dir: Path, from_backup: bool) -> Recovery:
    """Set the library aside, open a new one and, if asked, restore the latest automatic
    backup into it (its stars and notes attach as the reader imports their days again).

    Nothing moves while another program has the library open (LibraryError library_busy) or
    without room for the new library (recovery_no_space); the new library is built and
    restored beside the old one first, so a full disk or a failed restore leaves the old
    library exactly where and as it was. The old file is renamed, never copied or truncated."""
    library = data_dir / LIBRARY_FILE
    if in_use_elsewhere(data_dir):
        raise LibraryError(
            Problem("library_busy", params={"path": str(library), "error": "locked"})
        )
    backup = latest_auto_backup(data_dir) if from_backup else None
    if backup is not None:
        read_backup(backup)  # a backup that cannot be restored stops us before anything moves
    needed, free = _room_needed(backup), shutil.disk_usage(data_dir).free
    if free < needed:
        raise LibraryError(
            Problem(
                "recovery_no_space",
                params={"needed": _megabytes(needed), "free": _megabytes(free)},
            )
        )
    try:
        folder, restored = _build_new_library(data_dir, backup)
    except sqlite3.Error as error:
        raise library_error(library, error) from error
    try:
        moved = set_aside(data_dir)
        os.replace(folder / LIBRARY_FILE, library)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    store = Store.open(data_dir)
    (data_dir / DAMAGE_MARKER).unlink(missing_ok=True)
    return Recovery(store, moved, backup, restored)
