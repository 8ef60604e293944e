"""The views across days beside the Watch view (all starred, all notes) and the empty states of
every list, driven as a reader would."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton, QStyleOptionViewItem

from telereader.app.across import ACROSS_VIEWS
from telereader.app.models import ItemRole, NoteRole
from telereader.core.filters import ItemFilter
from tests.test_window import (  # noqa: F401  (fixtures)
    SAMPLE_DAY,
    drop_and_wait,
    english,
    reader,
)
from tests.test_window_defects import (  # noqa: F401  (fixtures)
    PALLADIUM_NEWEST_FIRST,
    palladium,
    shown_dates,
)
from tests.test_window_search import type_search
from tests.test_window_watch import WAIT_MS, list_rows, make_watchlist

# ---- helpers ---------------------------------------------------------------------------------------


def star(qtbot, window, items) -> None:
    for item in items:
        window.set_starred(item.id, True)
    qtbot.waitUntil(
        lambda: all(window.store.item(item.id).starred for item in items), timeout=WAIT_MS
    )


def write_note(qtbot, window, item, text: str) -> None:
    window.ops.save_note(item.id, text)
    qtbot.waitUntil(lambda: window.store.item(item.id).note == text, timeout=WAIT_MS)


def trigger(window, action_id: str) -> None:
    window.actions_by_id[action_id].trigger()


def painted_empty_text(window) -> str:
    """What the list paints in its middle (it paints nothing there while it has rows)."""
    window.list.viewport().repaint()
    return window.list.painted_empty_text


# ---- all starred ----------------------------------------------------------------------------------


def palladium_items(window) -> list:
    store = window.store
    return store.items_on(dt.date(2016, 2, 29)) + store.items_on(dt.date(2016, 3, 1))


def test_all_starred_lists_every_starred_item_newest_first_across_days(reader, qtbot, palladium):
    window = reader.open()
    sample = list_rows(window)
    drop_and_wait(qtbot, window, palladium)
    other_days = palladium_items(window)
    chosen = [sample[3], sample[40], other_days[0], other_days[-1]]
    star(qtbot, window, chosen)
    trigger(window, "starred_view")
    assert window.across
    shown = list_rows(window)
    assert {item.id for item in shown} == {item.id for item in chosen}
    assert [item.time for item in shown] == sorted((item.time for item in shown), reverse=True)
    assert window.day_nav.across_buttons["starred"].isDown()
    assert "All starred: 4 items" in window.counts_label.text()


def test_after_midnight_items_show_their_real_date_in_all_starred(reader, qtbot, palladium):
    window = reader.open()
    drop_and_wait(qtbot, window, palladium)
    star(qtbot, window, palladium_items(window))
    window.day_nav.across_buttons["starred"].click()
    assert shown_dates(window) == PALLADIUM_NEWEST_FIRST  # real dates, in real time order


def test_enter_opens_a_starred_item_on_its_day_and_esc_goes_back(reader, qtbot):
    window = reader.open()
    items = list_rows(window)
    star(qtbot, window, [items[5]])
    window.show_across_view("starred")
    assert window.current_item().id == items[5].id
    window.enter()
    assert not window.across and window.model.day == SAMPLE_DAY
    assert window.current_item().id == items[5].id
    window.show_across_view("starred")
    window.escape()
    assert not window.across and window.list.model() is window.model


def test_the_filter_buttons_apply_in_all_starred(reader, qtbot):
    window = reader.open()
    items = list_rows(window)
    read, unread = items[1], items[2]
    star(qtbot, window, [read, unread])
    window.ops.set_read([read.id])
    qtbot.waitUntil(lambda: window.store.item(read.id).read, timeout=WAIT_MS)
    window.show_across_view("starred")
    assert len(list_rows(window)) == 2
    window.filter_buttons["unread"].click()
    assert [item.id for item in list_rows(window)] == [unread.id]
    assert window.across  # still the starred view, filtered


# ---- all notes ------------------------------------------------------------------------------------


def test_all_notes_lists_items_with_notes_and_shows_the_note_in_the_row(reader, qtbot):
    window = reader.open()
    items = list_rows(window)
    write_note(qtbot, window, items[4], "先看业绩，再看估值。")
    write_note(qtbot, window, items[30], "follow up tomorrow")
    trigger(window, "notes_view")
    shown = list_rows(window)
    assert {item.id for item in shown} == {items[4].id, items[30].id}
    model = window.list.model()
    notes = {model.index(row).data(NoteRole) for row in range(model.rowCount())}
    assert notes == {"先看业绩，再看估值。", "follow up tomorrow"}
    tooltips = [model.index(row).data(Qt.ItemDataRole.ToolTipRole) for row in range(2)]
    assert any("先看业绩" in tip for tip in tooltips)
    # a row with a note is tall enough for the note's line under the headline
    day_row = window.delegate.sizeHint(_option(window), window.model.index(0)).height()
    note_row = window.delegate.sizeHint(_option(window), model.index(0)).height()
    assert note_row >= day_row + QFontMetrics(window.list.font()).height() * 0.9
    assert "All notes: 2 items" in window.counts_label.text()


def _option(window) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(window.list)
    return option


def test_the_list_shown_exports_as_the_view_shown(reader, qtbot, tmp_path):
    window = reader.open()
    items = list_rows(window)
    write_note(qtbot, window, items[7], "export me")
    window.show_across_view("notes")
    dialog = window.show_export("list")
    assert dialog.choice().key == "list"
    out = tmp_path / "notes.md"
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as blocker:
        dialog.export_to(out)
    assert blocker.args[1] == 1
    assert "export me" in out.read_text(encoding="utf-8")


# ---- the buttons beside 最新一天 / 关注命中 ------------------------------------------------------------


def test_the_view_buttons_fit_the_calendar_column_unclipped(reader, qtbot):
    window = reader.open()
    window.main_splitter.use_default_sizes(window.main_splitter.width())  # the column's width
    QApplication.processEvents()
    buttons = [window.day_nav.newest_button, window.watch_button,
               *window.day_nav.across_buttons.values()]
    assert len(buttons) == 5  # the last, 公司与题材, has a row to itself
    for button in buttons:
        option = QStyleOptionButton()
        button.initStyleOption(option)
        frame = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        needed = QFontMetrics(button.font()).horizontalAdvance(button.text()) + frame
        assert button.width() >= needed, button.text()
    # two to a row: the column is as narrow as the calendar (or the buttons' own need, in a
    # larger font), well under the 420 px of the old left column
    assert window.day_nav.width() <= window.main_splitter.calendar_width() < 420
    assert buttons[0].y() == buttons[1].y() < buttons[2].y() == buttons[3].y() < buttons[4].y()


# ---- empty states ---------------------------------------------------------------------------------


def test_all_starred_says_how_to_star_until_something_is(reader, qtbot):
    window = reader.open()
    window.show_across_view("starred")
    assert painted_empty_text(window) == "No starred items yet: select an item and press S to star it"
    window.back_to_day()
    star(qtbot, window, [list_rows(window)[0]])
    window.show_across_view("starred")
    assert painted_empty_text(window) == ""


def test_all_notes_says_how_to_write_one_until_there_is_one(reader, qtbot):
    window = reader.open()
    window.show_across_view("notes")
    assert painted_empty_text(window) == "No notes yet: select an item and press N to write one"
    window.back_to_day()
    write_note(qtbot, window, list_rows(window)[0], "a note")
    window.show_across_view("notes")
    assert painted_empty_text(window) == ""


def test_the_watch_view_says_to_make_a_watchlist_then_to_add_keywords(reader, qtbot):
    window = reader.open()
    window.show_watch_view()
    assert "No watchlists yet: make one in Watch → Manage watchlists…" in painted_empty_text(window)
    make_watchlist(qtbot, window, "持仓", ["黄金"])
    window.show_watch_view()
    assert list_rows(window) and painted_empty_text(window) == ""


def test_a_search_without_results_says_to_check_the_spelling_or_widen_the_scope(reader, qtbot):
    window = reader.open()
    type_search(qtbot, window, "zzqqxx")
    assert painted_empty_text(window) == (
        "No matching items: check the spelling, or widen the date scope"
    )
    type_search(qtbot, window, "黄金")
    assert painted_empty_text(window) == ""


def test_a_day_filtered_to_nothing_says_to_clear_the_filters(reader, qtbot):
    window = reader.open()
    assert painted_empty_text(window) == ""
    window.filter_buttons["starred"].click()
    assert window.model.rowCount() == 0
    assert painted_empty_text(window).startswith("Nothing passes the filters: clear the filters")
    window.clear_filters()
    assert painted_empty_text(window) == ""


def test_views_across_days_are_one_table(reader, qtbot):
    """A later view (a word, a market) is one row of app/across.py: its button, menu entry and
    filter follow from the row."""
    window = reader.open()
    for view in ACROSS_VIEWS:
        assert view.id in window.day_nav.across_buttons
        assert f"{view.id}_view" in window.actions_by_id
        assert view.narrow(ItemFilter()) != ItemFilter()


def test_unstarring_a_row_while_scrolling_skips_no_item(reader, qtbot, monkeypatch):
    """Pages come by key: a row unstarred in 所有星标 stays until the view reloads, and the rows
    fetched after it are exactly the older starred items (an offset would skip one)."""
    from telereader.app.paged_models import PagedItemsModel

    monkeypatch.setattr(PagedItemsModel, "PAGE", 5)
    window = reader.open()
    starred = [item.id for item in window.store.items_on(window.model.day)[:12]]
    window.store.set_starred(starred, True)
    window.show_across_view("starred")
    model = window.list.model()
    assert model.rowCount() == 5 and model.total == 12
    window.store.set_starred([model.index(1, 0).data(ItemRole).id], False)
    while model.canFetchMore():
        model.fetchMore()
    shown = [model.index(row, 0).data(ItemRole).id for row in range(model.rowCount())]
    assert sorted(shown) == sorted(starred)
