"""How the window's views follow the library: the one library-changed event (app/events.py)
after every write, an import or a watchlist edit. A mixin of MainWindow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from telereader.app.events import TYPED
from telereader.app.i18n import tr
from telereader.app.ops.library import NOTE, STAR
from telereader.app.ops.writer import Write
from telereader.app.widgets.detail import FAILED, SAVED, SAVING
from telereader.app.window import state
from telereader.core.messages import render
from telereader.core.model import FileStatus, ImportReport
from telereader.core.seeds import sample_dates, sample_days
from telereader.core.store import LibraryError, StoredItem
from telereader.core.watchlists import watchlists


class Reactions:
    # ---- the reader's own data: asked for here, written by ops -----------------------------------

    def set_starred(self, item_id: str, starred: bool) -> None:
        self.ops.set_starred([item_id], starred)

    def toggle_star(self) -> None:
        item = self.current_item()
        if item is not None:
            self.set_starred(item.id, not item.starred)

    def _mark_current_read(self) -> None:
        """The read timer ran out on an item of the day shown: the reader has seen it. A row of
        search results, the Watch view or a view across days is only passed over: such an item
        is read once opened (`open_result`)."""
        item = self.current_item()
        if item is not None and not item.read and not self.across_days:
            self.ops.set_read([item.id])

    def mark_day_read(self) -> None:
        self.ops.set_read([item.id for item in self.model.day_items if not item.read])

    def delete_day(self) -> None:
        """Remove the day shown from the library, once the reader confirms it by name and
        count; their stars, notes and read marks on its items are kept for a re-import."""
        day = self.model.day
        if day is None:
            return
        if self.across_days:  # a search, the Watch view or a view across days is shown
            self.status.say(tr("先回到要删除的那一天，再删除它"), 8000)
            return
        count = self.store.day_counts().get(day, 0)
        question = (
            tr("从资料库删除 %1 这一天的 %2 条电报？")
            .replace("%1", day.isoformat())
            .replace("%2", str(count))
        )
        kept = tr("这些条目上的星标、笔记和已读标记会保留：再次导入这一天时，它们会回到条目上。")
        answer = QMessageBox.question(
            self,
            tr("删除这一天"),
            question + "\n\n" + kept,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ops.delete_day(day, self._failure_box(tr("无法删除这一天")))

    def _current_changed(self, item: StoredItem | None) -> None:
        if item is not None:
            item = self.writer.overlay(item)
        self.detail.show_item(item, self.search_model.terms if self.searching else ())
        if item is not None:
            self._show_note_state(item.id)
        self._read_timer.stop()
        if item is not None and not item.read and not self.across_days:
            self._read_timer.start()  # in the day's list, a row dwelt on is read

    # ---- the library changed ----------------------------------------------------------------------

    def _items_changed(self, item_ids: tuple[str, ...], kind: str) -> None:
        """Stars, notes or read marks of `item_ids` show differently now."""
        if len(item_ids) != 1:
            self._reload_day()
            return
        item_id = item_ids[0]
        fresh = self.ops.fresh(item_id)
        self.list.refresh(item_id, fresh)
        if kind == TYPED:
            return  # the note being typed: the editor is left alone
        if fresh is not None:
            self.detail.update_item(fresh)
        self._update_counts()
        if kind == NOTE:
            self._show_note_state(item_id, landed=self.writer.note_failure(item_id) is None)

    def _write_failed(self, write: Write, error: LibraryError) -> None:
        """A note stays unsaved (ops tries again); a star or read mark shows as it was, and
        the reader is told why."""
        message = render(error.problem, self.language)
        if write.kind == NOTE:
            self.status.say(tr("笔记没有保存：") + message, 15_000)
            return
        if self.write_warning is None:
            self.write_warning = QMessageBox(self)
            self.write_warning.setObjectName("write_failed")
            self.write_warning.setIcon(QMessageBox.Icon.Warning)
            self.write_warning.setWindowTitle(tr("无法保存"))
            self.write_warning.setTextFormat(Qt.TextFormat.PlainText)
        what = tr("星标没有改动：") if write.kind == STAR else tr("已读标记没有保存：")
        self.write_warning.setText(what + message)
        self.write_warning.open()  # not modal: reading goes on

    def _show_note_state(self, item_id: str, landed: bool = False) -> None:
        """What the note box says: SAVED only when a write of this item's note just landed."""
        shown = self.detail.item
        if shown is None or shown.id != item_id:
            return
        failure = self.writer.note_failure(item_id)
        if failure is not None:
            self.detail.show_note_state(FAILED, render(failure.problem, self.language))
        elif self.writer.note_pending(item_id):
            self.detail.show_note_state(SAVING)
        elif landed and self.detail.note_state.property("state") in (SAVING, FAILED):
            self.detail.show_note_state(SAVED)

    def _reload_day(self) -> None:
        current = self.current_item()
        self.model.reload()
        if self.list.model() is self.model:
            self._select(current.id if current else None)
        self._update_counts()

    def refresh_watchlists(self) -> None:
        """Read the watchlists: their colours for marking words, the watchlist choice of the
        search bar and the Watch view (keeping the one chosen)."""
        self.watchlists = watchlists(self.store)
        self.list.set_watchlists(self.watchlists)
        self.detail.watchlists = self.watchlists
        known = {watchlist.id for watchlist in self.watchlists}
        if self.search_watchlist not in known:
            self.search_watchlist = None
        if self.hits_watchlist not in known:
            self.hits_watchlist = None
        self.search_bar.set_watchlists(
            self.watchlists, tr("全部关注列表") if self.watching else tr("全部条目")
        )
        self._show_watch_scope()

    def watchlists_changed(self) -> None:
        """Keywords changed somewhere (an edit, a restore): hits, marks and the calendar
        follow."""
        self.library_moved()
        self.refresh_watchlists()
        self.refresh_days()
        current = self.current_item()
        if self.watching or self.across:
            self._reload_across_days(current)
        elif self.searching:
            self.run_search()
        else:
            self.model.load(self.model.day, self.current_filter())
            self._select(current.id if current else None)
        fresh = self.store.item(current.id) if current else None
        if fresh is not None:
            self.detail.update_item(fresh)
        self.list.viewport().update()
        self._update_counts()
        if self.watch_dialog is not None and not self.watch_dialog.busy:
            self.watch_dialog.reload()  # its lists are the library's (a restore, say)

    def _days_changed(self, report: ImportReport) -> None:
        """An import brought days in: the calendar marks them; the reader stays on the day and
        item they are reading. Only a reader on no day, or on nothing but the sample day (the
        first start, or their first own import), is taken to the newest imported day."""
        self.library_moved()
        if imports_own_days(report):
            self.settings.setValue(state.OWN_DAYS, True)
        known = set(self.days)
        self._fresh_days = {day for day in report.days if day not in known} or set(report.days)
        self.refresh_days()
        current = self.current_item()
        if self.searching:
            self.run_search()  # the reader is searching: refresh the results, stay there
        elif self.watching or self.across:
            self._reload_across_days(current)
            self._update_counts()
        elif self.model.day is None or known <= sample_dates():
            if report.days or self.days:
                self.show_day(report.days[0] if report.days else self.days[-1])
        elif self.model.day in report.days:
            self.show_day(self.model.day, current.id if current else None)  # its items changed

    def _day_deleted(self, day: dt.date) -> None:
        """A day left the library: the calendar follows; a reader on it moves to the nearest
        remaining day (the later one of two as near), or sees an empty list."""
        self.library_moved()
        if day in sample_dates():
            self.settings.setValue(state.SAMPLE_REMOVED, True)  # not imported again at start
        self._fresh_days.discard(day)
        self.refresh_days()
        if self.model.day != day:
            self._update_counts()
            return
        if self.days:
            self.show_day(min(self.days, key=lambda d: (abs((d - day).days), d < day)))
        else:
            self._use_model(self.model)
            self.model.load(None)
            self._select(None)
            self._update_counts()

    def _update_hint(self) -> None:
        """The sample-day hint is for a library holding nothing but the bundled sample; it
        never stands over the hits banner. Once dismissed, or once the reader has a day of
        their own (imported here, or found in the library), it stays away for good: deleting
        their days later does not make the sample new again."""
        own = self.settings.value(state.OWN_DAYS, False, type=bool)
        if not own and not set(self.days) <= sample_dates():
            self.settings.setValue(state.OWN_DAYS, own := True)
        self.notices.show_hint(
            bool(self.days)
            and not own
            and not self.settings.value(state.HINT_DISMISSED, False, type=bool)
        )


def imports_own_days(report: ImportReport) -> bool:
    """The import brought in a digest day from a file of the reader's, not the bundled sample
    (a file of theirs may hold the sample's date)."""
    samples = {path.resolve() for path in sample_days()}
    return any(
        file.status is FileStatus.IMPORTED
        and (file.days or file.day)
        and Path(file.path).resolve() not in samples
        for file in report.files
    )
