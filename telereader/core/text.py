"""How an item's text is laid out for reading (the stored text is never changed)."""

from __future__ import annotations

import re

# ① … ⑳ and ㉑ … ㊿: the lists telegraphs write inline
_CIRCLED = "\u2460-\u2473\u3251-\u325f\u32b1-\u32bf"
_INLINE_LIST_ITEM = re.compile(rf"(?<=\S)[ \t\u3000]*(?=[{_CIRCLED}])")


def readable_body(body: str) -> str:
    """Each circled-number list entry on a line of its own; paragraphs kept as they are."""
    return _INLINE_LIST_ITEM.sub("\n", body)


def one_line(text: str, limit: int = 120) -> str:
    """A single-line excerpt for lists and tooltips.

    Only the opening of a long text is looked at: lists ask for every row as they paint, and
    one item may hold megabytes. When the opening already flattens to more than `limit`
    characters, the excerpt is the same as the whole text's would be.
    """
    opening = text[: 4 * limit + 64]
    flat = " ".join(opening.split())
    if len(opening) < len(text) and len(flat) <= limit:
        flat = " ".join(text.split())  # mostly white space: look further
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# The dateline a telegraph's body opens with, which a timeline row drops (the detail and the
# exports keep the body as stored): 财联社1月14日电， / 《科创板日报》14日讯， /
# 财联社12月31日电（记者 张三）， / 财联社（上海，记者 张三）1月14日讯， / 新华社北京1月14日电，
_ASIDE = r"(?:\s*(?:（[^（）\n]{0,40}）|\([^()\n]{0,40}\)))?"
_OUTLET = r"(?:《[^《》\n]{1,20}》[\u4e00-\u9fff]{0,6}?|(?!据)[\u4e00-\u9fff]{2,10}?)"
_DATE = r"(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日"
_PART_OF_DAY = r"(?:早间|午间|晚间|凌晨|早上|上午|中午|下午|晚上|晚)?"
_DATELINE = re.compile(
    rf"^\s*{_OUTLET}{_ASIDE}\s*{_DATE}{_PART_OF_DAY}(?:电|讯){_ASIDE}\s*[，,：:]\s*"
)


def dateline_end(body: str) -> int:
    """Where the text after the opening dateline starts (0: there is no dateline to drop).

    A body that is nothing but a dateline keeps it: a row never shows an empty body.
    """
    match = _DATELINE.match(body[:200])
    if match is None or not body[match.end() :].strip():
        return 0
    return match.end()


def without_dateline(body: str) -> str:
    """The body as a timeline row shows it: the dateline boilerplate dropped."""
    return body[dateline_end(body) :]


def attribution_start(body: str, source: str | None) -> int:
    """Where the trailing attribution naming `source` starts (`… (新华社)`), or len(body) when
    the body does not end with one: a row shows the source once, quieter, at its end.

    Only the end of the body is looked at: a body can hold megabytes."""
    offset = max(0, len(body) - 256)
    stripped = body[offset:].rstrip()
    if not source or not stripped.endswith((")", "）")):
        return len(body)
    for opening in ("（", "("):
        start = stripped.rfind(opening)
        if start > 0 and stripped[start + 1 : -1].strip() == source:
            return offset + len(stripped[:start].rstrip())
    return len(body)
