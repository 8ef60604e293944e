"""The keyword grammar of watchlists, and whether one item matches a keyword.

A keyword is one line of the watchlist dialog:

- `黄金` matches an item whose title or body contains 黄金 (Latin letters ignoring case);
- `宁德时代|CATL` is one keyword with synonyms: any of them matches;
- `黄金 -黄金周` matches 黄金 except where it is part of 黄金周;
- `=AI` matches AI only as a whole word (not in AIDC); for Latin letters and digits;
- `美联储 降息`: several words on a line must all occur (like search terms);
- `@宁德时代` matches the items the market layer found naming the company or theme 宁德时代
  (core/markets.py: a learnt or added name, the longest where names overlap), not every
  passage that contains the characters; its words are marked in the text as `宁德时代` would be;
- `/宁德(时代|汽车)/` is a regular expression (Python `re`, Latin letters ignoring case), the whole
  line between the slashes, spaces included; a pattern `re` refuses is a KeywordError.

Matching is decided here, for one item at a time (`Keyword.matches`); the library-wide pass in
`watchlists.py` asks the search index for candidates first and checks them here where the index
cannot decide alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from telereader.core.query import fold_case
from telereader.core.regex_keyword import (
    KeywordError,
    Requirement,
    compile_regex,
    is_plain_text,
    is_regex_line,
    required_literals,
)

__all__ = [
    "Alternative", "Keyword", "KeywordError", "WatchOptions", "Watchlist", "parse_keyword",
    "parse_keywords",
]  # fmt: skip

MAX_KEYWORD_LENGTH = 200


@dataclass(frozen=True)
class Alternative:
    text: str  # case-folded
    whole_word: bool = False


@functools.cache
def _whole_word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(text)}(?![a-z0-9])")


@dataclass(frozen=True)
class Keyword:
    line: str  # as the reader wrote it
    groups: tuple[tuple[Alternative, ...], ...]  # every group must match; any synonym of one
    exclusions: tuple[str, ...] = ()
    mention: str | None = None  # `@name`: matched through the market layer's mentions
    pattern: re.Pattern[str] | None = None  # `/…/`: a regular expression
    required: Requirement = ()  # for a pattern: text every match holds (regex_keyword.py)
    plain_pattern: bool = False  # a pattern of plain characters: the index decides it alone

    @property
    def alternatives(self) -> tuple[Alternative, ...]:
        return tuple(alternative for group in self.groups for alternative in group)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where this keyword's words stand in `text` (outside its exclusions); the caller
        decides whether every group was found (`matches`)."""
        if self.pattern is not None:
            return [m.span() for m in self.pattern.finditer(text) if m.end() > m.start()]
        return sorted(span for group in self.groups for span in self._group_spans(group, text))

    def _group_spans(self, group: tuple[Alternative, ...], text: str) -> list[tuple[int, int]]:
        folded = fold_case(text)
        if len(folded) != len(text):
            folded = text  # the rare letter whose lower case is longer: match as written
        blocked: list[tuple[int, int]] = []
        for exclusion in self.exclusions:
            start = folded.find(exclusion)
            while start != -1:
                blocked.append((start, start + len(exclusion)))
                start = folded.find(exclusion, start + 1)
        found = []
        for alternative in group:
            pattern = _whole_word(alternative.text) if alternative.whole_word else None
            if pattern is not None:
                hits = [(m.start(), m.end()) for m in pattern.finditer(folded)]
            else:
                hits = []
                start = folded.find(alternative.text)
                while start != -1:
                    hits.append((start, start + len(alternative.text)))
                    start = folded.find(alternative.text, start + 1)
            found += [
                (start, end)
                for start, end in hits
                if not any(b_start <= start and end <= b_end for b_start, b_end in blocked)
            ]
        return found

    def matches(self, title: str | None, body: str) -> bool:
        texts = (title or "", body)
        if self.pattern is not None:
            return any(self.pattern.search(text) is not None for text in texts if text)
        return all(any(self._group_found(group, text) for text in texts) for group in self.groups)

    def _group_found(self, group: tuple[Alternative, ...], text: str) -> bool:
        """Whether `_group_spans` would find anything, without listing every place: a library
        pass asks this of tens of thousands of items."""
        folded = fold_case(text)
        if len(folded) != len(text):
            folded = text
        if any(exclusion in folded for exclusion in self.exclusions):
            return bool(self._group_spans(group, text))  # the rare case: count places
        return any(
            _whole_word(alternative.text).search(folded) is not None
            if alternative.whole_word
            else alternative.text in folded
            for alternative in group
        )


