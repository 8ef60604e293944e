"""The reader's keys, sent as real key events to the window: U read/unread, `.` the next unread
item across days, Ctrl+C the selected items as chat text, and the menus that show these keys."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QTableWidget

from telereader.core.importer import import_paths
from telereader.core.store import Store
from tests.conftest import FIXTURES
from tests.test_window import SAMPLE_DAY, SMALL_DAY, english, reader  # noqa: F401  (fixtures)

LATE_DAY = dt.date(2026, 3, 4)


def bold(window, row: int) -> bool:
    return window.model.index(row).data(Qt.ItemDataRole.FontRole).bold()


def landed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.writer.busy, timeout=10_000)


def menu_entry(window, action_id: str) -> QAction:
    return window.findChild(QAction, action_id)


# ---- U: read / unread --------------------------------------------------------------------------


def test_u_marks_the_item_read_and_unread_at_once_and_it_stays_so(reader, qtbot):
    window = reader.open()
    window.list.setFocus()
    item = window.current_item()
    assert not item.read and bold(window, 0)
    qtbot.keyClick(window.list, Qt.Key.Key_U)
    assert window.current_item().read and not bold(window, 0)  # shown before the write lands
    landed(qtbot, window)
    assert window.store.item(item.id).read
    assert "unread 92" in window.counts_label.text()
    window.focus_detail()
    qtbot.keyClick(window.detail.body, Qt.Key.Key_U)  # in the item's text too
    assert not window.current_item().read and bold(window, 0)
    landed(qtbot, window)
    assert not window.store.item(item.id).read
    assert "unread 93" in window.counts_label.text()
    reader.close(window)

    reopened = reader.open()
    assert reopened.current_item().id == item.id
    assert not reopened.store.item(item.id).read and bold(reopened, 0)


# ---- `.`: the next unread item, across days ----------------------------------------------------


def _read_all_but(store: Store, day: dt.date, rows: set[int]) -> list[str]:
    """Every item of `day` read except those at `rows`; returns the day's ids in order."""
    ids = [item.id for item in store.items_on(day)]
    store.set_read([i for row, i in enumerate(ids) if row not in rows], True)
    store.set_read([i for row, i in enumerate(ids) if row in rows], False)
    return ids


