"""The passage of a body that a search matched, for a result row whose title does not show the
match: about a line and a half around the first match, cut at sentence or clause marks where
there are some, with "…" where text was left out.

Matching is the search's own (core/query.py): a term occurs where `fold_case` of the text
contains it, as written (full- and half-width forms are different characters, as they are to
the search).
"""

from __future__ import annotations

from collections.abc import Sequence

from telereader.core.query import fold_case

ELLIPSIS = "…"
SHORTEST = 60  # a passage is at least this long where the body has the text for it
LONGEST = 90  # and at most this long, unless the match itself is longer
BEFORE = 24  # at most this much text before the match, when no mark is nearer
# Marks a passage may end after (kept) and begin after (left out).
SENTENCE_ENDS = "。！？!?；;…"
# Marks a passage may end before (left out) and begin after (left out). ASCII "," and "." are
# not marks: they stand inside numbers (1,000.5).
CLAUSE_MARKS = "，、：:）)】」』”"
OPENING_MARKS = "（(【「『“"  # a passage may begin at these (kept)


def snippet(body: str, terms: Sequence[str], title: str | None = None) -> str | None:
    """The passage of `body` around the first occurrence of a search term, or None when
    nothing needs showing: every term occurs in `title` (the row's title shows the match), or
    no term occurs in the body."""
    wanted = [term for term in terms if term]
    if title:
        folded_title = fold_case(title)
        wanted = [term for term in wanted if term not in folded_title]
    if not wanted:
        return None
    found = _first_match(body, wanted)
    if found is None:
        return None
    start, end = found
    begin = _passage_begin(body, start)
    finish = _passage_end(body, begin, end)
    if finish - begin < SHORTEST and begin > 0:  # the match is near the end: more before it
        begin = _earlier_begin(body, begin, finish)
    text = " ".join(body[begin:finish].split())
    if begin > 0 and body[:begin].strip():
        text = ELLIPSIS + text
    if finish < len(body) and body[finish:].strip() and not text.endswith(ELLIPSIS):
        text += ELLIPSIS
    return text


def _first_match(body: str, terms: Sequence[str]) -> tuple[int, int] | None:
    """(start, end) in `body` of the earliest occurrence of any (case-folded) term."""
    folded = fold_case(body)
    positions: list[int] | None = None
    if len(folded) != len(body):  # a few letters (İ) fold to two characters: map back
        pieces = [fold_case(char) for char in body]
        folded = "".join(pieces)
        positions = [index for index, piece in enumerate(pieces) for _ in piece]
    best: tuple[int, int] | None = None
    for term in terms:
        at = folded.find(term)
        if at != -1 and (best is None or at < best[0]):
            best = (at, at + len(term))
    if best is None or positions is None:
        return best
    return positions[best[0]], positions[best[1] - 1] + 1


def _passage_begin(body: str, start: int) -> int:
    """Where the passage begins: after the last mark within BEFORE characters before the
    match, else at the body's start when it is that near, else BEFORE characters back."""
    earliest = max(0, start - BEFORE)
    for at in range(start - 1, earliest - 1, -1):
        char = body[at]
        if char in SENTENCE_ENDS or char in CLAUSE_MARKS or char == "\n":
            return at + 1
        if char in OPENING_MARKS:
            return at
    if earliest == 0:
        return 0
    return _outside_word(body, earliest, +1, start)


def _earlier_begin(body: str, begin: int, finish: int) -> int:
    """A beginning earlier than `begin` that makes the passage about SHORTEST long: after the
    mark nearest to that length (at most LONGEST), else LONGEST characters before `finish`."""
    earliest = max(0, finish - LONGEST)
    for at in range(min(begin, finish - SHORTEST) - 1, earliest - 1, -1):
        char = body[at]
        if char in SENTENCE_ENDS or char in CLAUSE_MARKS or char == "\n":
            return at + 1
        if char in OPENING_MARKS:
            return at
    if earliest == 0:
        return 0
    return _outside_word(body, earliest, +1, begin)


def _passage_end(body: str, begin: int, end: int) -> int:
    """Where the passage ends: at the first mark between SHORTEST and LONGEST characters
    from its beginning (never inside the match), else LONGEST characters on."""
    longest = max(begin + LONGEST, end + BEFORE)
    if len(body) <= longest:
        return len(body)
    for at in range(max(end, begin + SHORTEST), longest):
        char = body[at]
        if char in SENTENCE_ENDS:
            return at + 1
        if char in CLAUSE_MARKS or char in OPENING_MARKS or char == "\n":
            return at
    return _outside_word(body, longest, -1, end)


def _outside_word(body: str, at: int, step: int, limit: int) -> int:
    """`at`, moved (towards `limit`, at most a few characters) off the middle of a Latin word
    or number, which a cut would make unreadable."""
    moved = at
    for _ in range(12):
        if moved == limit or not (_is_latin(body[moved - 1]) and _is_latin(body[moved])):
            return moved
        moved += step
    return at


def _is_latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".,%")