def parse_keyword(line: str) -> Keyword | None:
    """One line of a watchlist; None for a blank line or one with nothing to match;
    KeywordError for a `/…/` pattern Python's `re` refuses."""
    stripped = line.strip()
    if is_regex_line(stripped):
        if len(stripped) > MAX_KEYWORD_LENGTH:
            raise KeywordError(stripped, f"longer than {MAX_KEYWORD_LENGTH} characters")
        pattern = compile_regex(stripped)
        return Keyword(
            line=stripped,
            groups=(),
            pattern=pattern,
            required=required_literals(pattern),
            plain_pattern=is_plain_text(pattern),
        )
    words = stripped[:MAX_KEYWORD_LENGTH].split()
    if not words:
        return None
    if len(words) == 1 and words[0].startswith("@") and len(words[0]) > 1:
        name = words[0][1:]
        return Keyword(line=words[0], groups=((Alternative(fold_case(name)),),), mention=name)
    exclusions = tuple(
        fold_case(word[1:]) for word in words if word.startswith("-") and len(word) > 1
    )
    groups = []
    for word in words:
        if word.startswith("-"):
            continue
        group: list[Alternative] = []
        for synonym in word.split("|"):
            whole = synonym.startswith("=") and len(synonym) > 1
            text = fold_case(synonym[1:] if whole else synonym)
            if text and Alternative(text, whole) not in group:
                group.append(Alternative(text, whole))
        if group:
            groups.append(tuple(group))
    if not groups:
        return None
    return Keyword(line=" ".join(words), groups=tuple(groups), exclusions=exclusions)


def parse_keywords(lines: list[str] | str, strict: bool = True) -> list[Keyword]:
    """The keywords of the lines, repeats once. A bad pattern raises KeywordError, or with
    `strict=False` (a list as stored, written before `/…/` meant a pattern) is left out."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    keywords = []
    for line in lines:
        try:
            keyword = parse_keyword(line)
        except KeywordError:
            if strict:
                raise
            continue
        if keyword is not None and keyword.line not in {k.line for k in keywords}:
            keywords.append(keyword)
    return keywords


@dataclass(frozen=True)
class WatchOptions:
    """How a list matches and whether it alerts: in titles only, among 加红 items only, and
    whether its new hits after an import raise the alert (a quiet list still lights items up)."""

    titles_only: bool = False
    important_only: bool = False
    alert: bool = True

    def to_json(self) -> dict[str, bool]:
        return {
            "titles_only": self.titles_only,
            "important_only": self.important_only,
            "alert": self.alert,
        }

    @classmethod
    def from_json(cls, data: dict) -> WatchOptions:
        """Options as a backup or export wrote them; a key left out keeps its default."""
        default = cls()
        return cls(
            titles_only=bool(data.get("titles_only", default.titles_only)),
            important_only=bool(data.get("important_only", default.important_only)),
            alert=bool(data.get("alert", default.alert)),
        )


@dataclass(frozen=True)
class Watchlist:
    id: int
    name: str
    colour: str
    keywords: tuple[Keyword, ...]
    options: WatchOptions = WatchOptions()

    def matches(self, title: str | None, body: str, important: bool = True) -> bool:
        if self.options.important_only and not important:
            return False
        if self.options.titles_only:
            body = ""
        return any(keyword.matches(title, body) for keyword in self.keywords)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return sorted(span for keyword in self.keywords for span in keyword.spans(text))

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "colour": self.colour,
            "keywords": [keyword.line for keyword in self.keywords],
            **self.options.to_json(),
        }
