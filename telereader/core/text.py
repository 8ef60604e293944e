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
