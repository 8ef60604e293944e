"""Library-wide search keeps the reader's contract: every item containing the terms, no other."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.synth import generate
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.query import parse_query
from telereader.core.search import search
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """Twenty synthetic days (6,000 items) plus the sample day and the small fixture."""
    root = tmp_path_factory.mktemp("search")
    generate(root / "corpus", 20, dt.date(2025, 6, 1), 3)
    with Store.open(root / "library") as store:
        import_paths(store, [root / "corpus", SAMPLE, FIXTURES / "small.md"], workers=0)
        yield store


def scan(store: Store, text: str) -> list[str]:
    """The reference: a plain substring scan over every item, newest first."""
    query = parse_query(text)
    rows = store.db.execute("SELECT id, title, body FROM items ORDER BY seq DESC").fetchall()
    return [item_id for item_id, title, body in rows if query.matches(title, body)]


def words_from(store: Store, count: int, seed: int) -> list[str]:
    """Queries cut from the library's own text: 1 to 6 characters at random places."""
    bodies = [row[0] for row in store.db.execute("SELECT body FROM items").fetchall()]
    rng = random.Random(seed)
    queries = []
    while len(queries) < count:
        body = rng.choice(bodies)
        length = rng.choice([1, 2, 2, 3, 4, 6])
        start = rng.randrange(max(1, len(body) - length))
        queries.append(body[start : start + length].strip() or "铜")
    return queries


FIXED = [
    "铜", "金", "黄金", "降息", "宁德时代", "美联储褐皮书", "AI", "ai", "cpo", "ETF",
    "黄金 -黄金周", "美联储 降息", '"恒生指数 涨"', "1.5%", "S&P", "-黄金", "①", "（", "海关总署：",
    "20cm", "不存在的词语组合",
    # punctuation, spaces, mixed scripts and full-width forms, each as written
    "0.5%", "1.5万亿", "2.5亿元", "A+H", '"S&P 500"', '"美联储 褐皮书"', "%", "％", "，", "：",
    "。", "A股", "AI芯片", "(新华社)", "（新华社）", "】财联社", '"日电， "', '" "', "...",
    # a term less a longer one holding it: totals from kept counts (pair_counts.py)
    "财联 -财联社", "日 -日电", "a -AI", "0. -0.5%",
]  # fmt: skip


@pytest.mark.parametrize("text", FIXED)
def test_search_finds_exactly_what_a_substring_scan_finds(corpus_store, text):
    expected = scan(corpus_store, text)
    result = search(corpus_store, text, limit=len(expected) + 10)
    assert [item.id for item in result.items] == expected
    assert result.total == len(expected)


def test_recall_over_many_queries_cut_from_the_library(corpus_store):
    for text in words_from(corpus_store, 150, seed=11):
        expected = scan(corpus_store, text)
        result = search(corpus_store, text, limit=20)
        assert result.total == len(expected), text
        assert [item.id for item in result.items] == expected[:20], text


def punctuated_from(store: Store, count: int, seed: int) -> list[str]:
    """Phrases cut from the library's own text around punctuation or a space, 2 to 8
    characters, quoted so that a space is part of the phrase."""
    bodies = [row[0] for row in store.db.execute("SELECT body FROM items").fetchall()]
    rng = random.Random(seed)
    queries = []
    while len(queries) < count:
        body = rng.choice(bodies)
        marks = [i for i, char in enumerate(body) if not char.isalnum() and char != '"']
        if not marks:
            continue
        start = max(0, rng.choice(marks) - rng.randrange(4))
        piece = body[start : start + rng.randrange(2, 9)].replace('"', "")
        if piece.strip():
            queries.append(f'"{piece}"')
    return queries


def contained_exclusions_from(store: Store, count: int, seed: int) -> list[str]:
    """`A -B` cut from the library's own text: B of 2 to 5 characters, A one or two of its
    characters (the totals the kept counts answer, less a counted rarer term)."""
    rng = random.Random(seed)
    queries = []
    for longer in words_from(store, count * 3, seed):
        if len(longer) < 2 or " " in longer or '"' in longer or longer.startswith("-"):
            continue
        start = rng.randrange(len(longer) - 1)
        queries.append(f"{longer[start : start + rng.choice([1, 2])]} -{longer}")
    return queries[:count]


def test_recall_of_a_term_less_a_longer_one_holding_it(corpus_store):
    rows = corpus_store.db.execute("SELECT id, title, body FROM items ORDER BY seq DESC")
    rows = rows.fetchall()  # read once: the scan below is the reference, query by query
    for text in contained_exclusions_from(corpus_store, 60, seed=3):
        query = parse_query(text)
        expected = [item_id for item_id, title, body in rows if query.matches(title, body)]
        result = search(corpus_store, text, limit=20)
        assert result.total == len(expected), text
        assert [item.id for item in result.items] == expected[:20], text


def test_recall_of_phrases_with_punctuation_and_spaces(corpus_store):
    for text in punctuated_from(corpus_store, 150, seed=5):
        expected = scan(corpus_store, text)
        result = search(corpus_store, text, limit=20)
        assert result.total == len(expected), text
        assert [item.id for item in result.items] == expected[:20], text


