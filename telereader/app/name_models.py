"""The names the library knows (companies and themes) with their counts of items, as a table
model, and the proxy that narrows it to what the reader types: thousands of names at ten years,
read once off the UI thread and drawn only as far as the view shows."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from telereader.app.i18n import QT_TR_NOOP, tr

Index = QModelIndex | QPersistentModelIndex
NAME_ROLE = Qt.ItemDataRole.UserRole  # the name of a row, whatever the column
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # the count as a number: sorting by it


def names_of_library(store) -> list:
    """Every name with its count of items, most first (core.markets.name_counts); off the UI
    thread."""
    from telereader.core.markets import name_counts

    return name_counts(store.conn)


class NameCountsModel(QAbstractTableModel):
    HEADERS = (QT_TR_NOOP("名称"), QT_TR_NOOP("类别"), QT_TR_NOOP("条数"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []  # core.markets.NameCount

    def reset(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == NAME_ROLE:
            return row.name
        if role == KIND_ROLE:
            return row.kind
        if role == COUNT_ROLE:
            return row.count
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.name
            if column == 1:
                return tr("公司") if row.kind == "company" else tr("题材")
            return str(row.count)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class NameFilterModel(QSortFilterProxyModel):
    """The names holding the typed text (case aside), of the kind chosen (None: both)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind: str | None = None
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)
        self.setSortRole(COUNT_ROLE)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.kind is not None:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(KIND_ROLE) != self.kind:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
