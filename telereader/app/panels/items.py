"""The item list: one QListView showing a day's items, search results, watchlist hits or a view
across days; an empty list says why it is empty and what to do."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from telereader.app.models import (
    DayItemsModel,
    ItemIdRole,
    ItemRole,
    SearchResultsModel,
    SimilarRole,
)
from telereader.app.paged_models import AcrossDaysModel, WatchHitsModel
from telereader.app.widgets.delegate import ItemDelegate
from telereader.app.widgets.row_geometry import PADDING
from telereader.core.store import Store, StoredItem


class ItemList(QListView):
    """`model` (the day), `search_model`, `hits_model` and `across_model`; one of them is
    shown. `empty_text` (set by the window) says what an empty list paints in its middle."""

    current_item_changed = Signal(object)  # StoredItem or None
    opened = Signal()  # Enter or a double click on a row
    similar_clicked = Signal(str)  # the id of a row whose "另有 N 条相似" line was clicked

    def __init__(self, store: Store, search_service, parent: QWidget | None = None):
        super().__init__(parent)
        self._scroll_when_settled: tuple[QPersistentModelIndex, object] | None = None
        self.setObjectName("items")
        self.day_model = DayItemsModel(store, self)
        self.search_model = SearchResultsModel(search_service, self)
        self.hits_model = WatchHitsModel(store, self)
        self.across_model = AcrossDaysModel(store, self)
        self.empty_text: Callable[[], str] = lambda: ""
        self.painted_empty_text = ""  # what the last paint of an empty list said
        self.setModel(self.day_model)
        self.delegate = ItemDelegate(self)
        self.setItemDelegate(self.delegate)
        self._rows_of_own_heights()
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.selectionModel().currentChanged.connect(self._current_changed)
        for model in (self.day_model, self.search_model, self.hits_model, self.across_model):
            model.dataChanged.connect(self._height_may_have_changed)
        self.activated.connect(lambda _index: self.opened.emit())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _rows_of_own_heights(self) -> None:
        """Each row as tall as its wrapped text. The delegate measures the first rows and
        estimates the rest, measured when idle (widgets/row_heights.py): laying a day out in
        one pass stays cheap, and every row has its place at once (Qt's batched layout leaves
        rows without one, and scrollTo and keyboard selection with them). The width is the
        viewport's; a change of width lays the rows out again."""
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.delegate.heights.changed.connect(
            self._heights_settled, Qt.ConnectionType.QueuedConnection
        )
        self.verticalScrollBar().actionTriggered.connect(self._forget_scroll)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no width flip-flop
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_first_page()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_first_page()

    def _fit_first_page(self) -> None:
        """A day's first page is the rows that fill the list at the least height a row can have
        (one line): each row given to the view costs a size hint at every day switch, and a
        page of 40 was twice what a 900-pixel window shows."""
        least = QFontMetrics(self.font()).height() + PADDING * 2
        self.day_model.first_page = self.viewport().height() // max(1, least) + 2

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        # rows laid out at estimated heights may move once measured: scroll again then
        self._scroll_when_settled = (QPersistentModelIndex(index), hint)

    def mouseReleaseEvent(self, event) -> None:
        """A click on the last line of a row standing for a story sent more than once (its
        "另有 N 条相似") unfolds or folds the story."""
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        index = self.indexAt(point)
        if event.button() != Qt.MouseButton.LeftButton or not index.data(SimilarRole):
            return
        line = self.fontMetrics().lineSpacing() + PADDING * 2
        if point.y() >= self.visualRect(index).bottom() - line:
            self.similar_clicked.emit(index.data(ItemIdRole))

    def wheelEvent(self, event) -> None:
        self._scroll_when_settled = None  # the reader scrolls: leave the view where they put it
        super().wheelEvent(event)

    def _heights_settled(self) -> None:
        """Rows laid out at an estimate have their real heights now: lay them out again (from
        the delegate's cache) and keep the row last scrolled to in view."""
        self.doItemsLayout()
        pending, self._scroll_when_settled = self._scroll_when_settled, None
        if pending is None:
            return
        index = QModelIndex(pending[0])
        if index.isValid() and index.model() is self.model():
            super().scrollTo(index, pending[1])

    def _forget_scroll(self, _action: int) -> None:
        self._scroll_when_settled = None

    def _height_may_have_changed(self, top: QModelIndex, bottom: QModelIndex, _roles=()) -> None:
        """An item changed (a star, a note: a badge more or less): when its row's height is
        no longer the one laid out, the rows are laid out again (from the delegate's cache)."""
        if top.model() is not self.model():
            return
        for row in range(top.row(), min(bottom.row(), top.row() + 50) + 1):
            index = self.model().index(row, 0)
            shown = self.visualRect(index)
            if shown.isValid() and self.sizeHintForIndex(index).height() != shown.height():
                self.delegate.sizeHintChanged.emit(index)
                return

    def set_overlay(
        self,
        overlay: Callable[[StoredItem], StoredItem],
        pending: Callable[[], Collection[str]] = frozenset,
    ) -> None:
        """Writes under way show at once: `overlay` applies them to an item, `pending` names
        the items they change."""
        self.day_model.overlay = overlay
        self.day_model.pending = pending

    @property
    def searching(self) -> bool:
        return self.model() is self.search_model

    @property
    def watching(self) -> bool:
        return self.model() is self.hits_model

    @property
    def across(self) -> bool:
        """A view across days (app/across.py) is shown."""
        return self.model() is self.across_model

    def use(self, model) -> bool:
        """Show `model`; False when it already was."""
        if self.model() is model:
            return False
        self.setModel(model)
        self.selectionModel().currentChanged.connect(self._current_changed)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_item_changed.emit(current.data(ItemRole) if current.isValid() else None)

    def current_item(self) -> StoredItem | None:
        index = self.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select(self, item_id: str | None) -> bool:
        """Select `item_id` in the list shown, else its first row; False when it is empty."""
        model = self.model()
        row = model.row_of(item_id) if item_id else None
        if row is None and model.rowCount() > 0:
            row = 0
        if row is None:
            self.selectionModel().clearCurrentIndex()
            return False
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def selectAll(self) -> None:
        """Ctrl+A: every row of the list, the day's rows not yet given to the view too."""
        model = self.model()
        if isinstance(model, DayItemsModel):
            model.show_all()
        super().selectAll()

    def moveCursor(self, action, modifiers):
        """End (and Ctrl+End) goes to the day's last item, whichever rows the view has yet."""
        model = self.model()
        if action == QAbstractItemView.CursorAction.MoveEnd and isinstance(model, DayItemsModel):
            model.show_all()
        return super().moveCursor(action, modifiers)

    def move(self, step: int) -> None:
        model = self.model()
        rows = model.rowCount()
        if rows == 0:
            return
        current = self.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if row >= rows and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            rows = model.rowCount()
        index = model.index(max(0, min(rows - 1, row)), 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def refresh(self, item_id: str, fresh: StoredItem | None) -> None:
        """An item changed: every model shows it afresh."""
        self.day_model.refresh(item_id)
        self.search_model.refresh(item_id, fresh)
        self.hits_model.refresh(item_id, fresh)
        self.across_model.refresh(item_id, fresh)

    def set_watchlists(self, watchlists: list) -> None:
        self.delegate.watchlists = watchlists
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text() if self.model().rowCount() == 0 else ""
        self.painted_empty_text = text
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = self.fontMetrics().height()
        painter.drawText(
            self.viewport().rect().adjusted(margin, margin, -margin, -margin),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            text,
        )
        painter.end()
