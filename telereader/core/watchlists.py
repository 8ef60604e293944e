"""Watchlists in the library: storing them, and keeping their hits (which items each one lights
up) in step with keyword edits and imports.

Hits are derived data in `watch_hits`, recomputed from keywords and item text at will. Imports
queue the items they add or change in `watch_pending` in the same transaction as the items, and
`match_pending` matches the queue and empties it in one transaction, so a crash in between only
leaves work queued for the next run, never a wrong hit.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable

from telereader.core.filters import ItemFilter
from telereader.core.keywords import Keyword, Watchlist, parse_keywords
from telereader.core.kinds import Problem
from telereader.core.reader_names import group_of
from telereader.core.search_index import INDEX_TABLE, is_exact, term_expression
from telereader.core.store import LibraryError, Store, StoredItem, now

# Readable on light and dark backgrounds alike; new lists take the next one.
PALETTE = ("#e53935", "#fb8c00", "#43a047", "#1e88e5", "#8e24aa", "#00897b", "#6d4c41", "#d81b60")


# Bidirectional overrides and isolates: they reorder what follows them on screen.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_one_line_name(name: str) -> bool:
    """A name shows as itself on one line: no line breaks, tabs, escapes or other control
    characters (Unicode Cc, line and paragraph separators, bidirectional overrides)."""
    return not any(
        unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI_CONTROLS for char in name
    )


def visible(text: str) -> str:
    """`text` with its control characters written out (a line break as \\n), for messages."""
    return "".join(
        char if is_one_line_name(char) else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def watchlists(store: Store) -> list[Watchlist]:
    return [
        Watchlist(
            id=row[0],
            name=row[1],
            colour=row[2],
            keywords=tuple(parse_keywords(json.loads(row[3]))),
        )
        for row in store.conn.execute(
            "SELECT id, name, colour, keywords FROM watchlists ORDER BY position, id"
        )
    ]


def watchlist_named(store: Store, name: str) -> Watchlist | None:
    return next((w for w in watchlists(store) if w.name == name), None)


def save_watchlist(
    store: Store, name: str, keywords: Iterable[str], colour: str | None = None,
    watchlist_id: int | None = None,
) -> Watchlist:  # fmt: skip
    """Create or change a watchlist (name, colour, keywords); new keywords apply to the whole
    library at once."""
    name = name.strip()
    if not name:
        raise LibraryError(Problem("watch_no_name"))
    lines = [keyword.line for keyword in parse_keywords(list(keywords))]
    with store.transaction() as db:
        if not is_one_line_name(name):
            current = db.execute(
                "SELECT name FROM watchlists WHERE id = ?", [watchlist_id]
            ).fetchone()
            if current is None or current[0] != name:  # an old list keeps its name until renamed
                raise LibraryError(Problem("watch_bad_name", params={"name": visible(name)}))
        clash = db.execute(
            "SELECT id FROM watchlists WHERE name = ? AND id IS NOT ?", [name, watchlist_id]
        ).fetchone()
        if clash:
            raise LibraryError(Problem("watch_name_taken", params={"name": name}))
        if watchlist_id is None:
            count = db.execute("SELECT count(*) FROM watchlists").fetchone()[0]
            cursor = db.execute(
                "INSERT INTO watchlists (name, colour, keywords, position, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [name, colour or PALETTE[count % len(PALETTE)], json.dumps(lines, ensure_ascii=False),
                 count, now()],
            )  # fmt: skip
            watchlist_id = cursor.lastrowid
            before: list[str] = []
        else:
            row = db.execute(
                "SELECT keywords FROM watchlists WHERE id = ?", [watchlist_id]
            ).fetchone()
            if row is None:
                raise LibraryError(Problem("watch_unknown", params={"name": name}))
            before = json.loads(row[0])
            db.execute(
                "UPDATE watchlists SET name = ?, colour = coalesce(?, colour), keywords = ?, "
                "updated_at = ? WHERE id = ?",
                [name, colour, json.dumps(lines, ensure_ascii=False), now(), watchlist_id],
            )
        watchlist = next(w for w in watchlists(store) if w.id == watchlist_id)
        if set(before) <= set(lines):  # keywords only added: only they need looking up
            for keyword in watchlist.keywords:
                if keyword.line not in before:
                    _insert_hits(store.conn, watchlist.id, keyword, restrict=None)
        else:
            _rematch(store, watchlist)
    return watchlist


def _by_id(store: Store, watchlist_id: int) -> Watchlist:
    found = next((w for w in watchlists(store) if w.id == watchlist_id), None)
    if found is None:
        raise LibraryError(Problem("watch_unknown", params={"name": str(watchlist_id)}))
    return found


def set_keywords(store: Store, watchlist_id: int, keywords: Iterable[str]) -> Watchlist:
    """New keywords for a list, whatever its name is by the time this runs."""
    return save_watchlist(store, _by_id(store, watchlist_id).name, keywords, None, watchlist_id)


def rename_watchlist(store: Store, watchlist_id: int, name: str) -> Watchlist:
    current = _by_id(store, watchlist_id)
    return save_watchlist(store, name, [k.line for k in current.keywords], None, watchlist_id)


def recolour_watchlist(store: Store, watchlist_id: int, colour: str) -> Watchlist:
    current = _by_id(store, watchlist_id)
    keywords = [k.line for k in current.keywords]
    return save_watchlist(store, current.name, keywords, colour, watchlist_id)


def add_keywords(store: Store, name: str, keywords: Iterable[str]) -> Watchlist:
    existing = watchlist_named(store, name)
    lines = [k.line for k in existing.keywords] if existing else []
    return save_watchlist(
        store, name, [*lines, *keywords], watchlist_id=existing.id if existing else None
    )


def existing_watchlist(store: Store, name: str) -> Watchlist:
    """The watchlist called `name`; a LibraryError names it when there is none."""
    found = watchlist_named(store, name)
    if found is None:
        raise LibraryError(Problem("watch_unknown", params={"name": name}))
    return found


def remove_keywords(store: Store, name: str, keywords: Iterable[str]) -> Watchlist:
    existing = existing_watchlist(store, name)
    gone = {keyword.line for keyword in parse_keywords(list(keywords))}
    kept = [k.line for k in existing.keywords if k.line not in gone]
    return save_watchlist(store, name, kept, watchlist_id=existing.id)


def delete_watchlist(store: Store, watchlist_id: int) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM watch_hits WHERE watchlist_id = ?", [watchlist_id])
        db.execute("DELETE FROM watchlists WHERE id = ?", [watchlist_id])


# ---- hits --------------------------------------------------------------------------------------


def _rematch(store: Store, watchlist: Watchlist) -> None:
    """Recompute one watchlist's hits over the whole library (inside the caller's transaction)."""
    conn = store.conn
    conn.execute("DELETE FROM watch_hits WHERE watchlist_id = ?", [watchlist.id])
    for keyword in watchlist.keywords:
        _insert_hits(conn, watchlist.id, keyword, restrict=None)


def _insert_hits(conn, watchlist_id: int, keyword: Keyword, restrict: str | None) -> None:
    """Add the keyword's hits; `restrict` limits the items to a table of seqs."""
    if keyword.mention is not None:
        _insert_mention_hits(conn, watchlist_id, keyword.mention, restrict)
        return
    join = f" JOIN {restrict} AS only ON only.seq = {INDEX_TABLE}.rowid" if restrict else ""
    expression = _expression(keyword)
    insert_matching = (
        f"INSERT OR IGNORE INTO watch_hits (watchlist_id, seq) SELECT ?, {INDEX_TABLE}.rowid "
        f"FROM {INDEX_TABLE}{join} WHERE {INDEX_TABLE} MATCH ?"
    )
    if expression is not None and _index_decides(keyword):
        conn.execute(insert_matching, [watchlist_id, expression])
        return
    excluded = _exclusions_expression(keyword)
    if expression is not None and excluded is not None and _words_exact(keyword):
        # Items without any excluded word are hits on the index's word alone; only the few
        # that hold both need a look at where the words stand.
        conn.execute(insert_matching, [watchlist_id, f"({expression}) NOT ({excluded})"])
        expression = f"({expression}) AND ({excluded})"
    if expression is not None:
        candidates = conn.execute(
            f"SELECT items.seq, items.title, items.body FROM {INDEX_TABLE}{join} "
            f"JOIN items ON items.seq = {INDEX_TABLE}.rowid WHERE {INDEX_TABLE} MATCH ?",
            [expression],
        )
    else:
        only = f" JOIN {restrict} AS only ON only.seq = items.seq" if restrict else ""
        candidates = conn.execute(f"SELECT items.seq, items.title, items.body FROM items{only}")
    conn.executemany(
        "INSERT OR IGNORE INTO watch_hits (watchlist_id, seq) VALUES (?, ?)",
        [(watchlist_id, seq) for seq, title, body in candidates if keyword.matches(title, body)],
    )


