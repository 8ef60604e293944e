"""A note the reader typed is never dropped: not on a full disk, not while another program holds
the library's write lock, not on closing the window; and the window never waits for the lock."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from telereader.app.ops.importing import ImportJob
from telereader.app.ops.writer import Writer
from telereader.app.widgets.detail import FAILED, SAVED, SAVING
from telereader.cli import main as command_line
from telereader.core import userdata
from telereader.core.store import LIBRARY_FILE, Store
from telereader.core.unsaved import UNSAVED_FILE
from tests.conftest import FIXTURES
from tests.test_window import Reader, english, rows  # noqa: F401  (english: a fixture)

# The fake full disk below sets pragmas on every connection the window opened, from the test's
# thread: a catch-up's thread must not be using one of them meanwhile (a crash in sqlite3).
pytestmark = pytest.mark.usefixtures("no_catch_ups")

# Too long to fit in the pages the library has: a disk with no room left refuses it.
LONG_NOTE = "先看业绩，再看估值。" * 3000
WAIT_MS = 8000


@pytest.fixture
def reader(qtbot, data_dir):
    opened = Reader(qtbot, data_dir)
    yield opened
    opened.finish()


class Disk:
    """The library's disk, for every connection the window opens: it can fill up (SQLite's own
    SQLITE_FULL, via max_page_count), be freed again, or turn read-only (query_only)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.stores: list[Store] = []
        self.pragmas: list[str] = []
        real_open = Store.open

        def open_(directory=None):
            store = real_open(directory)
            self.stores.append(store)
            for pragma in self.pragmas:
                self._apply(store, pragma)
            return store

        monkeypatch.setattr(Store, "open", open_)

    def fill(self) -> None:
        self._everywhere("max_page_count")

    def free(self) -> None:
        self._everywhere("free")

    def make_read_only(self) -> None:
        self._everywhere("query_only")

    def _everywhere(self, pragma: str) -> None:
        self.pragmas = [pragma]
        for store in self.stores:
            self._apply(store, pragma)

    @staticmethod
    def _apply(store: Store, pragma: str) -> None:
        try:
            if pragma == "max_page_count":
                pages = store.db.execute("PRAGMA page_count").fetchone()[0]
                store.db.execute(f"PRAGMA max_page_count = {pages}")
            elif pragma == "free":
                store.db.execute("PRAGMA max_page_count = 1073741823")
                store.db.execute("PRAGMA query_only = 0")
            else:
                store.db.execute("PRAGMA query_only = 1")
        except sqlite3.ProgrammingError:
            pass  # closed


@pytest.fixture
def disk(monkeypatch) -> Disk:
    return Disk(monkeypatch)


def type_note(window, text: str) -> None:
    window.detail.note.setFocus()
    window.detail.note.setPlainText(text)  # as typing does: the box now holds unsaved text
    window.detail.flush_note()


def library_note(data_dir: Path, item_id: str) -> str | None:
    with sqlite3.connect(data_dir / LIBRARY_FILE) as conn:
        row = conn.execute("SELECT text FROM notes WHERE item_id = ?", [item_id]).fetchone()
    return row[0] if row else None


def test_a_note_the_full_disk_refused_stays_unsaved_survives_moving_away_and_lands_later(
    reader, qtbot, disk
):
    window = reader.open()
    item = window.current_item()
    disk.fill()
    with qtbot.waitSignal(window.writer.failed, timeout=WAIT_MS):
        type_note(window, LONG_NOTE)
    state = window.detail.note_state
    assert state.property("state") == FAILED
    assert "disk is full" in state.text() and "Saved" not in state.text()
    assert library_note(reader.data_dir, item.id) is None
    assert "disk is full" in window.statusBar().currentMessage()

    window.move_selection(+1)
    window.move_selection(-1)
    assert window.current_item().id == item.id
    assert window.detail.note.toPlainText() == LONG_NOTE  # still here, still marked unsaved
    assert state.property("state") in (FAILED, SAVING)

    disk.free()  # room again: the retry timer writes it without the reader doing a thing
    qtbot.waitUntil(lambda: library_note(reader.data_dir, item.id) == LONG_NOTE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: state.property("state") == SAVED, timeout=WAIT_MS)
    assert "Saved" in state.text()
    assert rows(window)[0].note == LONG_NOTE


