"""The library file: location, schema version, migrations, refusal of what it cannot open."""

from __future__ import annotations

import sqlite3

import pytest

from telereader.core.importer import import_paths
from telereader.core.messages import render
from telereader.core.migrations import SCHEMA_VERSION
from telereader.core.store import LIBRARY_FILE, LibraryError, Store, default_data_dir
from tests.conftest import SAMPLE


def test_the_library_is_one_sqlite_file_in_wal_mode(data_dir):
    with Store.open(data_dir) as store:
        assert store.path == data_dir / LIBRARY_FILE
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.schema_version == SCHEMA_VERSION
        assert {"items", "imported_files", "stars", "notes", "reads"} <= set(store.db.table_names())


def test_the_data_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TELEREADER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert default_data_dir() == tmp_path / "elsewhere"
    with Store.open() as store:
        assert store.path == tmp_path / "elsewhere" / LIBRARY_FILE


def test_reopening_keeps_everything_and_migrates_nothing_twice(data_dir):
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
        item = store.items_on(store.days()[0].day)[0]
        store.set_starred([item.id], True)
    with Store.open(data_dir) as store:
        assert store.item(item.id).starred
        assert store.schema_version == SCHEMA_VERSION


def test_a_library_from_a_newer_app_is_refused_and_left_untouched(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / LIBRARY_FILE
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError) as error:
        Store.open(data_dir)
    assert error.value.problem.code == "newer_library"
    assert "newer telereader" in str(error.value)
    assert path.read_bytes() == before
    assert not (data_dir / (LIBRARY_FILE + "-wal")).exists() or (
        (data_dir / (LIBRARY_FILE + "-wal")).stat().st_size == 0
    )


def test_a_file_that_is_not_a_database_is_refused(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / LIBRARY_FILE).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LibraryError) as error:
        Store.open(data_dir)
    assert error.value.problem.code == "not_a_library"


def test_stars_notes_and_reads(store):
    import_paths(store, [SAMPLE])
    first, second = store.items_on(store.days()[0].day)[:2]
    store.set_starred([first.id, second.id], True)
    store.set_note(first.id, "记一笔")
    store.set_read([second.id])
    assert store.item(first.id).starred and store.item(first.id).note == "记一笔"
    assert store.item(second.id).read and not store.item(first.id).read
    (summary,) = store.days()
    assert (summary.items, summary.starred, summary.unread) == (93, 2, 92)
    store.set_note(first.id, "   ")
    store.set_starred([second.id], False)
    assert store.item(first.id).note is None
    assert not store.item(second.id).starred


def test_starring_an_unknown_id_changes_nothing(store):
    import_paths(store, [SAMPLE])
    known = store.items_on(store.days()[0].day)[0].id
    with pytest.raises(LibraryError) as error:
        store.set_starred([known, "20990101-0000-deadbeef"], True)
    assert render(error.value.problem, "en") == "there is no item with id 20990101-0000-deadbeef"
    assert not store.item(known).starred


def test_day_counts_follow_imports_and_edits(store):
    from tests.conftest import FIXTURES

    import_paths(store, [SAMPLE, FIXTURES / "small.md", FIXTURES / "small-important.md"])
    import_paths(store, [FIXTURES / "small-later-capture.md"])
    assert store.day_counts() == {summary.day: summary.items for summary in store.days()}
    assert list(store.day_counts().values()) == [93, 8]


def brief_rows_plan(store: Store) -> str:
    """How SQLite reads a day's rows past the first page (Store.item_rows_on's second read)."""
    from telereader.core.store import DAY_ORDER
    from telereader.core.stored import BRIEF_ITEM_COLUMNS, BRIEF_ITEM_JOINS

    sql = (f"SELECT {BRIEF_ITEM_COLUMNS} FROM items {BRIEF_ITEM_JOINS} WHERE items.day = ? "
           f"ORDER BY {DAY_ORDER} LIMIT -1 OFFSET 40")  # fmt: skip
    return " | ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", ["x"]))


def test_a_days_brief_rows_are_read_from_the_day_index_alone(data_dir):
    with Store.open(data_dir) as store:
        plan = brief_rows_plan(store)
    assert "COVERING INDEX items_by_day" in plan and "TEMP B-TREE" not in plan


def test_a_library_of_the_previous_schema_gets_the_covering_day_index_and_keeps_its_stars(
    data_dir,
):
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
        item = store.items_on(store.days()[0].day)[0]
        store.set_starred([item.id], True)
        with store.db.conn:  # the day index as schema 14 made it
            store.db.execute("DROP INDEX items_by_day")
            store.db.execute('CREATE INDEX items_by_day ON items ("day", "time", "position")')
            store.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
        assert "TEMP B-TREE" in brief_rows_plan(store)
    with Store.open(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "COVERING INDEX items_by_day" in brief_rows_plan(store)
        assert store.item(item.id).starred
        assert [row[0] for row in store.item_rows_on(item.day, 10)] == [
            found.id for found in store.items_on(item.day)
        ]
