"""The market layer of the library: movers and mentions stored per day, brought up to date after
imports, resumable, and gone with a deleted day."""

from __future__ import annotations

import datetime as dt
import json

from telereader.cli import main
from telereader.core import markets
from telereader.core.importer import import_paths
from telereader.core.related import thread
from tests.conftest import SAMPLE

DAY = dt.date(2026, 1, 14)
MOVER_LINE = (
    "**[14:30]** 【固态电池概念持续活跃 万润新能30cm涨停】财联社1月14日电，固态电池概念持续活跃，"
    "万润新能30cm涨停，先导智能逼近涨停，东方财富跟涨。\n"
)


def names_json(capsys, data_dir, *extra: str) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "names", "--json", *extra]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_a_company_is_counted_where_it_moved_and_where_it_is_only_mentioned(capsys, data_dir):
    """东方财富 moves at 10:30 (大幅冲高) and is only mentioned at 10:57 (获主力资金净流入):
    both items name it. Checked by hand on the sample day."""
    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    found = names_json(capsys, data_dir)
    assert found["东方财富"] == {"name": "东方财富", "kind": "company", "count": 2}
    assert found["互联金融"]["kind"] == "theme"
    assert not {"持续走高", "反复活跃", "午后异动", "恒生指数"} & set(found)
    themes = names_json(capsys, data_dir, "--kind", "theme")
    assert set(themes) == {
        "互联金融", "AI医疗", "量子科技", "金融", "阿里云", "芯片", "加密货币", "油气",
        "低空经济", "算力租赁", "CPO",
    }  # fmt: skip


def test_a_day_that_grows_gets_its_new_movers(capsys, data_dir, tmp_path, store):
    import_paths(store, [SAMPLE])
    assert markets.catch_up(store) == 1
    before = len(markets.day_movers(store.conn, DAY, DAY))
    grown = tmp_path / SAMPLE.name
    grown.write_text(SAMPLE.read_text(encoding="utf-8") + MOVER_LINE, encoding="utf-8")
    import_paths(store, [grown])
    assert markets.stale_days(store.conn) == [DAY]
    markets.catch_up(store)
    after = markets.day_movers(store.conn, DAY, DAY)
    assert len(after) == before + 3
    assert [(m.stock, m.move) for m in after if m.theme == "固态电池"] == [
        ("万润新能", "30cm涨停"), ("先导智能", "逼近涨停"), ("东方财富", "跟涨"),
    ]  # fmt: skip


def test_an_interrupted_catch_up_resumes_where_it_stopped(store, tmp_path):
    for day in (14, 15, 16):
        copy = tmp_path / f"cls-telegraph-2026-01-{day}.md"
        text = SAMPLE.read_text(encoding="utf-8").replace("2026-01-14", f"2026-01-{day}")
        copy.write_text(text, encoding="utf-8")
        import_paths(store, [copy])
    assert len(markets.stale_days(store.conn)) == 3
    calls = iter([False, True])
    assert markets.catch_up(store, cancelled=lambda: next(calls)) == 1
    assert len(markets.stale_days(store.conn)) == 2  # the newest day was done first
    assert markets.catch_up(store) == 2
    assert markets.stale_days(store.conn) == []


def test_new_extraction_rules_extract_every_day_again(store, monkeypatch):
    import_paths(store, [SAMPLE])
    markets.catch_up(store)
    monkeypatch.setattr(markets, "EXTRACTOR_VERSION", markets.EXTRACTOR_VERSION + 1)
    assert markets.stale_days(store.conn) == [DAY]
    assert markets.catch_up(store) == 1
    assert len(markets.day_movers(store.conn, DAY, DAY)) == 67  # not twice


def test_a_deleted_day_takes_its_movers_and_mentions_with_it(store):
    import_paths(store, [SAMPLE])
    markets.catch_up(store)
    store.delete_day(DAY)
    assert markets.day_movers(store.conn, DAY, DAY) == []
    assert markets.name_counts(store.conn) == []
    assert markets.stale_days(store.conn) == []


def test_mentions_take_the_longest_known_name():
    known = frozenset({"中信", "中信海直", "海直"})
    assert markets.mentioned("中信海直跟涨", known) == {"中信海直"}
    assert markets.mentioned("", known) == set()


