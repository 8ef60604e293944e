"""Terms that recur as a unit: neighbouring words jieba cuts apart that occur together far more
often than chance, learnt from the library itself and added to the word layer's dictionary.

jieba cuts 固态电池 as 固态/电池 and 液冷服务器 as 液冷/服务器: the reader's topic falls apart into
two generic words. A pair of neighbouring news words (a, b) is taken as one term when it
occurs at least `min_count` times and its normalised pointwise mutual information,

    npmi(a, b) = log(p(ab) / (p(a) p(b))) / -log p(ab),

is at least `min_npmi`: 1 when a and b never occur apart, 0 when they meet as often as chance
would have them. Unlike raw PMI it does not grow with the library's size, and unlike a count
it does not take frequent neighbours (芯片/需求) for a term. A second round over the text with
the learnt pairs joined finds terms of three words (人形/机器人/产业 once 人形机器人 is known).
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from telereader.core.wordcut import is_news_word

if TYPE_CHECKING:
    from telereader.core.store import Store

MIN_COUNT = 20
MIN_NPMI = 0.5
# A term is free to stand in many places: at least this many different news words before it,
# and as many after. A sentence the library repeats word for word (boilerplate, a synthetic
# corpus) has cohesive pairs too, but always the same neighbours.
MIN_NEIGHBOURS = 3
ROUNDS = 2
MAX_TERM_LENGTH = 8  # longer runs are phrases, not names
# The newest items read per learning: enough for a term to recur, little enough (about a
# second's cutting) for a catch-up's start.
SAMPLE_ITEMS = 20_000
COLLOCATION = "term"

Words = list[str | None]  # an item's news words in order, None where a run of neighbours breaks


def news_words(pieces: Iterable[str]) -> Words:
    """A cut text as its news words in order, with None where punctuation, a number or filler
    stood between two of them: a term never spans those."""
    words: Words = []
    for piece in pieces:
        if is_news_word(piece):
            words.append(piece)
        elif words and words[-1] is not None:
            words.append(None)
    return words


def collocations(
    items: list[Words],
    *,
    min_count: int = MIN_COUNT,
    min_npmi: float = MIN_NPMI,
    min_neighbours: int = MIN_NEIGHBOURS,
    rounds: int = ROUNDS,
    known: frozenset[str] | set[str] = frozenset(),
) -> dict[str, int]:
    """Terms (the joined words) → how often they occur, from items' news words."""
    learnt: dict[str, int] = {}
    for _ in range(rounds):
        found = _round(items, min_count, min_npmi, min_neighbours, known | learnt.keys())
        if not found:
            break
        learnt.update(found)
        items = [_joined(words, found) for words in items]
    return learnt


def _round(items: list[Words], min_count, min_npmi, min_neighbours, known) -> dict[str, int]:
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for words in items:
        counts.update(word for word in words if word is not None)
        pairs.update(pair for pair in itertools.pairwise(words) if None not in pair)
    total = sum(counts.values())
    cohesive = set()
    for (first, second), count in pairs.items():
        term = first + second
        if count < min_count or first == second or len(term) > MAX_TERM_LENGTH or term in known:
            continue
        joint = count / total
        pmi = math.log(joint / (counts[first] / total * counts[second] / total))
        if pmi / -math.log(joint) >= min_npmi:
            cohesive.add((first, second))
    before, after = _neighbours(items, cohesive)
    return {
        first + second: pairs[first, second]
        for first, second in cohesive
        if min(len(before[first, second]), len(after[first, second])) >= min_neighbours
    }


def _neighbours(items: list[Words], pairs: set) -> tuple[dict, dict]:
    """For each pair, the news words seen just before it and just after it in its items."""
    before: dict[tuple[str, str], set[str]] = {pair: set() for pair in pairs}
    after: dict[tuple[str, str], set[str]] = {pair: set() for pair in pairs}
    for words in items:
        present = [word for word in words if word is not None]
        place = 0  # how many news words stand before words[index]
        for index, pair in enumerate(itertools.pairwise(words)):
            if pair in before:
                if place > 0:
                    before[pair].add(present[place - 1])
                if place + 2 < len(present):
                    after[pair].add(present[place + 2])
            if words[index] is not None:
                place += 1
    return before, after


def _joined(words: Words, terms: dict[str, int]) -> Words:
    """The words with each learnt pair taken as one word, left to right."""
    joined: Words = []
    for word in words:
        if joined and word is not None and joined[-1] is not None and joined[-1] + word in terms:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def learn_in_worker(
    library: str, day_from: str | None, lexicon: tuple[str, ...], in_background: bool = False
) -> dict[str, int]:
    """`collocations` of the library's sample (`sample_items`), cut in a worker process by its
    kept cutter (a cutter takes seconds to make: the catch-up's own thread never makes one).

    The worker reads the sample itself, read-only: 20,000 items sent down the pool's pipe were
    pickled in the window's process, holding the interpreter's lock throughout, and the window
    stalled 50-100 ms when the word catch-up began (issue 16)."""
    from telereader.core.wordcut import jieba_dictionary, worker_cutter

    conn = sqlite3.connect(f"{Path(library).resolve().as_uri()}?mode=ro", uri=True)
    try:
        items = sample_items(conn, day_from)
    finally:
        conn.close()
    cutter = worker_cutter(lexicon, in_background)
    words = [news_words(cutter.pieces(title, body)) for title, body in items]
    return collocations(words, known=cutter.known | jieba_dictionary().shares.keys())


def sample_items(
    conn: sqlite3.Connection, day_from: str | None = None
) -> list[tuple[str | None, str]]:
    """The newest news items (of `day_from` on), at most SAMPLE_ITEMS."""
    since, params = ("AND day >= ?", [day_from]) if day_from is not None else ("", [])
    return conn.execute(
        f"SELECT title, body FROM items WHERE kind != 'teaser' {since} "
        f"ORDER BY seq DESC LIMIT {SAMPLE_ITEMS}",
        params,
    ).fetchall()


def remember(store: Store, learnt: Iterable[str]) -> int:
    """Add learnt terms to the lexicon (names learnt otherwise keep their source); how many
    are new."""
    from telereader.core.lexicon import lexicon_size

    before = lexicon_size(store)
    with store.db.atomic():
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO lexicon (word, source) VALUES (?, ?)",
            [(term, COLLOCATION) for term in learnt],
        )
    return lexicon_size(store) - before
