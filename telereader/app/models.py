"""The item lists as Qt models over the store: a day and search results (paged_models.py: the
Watch view and the views across days, read a page at a time)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from telereader.app.day_fold import FoldedRows
from telereader.app.day_folding import SimilarFolding
from telereader.app.day_rows import DayRows
from telereader.core.filters import DayCounts, ItemFilter
from telereader.core.markets_schema import similar_to
from telereader.core.newsince import new_ids_on
from telereader.core.snippet import snippet
from telereader.core.store import Store, StoredItem
from telereader.core.stored import stored_item
from telereader.core.text import one_line

ItemRole = Qt.ItemDataRole.UserRole + 1  # the StoredItem of a row
ItemIdRole = Qt.ItemDataRole.UserRole + 2
HighlightRole = Qt.ItemDataRole.UserRole + 3  # the terms to highlight in a row
ShowDayRole = Qt.ItemDataRole.UserRole + 4  # rows from many days show their day
NoteRole = Qt.ItemDataRole.UserRole + 5  # the note shown in the row (None for no note)
# a search result's matched passage of the body (str), or None: the row shows the body whole
SnippetRole = Qt.ItemDataRole.UserRole + 6
NewRole = Qt.ItemDataRole.UserRole + 7  # True: the item arrived since the reader looked at its day
# the day's row standing for a story sent more than once: what it says of the others ("" else)
SimilarRole = Qt.ItemDataRole.UserRole + 8
NOTE_MARK = "✎ "  # a search result found in the reader's note: its snippet is the note's
NOTE_PASSAGE = 90  # characters of a found note shown when no term marks a passage

Index = QModelIndex | QPersistentModelIndex
FirstPage = tuple[list[StoredItem], int]  # a paged list's first page and its total


@dataclass(frozen=True, slots=True)
class RowFacts:
    """Everything a row of an item list shows, read from its model in one call (`row_facts`):
    the delegate wants a row's item, passage, note, terms and marks several times a layout
    and a paint, and every Qt role asked for costs microseconds through QVariant. The roles
    above answer from these facts too."""

    item: StoredItem
    snippet: str | None = None  # SnippetRole
    note: str | None = None  # NoteRole: the note shown under the row (None: not a notes row)
    terms: tuple[str, ...] = ()  # HighlightRole
    show_day: bool = False  # ShowDayRole
    new: bool = False  # NewRole
    similar: str = ""  # SimilarRole


# the roles a row's facts answer, and which of its fields answers each
_FACT_OF_ROLE = {
    SnippetRole: "snippet",
    NoteRole: "note",
    HighlightRole: "terms",
    ShowDayRole: "show_day",
    NewRole: "new",
    SimilarRole: "similar",
}


def row_data(model, row: int, role: int, with_day: bool = False):
    """A role of row `row` of an item model: the roles of what the row shows from its facts,
    the item's own (ItemRole, DisplayRole …) from the item alone, without working out a
    passage or a similar-story line that they do not need (Ctrl+C over thousands of rows,
    Qt's type-ahead over DisplayRole)."""
    field = _FACT_OF_ROLE.get(role)
    if field is not None:
        facts = model.row_facts(row)
        return None if facts is None else getattr(facts, field)
    item = model.item_at(row)
    return None if item is None else item_data(item, role, with_day)


def plain_tooltip(text: str) -> str:
    """Qt guesses whether a tooltip is rich text; escaping makes file text always literal."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def item_data(item: StoredItem, role: int, with_day: bool = False):
    """What every item list shows of an item, by role."""
    if role == Qt.ItemDataRole.DisplayRole:
        day = f"{item.time:%Y-%m-%d}  " if with_day else ""  # the real date, after midnight too
        return f"{day}{item.time:%H:%M}  {one_line(item.headline, 200)}"
    if role == Qt.ItemDataRole.ToolTipRole:
        return plain_tooltip(one_line(item.title or item.body, 300))
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(not item.read)
        return font
    if role == ItemRole:
        return item
    if role == ItemIdRole:
        return item.id
    return None


def row_of(items: list[StoredItem], item_id: str) -> int | None:
    return next((row for row, item in enumerate(items) if item.id == item_id), None)


def item_flags(index: Index) -> Qt.ItemFlag:
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )


class ItemListModel(QAbstractListModel):
    """Rows of items; subclasses decide which items and how they arrive."""

    SHOWS_DAY = False  # rows from many days: they show their day (ShowDayRole, DisplayRole)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[StoredItem] = []

    def row_of(self, item_id: str) -> int | None:
        return row_of(self._items, item_id)

    def refresh(self, item_id: str, fresh: StoredItem | None) -> None:
        """The item changed (starred, note, read): repaint its row with `fresh`."""
        row = self.row_of(item_id)
        if fresh is not None and row is not None:
            self._items[row] = fresh
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return item_flags(index)

    def item_at(self, row: int) -> StoredItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_facts(self, row: int) -> RowFacts | None:
        """What row `row` shows (None past the end); subclasses add what their rows show."""
        item = self.item_at(row)
        return None if item is None else RowFacts(item, show_day=self.SHOWS_DAY)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        return row_data(self, index.row(), role, self.SHOWS_DAY) if index.isValid() else None


class DayItemsModel(SimilarFolding, QAbstractListModel):
    """The items of one digest day that pass the filter, in time order: oldest first, or newest
    first when `newest_first` (after-midnight items are the day's latest either way).

    A day holds hundreds of items, not millions: one indexed query loads them all (the counts,
    `.` and Space need the whole day). The view is given them a page at a time (`fetchMore`),
    though: a list of wrapped rows asks every row it is given for its height, and the first
    layout after a switch only needs the rows that fill the view. `row_of` hands the view every
    row down to the one asked for, so an item can be selected anywhere in the day. Rows that
    stop matching the filter while shown (an item becomes read under "unread only") stay until
    the next load, so that the list never jumps under the reader's cursor.

    Near-duplicates (`market_similar`) passing the filter are folded under the row standing for
    their story (app/day_folding.py) while `fold_similar` is on.
    """

    PAGE = 40  # rows given to the view at a time as it scrolls (the view fetches the next
    # page itself while its last row shows), the first at most; each row costs a size hint

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        # the rows a load gives the view: as many as fill it at the least height a row has
        # (set by the list as its height and font change), else a page
        self.first_page = self.PAGE
        # every row that passes the filter: the day's rows themselves when no filter is on
        self._items: Sequence[StoredItem] = []
        self._shown = 0  # how many of them the view has been given
        self._all = DayRows([], stored_item)
        self._base: Sequence[StoredItem] = self._all  # the rows passing the filter, unfolded
        self._base_rows: dict[str, int] | None = None
        self._said: dict[int, str] = {}  # what a story's row says, by its position
        self.fold_similar = True  # the reader's choice (View menu)
        self.copies: dict[str, str] = {}  # the day's near-duplicates → their story's leader
        self.unfolded: set[str] = set()  # the leaders of the stories the reader unfolded
        self.day: dt.date | None = None
        self.item_filter = ItemFilter()
        self.newest_first = False  # the reader's choice of order (the window's toggle)
        self.new_ids: frozenset[str] = frozenset()  # arrived since the reader looked (NewRole)
        self.asked_looks: dict[dt.date, int] = {}  # looks asked for, maybe not landed (window's)
        # How the window shows an item: the library's row with the writes under way applied,
        # and which items have writes under way.
        self.overlay: Callable[[StoredItem], StoredItem] = lambda item: item
        self.pending: Callable[[], Collection[str]] = frozenset

    # ---- loading ----------------------------------------------------------------------------

    def load(self, day: dt.date | None, item_filter: ItemFilter | None = None) -> None:
        self.beginResetModel()
        if day != self.day:
            self.unfolded = set()
        self.day = day
        if item_filter is not None:
            self.item_filter = item_filter
        # the rows a first screenful needs whole, the others brief (read when wanted); all of
        # them whole when a filter will look at every item
        # one indexed read of the day's near-duplicates (none on most real days): the rows
        # folded away are read whole too, so that the first page shown needs no second read
        self.copies = similar_to(self._store.conn, day) if day and self.fold_similar else {}
        page = min(self.PAGE, self.first_page)
        whole = None if self.item_filter.is_active else page + len(self.copies)
        rows = self._store.item_rows_on(day, whole, self.newest_first) if day else []
        self.new_ids = new_ids_on(self._store, day, self.asked_looks.get(day)) if day else frozenset()
        overlay = self.overlay
        self._all = DayRows(rows, lambda row: overlay(stored_item(row)), self._store.item_rows_by_id)
        if self.item_filter.is_active:
            base = [item for item in self._all if self.item_filter.matches(item)]
        else:
            base = self._all
        self._items = self._fold_rows(base)
        self._shown = min(page, len(self._items))
        self.endResetModel()

    def reload(self) -> None:
        self.load(self.day)

    def refresh(self, item_id: str) -> None:
        """Re-read one item (starred, note, read changed) and repaint its row only."""
        fresh = self._store.item(item_id)
        if fresh is None:
            return
        fresh = self.overlay(fresh)
        in_day = self._all.row_of(item_id)
        if in_day is not None:
            self._all[in_day] = fresh
        row = self._row_shown(item_id)
        if row is None:
            self._refresh_folded(item_id, fresh)
            return
        self._items[row] = fresh
        if row < self._shown:  # a row not yet given to the view is read when it is
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _row_shown(self, item_id: str) -> int | None:
        if isinstance(self._items, FoldedRows):
            at = self._position(item_id)
            return None if at is None else self._items.row_at(at)
        if self._items is self._all:
            return self._all.row_of(item_id)
        return row_of(self._items, item_id)

    # ---- reading ----------------------------------------------------------------------------

    @property
    def day_items(self) -> list[StoredItem]:
        """Every item of the day, whatever the filter."""
        return list(self._all)

    @property
    def day_total(self) -> int:
        """How many items the day has, whatever the filter."""
        return len(self._all)

    def day_counts(self) -> DayCounts:
        """The day's counts, whatever the filter, with the writes under way applied."""
        return self._all.counts(self.pending())

    @property
    def matching(self) -> int:
        """How many of the day's items pass the filter (folded under their story or not)."""
        return len(self._base)

    def first_new_from(self, start: int) -> StoredItem | None:
        """The first item at row `start` or after that arrived since the reader looked."""
        return next((item for item in self._items[max(0, start) :] if item.id in self.new_ids), None)

    def row_of(self, item_id: str) -> int | None:
        """The row of `item_id`; the view is given every row down to it first. An item folded
        under its story's row is unfolded first."""
        row = self._row_shown(item_id)
        if row is None and self.unfold_for(item_id):
            row = self._row_shown(item_id)
        if row is not None:
            self.show_through(row)
        return row

    def show_through(self, row: int) -> None:
        """Give the view every row down to `row` (and the rest of its page)."""
        wanted = min(len(self._items), max(row + 1, self._shown + self.PAGE))
        if row < self._shown or wanted <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, wanted - 1)
        self._shown = wanted
        self.endInsertRows()

    def show_all(self) -> None:
        """Give the view every row (select all, End)."""
        self.show_through(len(self._items) - 1)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._items)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.show_through(self._shown)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def item_at(self, row: int) -> StoredItem | None:
        return self._items[row] if 0 <= row < self._shown else None

    def row_facts(self, row: int) -> RowFacts | None:
        item = self.item_at(row)
        if item is None:
            return None
        return RowFacts(item, new=item.id in self.new_ids, similar=self.similar_text(row))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        return row_data(self, index.row(), role) if index.isValid() else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return item_flags(index)


