"""A trend of one character (的, 国: in most items of a big library) is read from per-day
counts the index writes keep beside the index, and stays exactly the search's counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from telereader.core import trend as trend_module
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.migrations import MIGRATIONS, _0009_character_days
from telereader.core.search import search
from telereader.core.search_index import item_characters
from telereader.core.store import Store
from telereader.core.trend import trend
from tests.conftest import FIXTURES, SAMPLE

MARCH_2 = dt.date(2026, 3, 2)
CHARACTERS = ["的", "国", "，", "%", "a", "涨", "不"]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("characters")) as store:
        import_paths(store, [SAMPLE, FIXTURES / "small.md", FIXTURES / "small-important.md"],
                     workers=0)  # fmt: skip
        yield store


def counted_from_items(store: Store) -> dict[tuple[str, str], int]:
    """The per-day character counts as the items' text gives them, now."""
    counts: Counter[tuple[str, str]] = Counter()
    for day, title, body in store.conn.execute("SELECT day, title, body FROM items"):
        counts.update((token, day) for token in item_characters(title, body))
    return dict(counts)


def kept(store: Store) -> dict[tuple[str, str], int]:
    return {
        (token, day): items
        for token, day, items in store.conn.execute(
            "SELECT token, day, items FROM search_char_days WHERE items != 0"
        )
    }


@pytest.mark.parametrize("by", ["day", "week", "month"])
@pytest.mark.parametrize("character", CHARACTERS)
def test_a_one_character_trend_counts_each_period_like_its_search(library, character, by):
    result = trend(library, character, by=by)
    assert result.total == search(library, character, limit=0).total
    for point in result.points:
        period = ItemFilter(day_from=point.first_day, day_to=point.last_day)
        assert point.count == search(library, character, limit=0, search_filter=period).total


def refuse_index_searches(monkeypatch) -> None:
    """From now on a trend that searches the index fails the test."""

    def refused(*args, **kwargs):
        raise AssertionError("the index was searched")

    for name in ("search", "matching_keys", "counts_in_key_ranges"):
        monkeypatch.setattr(trend_module, name, refused)


def test_a_one_character_trend_needs_no_search_of_the_index(library, monkeypatch):
    expected = trend(library, "的", by="day")
    dated = trend(library, "的", first=MARCH_2, last=MARCH_2, by="day")

    refuse_index_searches(monkeypatch)
    assert trend(library, "的", by="day") == expected and expected.total > 0
    assert trend(library, "的", first=MARCH_2, last=MARCH_2, by="day") == dated
    with pytest.raises(AssertionError):  # any other filter still goes through the search
        trend(library, "的", by="day", search_filter=ItemFilter(important_only=True))


def test_the_kept_day_counts_follow_imports_edits_and_deleted_days(store):
    import_paths(store, [FIXTURES / "small.md"], workers=0)
    assert kept(store) == counted_from_items(store) != {}
    import_paths(store, [FIXTURES / "small-later-capture.md", FIXTURES / "small-important.md"],
                 workers=0)  # fmt: skip
    assert kept(store) == counted_from_items(store)
    store.delete_day(MARCH_2)
    assert kept(store) == counted_from_items(store) == {}
    import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
    assert kept(store) == counted_from_items(store)


def test_opening_a_library_from_before_the_day_counts_fills_them(tmp_path):
    with Store.open(tmp_path) as store:
        import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
        expected = kept(store)
        store.db.execute("DROP TABLE search_char_days")
        store.db.execute(f"PRAGMA user_version = {MIGRATIONS.index(_0009_character_days)}")
    with Store.open(tmp_path) as store:
        assert kept(store) == expected == counted_from_items(store) != {}
        assert trend(store, "的").total == search(store, "的", limit=0).total
