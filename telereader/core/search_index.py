"""The search index: every character and every pair of neighbouring characters in an FTS5
table, so that any term a reader types is answered exactly by the index alone, in milliseconds.

Word-splitting fails Chinese readers (jieba cuts 国际黄金价格 as 国际/黄金价格/…, so 黄金 would be
missed), so the index does not split words. For each item it stores, in a contentless FTS5 table
keyed by the item's `seq`, over its case-folded title and body (two segments), one column
`tokens` holding

- every overlapping pair of characters within a segment (letters, digits, punctuation and
  spaces alike), then every distinct character (a 1-character query is one token),
- these runs separated by a one-character gap token that no query token equals.

One column, not two: FTS5 marks every position list outside the first column with two bytes,
which made the index 13 % bigger. A term of two or more characters occurs in an item exactly
when its pairs occur as a phrase (consecutive tokens), so `0.5%`, `S&P 500` and
`"美联储 褐皮书"` are answered, counts included, like 黄金. The table uses FTS5's `ascii` tokenizer, which keeps every non-ASCII character inside
a token and splits only at ASCII characters other than letters and digits; those are written as
characters of a private-use block (`_ESCAPED`), so each pair reaches the index as one token.
A real character of that block in an item splits its segment (it is never indexed), and a term
holding one is narrowed by the rest and re-checked against the text (`is_exact` is then False).
"""

from __future__ import annotations

import operator
import re

from telereader.core.query import fold_case

INDEX_TABLE = "search_index"
INDEX_DDL = f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(tokens, content='', tokenize='ascii')"

_BLOCK = 0x10FF00  # the last 256 code points of plane 16 (private use)
_ESCAPED = {code: _BLOCK + code for code in range(128) if not chr(code).isalnum()}
_RESERVED = re.compile("[\U0010ff00-\U0010ffff]+")
# A one-character token between segments: never a pair, nor a character of the text (the
# block's characters are never indexed), nor a query's.
_GAP = " \U0010ffff "
# The 加红 (important) filter inside the index, so that it narrows a search as a term does
# instead of a join with `items` per match: a character of the block too, never a query's.
IMPORTANT_TOKEN = "\U0010fffe"
IMPORTANT_EXPRESSION = f'"{IMPORTANT_TOKEN}"'


def _segments(folded: str) -> list[str]:
    """Case-folded text as the index writes it, cut where a reserved character stands."""
    if _RESERVED.search(folded) is None:
        return [folded.translate(_ESCAPED)] if folded else []
    return [piece.translate(_ESCAPED) for piece in _RESERVED.split(folded) if piece]


def index_text(title: str | None, body: str, important: bool = False) -> str:
    """The item's `tokens`: the pairs of each segment (title, body), then every distinct
    character, all separated by the gap token, so that no phrase spans two segments; last, for
    a 加红 item, IMPORTANT_TOKEN."""
    segments = _item_segments(title, body)
    pairs = [" ".join(map(operator.add, part, part[1:])) for part in segments]
    # first-seen order, never a set's: a 'delete' must repeat the positions of the insert,
    # whichever process (hash seed) computed them
    pairs.append(" ".join(dict.fromkeys("".join(segments))))
    if important:
        pairs.append(IMPORTANT_TOKEN)
    return _GAP.join(pairs)


def _item_segments(title: str | None, body: str) -> list[str]:
    segments = _segments(fold_case(body))
    if title:
        segments = _segments(fold_case(title)) + segments
    return segments


def item_characters(title: str | None, body: str) -> list[str]:
    """`characters_of(index_text(title, body))` without making the pairs (a migration's pass
    over every item)."""
    return " ".join(dict.fromkeys("".join(_item_segments(title, body)))).split()


def characters_of(text: str) -> list[str]:
    """The distinct-character tokens of an index text (`index_text`'s last part)."""
    parts = text.split(_GAP)
    if parts[-1] == IMPORTANT_TOKEN:
        parts.pop()
    return parts[-1].split() if parts else []


def pairs_of(text: str) -> list[str]:
    """The distinct pair tokens of an index text (`index_text`'s parts before the characters),
    in first-seen order."""
    parts = text.split(_GAP)
    if parts[-1] == IMPORTANT_TOKEN:
        parts.pop()
    return list(dict.fromkeys(" ".join(parts[:-1]).split()))


def single_pair(term: str) -> str | None:
    """The token of a (case-folded) two-character term (one pair of the index), else None."""
    pieces = _segments(term)
    return pieces[0] if len(pieces) == 1 and len(pieces[0]) == 2 and is_exact(term) else None


def single_token(term: str) -> str | None:
    """The one index token of a (case-folded) term of one character or two (a character or a
    pair: the counts the index writes keep), else None."""
    pieces = _segments(term)
    return pieces[0] if len(pieces) == 1 and len(pieces[0]) <= 2 and is_exact(term) else None


def is_exact(term: str) -> bool:
    """True when the index alone decides whether a (case-folded) term occurs."""
    return bool(term) and _RESERVED.search(term) is None


def expression_tokens(term: str) -> list[str]:
    """The index tokens `term_expression` looks up for a (case-folded) term: a piece of one
    character is that character, a longer piece its consecutive pairs."""
    tokens: list[str] = []
    for piece in _segments(term):
        tokens += [piece] if len(piece) == 1 else list(map(operator.add, piece, piece[1:]))
    return tokens


def term_expression(term: str) -> str | None:
    """An FTS5 expression matching every item that contains the (case-folded) term, and for an
    exact term no other; None when nothing of the term can be looked up."""
    parts = []
    for piece in _segments(term):
        if len(piece) == 1:
            parts.append(f'"{piece}"')
        else:
            parts.append('"' + " ".join(map(operator.add, piece, piece[1:])) + '"')
    return " AND ".join(parts) if parts else None