def test_a_character_of_the_index_escape_block_is_not_taken_for_punctuation(tmp_path):
    reserved = "\U0010ff25"  # the private-use character the index writes for "%"
    day = (FIXTURES / "small.md").read_text(encoding="utf-8")
    day = day.replace("高开0.3%", f"高开0.3{reserved}")
    (tmp_path / "day.md").write_text(day, encoding="utf-8")
    with Store.open(tmp_path / "library") as store:
        import_paths(store, [tmp_path / "day.md"], workers=0)
        for text in ("0.3%", f"0.3{reserved}", "0.5%", reserved, "%"):
            expected = scan(store, text)
            result = search(store, text, limit=100)
            assert [item.id for item in result.items] == expected, ascii(text)
            assert result.total == len(expected)
        assert search(store, f"高开0.3{reserved}").total == 1


def test_results_are_newest_first_and_limited(corpus_store):
    result = search(corpus_store, "财联社", limit=50)
    assert len(result.items) == 50
    assert result.total > 1000
    times = [item.time for item in result.items]
    assert times == sorted(times, reverse=True)


def test_best_match_first_orders_by_relevance_when_asked(corpus_store):
    result = search(corpus_store, "美联储", limit=10, best_first=True)
    assert result.ranked
    assert {item.id for item in result.items} <= set(scan(corpus_store, "美联储"))


def test_filters_combine_with_search(corpus_store):
    everything = search(corpus_store, "黄金", limit=10_000)
    june = ItemFilter(day_from=dt.date(2025, 6, 5), day_to=dt.date(2025, 6, 9))
    narrowed = search(corpus_store, "黄金", limit=10_000, search_filter=june)
    assert 0 < narrowed.total < everything.total
    assert all(june.day_from <= item.day <= june.day_to for item in narrowed.items)
    no_teasers = search(
        corpus_store, "这家公司", limit=10_000, search_filter=ItemFilter(hide_teasers=True)
    )
    assert all(item.kind != "teaser" for item in no_teasers.items)
    first = everything.items[0]
    corpus_store.set_starred([first.id], True)
    starred = search(corpus_store, "黄金", search_filter=ItemFilter(starred_only=True))
    assert [item.id for item in starred.items] == [first.id]
    corpus_store.set_starred([first.id], False)


def test_an_edited_item_is_found_by_its_new_text_only(store):
    import_paths(store, [FIXTURES / "small.md"])
    assert search(store, "宣布涨价").total == 1
    import_paths(store, [FIXTURES / "small-later-capture.md"])
    assert search(store, "宣布涨价").total == 0
    assert search(store, "上调DDR5").total == 1


def test_an_empty_query_finds_nothing(corpus_store):
    assert search(corpus_store, "").total == 0
    assert search(corpus_store, "   ").items == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=30))
def test_any_typed_text_is_safe_and_exact(corpus_store, text):
    result = search(corpus_store, text, limit=5)
    assert result.total == len(scan(corpus_store, text))


@pytest.mark.parametrize(
    "text",
    ['"', '""', "AND", "OR", "NOT", "NEAR(", "*", ":", "()", "-", "- -", "😀", "a:b", "chars : x"],
)
def test_query_syntax_is_never_interpreted(corpus_store, text):
    result = search(corpus_store, text, limit=1000)
    assert result.total == len(scan(corpus_store, text))


def test_pages_follow_each_other_without_gaps(corpus_store):
    for text in ("黄金", "S&P"):
        whole = search(corpus_store, text, limit=10_000)
        pages = [search(corpus_store, text, limit=7, offset=offset) for offset in range(0, 35, 7)]
        assert [i.id for page in pages for i in page.items] == [i.id for i in whole.items][:35]
        assert {page.total for page in pages} == {whole.total}


def test_a_library_indexed_before_every_character_counted_is_reindexed_at_open(tmp_path):
    with Store.open(tmp_path) as store:
        import_paths(store, [FIXTURES / "small.md"], workers=0)
        expected = scan(store, "0.3%")
        # the index as migration 2 made it: letters and digits only, another tokenizer
        store.db.execute("DROP TABLE search_index")
        store.db.execute("DROP TABLE search_char_counts")
        store.db.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5(chars, pairs, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        store.db.execute("ALTER TABLE day_counts DROP COLUMN min_seq")
        store.db.execute("ALTER TABLE day_counts DROP COLUMN max_seq")
        store.db.execute("PRAGMA user_version = 5")  # before the index of every character
    with Store.open(tmp_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] >= 6
        result = search(store, "0.3%")
        assert expected and [item.id for item in result.items] == expected
        assert search(store, '"日电，沪指"').total == len(scan(store, '"日电，沪指"'))
        march = ItemFilter(day_from=dt.date(2026, 3, 2), day_to=dt.date(2026, 3, 2))
        assert search(store, "0.3%", search_filter=march).total == len(expected)
