"""A day's list makes items only as they are shown: a day switch pays for the rows in view.
What the reader sees does not change: the day's counts, an item's row, a star that is still
being written."""

from __future__ import annotations

import pytest

from telereader.app.day_rows import DayRows
from telereader.core.filters import count
from telereader.core.importer import import_paths
from telereader.core.store import Store
from telereader.core.stored import stored_item
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_rows(tmp_path_factory) -> list[tuple]:
    store = Store.open(tmp_path_factory.mktemp("library"))
    import_paths(store, [SAMPLE])
    (day,) = store.day_counts()
    rows = store.item_rows_on(day)
    store.close()
    return rows


def test_items_are_made_only_when_a_row_asks_for_them(sample_rows):
    made = []
    rows = DayRows(sample_rows, lambda row: made.append(row[0]) or stored_item(row))
    assert len(rows) == len(sample_rows) > 50
    assert rows.row_of(sample_rows[60][0]) == 60 and made == []
    assert rows[2].id == sample_rows[2][0] and rows[2] is rows[2]
    assert made == [sample_rows[2][0]]


def test_the_day_counts_are_those_of_its_items(sample_rows):
    rows = DayRows(sample_rows, stored_item)
    rows[0], rows[5]  # some made, most not
    assert rows.counts() == count(stored_item(row) for row in sample_rows)


def test_a_write_under_way_counts_as_done(sample_rows):
    pending = sample_rows[7][0]

    def overlay(row):
        item = stored_item(row)
        return item.replace(starred=True, read=True) if item.id == pending else item

    before = DayRows(sample_rows, stored_item).counts()
    after = DayRows(sample_rows, overlay).counts(pending={pending})
    was = stored_item(sample_rows[7])
    assert after.starred == before.starred + (not was.starred)
    assert after.unread == before.unread - (not was.read)


def test_an_item_read_again_replaces_its_row_and_keeps_its_place(sample_rows):
    rows = DayRows(sample_rows, stored_item)
    fresh = rows[4].replace(starred=True)
    rows[rows.row_of(fresh.id)] = fresh
    assert rows[4] is fresh and rows.counts().starred == count(rows).starred


def test_a_day_read_in_two_parts_gives_the_same_items_in_either_order(tmp_path):
    store = Store.open(tmp_path)
    import_paths(store, [SAMPLE])
    (day,) = store.day_counts()
    whole = [stored_item(row) for row in store.item_rows_on(day)]
    for newest_first in (False, True):
        rows = store.item_rows_on(day, 5, newest_first)
        assert [row[0] for row in rows] == [item.id for item in whole][:: -1 if newest_first else 1]
        assert all(row[1] is not None for row in rows[:5]) and rows[5][1] is None  # brief
        read = DayRows(rows, stored_item, store.item_rows_by_id)
        assert read.counts() == count(whole)
        assert list(read) == whole[:: -1 if newest_first else 1]
    store.close()


def test_an_item_deleted_before_its_brief_row_is_read_shows_empty_until_the_day_reloads(tmp_path):
    store = Store.open(tmp_path)
    import_paths(store, [SAMPLE])
    (day,) = store.day_counts()
    rows = store.item_rows_on(day, 2)
    read = DayRows(rows, stored_item, lambda ids: {})  # the library no longer has them
    assert read[10].id == rows[10][0] and read[10].body == "" and read[0].body
    store.close()
