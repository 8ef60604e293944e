"""The search bar: the box (searched once typing pauses), its scope, the watchlist choice and
best-first; it asks for a search by `requested` and knows nothing of the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.core.filters import ItemFilter

SEARCH_DELAY_MS = 200  # search once typing pauses this long
# (label, days back from the newest day; 0: the day shown; None: every day)
SEARCH_SCOPES = (
    (QT_TR_NOOP("全部日期"), None),
    (QT_TR_NOOP("当天"), 0),
    (QT_TR_NOOP("最近 7 天"), 7),
    (QT_TR_NOOP("最近 30 天"), 30),
    (QT_TR_NOOP("最近一年"), 365),
)


class SearchBar(QWidget):
    requested = Signal()  # search the text now (typing paused, or a choice changed)
    typing = Signal()  # the reader typed something to search
    emptied = Signal()  # the reader emptied the box
    submitted = Signal()  # Enter or ↓ in the box: into the results
    back_wanted = Signal()  # the "← 返回…" button
    watchlist_chosen = Signal(object)  # the id chosen in the watchlist choice, or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._clearing = False  # the window empties the box, not the reader
        self.edit = QLineEdit(self)
        self.edit.setObjectName("search")
        self.edit.setPlaceholderText(tr("搜索全部电报（/ 或 Ctrl+F）"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(
            tr('输入即搜索整个资料库：空格分隔的词都要出现，-词 排除，"引号" 内按原样匹配')
        )
        self.edit.textChanged.connect(self._text_changed)
        metrics = self.edit.fontMetrics()  # never narrower than its placeholder
        frame = self.edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        placeholder = metrics.horizontalAdvance(self.edit.placeholderText())
        self.edit.setMinimumWidth(frame + placeholder)
        self.edit.returnPressed.connect(self.submitted)
        self.edit.installEventFilter(self)  # ↓ leaves the box for the results
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.requested)
        self.scope = QComboBox(self)
        self.scope.setObjectName("search_scope")
        for label, days in SEARCH_SCOPES:
            self.scope.addItem(tr(label), days)
        self.scope.currentIndexChanged.connect(self.requested)
        self.watch_scope = QComboBox(self)
        self.watch_scope.setObjectName("search_watchlist")
        self.watch_scope.setToolTip(tr("只在一个关注列表的命中中搜索"))
        for combo in (self.scope, self.watch_scope):  # as wide as the longest choice, always
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # never squeezed below that by a narrow column: the column is made wider instead
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, combo.sizePolicy().verticalPolicy())
        self.watch_scope.currentIndexChanged.connect(
            lambda _index: self.watchlist_chosen.emit(self.watch_scope.currentData())
        )
        self.best_first = QCheckBox(tr("按相关度"), self)
        self.best_first.setObjectName("best_first")
        self.best_first.setToolTip(tr("按相关度排序；不勾选时最新的在前"))
        self.best_first.toggled.connect(self.requested)
        # a narrow ✎ toggle, not a labelled box: the row's width sets the timeline's least
        self.notes_only = QToolButton(self)
        self.notes_only.setText("✎")
        self.notes_only.setCheckable(True)
        self.notes_only.setAutoRaise(True)
        self.notes_only.setAccessibleName(tr("只搜笔记"))
        self.notes_only.setObjectName("notes_only")
        self.notes_only.setToolTip(
            tr("只搜笔记：只在自己的笔记中搜索；不按下时也搜笔记，在笔记中找到的条目排在最前，标 ✎")
        )
        self.notes_only.toggled.connect(self.requested)
        self.back = QPushButton(self)
        self.back.setObjectName("back_to_list")
        self.back.setFlat(True)
        self.back.setToolTip(tr("回到打开这一条之前的列表，位置不变（Esc、Alt+←）"))
        self.back.clicked.connect(self.back_wanted)
        self.back.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The box has a row of its own, its choices the next: nothing is squeezed into "…".
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.scope)
        row.addWidget(self.watch_scope)
        row.addWidget(self.best_first)
        row.addWidget(self.notes_only)
        row.addStretch(1)
        layout.addLayout(row)

    def text(self) -> str:
        return self.edit.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.submitted.emit()
            return True
        return super().eventFilter(watched, event)

    def show_back(self, label: str | None) -> None:
        """The button back to the list an item was opened from (None: no such list)."""
        self.back.setText(label or "")
        self.back.setVisible(label is not None)

    @property
    def search_pending(self) -> bool:
        """The reader typed, and the search of it is still to be asked for."""
        return self.timer.isActive()

    def _text_changed(self, text: str) -> None:
        if self._clearing:
            return
        if text.strip():
            self.typing.emit()
            self.timer.start()  # debounced: one search per pause in typing
        else:
            self.timer.stop()
            self.emptied.emit()

    def clear_text(self) -> None:
        """Empty the box without the reactions to typing. Not by blocking its signals: the
        box's clear button follows them, and would stay up in the empty box."""
        self.timer.stop()
        self._clearing = True
        try:
            self.edit.clear()
        finally:
            self._clearing = False

    def set_text(self, text: str) -> None:
        """Put back a search's text without searching it again."""
        self.timer.stop()
        self._clearing = True
        try:
            self.edit.setText(text)
        finally:
            self._clearing = False

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def set_watchlists(self, watchlists: list, first: str) -> None:
        """The watchlist choice: `first` (all), then each list by name."""
        self.watch_scope.blockSignals(True)
        self.watch_scope.clear()
        self.watch_scope.addItem(first, None)
        for watchlist in watchlists:
            self.watch_scope.addItem(watchlist.name, watchlist.id)
        self.watch_scope.blockSignals(False)

    def show_watchlist(self, chosen: int | None) -> None:
        self.watch_scope.blockSignals(True)
        self.watch_scope.setCurrentIndex(max(0, self.watch_scope.findData(chosen)))
        self.watch_scope.blockSignals(False)

    def set_mode(self, searching: bool, watching: bool) -> None:
        """Scope and best-first serve a search; the watchlist choice a search or the hits."""
        for widget in (self.scope, self.best_first, self.notes_only):
            widget.setEnabled(searching)
        self.watch_scope.setEnabled(searching or watching)
        self.watch_scope.setItemText(0, tr("全部关注列表") if watching else tr("全部条目"))

    def search_filter(
        self,
        item_filter: ItemFilter,
        day: dt.date | None,
        newest: dt.date | None,
        watchlist_id: int | None,
    ) -> ItemFilter:
        """What to search: the filters, the scope (around `day` or back from `newest`)."""
        scope = self.scope.currentData()
        day_from = day_to = None
        if scope == 0 and day:
            day_from = day_to = day
        elif scope and newest:
            day_to = newest
            day_from = day_to - dt.timedelta(days=scope - 1)
        return ItemFilter(
            day_from=day_from,
            day_to=day_to,
            important_only=item_filter.important_only,
            starred_only=item_filter.starred_only,
            hide_teasers=item_filter.hide_teasers,
            unread_only=item_filter.unread_only,
            watchlist_id=watchlist_id,
        )
