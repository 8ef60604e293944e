"""The reader's view controls: the calendar column shown or collapsed, the day's order (newest
or oldest first) and the zoom of the detail and the timeline. Each choice is kept at once in
the window's settings. A mixin of MainWindow."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QFont

from telereader.app.i18n import tr
from telereader.app.widgets.detail import DEFAULT_POINT_SIZE
from telereader.app.window import state
from telereader.core.markets_schema import similar_to


class ViewControls:
    # ---- the calendar column -------------------------------------------------------------------

    @property
    def calendar_shown(self) -> bool:
        return not self.day_nav.isHidden()

    def toggle_calendar(self) -> None:
        self.set_calendar_shown(not self.calendar_shown)

    def set_calendar_shown(self, shown: bool) -> None:
        """Show or collapse the calendar; collapsed, the day shown is named above the timeline
        and [ / ] still move between days."""
        had_focus = self.day_nav.isAncestorOf(self.focusWidget())
        self.main_splitter.set_calendar_shown(shown)
        self.day_label.setVisible(not shown)
        self.actions_by_id["toggle_calendar"].setChecked(shown)
        self.settings.setValue(state.CALENDAR_SHOWN, shown)
        if not shown and had_focus:
            self.focus_list()  # the keys go on working where the reader reads

    def _show_day_name(self, day: dt.date | None) -> None:
        self.day_label.setText(
            tr("%1 · [ 前一天 / ] 后一天").replace("%1", day.isoformat()) if day else ""
        )

    # ---- the day's order -----------------------------------------------------------------------

    @property
    def newest_first(self) -> bool:
        return self.model.newest_first

    def toggle_order(self) -> None:
        self.set_newest_first(not self.newest_first)

    def set_newest_first(self, newest_first: bool) -> None:
        """Order the day's timeline newest first (or oldest first), keeping the item selected."""
        self.actions_by_id["newest_first"].setChecked(newest_first)
        self.settings.setValue(state.NEWEST_FIRST, newest_first)
        if self.model.newest_first == newest_first:
            return
        self.model.newest_first = newest_first
        self._reload_day_keeping_selection()

    def _reload_day_keeping_selection(self) -> None:
        """Load the day shown again (another order, folding on or off), the same item selected."""
        current = self.current_item() if self.list.model() is self.model else None
        self.detail.flush_note()
        self.model.load(self.model.day)
        if self.list.model() is self.model:
            self._select(current.id if current else None)

    # ---- near-duplicates folded --------------------------------------------------------------

    def toggle_fold_similar(self) -> None:
        self.set_fold_similar(not self.model.fold_similar)

    def set_fold_similar(self, fold: bool) -> None:
        """Fold the day's near-duplicates under their story's row (or show every item),
        keeping the item selected."""
        self.actions_by_id["fold_similar"].setChecked(fold)
        self.settings.setValue(state.FOLD_SIMILAR, fold)
        if self.model.fold_similar == fold:
            return
        self.model.fold_similar = fold
        self._reload_day_keeping_selection()
        self._update_counts()

    def refold_day_shown(self) -> None:
        """The market catch-up found the day's near-duplicates (or others): the day shown
        folds them, keeping the item selected (the list is reloaded only when they changed)."""
        model = self.model
        if model.day is None or not model.fold_similar:
            return
        if similar_to(self.store.conn, model.day) == model.copies:
            return
        current = self.current_item() if self.list.model() is model else None
        # the same item stays selected: the detail is left as it is (a note being typed too)
        blocker = QSignalBlocker(self.list) if current is not None else None
        try:
            model.load(model.day)
            if self.list.model() is model:
                self._select(current.id if current else None)
        finally:
            if blocker is not None:
                blocker.unblock()
        self._update_counts()

    def toggle_similar(self) -> None:
        """=: unfold the near-duplicates folded under the selected row's story, or fold them."""
        item = self.current_item() if self.list.model() is self.model else None
        if item is not None:
            self.toggle_similar_of(item.id)

    def toggle_similar_of(self, item_id: str) -> None:
        """Unfold or fold the story of `item_id` (a click on its "另有 N 条相似")."""
        if self.list.model() is not self.model:
            return
        stand = self.model.toggle_similar(item_id)
        if stand is None:
            self.status.say(tr("这条没有相似条目"), 4000)
            return
        self.list.select(item_id if self.model.is_shown(item_id) else stand)
        self._update_counts()

    # ---- zoom ------------------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        size = DEFAULT_POINT_SIZE if step == 0 else self.detail.point_size + step
        self.detail.set_point_size(size)
        self.apply_zoom()

    @property
    def zoom_percent(self) -> int:
        return round(100 * self.detail.point_size / DEFAULT_POINT_SIZE)

    def apply_zoom(self) -> None:
        """The timeline's font follows the detail's size (its rows' heights follow the font);
        the level is shown in the status bar."""
        font = QFont(self.list.font())
        font.setPointSizeF(self.list_point_size * self.detail.point_size / DEFAULT_POINT_SIZE)
        self.list.setFont(font)
        self.status.show_zoom(self.zoom_percent)
