"""Near-duplicates folded in the day's timeline: a story sent again at another minute, in other
words, shows once; its row says "另有 N 条相似" and unfolds them (=, or a click on that line)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from telereader.app.models import DayItemsModel, ItemRole, SimilarRole
from telereader.app.widgets.delegate import ItemDelegate
from telereader.app.window import state
from telereader.app.window.choices import shown_list_choice
from telereader.core import markets
from telereader.core.importer import import_paths
from telereader.core.store import Store
from tests.conftest import FIXTURES, no_catch_ups  # noqa: F401  (fixture)
from tests.test_window import reader  # noqa: F401  (fixture)

DAY = dt.date(2026, 3, 5)  # tests/fixtures/near-duplicates.md: the 09:12 story sent again twice
LEADER, FIRST_COPY, SECOND_COPY = "09:12", "09:15", "09:40"


def planted(reader, extract: bool = True):
    """A window on the sample library with the planted day imported (and its near-duplicates
    extracted, as the background catch-up does), showing it."""
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "near-duplicates.md"], workers=0)
        if extract:
            markets.catch_up(other)
    window.refresh_days()
    window.show_day(DAY)
    return window


def times(window) -> list[str]:
    model = window.model
    return [f"{model.index(row).data(ItemRole).time:%H:%M}" for row in range(model.rowCount())]


def id_at(window, time: str) -> str:
    return next(item.id for item in window.store.items_on(DAY) if f"{item.time:%H:%M}" == time)


def row_text(window, time: str) -> str:
    return ItemDelegate.row_of(window.model.index(window.model.row_of(id_at(window, time)))).text


def test_a_story_sent_three_times_shows_once_and_equals_unfolds_it_under_its_row(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    assert times(window) == [LEADER, "10:00", "11:00"]
    assert row_text(window, LEADER).endswith("▸ 另有 2 条相似 · 2 条未读")
    assert "5 条" in window.counts_label.text()  # every count counts items, folded ones too
    assert "（其中 2 条相似已折叠）" in window.counts_label.text()
    window.list.select(id_at(window, LEADER))
    window.actions_by_id["toggle_similar"].trigger()  # =
    assert times(window) == [LEADER, FIRST_COPY, SECOND_COPY, "10:00", "11:00"]
    assert "已展开" in row_text(window, LEADER)
    assert "折叠" not in window.counts_label.text()
    window.list.select(id_at(window, SECOND_COPY))
    window.actions_by_id["toggle_similar"].trigger()  # = on a copy folds its story again
    assert times(window) == [LEADER, "10:00", "11:00"]
    assert window.current_item().id == id_at(window, LEADER)


def test_a_click_on_the_line_saying_how_many_more_unfolds_them(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    rect = window.list.visualRect(window.model.index(0))
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.center().x(), rect.bottom() - 3))  # fmt: skip
    assert times(window) == [LEADER, FIRST_COPY, SECOND_COPY, "10:00", "11:00"]


def test_a_folded_copy_asked_for_by_id_is_unfolded_and_selected(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    window.open_item(DAY, id_at(window, SECOND_COPY))  # as a search result or 相关 opens it
    assert window.current_item().id == id_at(window, SECOND_COPY)
    assert SECOND_COPY in times(window)


def test_next_unread_goes_into_the_copies_folded_under_the_row(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    window.list.select(id_at(window, LEADER))
    window.actions_by_id["next_unread"].trigger()  # .
    assert window.current_item().id == id_at(window, FIRST_COPY)
    assert times(window)[:3] == [LEADER, FIRST_COPY, SECOND_COPY]


def test_a_folded_copy_starred_or_read_shows_on_its_storys_row(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    copies = [id_at(window, FIRST_COPY), id_at(window, SECOND_COPY)]
    window.store.set_starred(copies[:1], True)
    window.store.set_read(copies, True)
    for copy in copies:
        window.model.refresh(copy)
    assert row_text(window, LEADER).endswith("▸ 另有 2 条相似 · ★")


def test_filters_apply_first_then_the_story_folds_among_what_is_shown(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    window.store.set_read([id_at(window, LEADER)], True)
    window.filter_buttons["unread"].click()  # the leader is read: its first copy stands
    assert times(window) == [FIRST_COPY, "10:00", "11:00"]
    assert row_text(window, FIRST_COPY).endswith("▸ 另有 1 条相似 · 1 条未读")
    assert "（筛选后 4 条，其中 1 条相似已折叠）" in window.counts_label.text()


def test_the_shown_list_exports_what_the_reader_sees_and_says_so(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    choice = shown_list_choice(window)
    assert choice.label == "当前列表（3 条，不含折叠的 2 条相似）"
    assert [f"{item.time:%H:%M}" for item in choice.items(window.store)] == [
        LEADER, "10:00", "11:00"
    ]  # fmt: skip


def test_folding_can_be_turned_off_and_the_choice_is_remembered(
    reader, no_catch_ups, qtbot
):
    window = planted(reader)
    assert window.actions_by_id["fold_similar"].isChecked()
    window.actions_by_id["fold_similar"].trigger()
    assert len(times(window)) == 5 and not window.model.index(0).data(SimilarRole)
    assert state.fold_similar(window.settings) is False
    reader.close(window)
    again = reader.open()
    assert not again.actions_by_id["fold_similar"].isChecked() and not again.model.fold_similar


def test_the_day_shown_folds_its_copies_once_the_catch_up_has_found_them(
    reader, no_catch_ups, qtbot
):
    window = planted(reader, extract=False)
    assert len(times(window)) == 5
    window.list.select(id_at(window, "10:00"))
    with Store.open(reader.data_dir) as other:
        markets.catch_up(other)
    window.refold_day_shown()  # as the catch-up's end does
    assert times(window) == [LEADER, "10:00", "11:00"]
    assert window.current_item().id == id_at(window, "10:00")


def test_a_story_unfolded_at_the_edge_of_the_rows_given_to_the_view_folds_back_cleanly(
    reader, no_catch_ups, qtbot, monkeypatch
):
    """The view is given a page of rows at a time: a story row can be the last one given while
    its unfolded copies are not yet; folding it again takes away only rows the view has."""
    window = planted(reader)
    monkeypatch.setattr(DayItemsModel, "PAGE", 1)
    model = DayItemsModel(window.store)  # no view asking for more rows by itself
    model.newest_first = True
    model.load(DAY)  # 11:00, 10:00, the story: only 11:00 given at first
    model.toggle_similar(id_at(window, LEADER))  # unfolded while not given
    model.show_through(2)  # the story's row given, its copies not
    assert model.rowCount() == 3
    model.toggle_similar(id_at(window, LEADER))
    assert model.rowCount() == 3 and model.shown == 3
    assert model.row_of(id_at(window, FIRST_COPY)) == 4  # asked for by id: unfolded, given
    assert model.rowCount() == 5
