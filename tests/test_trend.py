"""Trends: a search's matching items per day, week or month, exactly the search's counts."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from benchmarks.synth import generate
from telereader.cli import main
from telereader.core import trend as trend_module
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.search import matching_keys, search
from telereader.core.store import Store
from telereader.core.trend import days_of_keys, periods, trend
from telereader.core.watchlists import add_keywords
from tests.conftest import SAMPLE

QUERIES = ["黄金", "美联储", "机器人 -人形", '"海关总署"', "铜", "AI|算力", "涨停", "不存在的词"]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Forty synthetic days across two months and three ISO weeks' edges, and the sample."""
    root = tmp_path_factory.mktemp("trend")
    generate(root / "corpus", 40, dt.date(2025, 5, 20), 2)
    with Store.open(root / "library") as store:
        import_paths(store, [root / "corpus", SAMPLE], workers=0)
        yield store


@pytest.mark.parametrize("by", ["day", "week", "month"])
@pytest.mark.parametrize("query", QUERIES)
def test_every_point_is_the_search_total_of_its_period_and_they_add_up(library, query, by):
    result = trend(library, query, by=by)
    assert result.total == search(library, query, limit=0).total
    assert sum(point.count for point in result.points) == result.total
    for point in result.points[::7]:  # a sample of periods, each searched alone
        period = ItemFilter(day_from=point.first_day, day_to=point.last_day)
        assert point.count == search(library, query, limit=0, search_filter=period).total


def test_counting_period_by_period_gives_the_same_points_as_tallying(library, monkeypatch):
    tallied = trend(library, "黄金", by="week")
    monkeypatch.setattr(trend_module, "COUNT_PERIODS_AT_MOST", 1000)
    counted = trend(library, "黄金", by="week")
    assert counted.points == tallied.points and counted.total == tallied.total


def test_periods_cover_the_range_without_gaps_and_label_iso_weeks():
    spans = periods(dt.date(2025, 12, 27), dt.date(2026, 1, 6), "week")
    assert [label for label, _, _ in spans] == ["2025-W52", "2026-W01", "2026-W02"]
    assert spans[0][1] == dt.date(2025, 12, 27) and spans[-1][2] == dt.date(2026, 1, 6)
    months = periods(dt.date(2025, 1, 31), dt.date(2025, 3, 1), "month")
    assert [label for label, _, _ in months] == ["2025-01", "2025-02", "2025-03"]
    assert len(periods(dt.date(2025, 1, 31), dt.date(2025, 3, 1), "day")) == 30


def test_a_watchlist_trend_counts_its_hits_per_day(library):
    watchlist = add_keywords(library, "金属", ["黄金", "铜"])
    hits_filter = ItemFilter(watchlist_id=watchlist.id)
    result = trend(library, "", search_filter=hits_filter)
    hits = library.db.execute(
        "SELECT count(*) FROM watch_hits WHERE watchlist_id = ?", [watchlist.id]
    ).fetchone()[0]
    assert result.total == hits > 0
    narrowed = trend(library, "美国", search_filter=hits_filter, by="month")
    assert narrowed.total == search(library, "美国", limit=0, search_filter=hits_filter).total


def test_the_trend_command_prints_periods_and_counts_as_json(library, capsys):
    data_dir = library.path.parent
    code = main(["--data-dir", str(data_dir), "trend", "黄金", "--by", "month", "--from",
                 "2025-06-01", "--to", "2025-06-30", "--json"])  # fmt: skip
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    june = ItemFilter(day_from=dt.date(2025, 6, 1), day_to=dt.date(2025, 6, 30))
    assert printed == {
        "query": "黄金",
        "total": search(library, "黄金", limit=0, search_filter=june).total,
        "points": [{"period": "2025-06", "count": printed["total"]}],
    }


def test_the_words_command_prints_the_hot_words_of_a_day_as_json(tmp_path, capsys):
    data_dir = tmp_path / "library"
    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "words", "2026-01-14", "--limit", "5",
                 "--json"]) == 0  # fmt: skip
    printed = json.loads(capsys.readouterr().out)
    assert len(printed) == 5
    assert set(printed[0]) == {"word", "count", "score"}
    assert printed[0]["word"] == "海关总署"
    assert [entry["score"] for entry in printed] == sorted(
        (entry["score"] for entry in printed), reverse=True
    )


def test_trend_without_a_query_or_watchlist_is_refused(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "trend"]) != 0
    assert "query" in capsys.readouterr().err


