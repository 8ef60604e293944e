"""A search result whose match is in the body shows the passage around it (core/snippet.py)."""

from __future__ import annotations

from telereader.core.query import parse_query
from telereader.core.snippet import ELLIPSIS, LONGEST, SHORTEST, snippet

BODY = (
    "财联社1月14日电，美国上周API原油库存增加527.8万桶，预期减少200万桶。"
    "汽油库存增加120万桶，精炼油库存减少80万桶。分析人士认为，原油价格短期内将承压，"
    "市场关注周三公布的EIA数据以及美联储官员的讲话，黄金价格小幅回落0.5%，白银持平。"
)


def terms(text: str) -> tuple[str, ...]:
    return parse_query(text).include


def bare(passage: str) -> str:
    return passage.strip(ELLIPSIS)


def test_a_match_in_the_body_gives_the_passage_around_it_cut_at_clause_marks():
    body = BODY + "另外，欧洲天然气期货价格周二上涨逾3%，市场担心寒潮将推高取暖需求。"
    passage = snippet(body, terms("汽油"))
    assert passage.startswith(ELLIPSIS + "汽油库存")  # begins after the full stop before it
    assert passage.endswith(ELLIPSIS)  # more of the body follows
    assert bare(passage) in body
    assert SHORTEST <= len(bare(passage)) <= LONGEST


def test_no_passage_when_the_title_shows_the_match_or_nothing_matches():
    assert snippet(BODY, terms("黄金"), title="黄金价格回落") is None
    assert snippet(BODY, terms("铑金")) is None
    assert snippet(BODY, ()) is None


def test_a_term_missing_from_the_title_still_gets_its_passage():
    passage = snippet(BODY, terms("黄金 白银"), title="黄金价格回落")
    assert "白银" in passage


def test_a_term_at_the_start_of_the_body_shows_the_opening_without_a_leading_ellipsis():
    passage = snippet(BODY, terms("财联社"))
    assert passage.startswith("财联社1月14日电，")
    assert passage.endswith("。" + ELLIPSIS)  # cut after a full stop
    assert SHORTEST <= len(bare(passage)) <= LONGEST


def test_a_term_at_the_end_of_the_body_shows_enough_text_before_it():
    passage = snippet(BODY, terms("白银持平"))
    assert passage.endswith("白银持平。")  # nothing left out after it: no ellipsis
    assert passage.startswith(ELLIPSIS)
    assert SHORTEST <= len(bare(passage)) <= LONGEST


def test_of_several_terms_the_first_in_the_body_is_shown():
    passage = snippet(BODY, terms("黄金 API"))
    assert "API" in passage and "黄金" not in passage


def test_latin_terms_match_ignoring_case_and_the_passage_keeps_the_original_case():
    passage = snippet(BODY, terms("eia"))
    assert "EIA" in passage


def test_punctuation_terms_and_phrases_match_as_the_search_matches_them():
    passage = snippet(BODY, terms("0.5%"))
    assert "回落0.5%，" in passage or "回落0.5%" in passage
    assert snippet(BODY, terms('"增加120万桶，精炼油"')) is not None
    assert "增加120万桶，精炼油" in snippet(BODY, terms('"增加120万桶，精炼油"'))
    # full- and half-width forms are different characters to the search, and here too
    assert parse_query("0.5％").matches(None, BODY) is False
    assert snippet(BODY, terms("0.5％")) is None


def test_a_short_body_is_its_own_passage():
    assert snippet("铑金凌晨回落。", terms("回落")) == "铑金凌晨回落。"


def test_a_long_body_gives_a_short_passage_around_a_match_deep_inside():
    body = "无关内容。" * 50_000 + "这里提到了降息预期，市场反应积极。" + "其他内容，" * 50_000
    passage = snippet(body, terms("降息"))
    assert passage.startswith(ELLIPSIS + "这里提到了降息预期")
    assert passage.endswith(ELLIPSIS)
    assert len(bare(passage)) <= LONGEST


def test_a_cut_without_marks_does_not_split_a_latin_word_or_number():
    body = (
        "x" * 10
        + " ".join(["alpha", "beta", "gamma", "12345", "delta"] * 8)
        + " rally "
        + (" ".join(["epsilon", "zeta", "eta", "67890"] * 10))
    )
    passage = bare(snippet(body, terms("rally")))
    assert "rally" in passage
    words = body.split()
    assert passage.split()[0] in words and passage.split()[-1] in words


def test_white_space_of_the_body_is_one_space_in_the_passage():
    passage = snippet("第一段提到黄金。\n\n第二段   继续。", terms("黄金"))
    assert passage == "第一段提到黄金。 第二段 继续。"


def test_letters_that_fold_to_two_characters_do_not_shift_the_passage():
    body = "İİİ 报道：" + "美联储维持利率不变，" * 3 + "黄金上涨。"
    passage = snippet(body, terms("黄金"))
    assert "黄金上涨" in passage
    assert bare(passage) in body
