"""Search results as a reader uses them: opening a result keeps the search (Esc and Back return
to it as it was), ↓ and Enter lead from the box into the results, one Enter opens, and a result
is read only once opened. The same for the Watch view and the views across days."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from telereader.app.models import ItemRole
from tests.test_views_across_days import star
from tests.test_window import (  # noqa: F401  (fixtures)
    FIXTURES,
    SAMPLE_DAY,
    SMALL_DAY,
    drop_and_wait,
    english,
    reader,
)
from tests.test_window_search import SEARCH_TIMEOUT_MS, library, shown, type_search  # noqa: F401
from tests.test_window_watch import WAIT_MS, answer, list_rows, make_watchlist


def go_down(qtbot, window, rows: int) -> None:
    window.list.setFocus()
    for _ in range(rows):
        qtbot.keyClick(window.list, Qt.Key.Key_Down)


def open_with_enter(qtbot, window):
    """Enter on the current result: the item it opened."""
    chosen = window.current_item()
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert not window.across_days and window.current_item().id == chosen.id
    return chosen


def count_searches(window, monkeypatch) -> list:
    asked: list = []
    real = window.search_service.request
    monkeypatch.setattr(
        window.search_service, "request", lambda *a, **k: asked.append(a) or real(*a, **k)
    )
    return asked


# ---- 1. opening a result keeps the search -----------------------------------------------------


def test_esc_after_opening_a_result_returns_to_the_results_where_the_reader_was(
    library, qtbot, monkeypatch
):
    window = library.open()
    type_search(qtbot, window, "财联社")
    results = [item.id for item in shown(window)]
    go_down(qtbot, window, 40)
    scroll = window.list.verticalScrollBar().value()
    assert scroll > 0
    searches = count_searches(window, monkeypatch)
    chosen = open_with_enter(qtbot, window)
    assert window.model.day == chosen.day and window.search.text() == ""
    assert window.search_bar.back.isVisible()
    assert window.search_bar.back.text() == "← Back to search results"

    qtbot.keyClick(window.list, Qt.Key.Key_Escape)
    assert window.searching
    assert window.search.text() == "财联社"
    assert [item.id for item in shown(window)] == results  # the same rows: not searched again
    assert searches == []
    assert window.current_item().id == chosen.id and window.list.currentIndex().row() == 40
    assert window.list.verticalScrollBar().value() == scroll
    assert window.focusWidget() is window.list
    assert not window.search_bar.back.isVisible()
    assert "matches" in window.counts_label.text()


def test_alt_left_the_mouse_back_button_and_the_back_button_return_to_the_results(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    go_down(qtbot, window, 3)
    ways = (
        lambda: window.actions_by_id["go_back"].trigger(),  # Alt+Left
        lambda: QTest.mouseClick(
            window.list.viewport(), Qt.MouseButton.BackButton, pos=QPoint(5, 5)
        ),
        lambda: QTest.mouseClick(
            window.detail.body.viewport(), Qt.MouseButton.BackButton, pos=QPoint(5, 5)
        ),
        lambda: window.search_bar.back.click(),
    )
    for go_back in ways:
        chosen = open_with_enter(qtbot, window)
        go_back()
        assert window.searching and window.search.text() == "黄金"
        assert window.current_item().id == chosen.id
    assert window.actions_by_id["go_back"].shortcut().toString() == "Alt+Left"


def test_back_restores_the_filters_of_the_results(library, qtbot, monkeypatch):
    window = library.open()
    type_search(qtbot, window, "黄金")
    results = [item.id for item in shown(window)]
    go_down(qtbot, window, 2)
    searches = count_searches(window, monkeypatch)
    chosen = open_with_enter(qtbot, window)
    window.filter_buttons["important"].click()  # narrows the day shown
    window.escape()
    assert not window.filter_buttons["important"].isChecked()
    assert [item.id for item in shown(window)] == results and searches == []
    assert window.current_item().id == chosen.id
    window.escape()  # and on to the day, under the filters shown
    assert window.model.item_filter == window.current_filter()


def test_a_library_changed_meanwhile_searches_again_keeping_the_item_selected(
    library, qtbot, tmp_path
):
    window = library.open()
    type_search(qtbot, window, "财联社")
    go_down(qtbot, window, 5)
    chosen = open_with_enter(qtbot, window)
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])  # a day more, with more matches
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.escape()
    qtbot.waitUntil(lambda: window.searching, timeout=SEARCH_TIMEOUT_MS)
    assert window.search.text() == "财联社"
    assert window.current_item().id == chosen.id
    row_rect = window.list.visualRect(window.list.currentIndex())
    assert window.list.viewport().rect().contains(row_rect.center())


def test_an_item_further_down_than_the_first_page_is_found_again_after_a_change(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "财联社")
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search_model.fetchMore()
    chosen = window.search_model.index(150).data(ItemRole)
    window.list.select(chosen.id)
    open_with_enter(qtbot, window)
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.escape()
    qtbot.waitUntil(lambda: window.searching, timeout=SEARCH_TIMEOUT_MS)
    assert window.current_item().id == chosen.id


def test_a_new_search_or_view_forgets_the_results_to_return_to(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    open_with_enter(qtbot, window)
    type_search(qtbot, window, "降息")
    window.escape()  # from the new results back to the day, as always
    assert not window.across_days and not window.search_bar.back.isVisible()
    window.escape()
    assert not window.across_days  # nothing to return to any more


def test_esc_returns_to_the_watch_view_and_to_all_starred_where_the_reader_was(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "美国", ["美国"]).close()
    window.show_watch_view()
    go_down(qtbot, window, 4)
    hits = [item.id for item in list_rows(window)]
    chosen = open_with_enter(qtbot, window)
    assert window.search_bar.back.text() == "← Back to Watchlist hits"
    window.escape()
    assert window.watching and [item.id for item in list_rows(window)] == hits
    assert window.current_item().id == chosen.id

    items = window.store.items_on(SAMPLE_DAY)
    star(qtbot, window, items[:6])
    window.show_across_view("starred")
    go_down(qtbot, window, 2)
    chosen = open_with_enter(qtbot, window)
    assert window.search_bar.back.text() == "← Back to All starred"
    window.escape()
    assert window.across and window.day_nav.across_buttons["starred"].isDown()
    assert window.current_item().id == chosen.id


# ---- 2. from the box into the results, one Enter opens ------------------------------------------


def test_down_from_the_search_box_enters_the_results_and_one_enter_opens(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    assert window.search.hasFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.focusWidget() is window.list
    assert window.list.currentIndex().row() == 0
    first = window.current_item()
    qtbot.keyClick(window.list, Qt.Key.Key_Return)  # one Enter
    assert not window.across_days and window.current_item().id == first.id
    assert window.focusWidget() is window.list  # not on to the text by a second activation
    assert window.return_point is not None


def test_enter_in_the_search_box_enters_the_results_at_their_current_row(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    go_down(qtbot, window, 3)
    window.focus_search()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.focusWidget() is window.list
    assert window.list.currentIndex().row() == 3  # the row the reader was on


def test_enter_while_the_search_runs_enters_the_results_when_they_arrive(library, qtbot):
    window = library.open()
    window.search.setFocus()
    for char in "降息":
        window.search.insert(char)
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)  # before the pause in typing ends
    qtbot.waitUntil(lambda: window.focusWidget() is window.list, timeout=SEARCH_TIMEOUT_MS)
    assert window.searching and window.list.currentIndex().row() == 0


def test_two_enters_while_the_search_runs_open_its_first_result(library, qtbot):
    window = library.open()
    window.search.setFocus()
    for char in "降息":
        window.search.insert(char)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.return_point is not None, timeout=SEARCH_TIMEOUT_MS)
    assert not window.across_days
    opened = window.current_item()
    window.escape()
    assert window.searching and window.search.text() == "降息"
    assert window.list.currentIndex().row() == 0 and window.current_item().id == opened.id


def double_click(widget, pos: QPoint) -> None:
    """Press, release, then the double click, as a mouse sends them (QTest's own double click
    reaches an item view as a single press here)."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)
    event = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)


