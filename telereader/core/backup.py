"""The reader's own data in one JSON file: stars, notes, read marks, watchlists, saved
searches, the reader's word on market names (added, hidden, aliases) and the days they looked
at (new since you looked).

A backup restores into any library, merging by item id: entries whose items are not in the
library yet are kept all the same and attach when their day is imported (user tables are keyed
by content-derived ids, with no foreign key). The app also keeps rolling automatic backups in the
data folder, written after changes, at most once every few minutes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from telereader import __version__
from telereader.core.backup_schema import FORMAT, FORMAT_VERSION, check_backup
from telereader.core.files import write_atomically
from telereader.core.keywords import WatchOptions
from telereader.core.kinds import Problem
from telereader.core.newsince import looked_days, restore_looks
from telereader.core.note_index import write_note
from telereader.core.reader_names import reader_names, restore_names
from telereader.core.saved_searches import restore_saved, saved_searches
from telereader.core.store import LibraryError, Store, now
from telereader.core.watchlists import save_watchlist, watchlist_named, watchlists

AUTO_FOLDER = "backups"
AUTO_KEEP = 10
AUTO_INTERVAL_S = 300


def snapshot(store: Store) -> dict:
    """Everything the reader made, as plain data."""
    db = store.conn  # reads only: no sqlite-utils

    def rows(sql: str) -> list[dict]:
        cursor = db.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "app": __version__,
        "written_at": now(),
        "stars": rows("SELECT item_id, starred_at FROM stars ORDER BY item_id"),
        "notes": rows("SELECT item_id, text, updated_at FROM notes ORDER BY item_id"),
        "reads": rows("SELECT item_id, read_at FROM reads ORDER BY item_id"),
        "watchlists": [watchlist.to_json() for watchlist in watchlists(store)],
        "saved_searches": [saved.to_json() for saved in saved_searches(store)],
        "names": [entry.to_json() for entry in reader_names(db)],
        "looked_days": looked_days(store),
    }


def backup_text(store: Store) -> str:
    return json.dumps(snapshot(store), ensure_ascii=False, indent=1)


def write_backup(store: Store, path: Path) -> Path:
    """Write a backup file whole or not at all, and on the disk when this returns."""
    return write_atomically(path, backup_text(store))


@dataclass
class RestoreReport:
    stars: int = 0
    notes: int = 0
    reads: int = 0
    watchlists: int = 0
    saved_searches: int = 0
    names: int = 0  # the reader's names (added, hidden, aliases) the library had no word on
    looked_days: int = 0  # days counted as looked at (new since you looked)
    waiting: int = 0  # entries for items not in this library (yet)

    def to_json(self) -> dict:
        return dict(self.__dict__)


def read_backup(path: Path) -> dict:
    """The backup's data, checked whole against the format (`check_backup`) before anything is
    changed: LibraryError naming the first thing that is wrong, else the data."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        # "\ud800" decodes to a lone surrogate, which no library text can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except RecursionError as error:
        raise LibraryError(Problem("backup_too_deep", params={"path": str(path)})) from error
    except (OSError, ValueError) as error:
        # ValueError: not JSON, not UTF-8, a lone surrogate, a number of thousands of digits
        raise LibraryError(
            Problem("backup_unreadable", params={"path": str(path), "error": str(error)[:200]})
        ) from error
    check_backup(data, path)
    return data


