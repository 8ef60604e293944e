"""The reader's notes in a search index of their own, written with every note.

A note is indexed as the items are (search_index.py: every character and every pair of
neighbouring characters, as one segment), so a term occurs in a note exactly when the index says
so, punctuation and spaces included. The table keeps its text (notes are few and short: the
size does not matter), so a note is taken out by its key alone. Its key is the note's `rowid` in
`notes`, not an item's `seq`: a note outlives its item (Delete day, a backup restored before
the digests are imported), and finds it again when the item comes back.

Every write of a note goes through `write_note`, in the caller's transaction, so that the two
never drift apart: the window's LibraryOps and the CLI (`Store.set_note`) and a restored backup.
"""

from __future__ import annotations

import sqlite3

from telereader.core.search_index import index_text

NOTE_INDEX = "note_index"
NOTE_INDEX_DDL = f"CREATE VIRTUAL TABLE {NOTE_INDEX} USING fts5(tokens, tokenize='ascii')"

_UPSERT = (
    "INSERT INTO notes (item_id, text, updated_at) VALUES (?, ?, ?) "
    "ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at"
)


def write_note(
    conn: sqlite3.Connection, item_id: str, text: str, stamp: str, only_if_newer: bool = False
) -> int:
    """Save (or, for blank text, remove) the note of an item and index it; with
    `only_if_newer` an existing note is replaced only by a later one, and a blank one is kept
    as the backup holds it (a backup restored). Returns the rows of `notes` changed."""
    old = conn.execute("SELECT rowid FROM notes WHERE item_id = ?", [item_id]).fetchone()
    if not text.strip() and not only_if_newer:
        changed = conn.execute("DELETE FROM notes WHERE item_id = ?", [item_id]).rowcount
    else:
        newer = " WHERE excluded.updated_at > notes.updated_at" if only_if_newer else ""
        changed = conn.execute(_UPSERT + newer, [item_id, text, stamp]).rowcount
    if changed:
        if old is not None:
            conn.execute(f"DELETE FROM {NOTE_INDEX} WHERE rowid = ?", [old[0]])
        index_notes(conn, "WHERE item_id = ?", [item_id])
    return changed


def index_notes(conn: sqlite3.Connection, where: str = "", params: list | None = None) -> None:
    """Index the notes `where` selects (all by default), none of them indexed yet."""
    rows = conn.execute(f"SELECT rowid, text FROM notes {where}", params or []).fetchall()
    conn.executemany(
        f"INSERT INTO {NOTE_INDEX} (rowid, tokens) VALUES (?, ?)",
        [(rowid, index_text(None, text)) for rowid, text in rows if text.strip()],
    )
