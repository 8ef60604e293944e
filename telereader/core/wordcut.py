"""Items → the words they are about: jieba with a finance dictionary, minus what is not news.

jieba's own dictionary cuts 财联社 as 财/联社 and 宁德时代 as 宁德/时代, and plain TF-IDF over a day
ranks the dateline's pieces (14, 联社, 日电) first. So, before and after jieba:
- the dateline (财联社1月14日电，) and the trailing attribution (（新华社）) are cut off the body;
- jieba gets the shipped finance words (resources/words/finance.txt) and the library's own theme
  and company names (lexicon.py) as whole words;
- single characters, numbers, amounts, dates and filler (resources/words/filler.txt) are dropped.

jieba runs with its HMM off: it then keeps to its dictionary (and ours), which is what a ranking of
names needs, and cuts ~1.6× faster. rjieba (jieba-rs: jieba's dictionary and algorithm in Rust)
gives the same cuts ~15× faster still and is used when installed (docs/benchmarks.md, "Words").
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DATELINE = re.compile(
    r"^(?:《[^》\n]{1,16}》[\u4e00-\u9fff]{0,6}?|[\u4e00-\u9fff]{2,10}?)"
    r"(?:\d{1,2}月)?\d{1,2}日(?:电|讯)[，,:：\s]*"
)
_ATTRIBUTION = re.compile(r"\s*[（(][^()（）\n]{1,24}[)）]\s*$")
# A number with or without its unit: 527.8万桶, 20cm, 1月14日, 2025年, 0.92%, 3.5倍, 10点.
_NUMBER = re.compile(
    r"^[\d.,:：%％+\-~～]*\d[\d.,:：%％+\-~～]*"
    r"(?:cm|[年月日号时分秒亿万千百个只家股倍元点桶吨周天次名位期季度]|bp|pct)*$",
    re.IGNORECASE,
)
_WORD_CHARACTER = re.compile(r"[\w\u4e00-\u9fff]")
# Codes rather than words: TOP26, 2025Q4, 600519 (a short one such as 5G or H20 is a name)
_CODE = re.compile(r"^(?=[A-Za-z]*\d)[A-Za-z\d._-]{5,}$")
MIN_WORD_LENGTH = 2
TOPIC_TAGS = frozenset({"vn", "an", "j"})  # besides every noun tag (n, nr, ns, nt, nz...)


def _word_file(name: str) -> list[str]:
    """The words of resources/words/NAME: white-space separated, `#` starts a comment line."""
    text = resources.files("telereader.resources").joinpath("words", name).read_text("utf-8")
    return [
        word
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
        for word in line.split()
    ]


@lru_cache(maxsize=1)
def shipped_words() -> tuple[str, ...]:
    return tuple(_word_file("finance.txt"))


@lru_cache(maxsize=1)
def filler_words() -> frozenset[str]:
    return frozenset(_word_file("filler.txt"))


def news_text(title: str | None, body: str) -> str:
    """The title and the body without its dateline and attribution: the words of the news."""
    body = _ATTRIBUTION.sub("", _DATELINE.sub("", body, count=1))
    return f"{title}\n{body}" if title else body


@lru_cache(maxsize=1 << 18)  # a day repeats most of its words: each is judged once
def is_news_word(word: str) -> bool:
    """A word worth counting: two characters or more, not a number or amount, not filler."""
    return (
        len(word) >= MIN_WORD_LENGTH
        and _WORD_CHARACTER.match(word) is not None
        and not _NUMBER.match(word)
        and not _CODE.match(word)
        and word not in filler_words()
    )


@dataclass(frozen=True)
class Dictionary:
    """What jieba's dict.txt says beyond the cut: each word's share of its (generic) corpus, and
    the words it tags as anything but noun-like."""

    shares: dict[str, float]
    not_topics: frozenset[str]


@lru_cache(maxsize=1)
def jieba_dictionary() -> Dictionary:
    """Read once: 显示, 大幅, 我国 and 多家 (a verb, an adverb, a pronoun, a measure word) say
    nothing about a topic; nouns, verbal nouns (贸易, 出口), abbreviations (国新办) and words
    jieba does not know (AI, the finance words) are kept."""
    import jieba

    frequencies: dict[str, int] = {}
    dropped = set()
    with jieba.Tokenizer().get_dict_file() as dictionary:
        for line in dictionary:
            word, frequency, tag = line.decode("utf-8").split()
            frequencies[word] = int(frequency)
            if not (tag.startswith("n") or tag in TOPIC_TAGS):
                dropped.add(word)
    total = sum(frequencies.values())
    shares = {word: frequency / total for word, frequency in frequencies.items()}
    return Dictionary(shares, frozenset(dropped))


def _segmenter() -> tuple[Callable[[str], list[str]], Callable[[str], object]]:
    """(cut, add_word) over jieba's dictionary with its HMM off: rjieba (jieba-rs, the same
    dictionary and the same cuts, ~15× faster: docs/benchmarks.md) when it is installed,
    else jieba itself."""
    try:
        import rjieba
    except ImportError:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # "Building prefix dict..." is not for the reader
        tokenizer = jieba.Tokenizer()
        return (lambda text: tokenizer.lcut(text, HMM=False)), tokenizer.add_word
    segmenter = rjieba.Jieba()
    return (
        (lambda text: segmenter.cut(text, False)),
        (lambda word: segmenter.add_word(word, None, None)),
    )


class WordCutter:
    """One segmenter with the shipped words and the library's lexicon added."""

    def __init__(self, lexicon: Iterable[str] = (), *, segmenter=None):
        self._cut, self._add_word = segmenter or _segmenter()
        self._dictionary = jieba_dictionary()
        self._known: set[str] = set()
        self.add(shipped_words())
        self.add(lexicon)

    def add(self, words: Iterable[str]) -> None:
        for word in words:
            if word not in self._known and len(word) >= MIN_WORD_LENGTH:
                self._known.add(word)
                self._add_word(word)  # no frequency: one that keeps the word whole is suggested

    @property
    def known(self) -> frozenset[str]:
        """The words added to jieba's: shipped and learnt."""
        return frozenset(self._known)

    def pieces(self, title: str | None, body: str) -> list[str]:
        """The item's news text as jieba cuts it, every piece in order (collocations.py)."""
        return self._cut(news_text(title, body))

    def words(self, title: str | None, body: str) -> set[str]:
        """The news words of one item, each once."""
        not_topics = self._dictionary.not_topics
        return {
            word
            for word in self._cut(news_text(title, body))
            if is_news_word(word) and (word in self._known or word not in not_topics)
        }

    def generic(self, word: str) -> float:
        """The word's share of jieba's generic dictionary (a large general corpus), 0 for the
        words we added: how ordinary the word is anywhere, the stand-in background of a
        library too small to have one (hotwords.py)."""
        if word in self._known:
            return 0.0
        return self._dictionary.shares.get(word, 0.0)

    def count(self, items: Iterable[tuple[str | None, str]]) -> dict[str, int]:
        """How many of `items` (title, body) hold each word."""
        counts: dict[str, int] = {}
        for title, body in items:
            for word in self.words(title, body):
                counts[word] = counts.get(word, 0) + 1
        return counts


_worker_cutter: tuple[tuple[str, ...], WordCutter] | None = None
_lowered = False
BACKGROUND_NICENESS = 10


def count_in_worker(
    items: list[tuple[str | None, str]], lexicon: tuple[str, ...], in_background: bool = False
) -> dict[str, tuple[int, float]]:
    """word → (items holding it, its generic share), in a worker process, which keeps its
    cutter while the lexicon stays the same. `in_background`: the worker gives way to every
    other process (the reader's window first) by lowering its own priority once."""
    cutter = worker_cutter(lexicon, in_background)
    return {word: (count, cutter.generic(word)) for word, count in cutter.count(items).items()}


def worker_cutter(lexicon: tuple[str, ...], in_background: bool = False) -> WordCutter:
    """This process's cutter for `lexicon`, made once while the lexicon stays the same."""
    global _worker_cutter, _lowered
    if in_background and not _lowered and hasattr(os, "nice"):
        os.nice(BACKGROUND_NICENESS)
        _lowered = True
    if _worker_cutter is None or _worker_cutter[0] != lexicon:
        _worker_cutter = (lexicon, WordCutter(lexicon))
    return _worker_cutter[1]