def related_json(capsys, data_dir, item_id: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "related", item_id, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def item_id_where(store, test) -> str:
    return next(item.id for item in store.items_on(DAY) if test(item))


def test_related_items_share_companies_best_first_and_say_why(capsys, data_dir):
    """金融股 (10:30) shares 同花顺 and 四方精创 with 互联金融 (10:09), and only 东方财富 with the
    主力资金 item (10:57): two shared names rank first. Checked by hand on the sample day."""
    from telereader.core.store import Store

    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    with Store.open(data_dir) as store:
        finance = item_id_where(store, lambda item: (item.title or "").startswith("金融股"))
    found = related_json(capsys, data_dir, finance)
    assert [row["title"] for row in found[:2]] == [
        "互联金融板块持续走高 拉卡拉20cm涨停",
        "主力资金监控：计算机板块净流入超93亿",
    ]
    assert set(found[0]["why"]) == {"同花顺", "四方精创"}
    assert found[1]["why"] == ["东方财富"]
    assert {"id", "day", "time", "body"} <= set(found[0])


def test_the_same_story_sent_again_is_a_near_duplicate_of_the_fuller_one(store):
    """13:03 sends the Korean currency flash, then the full story: the flash folds under the full
    one. (The 12:11 rare-earth line sent again longer is folded by the import already.)"""
    import_paths(store, [SAMPLE])
    markets.catch_up(store)
    similar = markets.similar_to(store.conn, DAY)
    texts = {item.id: item.title or item.body for item in store.items_on(DAY)}
    assert [(texts[short], texts[full]) for short, full in similar.items()] == [
        ("财联社1月14日电，韩国据悉将运用市场和资金流动措施来抑制外汇单向波动。",
         "韩国将利用市场和资金流动措施来抑制汇率单边波动"),
    ]  # fmt: skip


def test_a_story_told_on_the_next_days_forms_a_thread(store, tmp_path):
    base = SAMPLE.read_text(encoding="utf-8").split("---")[0]
    story = (
        "**[09:00]** 【{t}】财联社1月{d}日电，甲乙科技公告，公司固态电池中试线{x}，"
        "甲乙科技表示固态电池产品将向头部车企送样，产能规划保持不变。\n"
    )
    steps = {15: "开工建设", 17: "完成设备调试", 19: "正式投产", 29: "年底扩产"}
    for day, step in steps.items():
        text = (
            base.replace("2026-01-14", f"2026-01-{day}")
            + "---\n\n"
            + story.format(t=f"甲乙科技固态电池中试线{step}", d=day, x=step)
        )
        path = tmp_path / f"cls-telegraph-2026-01-{day}.md"
        path.write_text(text, encoding="utf-8")
        import_paths(store, [path])
    with store.transaction():
        store.conn.execute(
            "INSERT INTO market_names (name, kind, origin) VALUES ('甲乙科技', 'company', 'reader')"
        )
    markets.catch_up(store)
    first = next(item.id for item in store.items_on(dt.date(2026, 1, 15)))
    days = [store.item(found).day.day for found in thread(store.conn, first)]
    assert days == [15, 17, 19]  # the 29th is more than a week after the 19th


def market_rows(store) -> list[list[tuple]]:
    return [
        sorted(store.conn.execute(f"SELECT * FROM {table}").fetchall())
        for table in ("market_movers", "market_mentions", "market_similar", "market_names")
    ]


def test_reading_days_in_worker_processes_stores_the_same_rows_as_one_day_after_the_other(
    store, tmp_path
):
    from telereader.core.pool import Pool
    from telereader.core.store import Store

    for day in (14, 15, 16, 17):
        copy = tmp_path / f"cls-telegraph-2026-01-{day}.md"
        text = SAMPLE.read_text(encoding="utf-8").replace("2026-01-14", f"2026-01-{day}")
        copy.write_text(text + MOVER_LINE * (day % 2), encoding="utf-8")
        import_paths(store, [copy])
    twin_dir = tmp_path / "twin"
    with Store.open(twin_dir) as twin:
        import_paths(twin, sorted(tmp_path.glob("*.md")))
        markets.catch_up(twin)
        expected = market_rows(twin)
    pool = Pool(2)
    try:
        assert markets.catch_up(store, pool=pool) == 4
    finally:
        pool.close()
    assert market_rows(store) == expected
    assert len(expected[0]) > 4 * 67  # the movers of every day are there


# ---- watchlists holding a company or theme as such ------------------------------------------------


def watched_titles(store, name: str) -> list[str]:
    from telereader.core.watchlists import hits

    found, _total = hits(store, name)
    return sorted(item.title or item.body[:20] for item in found)


def test_an_at_name_keyword_matches_the_items_that_name_the_company_or_theme(store):
    """@拉卡拉 before the import (its hits come with the market catch-up) and @互联金融 saved after
    it (matched at the save): the 10:09 item names both (checked by hand on the sample day)."""
    from telereader.core.watchlists import save_watchlist

    save_watchlist(store, "支付", ["@拉卡拉"])
    import_paths(store, [SAMPLE])
    assert watched_titles(store, "支付") == []  # not yet extracted
    markets.catch_up(store)
    assert watched_titles(store, "支付") == ["互联金融板块持续走高 拉卡拉20cm涨停"]
    save_watchlist(store, "题材", ["@互联金融"])
    assert watched_titles(store, "题材") == ["互联金融板块持续走高 拉卡拉20cm涨停"]


def test_an_at_keyword_is_one_name_and_marks_its_words_in_the_text():
    from telereader.core.keywords import parse_keyword

    keyword = parse_keyword("@宁德时代")
    assert keyword.mention == "宁德时代"
    assert keyword.spans("宁德时代公告") == [(0, 4)]
    assert parse_keyword("@宁德时代 电池").mention is None  # with other words: a plain line
