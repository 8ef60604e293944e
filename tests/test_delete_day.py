"""Deleting a digest day from the library: everything imports wrote for it goes, in one
transaction; the reader's own data stays and attaches again when the day comes back."""

from __future__ import annotations

import datetime as dt

import pytest

from telereader.core.importer import import_paths
from telereader.core.model import FileStatus
from telereader.core.search import search
from telereader.core.watchlists import hit_days, hits, save_watchlist
from tests.conftest import FIXTURES, SAMPLE

SAMPLE_DAY = dt.date(2026, 1, 14)
SMALL_DAY = dt.date(2026, 3, 2)


def ids_on(store, day: dt.date) -> set[str]:
    return {item.id for item in store.items_on(day)}


def test_deleting_a_day_removes_its_items_count_index_rows_and_hits(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    save_watchlist(store, "金", ["黄金"])
    assert set(hit_days(store)) == {SAMPLE_DAY, SMALL_DAY}
    removed = ids_on(store, SMALL_DAY)
    kept_before = ids_on(store, SAMPLE_DAY)

    assert store.delete_day(SMALL_DAY) == len(removed) == 7

    assert store.items_on(SMALL_DAY) == [] and set(store.missing_ids(removed)) == removed
    assert SMALL_DAY not in store.day_counts()
    assert ids_on(store, SAMPLE_DAY) == kept_before  # the other day is untouched
    assert set(hit_days(store)) == {SAMPLE_DAY}
    assert all(item.day == SAMPLE_DAY for item in hits(store, "金", limit=1000)[0])
    assert all(item.day == SAMPLE_DAY for item in search(store, "黄金", limit=1000).items)
    conn = store.db.conn
    recorded = conn.execute("SELECT count(*) FROM imported_files WHERE day = '2026-03-02'")
    assert recorded.fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM watch_hits WHERE seq NOT IN "
                        "(SELECT seq FROM items)").fetchone()[0] == 0  # fmt: skip
    conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")


def test_the_same_file_imports_again_after_its_day_was_deleted(store):
    import_paths(store, [FIXTURES / "small.md"])
    before = ids_on(store, SMALL_DAY)
    word = store.items_on(SMALL_DAY)[0].body[9:12]
    store.delete_day(SMALL_DAY)
    assert search(store, word).total == 0
    report = import_paths(store, [FIXTURES / "small.md"])
    assert [f.status for f in report.files] == [FileStatus.IMPORTED]  # not "unchanged"
    assert report.added == 7 and ids_on(store, SMALL_DAY) == before
    assert store.day_counts()[SMALL_DAY] == 7
    assert search(store, word).items[0].id in before  # found again


def test_stars_notes_and_read_marks_wait_for_the_day_and_attach_again(store):
    import_paths(store, [FIXTURES / "small.md"])
    first, second = store.items_on(SMALL_DAY)[:2]
    store.set_starred([first.id], True)
    store.set_note(second.id, "回头再看")
    store.set_read([first.id, second.id])
    store.delete_day(SMALL_DAY)
    rows = {table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("stars", "notes", "reads")}  # fmt: skip
    assert rows == {"stars": 1, "notes": 1, "reads": 2}  # the reader's data is never deleted
    import_paths(store, [FIXTURES / "small.md"])
    back_first, back_second = store.item(first.id), store.item(second.id)
    assert back_first.starred and back_first.read
    assert back_second.note == "回头再看" and back_second.read


def test_the_sample_day_can_be_deleted_leaving_an_empty_library(store):
    import_paths(store, [SAMPLE])
    assert store.delete_day(SAMPLE_DAY) == 93
    assert store.day_counts() == {} and store.days() == []


def test_deleting_a_day_not_in_the_library_changes_nothing(store):
    import_paths(store, [FIXTURES / "small.md"])
    assert store.delete_day(SAMPLE_DAY) == 0
    assert store.day_counts() == {SMALL_DAY: 7}


def test_a_failed_delete_keeps_the_day_whole(store, monkeypatch):
    import_paths(store, [FIXTURES / "small.md"])
    store.db.conn.execute(
        "CREATE TRIGGER refuse BEFORE DELETE ON day_counts BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(Exception, match="no"):
        store.delete_day(SMALL_DAY)
    assert len(store.items_on(SMALL_DAY)) == 7 and store.day_counts() == {SMALL_DAY: 7}
    assert len(search(store, "黄金", limit=100).items) > 0