def test_a_double_click_on_a_result_opens_it_once(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    index = window.search_model.index(2)
    chosen = index.data(ItemRole)
    centre = window.list.visualRect(index).center()
    double_click(window.list.viewport(), centre)
    assert not window.across_days and window.current_item().id == chosen.id
    assert window.focusWidget() is window.list
    window.escape()
    assert window.searching and window.current_item().id == chosen.id


def test_enter_after_a_failed_search_asks_again_and_enters_its_results(library, qtbot, monkeypatch):
    from telereader.app import search_service

    window = library.open()
    real = search_service.search
    monkeypatch.setattr(search_service, "search", lambda *a, **k: 1 / 0)
    with qtbot.waitSignal(window.search_service.failed, timeout=SEARCH_TIMEOUT_MS):
        window.search.setFocus()
        window.search.insert("黄金")
    monkeypatch.setattr(search_service, "search", real)
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.focusWidget() is window.list, timeout=SEARCH_TIMEOUT_MS)
    assert window.searching and window.list.currentIndex().row() == 0


# ---- 4. a result is read only once opened -----------------------------------------------------


def test_moving_over_results_does_not_mark_them_read_opening_does(library, qtbot):
    window = library.open()
    window.filter_buttons["unread"].click()
    type_search(qtbot, window, "黄金")
    go_down(qtbot, window, 3)
    passed = shown(window)[:4]
    assert not window._read_timer.isActive()
    window._read_timer.timeout.emit()  # even were it to run out
    window.ops.writer.pool.waitForDone(WAIT_MS)
    assert not any(window.store.item(item.id).read for item in passed)
    chosen = open_with_enter(qtbot, window)
    qtbot.waitUntil(lambda: window.store.item(chosen.id).read, timeout=WAIT_MS)
    assert window.current_item().id == chosen.id  # shown, though read, under "unread only"
    assert not any(window.store.item(item.id).read for item in passed if item.id != chosen.id)


