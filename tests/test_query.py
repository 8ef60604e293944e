"""What a typed search means: substring terms, exclusions, phrases; no text is unsafe."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from telereader.core.query import Query, parse_query
from telereader.core.search_index import index_columns, is_exact, term_expression


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


def test_index_columns_never_join_title_and_body():
    chars, pairs = index_columns("黄金", "金价")
    assert set(chars.split()) == {"黄", "金", "价"}
    tokens = pairs.split()
    assert "金金" not in tokens  # title and body are separate segments
    assert tokens == ["黄金", "x", "金价"]


def test_punctuation_and_spaces_are_indexed_as_characters():
    chars, pairs = index_columns(None, "涨0.5%，S&P 500")
    tokens = pairs.split()
    assert len(tokens) == len("涨0.5%，s&p 500") - 1  # one pair per neighbouring characters
    assert "，" in chars.split() and "，s" in tokens  # full-width punctuation is a character
    assert "x" not in tokens


def test_every_term_is_exact_and_a_phrase_of_its_pairs():
    assert is_exact("美联储褐皮书") and is_exact("cpo") and is_exact("铜")
    assert is_exact("s&p") and is_exact("美联储 褐皮书") and is_exact("1.5%") and is_exact("%")
    assert term_expression("铜") == 'chars : "铜"'
    assert term_expression("降息") == 'pairs : "降息"'
    assert term_expression("宁德时代") == 'pairs : "宁德 德时 时代"'
    assert term_expression("1.5%").count(" ") == 4  # pairs : "1. .5 5%", escaped
    assert term_expression("%%") is not None


def test_a_private_use_character_of_the_escape_block_is_checked_against_the_text():
    reserved = "\U0010ff25"  # where the index writes "%"
    assert not is_exact(f"a{reserved}b") and is_exact("a%b")
    assert term_expression(f"a{reserved}bc") == 'chars : "a" AND pairs : "bc"'
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
        assert expression is None or expression.count('"') == 2 * expression.count(":")
