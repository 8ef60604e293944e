"""Folding the same story told twice, and ids that depend only on content."""

from __future__ import annotations

import datetime as dt

from telereader.core.fold import fold, strip_trailing_punctuation
from telereader.core.identity import item_id, item_key, opening
from telereader.core.importer import identify, read_digest
from telereader.core.parse import parse
from tests.conftest import FIXTURES, SAMPLE

HEADER = "# 财联社【普通】电报 - 2026-03-02\n\n"


def folded(body: str):
    digest = parse(HEADER + body)
    return fold(digest.items)


def test_the_same_minute_with_the_same_text_is_one_item():
    kept, count = folded("**[09:30]** 沪指高开。\n\n**[09:30]** 沪指高开。\n")
    assert [item.body for item in kept] == ["沪指高开。"]
    assert count == 1


def test_a_beginning_told_again_at_more_length_keeps_the_longer_text():
    kept, count = folded(
        "**[12:11]** 稀土出口4392吨。\n\n**[12:11]** 稀土出口4392吨；手机出口6829万台。\n"
    )
    assert [item.body for item in kept] == ["稀土出口4392吨；手机出口6829万台。"]
    assert kept[0].line == 3  # the story keeps its first place in the file
    assert count == 1


def test_the_longer_text_first_also_folds():
    kept, count = folded("**[12:11]** 稀土出口4392吨；手机出口。\n\n**[12:11]** 稀土出口4392吨。\n")
    assert [item.body for item in kept] == ["稀土出口4392吨；手机出口。"]
    assert count == 1


def test_different_minutes_or_different_texts_do_not_fold():
    kept, count = folded(
        "**[09:30]** 沪指高开。\n\n**[09:31]** 沪指高开。\n\n**[09:31]** 深成指高开。\n"
    )
    assert len(kept) == 3
    assert count == 0


def test_trailing_punctuation_and_space_are_ignored_when_comparing():
    assert strip_trailing_punctuation("稀土出口4392吨。 ") == "稀土出口4392吨"
    assert strip_trailing_punctuation("“好”。") == "“好"


def test_the_sample_day_folds_its_1211_pair_into_93_items():
    digest = read_digest(SAMPLE.read_bytes(), SAMPLE.name)
    assert len(digest.items) == 93
    assert digest.folded == 1
    rare_earth = [item for item in digest.items if item.minute == dt.time(12, 11)]
    assert len(rare_earth) == 1
    assert "12月手机出口6829.7万台" in rare_earth[0].body


def test_ids_are_readable_and_stable():
    day, minute = dt.date(2026, 1, 14), dt.time(12, 11)
    first = item_id(day, minute, item_key(None, "财联社1月14日电，据海关总署，中国12月稀土出口"))
    assert first.startswith("20260114-1211-")
    assert first == item_id(
        day, minute, item_key(None, "财联社1月14日电，据海关总署，中国12月稀土出口")
    )
    # Known value: ids must never change between versions, or stars and notes would detach.
    assert item_id(day, minute, "t:标题") == "20260114-1211-3e2ae8a6"


def test_the_dateline_is_not_part_of_the_opening():
    assert opening("财联社1月14日电，现货白银日内涨超4%") == opening(
        "财联社1月15日电，现货白银日内涨超4%"
    )
    assert opening("《科创板日报》14日讯，苹果、高通") == "苹果高通"


def test_the_sample_day_gets_93_distinct_ids_identical_on_every_parse():
    first = identify(read_digest(SAMPLE.read_bytes(), SAMPLE.name))
    second = identify(read_digest(SAMPLE.read_bytes(), SAMPLE.name))
    assert [item.id for item in first] == [item.id for item in second]
    assert len({item.id for item in first}) == 93


def test_an_edited_capture_keeps_the_ids_of_titled_items():
    before = {
        i.position: i.id for i in identify(read_digest((FIXTURES / "small.md").read_bytes(), "a"))
    }
    after = {
        i.position: i.id
        for i in identify(read_digest((FIXTURES / "small-later-capture.md").read_bytes(), "b"))
    }
    assert before[16] == after[16]  # 14:20, title unchanged, body edited


def test_distinct_items_sharing_a_minute_and_opening_get_distinct_ids():
    digest = read_digest(
        (HEADER + "**[09:00]** 【同题】甲。\n\n**[09:00]** 【同题】乙。\n").encode(), "x"
    )
    items = identify(digest)
    assert len({item.id for item in items}) == 2
