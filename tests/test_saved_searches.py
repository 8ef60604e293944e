"""Saved searches: a search and its conditions kept under a name, run again on any later day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from telereader.core.backup import read_backup, restore_backup, write_backup
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.migrations import MIGRATIONS, _0011_saved_searches
from telereader.core.saved_searches import (
    SearchConditions,
    delete_saved,
    move_saved,
    rename_saved,
    run_saved,
    save_search,
    saved_named,
    saved_searches,
    unread_counts,
)
from telereader.core.search import search
from telereader.core.store import LibraryError, Store
from tests.conftest import FIXTURES, SAMPLE

JAN_14, MAR_02 = dt.date(2026, 1, 14), dt.date(2026, 3, 2)


@pytest.fixture
def two_days(store: Store) -> Store:
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    return store


def ids(result) -> list[str]:
    return [item.id for item in result.items]


def test_the_library_gains_its_saved_searches_table_in_its_own_migration(store):
    version = MIGRATIONS.index(_0011_saved_searches) + 1
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= version
    assert saved_searches(store) == []


def test_a_saved_search_survives_a_restart_and_gives_the_same_results(two_days, data_dir):
    conditions = SearchConditions(important_only=False, hide_teasers=True, day_from=JAN_14,
                                  day_to=JAN_14)  # fmt: skip
    saved = save_search(two_days, "  黄金早盘 ", "黄金", conditions)
    expected = search(two_days, "黄金", search_filter=ItemFilter(
        day_from=JAN_14, day_to=JAN_14, hide_teasers=True))  # fmt: skip
    assert expected.total > 0
    two_days.close()
    with Store.open(data_dir) as again:
        found = saved_named(again, "黄金早盘")
        assert found == saved
        result = run_saved(again, found, dt.date(2030, 1, 1))  # fixed dates ignore the day
        assert ids(result) == ids(expected)


def test_relative_dates_are_worked_out_on_the_day_the_search_runs(two_days):
    saved = save_search(two_days, "近一周黄金", "黄金", SearchConditions(last_days=7))
    in_january = run_saved(two_days, saved, today=dt.date(2026, 1, 16))
    in_march = run_saved(two_days, saved, today=dt.date(2026, 3, 5))
    later = run_saved(two_days, saved, today=dt.date(2026, 3, 20))
    assert in_january.total > 0 and {item.day for item in in_january.items} == {JAN_14}
    assert in_march.total > 0 and {item.day for item in in_march.items} == {MAR_02}
    assert later.total == 0
    assert saved.item_filter(dt.date(2026, 3, 5)) == ItemFilter(
        day_from=dt.date(2026, 2, 27), day_to=dt.date(2026, 3, 5)
    )


def test_unread_counts_leave_out_what_was_read(two_days):
    saved = save_search(two_days, "黄金", "黄金")
    total = run_saved(two_days, saved, JAN_14).total
    assert unread_counts(two_days, JAN_14) == {saved.id: total}
    two_days.set_read([run_saved(two_days, saved, JAN_14, limit=1).items[0].id])
    assert unread_counts(two_days, JAN_14) == {saved.id: total - 1}


def test_rename_reorder_and_delete(two_days):
    first = save_search(two_days, "一", "黄金")
    second = save_search(two_days, "二", "原油")
    third = save_search(two_days, "三", "央行")
    rename_saved(two_days, second.id, "原油动向")
    with pytest.raises(LibraryError) as taken:
        rename_saved(two_days, third.id, "一")
    assert taken.value.problem.code == "saved_name_taken"
    move_saved(two_days, third.id, 0)
    assert [s.name for s in saved_searches(two_days)] == ["三", "一", "原油动向"]
    move_saved(two_days, third.id, 99)  # past the end: last
    assert [s.name for s in saved_searches(two_days)] == ["一", "原油动向", "三"]
    delete_saved(two_days, first.id)
    assert [s.name for s in saved_searches(two_days)] == ["原油动向", "三"]
    with pytest.raises(LibraryError):
        saved_named(two_days, "一")


@pytest.mark.parametrize(
    ("name", "query", "code"),
    [
        ("", "黄金", "saved_no_name"),
        ("a\nb", "黄金", "saved_bad_name"),
        ("x", " ", "saved_empty_query"),
    ],
)
def test_a_saved_search_needs_a_one_line_name_and_a_query(store, name, query, code):
    with pytest.raises(LibraryError) as refused:
        save_search(store, name, query)
    assert refused.value.problem.code == code
    assert saved_searches(store) == []


def test_backup_and_restore_bring_saved_searches_back(two_days, tmp_path):
    save_search(two_days, "近一月", "黄金", SearchConditions(last_days=30, unread_only=True))
    save_search(two_days, "一月", "央行", SearchConditions(day_from=JAN_14, day_to=JAN_14))
    backup = write_backup(two_days, tmp_path / "backup.json")
    with Store.open(tmp_path / "fresh") as fresh:
        save_search(fresh, "一月", "别的")  # a name the library has keeps the library's
        report = restore_backup(fresh, backup)
        assert report.saved_searches == 1
        restored = {s.name: (s.query, s.conditions) for s in saved_searches(fresh)}
    assert restored == {
        "一月": ("别的", SearchConditions()),
        "近一月": ("黄金", SearchConditions(last_days=30, unread_only=True)),
    }


def test_a_backup_with_wrong_saved_search_conditions_is_refused_naming_the_field(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({
        "format": "telereader-backup", "version": 1,
        "saved_searches": [{"name": "x", "query": "黄金", "conditions": {"last_days": "7"}}],
    }), encoding="utf-8")  # fmt: skip
    with pytest.raises(LibraryError) as refused:
        read_backup(path)
    assert refused.value.problem.params["field"] == "saved_searches[0].conditions.last_days"
