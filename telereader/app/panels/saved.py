"""The side list of saved searches: each with its unread count; one click (or Enter) opens it,
F2 renames, Delete deletes, Alt+↑/↓ or a drag reorders, the context menu exports or charts it.
It asks by signals and knows nothing of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import tr
from telereader.core.saved_searches import SavedSearch

ID_ROLE = Qt.ItemDataRole.UserRole


class SavedSearchList(QListWidget):
    """The rows; the keys and the drag of a reorder."""

    moved = Signal(int, int)  # saved search id, its new place
    key_action = Signal(str, int)  # "open" / "rename" / "delete", saved search id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        saved_id = self.current_id()
        key, modifiers = event.key(), event.modifiers()
        if saved_id is not None and modifiers == Qt.KeyboardModifier.AltModifier:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: +1}.get(key)
            if step is not None:
                self.moved.emit(saved_id, self.currentRow() + step)
                return
        wanted = {Qt.Key.Key_Return: "open", Qt.Key.Key_Enter: "open", Qt.Key.Key_F2: "rename",
                  Qt.Key.Key_Delete: "delete"}.get(key)  # fmt: skip
        if saved_id is not None and wanted and modifiers == Qt.KeyboardModifier.NoModifier:
            self.key_action.emit(wanted, saved_id)
            return
        super().keyPressEvent(event)

    def dropEvent(self, event) -> None:
        saved_id = self.current_id()
        super().dropEvent(event)  # the row moves on screen; the library follows
        if saved_id is not None:
            rows = [self.item(row).data(ID_ROLE) for row in range(self.count())]
            self.moved.emit(saved_id, rows.index(saved_id))


class SavedSearches(QWidget):
    opened = Signal(int)  # the saved search to open
    rename_wanted = Signal(int)
    delete_wanted = Signal(int)
    move_wanted = Signal(int, int)  # id, its new place
    export_wanted = Signal(int)
    trend_wanted = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(tr("保存的搜索"), self)
        self.rows = SavedSearchList(self)
        self.rows.setObjectName("saved_searches")
        self.rows.setAccessibleName(tr("保存的搜索"))
        self.rows.setToolTip(
            tr("单击或回车打开；F2 重命名，Delete 删除，Alt+↑/↓ 或拖动调整顺序；右键导出或看趋势")
        )
        self.title.setBuddy(self.rows)
        self.rows.itemClicked.connect(lambda item: self.opened.emit(item.data(ID_ROLE)))
        self.rows.moved.connect(self.move_wanted)
        self.rows.key_action.connect(self._key_action)
        self.rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.rows.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None
        self.searches: list[SavedSearch] = []
        self.unread: dict[int, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.rows)
        self.setVisible(False)  # until there is one

    def set_searches(self, searches: list[SavedSearch]) -> None:
        """The saved searches in their order; counts shown are kept until new ones come."""
        current = self.rows.current_id()
        self.searches = list(searches)
        self.rows.clear()
        for saved in self.searches:
            item = QListWidgetItem(self._label(saved))
            item.setData(ID_ROLE, saved.id)
            item.setToolTip(saved.query)
            self.rows.addItem(item)
            if saved.id == current:
                self.rows.setCurrentItem(item)
        self.setVisible(bool(self.searches))

    def set_unread(self, unread: dict[int, int]) -> None:
        self.unread = dict(unread)
        for row in range(self.rows.count()):
            item = self.rows.item(row)
            saved = self.by_id(item.data(ID_ROLE))
            if saved is not None:
                item.setText(self._label(saved))

    def by_id(self, saved_id: int) -> SavedSearch | None:
        return next((saved for saved in self.searches if saved.id == saved_id), None)

    def row_text(self, saved_id: int) -> str:
        row = [s.id for s in self.searches].index(saved_id)
        return self.rows.item(row).text()

    def _label(self, saved: SavedSearch) -> str:
        unread = self.unread.get(saved.id)
        return f"{saved.name}  ({unread})" if unread else saved.name

    def _key_action(self, wanted: str, saved_id: int) -> None:
        {"open": self.opened, "rename": self.rename_wanted, "delete": self.delete_wanted}[
            wanted
        ].emit(saved_id)

    def context_menu_for(self, saved_id: int) -> QMenu:
        """打开, 重命名…, 上移, 下移, 导出…, 趋势, 删除… for one saved search."""
        menu = QMenu(self)
        row = [s.id for s in self.searches].index(saved_id)
        entries = (
            ("open", tr("打开"), lambda: self.opened.emit(saved_id)),
            ("rename", tr("重命名…"), lambda: self.rename_wanted.emit(saved_id)),
            ("up", tr("上移"), lambda: self.move_wanted.emit(saved_id, row - 1)),
            ("down", tr("下移"), lambda: self.move_wanted.emit(saved_id, row + 1)),
            ("export", tr("导出…"), lambda: self.export_wanted.emit(saved_id)),
            ("trend", tr("趋势"), lambda: self.trend_wanted.emit(saved_id)),
            ("delete", tr("删除…"), lambda: self.delete_wanted.emit(saved_id)),
        )
        for name, text, slot in entries:
            action = QAction(text, menu)
            action.setObjectName(f"saved_{name}")
            action.triggered.connect(slot)
            menu.addAction(action)
        return menu

    def _context_menu(self, point) -> None:
        item = self.rows.itemAt(point)
        if item is None:
            return
        self.menu = self.context_menu_for(item.data(ID_ROLE))
        self.menu.popup(self.rows.viewport().mapToGlobal(point))

    def focus(self) -> None:
        if self.rows.currentRow() < 0 and self.rows.count():
            self.rows.setCurrentRow(0)
        self.rows.setFocus(Qt.FocusReason.ShortcutFocusReason)
