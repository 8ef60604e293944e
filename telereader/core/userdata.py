"""The reader's own data changes here: stars, notes, read marks, a day read, restores.

Each change is one transaction in the store. After a change, `keep_backup` keeps the rolling
automatic backup; the window (on its writer thread) and the command line (after every command
that writes) both end their writes with it, so no front end and no kind of change can skip it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from telereader.core.backup import RestoreReport, auto_backup, restore_backup
from telereader.core.recovery import DAMAGE_MARKER
from telereader.core.store import Store


def set_starred(store: Store, item_ids: Iterable[str], starred: bool) -> None:
    store.set_starred(list(item_ids), starred)


def set_note(store: Store, item_id: str, text: str) -> None:
    """An empty text removes the note."""
    store.set_note(item_id, text)


def set_read(store: Store, item_ids: Iterable[str], read: bool = True) -> None:
    store.set_read(list(item_ids), read)


def mark_day_read(store: Store, day: dt.date) -> list[str]:
    """Every item of the digest day counts as read; returns the ids that were unread."""
    unread = [item.id for item in store.iter_items_on(day) if not item.read]
    if unread:
        store.set_read(unread, True)
    return unread


def restore(store: Store, path: Path) -> RestoreReport:
    return restore_backup(store, path)


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
