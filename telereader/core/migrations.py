"""Numbered schema migrations. Append only: a released migration is never edited.

`PRAGMA user_version` holds the number of the last migration applied, so a database written by a
newer app (a higher number than the last migration here) is recognised before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _0001_initial(db: sqlite_utils.Database) -> None:
    # Items are rewritten by imports; everything the user makes lives in tables of its own
    # (stars, notes, reads) keyed by item id, with no foreign key, so that no import can touch
    # it and state for items not imported yet can wait for them.
    db["items"].create(
        {
            "id": str,
            "day": str,
            "time": str,
            "title": str,
            "body": str,
            "source": str,
            "level": str,
            "kind": str,
            "teaser_column": str,
            "position": int,
            "imported_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"day", "time", "body", "level", "kind", "position"},
    )
    db["items"].create_index(["day", "time", "position"], index_name="items_by_day")
    db["imported_files"].create(
        {
            "content_hash": str,
            "path": str,
            "size": int,
            "day": str,
            "level": str,
            "items": int,
            "imported_at": str,
        },
        pk="content_hash",
    )
    db["stars"].create({"item_id": str, "starred_at": str}, pk="item_id")
    db["notes"].create({"item_id": str, "text": str, "updated_at": str}, pk="item_id")
    db["reads"].create({"item_id": str, "read_at": str}, pk="item_id")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_0001_initial,)
SCHEMA_VERSION = len(MIGRATIONS)