def test_moving_over_the_watch_view_does_not_mark_rows_read(reader, qtbot):
    window = reader.open()
    window._read_timer.stop()
    make_watchlist(qtbot, window, "美国", ["美国"]).close()
    window.show_watch_view()
    go_down(qtbot, window, 3)
    assert not window._read_timer.isActive()
    window._read_timer.timeout.emit()
    window.ops.writer.pool.waitForDone(WAIT_MS)
    assert not window.store.item(window.current_item().id).read


def test_in_the_day_view_a_row_dwelt_on_still_becomes_read(reader, qtbot):
    window = reader.open()
    go_down(qtbot, window, 2)
    item = window.current_item()
    assert window._read_timer.isActive()
    qtbot.waitUntil(lambda: window.store.item(item.id).read, timeout=WAIT_MS)


# ---- 5. the first-start hint --------------------------------------------------------------------

OWN_SAMPLE_DATE_DAY = """# 财联社【加红】电报 - 2026-01-14
> 统计周期：2026-01-14 05:30 至次日 05:30

**[09:30]** 【读者自己的一条】财联社1月14日电，这是读者自己导入的文件里的一条。
"""


def test_the_hint_stays_away_once_an_own_day_was_imported_even_after_deleting_it(
    reader, qtbot, monkeypatch
):
    window = reader.open()
    assert window.hint.isVisible()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    assert not window.hint.isVisible()
    window.show_day(SMALL_DAY)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.events.day_deleted, timeout=WAIT_MS):
        window.delete_day()
    assert window.days == [SAMPLE_DAY]  # the sample alone again, but not new any more
    assert not window.hint.isVisible()
    reader.close(window)
    window = reader.open()
    assert not window.hint.isVisible()


def test_an_own_file_of_the_sample_date_ends_the_hint(reader, qtbot, tmp_path):
    window = reader.open()
    assert window.hint.isVisible()
    own = tmp_path / "my-2026-01-14-important.md"
    own.write_text(OWN_SAMPLE_DATE_DAY, encoding="utf-8")
    drop_and_wait(qtbot, window, [own])
    assert window.days == [SAMPLE_DAY]
    assert not window.hint.isVisible()
    reader.close(window)
    assert not reader.open().hint.isVisible()
