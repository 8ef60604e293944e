"""Reading the timeline by keys: newest first or oldest first (remembered, with j/k and `.`
following the order shown), and Space paging the timeline, the current item following the page,
moving on to the next item and the next day at the end; Space in the editors types a space."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from telereader.app.models import ItemRole
from telereader.core.importer import import_paths
from telereader.core.store import Store
from tests.conftest import FIXTURES
from tests.test_window import SAMPLE_DAY, SMALL_DAY, english, reader  # noqa: F401  (fixtures)

AFTER_MIDNIGHT = dt.datetime(2026, 3, 3, 0, 12)  # the last item of SMALL_DAY's digest


def shown(window) -> list:
    model = window.list.model()
    return [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]


def with_small_day(reader, window) -> None:
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md"])
    window.refresh_days()


def key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


# ---- newest first / oldest first ------------------------------------------------------------


def test_newest_first_orders_the_day_by_real_time_and_is_remembered(reader, qtbot):
    window = reader.open()
    with_small_day(reader, window)
    window.show_day(SMALL_DAY)
    times = [item.time for item in shown(window)]
    assert times == sorted(times) and times[-1] == AFTER_MIDNIGHT  # oldest first at first
    selected = window.current_item()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    times = [item.time for item in shown(window)]
    assert times == sorted(times, reverse=True)
    assert times[0] == AFTER_MIDNIGHT  # after midnight is the latest of the day
    assert window.current_item().id == selected.id  # the item selected stays selected
    assert window.actions_by_id["newest_first"].isChecked()
    reader.close(window)

    reopened = reader.open()
    assert reopened.actions_by_id["newest_first"].isChecked()
    reopened.show_day(SMALL_DAY)
    assert shown(reopened)[0].time == AFTER_MIDNIGHT
    reopened.actions_by_id["newest_first"].trigger()  # 查看 → 当天最新在前, off again
    assert shown(reopened)[0].time < AFTER_MIDNIGHT
    reader.close(reopened)
    assert not reader.open().newest_first


def test_j_and_k_follow_the_order_shown(reader, qtbot):
    window = reader.open()
    window.set_newest_first(True)
    by_time = sorted(shown(window), key=lambda item: item.time, reverse=True)
    window.show_day(SAMPLE_DAY, by_time[0].id)
    key(qtbot, window.list, Qt.Key.Key_J)
    assert window.current_item().id == by_time[1].id  # down the timeline: earlier items
    key(qtbot, window.list, Qt.Key.Key_J)
    key(qtbot, window.list, Qt.Key.Key_K)
    assert window.current_item().id == by_time[1].id


def test_dot_goes_to_the_next_unread_item_in_the_order_shown_across_days(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md"])
        other.set_read([item.id for item in other.items_on(SAMPLE_DAY)], True)
        small = [item.id for item in other.items_on(SMALL_DAY)]  # oldest first
        other.set_read([i for row, i in enumerate(small) if row not in {1, 3}], True)
    window.refresh_days()
    window.set_newest_first(True)
    window.show_day(SAMPLE_DAY)
    key(qtbot, window.list, Qt.Key.Key_Period)
    assert window.model.day == SMALL_DAY
    assert window.current_item().id == small[3]  # the day's latest unread item comes first
    key(qtbot, window.list, Qt.Key.Key_Period)
    assert window.current_item().id == small[1]


# ---- Space pages the timeline ---------------------------------------------------------------------


def first_wholly_visible_row(window) -> int:
    view = window.list
    for row in range(view.model().rowCount()):
        if view.visualRect(view.model().index(row, 0)).top() >= 0:
            return row
    return -1


def test_space_pages_the_timeline_and_the_current_item_follows_the_page(reader, qtbot):
    window = reader.open()
    window.resize(800, 500)
    QApplication.processEvents()
    bar = window.list.verticalScrollBar()
    assert bar.maximum() > 0 and window.list.currentIndex().row() == 0
    key(qtbot, window.list, Qt.Key.Key_Space)
    assert bar.value() > 0
    row = window.list.currentIndex().row()
    assert row > 0 and row == first_wholly_visible_row(window)
    key(qtbot, window.list, Qt.Key.Key_J)  # j goes on from where the eye is
    assert window.list.currentIndex().row() == row + 1
    key(qtbot, window.list, Qt.Key.Key_Space)
    further = window.list.currentIndex().row()
    assert further > row + 1 and further == first_wholly_visible_row(window)
    key(qtbot, window.list, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)  # a page up
    assert window.list.currentIndex().row() == first_wholly_visible_row(window) < further


def test_space_at_the_end_moves_on_item_by_item_then_to_the_next_days_first(
    reader, qtbot, no_catch_ups
):
    window = reader.open()
    with_small_day(reader, window)
    window.resize(800, 500)
    QApplication.processEvents()
    bar = window.list.verticalScrollBar()
    # the day's last row, whichever rows the view has yet (near-duplicates folded or not)
    last = window.model.matching - window.model.folded_count - 1
    window.list.setFocus()
    for _ in range(200):  # page on until the end of the day's timeline
        if window.list.currentIndex().row() == last:
            break
        qtbot.keyClick(window.list, Qt.Key.Key_Space)
    # rows laid out at estimated heights are measured when idle; the list then scrolls again
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=10_000)
    assert window.model.day == SAMPLE_DAY and window.list.currentIndex().row() == last
    window.list.setCurrentIndex(window.model.index(last - 2))
    heights = window.list.delegate.heights
    qtbot.waitUntil(lambda: heights.settled, timeout=10_000)  # every row has its real height
    bar.setValue(bar.maximum())  # the reader is at the end of the day's timeline
    key(qtbot, window.list, Qt.Key.Key_Space)
    assert window.list.currentIndex().row() == last - 1  # at the end: the next item
    key(qtbot, window.list, Qt.Key.Key_Space)
    key(qtbot, window.list, Qt.Key.Key_Space)  # after the day's last item: the next day
    assert window.model.day == SMALL_DAY
    assert window.list.currentIndex().row() == 0
    assert window.list.hasFocus()


def test_space_in_the_note_and_the_search_box_types_a_space(reader, qtbot):
    window = reader.open()
    window.resize(800, 500)
    QApplication.processEvents()
    bar = window.list.verticalScrollBar()
    current = window.current_item().id
    key(qtbot, window.detail.note, Qt.Key.Key_Space)
    qtbot.keyClicks(window.detail.note, "x")
    assert window.detail.note.toPlainText() == " x"
    assert bar.value() == 0 and window.current_item().id == current  # the timeline stays
    key(qtbot, window.search, Qt.Key.Key_Space)
    qtbot.keyClicks(window.search, "y")
    assert window.search.text() == " y"
