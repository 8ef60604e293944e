"""A two-character search (降息, 财联) and an exclusion of a longer term holding it (美元 -美元指数)
take their totals from counts of pairs kept beside the index, and the common pairs' trends from
per-day counts: they must stay exactly what a substring scan finds through every write."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from telereader.core import pair_counts
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.migrations import MIGRATIONS, _0014_pair_counts
from telereader.core.query import fold_case, parse_query
from telereader.core.search import search
from telereader.core.search_index import single_pair
from telereader.core.store import Store
from telereader.core.trend import trend
from tests.conftest import FIXTURES, SAMPLE
from tests.test_trend_characters import refuse_index_searches

MARCH_2 = dt.date(2026, 3, 2)
PAIRS = ["财联", "日电", "上涨", "AI", "ai", "0.", "5%", "，公", "黄金", "涨停", "央行"]
EXCLUSIONS = ["黄金 -黄金周", "财联 -财联社", "日 -日电", "上涨 -上涨0", "央行 -央行", "a -ai"]


def scanned_total(store: Store, text: str) -> int:
    query = parse_query(text)
    rows = store.db.execute("SELECT title, body FROM items").fetchall()
    return sum(query.matches(title, body) for title, body in rows)


def pairs_in_items(store: Store) -> Counter[tuple[str, str]]:
    """(pair token, day) → items holding it, from the items' text, segment by segment."""
    counts: Counter[tuple[str, str]] = Counter()
    for day, title, body in store.db.execute("SELECT day, title, body FROM items"):
        pairs = set()
        for segment in (fold_case(title or ""), fold_case(body)):
            for i in range(len(segment) - 1):
                token = single_pair(segment[i : i + 2])
                if token is not None:
                    pairs.add(token)
        counts.update((token, day) for token in pairs)
    return counts


def kept_totals(store: Store) -> dict[str, int]:
    rows = store.db.execute("SELECT token, items FROM search_pair_counts WHERE items != 0")
    return dict(rows.fetchall())


def kept_days(store: Store) -> dict[tuple[str, str], int]:
    rows = store.db.execute("SELECT token, day, items FROM search_pair_days WHERE items != 0")
    return {(token, day): items for token, day, items in rows}


def assert_in_step(store: Store) -> None:
    in_items = pairs_in_items(store)
    totals: Counter[str] = Counter()
    for (token, _), items in in_items.items():
        totals[token] += items
    assert kept_totals(store) == dict(totals)
    common = {row[0] for row in store.db.execute(
        "SELECT token FROM search_pair_counts WHERE by_day")}  # fmt: skip
    assert kept_days(store) == {key: n for key, n in in_items.items() if key[0] in common}
    for text in PAIRS + EXCLUSIONS:
        assert search(store, text, limit=0).total == scanned_total(store, text), text


@pytest.fixture
def low_threshold(monkeypatch):
    """Pairs in at least 30 items count as common, so a small library has some of each."""
    monkeypatch.setattr(pair_counts, "COMMON_PAIR_ITEMS", 30)


def test_kept_pair_counts_follow_imports_edits_deleted_days_and_reimports(store, low_threshold):
    import_paths(store, [FIXTURES / "small.md"], workers=0)
    assert_in_step(store)
    import_paths(store, [FIXTURES / "small-later-capture.md", FIXTURES / "small-important.md"],
                 workers=0)  # fmt: skip
    assert_in_step(store)
    store.delete_day(MARCH_2)
    assert_in_step(store)
    assert kept_totals(store) == {} and kept_days(store) == {}
    import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
    assert_in_step(store)
    common = store.db.execute("SELECT count(*) FROM search_pair_counts WHERE by_day").fetchone()
    assert common[0] > 0  # the sample day made some pairs common: they were back-filled


def test_a_two_character_total_is_read_and_a_contained_exclusion_counts_only_the_rarer(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md"], workers=0)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        for text in ["财联", "黄金 -黄金周", "财联 -财联社", "日 -日电"]:
            search(store, text, limit=5)
    finally:
        store.db.conn.set_trace_callback(None)
    counted = [s.split("MATCH ")[1] for s in statements if "count(*)" in s]
    assert counted == ["'\"黄金 金周\"'", "'\"财联 联社\"'"]  # the exclusions alone


def test_opening_a_library_from_before_the_pair_counts_fills_them(tmp_path, monkeypatch):
    monkeypatch.setattr(pair_counts, "COMMON_PAIR_ITEMS", 30)
    with Store.open(tmp_path) as store:
        import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
        expected = (kept_totals(store), kept_days(store))
        store.db.execute("DROP TABLE search_pair_counts")
        store.db.execute("DROP TABLE search_pair_days")
        store.db.execute(f"PRAGMA user_version = {MIGRATIONS.index(_0014_pair_counts)}")
    with Store.open(tmp_path) as store:
        assert (kept_totals(store), kept_days(store)) == expected
        assert expected[0] and expected[1]
        assert_in_step(store)


@pytest.mark.parametrize("by", ["day", "month"])
def test_trends_of_pairs_around_the_threshold_count_like_their_searches(tmp_path, monkeypatch,
                                                                        by):  # fmt: skip
    with Store.open(tmp_path) as store:
        import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
        totals = kept_totals(store)
        # the threshold between two pairs' totals: one side kept by day, the other listed
        ranked = sorted(set(totals.values()), reverse=True)
        monkeypatch.setattr(pair_counts, "COMMON_PAIR_ITEMS", ranked[3])
        import_paths(store, [FIXTURES / "small-later-capture.md"], workers=0)  # crosses it
        around = [t for t, n in totals.items() if ranked[5] <= n <= ranked[1]]
        assert store.db.execute("SELECT count(*) FROM search_pair_days").fetchone()[0] > 0
        for token in around:
            text = token.translate({0x10FF00 + c: c for c in range(128)})
            result = trend(store, text, by=by)
            assert result.total == search(store, text, limit=0).total, text
            for point in result.points:
                period = ItemFilter(day_from=point.first_day, day_to=point.last_day)
                assert point.count == search(store, text, limit=0,
                                             search_filter=period).total  # fmt: skip


def test_a_common_pair_trend_needs_no_search_of_the_index(store, low_threshold, monkeypatch):
    import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
    expected = trend(store, "财联", by="day")
    dated = trend(store, "财联", first=MARCH_2, last=MARCH_2, by="day")
    on_march_2 = ItemFilter(day_from=MARCH_2, day_to=MARCH_2)
    assert dated.total == search(store, "财联", limit=0, search_filter=on_march_2).total > 0

    refuse_index_searches(monkeypatch)
    assert trend(store, "财联", by="day") == expected and expected.total > 0
    assert trend(store, "财联", first=MARCH_2, last=MARCH_2, by="day") == dated
