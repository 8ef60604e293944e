"""The reader's keys on items: read/unread, the next unread item across days, copying items as
text for a chat. A mixin of MainWindow; every write goes through LibraryOps."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

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
        for row in range(start, model.rowCount()):
            item: StoredItem = model.index(row, 0).data(ItemRole)
            if not item.read:
                self.list.select(item.id)
                self.focus_list()
                return
        found = first_unread_after(self.store, model.day, self.current_filter())
        if found is None:
            self.status.say(tr("没有更多未读条目了"), 5000)
            return
        day, item_id = found
        self.show_day(day, item_id)
        self.focus_list()

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
