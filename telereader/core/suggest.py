"""Watchlist suggestions: words that often occur with a list's keywords.

The newest hits of the list are cut (rjieba: a few hundred items in a fraction of a second) and
each word is ranked by G² (hotwords.log_likelihood) of its share among the hits against its share
in the rest of the library (the word statistics' totals): words that keep company with the
keywords, not words that are everywhere. The keywords' own words are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from telereader.core.hotwords import WordScore, log_likelihood
from telereader.core.lexicon import lexicon_words
from telereader.core.wordcut import WordCutter

if TYPE_CHECKING:
    from telereader.core.store import Store

HITS_READ = 400  # the newest hits: what the list is about now
MIN_TOGETHER = 2
DEFAULT_SUGGESTIONS = 8

_cutter: tuple[tuple[str, ...], WordCutter] | None = None


def _cutter_for(store: Store) -> WordCutter:
    global _cutter
    lexicon = lexicon_words(store)
    if _cutter is None or _cutter[0] != lexicon:
        _cutter = (lexicon, WordCutter(lexicon))
    return _cutter[1]


def keyword_words(keywords: list[str]) -> set[str]:
    """The plain words of keywords written in the watchlist grammar (宁德时代|CATL, -黄金周, =AI)."""
    words = set()
    for keyword in keywords:
        for term in keyword.split():
            if term.startswith("-"):
                continue
            words.update(part.lstrip("=") for part in term.split("|") if part.lstrip("="))
    return words


def suggestions(
    store: Store, watchlist_id: int, keywords: list[str], *, limit: int = DEFAULT_SUGGESTIONS
) -> list[WordScore]:
    hits = store.conn.execute(
        "SELECT items.title, items.body FROM watch_hits JOIN items USING (seq) "
        "WHERE watch_hits.watchlist_id = ? ORDER BY watch_hits.seq DESC LIMIT ?",
        [watchlist_id, HITS_READ],
    ).fetchall()
    if not hits:
        return []
    counts = _cutter_for(store).count(hits)
    own = keyword_words(keywords)
    library = store.conn.execute("SELECT coalesce(sum(counted), 0) FROM word_days").fetchone()[0]
    rest_items = max(library - len(hits), 1)
    totals = dict(
        store.conn.execute(
            f"SELECT word, items FROM word_totals WHERE word IN ({','.join('?' * len(counts))})",
            list(counts),
        ).fetchall()
    ) if counts else {}  # fmt: skip
    scored = []
    for word, together in counts.items():
        if together < MIN_TOGETHER or any(word in k or k in word for k in own):
            continue
        elsewhere = max(totals.get(word, 0) - together, 0)
        if together * rest_items > elsewhere * len(hits):
            score = log_likelihood(together, len(hits), elsewhere, rest_items)
            scored.append(WordScore(word, together, score))
    scored.sort(key=lambda entry: (-entry.score, -entry.count, entry.word))
    return scored[:limit]
