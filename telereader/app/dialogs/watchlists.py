"""The watchlists dialog: add, rename, recolour and delete watchlists, and edit their keywords,
one per line. Keywords apply to the whole library as the reader pauses typing, in the
background; nothing needs re-importing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.dialogs.suggestions import SuggestionRow
from telereader.app.dialogs.watch_extras import KeywordPreview, OptionsRow
from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.core.keywords import Watchlist, WatchOptions, parse_keywords
from telereader.core.library_errors import LibraryError
from telereader.core.messages import describe
from telereader.core.store import Store
from telereader.core.watchlists import (
    checked_lines,
    delete_watchlist,
    hit_counts,
    recolour_watchlist,
    rename_watchlist,
    save_watchlist,
    set_keywords,
    set_options,
    watchlists,
)

APPLY_DELAY_MS = 800  # keywords apply this long after the last keystroke, and on leaving
IdRole = Qt.ItemDataRole.UserRole + 1

SYNTAX_HELP = QT_TR_NOOP(
    "每行一个关键词。标题或正文包含它即命中，英文不分大小写。\n"
    "宁德时代|CATL：同义词，任一出现即可\n"
    "黄金 -黄金周：排除，黄金周里的黄金不算\n"
    "=AI：整词匹配英文，AIDC 不算\n"
    "美联储 降息：同一行的几个词都要出现\n"
    "@宁德时代：提到这家公司（或这个题材）的条目，按识别出的个股与题材匹配\n"
    "/宁德(时代|汽车)/：正则表达式（Python 写法，英文不分大小写）"
)


class WatchlistWrites(Protocol):
    """Where the dialog's changes are written (ops.library.LibraryOps)."""

    def change_watchlists(
        self,
        work: Callable[[Store], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None: ...

    def wait(self, timeout_ms: int) -> None: ...


def _keyword_lines(text: str) -> list[str]:
    """The keywords a text holds, as the library keeps them (blank lines and spacing aside)."""
    return [keyword.line for keyword in parse_keywords(text, strict=False)]


def colour_icon(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class WatchlistDialog(QDialog):
    """Edits the library's watchlists; `changed` fires after each change has been written."""

    changed = Signal()

    def __init__(self, store: Store, ops: WatchlistWrites, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops  # changes are written in the order they were made, after other writes
        self.language = getattr(parent, "language", "zh")
        self._pending = 0
        self._lists: dict[int, Watchlist] = {}
        self._counts: dict[int, int] = {}  # hits per list, as of the last reload
        self._shown_id: int | None = None  # the list whose keywords the editor holds
        self._dirty = False
        # Keywords sent to be written, by list, with how many of its writes are on the way:
        # the editor shows these, not the library's older ones, until the last write is in.
        self._sent: dict[int, tuple[list[str], int]] = {}
        self._options_sent: dict[int, int] = {}  # option writes on the way, by list

        self.setObjectName("watchlists")
        self.setWindowTitle(tr("关注列表"))
        self.lists = QListWidget(self)
        self.lists.setObjectName("watchlist_names")
        self.lists.currentItemChanged.connect(self._list_chosen)
        self.add_button = QPushButton(tr("新建…"), self)
        self.add_button.setObjectName("add_watchlist")
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.add_button.setToolTip(tr("新建关注列表（Ctrl+N）"))
        self.add_button.clicked.connect(lambda: self.add_watchlist())
        self.rename_button = QPushButton(tr("重命名…"), self)
        self.rename_button.setObjectName("rename_watchlist")
        self.rename_button.setToolTip(tr("重命名（F2）"))
        self.rename_button.clicked.connect(lambda: self.rename_watchlist())
        self.colour_button = QPushButton(tr("颜色…"), self)
        self.colour_button.setObjectName("recolour_watchlist")
        self.colour_button.clicked.connect(lambda: self.recolour_watchlist())
        self.delete_button = QPushButton(tr("删除…"), self)
        self.delete_button.setObjectName("delete_watchlist")
        self.delete_button.setToolTip(tr("删除关注列表（Delete）"))
        self.delete_button.clicked.connect(lambda: self.delete_watchlist())

        for key, slot in (("F2", self.rename_watchlist), ("Delete", self.delete_watchlist)):
            shortcut = QShortcut(QKeySequence(key), self.lists)  # never while typing keywords
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda slot=slot: slot())

        self.keywords_label = QLabel(tr("关键词（每行一个）"), self)
        self.keywords = QPlainTextEdit(self)
        self.keywords.setObjectName("keywords")
        self.keywords.setAcceptDrops(False)
        self.keywords.setTabChangesFocus(True)
        self.keywords.textChanged.connect(self._keywords_edited)
        self.keywords_label.setBuddy(self.keywords)
        help_label = QLabel(tr(SYNTAX_HELP), self)
        help_label.setTextFormat(Qt.TextFormat.PlainText)
        help_label.setWordWrap(True)
        help_label.setEnabled(False)  # drawn dimmed: a hint, not content
        self.state = QLabel(self)
        self.state.setObjectName("watch_state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.options_row = OptionsRow(self)
        self.options_row.changed.connect(self.set_options)
        self.preview = KeywordPreview(store.path.parent, self)
        self.keywords.cursorPositionChanged.connect(self._preview_line)
        self.suggestions = SuggestionRow(store.path.parent, self)
        self.suggestions.word_chosen.connect(self.add_suggested)
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(APPLY_DELAY_MS)
        self._apply_timer.timeout.connect(self.apply_keywords)

        self._lay_out(help_label)
        self.resize(720, 460)
        self.reload()

    def _lay_out(self, help_label: QWidget) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.colour_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.lists, 1)
        left.addLayout(list_buttons)
        right = QVBoxLayout()
        right.addWidget(self.keywords_label)
        right.addWidget(self.options_row)
        right.addWidget(self.keywords, 1)
        right.addWidget(self.preview)
        right.addWidget(help_label)
        right.addWidget(self.state)
        right.addWidget(self.suggestions)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

    # ---- showing ---------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Read the watchlists afresh, keeping the chosen one (or moving to `select_id`);
        keywords being typed stay in the editor."""
        chosen = select_id if select_id is not None else self.current_id()
        self._counts = counts = hit_counts(self.store)
        self._lists = {watchlist.id: watchlist for watchlist in watchlists(self.store)}
        self.lists.blockSignals(True)
        self.lists.clear()
        for watchlist in self._lists.values():
            entry = QListWidgetItem(
                colour_icon(watchlist.colour),
                f"{watchlist.name}  ·  " + tr("%n 条命中", "", counts.get(watchlist.id, 0)),
            )
            entry.setData(IdRole, watchlist.id)
            self.lists.addItem(entry)
            if watchlist.id == chosen:
                self.lists.setCurrentItem(entry)
        if self.lists.currentItem() is None and self.lists.count():
            self.lists.setCurrentRow(0)
        self.lists.blockSignals(False)
        self._show_keywords()

    def current_id(self) -> int | None:
        entry = self.lists.currentItem()
        return entry.data(IdRole) if entry is not None else None

    def current(self) -> Watchlist | None:
        return self._lists.get(self.current_id())  # type: ignore[arg-type]

    def _list_chosen(self, *_args) -> None:
        self.apply_keywords()  # the keywords typed for the list being left
        self._show_keywords()

    def _show_keywords(self) -> None:
        """Put the chosen list's keywords in the editor. The list already in it keeps the
        reader's text and cursor: a write that arrives changes only the counts and the state
        (the editor is rewritten only when the library's keywords differ from its text, as
        after a restore)."""
        watchlist = self.current()
        same_list = watchlist is not None and watchlist.id == self._shown_id
        if same_list and (self._dirty or watchlist.id in self._sent):
            return  # the reader is typing, or what they typed is on its way
        self._shown_id = watchlist.id if watchlist else None
        if watchlist is None or watchlist.id not in self._options_sent:
            self.options_row.show_options(watchlist.options if watchlist else None)
        for widget in (self.keywords, self.rename_button, self.colour_button, self.delete_button):
            widget.setEnabled(watchlist is not None)
        if watchlist is None:
            text = ""
        elif watchlist.id in self._sent:
            text = "\n".join(self._sent[watchlist.id][0])
        else:
            text = "\n".join(k.line for k in watchlist.keywords)
        if not same_list or _keyword_lines(self.keywords.toPlainText()) != _keyword_lines(text):
            self.keywords.blockSignals(True)
            self.keywords.setPlainText(text)
            self.keywords.blockSignals(False)
        self._dirty = False
        self._suggest()
        if watchlist is None:
            self.state.setText(tr("还没有关注列表。点“新建…”建一个，再写下关键词。"))
        elif self._pending == 0:
            self.state.setText(tr("已应用到整个资料库"))

    # ---- changing ----------------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[Store], Any],
        done: Callable[[Any], None] | None = None,
        select: bool = False,
        ended: Callable[[], None] | None = None,
    ) -> None:
        """Write in the background; the dialog stays usable, and the window follows. Writes
        run one after another, each reading the list as the earlier ones left it."""
        self._pending += 1
        self.state.setText(tr("正在应用到整个资料库…"))
        self.ops.change_watchlists(
            work,
            lambda result: self._written(result, done, select, ended),
            lambda error: self._failed(error, ended),
        )

    def _written(
        self,
        result: Any,
        done: Callable[[Any], None] | None,
        select: bool,
        ended: Callable[[], None] | None,
    ) -> None:
        self._pending -= 1
        if ended is not None:
            ended()
        # Only a new list takes the selection: the reader may have moved on meanwhile.
        self.reload(result.id if select and isinstance(result, Watchlist) else None)
        if done is not None:
            done(result)
        if self._pending == 0:
            self.state.setText(self._applied_text())
        self.changed.emit()

    def _applied_text(self) -> str:
        watchlist = self.current()
        if watchlist is None:
            return ""
        return tr("已应用到整个资料库：命中 %n 条", "", self._counts.get(watchlist.id, 0))

    def _failed(self, error: BaseException, ended: Callable[[], None] | None = None) -> None:
        self._pending -= 1
        if ended is not None:
            ended()
        message = describe(error, self.language)
        self.state.setText(tr("没有保存：") + message)
        QMessageBox.warning(self, tr("关注列表"), tr("没有保存：") + message)
        self.reload()

    @property
    def busy(self) -> bool:
        """Some change is still being written."""
        return self._pending > 0 or self._apply_timer.isActive()

    def add_watchlist(self, name: str | None = None) -> None:
        if name is None:
            name, accepted = QInputDialog.getText(self, tr("新建关注列表"), tr("名称："))
            if not accepted:
                return
        if not name.strip():
            return
        self.apply_keywords()
        self._run(
            lambda store: save_watchlist(store, name, []),
            lambda _: self._focus_keywords(),
            select=True,
        )

    def _focus_keywords(self) -> None:
        self.keywords.setFocus(Qt.FocusReason.OtherFocusReason)

    def rename_watchlist(self, name: str | None = None) -> None:
        watchlist = self.current()
        if watchlist is None:
            return
        if name is None:
            name, accepted = QInputDialog.getText(
                self, tr("重命名关注列表"), tr("新名称："), text=watchlist.name
            )
            if not accepted:
                return
        if not name.strip() or name.strip() == watchlist.name:
            return
        self.apply_keywords()  # queued first: the renamed list keeps what was typed
        self._run(lambda store: rename_watchlist(store, watchlist.id, name))

    def recolour_watchlist(self, colour: str | None = None) -> None:
        watchlist = self.current()
        if watchlist is None:
            return
        if colour is None:
            chosen = QColorDialog.getColor(QColor(watchlist.colour), self, tr("关注列表的颜色"))
            if not chosen.isValid():
                return
            colour = chosen.name()
        self.apply_keywords()
        self._run(lambda store: recolour_watchlist(store, watchlist.id, colour))

    def delete_watchlist(self) -> None:
        watchlist = self.current()
        if watchlist is None:
            return
        count = self._counts.get(watchlist.id, 0)
        answer = QMessageBox.question(
            self,
            tr("删除关注列表"),
            tr("删除关注列表“%1”？它的关键词和 %2 条命中标记都会删除；电报、星标和笔记不受影响。")
            .replace("%1", watchlist.name)
            .replace("%2", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._apply_timer.stop()
        self._dirty = False
        self._run(lambda store: delete_watchlist(store, watchlist.id))

    def _lines(self) -> list[str]:
        return self.keywords.toPlainText().splitlines()

    def _keywords_edited(self) -> None:
        self._dirty = True
        self._preview_line()
        refused = self._refusal()
        if refused is not None:
            self._apply_timer.stop()  # never saved with a pattern `re` refuses
            self.state.setText(refused)
            return
        ignored = [line for line in self._lines() if line.strip() and not _keyword_lines(line)]
        if ignored:
            self.state.setText(tr("这一行没有要找的词，不会生效：") + ignored[0].strip())
        else:
            self.state.setText(tr("输入停顿后应用…"))
        self._apply_timer.start()

    def apply_keywords(self) -> None:
        """Write the keywords being typed, if they changed."""
        self._apply_timer.stop()
        if not self._dirty or self._shown_id not in self._lists or self._refusal() is not None:
            return
        watchlist_id: int = self._shown_id  # type: ignore[assignment]
        lines = self._lines()
        self._dirty = False
        self._sent[watchlist_id] = (lines, self._sent.get(watchlist_id, ([], 0))[1] + 1)
        self._run(
            lambda store: set_keywords(store, watchlist_id, lines),
            ended=lambda: self._arrived(watchlist_id),
        )

    def _refusal(self) -> str | None:
        """Why the typed keywords cannot be saved (a bad `/…/` pattern, by line), else None."""
        try:
            checked_lines(self._lines())
        except LibraryError as refused:
            return describe(refused, self.language)
        return None

    def _preview_line(self) -> None:
        """What the line under the cursor would light up with this list's options."""
        line = self.keywords.textCursor().block().text()
        self.preview.preview(line, self.options_row.options())

    def set_options(self, options: WatchOptions) -> None:
        """Options chosen for the list shown; its hits follow in the background."""
        watchlist_id = self._shown_id
        if watchlist_id not in self._lists:
            return
        self.apply_keywords()
        self._options_sent[watchlist_id] = self._options_sent.get(watchlist_id, 0) + 1

        def ended() -> None:
            left = self._options_sent.pop(watchlist_id, 1) - 1
            if left:
                self._options_sent[watchlist_id] = left

        self._run(lambda store: set_options(store, watchlist_id, options), ended=ended)
        self._preview_line()

    def _arrived(self, watchlist_id: int) -> None:
        """One write of this list's keywords ended (written or refused)."""
        lines, on_the_way = self._sent.pop(watchlist_id, ([], 1))
        if on_the_way > 1:
            self._sent[watchlist_id] = (lines, on_the_way - 1)
        elif watchlist_id == self._shown_id:
            self._suggest()  # its hits are those of the keywords now in

    def _suggest(self) -> None:
        self.suggestions.show_for(self._shown_id, self._lines() if self._shown_id else [])

    def add_suggested(self, word: str) -> None:
        """A suggestion clicked: a keyword line of its own, applied as if typed."""
        lines = [line for line in self._lines() if line.strip()]
        self.keywords.setPlainText("\n".join([*lines, word]))

    def finish(self, timeout_ms: int = 30_000) -> None:
        """Write what was typed and wait for every change to be in the library (on quitting)."""
        self.apply_keywords()
        self.ops.wait(timeout_ms)

    def done(self, result: int) -> None:
        self.apply_keywords()  # closing never loses what was typed
        self.suggestions.shutdown()
        self.preview.shutdown()
        super().done(result)
