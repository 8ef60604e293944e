"""Which items a watchlist's keyword lights up, library-wide or among a table of seqs: the search
index finds candidates (or decides alone, for plain keywords), the keyword checks the rest.

A list's options narrow every keyword: 加红 only joins the index's 加红 token to the expression
(items.level without the index); titles only is checked against the title, since the index holds
title and body as one column. A `/…/` pattern asks the index for the literal text every match
needs (regex_keyword.py) and runs only on those candidates; a pattern needing none reads every
item.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator

from telereader.core.keywords import Keyword, Watchlist, WatchOptions, parse_keywords
from telereader.core.reader_names import group_of
from telereader.core.search_index import (
    IMPORTANT_EXPRESSION,
    INDEX_TABLE,
    is_exact,
    term_expression,
)

Direct = list[tuple[str, list]]  # queries selecting seqs that are hits as they stand

WATCHLIST_COLUMNS = "id, name, colour, keywords, titles_only, important_only, alert"


def watchlist_of_row(row: tuple) -> Watchlist:
    """A watchlist from a row of WATCHLIST_COLUMNS (a stored pattern `re` now refuses is left
    out rather than failing every read)."""
    return Watchlist(
        id=row[0],
        name=row[1],
        colour=row[2],
        keywords=tuple(parse_keywords(json.loads(row[3]), strict=False)),
        options=WatchOptions(bool(row[4]), bool(row[5]), bool(row[6])),
    )


def read_watchlists(conn: sqlite3.Connection) -> list[Watchlist]:
    return [
        watchlist_of_row(row)
        for row in conn.execute(f"SELECT {WATCHLIST_COLUMNS} FROM watchlists ORDER BY position, id")
    ]


def matching(
    conn: sqlite3.Connection, options: WatchOptions, keyword: Keyword, restrict: str | None
) -> tuple[Direct, Iterator[int]]:
    """The keyword's hits under the options: queries whose seqs are hits outright, and the seqs
    of candidates that passed the keyword's own check. `restrict` names a table of seqs."""
    if keyword.mention is not None:
        return _mention_matching(conn, options, keyword, restrict)
    join = f" JOIN {restrict} AS only ON only.seq = {INDEX_TABLE}.rowid" if restrict else ""
    expression = _expression(keyword)
    if expression is not None and options.important_only:
        expression = f"({expression}) AND {IMPORTANT_EXPRESSION}"
    from_index = (
        f"SELECT {INDEX_TABLE}.rowid AS seq FROM {INDEX_TABLE}{join} WHERE {INDEX_TABLE} MATCH ?"
    )
    direct: Direct = []
    plain = keyword.pattern is None and not options.titles_only
    if keyword.plain_pattern and not options.titles_only and expression is not None:
        return [(from_index, [expression])], iter(())
    if plain and expression is not None and _index_decides(keyword):
        return [(from_index, [expression])], iter(())
    excluded = _exclusions_expression(keyword)
    if plain and expression is not None and excluded is not None and _words_exact(keyword):
        # Items without any excluded word are hits on the index's word alone; only the few
        # that hold both need a look at where the words stand.
        direct.append((from_index, [f"({expression}) NOT ({excluded})"]))
        expression = f"({expression}) AND ({excluded})"
    # Titles only: the body is not read at all (most of an item's bytes, often overflow pages).
    text = "items.title, ''" if options.titles_only else "items.title, items.body"
    if expression is not None:
        candidates = conn.execute(
            f"SELECT items.seq, {text} FROM {INDEX_TABLE}{join} "
            f"JOIN items ON items.seq = {INDEX_TABLE}.rowid WHERE {INDEX_TABLE} MATCH ?",
            [expression],
        )
    else:
        only = f" JOIN {restrict} AS only ON only.seq = items.seq" if restrict else ""
        level = " WHERE items.level = 'important'" if options.important_only else ""
        candidates = conn.execute(f"SELECT items.seq, {text} FROM items{only}{level}")
    return direct, _checked(candidates, keyword, options.titles_only)


def _checked(rows: Iterable[tuple], keyword: Keyword, titles_only: bool) -> Iterator[int]:
    for seq, title, body in rows:
        if keyword.matches(title, "" if titles_only else body):
            yield seq


