"""What a reader types into the search box, and what it means.

The contract is "find": a term matches an item whose title or body contains it as written,
Latin letters ignoring case. Space-separated terms must all match, `-term` excludes, and a
quoted phrase matches as written, spaces included. No text a user can type raises or means
anything else: there is no operator syntax to get wrong.
"""

from __future__ import annotations

import re

from telereader.core.record import Record

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


def fold_case(text: str) -> str:
    """The one case rule for search, watchlists and the index: Latin (and every other cased
    script) by `str.lower`, nothing else changed, so substring containment is kept."""
    return text.lower()


class Query(Record):
    include: tuple[str, ...] = ()  # case-folded terms that must all occur
    exclude: tuple[str, ...] = ()  # case-folded terms that must not occur

    @property
    def is_empty(self) -> bool:
        return not self.include and not self.exclude

    def matches(self, title: str | None, body: str) -> bool:
        """The definition of a match; every faster path must agree with it. An empty query
        matches nothing."""
        if self.is_empty:
            return False
        texts = (fold_case(title), fold_case(body)) if title else (fold_case(body),)
        return all(any(term in text for text in texts) for term in self.include) and not any(
            term in text for term in self.exclude for text in texts
        )


def parse_query(text: str) -> Query:
    """`黄金 -黄金周 "美联储 褐皮书"` → include 黄金 and the phrase, exclude 黄金周.

    An unclosed quote runs to the end; an empty phrase and a lone `-` (an exclusion not yet
    typed) are ignored.
    """
    include: list[str] = []
    exclude: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if phrase.strip():
                include.append(fold_case(phrase))
            continue
        if word.startswith("-"):
            if len(word) > 1:
                exclude.append(fold_case(word[1:]))
            continue
        include.append(fold_case(word))
    return Query(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))
