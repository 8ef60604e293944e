"""The one way the window writes user data: stars, notes, read marks, a whole day read, a
restore and watchlist edits, in the order asked for on one writer thread.

After every write the rolling automatic backup is kept (here, in one place) and ONE event of
`LibraryEvents` goes out; the views follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from telereader.app.events import TYPED, LibraryEvents
from telereader.app.i18n import tr
from telereader.app.ops.writer import NOTE, READ, STAR, Write, Writer
from telereader.app.tasks import in_library, run_task
from telereader.core import userdata
from telereader.core.backup import RestoreReport, restore_backup, write_backup
from telereader.core.messages import describe
from telereader.core.store import LibraryError, Store, StoredItem
from telereader.core.unsaved import load_unsaved, save_unsaved, unsaved_path

__all__ = ["NOTE", "READ", "STAR", "LibraryOps"]


class LibraryOps(QObject):
    write_failed = Signal(object, object)  # Write, LibraryError: it is not in the library
    trouble = Signal(str, int)  # a sentence for the status bar, how long to show it (ms)
    restored = Signal(object)  # RestoreReport

    def __init__(self, store: Store, data_dir: Path, events: LibraryEvents, parent: QObject):
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.events = events
        self.writer = Writer(data_dir, self)
        self.writer.written.connect(self._written)
        self.writer.failed.connect(self._failed)
        self.damage_found = False  # a copy of a damaged file must not become the backup
        self.last_restore: RestoreReport | None = None
        self._kept_notes: dict[str, str] = {}  # from unsaved-notes.json, for items not here

    # ---- asking ----------------------------------------------------------------------------

    def set_starred(self, item_ids: list[str], starred: bool) -> None:
        self.writer.set_starred(item_ids, starred)
        self.events.items_changed.emit(tuple(item_ids), STAR)

    def set_read(self, item_ids: list[str]) -> None:
        if item_ids:
            self.writer.set_read(item_ids)
            self.events.items_changed.emit(tuple(item_ids), READ)

    def save_note(self, item_id: str, text: str) -> None:
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

        run_task(in_library(self.data_dir, work), done, on_failed, pool=self.writer.pool)

    def restore(
        self, path: Path, on_failed: Callable[[BaseException], None]
    ) -> None:
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

    def wait(self, timeout_ms: int) -> None:
        self.writer.pool.waitForDone(timeout_ms)

    # ---- after a write ---------------------------------------------------------------------

    def keep_backup(self) -> None:
        """A rolling automatic backup of the reader's data (it writes at most every few minutes,
        and only when something changed); a failure never interrupts reading."""
        if self.damage_found:
            return  # the marker file may not be written yet; the core checks it too
        problem = userdata.keep_backup(self.store)
        if problem is not None:
            self.trouble.emit(tr("自动备份失败：") + describe(problem), 8000)

    def _restored(self, report: RestoreReport) -> None:
        self.keep_backup()
        self.last_restore = report
        self.events.watchlists_changed.emit()
        self.restored.emit(report)

    def _written(self, write: Write) -> None:
        self.keep_backup()
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
        """Keep the notes not yet in the library in unsaved-notes.json beside it (or remove the
        file when every note is in)."""
        if only_if_kept and not unsaved_path(self.data_dir).exists():
            return
        try:
            save_unsaved(self.data_dir, {**self._kept_notes, **self.writer.unsaved_notes()})
        except OSError as error:
            self.trouble.emit(tr("无法保留未保存的笔记：") + str(error), 15_000)

    def reapply_unsaved_notes(self) -> None:
        """Notes an earlier window could not save are written now, without asking: they are the
        reader's latest words. Notes of items not in this library stay in the file."""
        notes = load_unsaved(self.data_dir)
        if not notes:
            return
        missing = set(self.store.missing_ids(notes))
        self._kept_notes = {key: text for key, text in notes.items() if key in missing}
        for item_id, text in notes.items():
            if item_id not in missing:
                self.writer.save_note(item_id, text)
        if len(notes) > len(self._kept_notes):
            self.trouble.emit(
                tr("正在写回上次未能保存的 %1 条笔记").replace(
                    "%1", str(len(notes) - len(self._kept_notes))
                ),
                15_000,
            )

    def close(self, wait_ms: int) -> None:
        """Notes not yet in the library go to unsaved-notes.json first (a crash while waiting
        loses nothing); writes under way get a moment to land; the file then keeps only what
        did not. The next window start writes them."""
        if self.writer.unsaved_notes():
            self.keep_unsaved_notes()
        self.writer.finish(wait_ms)
        if unsaved_path(self.data_dir).exists():
            self.keep_unsaved_notes()
