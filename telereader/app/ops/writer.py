"""The one way the window writes the reader's own data: notes, stars and read marks.

Writes run in the order asked for on one worker thread with a connection of its own, so the UI
thread never waits for the write lock (another program's transaction, a slow disk). Until a
write lands, `overlay` shows it as done (the window updates at once); `written` or `failed`
arrives on the UI thread afterwards. A star or read mark that fails is dropped (the window
shows the library's state again and says why); a note that fails stays unsaved and is tried
again, after 1 s, 2 s, 4 s … (at most a minute apart) and whenever `retry` is called.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from telereader.app.tasks import run_task
from telereader.core.library_errors import library_error
from telereader.core.store import LIBRARY_FILE, LibraryError, Store, StoredItem

RETRY_FIRST_MS = 1000
RETRY_MAX_MS = 60_000

NOTE, STAR, READ = "note", "star", "read"


@dataclass(frozen=True)
class Write:
    """One change the reader asked for; `number` orders them."""

    kind: str  # NOTE, STAR or READ
    item_ids: tuple[str, ...]
    value: str | bool
    number: int

    def apply(self, store: Store) -> None:
        if self.kind == NOTE:
            store.set_note(self.item_ids[0], str(self.value))
        elif self.kind == STAR:
            store.set_starred(self.item_ids, bool(self.value))
        else:
            store.set_read(self.item_ids, bool(self.value))


class Writer(QObject):
    written = Signal(object)  # Write: it is in the library
    failed = Signal(object, object)  # Write, LibraryError: it is not

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        open_store: Callable[[Path], Store] | None = None,
        after_write: Callable[[Store], None] | None = None,
    ):
        super().__init__(parent)
        self.data_dir = data_dir
        self._after_write = after_write  # on the worker thread, after each write lands
        self._open_store = open_store or (lambda directory: Store.open(directory))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._store: Store | None = None  # used by the worker thread only
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._landed: set[int] = set()  # numbers of writes in the library (set by the worker)
        self._notes: dict[str, Write] = {}  # the latest note asked for, until it lands
        self._failed_notes: dict[str, LibraryError] = {}  # notes whose latest try failed
        self._marks: dict[tuple[str, str], Write] = {}  # (kind, item id) → star/read in flight
        self._retry_delay = RETRY_FIRST_MS
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.retry)

    # ---- asking ------------------------------------------------------------------------------

    def save_note(self, item_id: str, text: str) -> Write:
        write = self._write(NOTE, (item_id,), text)
        self._notes[item_id] = write
        self._failed_notes.pop(item_id, None)
        self.retry()  # every later save tries the notes that failed, too
        return write

    def set_starred(self, item_ids: list[str], starred: bool) -> Write:
        return self._mark(STAR, item_ids, starred)

    def set_read(self, item_ids: list[str], read: bool = True) -> Write:
        return self._mark(READ, item_ids, read)

    def run_here(self, work: Callable[[Store], None]) -> None:
        """Run `work` on the writer's thread with its connection, after the writes asked for
        before it (`work` reports its own trouble: its failure changes nothing here)."""
        run_task(lambda: work(self._connection()), _ignore, _ignore, pool=self._pool, parent=self)

    def retry(self) -> None:
        """Try every note that failed again, now."""
        self._retry_timer.stop()
        for item_id, _error in list(self._failed_notes.items()):
            del self._failed_notes[item_id]
            self._notes[item_id] = self._write(NOTE, (item_id,), self._notes[item_id].value)

    # ---- what the window shows ---------------------------------------------------------------

    def overlay(self, item: StoredItem) -> StoredItem:
        """The item as it will be once the writes asked for land."""
        changes: dict[str, object] = {}
        note = self._notes.get(item.id)
        if note is not None:
            changes["note"] = str(note.value) if str(note.value).strip() else None
        for kind, field in ((STAR, "starred"), (READ, "read")):
            mark = self._marks.get((kind, item.id))
            if mark is not None:
                changes[field] = bool(mark.value)
        return item.replace(**changes) if changes else item

    def pending_items(self) -> set[str]:
        """The items with a write asked for that has not landed: `overlay` changes them."""
        return set(self._notes) | {item_id for _kind, item_id in self._marks}

    def note_failure(self, item_id: str) -> LibraryError | None:
        """Why the note of this item is not saved yet, if its latest try failed."""
        return self._failed_notes.get(item_id)

    def note_pending(self, item_id: str) -> bool:
        return item_id in self._notes and not self._has_landed(self._notes[item_id])

    def unsaved_notes(self) -> dict[str, str]:
        """Notes asked for that are not in the library yet, item id → text."""
        return {
            item_id: str(write.value)
            for item_id, write in self._notes.items()
            if not self._has_landed(write)
        }

    @property
    def pool(self) -> QThreadPool:
        """The writer's one thread: other work on the library queued here (a restore, an
        export, a backup) runs after every write asked for before it."""
        return self._pool

    @property
    def busy(self) -> bool:
        return bool(self._marks) or bool(self.unsaved_notes())

    # ---- closing -----------------------------------------------------------------------------

    def finish(self, timeout_ms: int) -> bool:
        """Stop retrying and give writes under way up to `timeout_ms` to land; True when the
        worker is done (its connection is then closed)."""
        self._retry_timer.stop()
        if not self._pool.waitForDone(timeout_ms):
            return False
        if self._store is not None:
            self._store.close()
            self._store = None
        return True

    # ---- the worker ----------------------------------------------------------------------------

    def _write(self, kind: str, item_ids: tuple[str, ...], value: str | bool) -> Write:
        write = Write(kind, item_ids, value, next(self._numbers))
        run_task(
            lambda: self._run(write),
            self._landed_write,
            lambda error: self._failed_write(write, error),
            pool=self._pool,
            parent=self,
        )
        return write

    def _mark(self, kind: str, item_ids: list[str], value: bool) -> Write:
        write = self._write(kind, tuple(dict.fromkeys(item_ids)), value)
        for item_id in write.item_ids:
            self._marks[(kind, item_id)] = write
        return write

    def _run(self, write: Write) -> Write:
        """On the worker thread: write, with a connection kept between writes."""
        try:
            write.apply(self._connection())
        except BaseException:
            if self._store is not None:  # a fresh connection for the next try
                self._store.close()
                self._store = None
            raise
        with self._lock:
            self._landed.add(write.number)
        if self._after_write is not None:
            self._after_write(self._store)
        return write

    def _connection(self) -> Store:
        """On the worker thread: its connection, opened on first use."""
        if self._store is None:
            self._store = self._open_store(self.data_dir)
        return self._store

    def _has_landed(self, write: Write) -> bool:
        with self._lock:
            return write.number in self._landed

    # ---- answers, on the UI thread ---------------------------------------------------------------

    def _landed_write(self, write: Write) -> None:
        if write.kind == NOTE:
            item_id = write.item_ids[0]
            if self._notes.get(item_id) is write:
                del self._notes[item_id]
            if not self._failed_notes:
                self._retry_delay = RETRY_FIRST_MS
        else:
            self._forget_mark(write)
        self.written.emit(write)

    def _failed_write(self, write: Write, error: BaseException) -> None:
        problem = _as_library_error(self.data_dir, error)
        if write.kind == NOTE:
            item_id = write.item_ids[0]
            if self._notes.get(item_id) is write:  # a newer text is on its way otherwise
                self._failed_notes[item_id] = problem
                if not self._retry_timer.isActive():
                    self._retry_timer.start(self._retry_delay)
                    self._retry_delay = min(self._retry_delay * 2, RETRY_MAX_MS)
        else:
            self._forget_mark(write)
        self.failed.emit(write, problem)

    def _forget_mark(self, write: Write) -> None:
        for item_id in write.item_ids:
            if self._marks.get((write.kind, item_id)) is write:
                del self._marks[(write.kind, item_id)]


def _ignore(_result: object) -> None:
    pass


def _as_library_error(data_dir: Path, error: BaseException) -> LibraryError:
    if isinstance(error, LibraryError):
        return error
    if not isinstance(error, (sqlite3.Error, OSError)):
        error = RuntimeError(str(error))
    return library_error(data_dir / LIBRARY_FILE, error)