FILTERED = {
    "加红": ItemFilter(important_only=True),
    "late June": ItemFilter(day_from=dt.date(2025, 6, 20), day_to=dt.date(2025, 6, 29)),
    "unread": ItemFilter(unread_only=True),
}
HARDER_QUERIES = ["黄金 -美元", "5%", "美联储 -降息 -加息", '"谷歌 TPU"', "1.5", "A股|港股"]


@pytest.mark.parametrize("query", [*HARDER_QUERIES, "黄金", "铜"])
@pytest.mark.parametrize("name", sorted(FILTERED))
def test_a_filtered_trend_counts_what_the_filtered_search_counts(library, query, name):
    search_filter = FILTERED[name]
    result = trend(library, query, by="day", search_filter=search_filter)
    expected = search(library, query, limit=0, search_filter=search_filter).total
    assert result.total == sum(point.count for point in result.points) == expected
    for point in result.points:
        if point.count:
            period = search_filter.replace(day_from=point.first_day, day_to=point.last_day)
            assert point.count == search(library, query, limit=0, search_filter=period).total


@pytest.mark.parametrize("query", HARDER_QUERIES)
def test_exclusions_punctuation_and_phrases_trend_like_their_search(library, query):
    result = trend(library, query, by="week")
    assert result.total == search(library, query, limit=0).total
    assert sum(point.count for point in result.points) == result.total


def test_a_starred_trend_counts_the_starred_matches(library):
    matches = search(library, "黄金", limit=7).items
    library.set_starred([item.id for item in matches[::2]], True)
    try:
        result = trend(library, "黄金", search_filter=ItemFilter(starred_only=True), by="day")
        assert result.total == len(matches[::2]) == sum(p.count for p in result.points)
        starred_days = sorted(item.day for item in matches[::2])
        counted_days = sorted(p.first_day for p in result.points for _ in range(p.count))
        assert counted_days == starred_days
    finally:
        library.set_starred([item.id for item in matches[::2]], False)


def test_matching_keys_are_the_keys_of_every_item_the_search_counts(library):
    for query in ["黄金 -美元", '"谷歌 TPU"', "5%"]:
        keys = matching_keys(library, query)
        listed = search(library, query, limit=100_000).items
        assert sorted(keys) == sorted(_keys_of(library, listed))


def test_days_of_keys_agree_with_the_items_days_even_when_day_ranges_overlap(library):
    listed = search(library, "黄金", limit=100_000).items
    expected: dict[str, int] = {}
    for item in listed:
        expected[item.day.isoformat()] = expected.get(item.day.isoformat(), 0) + 1
    keys = _keys_of(library, listed)
    assert days_of_keys(library, keys) == expected
    # a day whose recorded range reaches into the next day's: keys are placed by `items`
    first = library.conn.execute(
        "SELECT day, max_seq FROM day_counts ORDER BY min_seq LIMIT 1"
    ).fetchone()
    library.conn.execute(
        "UPDATE day_counts SET max_seq = max_seq + 1000000000 WHERE day = ?", [first[0]]
    )
    try:
        assert days_of_keys(library, keys) == expected
    finally:
        library.conn.execute(
            "UPDATE day_counts SET max_seq = ? WHERE day = ?", [first[1], first[0]]
        )


def _keys_of(store, items) -> list[int]:
    return [
        store.conn.execute("SELECT seq FROM items WHERE id = ?", [item.id]).fetchone()[0]
        for item in items
    ]


@pytest.mark.parametrize("query", ["黄金", "5%", "黄金 -美元", '"谷歌 TPU"', "铜"])
@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_counting_in_each_period_s_keys_gives_the_same_points_as_listing_them(
    library, monkeypatch, query, by
):
    for search_filter in (None, ItemFilter(important_only=True), ItemFilter(unread_only=True)):
        listed = trend(library, query, by=by, search_filter=search_filter)
        monkeypatch.setattr(trend_module, "MATCHES_PER_RANGE_COUNT", 0)
        counted = trend(library, query, by=by, search_filter=search_filter)
        monkeypatch.undo()
        assert counted.points == listed.points and counted.total == listed.total


def test_a_trend_between_two_dates_counts_that_range_like_the_dated_search(library):
    first, last = dt.date(2025, 6, 3), dt.date(2025, 6, 27)
    result = trend(library, "黄金", first=first, last=last, by="week")
    dated = ItemFilter(day_from=first, day_to=last)
    assert result.total == search(library, "黄金", limit=0, search_filter=dated).total
    assert result.points[0].first_day == first and result.points[-1].last_day == last
