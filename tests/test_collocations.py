"""Terms that recur as a unit (液冷/服务器 → 液冷服务器) are learnt from the library itself and
join the word layer's dictionary; neighbours that merely meet often (芯片/需求) do not."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from telereader.core.collocations import COLLOCATION, collocations, news_words
from telereader.core.importer import import_paths
from telereader.core.store import Store
from telereader.core.wordstats import catch_up
from tests.test_words import write_day

COMMON = ["芯片", "需求", "订单", "产能", "价格", "政策", "投资", "银行", "汽车", "电网", "算力"]


def test_a_pair_that_never_occurs_apart_is_a_term_and_chance_neighbours_are_not():
    rng = random.Random(7)
    runs = [rng.sample(COMMON, 4) for _ in range(400)]  # every pair meets by chance
    runs += [["芯片", "需求", *rng.sample(COMMON[2:], 2)] for _ in range(60)]  # and often
    runs += [[rng.choice(COMMON), "液冷", "服务器", rng.choice(COMMON)] for _ in range(30)]
    runs += [["服务器", rng.choice(COMMON)] for _ in range(30)]  # 服务器 alone too
    assert set(collocations(runs)) == {"液冷服务器"}
    assert collocations(runs, min_count=31) == {}  # met 30 times: below the minimum
    # the same pair always between the same two words: a repeated sentence, not a term
    repeated = [*runs[:400], *(["订单", "液冷", "服务器", "价格"] for _ in range(30))]
    assert collocations(repeated) == {}


def test_a_second_round_joins_a_learnt_term_with_its_constant_neighbour():
    rng = random.Random(8)
    runs = [rng.sample(COMMON, 3) for _ in range(300)]
    runs += [[rng.choice(COMMON), "人形", "机器人", "产业链", rng.choice(COMMON)] for _ in range(25)]
    runs += [[rng.choice(COMMON), "人形", "机器人", rng.choice(COMMON)] for _ in range(25)]
    runs += [["机器人", rng.choice(COMMON)] for _ in range(25)]
    learnt = collocations(runs)
    assert "人形机器人产业链" in learnt and "人形机器人" in learnt
    assert collocations(runs, rounds=1).keys() == {"人形机器人"}


def test_neighbours_break_at_punctuation_numbers_and_filler():
    pieces = ["液冷", "服务器", "，", "订单", "表示", "产能", "30%", "芯片", "需求", "增长"]
    assert news_words(pieces) == ["液冷", "服务器", None, "订单", None, "产能", None, "芯片", "需求", None]


@pytest.fixture(scope="module")
def planted_library(tmp_path_factory):
    """Six days of 50 items of common words; 液冷服务器 in 8 items a day, 服务器 alone in 4."""
    root = tmp_path_factory.mktemp("collocations")
    rng = random.Random(16)
    paths = []
    for offset in range(6):
        day = dt.date(2025, 4, 1) + dt.timedelta(days=offset)
        items = []
        for number in range(50):
            words = rng.sample(COMMON, 3)
            if number < 8:
                words.insert(1, "液冷服务器")
            elif number < 12:
                words.insert(2, "服务器")
            dateline = f"财联社{day.month}月{day.day}日电，"
            items.append(dateline + "、".join(words) + f"（第{number}条）")
        paths.append(write_day(root, day, items))
    with Store.open(root / "library") as store:
        import_paths(store, paths, workers=0)
        catch_up(store, workers=0)
        yield store


def test_a_catch_up_learns_the_planted_term_and_counts_it_whole(planted_library):
    conn = planted_library.conn
    learnt = dict(conn.execute("SELECT word, source FROM lexicon WHERE source = ?", [COLLOCATION]))
    assert learnt == {"液冷服务器": COLLOCATION}
    day = {word: items for word, items in conn.execute(
        "SELECT word, items FROM day_words WHERE day = '2025-04-03'")}  # fmt: skip
    assert day["液冷服务器"] == 8 and day["服务器"] == 4 and "液冷" not in day
