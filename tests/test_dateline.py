"""A timeline row drops the dateline boilerplate a telegraph's body opens with; the stored body
(the detail, the exports) keeps it."""

from __future__ import annotations

import pytest

from telereader.core.text import attribution_start, dateline_end, without_dateline

DROPPED = [
    ("财联社1月14日电，美国上周API原油库存增加。", "美国上周API原油库存增加。"),
    ("财联社1月14日讯，沪指午后拉升。", "沪指午后拉升。"),
    ("《科创板日报》14日讯，1月13日23时，长八甲火箭发射。", "1月13日23时，长八甲火箭发射。"),
    ("《证券时报》1月14日讯，多家券商。", "多家券商。"),
    ("《科创板日报》1月14日讯（记者 李明），芯片板块。", "芯片板块。"),
    ("财联社12月31日电（记者 张三），年末最后一个交易日。", "年末最后一个交易日。"),
    ("财联社12月31日电(记者 张三),年末。", "年末。"),
    ("财联社（上海，记者 王碧微）1月14日讯，据了解。", "据了解。"),
    ("财联社1月14日电,半角逗号也算。", "半角逗号也算。"),
    ("财联社2月3日晚间电，美股开盘。", "美股开盘。"),
    ("财联社2026年1月14日电，带年份。", "带年份。"),
    ("新华社北京1月14日电，国务院。", "国务院。"),
    ("  财联社1月14日电， 前后空白。", "前后空白。"),
    ("财联社１２月３日电，全角数字。", "全角数字。"),
]

KEPT = [
    "财联社记者获悉，多家银行下调存款利率。",  # the outlet named, no dateline
    "据财联社1月14日电，某公司公告。",  # a quoted report, part of the sentence
    "美国上周API原油库存增加，财联社1月14日电，重复一次。",  # a dateline not at the start
    "公司1月14日电话会议显示，订单饱满。",  # 电话 is not 电
    "1月14日电，没有发稿机构。",
    "① 21:30 美国11月零售销售月率；② 22:50 美联储讲话",
    "财联社1月14日电，",  # nothing but the dateline: kept, a row never shows an empty body
    "财联社1月14日电， ",
    "",
]


@pytest.mark.parametrize(("body", "shown"), DROPPED)
def test_the_dateline_is_dropped_for_the_row(body, shown):
    assert without_dateline(body) == shown
    assert body.endswith(shown)  # only the opening goes; the rest is the stored text


@pytest.mark.parametrize("body", KEPT)
def test_a_body_without_an_opening_dateline_is_shown_as_stored(body):
    assert dateline_end(body) == 0
    assert without_dateline(body) == body


def test_the_sample_day_loses_every_dateline_and_nothing_else():
    from telereader.core.parse import parse
    from telereader.core.seeds import sample_days

    digest = parse(sample_days()[0].read_text(encoding="utf-8"))
    for item in digest.items:
        shown = without_dateline(item.body)
        assert not shown.startswith(("财联社1月14日电", "《科创板日报》14日讯"))
        assert len(item.body) - len(shown) <= 20


def test_a_trailing_attribution_is_found_for_the_source_shown_at_the_end():
    body = "国际金价再创新高。 (新华社)"
    assert body[: attribution_start(body, "新华社")] == "国际金价再创新高。"
    full_width = "稀土出口增加。（财联社记者 王碧微）"
    assert full_width[: attribution_start(full_width, "财联社记者 王碧微")] == "稀土出口增加。"
    # a source named only in the dateline, or a bracket that is not the source, stays in the body
    assert attribution_start("财联社1月14日电，原油。", "财联社") == len("财联社1月14日电，原油。")
    other = "业绩增长（同比）"
    assert attribution_start(other, "新华社") == len(other)
    assert attribution_start(body, None) == len(body)
