"""How the window shows the market layer (mixin): the catch-up's progress in the status bar, and
the "相关" panel of the selected item (related items and its thread, found off the UI thread),
whose rows open their item on its day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer

from telereader.app.dialogs.movers import MoversDialog, movers_of_day
from telereader.app.i18n import tr
from telereader.app.tasks import in_library, run_task, serial_pool
from telereader.app.widgets.related import (
    RelatedPanel,
    item_names,
    related_entries,
    thread_entries,
)
from telereader.app.window.names import NameViews

PROGRESS_SHOWN_MS = 4000
RELATED_AFTER_MS = 150  # j held down skims rows: only the row it stops on is looked up


class Markets(NameViews):
    def _compose_markets(self) -> None:
        self._compose_names()
        self.related_panel = RelatedPanel(self.detail)
        self.detail.add_panel(self.related_panel)
        self._related_pool = serial_pool(self)
        self._related_number = 0
        self._related_timer = QTimer(self)
        self._related_timer.setSingleShot(True)
        self._related_timer.setInterval(RELATED_AFTER_MS)
        self._related_timer.timeout.connect(self.refresh_related)
        self.movers_dialog: MoversDialog | None = None

    def _wire_markets(self) -> None:
        self.market_catch_up.progress.connect(self._markets_progress)
        self.market_catch_up.finished.connect(self._markets_finished)
        self.list.current_item_changed.connect(self._related_soon)
        self.related_panel.open_wanted.connect(self.open_item)
        self._wire_names()

    def _markets_progress(self, done: int, pending: int) -> None:
        if self.market_catch_up.closed:
            return  # the window has closed, and its library connection with it
        self.status.say(
            tr("正在提取个股与题材：%1/%2 天").replace("%1", str(done)).replace("%2", str(pending)),
            PROGRESS_SHOWN_MS,
        )

    def _markets_finished(self, result) -> None:
        if self.market_catch_up.closed:
            return
        if result is None:
            self.status.say(tr("个股与题材提取没有完成，下次启动时继续"), 8000)
        elif result:
            self.refresh_related()  # the item shown may have been among the days extracted
            self.refold_day_shown()
            self.reload_names()

    def _related_soon(self, _item=None) -> None:
        self._related_number += 1  # an answer for the row left behind is dropped
        self.related_panel.show_entries(None, [], [])
        self._related_timer.start()

    def refresh_related(self) -> None:
        """Look up what the selected item shares with others, on a thread of its own: the
        related items first, then its thread over days (slower, stopped once the reader moves
        on)."""
        item = self.current_item()
        self._related_number += 1
        number = self._related_number
        self.related_panel.show_entries(item.id if item else None, [], [])
        if item is None:
            return
        item_id = item.id

        def current() -> bool:
            return number == self._related_number and not self.market_catch_up.closed

        def show(method):
            return lambda entries: method(entries) if current() else None

        for lookup, method in (
            (lambda store: item_names(store, item_id), self.related_panel.show_names),
            (lambda store: related_entries(store, item_id), self.related_panel.show_related),
            (lambda store: thread_entries(store, item_id, lambda: not current()),
             self.related_panel.show_thread),
        ):  # fmt: skip
            run_task(in_library(self.data_dir, lookup), show(method), lambda _error: None,
                     pool=self._related_pool, parent=self)  # fmt: skip

    def open_item(self, day: dt.date, item_id: str) -> None:
        """Open an item on its day; from a list across days as a search result opens (Esc /
        Back return to that list)."""
        if self.across_days:
            self._remember_return_point()
        self.search_bar.clear_text()
        self._use_model(self.model)
        self.show_day(day, item_id)
        self.focus_list()

    def show_movers(self) -> MoversDialog | None:
        """The day shown's movers by theme, in a window beside the list (it stays open while
        the reader clicks through its stocks)."""
        day = getattr(self.model, "day", None)
        if day is None:
            return None
        if self.movers_dialog is None:
            self.movers_dialog = MoversDialog(self)
            self.movers_dialog.open_wanted.connect(self.open_item)
            self.movers_dialog.name_wanted.connect(self.show_name)
        dialog = self.movers_dialog
        dialog.loaded_day = None
        dialog.summary.setText(tr("正在读取 %1 的异动…").replace("%1", day.isoformat()))
        dialog.tree.clear()

        def done(movers) -> None:
            if not self.market_catch_up.closed:
                dialog.show_movers(day, movers)
                dialog.loaded_day = day

        run_task(in_library(self.data_dir, lambda store: movers_of_day(store, day)), done,
                 lambda _error: None, pool=self._related_pool, parent=self)  # fmt: skip
        dialog.show()
        dialog.raise_()
        return dialog
