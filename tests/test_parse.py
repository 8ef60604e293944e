"""Parsing: header, day boundary, items, titles, teasers, sources, warnings and refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from telereader.core.decode import decode
from telereader.core.messages import render
from telereader.core.model import Kind, Level, Refused
from telereader.core.parse import day_from_file_name, find_source, parse, split_title
from tests.conftest import FIXTURES


def parse_fixture(name: str):
    return parse(decode((FIXTURES / name).read_bytes()).text, name)


def test_the_header_gives_the_digest_day_and_level():
    digest = parse_fixture("small.md")
    assert digest.day == dt.date(2026, 3, 2)
    assert digest.level is Level.NORMAL
    assert parse_fixture("small-important.md").level is Level.IMPORTANT


def test_items_before_the_boundary_happened_on_the_next_calendar_day():
    digest = parse_fixture("small.md")
    times = [digest.happened_at(item.minute) for item in digest.items]
    assert times[0] == dt.datetime(2026, 3, 2, 5, 31)
    assert times[-2] == dt.datetime(2026, 3, 2, 23, 58)
    assert times[-1] == dt.datetime(2026, 3, 3, 0, 12)


def test_the_boundary_is_read_from_the_window_line():
    text = "# 财联社【普通】电报 - 2026-03-02\n> 统计周期：2026-03-02 08:00 至次日 08:00\n\n**[07:59]** 早\n"
    digest = parse(text)
    assert digest.boundary == dt.time(8, 0)
    assert digest.happened_at(digest.items[0].minute) == dt.datetime(2026, 3, 3, 7, 59)


def test_without_a_window_line_the_boundary_is_0530():
    digest = parse("# 财联社【加红】电报 - 2026-03-02\n\n**[05:29]** 夜\n\n**[05:30]** 晨\n")
    first, second = (digest.happened_at(item.minute) for item in digest.items)
    assert first == dt.datetime(2026, 3, 3, 5, 29)
    assert second == dt.datetime(2026, 3, 2, 5, 30)


def test_titles_bodies_and_kinds():
    items = parse_fixture("small.md").items
    assert items[0].title == "央行开展逆回购操作"
    assert items[0].body == "财联社3月2日电，央行今日开展1000亿元7天期逆回购操作。"
    assert items[0].kind is Kind.NEWS
    assert items[1].title is None
    assert items[1].body == "财联社3月2日电，沪指高开0.3%，创业板指高开0.5%。"


def test_a_nested_title_is_a_teaser_of_its_column():
    teaser = parse_fixture("small.md").items[3]
    assert teaser.kind is Kind.TEASER
    assert teaser.column == "盘中宝"
    assert teaser.title == "这类材料需求翻倍，这家公司产能领先"
    assert teaser.body == "①新材料需求快速增长；②公司产能行业领先。"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("【标题】正文", ("标题", "正文", None)),
        ("【【研选】国产大飞机】①正文", ("国产大飞机", "①正文", "研选")),
        ("【【风口研报·行业】AI应用】正文", ("AI应用", "正文", "风口研报·行业")),
        ("【周三（1月14日）重点】 ① 21:30 数据", ("周三（1月14日）重点", "① 21:30 数据", None)),
        ("没有标题【括号】在中间", (None, "没有标题【括号】在中间", None)),
        ("【没有闭合的标题", (None, "【没有闭合的标题", None)),
        ("【【盘中宝】截断的预告", (None, "截断的预告", "盘中宝")),
    ],
)
def test_split_title(content, expected):
    assert split_title(content) == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("财联社3月2日电，沪指高开。", "财联社"),
        ("《科创板日报》2日讯，多家存储厂商宣布涨价。", "科创板日报"),
        ("美国2月ISM制造业指数为50.3。 (新华社)", "新华社"),
        ("港股有望震荡上行。 (中证报)", "中证报"),
        ("财联社3月3日电，签订重大合同。（财联社记者 张三）", "财联社记者 张三"),
        ("公司将在寻找减肥药（企业并购）交易方面迈出步伐。", None),
        ("① 21:30 美国11月零售销售月率", None),
    ],
)
def test_the_source_is_the_attribution_else_the_dateline(body, source):
    assert find_source(body) == source


def test_the_body_is_kept_exactly_as_written():
    sample = parse_fixture("../../seeds/cls-telegraph-2026-01-14.md")
    first = sample.items[0]
    assert first.body.startswith("① 21:30 美国11月零售销售月率；美国11月PPI；")
    assert "⑥ 次日03:00 美联储公布经济状况褐皮书" in first.body
    attributed = next(item for item in sample.items if item.source == "日经亚洲")
    assert attributed.body.endswith("(日经亚洲)")


def test_the_sample_day_has_94_item_lines_in_file_order():
    sample = parse_fixture("../../seeds/cls-telegraph-2026-01-14.md")
    assert len(sample.items) == 94
    assert sample.day == dt.date(2026, 1, 14)
    assert sample.warnings == ()


def test_impossible_times_and_orphan_lines_are_warnings_with_line_numbers():
    digest = parse_fixture("bad-lines.md")
    assert [(w.code, w.line) for w in digest.warnings] == [
        ("orphan_text", 3),
        ("impossible_time", 7),
    ]
    assert render(digest.warnings[1], "en") == "line 7: impossible time 25:99; the item was skipped"
    assert [item.body for item in digest.items] == ["财联社3月4日电，正常的一条。"]


def test_a_headerless_file_takes_its_day_from_the_file_name():
    digest = parse_fixture("headerless-20260114.md")
    assert digest.day == dt.date(2026, 1, 14)
    assert len(digest.items) == 2


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("cls-telegraph-2026-01-14.md", dt.date(2026, 1, 14)),
        ("20260114.md", dt.date(2026, 1, 14)),
        ("电报 20251231 加红.txt", dt.date(2025, 12, 31)),
        ("notes-2026-13-45.md", None),
        ("notes.md", None),
    ],
)
def test_day_from_file_name(name, day):
    assert day_from_file_name(name) == day


def test_a_headerless_file_without_a_date_is_refused():
    with pytest.raises(Refused) as refusal:
        parse_fixture("headerless-no-date.md")
    assert refusal.value.problem.code == "no_digest_date"
    assert "no digest date" in render(refusal.value.problem, "en")


def test_text_that_is_not_a_digest_is_refused():
    with pytest.raises(Refused) as refusal:
        parse_fixture("README.md")
    assert refusal.value.problem.code == "not_digest"


def test_an_unknown_level_is_read_as_normal_with_a_warning():
    digest = parse("# 财联社【特别】电报 - 2026-03-02\n\n**[09:00]** 一条\n")
    assert digest.level is Level.NORMAL
    assert [w.code for w in digest.warnings] == ["unknown_level"]


def test_extra_lines_after_an_item_are_its_further_paragraphs():
    digest = parse(
        "# 财联社【普通】电报 - 2026-03-02\n\n**[09:00]** 【题】第一段\n第二段\n\n**[09:01]** 下一条\n"
    )
    assert digest.items[0].body == "第一段\n第二段"
    assert digest.warnings == ()
