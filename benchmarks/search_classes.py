"""The query classes bench_search.py times: what readers type, cut from the library's own text
so that each query finds something, and each class again under the list's filters."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from telereader.core.filters import ItemFilter
from telereader.core.store import Store

QUERIES_PER_CLASS = 20
STARRED_SAMPLE = 500
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# amounts and tickers as finance text writes them: 0.5%, 1.5万亿, 2.5亿元, A+H, S&P
_PUNCTUATED = re.compile(r"\d+\.\d+(?:%|万亿|亿元|亿)|[A-Za-z]+[&+][A-Za-z0-9]+|\d+%")


@dataclass(frozen=True)
class QueryClass:
    queries: list[str]
    search_filter: ItemFilter | None = None


def query_classes(store: Store, seed: int) -> dict[str, QueryClass]:
    rng = random.Random(seed)
    rows = store.db.execute("SELECT title, body FROM items LIMIT 20000").fetchall()
    bodies = [body for _, body in rows]
    spaced = [title for title, _ in rows if title and " " in title.strip()]

    def cut(length: int) -> str:
        while True:
            body = rng.choice(bodies)
            start = rng.randrange(max(1, len(body) - length))
            piece = body[start : start + length]
            if len(piece) == length and _CJK.match(piece):
                return piece

    def punctuated() -> str:
        while True:
            found = _PUNCTUATED.findall(rng.choice(bodies))
            if found:
                return rng.choice(found)

    def phrase() -> str:
        title = rng.choice(spaced)
        at = rng.choice([i for i, char in enumerate(title) if char == " "])
        return '"' + title[max(0, at - 3) : at + 4].strip('"') + '"'

    n = QUERIES_PER_CLASS
    classes = {f"{k} char{'s' if k > 1 else ''}": [cut(k) for _ in range(n)] for k in (1, 2, 3, 6)}
    classes["two terms"] = [f"{cut(2)} {cut(2)}" for _ in range(n)]
    classes["excluding"] = [f"{a} -{a}{cut(1)}" for a in (cut(2) for _ in range(n))]
    classes["punctuation"] = [punctuated() for _ in range(n)]
    if spaced:
        classes["phrase with a space"] = [phrase() for _ in range(n)]
    result = {name: QueryClass(queries) for name, queries in classes.items()}
    last = dt.date.fromisoformat(store.db.execute("SELECT max(day) FROM items").fetchone()[0])
    year = ItemFilter(day_from=last - dt.timedelta(days=364), day_to=last)
    filters = {"last year": year, "加红": ItemFilter(important_only=True),
               "星标": ItemFilter(starred_only=True)}  # fmt: skip
    for base in ("1 char", "2 chars", "two terms", "punctuation", "phrase with a space"):
        for label, search_filter in filters.items():
            if base in classes:
                result[f"{base} + {label}"] = QueryClass(classes[base], search_filter)
    return result


def star_a_sample(store: Store, seed: int) -> None:
    """Stars for the 星标 classes without writing to the library: a TEMP table named `stars`
    hides the library's own for this connection."""
    seqs = [row[0] for row in store.db.execute("SELECT seq FROM items")]
    chosen = random.Random(seed).sample(seqs, min(len(seqs), STARRED_SAMPLE))
    store.db.execute("CREATE TEMP TABLE stars (item_id TEXT PRIMARY KEY, starred_at TEXT)")
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO temp.stars (item_id) SELECT id FROM items WHERE seq = ?",
        [(seq,) for seq in chosen],
    )
    # sqlite3 opened a transaction for the inserts: left open, every timed search would run
    # inside it (one snapshot, and never a split count: count_split.py), unlike the window's
    store.conn.commit()


def ripgrep_term(query: str) -> str:
    """What rg -F is given for a query: a quoted phrase as written, else the first term (rg has
    no AND nor NOT, which flatters rg)."""
    if query.startswith('"'):
        return query.strip('"')
    return query.split()[0]
