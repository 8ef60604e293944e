"""Movers read off the text: themes and the stocks that moved with them, each with its move as
written. Expectations are labelled by hand in tests/data/movers/labelled.json (every mover item of
the sample day, checked clause by clause against its text, plus items in the same style for forms
the sample day lacks and for text that must give no movers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from telereader.core.movers import Mover, is_stock_name, movers, stock_moves, themes
from telereader.core.parse import parse

LABELLED = json.loads(
    (Path(__file__).parent / "data" / "movers" / "labelled.json").read_text(encoding="utf-8")
)["items"]
SAMPLE = Path(__file__).parent.parent / "seeds" / "cls-telegraph-2026-01-14.md"


@pytest.mark.parametrize("item", LABELLED, ids=lambda item: f"{item['day']} {item['title']}")
def test_each_labelled_item_gives_exactly_its_movers(item):
    found = movers(item["title"], item["body"])
    assert found == [Mover(*mover) for mover in item["movers"]]


@pytest.mark.parametrize("item", LABELLED, ids=lambda item: f"{item['day']} {item['title']}")
def test_each_labelled_item_gives_exactly_its_themes(item):
    assert themes(item["title"], item["body"]) == item["themes"]


def test_the_sample_day_has_sixty_seven_movers_in_eleven_items_and_no_others():
    """Counted by hand on the file: every 【…概念/板块/股…】 item and the 个股方面 passage."""
    digest = parse(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    by_item = [movers(item.title, item.body) for item in digest.items]
    with_movers = [found for found in by_item if found]
    assert len(with_movers) == 11
    assert sum(map(len, with_movers)) == 67
    stocks = {mover.stock for found in with_movers for mover in found}
    assert {"拉卡拉", "诺思格", "蘅东光", "深城交", "新火科技控股"} <= stocks
    assert all(is_stock_name(stock) for stock in stocks)


def test_the_title_wording_wins_over_the_body_for_the_same_stock():
    found = movers("某某概念走高 甲乙科技20cm涨停", "财联社1月1日电，某某概念走高，甲乙科技涨停。")
    assert found == [Mover("某某", "甲乙科技", "20cm涨停")]


@pytest.mark.parametrize(
    "speak",
    [
        "持续走高",
        "反复活跃",
        "午后异动",
        "震荡拉升",
        "恒生指数",
        "创业板指",
        "主力资金",
        "沪指",
        "现货黄金",
    ],
)
def test_market_speak_is_never_taken_for_a_company(speak):
    assert not is_stock_name(speak)
    assert stock_moves(f"{speak}涨停") == []


def test_a_clause_with_one_bad_name_gives_no_movers_rather_than_a_fragment():
    assert stock_moves("指数午后快速回落、甲乙科技涨停") == []


def test_an_item_that_only_names_a_company_has_no_movers():
    assert movers(None, "财联社8月1日电，宁德时代公告，拟在匈牙利建设电池工厂。") == []


def test_the_same_text_always_gives_the_same_movers():
    item = LABELLED[0]
    assert movers(item["title"], item["body"]) == movers(item["title"], item["body"])


def test_the_movers_command_lists_a_days_movers_as_json(capsys, data_dir):
    from telereader.cli import main

    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "movers", "2026-01-14", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 67
    assert rows[0] == {
        "day": "2026-01-14",
        "time": "2026-01-14T10:09",
        "item_id": rows[0]["item_id"],
        "theme": "互联金融",
        "stock": "拉卡拉",
        "move": "20cm涨停",
    }


def test_a_range_without_movers_says_so(capsys, data_dir):
    from telereader.cli import main

    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "movers", "2026-01-10", "--to", "2026-01-13"]) == 0
    out = capsys.readouterr().out
    assert "2026-01-10" in out and "2026-01-13" in out and "拉卡拉" not in out
