"""Library-wide search: a query → the newest (or best) matching items and how many match.

Exact terms (one run of letters and digits, by far the most typed) are answered by the index
alone, counts included. Other terms are narrowed by the index and re-checked against the text,
so results are always exactly `Query.matches`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from telereader.core.filters import ItemFilter
from telereader.core.query import Query, parse_query
from telereader.core.search_index import INDEX_TABLE, is_exact, term_expression
from telereader.core.store import Store, StoredItem

DEFAULT_LIMIT = 100
# bm25 ranks every match; over this many it costs more than a reader waits, so such a search
# stays newest first (the result says so).
RANK_AT_MOST = 20_000


@dataclass
class SearchResult:
    query: Query
    items: list[StoredItem] = field(default_factory=list)
    total: int = 0
    elapsed_ms: float = 0.0
    ranked: bool = False  # best match first (else newest first)

    def to_json(self) -> dict:
        return {
            "items": [item.to_json() for item in self.items],
            "total": self.total,
            "elapsed_ms": round(self.elapsed_ms, 2),
        }


def search(
    store: Store,
    text: str,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    search_filter: ItemFilter | None = None,
    best_first: bool = False,
) -> SearchResult:
    """The page of `limit` matches after the first `offset`, and the number of all matches."""
    began = time.perf_counter()
    query = parse_query(text)
    result = SearchResult(query)
    if query.include or query.exclude:
        page = (max(0, offset), max(0, limit))
        _run(store, query, page, search_filter or ItemFilter(), best_first, result)
    result.elapsed_ms = (time.perf_counter() - began) * 1000
    return result


def _run(store, query: Query, page: tuple[int, int], search_filter, best_first: bool, result):
    offset, limit = page
    include = [term_expression(term) for term in query.include]
    exact = all(is_exact(term) for term in query.include + query.exclude) and bool(include)
    match = " AND ".join(f"({expression})" for expression in include if expression)
    if exact:
        for term in query.exclude:
            match += f" NOT ({term_expression(term)})"
    conditions, params = search_filter.sql()
    where = "".join(f" AND {condition}" for condition in conditions)
    conn = store.conn

    if exact:
        if conditions:
            result.total = conn.execute(
                f"SELECT count(*) FROM {INDEX_TABLE} JOIN items ON items.seq = {INDEX_TABLE}.rowid "
                f"WHERE {INDEX_TABLE} MATCH ?{where}",
                [match, *params],
            ).fetchone()[0]
        else:
            result.total = conn.execute(
                f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?", [match]
            ).fetchone()[0]
        ranked = best_first and result.total <= RANK_AT_MOST
        order = (
            f"bm25({INDEX_TABLE}), {INDEX_TABLE}.rowid DESC"
            if ranked
            else f"{INDEX_TABLE}.rowid DESC"
        )
        seqs = [
            row[0]
            for row in conn.execute(
                f"SELECT {INDEX_TABLE}.rowid FROM {INDEX_TABLE} "
                f"JOIN items ON items.seq = {INDEX_TABLE}.rowid "
                f"WHERE {INDEX_TABLE} MATCH ?{where} ORDER BY {order} LIMIT ? OFFSET ?",
                [match, *params, limit, offset],
            )
        ]
        result.ranked = ranked
    else:
        seqs = []
        total = 0
        for seq, title, body in _candidates(conn, match, where, params):
            if query.matches(title, body):
                if offset <= total < offset + limit:
                    seqs.append(seq)
                total += 1
        result.total = total
    result.items = store.items_by_seq(seqs)


def _candidates(conn, match: str, where: str, params: list) -> Iterator[tuple]:
    """Items that may match, newest first: narrowed by the index where the query has
    letters or digits to look up, else every item."""
    if match:
        return conn.execute(
            f"SELECT items.seq, items.title, items.body FROM {INDEX_TABLE} "
            f"JOIN items ON items.seq = {INDEX_TABLE}.rowid "
            f"WHERE {INDEX_TABLE} MATCH ?{where} ORDER BY {INDEX_TABLE}.rowid DESC",
            [match, *params],
        )
    return conn.execute(
        f"SELECT items.seq, items.title, items.body FROM items WHERE 1{where} "
        "ORDER BY items.seq DESC",
        params,
    )