def restore_backup(store: Store, path: Path) -> RestoreReport:
    """Merge a backup into the library in one transaction: stars and read marks are added, a
    note replaces the library's note only when the backup's is newer, watchlists are added or
    gain the backup's keywords, saved searches the library has no name for are added. A backup
    that is not whole changes nothing."""
    data = read_backup(path)
    report = RestoreReport()
    entries = [entry for key in ("stars", "notes", "reads") for entry in data.get(key, [])]
    known_ids = {row[0] for row in store.conn.execute("SELECT id FROM items")} if entries else set()
    with store.transaction() as db:
        for star in data.get("stars", []):
            cursor = db.execute(
                "INSERT OR IGNORE INTO stars (item_id, starred_at) VALUES (?, ?)",
                [star["item_id"], star.get("starred_at") or now()],
            )
            report.stars += cursor.rowcount
        for note in data.get("notes", []):
            report.notes += write_note(
                db.conn, note["item_id"], note["text"], note.get("updated_at") or now(), True
            )
        for read in data.get("reads", []):
            cursor = db.execute(
                "INSERT OR IGNORE INTO reads (item_id, read_at) VALUES (?, ?)",
                [read["item_id"], read.get("read_at") or now()],
            )
            report.reads += cursor.rowcount
        report.waiting = len({entry["item_id"] for entry in entries} - known_ids)
        for watchlist in data.get("watchlists", []):
            name = watchlist["name"].strip()
            existing = watchlist_named(store, name)
            keywords = list(watchlist.get("keywords", []))
            if existing is None:  # a list the library has keeps its own options
                options = WatchOptions.from_json(watchlist)
                save_watchlist(store, name, keywords, watchlist.get("colour"), options=options)
                report.watchlists += 1
            else:
                merged = [k.line for k in existing.keywords] + keywords
                save_watchlist(store, existing.name, merged, watchlist_id=existing.id)
        report.saved_searches = restore_saved(store, data.get("saved_searches", []))
        report.names = restore_names(store, data.get("names", []))
        report.looked_days = restore_looks(store, data.get("looked_days", []))
    return report


# ---- rolling automatic backups --------------------------------------------------------------------


def auto_backup(
    store: Store, data_dir: Path, min_interval_s: int = AUTO_INTERVAL_S, keep: int = AUTO_KEEP
) -> Path | None:
    """Write an automatic backup unless one was written less than `min_interval_s` ago or
    nothing changed since the last; keep the newest `keep`. Returns the new file, if any.

    The new backup is on the disk (file and folder flushed) before any older one is removed. A
    newest backup that cannot be read (a power cut left it empty) neither counts as recent nor
    as unchanged.

    This runs after every change (each read mark), so while the newest backup is recent it
    costs one stat and a peek at the file's last bytes: no parse, no copy of the library."""
    folder = data_dir / AUTO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("backup-*.json"))
    newest = existing[-1] if existing else None
    if newest is not None and _recent(newest, min_interval_s) and _looks_whole(newest):
        return None
    data = snapshot(store)
    if newest is not None:
        try:
            previous = read_backup(newest)
        except LibraryError:
            previous = None  # unreadable: a backup is due whatever its age
        if previous is not None:
            previous.pop("written_at", None)
            if previous == {key: value for key, value in data.items() if key != "written_at"}:
                return None
    path = folder / f"backup-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.json"
    write_backup(store, path)  # flushed to the disk before anything older goes
    for old in sorted(folder.glob("backup-*.json"))[:-keep]:
        old.unlink(missing_ok=True)
    return path


def _recent(path: Path, min_interval_s: int) -> bool:
    try:
        return dt.datetime.now().timestamp() - path.stat().st_mtime < min_interval_s
    except OSError:
        return False


def _looks_whole(path: Path) -> bool:
    """A cheap look (no parse): a backup that a power cut left empty or cut short does not end
    with the closing brace of its JSON object."""
    try:
        with path.open("rb") as file:
            file.seek(0, 2)
            size = file.tell()
            file.seek(max(0, size - 64))
            return file.read().rstrip().endswith(b"}")
    except OSError:
        return False


def latest_auto_backup(data_dir: Path) -> Path | None:
    """The newest automatic backup that can be restored: one that a power cut left empty or cut
    short is passed over for the good one before it."""
    for candidate in sorted((data_dir / AUTO_FOLDER).glob("backup-*.json"), reverse=True):
        try:
            read_backup(candidate)
        except LibraryError:
            continue
        return candidate
    return None
