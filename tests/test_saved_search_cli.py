"""`telereader saved` lists the saved searches with their counts; `search --saved NAME` runs one."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from telereader.cli import main
from telereader.core.saved_searches import SearchConditions, save_search
from telereader.core.store import Store
from tests.conftest import SAMPLE


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def library(capsys, data_dir) -> list[str]:
    """The sample day with two saved searches: 黄金 on its fixed day, 央行 in the last 7 days."""
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "import", str(SAMPLE))[0] == 0
    day = dt.date(2026, 1, 14)
    with Store.open(data_dir) as store:
        save_search(store, "黄金当天", "黄金", SearchConditions(day_from=day, day_to=day))
        save_search(store, "近一周央行", "央行", SearchConditions(last_days=7))
    return d


def test_saved_lists_each_search_with_unread_and_total(capsys, library):
    code, out, _ = run(capsys, *library, "saved", "--json")
    listed = json.loads(out)
    assert code == 0
    assert [row["name"] for row in listed] == ["黄金当天", "近一周央行"]
    gold = json.loads(run(capsys, *library, "search", "黄金", "--json")[1])["total"]
    assert gold > 0
    assert (listed[0]["unread"], listed[0]["total"]) == (gold, gold)
    assert listed[0]["conditions"]["day_from"] == "2026-01-14"
    # the last 7 days end on the library's newest day, as in the window: the sample day's 央行
    central = json.loads(run(capsys, *library, "search", "央行", "--json")[1])["total"]
    assert central > 0 and (listed[1]["unread"], listed[1]["total"]) == (central, central)
    code, text, _ = run(capsys, *library, "saved")
    assert code == 0 and f"黄金当天 ({gold} unread of {gold}): 黄金" in text


def test_search_saved_runs_the_saved_query_and_conditions(capsys, library):
    by_hand = json.loads(
        run(capsys, *library, "search", "黄金", "--from", "2026-01-14", "--to", "2026-01-14",
            "--json")[1]
    )  # fmt: skip
    code, out, _ = run(capsys, *library, "search", "--saved", "黄金当天", "--json")
    assert code == 0
    assert json.loads(out)["items"] == by_hand["items"]


def test_search_saved_refuses_an_unknown_name_or_a_query_besides(capsys, library):
    code, _, err = run(capsys, *library, "search", "--saved", "没有这个")
    assert code != 0 and "no saved search named" in err
    code, _, err = run(capsys, *library, "search", "黄金", "--saved", "黄金当天")
    assert code == 2 and "give no query" in err


def test_saved_with_none_says_how_to_make_one(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "saved")
    assert code == 0 and "no saved searches yet" in out
