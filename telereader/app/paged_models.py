"""The lists that read pages of items across days as the view scrolls: the Watch view's hits
and the views across days (all starred, all noted, a company's or theme's items)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from telereader.app.across import AcrossView
from telereader.app.models import (
    FirstPage,
    Index,
    ItemListModel,
    RowFacts,
    plain_tooltip,
)
from telereader.core.filters import ItemFilter
from telereader.core.store import Store, StoredItem
from telereader.core.text import one_line
from telereader.core.watchlists import hit_page, hit_total


class PagedItemsModel(ItemListModel):
    """Items across days, newest first, a page at a time: `load` gives the first page and the
    total, and the view asks for more (`fetchMore`) as the reader scrolls. Subclasses say which
    items (`_page`, `_total`)."""

    PAGE = 200

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        self.total = 0
        self.item_filter = ItemFilter()
        self._fetching = False

    def _page(self, limit: int, after_id: str | None) -> list[StoredItem]:
        """Up to `limit` items, newest first, older than the item `after_id` (None: from the
        newest). By key, not by offset: rows that stopped matching stay shown until the next
        reload, and the library's list is then shorter than the model's."""
        raise NotImplementedError

    def _total(self) -> int:
        raise NotImplementedError

    def _reload(self, first: FirstPage | None = None) -> None:
        """Read the first page and the total afresh, or take `first` (read on a worker)."""
        page, total = first if first is not None else (self._page(self.PAGE, None), None)
        self.beginResetModel()
        self._items = list(page)
        self.total = total if total is not None else self._total()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._items, self.total = [], 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._items) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True  # the view may ask again while rows go in: one page at a time
        try:
            page = self._page(self.PAGE, self._items[-1].id if self._items else None)
            known = {item.id for item in self._items}
            fresh = [item for item in page if item.id not in known]
            if not fresh:
                self.total = len(self._items)  # items went meanwhile: nothing more to fetch
                return
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()
        finally:
            self._fetching = False

    SHOWS_DAY = True


class WatchHitsModel(PagedItemsModel):
    """Every watchlist hit across days (or one list's), newest first, a page at a time.

    Hits are kept in the library as they change, so a page is one indexed query: it is read
    here as the view scrolls, never the whole list at once.
    """

    def __init__(self, store: Store, parent=None):
        super().__init__(store, parent)
        self.watchlist_id: int | None = None

    def load(self, watchlist_id: int | None, item_filter: ItemFilter | None = None) -> None:
        """The hits of one list (None: of every list) that pass the list's filters."""
        self.watchlist_id = watchlist_id
        self.item_filter = item_filter or ItemFilter()
        self._reload()

    def _page(self, limit: int, after_id: str | None) -> list[StoredItem]:
        return hit_page(
            self._store, limit, 0, self.watchlist_id, self.item_filter, after_id=after_id
        )

    def _total(self) -> int:
        return hit_total(self._store, self.watchlist_id, self.item_filter)


def across_page(
    store: Store, item_filter: ItemFilter, limit: int, after_id: str | None
) -> list[StoredItem]:
    if item_filter.names:  # a company's or theme's: a window of days at a time
        from telereader.core.name_view import name_page

        return name_page(store, item_filter, limit, after_id)
    return store.items_page(*item_filter.sql(), limit=limit, after_id=after_id)


class AcrossDaysModel(PagedItemsModel):
    """The items of one view across days (app/across.py: every starred item, every item with a
    note) that pass the list's filters, newest first, a page at a time."""

    def __init__(self, store: Store, parent=None):
        super().__init__(store, parent)
        self.view: AcrossView | None = None

    def load(
        self, view: AcrossView, item_filter: ItemFilter | None = None, first: FirstPage | None = None
    ) -> None:
        """The view's items under the list's filters; `first`: its first page and total, read
        on a worker for exactly this view and filter (read_first)."""
        self.view = view
        self.item_filter = view.narrow(item_filter or ItemFilter())
        self._reload(first)

    @classmethod
    def read_first(cls, store: Store, item_filter: ItemFilter) -> FirstPage:
        """The first page and total of the items `item_filter` (a view's, narrowed) lets
        through, with `store`'s connection: what `load` reads, for a worker to read."""
        return across_page(store, item_filter, cls.PAGE, None), store.items_total(
            *item_filter.sql()
        )

    def _page(self, limit: int, after_id: str | None) -> list[StoredItem]:
        return across_page(self._store, self.item_filter, limit, after_id)

    def _total(self) -> int:
        return self._store.items_total(*self.item_filter.sql())

    @property
    def _shows_note(self) -> bool:
        return self.view is not None and self.view.shows_note

    def row_facts(self, row: int) -> RowFacts | None:
        item = self.item_at(row)
        if item is None:
            return None
        note = (item.note or "") if self._shows_note else None
        return RowFacts(item, note=note, show_day=self.SHOWS_DAY)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and self._shows_note:
            item = self.item_at(index.row()) if index.isValid() else None
            if item is None:
                return None
            return plain_tooltip(
                one_line(item.title or item.body, 300) + "\n\n" + (item.note or "")
            )
        return super().data(index, role)
