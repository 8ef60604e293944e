"""The one way the window writes user data: stars, notes, read marks, a whole day read, a
restore, watchlist and saved search edits, the reader's market names and the days looked at (new
since you looked), in the order asked for on one writer thread.

After every write the rolling automatic backup is kept (here, in one place, on the writer's
thread: the UI thread never reads or writes a backup) and ONE event of `LibraryEvents` goes
out; the views follow it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from telereader.app.events import TYPED, LibraryEvents
from telereader.app.i18n import tr
from telereader.app.ops.writer import NOTE, READ, STAR, Write, Writer
from telereader.app.tasks import in_library, run_task
from telereader.core import newsince, userdata
from telereader.core.backup import RestoreReport, restore_backup, write_backup
from telereader.core.messages import describe
from telereader.core.store import LibraryError, Store, StoredItem
from telereader.core.unsaved import KeptNote, load_unsaved, save_unsaved, unsaved_path

__all__ = ["NOTE", "READ", "STAR", "LibraryOps"]


class LibraryOps(QObject):
    write_failed = Signal(object, object)  # Write, LibraryError: it is not in the library
    trouble = Signal(str, int)  # a sentence for the status bar, how long to show it (ms)
    restored = Signal(object)  # RestoreReport
    _backup_failed = Signal(object)  # OSError | sqlite3.Error, from the writer's thread
    _looked = Signal(object)  # dt.date whose look landed, from the writer's thread
    _look_failed = Signal(object)  # LibraryError | sqlite3.Error, from the writer's thread

    def __init__(self, store: Store, data_dir: Path, events: LibraryEvents, parent: QObject):
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.events = events
        self.writer = Writer(data_dir, self, after_write=self._back_up_here)
        self._backup_failed.connect(self._say_backup_failed)
        self._looked.connect(self.events.looked)
        self._look_failed.connect(
            lambda error: self.trouble.emit(tr("无法记下看过的日子：") + describe(error), 8000)
        )
        self.writer.written.connect(self._written)
        self.writer.failed.connect(self._failed)
        self.damage_found = False  # a copy of a damaged file must not become the backup
        self.last_restore: RestoreReport | None = None
        self._kept_notes: dict[str, KeptNote] = {}  # from unsaved-notes.json, not written
        self._bases: dict[str, str] = {}  # item id → the library's note a typed note replaces

    # ---- asking ----------------------------------------------------------------------------

    def set_starred(self, item_ids: list[str], starred: bool) -> None:
        self.writer.set_starred(item_ids, starred)
        self.events.items_changed.emit(tuple(item_ids), STAR)

    def set_read(self, item_ids: list[str], read: bool = True) -> None:
        if item_ids:
            self.writer.set_read(item_ids, read)
            self.events.items_changed.emit(tuple(item_ids), READ)

    def save_note(self, item_id: str, text: str) -> None:
        if item_id not in self.writer.unsaved_notes():  # the first text since the last landed
            self._bases[item_id] = self._library_note(item_id)
        self.writer.save_note(item_id, text)
        self.events.items_changed.emit((item_id,), TYPED)

    def fresh(self, item_id: str) -> StoredItem | None:
        """The item as the library has it, with the writes under way applied."""
        item = self.store.item(item_id)
        return self.writer.overlay(item) if item is not None else None

    def change_watchlists(
        self,
        work: Callable[[Store], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """A watchlist edit, after the writes asked for before it."""

        def done(result: Any) -> None:
            self.keep_backup()
            self.events.watchlists_changed.emit()
            on_done(result)

        run_task(
            in_library(self.data_dir, work), done, on_failed, pool=self.writer.pool, parent=self
        )

    def change_saved_searches(
        self,
        work: Callable[[Store], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """A saved search saved, renamed, moved or deleted, after the writes asked for before."""
        self._change(work, on_done, on_failed, self.events.saved_searches_changed)

    def change_name(
        self,
        work: Callable[[Store], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """The reader's word on a market name (core/reader_names.py: add, hide, alias,
        forget), after the writes asked for before it; the backup is kept, then
        `names_changed`."""
        self._change(work, on_done, on_failed, self.events.names_changed)

    def _change(self, work, on_done, on_failed, changed) -> None:
        """Run `work` on the writer's thread; then keep the backup and say `changed`."""

        def done(result: Any) -> None:
            self.keep_backup()
            changed.emit()
            on_done(result)

        run_task(
            in_library(self.data_dir, work), done, on_failed, pool=self.writer.pool, parent=self
        )

    def restore(self, path: Path, on_failed: Callable[[BaseException], None]) -> None:
        """Merge a backup into the library: nothing of the library's is removed."""
        run_task(
            in_library(self.data_dir, lambda store: restore_backup(store, path)),
            self._restored,
            on_failed,
            pool=self.writer.pool,
            parent=self,
        )

    def back_up(
        self, path: Path, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]
    ) -> None:
        """Write the reader's stars, notes, read marks and watchlists to one JSON file."""
        run_task(
            in_library(self.data_dir, lambda store: write_backup(store, path)),
            on_done,
            on_failed,
            pool=self.writer.pool,  # after the writes asked for before it
            parent=self,
        )

    def delete_day(self, day: dt.date, on_failed: Callable[[BaseException], None]) -> None:
        """Remove a digest day (its items; never the reader's stars, notes or read marks),
        after the writes asked for before it."""

        def done(_removed: int) -> None:
            self.events.day_deleted.emit(day)

        run_task(
            in_library(self.data_dir, lambda store: store.delete_day(day)),
            done,
            on_failed,
            pool=self.writer.pool,
            parent=self,
        )

    def mark_looked(self, day: dt.date, seen: int) -> None:
        """The reader looked at `day` and saw it up to arrival `seen` (core/newsince.py), after
        the writes asked for before it; `looked` follows once it is in the library."""

        def work(store: Store) -> None:
            try:
                newsince.mark_looked(store, day, seen)
            except (LibraryError, sqlite3.Error) as error:
                self._look_failed.emit(error)
                return
            self._back_up_here(store)
            self._looked.emit(day)

        self.writer.run_here(work)

    def wait(self, timeout_ms: int) -> None:
        self.writer.pool.waitForDone(timeout_ms)

    # ---- after a write ---------------------------------------------------------------------

    def keep_backup(self) -> None:
        """A rolling automatic backup of the reader's data (it writes at most every few minutes,
        and only when something changed), on the writer's thread after the writes asked for
        before; a failure never interrupts reading. Every landed write does this too."""
        self.writer.run_here(self._back_up_here)

    def _back_up_here(self, store: Store) -> None:
        """On the writer's thread, with its connection."""
        if self.damage_found:
            return  # the marker file may not be written yet; the core checks it too
        try:
            problem = userdata.keep_backup(store)
        except Exception as error:  # the write landed: this is only a warning
            problem = error
        if problem is not None:
            self._backup_failed.emit(problem)

    def _say_backup_failed(self, problem: BaseException) -> None:
        self.trouble.emit(tr("自动备份失败：") + describe(problem), 8000)

    def _restored(self, report: RestoreReport) -> None:
        self.keep_backup()
        self.last_restore = report
        self.events.watchlists_changed.emit()
        self.events.saved_searches_changed.emit()
        if report.names:
            self.events.names_changed.emit()
        self.restored.emit(report)

    def _written(self, write: Write) -> None:
        if write.kind == NOTE:
            self.keep_unsaved_notes(only_if_kept=True)
        self.events.items_changed.emit(write.item_ids, write.kind)

    def _failed(self, write: Write, error: LibraryError) -> None:
        """A note stays unsaved (and is tried again); a star or read mark shows as it was."""
        self.events.items_changed.emit(write.item_ids, write.kind)
        self.write_failed.emit(write, error)
        if write.kind == NOTE:
            self.keep_unsaved_notes()

    # ---- notes the library could not take ---------------------------------------------------

    def keep_unsaved_notes(self, only_if_kept: bool = False) -> None:
        """Keep the notes not yet in the library in unsaved-notes.json beside it, each with the
        library's note it replaces (or remove the file when every note is in)."""
        if only_if_kept and not unsaved_path(self.data_dir).exists():
            return
        typed = {
            item_id: KeptNote(text, self._bases.get(item_id))
            for item_id, text in self.writer.unsaved_notes().items()
        }
        try:
            aside = save_unsaved(self.data_dir, {**self._kept_notes, **typed})
        except OSError as error:
            self.trouble.emit(tr("无法保留未保存的笔记：") + describe(error), 15_000)
            return
        if aside is not None:
            self._say_set_aside(aside)

    def reapply_unsaved_notes(self) -> None:
        """Notes an earlier window could not save are written now, without asking, while the
        library still holds the note they were typed over. A note changed meanwhile elsewhere
        (`telereader note`) is not overwritten: the kept note stays in the file and the reader
        is told. Notes of items not in this library stay in the file too."""
        loaded = load_unsaved(self.data_dir)
        if loaded.set_aside is not None:
            self._say_set_aside(loaded.set_aside)
        notes = loaded.notes
        missing = set(self.store.missing_ids(notes)) if notes else set()
        written, changed = 0, 0
        for item_id, note in notes.items():
            current = "" if item_id in missing else self._library_note(item_id)
            if item_id not in missing and note.text == current:
                continue  # it landed after all
            if item_id in missing or (note.based_on is not None and note.based_on != current):
                self._kept_notes[item_id] = note
                changed += item_id not in missing
            else:
                self._bases[item_id] = current
                self.writer.save_note(item_id, note.text)
                written += 1
        if not written and len(self._kept_notes) < len(notes):
            self.keep_unsaved_notes()  # nothing lands to rewrite the file: do it now
        if changed:
            message = tr(
                "%1 条上次未能保存的笔记没有写回：这些条目的笔记后来在别处改过。它们仍保留在 %2"
            )
            path = str(unsaved_path(self.data_dir))
            self.trouble.emit(message.replace("%1", str(changed)).replace("%2", path), 30_000)
        elif written:
            message = tr("正在写回上次未能保存的 %1 条笔记")
            self.trouble.emit(message.replace("%1", str(written)), 15_000)

    def _library_note(self, item_id: str) -> str:
        item = self.store.item(item_id)
        return (item.note or "") if item is not None else ""

    def _say_set_aside(self, aside: Path) -> None:
        message = tr("未保存笔记的文件无法读取，已原样移到 %1")
        self.trouble.emit(message.replace("%1", str(aside)), 30_000)

    def close(self, wait_ms: int) -> None:
        """Notes not yet in the library go to unsaved-notes.json first (a crash while waiting
        loses nothing); writes under way (and a last automatic backup) get a moment to land;
        the file then keeps only what did not. The next window start writes them."""
        if self.writer.unsaved_notes():
            self.keep_unsaved_notes()
        self.keep_backup()
        self.writer.finish(wait_ms)
        if unsaved_path(self.data_dir).exists():
            self.keep_unsaved_notes()
