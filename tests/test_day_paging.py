"""A day's rows reach the list a page at a time (the first layout after a day switch covers the
rows that fill the view, not the whole day), and the reader never notices: the counts, selecting
an item anywhere in the day, `.`, End, Ctrl+A and j all see the whole day.

The sample day holds 93 items; the page is made 10 rows here so that it spans many pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from telereader.app.models import DayItemsModel
from telereader.core.store import Store
from tests.test_reader_keys import _read_all_but
from tests.test_window import SAMPLE_DAY, english, reader  # noqa: F401  (fixtures)

PAGE = 10


@pytest.fixture(autouse=True)
def small_page(monkeypatch):
    monkeypatch.setattr(DayItemsModel, "PAGE", PAGE)


def test_a_day_switch_gives_the_list_its_first_page_and_the_counts_the_whole_day(reader, qtbot):
    window = reader.open()
    window.show_day(SAMPLE_DAY)
    assert window.list.model().rowCount() == PAGE
    assert window.model.matching == 93
    assert "93 items" in window.counts_label.text()
    bar = window.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
    bar.setValue(bar.maximum())  # the reader scrolls to the bottom: the next page comes
    qtbot.waitUntil(lambda: window.list.model().rowCount() > PAGE, timeout=10_000)


def test_an_item_far_down_the_day_is_selected_and_shown(reader, qtbot):
    window = reader.open()
    ids = [item.id for item in window.store.items_on(SAMPLE_DAY)]
    window.show_day(SAMPLE_DAY, ids[80])
    assert window.current_item().id == ids[80]
    assert window.list.currentIndex().row() == 80
    assert window.detail.item.id == ids[80]


def test_dot_finds_an_unread_item_beyond_the_first_page(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        sample = _read_all_but(other, SAMPLE_DAY, {0, 70})
    window.refresh_days()
    window.show_day(SAMPLE_DAY, sample[0])
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Period)
    assert window.current_item().id == sample[70]


def test_end_goes_to_the_last_item_of_the_day_and_j_walks_past_a_page(reader, qtbot):
    window = reader.open()
    ids = [item.id for item in window.store.items_on(SAMPLE_DAY)]
    window.show_day(SAMPLE_DAY)
    window.list.setFocus()
    for _ in range(PAGE + 2):
        qtbot.keyClick(window.list, Qt.Key.Key_J)
    assert window.current_item().id == ids[PAGE + 2]
    qtbot.keyClick(window.list, Qt.Key.Key_End)
    assert window.current_item().id == ids[-1]


def test_select_all_then_ctrl_c_copies_every_item_of_the_day(reader, qtbot, no_catch_ups):
    # (no market catch-up: it would fold the sample's 13:03 near-duplicate, 92 rows then)
    window = reader.open()
    window.show_day(SAMPLE_DAY)
    window.list.setFocus()
    QApplication.clipboard().setText("")
    qtbot.keyClick(window.list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_items()) == 93
    assert "93" in window.statusBar().currentMessage()


def test_the_order_toggle_keeps_an_item_far_down_the_day_selected(reader, qtbot):
    window = reader.open()
    ids = [item.id for item in window.store.items_on(SAMPLE_DAY)]
    window.show_day(SAMPLE_DAY, ids[75])
    window.set_newest_first(True)
    assert window.current_item().id == ids[75]
    assert window.list.currentIndex().row() == 92 - 75
    window.set_newest_first(False)
    assert window.current_item().id == ids[75]
