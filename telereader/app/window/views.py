"""Routing between the window's views of the list: a day, search results, the Watch view
(every watchlist hit) and the views across days of app/across.py (every starred item, every
note). A mixin of MainWindow, kept apart to keep each module short."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from telereader.app.across import BY_ID, NAME_VIEW_ID, AcrossView, name_view
from telereader.app.i18n import tr
from telereader.app.models import FirstPage
from telereader.app.window.empty import empty_text
from telereader.core.filters import ItemFilter
from telereader.core.messages import describe
from telereader.core.store import StoredItem
from telereader.core.watchlists import hit_days

# what Enter in the search box asked for while its search ran
ENTER_RESULTS, OPEN_FIRST = "enter", "open"


class Views:
    _on_answer: str | None = None  # ENTER_RESULTS or OPEN_FIRST, once the search answers

    # ---- days --------------------------------------------------------------------------------

    @property
    def days(self) -> list[dt.date]:
        return list(self.day_nav.days)

    def refresh_days(self) -> None:
        self.day_nav.set_days(self.store.day_counts(), self._fresh_days, hit_days(self.store))
        self.refresh_new_days()
        self._update_hint()

    def show_day(self, day: dt.date, item_id: str | None = None) -> None:
        """Show a day's items and select `item_id` (else the first item)."""
        self._pending_item = item_id
        if not self.day_nav.choose(day):  # else day_chosen → _load_day
            self._load_day(day)

    def _load_day(self, day: dt.date) -> None:
        self._looking_at(day)  # before the load: it reads which items are new
        self.detail.flush_note()
        if self.searching:
            self.search_bar.clear_text()
        self._use_model(self.model)
        wanted, self._pending_item = self._pending_item, None
        self.model.load(day, self.current_filter())
        self._select(wanted)
        self._update_counts()
        self.hot_words_soon()
        # Labels whose text changed (the detail's, the calendar's month) asked for a new
        # layout; done now, the switch is painted once, in place, not a second time a turn
        # of the event loop later with everything moved.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def previous_day(self) -> None:
        day = self.day_nav.neighbour(-1)
        if day:
            self.show_day(day)

    def next_day(self) -> None:
        day = self.day_nav.neighbour(+1)
        if day:
            self.show_day(day)

    def go_to_newest_day(self) -> None:
        if self.days:
            self.show_day(self.days[-1])

    # ---- the list ------------------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        return self.list.searching

    @property
    def watching(self) -> bool:
        return self.list.watching

    @property
    def across(self) -> bool:
        """A view across days (all starred, all notes) is shown."""
        return self.list.across

    @property
    def across_days(self) -> bool:
        """The list shows items of many days: Enter opens one on its day, Esc goes back."""
        return self.searching or self.watching or self.across

    def empty_text(self) -> str:
        return empty_text(self)

    def current_filter(self) -> ItemFilter:
        return self.filter_bar.current()

    def current_item(self) -> StoredItem | None:
        return self.list.current_item()

    def move_selection(self, step: int) -> None:
        self.list.move(step)

    def _select(self, item_id: str | None) -> None:
        """Select `item_id` in the list shown, else its first row, else show nothing."""
        if not self.list.select(item_id):
            self.detail.show_item(None)

    def _use_model(self, model) -> None:
        if not self.list.use(model):
            return
        self.search_bar.set_mode(model is self.search_model, model is self.hits_model)
        if model is not self.search_model and model is not self.hits_model:
            self.hide_trend()
        self.day_nav.show_hits_active(model is self.hits_model)
        if model is not self.across_model:
            self.day_nav.show_across_active(None)
        self._show_watch_scope()

    def _filters_changed(self, _filter: ItemFilter | None = None) -> None:
        if self.searching:
            self.run_search()
            return
        if self.watching or self.across:  # the list and the day behind it follow the filters
            self.model.load(self.model.day, self.current_filter())
            self.detail.flush_note()
            self._reload_across_days(self.current_item())
            self._update_counts()
            return
        current = self.current_item()
        self.detail.flush_note()
        self.model.load(self.model.day, self.current_filter())
        self._select(current.id if current else None)
        self._update_counts()

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def _update_counts(self) -> None:
        if self.across:
            view = self.across_model.view
            text = tr(view.counts).replace("%1", str(self.across_model.total))
            self.status.show_counts(f"{view.title} · {text}" if view.title else text)
            return
        if self.watching:
            self.status.show_counts(
                tr("关注命中：%1 条 · 最新在前 · 回车打开所在日").replace(
                    "%1", str(self.hits_model.total)
                )
            )
            return
        if self.searching:
            result = self.last_search
            text = tr("搜索：%1 条匹配 · %2 · %3 毫秒").replace("%1", str(result.total))
            text = text.replace("%2", tr("按相关度") if result.ranked else tr("最新在前"))
            text = text.replace("%3", f"{result.elapsed_ms:.0f}")
            self.status.show_counts(text + self.saved_range_text())
            return
        counts = self.model.day_counts()
        text = tr("%1 条 · 未读 %2 · 加红 %3 · 星标 %4")
        for number, value in enumerate(
            (counts.items, counts.unread, counts.important, counts.starred), start=1
        ):
            text = text.replace(f"%{number}", str(value))
        folded = self.model.folded_count  # every count counts items, folded ones too
        if self.model.item_filter.is_active and folded:
            text += "  " + tr("（筛选后 %1 条，其中 %2 条相似已折叠）").replace(
                "%1", str(self.model.matching)
            ).replace("%2", str(folded))
        elif self.model.item_filter.is_active:
            text += "  " + tr("（筛选后显示 %1 条）").replace("%1", str(self.model.matching))
        elif folded:
            text += "  " + tr("（其中 %1 条相似已折叠）").replace("%1", str(folded))
        self.status.show_counts(text)

    # ---- searching the whole library -----------------------------------------------------------

    def _show_watch_scope(self) -> None:
        """The watchlist choice names what narrows the list shown: the search's choice, the
        Watch view's, or nothing (all items) in the day view."""
        chosen = (
            self.hits_watchlist
            if self.watching
            else self.search_watchlist
            if self.searching
            else None
        )
        self.search_bar.show_watchlist(chosen)

    def _watch_scope_changed(self, chosen: int | None) -> None:
        if self.watching:
            self.hits_watchlist = chosen
            self.show_watch_view()
        else:
            self.search_watchlist = chosen
            self.run_search()

    def _search_typed(self) -> None:
        self.forget_return_point()  # a new search: Back no longer returns to the last one
        self._on_answer = None  # nor does an Enter pressed before this typing apply
        if self.watching or self.across:
            self.back_to_day()

    def _search_emptied(self) -> None:
        if self.searching:
            self.back_to_day()

    def search_filter(self) -> ItemFilter:
        days = self.days
        return self.saved_search_filter(  # a saved search's fixed range, while it holds
            self.search_bar.search_filter(
                self.current_filter(),
                self.model.day,
                days[-1] if days else None,
                self.search_watchlist,
            )
        )

    def run_search(self) -> None:
        text = self.search_bar.text()
        if text.strip():
            self.search_service.request(
                text,
                self.search_filter(),
                self.best_first.isChecked(),
                notes_only=self.search_bar.notes_only.isChecked(),
            )

    def _search_finished(self, request, result) -> None:
        if request.offset > 0:
            self.search_model.append(request, result)
            return
        if not self.search_service.is_current(request) or not self.search_bar.text().strip():
            return  # the reader has typed on, or cleared the box: this answer is stale
        self.detail.flush_note()
        self.search_model.reset(request, result)
        self._use_model(self.search_model)
        if self._returned_to_search():
            pass  # going back to these results: their item is selected where it stood
        elif self.search_model.rowCount():
            self.list.setCurrentIndex(self.search_model.index(0))
        else:
            self.detail.show_item(None)
        self.last_search = result
        self._update_counts()
        self._answer_arrived()

    def _search_failed(self, request, error: BaseException) -> None:
        if self.search_service.is_current(request):
            self._on_answer = None
            self.status.say(tr("搜索失败：") + describe(error, self.language), 8000)

    def back_to_day(self) -> None:
        """From search results or the Watch view back to the day's list, keeping the item
        selected when it belongs to that day."""
        if self.list.model() is self.model:
            return
        current = self.current_item()
        self._use_model(self.model)
        self.search_model.clear()
        self.hits_model.clear()
        self.across_model.clear()
        self._select(current.id if current and current.day == self.model.day else None)
        self._update_counts()

    def open_result(self) -> None:
        """Open the selected search result or hit on its day, in the day's list, and count
        it read. The list it came from is kept for Esc / Back (window/back.py)."""
        item = self.current_item()
        if item is None:
            return
        self._remember_return_point()
        self.search_bar.clear_text()
        self._use_model(self.model)
        self.show_day(item.day, item.id)
        if not self.writer.overlay(item).read:  # after the day's rows are in: it stays shown
            self.ops.set_read([item.id])
        self.focus_list()

    def _activated(self) -> None:
        if self.across_days:
            self.open_result()

    def enter_results(self) -> None:
        """Enter or ↓ in the search box: into the results, their current row (else the first)
        current. A search still to come enters them when it answers; a second Enter before
        then opens its first result."""
        text = self.search_bar.text()
        shown = self.search_model.request
        answered = (
            self.searching
            and shown is not None
            and shown.text == text
            and self.search_service.is_current(shown)
        )
        if text.strip() and (self.search_bar.search_pending or not answered):
            if self.search_bar.search_pending or not self.search_service.answering:
                self.run_search()  # now, not after the pause in typing (or again: it failed)
            self._on_answer = OPEN_FIRST if self._on_answer else ENTER_RESULTS
            return
        self._enter_list()

    def _enter_list(self) -> None:
        if not self.list.currentIndex().isValid() and self.list.model().rowCount():
            self.list.setCurrentIndex(self.list.model().index(0, 0))
        self.focus_list()

    def _answer_arrived(self) -> None:
        """The search answered: do what Enter asked for while it ran."""
        wanted, self._on_answer = self._on_answer, None
        if wanted is None or not self.search_model.rowCount():
            return
        self._enter_list()
        if wanted == OPEN_FIRST:
            self.open_result()

    # ---- the Watch view: every hit across days ---------------------------------------------------

    def show_watch_view(self) -> None:
        """List every watchlist hit (or the chosen list's), newest first."""
        self.forget_return_point()
        self.notices.hide_banner()
        current = self.current_item()
        self.detail.flush_note()
        if self.searching:
            self.search_bar.clear_text()
            self.search_model.clear()
        self._use_model(self.hits_model)
        self._reload_hits(current)
        self._update_counts()
        self.focus_list()

    def show_across_view(self, view_id: str) -> None:
        """List every item of a view across days (app/across.py), newest first."""
        self._show_across(BY_ID[view_id])

    def show_name_view(self, name: str) -> None:
        """Every item that names a company or theme (or the reader's aliases of it), across
        days, newest first: shown once its first page, read on a worker, arrives."""
        from telereader.core.reader_names import group_of

        view = name_view(name, tuple(group_of(self.store.conn, name)))
        self.read_across_first(view, lambda first: self._show_across(view, first))

    def _show_across(self, view: AcrossView, first: FirstPage | None = None) -> None:
        self.forget_return_point()
        current = self.current_item()
        self.detail.flush_note()
        if self.searching:
            self.search_bar.clear_text()
            self.search_model.clear()
        self._use_model(self.across_model)
        self.day_nav.show_across_active(view.id)
        self.across_model.load(view, self.current_filter(), first)
        self._select(current.id if current else None)
        self._update_counts()
        self.focus_list()

    def _reload_across_days(self, current: StoredItem | None) -> None:
        """The Watch view or the view across days shown, read afresh (a name's on a worker:
        the list stays as it was until its first page arrives)."""
        if self.across and self.across_model.view.id == NAME_VIEW_ID:
            view = self.across_model.view
            self.read_across_first(view, lambda first: self._reloaded(view, current, first))
        elif self.across:
            self._reloaded(self.across_model.view, current)
        else:
            self._reload_hits(current)

    def _reloaded(
        self, view: AcrossView, current: StoredItem | None, first: FirstPage | None = None
    ) -> None:
        if not self.across or self.across_model.view != view:
            return  # the reader went elsewhere while it was read
        self.across_model.load(view, self.current_filter(), first)
        self._select(current.id if current else None)
        self._update_counts()

    def _reload_hits(self, current: StoredItem | None) -> None:
        """Read the hits of the chosen list afresh, keeping `current` selected if it still is
        one."""
        self.hits_model.load(self.hits_watchlist, self.current_filter())
        self._select(current.id if current else None)

    # ---- focus ---------------------------------------------------------------------------------

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_detail(self) -> None:
        self.detail.body.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_note(self) -> None:
        if self.current_item() is not None:
            self.detail.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search_bar.focus()

    def enter(self) -> None:
        """Enter: in search results or hits, open the item on its day; in a day, go to its
        text."""
        if self.across_days:
            self.open_result()
        else:
            self.focus_detail()

    def escape(self) -> None:
        """Esc: after opening an item of search results or another list across days, back to
        that list; from search results back to the day; from anywhere else back to the list."""
        self._on_answer = None
        typing = self.search.hasFocus() and self.search.text()
        if self.return_point is not None and not self.across_days and not typing:
            self.go_back()
            return
        if self.searching or (self.search.hasFocus() and self.search.text()):
            self.search_bar.clear_text()
        self.back_to_day()
        self.focus_list()