def test_dot_goes_to_the_next_unread_item_then_to_later_days_then_says_none_is_left(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md", FIXTURES / "bad-lines.md"])
        sample = _read_all_but(other, SAMPLE_DAY, {5, 7})
        _read_all_but(other, SMALL_DAY, set())  # a day read through is passed by
        late = _read_all_but(other, LATE_DAY, {0})
    window.refresh_days()
    window.show_day(SAMPLE_DAY, sample[0])
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert window.current_item().id == sample[5]
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert window.current_item().id == sample[7]
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert window.model.day == LATE_DAY
    assert window.current_item().id == late[0]
    assert window.list.hasFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert window.current_item().id == late[0]  # it stays where it is
    assert "Nothing unread" in window.statusBar().currentMessage()


def test_dot_from_search_results_starts_at_the_first_row_of_the_day(reader, qtbot):
    """From a search (or another view) the day shown is read from its first row: the first
    unread item is not passed over because the result selected was further down."""
    from tests.test_window_search import type_search

    window = reader.open()
    with Store.open(reader.data_dir) as other:
        sample = _read_all_but(other, SAMPLE_DAY, {0, 40})
    window.refresh_days()
    window.show_day(SAMPLE_DAY, sample[10])
    type_search(qtbot, window, "黄金")
    window.list.setFocus()
    window.list.setCurrentIndex(window.list.model().index(0, 0))
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert not window.searching
    assert (window.model.day, window.current_item().id) == (SAMPLE_DAY, sample[0])


def test_dot_follows_the_filters_of_the_list(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md", FIXTURES / "bad-lines.md"])
        _read_all_but(other, SAMPLE_DAY, set())
        small = _read_all_but(other, SMALL_DAY, {2, 4})  # a teaser (盘中宝), then news
        _read_all_but(other, LATE_DAY, set())
    window.refresh_days()
    window.show_day(SAMPLE_DAY)
    window.filter_buttons["hide_teasers"].click()
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert (window.model.day, window.current_item().id) == (SMALL_DAY, small[4])


def test_the_next_unread_is_found_down_the_day_index(store):
    from telereader.core.unread import first_unread_after

    import_paths(store, [FIXTURES / "small.md", FIXTURES / "bad-lines.md"])
    late = _read_all_but(store, LATE_DAY, {0})
    _read_all_but(store, SMALL_DAY, set())
    assert first_unread_after(store, SAMPLE_DAY) == (LATE_DAY, late[0])
    assert first_unread_after(store, LATE_DAY) is None
    asked: list[str] = []  # the statement first_unread_after really runs, values bound
    store.db.conn.set_trace_callback(asked.append)
    try:
        first_unread_after(store, SAMPLE_DAY)
    finally:
        store.db.conn.set_trace_callback(None)
    (query,) = [sql for sql in asked if sql.lstrip().upper().startswith("SELECT")]
    plan = " ".join(row[-1] for row in store.db.execute("EXPLAIN QUERY PLAN " + query))
    assert "items_by_day" in plan and "TEMP B-TREE" not in plan


# ---- Ctrl+C: the selected items as text for a chat ---------------------------------------------


def test_ctrl_c_copies_the_selected_items_as_chat_text(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md"])
    window.refresh_days()
    window.show_day(SMALL_DAY)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    row_4 = window.list.visualRect(window.model.index(4))
    qtbot.mouseClick(
        window.list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
        row_4.center(),
    )  # fmt: skip
    qtbot.keyClick(window.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == (
        "05:31 【央行开展逆回购操作】财联社3月2日电，央行今日开展1000亿元7天期逆回购操作。（财联社）\n\n"
        "09:30 财联社3月2日电，沪指高开0.3%，创业板指高开0.5%。（财联社）\n\n"
        "14:20 【美国2月ISM制造业指数回升】美国2月ISM制造业指数为50.3，前值49.1。（新华社）"
    )


def test_ctrl_c_in_the_item_text_copies_the_text_selected_there(reader, qtbot):
    window = reader.open()
    QApplication.clipboard().setText("")
    window.detail.body.setFocus()
    window.detail.body.selectAll()
    qtbot.keyClick(window.detail.body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    selected = window.detail.body.textCursor().selectedText().replace("\u2029", "\n")
    assert QApplication.clipboard().text() == selected


# ---- menus show the keys; typing never triggers them -------------------------------------------


def test_menus_show_the_single_keys_and_help_lists_them(reader):
    window = reader.open()
    shown = {
        action_id: menu_entry(window, action_id).text().split("\t")[-1]
        for action_id in (
            "star", "note", "previous_day", "next_day", "search", "toggle_read", "next_unread",
            "copy_items",
        )
    }  # fmt: skip
    assert shown == {
        "star": "S", "note": "N", "previous_day": "[", "next_day": "]", "search": "/",
        "toggle_read": "U", "next_unread": ".", "copy_items": "Ctrl+C",
    }  # fmt: skip
    assert menu_entry(window, "toggle_read") in window.list.actions()  # the list's menu too
    window.show_shortcuts()
    table = window.shortcuts_dialog.findChild(QTableWidget)
    keys = {table.item(row, 0).text() for row in range(table.rowCount())}
    assert {"U", ".", "Ctrl+C"} <= keys


def test_the_menu_entries_do_what_the_keys_do(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    menu_entry(window, "toggle_read").trigger()
    assert window.current_item().read
    menu_entry(window, "copy_items").trigger()
    assert QApplication.clipboard().text().startswith(f"{item.time:%H:%M} ")


def test_typing_in_the_search_box_or_the_note_never_triggers_the_keys(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    window.search.setFocus()
    qtbot.keyClicks(window.search, "su.")
    assert window.search.text() == "su."
    window.detail.note.setFocus()
    qtbot.keyClicks(window.detail.note, "su.")
    assert window.detail.note.toPlainText() == "su."
    fresh = window.writer.overlay(window.store.item(item.id))
    assert not fresh.starred and not fresh.read
    assert window.detail.item.id == item.id


def test_a_teaser_is_copied_with_its_column_as_the_digest_writes_it(store):
    from telereader.core.clip import chat_line
    from telereader.core.model import Kind

    import_paths(store, [FIXTURES / "small.md"])
    teaser = next(item for item in store.items_on(SMALL_DAY) if item.kind is Kind.TEASER)
    assert teaser.column
    assert f"【{teaser.column}】" in chat_line(teaser)
    assert chat_line(teaser).startswith(f"{teaser.time:%H:%M} ")
