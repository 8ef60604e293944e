"""One company or theme across the library: the items that name it (or one of the reader's
aliases of it), newest first, and its moves as written, for the window's view of a name and the
command line."""

from __future__ import annotations

import datetime as dt
import sqlite3

from telereader.core.filters import ItemFilter
from telereader.core.markets import DayMover
from telereader.core.reader_names import group_of


def name_filter(conn: sqlite3.Connection, name: str, base: ItemFilter | None = None) -> ItemFilter:
    """`base` narrowed to the items that name `name` or any of its aliases."""
    return (base or ItemFilter()).replace(names=tuple(group_of(conn, name)))


def name_movers(conn: sqlite3.Connection, name: str, limit: int = 500) -> list[DayMover]:
    """The moves of the company (as a stock) or the theme (the stocks that moved with it),
    newest first: its movers' table in the view of a name."""
    names = group_of(conn, name)
    marks = ",".join("?" * len(names))
    rows = conn.execute(
        "SELECT m.day, i.time, m.item_id, m.theme, m.stock, m.move FROM market_movers m "
        "JOIN items i ON i.id = m.item_id "
        f"WHERE m.stock IN ({marks}) OR m.theme IN ({marks}) "
        "ORDER BY i.seq DESC, m.ord LIMIT ?",
        [*names, *names, limit],
    )
    return [
        DayMover(dt.date.fromisoformat(day), dt.datetime.fromisoformat(time), *rest)
        for day, time, *rest in rows
    ]
