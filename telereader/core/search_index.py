"""The search index: character pairs in an FTS5 table, giving substring search in milliseconds.

Word-splitting fails Chinese readers (jieba cuts 国际黄金价格 as 国际/黄金价格/…, so 黄金 would be
missed), so the index does not split words. For each item it stores, in a contentless FTS5 table
keyed by the item's `seq`:

- `chars`: every distinct letter or digit (a 1-character query is one token);
- `pairs`: every overlapping pair of letters and digits within a run of them, runs separated by a
  one-character filler token that no query ever contains (pairs are two characters).

A term made of one run of letters and digits then matches an item exactly when its pairs occur as
a phrase (consecutive tokens) — the index answers it alone, counts included. Any other term
(punctuation, spaces) is narrowed by its runs and re-checked against the text.
"""

from __future__ import annotations

import operator
import re

from telereader.core.query import fold_case

_RUN = re.compile(r"[^\W_]+")  # letters and digits of any script, as str.isalnum
_GAP = " x "  # a one-character token: never equal to a two-character query token

INDEX_TABLE = "search_index"


def runs(text: str) -> list[str]:
    return _RUN.findall(text)


def index_columns(title: str | None, body: str) -> tuple[str, str]:
    """The `chars` and `pairs` columns for an item. Title and body are separate runs, so no term
    matches across their boundary."""
    found = _RUN.findall(fold_case(f"{title}\n{body}" if title else body))
    chars = " ".join(set("".join(found)))
    pairs = _GAP.join([" ".join(map(operator.add, run, run[1:])) for run in found])
    return chars, pairs


def is_exact(term: str) -> bool:
    """True when the index alone decides whether a (case-folded) term occurs."""
    return _RUN.fullmatch(term) is not None


def term_expression(term: str) -> str | None:
    """An FTS5 expression matching every item that contains the term (and, for an exact term,
    no other); None when the term has no letter or digit to look up."""
    parts = []
    for run in runs(term):
        if len(run) == 1:
            parts.append(f'chars : "{run}"')
        else:
            parts.append('pairs : "' + " ".join(map(operator.add, run, run[1:])) + '"')
    return " AND ".join(parts) if parts else None
