"""A search of the items and of the reader's notes on them, as the window and the CLI search.

An item is *found in its note* when its note holds every term of the query (as written, Latin
letters ignoring case: `Query.matches` over the note) and none of the excluded terms stands in
the note, the title or the body. Those items come first, newest first, marked (the result's
`notes`), then the items whose text matches (`search`), without the ones already shown. The
total counts each item once. Restricted to notes, only the first kind.

Notes are few (hundreds, a few thousand): their index (note_index.py) narrows them and each
candidate is re-checked against its note, so the result is exactly a substring scan of the notes.
`search()` itself never looks at notes: its totals (trends count through it) stay the text's.
"""

from __future__ import annotations

import time

from telereader.core.filters import ItemFilter
from telereader.core.note_index import NOTE_INDEX
from telereader.core.query import Query, fold_case, parse_query
from telereader.core.search import DEFAULT_LIMIT, SearchResult, search_leaving_out
from telereader.core.search_index import term_expression
from telereader.core.store import Store


def search_with_notes(
    store: Store,
    text: str,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    search_filter: ItemFilter | None = None,
    best_first: bool = False,
    notes_only: bool = False,
) -> SearchResult:
    """The page of `limit` results after the first `offset`: items found in their note first,
    then (unless `notes_only`) the items whose text matches; and the number of all results."""
    began = time.perf_counter()
    query = parse_query(text)
    result = SearchResult(query)
    if query.is_empty:
        return result
    search_filter = search_filter or ItemFilter()
    hits = note_hits(store, query, search_filter)
    offset, limit = max(0, offset), max(0, limit)
    shown = hits[offset : offset + limit]
    result.total = len(hits)
    items = store.items_by_seq([seq for seq, _matched, _note in shown])
    # every hit was read joined to its item: one item per hit, in order
    result.notes = {
        item.id: note for item, (_seq, _matched, note) in zip(items, shown, strict=True)
    }
    if not notes_only:
        rest = search_leaving_out(
            store,
            text,
            limit=limit - len(shown),
            offset=max(0, offset - len(hits)),
            search_filter=search_filter,
            best_first=best_first,
            leave_out=tuple(seq for seq, matched, _note in hits if matched),
        )
        result.total += rest.total
        result.ranked = rest.ranked
        items += rest.items
    result.items = items
    result.elapsed_ms = (time.perf_counter() - began) * 1000
    return result


def note_hits(store: Store, query: Query, search_filter: ItemFilter) -> list[tuple[int, bool, str]]:
    """The items found in their note, newest first: (seq, whether its text matches the query
    too, the note) each."""
    expressions = [term_expression(term) for term in query.include]
    match = " AND ".join(f"({expression})" for expression in expressions if expression)
    conditions, params = search_filter.sql()
    if match:
        source = f"{NOTE_INDEX} JOIN notes ON notes.rowid = {NOTE_INDEX}.rowid"
        conditions = [f"{NOTE_INDEX} MATCH ?", *conditions]
        params = [match, *params]
    else:  # exclusions only: every note is a candidate
        source = "notes"
    where = " AND ".join(["notes.text != ''", *conditions])
    rows = store.conn.execute(
        f"SELECT items.seq, items.title, items.body, notes.text FROM {source} "
        f"JOIN items ON items.id = notes.item_id WHERE {where} ORDER BY items.seq DESC",
        params,
    )
    hits = []
    for seq, title, body, note in rows:
        folded = fold_case(note)
        if all(term in folded for term in query.include) and not any(
            term in folded for term in query.exclude
        ):
            excluded = Query((), query.exclude)
            if not query.exclude or excluded.matches(title, body):
                hits.append((seq, query.matches(title, body), note))
    return hits
