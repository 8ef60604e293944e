"""The reader's keys on items: read/unread, the next unread item across days, paging the
timeline by Space, copying items as text for a chat. A mixin of MainWindow; every write goes
through LibraryOps."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtWidgets import QAbstractSlider, QApplication

from telereader.app.i18n import tr
from telereader.app.models import ItemRole
from telereader.core.clip import chat_text
from telereader.core.store import StoredItem
from telereader.core.unread import first_unread_after


class ReaderKeys:
    def toggle_read(self) -> None:
        """U: the current item read ↔ unread, at once (the writer's overlay shows it)."""
        item = self.current_item()
        if item is None:
            return
        self._read_timer.stop()  # an item just marked unread is not marked read again by it
        self.ops.set_read([item.id], not self.writer.overlay(item).read)

    def next_unread(self) -> None:
        """`.`: the next unread item after the current one in the day shown, else the first
        unread item of the next day that has one (with the same filters), else say so."""
        current = self.current_item()
        on_this_day = self.list.model() is self.model and current is not None
        self.back_to_day()
        model = self.model
        # From search or another view, the day shown is read from its first row on.
        start = self.list.currentIndex().row() + 1 if on_this_day else 0
        if self._select_unread_from(start):
            return
        found = first_unread_after(self.store, model.day, self.current_filter())
        if found is None:
            self.status.say(tr("没有更多未读条目了"), 5000)
            return
        day, item_id = found
        if model.newest_first:  # the first unread item as shown is the day's latest
            self.show_day(day)
            self._select_unread_from(0)
        else:
            self.show_day(day, item_id)
        self.focus_list()

    def _select_unread_from(self, start: int) -> bool:
        """Select the first unread row of the day shown from row `start` on."""
        item = self.model.first_unread_from(start)  # rows not yet given to the view too
        if item is None:
            return False
        self.list.select(item.id)
        self.focus_list()
        return True

    # ---- Space: paging the timeline ------------------------------------------------------------

    def page_down(self) -> None:
        """Space: the timeline a page down, the current item following the page; at its end,
        the next item, and after the day's last item the next day's first. In the item's text,
        Space pages the text."""
        if self.detail.body.hasFocus():
            self.detail.page_down()
            return
        bar = self.list.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            self._current_follows_page()
            return
        model = self.list.model()
        if self.list.currentIndex().row() + 1 < model.rowCount() or model.canFetchMore(
            QModelIndex()
        ):
            self.list.move(+1)
        elif model is self.model and self.day_nav.neighbour(+1) is not None:
            self.next_day()
            self.focus_list()

    def page_up(self) -> None:
        """Shift+Space: the timeline a page up, the current item following; at its top, the
        item before."""
        bar = self.list.verticalScrollBar()
        if bar.value() > bar.minimum():
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
            self._current_follows_page()
        else:
            self.list.move(-1)

    def _current_follows_page(self) -> None:
        """The first row wholly in view becomes current (j then goes on where the eye is)."""
        view = self.list
        top = view.indexAt(QPoint(1, 0))
        if not top.isValid():
            return
        below = top.sibling(top.row() + 1, 0)
        cut = view.visualRect(top).top() < 0
        if cut and below.isValid() and view.visualRect(below).bottom() < view.viewport().height():
            top = below  # the top row is cut: the next one is the first seen whole
        view.setCurrentIndex(top)

    def selected_items(self) -> list[StoredItem]:
        """The list's selected items in the order shown, else the current one."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        model = self.list.model()
        items = [model.index(row, 0).data(ItemRole) for row in rows]
        if not items and self.current_item() is not None:
            items = [self.current_item()]
        return items

    def copy_items(self) -> None:
        """Ctrl+C in the list: the selected items as plain text, ready to paste into a chat."""
        items = self.selected_items()
        if items:
            QApplication.clipboard().setText(chat_text(items))
            self.status.say(tr("已复制 %1 条").replace("%1", str(len(items))), 3000)
