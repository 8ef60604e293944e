"""New since you looked, in the core: which items arrived after the reader last had their day
open, which days have such items, where the first of them is; kept in backups."""

from __future__ import annotations

import datetime as dt
import json

from telereader.core import newsince
from telereader.core.backup import restore_backup, write_backup
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.migrations import MIGRATIONS, _0013_new_since
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE

SMALL_DAY = dt.date(2026, 3, 2)
SAMPLE_DAY = dt.date(2026, 1, 14)
LATER_ITEM_BODY = "美股三大指数收盘涨跌不一"  # only in the later capture of the small day


def look_at(store: Store, day: dt.date) -> None:
    """The reader opens the day and leaves it: what was there when shown is seen."""
    newsince.mark_looked(store, day, newsince.day_mark(store, day))


def the_later_item(store: Store) -> str:
    return next(i.id for i in store.items_on(SMALL_DAY) if LATER_ITEM_BODY in i.body)


def test_a_day_never_opened_marks_no_item_but_counts_as_a_day_with_new_items(store):
    import_paths(store, [FIXTURES / "small.md"])
    assert newsince.new_ids_on(store, SMALL_DAY) == frozenset()
    assert newsince.days_with_new(store) == {SMALL_DAY}
    first = store.items_on(SMALL_DAY)[0]
    assert newsince.first_new(store, None) == (SMALL_DAY, first.id)


def test_items_a_later_capture_brings_are_new_and_nothing_else(store):
    import_paths(store, [FIXTURES / "small.md"])
    look_at(store, SMALL_DAY)
    assert newsince.days_with_new(store) == set()
    assert newsince.first_new(store, None) is None

    report = import_paths(store, [FIXTURES / "small-later-capture.md"])
    assert report.added == 1 and report.updated == 2  # the changed items are not new

    later = the_later_item(store)
    assert newsince.new_ids_on(store, SMALL_DAY) == {later}
    assert newsince.days_with_new(store) == {SMALL_DAY}
    assert newsince.first_new(store, None) == (SMALL_DAY, later)
    look_at(store, SMALL_DAY)
    assert newsince.new_ids_on(store, SMALL_DAY) == frozenset()


def test_what_arrives_while_the_day_is_shown_stays_new_until_the_reader_comes_back(store):
    import_paths(store, [FIXTURES / "small.md"])
    shown_with = newsince.day_mark(store, SMALL_DAY)  # the reader opens the day
    import_paths(store, [FIXTURES / "small-later-capture.md"])  # a followed folder brings more
    newsince.mark_looked(store, SMALL_DAY, shown_with)  # they leave it
    assert newsince.new_ids_on(store, SMALL_DAY) == {the_later_item(store)}


def test_a_look_never_goes_back(store):
    import_paths(store, [FIXTURES / "small.md"])
    look_at(store, SMALL_DAY)
    import_paths(store, [FIXTURES / "small-later-capture.md"])
    look_at(store, SMALL_DAY)
    newsince.mark_looked(store, SMALL_DAY, 0)  # an older window closing late
    assert newsince.new_ids_on(store, SMALL_DAY) == frozenset()


def test_the_jump_goes_to_the_next_day_with_new_items_then_wraps_and_keeps_the_filter(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    look_at(store, SAMPLE_DAY)
    first_small = store.items_on(SMALL_DAY)[0].id
    assert newsince.first_new(store, SAMPLE_DAY) == (SMALL_DAY, first_small)
    assert newsince.first_new(store, SMALL_DAY) == (SMALL_DAY, first_small)  # wraps round
    important_only = ItemFilter(important_only=True)
    assert newsince.first_new(store, None, important_only) is None  # small.md has none


def test_items_from_before_new_since_existed_are_never_new(store):
    import_paths(store, [FIXTURES / "small.md"])
    store.conn.execute("UPDATE items SET arrival = NULL")  # as the migration leaves them
    store.conn.execute("UPDATE day_counts SET max_arrival = NULL")
    store.conn.commit()
    assert newsince.days_with_new(store) == set()
    assert newsince.first_new(store, None) is None


def test_the_migration_adds_the_marks_to_a_library_of_the_previous_version(data_dir):
    import sqlite_utils

    number = MIGRATIONS.index(_0013_new_since)
    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(data_dir / "library.sqlite3")
    for migration in MIGRATIONS[:number]:
        migration(db)
    db.execute(f"PRAGMA user_version = {number}")
    db.conn.commit()
    db.conn.close()
    with Store.open(data_dir) as store:
        assert store.schema_version >= number + 1
        import_paths(store, [FIXTURES / "small.md"])
        look_at(store, SMALL_DAY)
        assert newsince.seen_mark(store, SMALL_DAY) == newsince.day_mark(store, SMALL_DAY) > 0


def test_deleting_a_day_forgets_its_look(store):
    import_paths(store, [FIXTURES / "small.md"])
    look_at(store, SMALL_DAY)
    store.delete_day(SMALL_DAY)
    import_paths(store, [FIXTURES / "small.md"])
    assert newsince.seen_mark(store, SMALL_DAY) is None  # a day never opened again
    assert newsince.new_ids_on(store, SMALL_DAY) == frozenset()


def test_which_items_are_new_is_read_from_the_day_s_range_of_an_index(store):
    import_paths(store, [FIXTURES / "small.md"])
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM items WHERE day = ? AND arrival > ?", ["2026-03-02", 0]
    ).fetchall()
    assert any("items_by_arrival" in row[-1] for row in plan), plan


def test_looks_survive_a_backup_restored_into_a_library_rebuilt_from_the_files(tmp_path, store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    look_at(store, SMALL_DAY)
    path = write_backup(store, tmp_path / "backup.json")
    assert [look["day"] for look in json.loads(path.read_text())["looked_days"]] == ["2026-03-02"]

    with Store.open(tmp_path / "rebuilt") as rebuilt:
        import_paths(rebuilt, [SAMPLE, FIXTURES / "small.md"])
        report = restore_backup(rebuilt, path)
        assert report.looked_days == 1
        assert newsince.days_with_new(rebuilt) == {SAMPLE_DAY}  # never looked at there either


def test_a_backup_with_a_bad_day_is_refused_whole(tmp_path, store):
    import pytest

    from telereader.core.store import LibraryError

    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "telereader-backup", "looked_days": [{"day": "1月"}]}))
    with pytest.raises(LibraryError) as caught:
        restore_backup(store, path)
    assert caught.value.problem.code == "backup_expects_date"


def test_a_look_asked_for_and_not_yet_written_counts_already(store):
    import_paths(store, [FIXTURES / "small.md"])
    look_at(store, SMALL_DAY)
    import_paths(store, [FIXTURES / "small-later-capture.md"])
    asked = {SMALL_DAY: newsince.day_mark(store, SMALL_DAY)}  # the window left the day again
    assert newsince.new_ids_on(store, SMALL_DAY, asked[SMALL_DAY]) == frozenset()
    assert newsince.days_with_new(store, asked) == set()
    assert newsince.first_new(store, None, asked=asked) is None
    assert newsince.new_ids_on(store, SMALL_DAY, 0) == {the_later_item(store)}  # never back


def test_importing_the_same_files_again_brings_nothing_new(store):
    import_paths(store, [FIXTURES / "small.md"])
    look_at(store, SMALL_DAY)
    import_paths(store, [FIXTURES / "small.md", FIXTURES / "small-crlf.md"])  # same items
    assert newsince.days_with_new(store) == set()
    assert newsince.new_ids_on(store, SMALL_DAY) == frozenset()