def test_a_later_save_retries_the_notes_that_failed(reader, qtbot, disk):
    window = reader.open()
    first = window.current_item()
    disk.fill()
    with qtbot.waitSignal(window.writer.failed, timeout=WAIT_MS):
        type_note(window, LONG_NOTE)
    disk.free()
    window.writer._retry_timer.stop()  # only the next save may bring it in now
    window.move_selection(+1)
    with qtbot.waitSignals([window.writer.written, window.writer.written], timeout=WAIT_MS):
        type_note(window, "第二条笔记")
    assert library_note(reader.data_dir, first.id) == LONG_NOTE
    assert library_note(reader.data_dir, window.current_item().id) == "第二条笔记"


def test_the_window_keeps_working_while_another_program_holds_the_write_lock(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    events: list[str] = []
    window.writer.written.connect(lambda _write: events.append("written"))
    window.writer.failed.connect(lambda _write, _error: events.append("failed"))
    other = sqlite3.connect(reader.data_dir / LIBRARY_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's transaction, holding the lock
    try:
        type_note(window, "锁住时写的笔记")
        QTimer.singleShot(0, lambda: events.append("timer"))
        window.move_selection(+1)  # the reader reads on meanwhile
        qtbot.waitUntil(lambda: "timer" in events, timeout=WAIT_MS)
        assert events == ["timer"]  # the event loop ran while the write was waiting
        assert window.detail.item.id != item.id
        window.move_selection(-1)
        assert window.detail.note.toPlainText() == "锁住时写的笔记"
        assert window.detail.note_state.property("state") == SAVING
    finally:
        other.execute("COMMIT")
        other.close()
    qtbot.waitUntil(lambda: "written" in events, timeout=WAIT_MS)
    assert events == ["timer", "written"]
    assert library_note(reader.data_dir, item.id) == "锁住时写的笔记"
    assert window.detail.note_state.property("state") == SAVED


def close_with_a_refused_note(reader, qtbot, disk):
    """A window whose note the full disk refused, closed: the note is kept in the file."""
    window = reader.open()
    item = window.current_item()
    disk.fill()
    with qtbot.waitSignal(window.writer.failed, timeout=WAIT_MS):
        type_note(window, LONG_NOTE)
    reader.close(window)
    return window, item


def test_closing_with_a_note_the_library_refused_keeps_it_and_the_next_start_writes_it(
    reader, qtbot, disk
):
    _window, item = close_with_a_refused_note(reader, qtbot, disk)
    kept = reader.data_dir / UNSAVED_FILE
    (kept_id,) = json.loads(kept.read_text(encoding="utf-8"))["notes"]
    assert kept_id == item.id
    assert json.loads(kept.read_text(encoding="utf-8"))["notes"][item.id]["text"] == LONG_NOTE
    assert library_note(reader.data_dir, item.id) is None
    assert not list(reader.data_dir.glob(".unsaved-*"))  # written whole, no scraps

    disk.free()
    reopened = reader.open()
    assert reopened.current_item().id == item.id
    assert reopened.detail.note.toPlainText() == LONG_NOTE  # shown at once
    qtbot.waitUntil(lambda: library_note(reader.data_dir, item.id) == LONG_NOTE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not kept.exists(), timeout=WAIT_MS)


def test_closing_with_a_note_just_typed_saves_it_without_a_recovery_file(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    window.detail.note.setPlainText("关窗前写的")  # not yet flushed by the timer
    reader.close(window)
    assert library_note(reader.data_dir, item.id) == "关窗前写的"
    assert not (reader.data_dir / UNSAVED_FILE).exists()


def test_a_star_the_library_refused_shows_as_it_was_with_the_reason(reader, qtbot, disk):
    window = reader.open()
    disk.make_read_only()
    with qtbot.waitSignal(window.writer.failed, timeout=WAIT_MS):
        window.toggle_star()
        assert rows(window)[0].starred  # shown at once …
    assert not rows(window)[0].starred  # … and back as it was once the write failed
    assert not window.detail.star_button.isChecked()
    assert window.write_warning.isVisible()
    assert "read-only" in window.write_warning.text()
    assert library_starred(reader.data_dir) == 0


def library_starred(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / LIBRARY_FILE) as conn:
        return conn.execute("SELECT count(*) FROM stars").fetchone()[0]


def test_another_items_note_box_never_says_saved_while_a_note_is_unsaved(reader, qtbot, disk):
    window = reader.open()
    first = window.current_item()
    disk.fill()
    with qtbot.waitSignal(window.writer.failed, timeout=WAIT_MS):
        type_note(window, LONG_NOTE)
    window.move_selection(+1)  # j: the next item, whose note nobody touched
    state = window.detail.note_state
    assert window.detail.item.id != first.id
    assert "Saved" not in state.text() and state.property("state") != SAVED
    assert library_note(reader.data_dir, first.id) is None
    # a failed retry of the first note while the second is shown changes nothing here either
    with qtbot.waitSignal(window.writer.failed, timeout=WAIT_MS):
        window.writer.retry()
    assert "Saved" not in state.text() and state.property("state") != SAVED


def test_an_unreadable_file_of_unsaved_notes_is_set_aside_not_deleted_by_the_next_note(
    reader, qtbot
):
    reader.data_dir.mkdir(parents=True, exist_ok=True)
    cut = '{"format": "telereader-unsaved-notes", "notes": {"x": "半句'
    (reader.data_dir / UNSAVED_FILE).write_text(cut, encoding="utf-8")
    window = reader.open()
    with qtbot.waitSignal(window.writer.written, timeout=WAIT_MS):
        type_note(window, "一条能保存的笔记")
    (aside,) = reader.data_dir.glob("unsaved-notes.unreadable-*.json")
    assert aside.read_text(encoding="utf-8") == cut
    assert "unsaved-notes.unreadable-" in window.statusBar().currentMessage()


def test_the_ui_thread_never_keeps_the_automatic_backup(reader, qtbot, monkeypatch):
    threads: list[threading.Thread] = []
    real = userdata.auto_backup

    def recording(store, data_dir, *args, **kwargs):
        threads.append(threading.current_thread())
        return real(store, data_dir, *args, **kwargs)

    monkeypatch.setattr(userdata, "auto_backup", recording)
    window = reader.open()
    with qtbot.waitSignal(window.writer.written, timeout=WAIT_MS):
        window.toggle_star()
    with qtbot.waitSignal(window.writer.written, timeout=WAIT_MS):
        type_note(window, "看好")
    with qtbot.waitSignal(window.writer.written, timeout=WAIT_MS):
        window.mark_day_read()
    reader.close(window)
    assert len(threads) >= 3
    assert threading.main_thread() not in threads


def test_closing_during_an_import_stops_it_before_waiting_for_the_notes(
    reader, qtbot, monkeypatch
):
    window = reader.open()
    order: list[str] = []
    real_stop, real_finish = ImportJob.stop, Writer.finish

    def stop(job, *args, **kwargs):
        order.append("import stopped")
        return real_stop(job, *args, **kwargs)

    def finish(writer, *args, **kwargs):
        order.append("notes waited for")
        return real_finish(writer, *args, **kwargs)

    monkeypatch.setattr(ImportJob, "stop", stop)
    monkeypatch.setattr(Writer, "finish", finish)
    window.start_import([FIXTURES / "small.md"])
    type_note(window, "导入时写的笔记")
    reader.close(window)
    assert order == ["import stopped", "notes waited for"]


def test_a_kept_note_never_overwrites_a_note_the_command_line_changed_since(
    reader, qtbot, disk
):
    _window, item = close_with_a_refused_note(reader, qtbot, disk)
    kept = reader.data_dir / UNSAVED_FILE
    assert kept.exists()
    disk.free()
    assert command_line(["--data-dir", str(reader.data_dir), "note", item.id, "命令行改的"]) == 0

    reopened = reader.open()
    reopened.writer.finish(WAIT_MS)  # whatever the start asked to write has landed
    assert library_note(reader.data_dir, item.id) == "命令行改的"
    assert json.loads(kept.read_text(encoding="utf-8"))["notes"][item.id]["text"] == LONG_NOTE
    assert str(kept) in reopened.statusBar().currentMessage()


def test_a_kept_note_that_landed_after_all_is_not_written_again(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    with qtbot.waitSignal(window.writer.written, timeout=WAIT_MS):
        type_note(window, "已经写进去的")
    window.ops.keep_unsaved_notes()  # as if closing kept it, and the write landed afterwards
    reader.close(window)
    (reader.data_dir / UNSAVED_FILE).write_text(
        json.dumps({"notes": {item.id: {"text": "已经写进去的", "based_on": ""}}}),
        encoding="utf-8",
    )
    reader.open()
    assert not (reader.data_dir / UNSAVED_FILE).exists()
    assert library_note(reader.data_dir, item.id) == "已经写进去的"


def test_undo_in_the_note_box_never_brings_back_another_items_note(reader, qtbot):
    """An empty note box is kept from item to item (most items have no note), but not its
    undo history: Ctrl+Z on the next item must not type the last item's note into it."""
    window = reader.open()
    first = window.current_item()
    note = window.detail.note
    note.setFocus()
    qtbot.keyClicks(note, "first item only")
    note.selectAll()
    qtbot.keyClick(note, Qt.Key.Key_Delete)  # the box is empty again, its history is not
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_J)
    assert window.current_item().id != first.id
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == ""
    reader.close(window)
    assert library_note(reader.data_dir, first.id) is None
