"""What a typed search means: substring terms, exclusions, phrases; no text is unsafe."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from telereader.core.query import Query, parse_query
from telereader.core.search_index import index_text, is_exact, term_expression


@pytest.mark.parametrize(
    ("typed", "include", "exclude"),
    [
        ("黄金", ("黄金",), ()),
        ("黄金 -黄金周", ("黄金",), ("黄金周",)),
        ('"美联储 褐皮书" 降息', ("美联储 褐皮书", "降息"), ()),
        ("CPO ai", ("cpo", "ai"), ()),
        ("黄金 -", ("黄金",), ()),
        ('"未闭合的引号', ("未闭合的引号",), ()),
        ('""', (), ()),
        ("AND OR NEAR( * : ()", ("and", "or", "near(", "*", ":", "()"), ()),
        ("铜 铜", ("铜",), ()),
        ("", (), ()),
    ],
)
def test_parse_query(typed, include, exclude):
    assert parse_query(typed) == Query(include, exclude)


def test_a_term_matches_title_or_body_ignoring_latin_case_but_not_across_them():
    query = parse_query("AI应用")
    assert query.matches(None, "公司发布ai应用")
    assert query.matches("AI应用爆发", "正文")
    assert not parse_query("爆发正文").matches("AI应用爆发", "正文")


def test_exclusions_and_phrases():
    assert parse_query("黄金 -黄金周").matches(None, "金价上涨，黄金ETF")
    assert not parse_query("黄金 -黄金周").matches(None, "黄金周出游")
    assert parse_query('"美联储 褐皮书"').matches(None, "美联储 褐皮书显示")
    assert not parse_query('"美联储 褐皮书"').matches(None, "美联储褐皮书显示")


GAP = "\U0010ffff"


def test_the_index_never_joins_title_and_body():
    tokens = index_text("黄金", "金价").split()
    assert "金金" not in tokens  # title and body are separate segments
    assert tokens == ["黄金", GAP, "金价", GAP, "黄", "金", "价"]


def test_punctuation_and_spaces_are_indexed_as_characters():
    pairs, chars = index_text(None, "涨0.5%，S&P 500").split(f" {GAP} ")
    assert len(pairs.split()) == len("涨0.5%，s&p 500") - 1  # one pair per neighbouring characters
    assert "，" in chars.split() and "，s" in pairs.split()  # full-width punctuation as written
    assert len(chars.split()) == len(set("涨0.5%，s&p 500"))


def test_the_index_text_is_the_same_in_every_process():
    # a 'delete' must repeat the insert's positions, whichever worker computed them
    assert index_text("标题", "正文，正文") == "标题 " + GAP + " 正文 文， ，正 正文 " + GAP + " 标 题 正 文 ，"


def test_every_term_is_exact_and_a_phrase_of_its_pairs():
    assert is_exact("美联储褐皮书") and is_exact("cpo") and is_exact("铜")
    assert is_exact("s&p") and is_exact("美联储 褐皮书") and is_exact("1.5%") and is_exact("%")
    assert term_expression("铜") == '"铜"'
    assert term_expression("降息") == '"降息"'
    assert term_expression("宁德时代") == '"宁德 德时 时代"'
    assert term_expression("1.5%").count(" ") == 2  # "1. .5 5%", escaped
    assert term_expression("%%") is not None


def test_a_private_use_character_of_the_escape_block_is_checked_against_the_text():
    reserved = "\U0010ff25"  # where the index writes "%"
    assert not is_exact(f"a{reserved}b") and is_exact("a%b")
    assert term_expression(f"a{reserved}bc") == '"a" AND "bc"'
    assert term_expression(reserved) is None


@given(st.text(max_size=40))
def test_any_typed_text_parses_and_compiles(text):
    query = parse_query(text)
    for term in query.include + query.exclude:
        assert term
        expression = term_expression(term)
        # an expression for every term but one of reserved characters only; no quotes in tokens
        assert (expression is None) == bool(
            re.fullmatch("[\U0010ff00-\U0010ffff]+", term)
        )
        assert expression is None or expression.count('"') == 2 * (expression.count(" AND ") + 1)
