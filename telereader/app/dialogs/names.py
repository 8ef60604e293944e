"""The companies and themes the library knows, with their counts of items, narrowed by typing;
choosing one shows its items across days in the window's list (newest first) and its moves
here. The reader adds a name the text was not read for, hides a wrong one, or gives one an
alias (written through LibraryOps, as every user datum)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.app.name_models import NAME_ROLE, NameCountsModel, NameFilterModel

TARGET_ROLE = Qt.ItemDataRole.UserRole  # (day, item id) of a move's row
KINDS = ((None, QT_TR_NOOP("全部")), ("company", QT_TR_NOOP("公司")), ("theme", QT_TR_NOOP("题材")))


class NamesDialog(QDialog):
    name_chosen = Signal(str)  # show this name's items in the window's list
    open_wanted = Signal(object, str)  # day, item id
    # (what, name, other): "add" (other: kind), "hide", "alias" (other: the name it stands for)
    change_wanted = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("names")
        self.setWindowTitle(tr("公司与题材"))
        self.chosen: str | None = None
        self.model = NameCountsModel(self)
        self.shown = NameFilterModel(self)
        self.shown.setSourceModel(self.model)
        self.typed = QLineEdit(self)
        self.typed.setObjectName("names_filter")
        self.typed.setPlaceholderText(tr("输入名称筛选"))
        self.typed.setClearButtonEnabled(True)
        self.typed.textChanged.connect(self.shown.setFilterFixedString)
        self.kind = QComboBox(self)
        for kind, label in KINDS:
            self.kind.addItem(tr(label), kind)
        self.kind.currentIndexChanged.connect(
            lambda _n: self.shown.set_kind(self.kind.currentData())
        )
        self.table = self._table()
        self.summary = QLabel(self)
        self.moves = QTreeWidget(self)
        self.moves.setObjectName("name_moves")
        self.moves.setRootIsDecorated(False)
        self.moves.setHeaderLabels([tr("时间"), tr("个股"), tr("异动"), tr("题材")])
        self.moves.itemClicked.connect(self._move_clicked)
        self.moves.itemActivated.connect(self._move_clicked)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.typed, 1)
        top.addWidget(self.kind)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addLayout(self._buttons())
        layout.addWidget(self.summary)
        layout.addWidget(self.moves, 1)
        self.resize(520, 680)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("names_table")
        table.setModel(self.shown)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.clicked.connect(self._row_chosen)
        table.activated.connect(self._row_chosen)
        return table

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, label, tip, slot in (
            ("add_name", QT_TR_NOOP("添加名称…"), QT_TR_NOOP("添加识别漏掉的公司或题材"),
             self.ask_add),
            ("hide_name", QT_TR_NOOP("隐藏"), QT_TR_NOOP("隐藏所选名称（识别错了）"),
             self.ask_hide),
            ("alias_name", QT_TR_NOOP("别名…"), QT_TR_NOOP("给所选名称加一个别名（合并计数）"),
             self.ask_alias),
        ):  # fmt: skip
            button = QPushButton(tr(label), self)
            button.setObjectName(name)
            button.setToolTip(tr(tip))
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ---- what the window gives ------------------------------------------------------------------

    def show_names(self, rows: list) -> None:
        self.model.reset(rows)

    def show_moves(self, name: str, moves: list) -> None:
        self.moves.clear()
        self.summary.setText(
            tr("%1 的异动：%2 次").replace("%1", name).replace("%2", str(len(moves)))
            if moves
            else tr("%1 没有异动记录").replace("%1", name)
        )
        for move in moves:
            row = QTreeWidgetItem(
                self.moves, [f"{move.time:%Y-%m-%d %H:%M}", move.stock, move.move, move.theme or ""]
            )
            row.setData(0, TARGET_ROLE, (move.day, move.item_id))
            row.setToolTip(0, tr("单击打开这条电报"))

    def names_shown(self) -> list[str]:
        return [self.shown.index(row, 0).data(NAME_ROLE) for row in range(self.shown.rowCount())]

    def choose(self, name: str) -> None:
        """Choose `name` as a click on its row would."""
        self.chosen = name
        self.name_chosen.emit(name)

    # ---- the reader's asks ------------------------------------------------------------------------

    def _row_chosen(self, index: QModelIndex) -> None:
        name = index.data(NAME_ROLE)
        if name:
            self.choose(name)

    def _move_clicked(self, row: QTreeWidgetItem) -> None:
        target = row.data(0, TARGET_ROLE)
        if target is not None:
            self.open_wanted.emit(*target)

    def ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, tr("添加名称"), tr("公司或题材的名称："))
        if ok and name.strip():
            kinds = [tr("公司"), tr("题材")]
            kind, ok = QInputDialog.getItem(self, tr("添加名称"), tr("类别："), kinds, 0, False)
            if ok:
                self.change_wanted.emit(
                    "add", name.strip(), "theme" if kind == kinds[1] else "company"
                )

    def ask_hide(self) -> None:
        if self.chosen:
            self.change_wanted.emit("hide", self.chosen, "")

    def ask_alias(self) -> None:
        if not self.chosen:
            return
        alias, ok = QInputDialog.getText(
            self, tr("别名"), tr("%1 的别名（如简称或代码）：").replace("%1", self.chosen)
        )
        if ok and alias.strip() and alias.strip() != self.chosen:
            self.change_wanted.emit("alias", alias.strip(), self.chosen)
