"""Saved searches: a search's text and its conditions under a name of the reader's, kept in the
library (`saved_searches`, migration 0009), backed up with the reader's other data.

Dates are either fixed (a first and a last day) or relative ("the last 7 days"): a relative
range is worked out when the search is run, ending on the day the caller gives. The window and
the command line both give `reference_day`, the library's newest digest day, as the search
scope's "last 7 days" always has: a library read a while after its last digest still has a
last week, and the window's counts and the command's agree.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from telereader.core.filters import ItemFilter
from telereader.core.kinds import Problem
from telereader.core.store import LibraryError, Store, now
from telereader.core.watchlists import is_one_line_name, visible


def reference_day(store: Store) -> dt.date:
    """The day relative dates end on: the library's newest digest day (else today)."""
    newest = store.conn.execute("SELECT max(day) FROM items").fetchone()[0]
    return dt.date.fromisoformat(newest) if newest else dt.date.today()

if TYPE_CHECKING:
    from telereader.core.search import SearchResult

_FLAGS = ("unread_only", "important_only", "starred_only", "hide_teasers", "best_first",
          "notes_only")  # fmt: skip


@dataclass(frozen=True)
class SearchConditions:
    """What narrows a saved search besides its text."""

    unread_only: bool = False
    important_only: bool = False
    starred_only: bool = False
    hide_teasers: bool = False
    best_first: bool = False
    notes_only: bool = False
    last_days: int | None = None  # relative: this many days up to the day it runs
    day_from: dt.date | None = None  # fixed days (used when last_days is None)
    day_to: dt.date | None = None

    def item_filter(self, today: dt.date) -> ItemFilter:
        """The filter on `today`: a relative range ends on it."""
        day_from, day_to = self.day_from, self.day_to
        if self.last_days is not None:
            day_to = today
            day_from = today - dt.timedelta(days=max(1, self.last_days) - 1)
        return ItemFilter(
            unread_only=self.unread_only,
            important_only=self.important_only,
            starred_only=self.starred_only,
            hide_teasers=self.hide_teasers,
            day_from=day_from,
            day_to=day_to,
        )

    def to_json(self) -> dict:
        data = asdict(self)
        for key in ("day_from", "day_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> SearchConditions:
        """From stored or backed-up JSON (checked by `conditions_problem`); keys it does not
        know are left out, so a later telereader's conditions still load."""
        return cls(
            **{flag: bool(data.get(flag, False)) for flag in _FLAGS},
            last_days=data.get("last_days"),
            day_from=_day(data.get("day_from")),
            day_to=_day(data.get("day_to")),
        )


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def conditions_problem(data: Any) -> str | None:
    """The first field of backed-up conditions that is wrong (its name), else None."""
    if not isinstance(data, dict):
        return ""
    for flag in _FLAGS:
        if flag in data and not isinstance(data[flag], bool):
            return flag
    days = data.get("last_days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
        return "last_days"
    for key in ("day_from", "day_to"):
        try:
            _day(data.get(key))
        except (TypeError, ValueError):
            return key
    return None


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    conditions: SearchConditions = field(default_factory=SearchConditions)

    def item_filter(self, today: dt.date) -> ItemFilter:
        return self.conditions.item_filter(today)

    def to_json(self) -> dict:
        return {"name": self.name, "query": self.query, "conditions": self.conditions.to_json()}


def saved_searches(store: Store) -> list[SavedSearch]:
    """Every saved search, in the reader's order."""
    return [
        SavedSearch(row[0], row[1], row[2], SearchConditions.from_json(json.loads(row[3])))
        for row in store.conn.execute(
            "SELECT id, name, query, conditions FROM saved_searches ORDER BY position, id"
        )
    ]


def saved_named(store: Store, name: str) -> SavedSearch:
    """The saved search called `name`; a LibraryError names it when there is none."""
    found = next((saved for saved in saved_searches(store) if saved.name == name), None)
    if found is None:
        raise LibraryError(Problem("saved_unknown", params={"name": name}))
    return found


def _checked_name(store: Store, name: str, saved_id: int | None) -> str:
    name = name.strip()
    if not name:
        raise LibraryError(Problem("saved_no_name"))
    if not is_one_line_name(name):
        raise LibraryError(Problem("saved_bad_name", params={"name": visible(name)}))
    clash = store.conn.execute(
        "SELECT id FROM saved_searches WHERE name = ? AND id IS NOT ?", [name, saved_id]
    ).fetchone()
    if clash:
        raise LibraryError(Problem("saved_name_taken", params={"name": name}))
    return name


def save_search(
    store: Store, name: str, query: str, conditions: SearchConditions | None = None
) -> SavedSearch:
    """Save a new search at the end of the list."""
    if not query.strip():
        raise LibraryError(Problem("saved_empty_query"))
    conditions = conditions or SearchConditions()
    with store.transaction() as db:
        name = _checked_name(store, name, None)
        position = db.execute("SELECT coalesce(max(position) + 1, 0) FROM saved_searches")
        cursor = db.execute(
            "INSERT INTO saved_searches (name, query, conditions, position, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [name, query.strip(), json.dumps(conditions.to_json(), ensure_ascii=False),
             position.fetchone()[0], now()],
        )  # fmt: skip
        return SavedSearch(cursor.lastrowid, name, query.strip(), conditions)


def rename_saved(store: Store, saved_id: int, name: str) -> None:
    with store.transaction() as db:
        name = _checked_name(store, name, saved_id)
        db.execute(
            "UPDATE saved_searches SET name = ?, updated_at = ? WHERE id = ?",
            [name, now(), saved_id],
        )


def move_saved(store: Store, saved_id: int, to_index: int) -> None:
    """Put the saved search at `to_index` of the list (clamped), the others keeping their
    order."""
    ids = [saved.id for saved in saved_searches(store)]
    if saved_id not in ids:
        return
    ids.remove(saved_id)
    ids.insert(max(0, min(to_index, len(ids))), saved_id)
    with store.transaction() as db:
        for position, each in enumerate(ids):
            db.execute("UPDATE saved_searches SET position = ? WHERE id = ?", [position, each])


def delete_saved(store: Store, saved_id: int) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM saved_searches WHERE id = ?", [saved_id])


def restore_saved(store: Store, entries: list[dict]) -> int:
    """Add the backed-up saved searches whose names the library does not have (inside the
    restore's transaction); a name the library has keeps the library's. Returns how many."""
    have = {saved.name for saved in saved_searches(store)}
    added = 0
    for entry in entries:
        name = entry["name"].strip()
        if name in have or not entry["query"].strip():
            continue
        save_search(
            store, name, entry["query"], SearchConditions.from_json(entry.get("conditions") or {})
        )
        have.add(name)
        added += 1
    return added


def run_saved(
    store: Store, saved: SavedSearch, today: dt.date, *, limit: int = 100, offset: int = 0,
    unread_only: bool = False,
) -> SearchResult:  # fmt: skip
    """The saved search's results on `today` (its notes too, as the search box searches)."""
    from telereader.core.note_search import search_with_notes

    search_filter = saved.item_filter(today)
    if unread_only:
        search_filter = search_filter.replace(unread_only=True)
    return search_with_notes(
        store,
        saved.query,
        limit=limit,
        offset=offset,
        search_filter=search_filter,
        best_first=saved.conditions.best_first,
        notes_only=saved.conditions.notes_only,
    )


def unread_counts(store: Store, today: dt.date) -> dict[int, int]:
    """Each saved search's unread results on `today`, by id: counted by the search index (no
    item is read), for the side list (off the window's thread) and `telereader saved`."""
    return {
        saved.id: run_saved(store, saved, today, limit=0, unread_only=True).total
        for saved in saved_searches(store)
    }
