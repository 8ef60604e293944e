"""`telereader days`: each day's items, important, starred and unread, counted right however the
reader's marks change (the counts come from day_counts and the marks, not from every item)."""

from __future__ import annotations

import datetime as dt

from telereader.core.importer import import_paths
from tests.conftest import FIXTURES, SAMPLE

SMALL_DAY = dt.date(2026, 3, 4)

# Every item counted with its marks: what the days must always agree with.
FULL_COUNT = (
    "SELECT items.day, count(*), sum(items.level = 'important'), count(stars.item_id), "
    "count(*) - count(reads.item_id) FROM items "
    "LEFT JOIN stars ON stars.item_id = items.id "
    "LEFT JOIN reads ON reads.item_id = items.id "
    "GROUP BY items.day ORDER BY items.day"
)


def summaries(store) -> list[tuple]:
    return [(s.day.isoformat(), s.items, s.important, s.starred, s.unread) for s in store.days()]


def ids_on(store, day: dt.date) -> list[str]:
    return [item.id for item in store.items_on(day)]


def test_the_days_count_items_stars_and_reads_as_the_marks_change(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md", FIXTURES / "small-important.md"])
    sample, small = (summary.day for summary in store.days())
    checks = [
        lambda: store.set_starred(ids_on(store, sample)[:3], True),
        lambda: store.set_read(ids_on(store, sample)[1:5]),
        lambda: store.set_read(ids_on(store, small)),  # the whole day read
        lambda: store.set_starred(ids_on(store, sample)[:1], False),
        lambda: store.set_read(ids_on(store, small)[:2], False),
        lambda: store.delete_day(small),  # its marks stay, waiting for the day
        lambda: import_paths(store, [FIXTURES / "small.md", FIXTURES / "small-later-capture.md"]),
    ]
    for change in checks:
        change()
        assert summaries(store) == [tuple(row) for row in store.conn.execute(FULL_COUNT)]
    (_, _, _, starred, unread), (_, items, _, _, unread_small) = summaries(store)
    assert (starred, unread) == (2, 93 - 4)
    assert unread_small == 3 and items == 8  # the later capture's new item unread


def test_a_library_without_days_lists_none(store):
    assert store.days() == []


def test_the_days_are_counted_without_reading_every_item(store):
    """At ten years (1.1M items) a scan of every item took a second; the marks are few."""
    import_paths(store, [SAMPLE])
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.days()
    store.conn.set_trace_callback(None)
    plan = [
        row[-1]
        for statement in statements
        for row in store.conn.execute(f"EXPLAIN QUERY PLAN {statement}")
    ]
    assert plan and not [step for step in plan if step.startswith("SCAN items")], plan


def test_days_json_prints_what_json_writes_for_the_days(store, capsys):
    import json

    from telereader.cli import main
    from telereader.cli.json_rows import days_json
    from telereader.core.stored import DaySummary

    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    store.set_starred(ids_on(store, store.days()[0].day)[:2], True)
    listed = store.days()
    assert main(["--data-dir", str(store.path.parent), "days", "--json"]) == 0
    written = json.dumps([day.to_json() for day in listed], ensure_ascii=False, indent=2)
    assert capsys.readouterr().out == written + "\n"
    odd = [DaySummary(dt.date(2026, 1, 14), 3, None, 0, 3)]  # a count json writes as null
    assert days_json(odd) == json.dumps([odd[0].to_json()], indent=2)
    assert days_json([]) == "[]"
