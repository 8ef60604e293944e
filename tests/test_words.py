"""The word layer: what a day is about, what is heating up, counted from the reader's library."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from telereader.core.hotwords import hot_words, log_likelihood, rising_words
from telereader.core.importer import import_paths
from telereader.core.lexicon import COMPANY, THEME, learn
from telereader.core.store import Store
from telereader.core.wordcut import WordCutter, shipped_words
from telereader.core.wordstats import catch_up, pending_days
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def cutter() -> WordCutter:
    return WordCutter()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("words") / "library") as store:
        import_paths(store, [SAMPLE], workers=0)
        catch_up(store, workers=0)
        yield store


def write_day(folder: Path, day: dt.date, contents: list[str]) -> Path:
    """A digest file of `day`, one item a minute from 06:00."""
    lines = [f"# 财联社【普通】电报 - {day}", "> 统计周期：05:30 至次日 05:30", "---"]
    for number, content in enumerate(contents):
        lines.append(f"**[{6 + number // 60:02d}:{number % 60:02d}]** {content}")
    path = folder / f"cls-telegraph-{day}.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jieba_alone_splits_every_shipped_finance_word():
    # the shipped list holds only words jieba's own dictionary cannot give whole
    import jieba

    jieba.setLogLevel(logging.WARNING)
    plain = jieba.Tokenizer()
    for word in shipped_words():
        assert len(plain.lcut(word, HMM=False)) > 1, word


def test_shipped_and_learnt_words_come_out_whole():
    cutter = WordCutter(lexicon=["万丰奥威"])
    words = cutter.words("低空经济概念午后异动 万丰奥威触及涨停", "宁德时代发布固态电池，算力需求大增")
    assert {"低空经济", "万丰奥威", "宁德时代", "固态电池", "算力"} <= words


def test_the_dateline_numbers_and_filler_are_not_words(cutter):
    words = cutter.words(
        None,
        "财联社1月14日电，美国上周API原油库存增加527.8万桶，预期减少223.8万桶，"
        "2025年同比增长0.92%，榜单TOP26与2025Q4数据，记者表示消息称。（新华社）",
    )
    assert {"原油", "库存", "API"} <= words
    for noise in ("财联社", "联社", "日电", "14", "527.8", "万桶", "2025", "2025年", "0.92%",
                  "记者", "表示", "消息", "新华社", "增加", "TOP26", "2025Q4"):  # fmt: skip
        assert noise not in words
    assert all(len(word) >= 2 for word in words)


def test_theme_and_company_names_are_learnt_from_market_reports():
    learnt = learn(
        [
            ("低空经济概念午后异动 万丰奥威触及涨停", "财联社1月14日电，午后低空经济概念异动拉升。"),
            ("阿里云概念持续走高 杭钢股份、数据港双双涨停", "杭钢股份、数据港双双涨停。"),
            ("互联金融板块持续走高 拉卡拉20cm涨停", "拉卡拉、君正集团、同花顺等涨停。"),
            ("油气股午后异动拉升 通源石油涨超10%", ""),
            ("海关总署：我国外贸基本盘依然稳固", "并非行情。"),
        ]
    )
    assert learnt["低空经济"] == learnt["阿里云"] == learnt["互联金融"] == learnt["油气"] == THEME
    for company in ("万丰奥威", "杭钢股份", "数据港", "拉卡拉", "君正集团", "同花顺", "通源石油"):
        assert learnt[company] == COMPANY
    assert "海关总署" not in learnt


def test_the_sample_day_is_about_the_customs_press_conference(sample_store):
    """Hand-checked on seeds/cls-telegraph-2026-01-14.md: twelve lines name 海关总署 (ten of
    its titles are the customs administration's figures for 2025, given at the State Council
    Information Office's press conference, 国新办, eight lines), the day's one big story. Plain
    jieba TF-IDF ranks 14, 联社, 日电, 2025 first; here the first words are the story's."""
    top = [entry.word for entry in hot_words(sample_store, "2026-01-14", limit=20)]
    assert top[0] == "海关总署"
    assert "国新办" in top[:5]
    for noise in ("14", "联社", "日电", "2025", "财联社", "表示", "记者", "消息", "公司"):
        assert noise not in top
    assert all(len(word) >= 2 for word in top)


def test_a_word_counts_the_items_that_hold_it(sample_store):
    # 海关总署 stands in 12 lines of the file; the two of 12:11 are one story captured twice
    # (folded into one item on import): 11 items
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert sum("海关总署" in line for line in lines) == 12
    holding = sample_store.db.execute(
        "SELECT count(*) FROM items WHERE coalesce(title, '') || body LIKE '%海关总署%' "
        "AND kind != 'teaser'"
    ).fetchone()[0]
    ranked = {e.word: e for e in hot_words(sample_store, "2026-01-14", limit=200)}
    assert ranked["海关总署"].count == holding == 11


def test_a_one_day_library_has_nothing_rising(sample_store):
    assert rising_words(sample_store, "2026-01-14") == []


def test_log_likelihood_is_zero_when_shares_are_equal_and_grows_with_the_gap():
    assert log_likelihood(10, 100, 100, 1000) == pytest.approx(0)
    assert 0 < log_likelihood(20, 100, 100, 1000) < log_likelihood(40, 100, 100, 1000)


BACKGROUND = [
    "【央行开展逆回购操作】财联社{d}电，央行今日开展逆回购操作，维护银行体系流动性合理充裕。",
    "【国际油价震荡】财联社{d}电，国际原油期货价格震荡，市场关注库存数据。",
    "【欧洲央行官员讲话】财联社{d}电，欧洲央行官员谈及通胀前景与利率路径。",
    "【黄金价格走强】财联社{d}电，现货黄金价格走强，避险需求升温。",
    "【固态电池研发进展】财联社{d}电，一家电池企业披露固态电池研发进展。",
]
SURGE = [
    "【固态电池概念走高 某某科技涨停】财联社{d}电，固态电池概念盘中走高，多家电池企业扩产。",
    "【钒液流概念午后异动 钒钛科技涨停】财联社{d}电，钒液流概念午后异动，储能订单增加。",
]


@pytest.fixture(scope="module")
def planted_store(tmp_path_factory):
    """Twenty quiet days of 20 items (固态电池 in 4 of them), then three days of 38 items where
    固态电池 is in 16 and 钒液流, never seen before, in 6."""
    root = tmp_path_factory.mktemp("planted")
    start = dt.date(2025, 3, 1)
    paths = []
    for offset in range(23):
        day = start + dt.timedelta(days=offset)
        d = f"{day.month}月{day.day}日"
        items = [text.format(d=d) for text in BACKGROUND for _ in range(4)]
        if offset >= 20:
            items += [SURGE[0].format(d=d)] * 12 + [SURGE[1].format(d=d)] * 6
        # repeated lines of one minute fold into one item: give each its own wording
        items = [f"{text}（第{n}条）" for n, text in enumerate(items)]
        paths.append(write_day(root, day, items))
    with Store.open(root / "library") as store:
        import_paths(store, paths, workers=0)
        catch_up(store, workers=0)
        yield store


def test_a_planted_word_rises_and_a_new_one_is_marked_new(planted_store):
    rising = rising_words(planted_store, "2025-03-21", "2025-03-23")
    words = {entry.word: entry for entry in rising}
    top = [entry.word for entry in rising[:6]]
    assert "固态电池" in top and "钒液流" in top
    assert not words["固态电池"].new and words["固态电池"].count == 3 * (4 + 12)
    assert words["钒液流"].new and words["钒液流"].count == 3 * 6
    for steady in ("央行", "原油", "黄金"):
        assert steady not in words


def test_the_surge_days_are_hot_against_the_quiet_ones(planted_store):
    top = [entry.word for entry in hot_words(planted_store, "2025-03-21", "2025-03-23", limit=6)]
    assert "固态电池" in top and "钒液流" in top


def test_catch_up_resumes_where_it_stopped_and_counts_a_day_once(tmp_path):
    paths = [write_day(tmp_path, dt.date(2025, 5, d), [BACKGROUND[0].format(d=f"5月{d}日")])
             for d in (1, 2, 3)]  # fmt: skip
    with Store.open(tmp_path / "library") as store:
        import_paths(store, paths, workers=0)
        first = catch_up(store, workers=0, should_stop=lambda: True)
        assert (first.done, first.pending, first.stopped) == (1, 3, True)
        assert len(pending_days(store)) == 2
        second = catch_up(store, workers=0)
        assert (second.done, second.pending, second.stopped) == (2, 2, False)
        assert pending_days(store) == []
        assert catch_up(store, workers=0).done == 0
        total = store.db.execute("SELECT items FROM word_totals WHERE word = '央行'").fetchone()
        assert total == (3,)


def test_a_library_opened_by_a_relative_path_catches_up_too(tmp_path, monkeypatch):
    """`telereader --data-dir lib words`: the words' sample is read from the library by its
    path (a relative one could not be made a file URI: the command died)."""
    paths = [write_day(tmp_path, dt.date(2025, 5, 1), [BACKGROUND[0].format(d="5月1日")])]
    monkeypatch.chdir(tmp_path)
    with Store.open(Path("library")) as store:
        import_paths(store, paths, workers=0)
        assert catch_up(store, workers=0).done == 1
        assert pending_days(store) == []


def test_a_day_captured_again_is_recounted_and_a_deleted_day_leaves_the_totals(tmp_path):
    day = dt.date(2025, 5, 1)
    with Store.open(tmp_path / "library") as store:
        import_paths(store, [write_day(tmp_path, day, [BACKGROUND[0].format(d="5月1日")])])
        catch_up(store, workers=0)
        later = [BACKGROUND[0].format(d="5月1日"), BACKGROUND[3].format(d="5月1日")]
        (tmp_path / "later").mkdir()
        import_paths(store, [write_day(tmp_path / "later", day, later)])
        assert pending_days(store) == ["2025-05-01"]
        catch_up(store, workers=0)
        counts = {e.word: e.count for e in hot_words(store, "2025-05-01", min_count=1, limit=50)}
        assert counts["现货"] == counts["央行"] == 1  # the new item counted, the first not twice
        store.delete_day(day)
        catch_up(store, workers=0)
        assert store.db.execute("SELECT sum(items) FROM word_totals").fetchone()[0] == 0
        assert store.db.execute("SELECT count(*) FROM day_words").fetchone()[0] == 0


def test_rjieba_and_jieba_find_the_same_words_in_the_sample_day():
    # the fast port is used only because it keeps jieba's dictionary and cuts
    pytest.importorskip("rjieba")
    import jieba

    from telereader.core.wordcut import _segmenter

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    slow = WordCutter(segmenter=(lambda text: tokenizer.lcut(text, HMM=False), tokenizer.add_word))
    fast = WordCutter(segmenter=_segmenter())
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if "**[" in line]
    assert len(lines) > 90
    for line in lines:
        assert fast.words(None, line) == slow.words(None, line), line


def test_a_watchlist_is_offered_the_words_that_keep_company_with_its_keywords(planted_store):
    from telereader.core.suggest import keyword_words, suggestions
    from telereader.core.watchlists import add_keywords

    watchlist = add_keywords(planted_store, "电池", ["固态电池", "-黄金周"])
    offered = [entry.word for entry in suggestions(planted_store, watchlist.id, ["固态电池"])]
    # every item with 固态电池 says 研发进展 (quiet days) or names 某某科技 (the surge)
    assert {"研发", "进展", "某某科技"} <= set(offered[:5])
    assert "固态电池" not in offered and "电池" not in offered  # the keyword's own words
    for unrelated in ("央行", "原油", "黄金"):
        assert unrelated not in offered
    assert keyword_words(["宁德时代|CATL", "黄金 -黄金周", "=AI"]) == {"宁德时代", "CATL", "黄金", "AI"}
