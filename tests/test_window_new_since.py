"""New since you looked, in the window: rows that arrived after the reader last had their day
open carry 新, X and the 新条目 button jump to them, the calendar marks their days, and all of it
survives closing the window and opening a new one on the same library."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from telereader.app.models import NewRole
from telereader.app.window.actions import shortcut_help
from telereader.core.importer import import_paths
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE
from tests.test_window import SAMPLE_DAY, SMALL_DAY, english, reader  # noqa: F401  (fixtures)

LATER_ITEM_BODY = "美股三大指数收盘涨跌不一"  # only in the later capture of the small day


# The word and market layers are not what these tests look at: their background catch-ups
# (jieba in worker processes) would only make each window slower to close.
pytestmark = pytest.mark.usefixtures("no_catch_ups")


def import_elsewhere(reader, *paths) -> None:
    """Another program (the command line, a followed folder's `telereader follow`) imports."""
    with Store.open(reader.data_dir) as store:
        import_paths(store, list(paths), workers=0)


def new_rows(window) -> list[str]:
    model = window.model
    model.show_all()
    rows = [model.index(row) for row in range(model.rowCount())]
    return [index.data(Qt.ItemDataRole.DisplayRole) for index in rows if index.data(NewRole)]


def row_height(window, item_id: str) -> int:
    """The row's exact height as laid out (not the estimate a list starts with)."""
    index = window.model.index(window.model.row_of(item_id))
    option = QStyleOptionViewItem()
    window.list.initViewItemOption(option)
    return window.list.itemDelegate()._measure(option, index)


def press(qtbot, window, key: Qt.Key) -> None:
    """A key in the item list of a window just opened (made the active one first)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    window.list.setFocus()
    qtbot.keyClick(window.list, key)


def looked_at(qtbot, window, day) -> None:
    """Wait until the look at `day` is in the library (the calendar follows it)."""
    qtbot.waitUntil(lambda: day not in window.calendar.new_days, timeout=10_000)


def test_new_items_are_marked_jumped_to_and_seen_across_restarts(reader, qtbot):
    import_elsewhere(reader, SAMPLE, FIXTURES / "small.md")
    window = reader.open()
    window.show_day(SMALL_DAY)
    assert new_rows(window) == []  # a day never looked at: no row says 新
    window.show_day(SAMPLE_DAY)
    reader.close(window)  # both days were looked at

    import_elsewhere(reader, FIXTURES / "small-later-capture.md")  # one item more, two changed
    window = reader.open()  # on the day it was closed on
    assert window.model.day == SAMPLE_DAY and window.calendar.new_days == {SMALL_DAY}
    assert SMALL_DAY in window.calendar.new_days
    assert window.day_nav.new_button.isEnabled()
    press(qtbot, window, Qt.Key.Key_X)
    assert window.model.day == SMALL_DAY
    later = window.current_item()
    assert LATER_ITEM_BODY in later.body
    assert [LATER_ITEM_BODY in text for text in new_rows(window)] == [True]
    height_when_new = row_height(window, later.id)

    window.show_day(SAMPLE_DAY)  # left: the later item is seen now
    looked_at(qtbot, window, SMALL_DAY)
    assert not window.day_nav.new_button.isEnabled()
    reader.close(window)

    window = reader.open()
    window.show_day(SMALL_DAY)
    assert new_rows(window) == [] and window.calendar.new_days == set()
    assert row_height(window, later.id) == height_when_new  # the mark took no room
    press(qtbot, window, Qt.Key.Key_X)
    assert "No more new items" in window.statusBar().currentMessage()


def test_what_arrives_while_the_day_is_shown_stays_new_until_the_reader_comes_back(reader, qtbot):
    import_elsewhere(reader, SAMPLE, FIXTURES / "small.md")
    window = reader.open()
    window.show_day(SMALL_DAY)
    window.show_day(SAMPLE_DAY)
    looked_at(qtbot, window, SMALL_DAY)
    window.show_day(SMALL_DAY)

    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.start_import([FIXTURES / "small-later-capture.md"], quiet=True)
    assert window.model.day == SMALL_DAY and len(new_rows(window)) == 1  # new on arrival
    window.show_day(SAMPLE_DAY)
    window.show_day(SMALL_DAY)
    assert len(new_rows(window)) == 1  # it arrived after the day was shown: still new
    window.day_nav.new_button.click()
    assert LATER_ITEM_BODY in window.current_item().body
    window.show_day(SAMPLE_DAY)
    window.show_day(SMALL_DAY)
    assert new_rows(window) == []


def test_x_is_listed_in_the_keyboard_help():
    assert ("X", "下一条新条目：上次看这一天之后新来的（跨日）") in shortcut_help()
