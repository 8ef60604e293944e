"""Going back to a list across days after opening one of its items: search results, the Watch
view, a view across days. Opening an item shows it on its day; Esc, Back (Alt+←, the mouse's
Back button, the "← 返回…" button) return to the list as it was: the same rows (no new search
that could reorder them), filters, scroll position and selected row. When the library changed
meanwhile, the list is read afresh, keeping the selected item and where it stood. A mixin of
MainWindow."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView

from telereader.app.across import BY_ID, AcrossView
from telereader.app.i18n import tr
from telereader.app.models import ItemIdRole

SEARCH, WATCH, ACROSS = "search", "watch", "across"


@dataclass
class ReturnPoint:
    """A list across days as it was when one of its items was opened."""

    kind: str  # SEARCH, WATCH or ACROSS
    view_id: str | None  # the view across days (ACROSS)
    search_text: str
    filters: dict[str, bool]
    item_id: str | None  # the row selected
    row_top: int  # where that row stood in the list's viewport
    scroll: int  # the list's scroll position
    stale: bool = False  # the library changed since: read the list afresh
    across_view: AcrossView | None = None  # the view across days (ACROSS): a name's is made

    def label(self) -> str:
        """The back button's text."""
        if self.kind == SEARCH:
            name = tr("搜索结果")
        elif self.kind == WATCH:
            name = tr("关注命中")
        elif self.across_view is not None and self.across_view.title:
            name = self.across_view.title  # a company or theme
        else:
            name = tr(BY_ID[self.view_id].button)
        return tr("← 返回%1").replace("%1", name)


class BackButtonFilter(QObject):
    """The mouse's Back button over the list or the text, where the widgets take the press."""

    def __init__(self, go_back, parent: QObject):
        super().__init__(parent)
        self._go_back = go_back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and event.button() == Qt.MouseButton.BackButton
        ):
            self._go_back()
            return True
        return False


def keep_row_at(view: QListView, item_id: str | None, row_top: int) -> None:
    """Scroll so that the row of `item_id` stands where it stood (`row_top` in the viewport)."""
    row = view.model().row_of(item_id) if item_id else None
    if row is None:
        return
    index = view.model().index(row, 0)
    view.scrollTo(index)
    bar = view.verticalScrollBar()
    moved = view.visualRect(index).top() - row_top
    if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
        moved = round(moved / max(1, view.visualRect(index).height()))
    bar.setValue(bar.value() + moved)


class BackNavigation:
    return_point: ReturnPoint | None = None
    _returning: ReturnPoint | None = None  # a stale search re-run on the way back

    def _wire_back(self) -> None:
        self.back_filter = BackButtonFilter(self.go_back, self)
        for widget in (self, self.list.viewport(), self.detail.body.viewport()):
            widget.installEventFilter(self.back_filter)
        self.search_bar.back_wanted.connect(self.go_back)

    def _remember_return_point(self) -> None:
        """The list across days shown, as it is now, before an item of it is opened."""
        kind = SEARCH if self.searching else WATCH if self.watching else ACROSS
        current = self.list.currentIndex()
        self.return_point = ReturnPoint(
            kind,
            self.across_model.view.id if kind == ACROSS else None,
            self.search_bar.text(),
            self.filter_bar.checked(),
            current.data(ItemIdRole) if current.isValid() else None,
            self.list.visualRect(current).top() if current.isValid() else 0,
            self.list.verticalScrollBar().value(),
            across_view=self.across_model.view if kind == ACROSS else None,
        )
        self.search_bar.show_back(self.return_point.label())

    def forget_return_point(self) -> None:
        """The reader went elsewhere (a new search, another view): Back has nothing to return to."""
        self.return_point = self._returning = None
        self.search_bar.show_back(None)

    def library_moved(self) -> None:
        """Items came or went, or hits changed: a list to return to is read afresh."""
        if self.return_point is not None:
            self.return_point.stale = True

    def go_back(self) -> None:
        """Back to the list an item was opened from, as it was; from a list across days with
        nothing to return to, back to the day."""
        point = self.return_point
        if point is None or self.across_days:
            if self.across_days:
                self.escape()
            return
        self.forget_return_point()
        self.detail.flush_note()
        if point.filters != self.filter_bar.checked():
            self.filter_bar.set_checked(point.filters)  # the list's filters, and the day's
            self.model.load(self.model.day, self.current_filter())
        if point.kind == SEARCH:
            self.search_bar.set_text(point.search_text)
            if point.stale:
                self._returning = point  # the answer selects the item (`_returned_to_search`)
                self._search_again()
                self.focus_list()
                return
            self._use_model(self.search_model)
        elif point.kind == WATCH:
            self._use_model(self.hits_model)
            if point.stale:
                self.hits_model.load(self.hits_watchlist, self.current_filter())
        else:
            self._use_model(self.across_model)
            self.day_nav.show_across_active(point.view_id)
            if point.stale:
                self.across_model.load(point.across_view, self.current_filter())
        self._restore_place(point)
        self._update_counts()
        self.focus_list()

    def _search_again(self) -> None:
        """The search shown last, asked again as it was asked (its scope's days too), for as
        many rows as were shown: the selected one is among them."""
        request = self.search_model.request
        if request is None:
            self.run_search()
            return
        search_filter = request.search_filter.replace(
            watchlist_id=self.search_watchlist
        )  # a watchlist deleted meanwhile no longer narrows it
        rows = max(request.limit, self.search_model.rowCount())
        self.search_service.request(
            request.text, search_filter, request.best_first, limit=rows,
            notes_only=request.notes_only,
        )  # fmt: skip

    def _restore_place(self, point: ReturnPoint) -> None:
        """The selected row and the scroll position as they were; after a fresh read, the
        selected item where it stood (else the first row)."""
        self._select(point.item_id)
        self.list.doItemsLayout()  # the scroll range of the rows just shown
        if point.stale:
            keep_row_at(self.list, point.item_id, point.row_top)
        else:
            self.list.verticalScrollBar().setValue(point.scroll)

    def _returned_to_search(self) -> bool:
        """A search re-run on the way back answered: select and place its item. False when
        the answer is not one for going back."""
        point, self._returning = self._returning, None
        if point is None:
            return False
        self._restore_place(point)
        return True