class SearchResultsModel(ItemListModel):
    """Library-wide search results, a page at a time: the first page comes with the total, and
    the view asks for more (`fetchMore`) as the reader scrolls."""

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self._service = service
        self.total = 0
        self.request = None  # the SearchRequest these rows answer
        self.terms: tuple[str, ...] = ()
        self.ranked = False
        self._fetching = False
        self._snippets: dict[str, str | None] = {}  # by item id: rows are painted often
        self.notes: dict[str, str] = {}  # item id → its note, for items found in their note

    def reset(self, request, result) -> None:
        """Show the first page of a new search."""
        self.beginResetModel()
        self.request = request
        self._items = list(result.items)
        self.total = result.total
        self.terms = result.query.include
        self.ranked = result.ranked
        self.notes = dict(result.notes)
        self._fetching = False
        self._snippets = {}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.request, self._items, self.total, self.terms = None, [], 0, ()
        self.notes = {}
        self._fetching = False
        self._snippets = {}
        self.endResetModel()

    def append(self, request, result) -> None:
        """A further page of the current search."""
        self._fetching = False
        if self.request is None or request.text != self.request.text:
            return
        self.notes.update(result.notes)
        known = {item.id for item in self._items}
        fresh = [item for item in result.items if item.id not in known]
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self.request is not None
            and not self._fetching
            and len(self._items) < self.total
            and self._service.is_current(self.request)
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._service.request(
            self.request.text,
            self.request.search_filter,
            self.request.best_first,
            offset=len(self._items),
            limit=self.request.limit,
            notes_only=self.request.notes_only,
        )

    SHOWS_DAY = True

    def row_facts(self, row: int) -> RowFacts | None:
        item = self.item_at(row)
        if item is None:
            return None
        return RowFacts(
            item, snippet=self.snippet(item), terms=self.terms, show_day=self.SHOWS_DAY
        )

    def snippet(self, item: StoredItem) -> str | None:
        """The passage of the item's body the search matched; None when its title shows the
        match. For an item found in its note, the note's passage, marked ✎."""
        if item.id not in self._snippets:
            note = self.notes.get(item.id)
            if note is not None:
                passage = snippet(note, self.terms) or one_line(note, NOTE_PASSAGE)
                self._snippets[item.id] = NOTE_MARK + passage
            else:
                self._snippets[item.id] = snippet(item.body, self.terms, item.title)
        return self._snippets[item.id]
