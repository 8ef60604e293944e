"""Stories that go together: items related to an item (sharing its companies and themes, or its
wording), and near-duplicates (the same story sent again a few minutes later).

Names come from the market layer (core/markets.py): a name shared by few items says more than one
shared by many, so each counts by its inverse document frequency. Wording is compared on
character pairs of the text without its dateline, which needs no segmentation and treats
Chinese, numbers and Latin alike.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, combinations

from telereader.core.text import without_dateline

CANDIDATES_PER_NAME = 200  # the items nearest in time that share a name, per name
SIMILAR_AT = 0.7  # share of the shorter text's pairs found in the other: a near-duplicate
RARE_IN_DAY = 6  # a pair held by this many items of a day or fewer tells stories apart
DUPLICATE_WITHIN = dt.timedelta(hours=3)  # a story sent again is sent again soon
WORDING_WEIGHT = 4.0  # a wording fully shared counts as much as a rare name, or more
THREAD_DAYS = 7  # a story continues over days at most this far apart, step by step


@dataclass(frozen=True, slots=True)
class Related:
    item_id: str
    score: float
    why: tuple[str, ...]  # the shared names, and "wording" when the text itself is close


def pairs(title: str | None, body: str) -> frozenset[str]:
    """The character pairs of an item's text, without its dateline and white space."""
    text = "".join(f"{title or ''}{without_dateline(body)}".split())
    return frozenset(map(operator.add, text, text[1:]))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the shorter text the other holds, 0 to 1."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def near_duplicates(items: list[tuple[str, dt.datetime, str | None, str]]) -> dict[str, str]:
    """Within one day's (id, time, title, body) rows: each near-duplicate's id → the id of the
    fullest item of its story, which stands for the group.

    Only items that share a pair rare in the day are compared (a story sent again keeps its
    distinctive words, which few other items of the day have): a day is then near linear in its
    text, not quadratic in its items."""
    texts = {item_id: pairs(title, body) for item_id, _, title, body in items}
    times = {item_id: time for item_id, time, _, _ in items}
    frequency = Counter(chain.from_iterable(texts.values()))
    rare = {pair for pair, count in frequency.items() if 1 < count <= RARE_IN_DAY}
    holders: dict[str, list[str]] = {}
    for item_id, text in texts.items():
        for pair in text & rare:
            holders.setdefault(pair, []).append(item_id)
    compared: set[tuple[str, str]] = set()
    for sharing in holders.values():
        compared.update(combinations(sharing, 2))
    size = {item_id: (len(text), times[item_id]) for item_id, text in texts.items()}
    fullest: dict[str, str] = {}
    for a, b in compared:
        if size[a] == size[b] or abs(times[a] - times[b]) > DUPLICATE_WITHIN:
            continue
        shorter, fuller = (a, b) if size[a] < size[b] else (b, a)
        if overlap(texts[shorter], texts[fuller]) >= SIMILAR_AT:
            known = fullest.get(shorter)
            if known is None or (size[fuller], fuller) > (size[known], known):
                fullest[shorter] = fuller
    return {item_id: _root(fullest, item_id) for item_id in fullest}


def _root(leader: dict[str, str], item_id: str) -> str:
    while item_id in leader:
        item_id = leader[item_id]
    return item_id


def related(conn: sqlite3.Connection, item_id: str, limit: int = 20) -> list[Related]:
    """Items that share the item's companies, themes or wording, best first."""
    row = conn.execute("SELECT day, title, body FROM items WHERE id = ?", [item_id]).fetchone()
    if row is None:
        return []
    day, title, body = row
    names = [name for (name,) in conn.execute(
        "SELECT name FROM market_mentions WHERE item_id = ?", [item_id]
    )]  # fmt: skip
    # the library's size from the per-day counts every import keeps: counting `items` itself
    # read its whole smallest index (17 ms warm at ten years, seconds cold) at every lookup,
    # and a thread's lookup makes dozens
    total = conn.execute("SELECT sum(items) FROM day_counts").fetchone()[0] or 1
    scores: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    for name in names:
        found = conn.execute(
            "SELECT item_id FROM market_mentions WHERE name = ? AND item_id != ? "
            "ORDER BY abs(julianday(day) - julianday(?)) LIMIT ?",
            [name, item_id, day, CANDIDATES_PER_NAME],
        ).fetchall()
        count = conn.execute(
            "SELECT count(*) FROM market_mentions WHERE name = ?", [name]
        ).fetchone()[0]
        weight = math.log(1 + total / max(count, 1))
        for (other,) in found:
            scores[other] = scores.get(other, 0.0) + weight
            why.setdefault(other, []).append(name)
    same_day = conn.execute(
        "SELECT id, title, body FROM items WHERE day = ? AND id != ?", [day, item_id]
    ).fetchall()
    mine = pairs(title, body)
    candidates = {other: (t, b) for other, t, b in same_day}
    candidates.update(_texts(conn, [other for other in scores if other not in candidates]))
    for other, (other_title, other_body) in candidates.items():
        wording = overlap(mine, pairs(other_title, other_body))
        if wording >= 0.3:
            scores[other] = scores.get(other, 0.0) + WORDING_WEIGHT * wording
            why.setdefault(other, []).append("wording")
    ranked = sorted(scores, key=lambda other: (-scores[other], other))[:limit]
    return [Related(other, round(scores[other], 3), tuple(why[other])) for other in ranked]


def thread(
    conn: sqlite3.Connection,
    item_id: str,
    max_steps: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[str]:
    """The story the item belongs to, over days: related items (by a shared name and close
    wording) linked a day after another within THREAD_DAYS, in time order.

    Each step looks up one linked item's related items (a few hundred ms at ten years, where a
    common name links hundreds): `max_steps` bounds them for a reader waiting on the answer,
    nearest links first; `cancelled` stops early (the reader went on), with what was found."""
    linked = {item_id}
    frontier = [item_id]
    steps = 0
    while frontier and not cancelled() and (max_steps is None or steps < max_steps):
        steps += 1
        current = frontier.pop(0)
        (day,) = conn.execute("SELECT day FROM items WHERE id = ?", [current]).fetchone()
        start = dt.date.fromisoformat(day)
        for found in related(conn, current, limit=50):
            if found.item_id in linked or "wording" not in found.why or len(found.why) < 2:
                continue
            (other_day,) = conn.execute(
                "SELECT day FROM items WHERE id = ?", [found.item_id]
            ).fetchone()
            if abs((dt.date.fromisoformat(other_day) - start).days) <= THREAD_DAYS:
                linked.add(found.item_id)
                frontier.append(found.item_id)
    rows = conn.execute(
        f"SELECT id FROM items WHERE id IN ({','.join('?' * len(linked))}) ORDER BY time, position",
        list(linked),
    )
    return [found for (found,) in rows]


def _texts(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str | None, str]]:
    texts: dict[str, tuple[str | None, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"SELECT id, title, body FROM items WHERE id IN ({','.join('?' * len(chunk))})", chunk
        )
        texts.update({found: (title, body) for found, title, body in rows})
    return texts
