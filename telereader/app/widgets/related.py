"""The "相关" panel under the detail's note: items that share the selected item's companies,
themes or wording, best first, and the story it belongs to over days (its thread). A click on a
row opens that item on its day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from telereader.app.i18n import tr

HEADING_CHARS = 40  # an item without a title is named by its body's opening
ROWS_SHOWN = 6  # each list is this tall; more scroll
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class Entry:
    item_id: str
    day: dt.date
    time: dt.datetime
    heading: str
    why: tuple[str, ...] = ()  # shared names, "wording"


THREAD_STEPS = 8  # linked items whose own links are looked up (each ~0.2-0.6 s at ten years)


def related_entries(store, item_id: str, limit: int = 12) -> list[Entry]:
    """The related items, best first; runs off the UI thread."""
    from telereader.core.related import related

    found = related(store.conn, item_id, limit=limit)
    headings = _headings(store.conn, [r.item_id for r in found])
    return [Entry(*headings[r.item_id], why=r.why) for r in found if r.item_id in headings]


def thread_entries(store, item_id: str, cancelled: Callable[[], bool]) -> list[Entry]:
    """The item's story over days, in time order (none when it stands alone); off the UI
    thread, stopped early once the reader has moved on."""
    from telereader.core.related import thread

    story = thread(store.conn, item_id, max_steps=THREAD_STEPS, cancelled=cancelled)
    if len(story) < 2 or cancelled():
        return []
    headings = _headings(store.conn, story)
    return [Entry(*headings[other]) for other in story if other in headings]


def _headings(conn, ids: list[str]) -> dict[str, tuple]:
    from telereader.core.text import without_dateline

    if not ids:
        return {}
    rows = conn.execute(
        f"SELECT id, day, time, title, body FROM items WHERE id IN ({','.join('?' * len(ids))})",
        ids,
    )
    return {
        item_id: (
            item_id,
            dt.date.fromisoformat(day),
            dt.datetime.fromisoformat(time),
            title or without_dateline(body)[:HEADING_CHARS],
        )
        for item_id, day, time, title, body in rows
    }


def item_names(store, item_id: str) -> list[str]:
    """The companies and themes the item names (companies first); off the UI thread."""
    rows = store.conn.execute(
        "SELECT name FROM market_mentions WHERE item_id = ? ORDER BY kind, name", [item_id]
    )
    return [name for (name,) in rows]


def _why_text(why: tuple[str, ...]) -> str:
    return "、".join(tr("措辞相近") if reason == "wording" else reason for reason in why)


class RelatedPanel(QWidget):
    open_wanted = Signal(object, str)  # day, item id
    name_wanted = Signal(str)  # a company or theme the item names: its items across days

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("related_panel")
        self.current_id: str | None = None
        self.heading = QLabel(tr("相关"), self)
        self.names_line = QLabel(self)  # the item's names, each a link to its view
        self.names_line.setObjectName("related_names")
        self.names_line.setWordWrap(True)
        self.names_line.setTextFormat(Qt.TextFormat.RichText)
        self.names_line.linkActivated.connect(self.name_wanted)
        self.names_line.hide()
        self.related_list = self._list("related_list")
        self.thread_heading = QLabel(tr("前后进展"), self)
        self.thread_list = self._list("thread_list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.names_line,
            self.heading,
            self.related_list,
            self.thread_heading,
            self.thread_list,
        ):
            layout.addWidget(widget)
        self.show_entries(None, [], [])

    def _list(self, name: str) -> QListWidget:
        rows = QListWidget(self)
        rows.setObjectName(name)
        rows.setMaximumHeight(rows.fontMetrics().height() * (ROWS_SHOWN + 1))
        rows.itemClicked.connect(self._clicked)
        rows.itemActivated.connect(self._clicked)
        return rows

    def show_entries(self, item_id: str | None, found: list[Entry], story: list[Entry]) -> None:
        """What the item shown shares with others; the panel hides while there is nothing."""
        self.current_id = item_id
        self.show_names([])
        self.show_related(found)
        self.show_thread(story)

    def show_names(self, names: list[str]) -> None:
        """The item's companies and themes, each a link to the items across days naming it."""
        self.names = list(names)
        links = "、".join(f'<a href="{escape(name)}">{escape(name)}</a>' for name in names)
        self.names_line.setText(tr("提到：%1").replace("%1", links) if names else "")
        self.names_line.setVisible(bool(names))
        if names:
            self.setVisible(True)

    def show_related(self, found: list[Entry]) -> None:
        self._fill(self.related_list, found, with_why=True)
        self.heading.setText(tr("相关（%1）").replace("%1", str(len(found))))
        for widget in (self.heading, self.related_list):
            widget.setVisible(bool(found))
        self.setVisible(bool(found or self.thread_list.count() or self.names_line.text()))

    def show_thread(self, story: list[Entry]) -> None:
        self._fill(self.thread_list, story, with_why=False)
        for widget in (self.thread_heading, self.thread_list):
            widget.setVisible(bool(story))
        self.setVisible(bool(story or self.related_list.count() or self.names_line.text()))

    def _fill(self, rows: QListWidget, entries: list[Entry], with_why: bool) -> None:
        rows.clear()
        for entry in entries:
            text = f"{entry.time:%m-%d %H:%M}  {entry.heading}"
            if entry.item_id == self.current_id:
                text = "▶ " + text
            row = QListWidgetItem(text, rows)
            row.setData(ID_ROLE, (entry.day, entry.item_id))
            if with_why and entry.why:
                row.setToolTip(tr("共同：%1").replace("%1", _why_text(entry.why)))

    def entries_shown(self, rows: QListWidget) -> list[str]:
        return [rows.item(n).data(ID_ROLE)[1] for n in range(rows.count())]

    def _clicked(self, row: QListWidgetItem) -> None:
        day, item_id = row.data(ID_ROLE)
        if item_id != self.current_id:
            self.open_wanted.emit(day, item_id)
