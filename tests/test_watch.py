"""Watchlists: keywords as readers write them, hits across the library, kept in step."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from telereader.core.importer import import_paths
from telereader.core.keywords import parse_keyword, parse_keywords
from telereader.core.query import fold_case
from telereader.core.store import LibraryError
from telereader.core.watchlists import (
    add_keywords,
    delete_watchlist,
    hit_days,
    hits,
    remove_keywords,
    save_watchlist,
    watchlists,
)
from tests.conftest import FIXTURES, SAMPLE


@pytest.mark.parametrize(
    ("line", "title", "body", "expected"),
    [
        ("黄金", None, "现货黄金日内涨1%", True),
        ("黄金", "金价", "白银", False),
        ("黄金 -黄金周", None, "黄金周出游人数", False),
        ("黄金 -黄金周", None, "黄金周前，黄金ETF流入", True),
        ("宁德时代|CATL", None, "catl发布新电池", True),
        ("宁德时代|CATL", None, "比亚迪", False),
        ("=AI", None, "AIDC建设加速", False),
        ("=AI", None, "AI应用爆发", True),
        ("=AI", "Open AI", "", True),
        ("AI", None, "AIDC建设加速", True),
        ("美联储 降息", "美联储观察", "降息概率", True),
        ("美联储 降息", None, "降息概率", False),
    ],
)
def test_keyword_lines(line, title, body, expected):
    assert parse_keyword(line).matches(title, body) is expected


def test_blank_and_duplicate_lines_are_dropped():
    assert [k.line for k in parse_keywords("黄金\n\n  \n黄金\n-只有排除\n铜")] == ["黄金", "铜"]


def test_a_watchlist_lights_up_items_across_the_library(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    holdings = save_watchlist(store, "持仓", ["黄金", "宁德时代|CATL", "=AI"])
    found, total = hits(store, "持仓", limit=1000)
    expected = [
        item
        for day in store.day_counts()
        for item in store.items_on(day)
        if holdings.matches(item.title, item.body)
    ]
    assert total == len(expected) == len(found) > 5
    assert {item.id for item in found} == {item.id for item in expected}
    assert [item.time for item in found] == sorted((i.time for i in found), reverse=True)
    assert all(item.watch == ("持仓",) for item in found)
    assert store.item(found[0].id).to_json()["watch"] == ["持仓"]
    assert set(hit_days(store)) == {dt.date(2026, 1, 14), dt.date(2026, 3, 2)}


def test_a_new_keyword_applies_to_the_whole_library_without_reimport(store):
    import_paths(store, [SAMPLE])
    save_watchlist(store, "宏观", ["降息"])
    _, before = hits(store, "宏观")
    add_keywords(store, "宏观", ["美联储"])
    _, after = hits(store, "宏观")
    assert after > before
    remove_keywords(store, "宏观", ["美联储"])
    assert hits(store, "宏观")[1] == before


def test_imports_light_up_new_items_and_report_new_hits(store):
    save_watchlist(store, "贵金属", ["黄金", "白银"])
    report = import_paths(store, [SAMPLE])
    assert report.new_hits["贵金属"] == hits(store, "贵金属")[1] > 0
    again = import_paths(store, [FIXTURES / "small.md"])
    assert again.new_hits == {"贵金属": 1}
    assert store.db.execute("SELECT count(*) FROM watch_pending").fetchone()[0] == 0


def test_edited_text_is_matched_afresh(store):
    save_watchlist(store, "存储", ["涨价"])
    import_paths(store, [FIXTURES / "small.md"])
    assert hits(store, "存储")[1] == 1
    import_paths(store, [FIXTURES / "small-later-capture.md"])  # 宣布涨价 → 宣布上调DDR5报价
    assert hits(store, "存储")[1] == 0


def test_names_are_unique_and_needed_and_lists_can_be_renamed_recoloured_deleted(store):
    first = save_watchlist(store, "持仓", ["黄金"])
    with pytest.raises(LibraryError) as error:
        save_watchlist(store, "持仓", ["铜"])
    assert error.value.problem.code == "watch_name_taken"
    with pytest.raises(LibraryError):
        save_watchlist(store, "  ", ["铜"])
    renamed = save_watchlist(
        store, "我的持仓", ["黄金", "铜"], colour="#123456", watchlist_id=first.id
    )
    assert (renamed.id, renamed.name, renamed.colour) == (first.id, "我的持仓", "#123456")
    assert [w.name for w in watchlists(store)] == ["我的持仓"]
    delete_watchlist(store, first.id)
    assert watchlists(store) == []


def test_watch_lists_survive_reimport_and_their_hits_use_the_index_correctly(store):
    import_paths(store, [SAMPLE])
    lines = ["黄金", "铜", "AI", "=AI", "S&P", "降息 -降息25", "美联储|欧央行", "海关总署 出口"]
    save_watchlist(store, "混合", lines)
    keywords = parse_keywords(lines)
    everything = [item for day in store.day_counts() for item in store.items_on(day)]
    expected = {i.id for i in everything if any(k.matches(i.title, i.body) for k in keywords)}
    assert {item.id for item in hits(store, "混合", limit=10_000)[0]} == expected
    import_paths(store, [SAMPLE])
    assert {item.id for item in hits(store, "混合", limit=10_000)[0]} == expected


def test_spans_mark_where_a_keyword_stands():
    keyword = parse_keyword("黄金 -黄金周")
    text = "黄金周前黄金上涨"
    assert keyword.spans(text) == [(4, 6)]
    assert parse_keyword("ai").spans("OpenAI与AI") == [(4, 6), (7, 9)]
    assert fold_case("AI") == "ai"


# Words of the sample day and pieces of them: keywords that hit often, rarely, or inside others.
_WORDS = ["黄金", "金周", "黄金周", "美联储", "降息", "AI", "ai", "AIDC", "芯片", "存储芯片", "公司",
          "上涨", "ETF", "S&P", "1%", "金", "a", "央行", "逆回购", "年"]  # fmt: skip
_keyword_lines = st.lists(
    st.tuples(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),  # synonyms
        st.booleans(),  # whole word
        st.lists(st.sampled_from(_WORDS), max_size=2),  # exclusions
    ),
    min_size=1,
    max_size=3,
).map(
    lambda groups: " ".join(
        ("=" if whole else "") + "|".join(synonyms) + "".join(f" -{e}" for e in excluded)
        for synonyms, whole, excluded in groups
    )
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=_keyword_lines)
def test_library_hits_are_exactly_the_items_the_keyword_matches(store, line):
    """Whatever path a keyword takes (the index alone, the index then a look at the text, or
    every item), the hits are the items `matches` accepts, and `matches` agrees with where
    `spans` puts the keyword's words."""
    if not store.day_counts():
        import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    keyword = parse_keyword(line)
    assume(keyword is not None)
    watchlist = save_watchlist(store, "性质", [line], watchlist_id=_existing_id(store))
    everything = [item for day in store.day_counts() for item in store.items_on(day)]
    expected = {i.id for i in everything if keyword.matches(i.title, i.body)}
    assert {i.id for i in hits(store, watchlist.name, limit=10_000)[0]} == expected
    for item in everything:
        by_spans = all(
            any(keyword._group_spans(group, text) for text in (item.title or "", item.body))
            for group in keyword.groups
        )
        assert keyword.matches(item.title, item.body) == by_spans


def _existing_id(store) -> int | None:
    found = [w.id for w in watchlists(store) if w.name == "性质"]
    return found[0] if found else None