def _insert_mention_hits(conn, watchlist_id: int, name: str, restrict: str | None) -> None:
    """`@name`: the items the market layer found naming it (an item imported a moment ago
    has none yet: the market catch-up adds its hits, core/markets.py write_day)."""
    only = f" JOIN {restrict} AS only ON only.seq = items.seq" if restrict else ""
    names = group_of(conn, name)  # the reader's aliases name it too
    conn.execute(
        "INSERT OR IGNORE INTO watch_hits (watchlist_id, seq) SELECT ?, items.seq "
        f"FROM market_mentions m JOIN items ON items.id = m.item_id{only} "
        f"WHERE m.name IN ({','.join('?' * len(names))})",
        [watchlist_id, *names],
    )


def mention_hits_of_day(conn, day: dt.date) -> None:
    """Hits of the `@name` keywords among a day's items, once its mentions are written (inside
    the caller's transaction)."""
    for watchlist_id, keywords in conn.execute("SELECT id, keywords FROM watchlists").fetchall():
        for keyword in parse_keywords(json.loads(keywords)):
            if keyword.mention is not None:
                names = group_of(conn, keyword.mention)
                conn.execute(
                    "INSERT OR IGNORE INTO watch_hits (watchlist_id, seq) SELECT ?, items.seq "
                    "FROM market_mentions m JOIN items ON items.id = m.item_id "
                    f"WHERE m.day = ? AND m.name IN ({','.join('?' * len(names))})",
                    [watchlist_id, day.isoformat(), *names],
                )


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
    letter or digit for the index to look up."""
    groups = []
    for group in keyword.groups:
        expressions = [term_expression(alternative.text) for alternative in group]
        if any(expression is None for expression in expressions):
            return None
        groups.append("(" + " OR ".join(f"({e})" for e in expressions) + ")")
    return " AND ".join(groups)


def match_pending(store: Store) -> dict[str, int]:
    """Match the items imports queued against every watchlist; return new hits per list."""
    conn = store.conn
    if conn.execute("SELECT 1 FROM watch_pending LIMIT 1").fetchone() is None:
        return {}
    new_hits: dict[str, int] = {}
    with store.transaction():
        lists = watchlists(store)  # read under the write lock: a list saved meanwhile counts
        conn.execute(
            "DELETE FROM watch_hits WHERE seq IN (SELECT seq FROM watch_pending)"
        )  # changed text: hits are decided afresh
        for watchlist in lists:
            before = conn.execute(
                "SELECT count(*) FROM watch_hits WHERE watchlist_id = ?", [watchlist.id]
            ).fetchone()[0]
            for keyword in watchlist.keywords:
                _insert_hits(conn, watchlist.id, keyword, restrict="watch_pending")
            after = conn.execute(
                "SELECT count(*) FROM watch_hits WHERE watchlist_id = ?", [watchlist.id]
            ).fetchone()[0]
            if after > before:
                new_hits[watchlist.name] = after - before
        conn.execute("DELETE FROM watch_pending")
    return new_hits


def hit_days(store: Store) -> dict[dt.date, int]:
    """How many items of each day some watchlist lights up."""
    return {
        dt.date.fromisoformat(day): count
        for day, count in store.conn.execute(
            "SELECT items.day, count(DISTINCT items.seq) FROM watch_hits "
            "JOIN items ON items.seq = watch_hits.seq GROUP BY items.day"
        )
    }


def hits(
    store: Store, watchlist_name: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[list[StoredItem], int]:
    """Items some watchlist (or the named one) lights up, newest first, and how many."""
    watchlist_id = None
    if watchlist_name is not None:
        watchlist = existing_watchlist(store, watchlist_name)
        watchlist_id = watchlist.id
    return hit_page(store, limit, offset, watchlist_id), hit_total(store, watchlist_id)


def _hits_of(
    watchlist_id: int | None, item_filter: ItemFilter | None, after_id: str | None = None
) -> tuple[str, list]:
    """FROM … WHERE for the hits of one list (or all), of items that pass the filter (and are
    older than the item `after_id`)."""
    conditions, params = [], []
    if after_id is not None:
        conditions.append("watch_hits.seq < (SELECT seq FROM items WHERE id = ?)")
        params.append(after_id)
    if watchlist_id is not None:
        conditions.append("watch_hits.watchlist_id = ?")
        params.append(watchlist_id)
    source = "watch_hits"
    if item_filter is not None and item_filter.is_active:
        source += " JOIN items ON items.seq = watch_hits.seq"
        only, only_params = item_filter.sql()
        conditions += only
        params += only_params
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    return source + where, params


def hit_page(
    store: Store,
    limit: int,
    offset: int = 0,
    watchlist_id: int | None = None,
    item_filter: ItemFilter | None = None,
    after_id: str | None = None,
) -> list[StoredItem]:
    """A page of the items some watchlist (or the one with that id) lights up that pass the
    filter, newest first: `seq` is in the order the items happened (store.seq_for), so an item
    of 02:13 after midnight comes before the evening of its digest day. `after_id` pages by
    key, as `Store.items_page` does."""
    source, params = _hits_of(watchlist_id, item_filter, after_id)
    seqs = [
        row[0]
        for row in store.conn.execute(
            f"SELECT DISTINCT watch_hits.seq FROM {source} "
            "ORDER BY watch_hits.seq DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return store.items_by_seq(seqs)


def hit_total(
    store: Store, watchlist_id: int | None = None, item_filter: ItemFilter | None = None
) -> int:
    source, params = _hits_of(watchlist_id, item_filter)
    return store.conn.execute(
        f"SELECT count(DISTINCT watch_hits.seq) FROM {source}", params
    ).fetchone()[0]


def hit_counts(store: Store) -> dict[int, int]:
    """How many items each watchlist lights up, by watchlist id."""
    return dict(
        store.conn.execute("SELECT watchlist_id, count(*) FROM watch_hits GROUP BY watchlist_id")
    )
