"""Hot words of a day or range, and rising terms, from the per-day statistics (wordstats.py).

Both rank by Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate methods for the
statistics of surprise and coincidence"): for a word held by `a` of the `c` items of the range and
by `b` of the `d` items it is compared with,

    G² = 2 · (a·ln(a/E₁) + b·ln(b/E₂)),   E₁ = c·(a+b)/(c+d),   E₂ = d·(a+b)/(c+d)

keeping only words more frequent in the range than outside. Unlike a ratio, G² does not shoot up
for a word seen twice, and unlike a count it sinks words every day repeats.

- Hot: the range against the rest of the library, plus a prior of PRIOR_ITEMS items in which
  each word is as frequent as in jieba's generic dictionary. In a big library the library
  dominates; in a library of one day (the first start) the prior is the background, so 中国 or
  新闻 still rank below the day's own names.
- Rising: the range (the last N days) against every day before it, no prior: what changed, not
  what is unusual. A word the days before never held is `new`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from telereader.core.store import Store

MIN_COUNT = 3  # a word held by fewer items is not a topic
DEFAULT_LIMIT = 20
PRIOR_ITEMS = 5_000
# jieba's share is per word cut; an item holds ~80 words, so it holds a word of share s with a
# probability of about 80·s.
WORDS_PER_ITEM = 80


@dataclass(frozen=True)
class WordScore:
    word: str
    count: int  # items of the range holding it
    score: float  # G²
    new: bool = False  # rising: never held by an item before the range

    def to_json(self, rising: bool = False) -> dict:
        shown = {"word": self.word, "count": self.count, "score": round(self.score, 2)}
        return shown | {"new": self.new} if rising else shown


def log_likelihood(a: float, c: float, b: float, d: float) -> float:
    """G² of `a` in `c` against `b` in `d` (0 when either side is empty)."""
    if c <= 0 or d <= 0 or a + b <= 0:
        return 0.0
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    g = 0.0
    if a > 0:
        g += a * math.log(a / expected_a)
    if b > 0:
        g += b * math.log(b / expected_b)
    return 2.0 * g


def _items_counted(store: Store, where: str = "1", params: tuple = ()) -> int:
    return store.conn.execute(
        f"SELECT coalesce(sum(counted), 0) FROM word_days WHERE {where}", params
    ).fetchone()[0]


def hot_words(
    store: Store,
    first: str,
    last: str | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    min_count: int = MIN_COUNT,
) -> list[WordScore]:
    """The words the days `first`..`last` (ISO dates) are about, best first."""
    last = last or first
    range_items = _items_counted(store, "day BETWEEN ? AND ?", (first, last))
    background_items = _items_counted(store) - range_items + PRIOR_ITEMS
    rows = store.conn.execute(
        "SELECT day_words.word, sum(day_words.items) AS held, word_totals.items, "
        "word_totals.generic FROM day_words JOIN word_totals USING (word) "
        "WHERE day_words.day BETWEEN ? AND ? GROUP BY day_words.word HAVING held >= ?",
        [first, last, min_count],
    )
    scored = []
    for word, held, total, generic in rows:
        outside = total - held + PRIOR_ITEMS * min(1.0, generic * WORDS_PER_ITEM)
        if held * background_items > outside * range_items:
            score = log_likelihood(held, range_items, outside, background_items)
            scored.append(WordScore(word, held, score))
    return _best(scored, limit)


def rising_words(
    store: Store,
    first: str,
    last: str | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    min_count: int = MIN_COUNT,
) -> list[WordScore]:
    """Words far more frequent in `first`..`last` than in every day before `first`; none when
    the library has nothing before."""
    last = last or first
    recent_items = _items_counted(store, "day BETWEEN ? AND ?", (first, last))
    before_items = _items_counted(store, "day < ?", (first,))
    if before_items == 0:
        return []
    rows = store.conn.execute(
        "SELECT day_words.word, sum(CASE WHEN day_words.day <= ? THEN day_words.items END) AS "
        "held, sum(day_words.items), word_totals.items FROM day_words JOIN word_totals "
        "USING (word) WHERE day_words.day >= ? GROUP BY day_words.word HAVING held >= ?",
        [last, first, min_count],
    )
    scored = []
    for word, held, since, total in rows:
        before = total - since
        if held * before_items > before * recent_items:
            score = log_likelihood(held, recent_items, before, before_items)
            scored.append(WordScore(word, held, score, new=before == 0))
    return _best(scored, limit)


def _best(scored: list[WordScore], limit: int) -> list[WordScore]:
    scored.sort(key=lambda entry: (-entry.score, -entry.count, entry.word))
    return scored[: max(0, limit)]
