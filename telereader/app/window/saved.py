"""Saved searches in the window (mixin of MainWindow): save the search shown with its filters,
open one from the side list (the box, the filters and the scope take its values, its results
show), rename, reorder, delete, export and chart it. Unread counts are counted off the UI
thread, a moment after reads and imports settle.

Relative dates ("最近 7 天") are worked out as the search bar works out its scope: back from
the newest day of the library, so a saved search shows what its count counted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox

from telereader.app.i18n import tr
from telereader.app.panels.saved import SavedSearches
from telereader.app.tasks import in_library, run_task, serial_pool
from telereader.core.saved_searches import (
    SavedSearch,
    SearchConditions,
    delete_saved,
    move_saved,
    rename_saved,
    save_search,
    saved_searches,
    unread_counts,
)

COUNT_AFTER_MS = 500  # reads and imports come in bursts: count once per burst


class SavedSearchViews:
    _saved_range: tuple[dt.date, dt.date] | None = None  # a saved fixed range, while it holds
    _saved_then: str | None = None  # "export" once the opened saved search answers
    _count_number = 0

    def _compose_saved(self) -> None:
        self.saved_panel = SavedSearches(self)
        self.day_nav.add_below(self.saved_panel)
        self._saved_pool = serial_pool(self)  # counts one at a time, never on the UI thread
        self._saved_count_timer = QTimer(self)
        self._saved_count_timer.setSingleShot(True)
        self._saved_count_timer.setInterval(COUNT_AFTER_MS)
        self._saved_count_timer.timeout.connect(self.count_saved_now)

    def _wire_saved(self) -> None:
        panel = self.saved_panel
        panel.opened.connect(self.open_saved_search)
        panel.rename_wanted.connect(self.rename_saved_search)
        panel.delete_wanted.connect(self.delete_saved_search)
        panel.move_wanted.connect(self.move_saved_search)
        panel.export_wanted.connect(self.export_saved_search)
        panel.trend_wanted.connect(self.trend_saved_search)
        self.events.saved_searches_changed.connect(self.refresh_saved_searches)
        self.events.items_changed.connect(lambda _ids, _kind: self.count_saved_later())
        self.events.days_changed.connect(lambda _report: self.count_saved_later())
        self.events.day_deleted.connect(lambda _day: self.count_saved_later())
        self.search_bar.scope.currentIndexChanged.connect(self._scope_changed)
        self.search_bar.emptied.connect(self._forget_saved_range)
        self.search_service.finished.connect(self._saved_search_answered)  # after the list's

    def reference_day(self) -> dt.date:
        """The day relative dates end on: the newest day of the library (else today), as
        core/saved_searches.py `reference_day` (the command line's) says."""
        days = self.days
        return days[-1] if days else dt.date.today()

    def refresh_saved_searches(self) -> None:
        """The side list read afresh (a few rows), its counts on their way."""
        self.saved_panel.set_searches(saved_searches(self.store))
        self.count_saved_later()

    def count_saved_later(self) -> None:
        """Count once the burst of reads or imports this belongs to is in; a timer already
        running is not pushed back, so a steady stream of reads still gets counts."""
        if self.saved_panel.searches and not self._saved_count_timer.isActive():
            self._saved_count_timer.start()

    def count_saved_now(self) -> None:
        """Each saved search's unread results, counted by the index on a worker thread; an
        answer overtaken by a later count is dropped."""
        self._count_number += 1
        number, today = self._count_number, self.reference_day()

        def done(counts: dict[int, int]) -> None:
            if number == self._count_number:
                self.saved_panel.set_unread(counts)

        run_task(
            in_library(self.data_dir, lambda store: unread_counts(store, today)),
            done,
            lambda _error: None,  # a count that failed leaves the last ones shown
            pool=self._saved_pool,
            parent=self,
        )

    # ---- saving ----------------------------------------------------------------------------------

    def current_conditions(self) -> SearchConditions:
        """The search bar's and the filter bar's choices, as a saved search keeps them."""
        item_filter = self.current_filter()
        scope = self.search_bar.scope.currentData()
        day_from = day_to = last_days = None
        if self._saved_range is not None:
            day_from, day_to = self._saved_range
        elif scope == 0 and self.model.day is not None:
            day_from = day_to = self.model.day
        elif scope:
            last_days = scope
        return SearchConditions(
            unread_only=item_filter.unread_only,
            important_only=item_filter.important_only,
            starred_only=item_filter.starred_only,
            hide_teasers=item_filter.hide_teasers,
            best_first=self.search_bar.best_first.isChecked(),
            notes_only=self.search_bar.notes_only.isChecked(),
            last_days=last_days,
            day_from=day_from,
            day_to=day_to,
        )

    def save_current_search(self, name: str | None = None) -> None:
        """Save the search in the box with its filters under a name (asked for when not given)."""
        text = self.search_bar.text().strip()
        if not text:
            self.status.say(tr("先在搜索框输入要保存的搜索"), 8000)
            return
        if name is None:
            name, accepted = QInputDialog.getText(self, tr("保存搜索"), tr("名称："), text=text)
            if not accepted:
                return
        conditions = self.current_conditions()
        self.ops.change_saved_searches(
            lambda store: save_search(store, name, text, conditions),
            lambda saved: self.status.say(tr("已保存搜索「%1」").replace("%1", saved.name), 5000),
            self._failure_box(tr("无法保存搜索")),
        )

    # ---- opening ---------------------------------------------------------------------------------

    def open_saved_search(self, saved_id: int) -> None:
        """The box, the filters and the scope take the saved values; its results show."""
        saved = self.saved_panel.by_id(saved_id)
        if saved is None:
            return
        conditions = saved.conditions
        self.filter_bar.set_checked({
            "unread": conditions.unread_only, "important": conditions.important_only,
            "starred": conditions.starred_only, "hide_teasers": conditions.hide_teasers,
        })  # fmt: skip
        bar = self.search_bar
        for widget, value in ((bar.best_first, conditions.best_first),
                              (bar.notes_only, conditions.notes_only)):  # fmt: skip
            widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(False)
        bar.scope.blockSignals(True)
        bar.scope.setCurrentIndex(max(0, bar.scope.findData(conditions.last_days)))
        bar.scope.blockSignals(False)
        self._saved_range = None
        if conditions.last_days is None and (conditions.day_from or conditions.day_to):
            fixed = conditions.item_filter(self.reference_day())
            self._saved_range = (fixed.day_from or dt.date.min, fixed.day_to or dt.date.max)
        elif conditions.last_days is not None and bar.scope.currentData() is None:
            fixed = conditions.item_filter(self.reference_day())  # a span the scope lacks
            self._saved_range = (fixed.day_from, fixed.day_to)
        bar.set_text(saved.query)
        self._search_typed()  # a new search: from the Watch view or a view across days too
        self.run_search()

    def saved_search_filter(self, search_filter):
        """The search's filter with the saved fixed range, while the reader keeps it."""
        if self._saved_range is None:
            return search_filter
        day_from, day_to = self._saved_range
        return search_filter.replace(day_from=day_from, day_to=day_to)

    def saved_range_text(self) -> str:
        """The saved fixed range the results hold to (the scope choice cannot show it)."""
        if self._saved_range is None:
            return ""
        first, last = (
            day.isoformat() if day not in (dt.date.min, dt.date.max) else "…"
            for day in self._saved_range
        )
        return "  " + tr("（日期 %1 至 %2）").replace("%1", first).replace("%2", last)

    def _scope_changed(self) -> None:
        """The reader chose a scope of their own: a saved range no longer holds. The search bar
        asked for the search before this heard of it: ask again (the newest request wins)."""
        if self._saved_range is not None:
            self._saved_range = None
            self.run_search()

    def _forget_saved_range(self) -> None:
        self._saved_range = None

    def _saved_search_answered(self, request, _result) -> None:
        wanted, self._saved_then = self._saved_then, None
        if wanted == "export" and request.offset == 0:
            self.show_export("list")

    def export_saved_search(self, saved_id: int) -> None:
        """Open it; once its results are in, export them (File → Export…, the list shown)."""
        self.open_saved_search(saved_id)
        self._saved_then = "export"

    def trend_saved_search(self, saved_id: int) -> None:
        """Open it: the trend chart above its results counts it by day, week or month."""
        self.open_saved_search(saved_id)

    # ---- editing ---------------------------------------------------------------------------------

    def rename_saved_search(self, saved_id: int, name: str | None = None) -> None:
        saved = self.saved_panel.by_id(saved_id)
        if saved is None:
            return
        if name is None:
            name, accepted = QInputDialog.getText(
                self, tr("重命名保存的搜索"), tr("新名称："), text=saved.name
            )
            if not accepted or name.strip() == saved.name:
                return
        self.ops.change_saved_searches(
            lambda store: rename_saved(store, saved_id, name),
            lambda _none: None,
            self._failure_box(tr("无法重命名")),
        )

    def move_saved_search(self, saved_id: int, to_index: int) -> None:
        if to_index < 0 or to_index >= len(self.saved_panel.searches):
            return
        self.ops.change_saved_searches(
            lambda store: move_saved(store, saved_id, to_index),
            lambda _none: self.saved_panel.rows.setCurrentRow(to_index),
            self._failure_box(tr("无法调整顺序")),
        )

    def delete_saved_search(self, saved_id: int) -> None:
        """After a question naming it."""
        saved: SavedSearch | None = self.saved_panel.by_id(saved_id)
        if saved is None:
            return
        answer = QMessageBox.question(
            self,
            tr("删除保存的搜索"),
            tr("删除保存的搜索「%1」？条目本身不受影响。").replace("%1", saved.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ops.change_saved_searches(
                lambda store: delete_saved(store, saved_id),
                lambda _none: None,
                self._failure_box(tr("无法删除")),
            )

    def focus_saved_searches(self) -> None:
        if not self.saved_panel.searches:
            self.status.say(tr("还没有保存的搜索：搜索后按 Ctrl+Shift+D 保存"), 8000)
            return
        if not self.calendar.isVisible():
            self.set_calendar_shown(True)  # the list sits in the calendar's column
        self.saved_panel.focus()
