"""Library-wide search: a query → the newest (or best) matching items and how many match.

Every term is answered by the index alone (search_index.py), counts included, and the filters
a reader sets become index terms and key ranges where they can (search_plan.py). A term the index
cannot decide (one holding a character of its private escape block) is narrowed by the index
and re-checked against the text, so results are always exactly `Query.matches`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from telereader.core.count_split import count_in_parts
from telereader.core.filters import ItemFilter
from telereader.core.index_writes import kept_items
from telereader.core.query import Query, parse_query
from telereader.core.record import Record, factory
from telereader.core.search_index import (
    INDEX_TABLE,
    is_exact,
    single_token,
    term_expression,
)
from telereader.core.search_plan import SearchPlan, plan_search
from telereader.core.store import Store, StoredItem

DEFAULT_LIMIT = 100
# bm25 ranks every match; over this many it costs more than a reader waits, so such a search
# stays newest first (the result says so).
RANK_AT_MOST = 20_000


class SearchResult(Record, frozen=False):
    query: Query
    items: list[StoredItem] = factory(list)
    total: int = 0
    elapsed_ms: float = 0.0
    ranked: bool = False  # best match first (else newest first)
    # item id → its note, for the items found in their note (note_search.py; search() alone
    # never fills it: it searches the items' text)
    notes: dict[str, str] = factory(dict)

    def to_json(self) -> dict:
        return {
            "items": [item.to_json() for item in self.items],
            "total": self.total,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "found_in_note": list(self.notes),
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
    return search_leaving_out(
        store, text, limit=limit, offset=offset, search_filter=search_filter, best_first=best_first
    )


def search_leaving_out(
    store: Store,
    text: str,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    search_filter: ItemFilter | None = None,
    best_first: bool = False,
    leave_out: tuple[int, ...] = (),
) -> SearchResult:
    """`search`, as if the items keyed `leave_out` were not in the library (the items a
    search with notes shows first: note_search.py). Each of them must be a match of this
    search, filter included: the total is the search's less their number."""
    began = time.perf_counter()
    query = parse_query(text)
    result = SearchResult(query)
    if query.include or query.exclude:
        page = (max(0, offset), max(0, limit))
        plan = plan_search(store.conn, search_filter or ItemFilter())
        if leave_out:
            plan = plan.replace(leave_out=tuple(leave_out))
        _run(store, query, page, plan, best_first, result)
    result.elapsed_ms = (time.perf_counter() - began) * 1000
    return result


def _expression(query: Query, plan: SearchPlan) -> tuple[str, bool]:
    """The index expression for the query and plan, and whether the index alone decides it."""
    include = [term_expression(term) for term in query.include]
    exact = all(is_exact(term) for term in query.include + query.exclude) and bool(include)
    parts = [f"({expression})" for expression in include if expression]
    if plan.extra_match:
        parts.append(plan.extra_match)
    match = " AND ".join(parts)
    if exact:
        for term in query.exclude:
            match += f" NOT ({term_expression(term)})"
    return match, exact


