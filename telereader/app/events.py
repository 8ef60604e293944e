"""One library-changed event after every write, which each view listens to.

Whoever writes (ops/) emits; the views (the window's list, detail, calendar, the Watch view)
follow. Nobody refreshes another view by hand after a write.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

TYPED = "typed"  # a note asked for, not yet written: lists follow, the note editor is left alone


class LibraryEvents(QObject):
    # (item ids, what changed: ops.writer.NOTE / STAR / READ, or TYPED): the items' stars,
    # notes or read marks show differently now (asked for, landed, or back after a failure).
    items_changed = Signal(object, str)
    watchlists_changed = Signal()  # keywords, lists or hits changed (an edit or a restore)
    saved_searches_changed = Signal()  # saved searches added, renamed, moved, deleted, restored
    days_changed = Signal(object)  # ImportReport: days and their items came in
    day_deleted = Signal(object)  # dt.date: the day and its items are gone from the library
    # the reader added, hid or aliased a market name: its days are to be extracted again
    names_changed = Signal()
    looked = Signal(object)  # dt.date: the reader's look at the day is in the library