def _mention_matching(
    conn: sqlite3.Connection,
    options: WatchOptions,
    keyword: Keyword,
    restrict: str | None,
    day: dt.date | None = None,
) -> tuple[Direct, Iterator[int]]:
    """`@name`: the items the market layer found naming it (an item imported a moment ago
    has none yet: the market catch-up adds its hits, core/markets.py write_day)."""
    only = f" JOIN {restrict} AS only ON only.seq = items.seq" if restrict else ""
    names = group_of(conn, keyword.mention)  # the reader's aliases name it too
    conditions = [f"m.name IN ({','.join('?' * len(names))})"]
    params: list = [*names]
    if day is not None:
        conditions.append("m.day = ?")
        params.append(day.isoformat())
    if options.important_only:
        conditions.append("items.level = 'important'")
    source = (
        f"FROM market_mentions m JOIN items ON items.id = m.item_id{only} "
        f"WHERE {' AND '.join(conditions)}"
    )
    if not options.titles_only:
        return [(f"SELECT items.seq {source}", params)], iter(())
    rows = conn.execute(f"SELECT items.seq, items.title, '' {source}", params)
    return [], _checked(rows, keyword, titles_only=True)


def insert_hits(
    conn: sqlite3.Connection, watchlist: Watchlist, keyword: Keyword, restrict: str | None
) -> None:
    """Add the keyword's hits to watch_hits (inside the caller's transaction)."""
    direct, checked = matching(conn, watchlist.options, keyword, restrict)
    _insert(conn, watchlist.id, direct, checked)


def _insert(conn: sqlite3.Connection, list_id: int, direct: Direct, checked: Iterator[int]) -> None:
    for query, params in direct:
        conn.execute(
            f"INSERT OR IGNORE INTO watch_hits (watchlist_id, seq) SELECT ?, seq FROM ({query})",
            [list_id, *params],
        )
    conn.executemany(
        "INSERT OR IGNORE INTO watch_hits (watchlist_id, seq) VALUES (?, ?)",
        [(list_id, seq) for seq in checked],
    )


def matching_seqs(conn: sqlite3.Connection, options: WatchOptions, keyword: Keyword) -> set[int]:
    """Every item the keyword would light up under the options (a preview: nothing written)."""
    direct, checked = matching(conn, options, keyword, restrict=None)
    seqs = set(checked)
    for query, params in direct:
        seqs.update(row[0] for row in conn.execute(query, params))
    return seqs


def mention_hits_of_day(conn: sqlite3.Connection, day: dt.date) -> None:
    """Hits of the `@name` keywords among a day's items, once its mentions are written (inside
    the caller's transaction)."""
    for watchlist in read_watchlists(conn):
        for keyword in watchlist.keywords:
            if keyword.mention is not None:
                direct, checked = _mention_matching(conn, watchlist.options, keyword, None, day)
                _insert(conn, watchlist.id, direct, checked)


def _index_decides(keyword: Keyword) -> bool:
    """Plain keywords (no exclusion, no whole-word synonym, each word one run of letters and
    digits) are matched by the search index alone."""
    return not keyword.exclusions and _words_exact(keyword)


def _words_exact(keyword: Keyword) -> bool:
    """The index alone decides where the keyword's words occur (exclusions aside)."""
    return all(
        not alternative.whole_word and is_exact(alternative.text)
        for alternative in keyword.alternatives
    )


def _exclusions_expression(keyword: Keyword) -> str | None:
    """An expression matching every item that contains some excluded word (more, never
    fewer); None without exclusions or when one has nothing the index can look up."""
    expressions = [term_expression(exclusion) for exclusion in keyword.exclusions]
    if not expressions or any(expression is None for expression in expressions):
        return None
    return " OR ".join(f"({expression})" for expression in expressions)


def _expression(keyword: Keyword) -> str | None:
    """Every group must match: (synonym OR synonym) AND (…); None when some synonym has no
    letter or digit for the index to look up. A pattern's groups are the text it needs; a
    group the index cannot look up is left out (the candidates stay a superset)."""
    if keyword.pattern is not None:
        needed = [_any_of(group) for group in keyword.required]
        kept = [expression for expression in needed if expression is not None]
        return " AND ".join(kept) if kept else None
    groups = [_any_of(tuple(a.text for a in group)) for group in keyword.groups]
    if any(group is None for group in groups):
        return None
    return " AND ".join(groups)  # type: ignore[arg-type]


def _any_of(texts: tuple[str, ...]) -> str | None:
    expressions = [term_expression(text) for text in texts]
    if any(expression is None for expression in expressions):
        return None
    return "(" + " OR ".join(f"({e})" for e in expressions) + ")"
