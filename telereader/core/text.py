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
    """A single-line excerpt for lists and tooltips."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