def _run(store, query: Query, page: tuple[int, int], plan: SearchPlan, best_first, result):
    offset, limit = page
    match, exact, counted, params, join = _statement_parts(query, plan)
    where = counted
    if plan.leave_out:
        where += f" AND {INDEX_TABLE}.rowid NOT IN ({','.join(map(str, plan.leave_out))})"
    conn = store.conn
    if exact:
        # counted as if none were left out, then less them: they all match (the caller's
        # promise), and so the fast totals (one character) stay fast
        kept = _kept_total(conn, query, plan.replace(leave_out=()))
        if kept is not None:
            result.total = kept
        else:
            result.total = _count(store, query, plan, join, (match, counted, params))
        result.total -= len(plan.leave_out)
        ranked = best_first and result.total <= RANK_AT_MOST
        order = f"bm25({INDEX_TABLE}), " if ranked else ""
        seqs = [
            row[0]
            for row in conn.execute(
                f"SELECT {INDEX_TABLE}.rowid FROM {INDEX_TABLE}{join} "
                f"WHERE {INDEX_TABLE} MATCH ?{where} "
                f"ORDER BY {order}{INDEX_TABLE}.rowid DESC LIMIT ? OFFSET ?",
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


def _count(store: Store, query: Query, plan: SearchPlan, join: str, parts: tuple) -> int:
    """The count of an exact query's matches: cut into key ranges counted side by side when
    the walk is long and the index answers alone (count_split.py), else one statement."""
    match, counted, params = parts
    statement = f"SELECT count(*) FROM {INDEX_TABLE}{join} WHERE {INDEX_TABLE} MATCH ?{counted}"
    if not join:
        total = count_in_parts(store, query, plan, statement, [match, *params])
        if total is not None:
            return total
    return store.conn.execute(statement, [match, *params]).fetchone()[0]


def _statement_parts(query: Query, plan: SearchPlan) -> tuple[str, bool, str, list, str]:
    """The index expression, whether the index alone decides it, the extra WHERE conditions,
    their parameters, and the join to `items` those conditions need (if any)."""
    match, exact = _expression(query, plan)
    exact = exact and plan.few is None
    conditions, params = plan.rest.sql()
    if plan.keys is not None:
        conditions = [f"{INDEX_TABLE}.rowid BETWEEN ? AND ?", *conditions]
        params = [*plan.keys, *params]
    if plan.few is not None:
        match = ""  # read the few items themselves (search_plan.py)
        conditions.append(f"{INDEX_TABLE}.rowid IN ({','.join(map(str, plan.few))})")
    where = "".join(f" AND {condition}" for condition in conditions)
    # conditions on `items` need the join; key ranges and sets the index answers itself
    join = f" JOIN items ON items.seq = {INDEX_TABLE}.rowid" if plan.rest.sql()[0] else ""
    return match, exact, where, params, join


def matching_keys(store: Store, text: str, *, search_filter: ItemFilter | None = None) -> list[int]:
    """The keys (`items.seq`) of every item `search(store, text, search_filter=...)` counts,
    in no particular order: the same statement as its count, listing instead of counting, so
    callers that tally matches (trend.py) get exactly the search's totals without the items."""
    query = parse_query(text)
    if not (query.include or query.exclude):
        return []
    plan = plan_search(store.conn, search_filter or ItemFilter())
    match, exact, where, params, join = _statement_parts(query, plan)
    if exact:
        # one aggregate row rather than a row per match: at ten years a term has up to
        # hundreds of thousands of matches, and stepping each back into Python costs more
        # than the index's walk itself (docs/benchmarks.md, issue 16)
        listed = store.conn.execute(
            f"SELECT group_concat({INDEX_TABLE}.rowid) FROM {INDEX_TABLE}{join} "
            f"WHERE {INDEX_TABLE} MATCH ?{where}",
            [match, *params],
        ).fetchone()[0]
        return list(map(int, listed.split(","))) if listed else []
    return [
        seq
        for seq, title, body in _candidates(store.conn, match, where, params)
        if query.matches(title, body)
    ]


def counts_in_key_ranges(
    store: Store,
    text: str,
    ranges: list[tuple[int, int]],
    *,
    search_filter: ItemFilter | None = None,
) -> list[int] | None:
    """How many of the items `search(store, text, search_filter=...)` counts hold a key in
    each range (inclusive): the search's own count statement, narrowed to the range. None when
    the index alone does not decide the query (its matches need the text re-checked)."""
    query = parse_query(text)
    if not (query.include or query.exclude):
        return [0] * len(ranges)
    plan = plan_search(store.conn, search_filter or ItemFilter())
    match, exact, where, params, join = _statement_parts(query, plan)
    if not exact:
        return None
    statement = (
        f"SELECT count(*) FROM {INDEX_TABLE}{join} WHERE {INDEX_TABLE} MATCH ?{where} "
        f"AND {INDEX_TABLE}.rowid BETWEEN ? AND ?"
    )
    return [store.conn.execute(statement, [match, *params, *keys]).fetchone()[0] for keys in ranges]


def _kept_total(conn, query: Query, plan: SearchPlan) -> int | None:
    """The total of an exact query the index writes keep the numbers for, without counting
    entries: one character or one pair and nothing else (index_writes.py, pair_counts.py), or
    such a term less one exclusion that contains it (美元 -美元指数: every item holding the
    exclusion holds the term, so the total is the term's less the exclusion's). None for any
    other query, or under a filter."""
    if len(query.include) != 1 or len(query.exclude) > 1 or plan != SearchPlan():
        return None
    term = query.include[0]
    total = _kept_term_total(conn, term)
    if total is None or not query.exclude:
        return total
    excluded = query.exclude[0]
    if term not in excluded:
        return None
    rarer = _kept_term_total(conn, excluded)
    if rarer is None:
        rarer = conn.execute(
            f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?",
            [term_expression(excluded)],
        ).fetchone()[0]
    return total - rarer


def _kept_term_total(conn, term: str) -> int | None:
    token = single_token(term)
    return kept_items(conn, token) if token is not None else None


def _candidates(conn, match: str, where: str, params: list) -> Iterator[tuple]:
    """Items that may match, newest first: narrowed by the index where the query has
    something to look up, else every item."""
    if match:
        return conn.execute(
            f"SELECT items.seq, items.title, items.body FROM {INDEX_TABLE} "
            f"JOIN items ON items.seq = {INDEX_TABLE}.rowid "
            f"WHERE {INDEX_TABLE} MATCH ?{where} ORDER BY {INDEX_TABLE}.rowid DESC",
            [match, *params],
        )
    where = where.replace(f"{INDEX_TABLE}.rowid", "items.seq")
    return conn.execute(
        f"SELECT items.seq, items.title, items.body FROM items WHERE 1{where} "
        "ORDER BY items.seq DESC",
        params,
    )
