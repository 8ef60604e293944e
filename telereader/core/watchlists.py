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
from telereader.core.keywords import KeywordError, Watchlist, WatchOptions, parse_keywords
from telereader.core.kinds import Problem
from telereader.core.store import LibraryError, Store, StoredItem, now
from telereader.core.watch_matching import (
    insert_hits,
    mention_hits_of_day,
    read_watchlists,
)

__all__ = ["mention_hits_of_day"]  # markets.py adds the `@name` hits of a day through here

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
    return read_watchlists(store.conn)


def watchlist_named(store: Store, name: str) -> Watchlist | None:
    return next((w for w in watchlists(store) if w.name == name), None)


def save_watchlist(
    store: Store, name: str, keywords: Iterable[str], colour: str | None = None,
    watchlist_id: int | None = None, options: WatchOptions | None = None,
) -> Watchlist:  # fmt: skip
    """Create or change a watchlist (name, colour, keywords, options: None keeps a list's own,
    a new list takes the defaults); the change applies to the whole library at once."""
    name = name.strip()
    if not name:
        raise LibraryError(Problem("watch_no_name"))
    lines = checked_lines(keywords)
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
            old_options = WatchOptions()
        else:
            row = db.execute(
                "SELECT keywords FROM watchlists WHERE id = ?", [watchlist_id]
            ).fetchone()
            if row is None:
                raise LibraryError(Problem("watch_unknown", params={"name": name}))
            before = json.loads(row[0])
            old_options = _by_id(store, watchlist_id).options
            db.execute(
                "UPDATE watchlists SET name = ?, colour = coalesce(?, colour), keywords = ?, "
                "updated_at = ? WHERE id = ?",
                [name, colour, json.dumps(lines, ensure_ascii=False), now(), watchlist_id],
            )
        if options is not None:
            _write_options(store, watchlist_id, options)  # type: ignore[arg-type]
        watchlist = next(w for w in watchlists(store) if w.id == watchlist_id)
        same_scope = _scope(old_options) == _scope(watchlist.options)
        if same_scope and set(before) <= set(lines):  # keywords only added: look those up
            for keyword in watchlist.keywords:
                if keyword.line not in before:
                    insert_hits(store.conn, watchlist, keyword, restrict=None)
        else:
            _rematch(store, watchlist)
    return watchlist


def _scope(options: WatchOptions) -> tuple[bool, bool]:
    """The options that decide which items are hits (the alert decides none)."""
    return options.titles_only, options.important_only


def _write_options(store: Store, watchlist_id: int, options: WatchOptions) -> None:
    store.conn.execute(
        "UPDATE watchlists SET titles_only = ?, important_only = ?, alert = ? WHERE id = ?",
        [options.titles_only, options.important_only, options.alert, watchlist_id],
    )


def checked_lines(keywords: Iterable[str]) -> list[str]:
    """The keyword lines as a list keeps them; a LibraryError names the first line (1-based)
    whose `/…/` pattern Python's `re` refuses, and why."""
    keywords = list(keywords)
    for number, line in enumerate(keywords, 1):
        try:
            parse_keywords([line])
        except KeywordError as error:
            chinese, english = error.reasons()
            problem = Problem(
                "watch_bad_regex",
                line=number,
                params={"keyword": error.line, "reason_zh": chinese, "reason_en": english},
            )
            raise LibraryError(problem) from error
    return [keyword.line for keyword in parse_keywords(keywords)]


def _by_id(store: Store, watchlist_id: int) -> Watchlist:
    found = next((w for w in watchlists(store) if w.id == watchlist_id), None)
    if found is None:
        raise LibraryError(Problem("watch_unknown", params={"name": str(watchlist_id)}))
    return found


def set_options(store: Store, watchlist_id: int, options: WatchOptions) -> Watchlist:
    """New options for a list; its hits follow at once when they change which items match."""
    current = _by_id(store, watchlist_id)
    keywords = [k.line for k in current.keywords]
    return save_watchlist(store, current.name, keywords, None, watchlist_id, options)


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
        insert_hits(conn, watchlist, keyword, restrict=None)


def match_pending(store: Store) -> dict[str, int]:
    """Match the items imports queued against every watchlist; return new hits per list that
    alerts (a list with its alert off lights its new hits up without a word)."""
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
                insert_hits(conn, watchlist, keyword, restrict="watch_pending")
            after = conn.execute(
                "SELECT count(*) FROM watch_hits WHERE watchlist_id = ?", [watchlist.id]
            ).fetchone()[0]
            if after > before and watchlist.options.alert:
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
