"""A day's movers as a table: each theme with the stocks that moved with it (time, stock, move
as written), stocks moved without a theme last; a click on a stock opens its item."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import tr

TARGET_ROLE = Qt.ItemDataRole.UserRole  # (day, item id) of a stock's row


def movers_of_day(store, day: dt.date) -> list:
    """The day's movers, extracting the day first if the background catch-up has not yet come
    to it; runs off the UI thread."""
    from telereader.core.markets import catch_up, day_movers

    catch_up(store, days=[day], workers=0)
    return day_movers(store.conn, day, day)


def by_theme(movers: list) -> list[tuple[str | None, list]]:
    """(theme, its movers in time order), themes in the order they first moved, None last."""
    groups: dict[str | None, list] = {}
    for mover in movers:
        groups.setdefault(mover.theme, []).append(mover)
    return sorted(groups.items(), key=lambda group: group[0] is None)


NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the theme or stock a row names


class MoversDialog(QDialog):
    open_wanted = Signal(object, str)  # day, item id
    name_wanted = Signal(str)  # a theme or stock: its items across days

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("movers")
        self.setWindowTitle(tr("当天异动"))
        self.loaded_day: dt.date | None = None  # the day the table shows, once read
        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("movers_tree")
        self.tree.setHeaderLabels([tr("题材 / 个股"), tr("异动"), tr("时间")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.name_button = buttons.addButton(
            tr("所选名称的全部条目"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.name_button.setObjectName("movers_name_view")
        self.name_button.setToolTip(tr("跨日列出提到所选题材或个股的所有条目"))
        self.name_button.clicked.connect(self.view_selected_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(560, 600)

    def show_movers(self, day: dt.date, movers: list) -> None:
        self.tree.clear()
        groups = by_theme(movers)
        self.summary.setText(
            tr("%1：%2 只个股异动，%3 个题材")
            .replace("%1", day.isoformat())
            .replace("%2", str(len({m.stock for m in movers})))
            .replace("%3", str(sum(theme is not None for theme, _ in groups)))
            if movers
            else tr("%1 没有找到异动个股").replace("%1", day.isoformat())
        )
        for theme, members in groups:
            name = theme if theme is not None else tr("其他个股")
            node = QTreeWidgetItem(self.tree, [f"{name}（{len(members)}）", "", ""])
            node.setData(0, NAME_ROLE, theme)
            for mover in members:
                row = QTreeWidgetItem(node, [mover.stock, mover.move, f"{mover.time:%H:%M}"])
                row.setData(0, TARGET_ROLE, (mover.day, mover.item_id))
                row.setData(0, NAME_ROLE, mover.stock)
                row.setToolTip(0, tr("单击打开这条电报"))
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """What the table shows: (theme row, [(stock, move, time)])."""
        shown = []
        for n in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(n)
            children = [node.child(c) for c in range(node.childCount())]
            shown.append((node.text(0), [(c.text(0), c.text(1), c.text(2)) for c in children]))
        return shown

    def _clicked(self, row: QTreeWidgetItem) -> None:
        target = row.data(0, TARGET_ROLE)
        if target is not None:
            self.open_wanted.emit(*target)
        elif row.data(0, NAME_ROLE):  # a theme's row: its items across days
            self.name_wanted.emit(row.data(0, NAME_ROLE))

    def view_selected_name(self) -> None:
        row = self.tree.currentItem()
        if row is not None and row.data(0, NAME_ROLE):
            self.name_wanted.emit(row.data(0, NAME_ROLE))
