"""A name the reader adds (or an alias) written into the market layer at once: the rows of the
items whose text holds it, found through the search index, made again as a day's extraction
makes them. Marking those days stale instead made the catch-up read them whole again: for a
name as common as 宁德时代, every day of ten years."""

from __future__ import annotations

import datetime as dt

from telereader.core.markets import ItemRows
from telereader.core.markets_schema import EXTRACTOR_VERSION
from telereader.core.movers import movers, themes
from telereader.core.store import SQL_VARIABLES_PER_QUERY, Store
from telereader.core.watchlists import mention_hits_of_day

ItemText = tuple[str, str, "str | None", str, int]  # id, day, title, body, day extracted


def write_name_anew(store: Store, name: str) -> int:
    """The movers and mentions of every extracted item whose text holds `name` (case aside),
    made again with the names known now (the caller holds the transaction, `name` already
    among them); how many days hold it, those not extracted yet left to the catch-up.

    Adding a name changes only the items holding it: the longest known name wins where
    names overlap, so a new name can also take the place of another in the same text; a
    name shown again (hidden before) gets its movers back."""
    items = _items_holding(store, name)
    rules = ItemRows(store.conn)
    days: set[str] = set()
    written: set[str] = set()
    for item_id, day, title, body, extracted in items:
        days.add(day)
        if not extracted:
            continue
        mover_rows, mention_rows = rules.of_item(
            item_id, day, f"{title or ''}\n{body}", movers(title, body), themes(title, body)
        )
        store.conn.execute("DELETE FROM market_movers WHERE item_id = ?", [item_id])
        store.conn.execute("DELETE FROM market_mentions WHERE item_id = ?", [item_id])
        store.conn.executemany("INSERT INTO market_movers VALUES (?, ?, ?, ?, ?, ?)", mover_rows)
        store.conn.executemany(
            "INSERT OR IGNORE INTO market_mentions VALUES (?, ?, ?, ?)", mention_rows
        )
        written.add(day)
    for day in sorted(written):
        mention_hits_of_day(store.conn, dt.date.fromisoformat(day))
    return len(days)


def _items_holding(store: Store, name: str) -> list[ItemText]:
    """The items whose title or body holds `name`, case aside (a superset of those the
    extraction finds it in, which is case-sensitive), each with whether its day is extracted."""
    columns = "id, day, title, body, day IN (SELECT day FROM market_days WHERE version = ?)"
    holds = "instr(lower(coalesce(title, '') || char(10) || body), lower(?)) > 0"
    if '"' in name:  # not a phrase the search language can quote: read every item
        rows = store.conn.execute(
            f"SELECT {columns} FROM items WHERE {holds}", [EXTRACTOR_VERSION, name]
        )
        return rows.fetchall()
    from telereader.core.search import matching_keys

    keys = matching_keys(store, f'"{name}"')
    found: list[ItemText] = []
    for start in range(0, len(keys), SQL_VARIABLES_PER_QUERY):
        chunk = keys[start : start + SQL_VARIABLES_PER_QUERY]
        found += store.conn.execute(
            f"SELECT {columns} FROM items WHERE seq IN ({','.join('?' * len(chunk))}) AND {holds}",
            [EXTRACTOR_VERSION, *chunk, name],
        ).fetchall()
    return found
