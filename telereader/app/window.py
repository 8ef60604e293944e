"""The main window: calendar and day list on the left, the item in full on the right."""

from __future__ import annotations

import bisect
import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from telereader import __version__
from telereader.app.calendar import LibraryCalendar, mark_days, to_date, to_qdate
from telereader.app.delegate import ItemDelegate
from telereader.app.detail import DEFAULT_POINT_SIZE, FAILED, SAVED, SAVING, DetailPane
from telereader.app.export_dialog import ExportChoice, ExportDialog, hits_choice, may_replace
from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.app.look import FilterButton
from telereader.app.models import DayItemsModel, ItemRole, SearchResultsModel, WatchHitsModel
from telereader.app.report import ImportReportDialog
from telereader.app.search_service import SearchService
from telereader.app.watch_dialog import WatchlistDialog
from telereader.app.workers import ImportJob, IntegrityCheck, LibraryTask
from telereader.app.writer import NOTE, STAR, Write, Writer
from telereader.core.backup import RestoreReport, auto_backup, restore_backup, write_backup
from telereader.core.export import Selection
from telereader.core.filters import ItemFilter, count
from telereader.core.importer import DIGEST_SUFFIXES
from telereader.core.model import ImportReport
from telereader.core.recovery import mark_damaged
from telereader.core.search import SearchFilter, search
from telereader.core.seeds import sample_dates, sample_days
from telereader.core.store import LibraryError, Store, StoredItem, library_error
from telereader.core.unsaved import load_unsaved, save_unsaved, unsaved_path
from telereader.core.watching import hit_days, watchlists

CHECK_EVERY_S = 24 * 3600  # the background check of the whole library file
READ_AFTER_MS = 1200  # an item selected this long counts as read
SEARCH_DELAY_MS = 200  # search once typing pauses this long
# (label, days back from the newest day; 0: the day shown; None: every day)
SEARCH_SCOPES = (
    (QT_TR_NOOP("全部日期"), None),
    (QT_TR_NOOP("当天"), 0),
    (QT_TR_NOOP("最近 7 天"), 7),
    (QT_TR_NOOP("最近 30 天"), 30),
    (QT_TR_NOOP("最近一年"), 365),
)
SETTINGS_FILE = "window.ini"
CLOSE_WAIT_MS = 3000  # closing gives writes under way this long, then keeps notes in a file


# (keys, what they do) for Help → Keyboard shortcuts; the bindings themselves are made below.
SHORTCUT_HELP: tuple[tuple[str, str], ...] = (
    ("J / ↓", QT_TR_NOOP("下一条")),
    ("K / ↑", QT_TR_NOOP("上一条")),
    ("Space", QT_TR_NOOP("详情向下翻页")),
    ("Enter", QT_TR_NOOP("进入详情正文；在搜索结果中：打开所在日")),
    ("S", QT_TR_NOOP("加星标 / 取消星标")),
    ("N", QT_TR_NOOP("写笔记")),
    ("/ , Ctrl+F", QT_TR_NOOP("搜索全部电报")),
    ("Esc", QT_TR_NOOP("回到条目列表；搜索中：回到当天")),
    ("[ / ]", QT_TR_NOOP("上一个 / 下一个有电报的日子")),
    ("Ctrl+End", QT_TR_NOOP("跳到最新一天")),
    ("Ctrl+= / Ctrl+- / Ctrl+0", QT_TR_NOOP("放大 / 缩小 / 还原字号")),
    ("Ctrl+Shift+R", QT_TR_NOOP("当天全部标为已读")),
    ("Ctrl+Shift+H", QT_TR_NOOP("关注命中：所有关注列表的命中，最新在前")),
    ("Ctrl+Shift+L", QT_TR_NOOP("管理关注列表")),
    ("Ctrl+E", QT_TR_NOOP("导出")),
    ("Ctrl+O", QT_TR_NOOP("导入文件")),
    ("Ctrl+Shift+O", QT_TR_NOOP("导入文件夹")),
    ("F1", QT_TR_NOOP("键盘快捷键")),
    ("Ctrl+Q", QT_TR_NOOP("退出")),
)


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # ImportReport after the window has taken it in; None: failed

    def __init__(self, store: Store, data_dir: Path, language: str = "zh"):
        super().__init__()
        self.store = store
        self.data_dir = data_dir
        self.language = language
        self.settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
        self.job: ImportJob | None = None
        self._queued: list[Path] = []
        self._closing = False
        self._quiet_import = False
        self._days: list[dt.date] = []
        self._fresh_days: set[dt.date] = set()
        self.report_dialog: ImportReportDialog | None = None
        self.last_search = None
        # The watchlist chosen in the search bar, for searches and for the Watch view apart:
        # a list chosen to browse hits never narrows a later search.
        self.search_watchlist: int | None = None
        self.hits_watchlist: int | None = None
        self._pending_item: str | None = None  # to select once the day shown is loaded
        self._clearing = False  # the window empties the search box, not the reader
        self.watchlists = []
        self.watch_dialog: WatchlistDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.tray: QSystemTrayIcon | None = None
        self.last_notice = ""  # the latest new-hits notice, as shown
        self.last_restore: RestoreReport | None = None
        self.import_error = ""  # what stopped the last import that failed
        self.damage_found = False  # the background check found the library damaged
        self.task: LibraryTask | None = None  # the latest backup or restore
        self.writer = Writer(data_dir, self)  # every write of the reader's own data
        self.writer.written.connect(self._written)
        self.writer.failed.connect(self._write_failed)
        self._kept_notes: dict[str, str] = {}  # from unsaved-notes.json, for items not here
        self.write_warning: QMessageBox | None = None

        self.setObjectName("main_window")
        self.setWindowTitle("telereader · " + tr("财联社电报"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_menus()
        self._build_shortcuts()
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_current_read)
        self._restore_settings()

    # ---- building ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.calendar = LibraryCalendar(self)
        self.calendar.selectionChanged.connect(self._calendar_day_changed)
        self.newest_button = QPushButton(tr("最新一天"), self)
        self.newest_button.setObjectName("newest")
        self.newest_button.setToolTip(tr("跳到最新的一天（Ctrl+End）"))
        self.newest_button.clicked.connect(self.go_to_newest_day)
        self.watch_button = QPushButton(tr("关注命中"), self)
        self.watch_button.setObjectName("watch_view")
        self.watch_button.setToolTip(tr("所有关注列表的命中，最新在前（Ctrl+Shift+H）"))
        self.watch_button.clicked.connect(self.show_watch_view)

        self.hint = QFrame(self)
        self.hint.setObjectName("drop_hint")
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        hint_text = QLabel(
            tr(
                "这是示例数据。把每天的电报文件（.md）或整个文件夹拖到窗口上即可导入，"
                "也可以用“文件 → 导入”。"
            ),
            self.hint,
        )
        hint_text.setWordWrap(True)
        hint_close = QToolButton(self.hint)
        hint_close.setText("✕")
        hint_close.setToolTip(tr("不再显示"))
        hint_close.clicked.connect(self._dismiss_hint)
        hint_layout = QHBoxLayout(self.hint)
        hint_layout.addWidget(hint_text, 1)
        hint_layout.addWidget(hint_close, 0, Qt.AlignmentFlag.AlignTop)

        self.banner = QFrame(self)
        self.banner.setObjectName("hits_banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("hits_banner_text")
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setWordWrap(True)
        banner_show = QPushButton(tr("查看"), self.banner)
        banner_show.setObjectName("hits_banner_show")
        banner_show.clicked.connect(self.show_watch_view)
        banner_close = QToolButton(self.banner)
        banner_close.setText("✕")
        banner_close.setToolTip(tr("关闭"))
        banner_close.clicked.connect(self.banner.hide)
        banner_close.clicked.connect(self._update_hint)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(banner_show)
        banner_layout.addWidget(banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("搜索全部电报（/ 或 Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            tr('输入即搜索整个资料库：空格分隔的词都要出现，-词 排除，"引号" 内按原样匹配')
        )
        self.search.textChanged.connect(self._search_text_changed)
        metrics = self.search.fontMetrics()  # never narrower than its placeholder
        frame = self.search.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        placeholder = metrics.horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(frame + placeholder)
        self.search.returnPressed.connect(self.focus_list)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.scope = QComboBox(self)
        self.scope.setObjectName("search_scope")
        for label, days in SEARCH_SCOPES:
            self.scope.addItem(tr(label), days)
        self.scope.currentIndexChanged.connect(self.run_search)
        self.watch_scope = QComboBox(self)
        self.watch_scope.setObjectName("search_watchlist")
        self.watch_scope.setToolTip(tr("只在一个关注列表的命中中搜索"))
        for combo in (self.scope, self.watch_scope):  # as wide as the longest choice, always
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.watch_scope.currentIndexChanged.connect(self._watch_scope_changed)
        self.best_first = QCheckBox(tr("按相关度"), self)
        self.best_first.setObjectName("best_first")
        self.best_first.setToolTip(tr("按相关度排序；不勾选时最新的在前"))
        self.best_first.toggled.connect(self.run_search)
        self.search_service = SearchService(self.data_dir, self)
        self.integrity = IntegrityCheck(self.data_dir, self)
        self.integrity.checked.connect(self.library_checked)
        self.search_service.finished.connect(self._search_finished)
        self.search_service.failed.connect(self._search_failed)
        self.search_model = SearchResultsModel(self.search_service, self)

        self.filter_buttons: dict[str, FilterButton] = {}
        filter_bar = QHBoxLayout()
        all_button = QToolButton(self)
        all_button.setObjectName("filter_all")
        all_button.setText(tr("全部"))
        all_button.clicked.connect(self.clear_filters)
        filter_bar.addWidget(all_button)
        for key, label in (
            ("unread", QT_TR_NOOP("未读")),
            ("important", QT_TR_NOOP("加红")),
            ("starred", QT_TR_NOOP("星标")),
            ("hide_teasers", QT_TR_NOOP("隐藏预告")),
        ):
            button = FilterButton(self)
            button.setObjectName(f"filter_{key}")
            button.setText(tr(label))
            button.setCheckable(True)
            button.toggled.connect(self._filters_changed)
            filter_bar.addWidget(button)
            self.filter_buttons[key] = button
        filter_bar.addStretch(1)

        self.model = DayItemsModel(self.store, self)
        self.model.overlay = self.writer.overlay  # writes under way show at once
        self.hits_model = WatchHitsModel(self.store, self)
        self.list = QListView(self)
        self.list.setObjectName("items")
        self.list.setModel(self.model)
        self.delegate = ItemDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.detail = DetailPane(self._save_note, self, retry=self.writer.retry)
        self.detail.star_toggled.connect(self.set_starred)

        left_top = QWidget(self)
        top_layout = QVBoxLayout(left_top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.calendar)
        day_buttons = QHBoxLayout()
        day_buttons.addWidget(self.newest_button)
        day_buttons.addWidget(self.watch_button)
        top_layout.addLayout(day_buttons)
        left_bottom = QWidget(self)
        bottom_layout = QVBoxLayout(left_bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.hint)
        bottom_layout.addWidget(self.banner)
        # The box has a row of its own, its choices the next: nothing is squeezed into "…".
        bottom_layout.addWidget(self.search)
        search_bar = QHBoxLayout()
        search_bar.addWidget(self.scope)
        search_bar.addWidget(self.watch_scope)
        search_bar.addWidget(self.best_first)
        search_bar.addStretch(1)
        bottom_layout.addLayout(search_bar)
        bottom_layout.addLayout(filter_bar)
        bottom_layout.addWidget(self.list, 1)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("left_splitter")
        self.left_splitter.addWidget(left_top)
        self.left_splitter.addWidget(left_bottom)
        self.left_splitter.setStretchFactor(1, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.detail)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([420, 680])
        self.setCentralWidget(self.main_splitter)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setMaximumWidth(220)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(tr("取消导入"), self)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.clicked.connect(self.cancel_import)
        self.statusBar().addWidget(self.counts_label, 1)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.resize(1100, 720)

    def _action(
        self, text: str, slot: Callable, shortcut: QKeySequence | str | None = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        self.import_files_action = self._action(
            tr("导入文件…"), self.choose_files, "Ctrl+O", "import_files"
        )
        self.import_folder_action = self._action(
            tr("导入文件夹…"), self.choose_folder, "Ctrl+Shift+O", "import_folder"
        )
        file_menu.addAction(self.import_files_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addSeparator()
        self.export_action = self._action(
            tr("导出…"), lambda: self.show_export(), "Ctrl+E", "export"
        )
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        # lambdas: `triggered` passes a checked flag, which must not arrive as a path
        file_menu.addAction(
            self._action(tr("备份笔记和星标…"), lambda: self.back_up(), None, "back_up")
        )
        file_menu.addAction(
            self._action(tr("从备份恢复…"), lambda: self.restore(), None, "restore")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(tr("退出"), self.close, QKeySequence.StandardKey.Quit, "quit")
        )

        item_menu = bar.addMenu(tr("条目(&I)"))
        self.star_action = self._action(tr("加星标 / 取消星标"), self.toggle_star, None, "star")
        self.note_action = self._action(tr("写笔记"), self.focus_note, None, "note")
        self.mark_day_read_action = self._action(
            tr("当天全部标为已读"), self.mark_day_read, "Ctrl+Shift+R", "mark_day_read"
        )
        for action in (self.star_action, self.note_action, self.mark_day_read_action):
            item_menu.addAction(action)
        self.list.addAction(self.star_action)
        self.list.addAction(self.note_action)
        self.list.addAction(self.mark_day_read_action)
        self.list.addAction(self.export_action)

        watch_menu = bar.addMenu(tr("关注(&W)"))
        self.watch_view_action = self._action(
            tr("关注命中"), self.show_watch_view, "Ctrl+Shift+H", "watch_view"
        )
        watch_menu.addAction(self.watch_view_action)
        watch_menu.addAction(
            self._action(tr("管理关注列表…"), self.edit_watchlists, "Ctrl+Shift+L", "watchlists")
        )

        view_menu = bar.addMenu(tr("查看(&V)"))
        view_menu.addAction(
            self._action(tr("前一个有电报的日子"), self.previous_day, None, "previous_day")
        )
        view_menu.addAction(self._action(tr("后一个有电报的日子"), self.next_day, None, "next_day"))
        view_menu.addAction(
            self._action(tr("最新一天"), self.go_to_newest_day, "Ctrl+End", "newest_day")
        )
        view_menu.addSeparator()
        zoom_in = self._action(
            tr("放大字号"), lambda: self.zoom(+1), QKeySequence.StandardKey.ZoomIn, "zoom_in"
        )
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence.StandardKey.ZoomIn])
        view_menu.addAction(zoom_in)
        view_menu.addAction(
            self._action(
                tr("缩小字号"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut, "zoom_out"
            )
        )
        view_menu.addAction(
            self._action(tr("还原字号"), lambda: self.zoom(0), "Ctrl+0", "zoom_reset")
        )

        help_menu = bar.addMenu(tr("帮助(&H)"))
        help_menu.addAction(
            self._action(
                tr("键盘快捷键"),
                self.show_shortcuts,
                QKeySequence.StandardKey.HelpContents,
                "shortcuts",
            )
        )
        help_menu.addAction(self._action(tr("关于 telereader"), self.show_about, None, "about"))

    def _build_shortcuts(self) -> None:
        """Single keys act in the list and the item text, never while typing a note or filter."""
        reading_widgets = (self.list, self.detail.body)
        bindings: Sequence[tuple[str, Callable]] = (
            ("J", lambda: self.move_selection(+1)),
            ("K", lambda: self.move_selection(-1)),
            ("S", self.toggle_star),
            ("N", self.focus_note),
            ("Space", self.detail.page_down),
            ("Return", self.enter),
            ("Enter", self.enter),
            ("/", self.focus_search),
            ("[", self.previous_day),
            ("]", self.next_day),
        )
        self._shortcuts = []
        for widget in reading_widgets:
            for key, slot in bindings:
                shortcut = QShortcut(QKeySequence(key), widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)
        for key, slot in (("Ctrl+F", self.focus_search), ("Esc", self.escape)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    # ---- state across starts -----------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        for splitter, key in (
            (self.main_splitter, "window/main_splitter"),
            (self.left_splitter, "window/left_splitter"),
        ):
            state = s.value(key)
            if isinstance(state, QByteArray | bytes):
                splitter.restoreState(QByteArray(state))
        for key, button in self.filter_buttons.items():
            button.blockSignals(True)
            button.setChecked(s.value(f"filters/{key}", False, type=bool))
            button.blockSignals(False)
        self.detail.set_point_size(int(s.value("reading/point_size", DEFAULT_POINT_SIZE, type=int)))
        self._update_hint()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/main_splitter", self.main_splitter.saveState())
        s.setValue("window/left_splitter", self.left_splitter.saveState())
        for key, button in self.filter_buttons.items():
            s.setValue(f"filters/{key}", button.isChecked())
        s.setValue("reading/point_size", self.detail.point_size)
        if self.model.day:
            s.setValue("reading/day", self.model.day.isoformat())
        current = self.current_item()
        if current:
            s.setValue("reading/item", current.id)
        s.sync()

    def start(self) -> None:
        """Show the library where the reader left it; an empty library gets the sample day."""
        self._reapply_unsaved_notes()
        self._check_library_now_and_then()
        self.refresh_days()
        self.refresh_watchlists()
        self.focus_list()  # j/k/S/N work at once; the calendar is a click away
        if not self._days:
            samples = sample_days()
            if samples:
                self.start_import(samples, quiet=True)
            return
        remembered = self.settings.value("reading/day", "", type=str)
        try:
            day = dt.date.fromisoformat(remembered) if remembered else None
        except ValueError:
            day = None
        self.show_day(
            day if day in self._days else self._days[-1],
            self.settings.value("reading/item", "", type=str) or None,
        )

    # ---- days --------------------------------------------------------------------------------

    def refresh_watchlists(self) -> None:
        """Read the watchlists: their colours for marking words, the watchlist choice of the
        search bar and the Watch view (keeping the one chosen)."""
        self.watchlists = watchlists(self.store)
        self.delegate.watchlists = self.watchlists
        self.detail.watchlists = self.watchlists
        known = {watchlist.id for watchlist in self.watchlists}
        if self.search_watchlist not in known:
            self.search_watchlist = None
        if self.hits_watchlist not in known:
            self.hits_watchlist = None
        self.watch_scope.blockSignals(True)
        self.watch_scope.clear()
        self.watch_scope.addItem(tr("全部关注列表") if self.watching else tr("全部条目"), None)
        for watchlist in self.watchlists:
            self.watch_scope.addItem(watchlist.name, watchlist.id)
        self.watch_scope.blockSignals(False)
        self._show_watch_scope()

    def watchlists_changed(self) -> None:
        """Keywords changed somewhere: hits, marks and the calendar follow."""
        self.refresh_watchlists()
        self.refresh_days()
        current = self.current_item()
        if self.watching:
            self._reload_hits(current)
        elif self.searching:
            self.run_search()
        else:
            self.model.load(self.model.day, self.current_filter())
            self._select(current.id if current else None)
        fresh = self.store.item(current.id) if current else None
        if fresh is not None:
            self.detail.update_item(fresh)
        self.list.viewport().update()
        self._update_counts()

    def refresh_days(self) -> None:
        counts = self.store.day_counts()
        self._days = list(counts)
        mark_days(self.calendar, counts, self._fresh_days, hit_days(self.store))
        self._update_hint()
        if self._days:
            self.calendar.setDateRange(
                to_qdate(self._days[0]).addYears(-1), to_qdate(self._days[-1]).addYears(1)
            )

    @property
    def queued(self) -> bool:
        """Paths dropped during an import wait for it to end."""
        return bool(self._queued)

    @property
    def days(self) -> list[dt.date]:
        return list(self._days)

    def show_day(self, day: dt.date, item_id: str | None = None) -> None:
        """Show a day's items and select `item_id` (else the first item)."""
        self._pending_item = item_id
        if self.calendar.selectedDate() != to_qdate(day):
            self.calendar.setSelectedDate(to_qdate(day))  # → _calendar_day_changed
        else:
            self._load_day(day)

    def _calendar_day_changed(self) -> None:
        self._load_day(to_date(self.calendar.selectedDate()))

    def _load_day(self, day: dt.date) -> None:
        self.detail.flush_note()
        if self.searching:
            self._clear_search_text()
        if self.list.model() is not self.model:
            self._use_model(self.model)
        wanted, self._pending_item = self._pending_item, None
        self.model.load(day, self.current_filter())
        self._select(wanted)
        self._update_counts()

    def _select(self, item_id: str | None) -> None:
        """Select `item_id` in the list shown, else its first row, else show nothing."""
        model = self.list.model()
        row = model.row_of(item_id) if item_id else None
        if row is None and model.rowCount() > 0:
            row = 0
        if row is None:
            self.list.selectionModel().clearCurrentIndex()
            self.detail.show_item(None)
            return
        index = model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _neighbour_day(self, step: int) -> dt.date | None:
        if not self._days:
            return None
        current = to_date(self.calendar.selectedDate())
        if step > 0:
            position = bisect.bisect_right(self._days, current)
            return self._days[position] if position < len(self._days) else None
        position = bisect.bisect_left(self._days, current) - 1
        return self._days[position] if position >= 0 else None

    def previous_day(self) -> None:
        day = self._neighbour_day(-1)
        if day:
            self.show_day(day)

    def next_day(self) -> None:
        day = self._neighbour_day(+1)
        if day:
            self.show_day(day)

    def go_to_newest_day(self) -> None:
        if self._days:
            self.show_day(self._days[-1])

    # ---- the list ------------------------------------------------------------------------------

    def current_filter(self) -> ItemFilter:
        checked = {key: button.isChecked() for key, button in self.filter_buttons.items()}
        return ItemFilter(
            unread_only=checked["unread"],
            important_only=checked["important"],
            starred_only=checked["starred"],
            hide_teasers=checked["hide_teasers"],
        )

    def _filters_changed(self) -> None:
        if self.searching:
            self.run_search()
            return
        if self.watching:  # the hits and the day behind them both follow the filters
            self.model.load(self.model.day, self.current_filter())
            self.detail.flush_note()
            self._reload_hits(self.current_item())
            self._update_counts()
            return
        current = self.current_item()
        self.detail.flush_note()
        self.model.load(self.model.day, self.current_filter())
        self._select(current.id if current else None)
        self._update_counts()

    def clear_filters(self) -> None:
        for button in self.filter_buttons.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self._filters_changed()

    def current_item(self):
        index = self.list.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(ItemRole) if current.isValid() else None
        if item is not None:
            item = self.writer.overlay(item)
        self.detail.show_item(item, self.search_model.terms if self.searching else ())
        if item is not None:
            self._show_note_state(item.id)
        self._read_timer.stop()
        if item is not None and not item.read:
            self._read_timer.start()

    def move_selection(self, step: int) -> None:
        model = self.list.model()
        rows = model.rowCount()
        if rows == 0:
            return
        current = self.list.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if row >= rows and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            rows = model.rowCount()
        index = model.index(max(0, min(rows - 1, row)), 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _update_counts(self) -> None:
        if self.watching:
            self.counts_label.setText(
                tr("关注命中：%1 条 · 最新在前 · 回车打开所在日").replace(
                    "%1", str(self.hits_model.total)
                )
            )
            return
        if self.searching:
            result = self.last_search
            text = tr("搜索：%1 条匹配 · %2 · %3 毫秒").replace("%1", str(result.total))
            text = text.replace("%2", tr("按相关度") if result.ranked else tr("最新在前"))
            self.counts_label.setText(text.replace("%3", f"{result.elapsed_ms:.0f}"))
            return
        counts = count(self.model.day_items)
        text = tr("%1 条 · 未读 %2 · 加红 %3 · 星标 %4")
        for number, value in enumerate(
            (counts.items, counts.unread, counts.important, counts.starred), start=1
        ):
            text = text.replace(f"%{number}", str(value))
        if self.model.item_filter.is_active:
            text += "  " + tr("（筛选后显示 %1 条）").replace("%1", str(self.model.rowCount()))
        self.counts_label.setText(text)

    # ---- the reader's own data --------------------------------------------------------------------

    def _fresh(self, item_id: str) -> StoredItem | None:
        """The item as the library has it, with the writes under way applied."""
        item = self.store.item(item_id)
        return self.writer.overlay(item) if item is not None else None

    def _written(self, write: Write) -> None:
        """A write landed: keep a backup, show the library's state."""
        self._keep_backup()
        if write.kind == NOTE:
            self._show_change(write.item_ids[0])
            self._show_note_state(write.item_ids[0])
            self._keep_unsaved_notes(only_if_kept=True)
        elif len(write.item_ids) == 1:
            self._show_change(write.item_ids[0])
        else:
            self._reload_day()

    def _write_failed(self, write: Write, error: LibraryError) -> None:
        """A write did not land: a note stays unsaved (and is tried again); a star or read mark
        shows as it was, with the reason."""
        message = error.problem.message(self.language)
        if write.kind == NOTE:
            item_id = write.item_ids[0]
            self._show_change(item_id)
            self._show_note_state(item_id)
            self.statusBar().showMessage(tr("笔记没有保存：") + message, 15_000)
            self._keep_unsaved_notes()
            return
        if len(write.item_ids) == 1:
            self._show_change(write.item_ids[0])
        else:
            self._reload_day()
        if self.write_warning is None:
            self.write_warning = QMessageBox(self)
            self.write_warning.setObjectName("write_failed")
            self.write_warning.setIcon(QMessageBox.Icon.Warning)
            self.write_warning.setWindowTitle(tr("无法保存"))
            self.write_warning.setTextFormat(Qt.TextFormat.PlainText)
        what = tr("星标没有改动：") if write.kind == STAR else tr("已读标记没有保存：")
        self.write_warning.setText(what + message)
        self.write_warning.open()  # not modal: reading goes on

    def _show_change(self, item_id: str) -> None:
        self.model.refresh(item_id)
        fresh = self._fresh(item_id)
        self.search_model.refresh(item_id, fresh)
        self.hits_model.refresh(item_id, fresh)
        if fresh is not None:
            self.detail.update_item(fresh)
        self._update_counts()

    def _show_note_state(self, item_id: str) -> None:
        shown = self.detail.item
        if shown is None or shown.id != item_id:
            return
        failure = self.writer.note_failure(item_id)
        if failure is not None:
            self.detail.show_note_state(FAILED, failure.problem.message(self.language))
        elif self.writer.note_pending(item_id):
            self.detail.show_note_state(SAVING)
        elif self.detail.note_state.property("state") in (SAVING, FAILED):
            self.detail.show_note_state(SAVED)

    def _reload_day(self) -> None:
        current = self.current_item()
        self.model.reload()
        if self.list.model() is self.model:
            self._select(current.id if current else None)
        self._update_counts()

    def _keep_backup(self) -> None:
        """A rolling automatic backup of the reader's data (it writes at most every few minutes,
        and only when something changed); a failure never interrupts reading."""
        if self.damage_found:
            return  # a copy from a damaged file must not become the backup recovery restores
        try:
            auto_backup(self.store, self.data_dir)
        except (OSError, sqlite3.Error) as error:
            self.statusBar().showMessage(tr("自动备份失败：") + str(error), 8000)

    def set_starred(self, item_id: str, starred: bool) -> None:
        self.writer.set_starred([item_id], starred)
        self._show_change(item_id)

    def toggle_star(self) -> None:
        item = self.current_item()
        if item is not None:
            self.set_starred(item.id, not item.starred)

    def _save_note(self, item_id: str, text: str) -> None:
        self.writer.save_note(item_id, text)
        self.model.refresh(item_id)
        fresh = self._fresh(item_id)
        self.search_model.refresh(item_id, fresh)
        self.hits_model.refresh(item_id, fresh)

    def _mark_current_read(self) -> None:
        item = self.current_item()
        if item is not None and not item.read:
            self.writer.set_read([item.id])
            self._show_change(item.id)

    def mark_day_read(self) -> None:
        ids = [item.id for item in self.model.day_items if not item.read]
        if ids:
            self.writer.set_read(ids)
            self._reload_day()

    # ---- notes the library could not take ---------------------------------------------------------

    def _keep_unsaved_notes(self, only_if_kept: bool = False) -> None:
        """Keep the notes not yet in the library in unsaved-notes.json beside it (or remove the
        file when every note is in)."""
        if only_if_kept and not unsaved_path(self.data_dir).exists():
            return
        try:
            save_unsaved(self.data_dir, {**self._kept_notes, **self.writer.unsaved_notes()})
        except OSError as error:
            self.statusBar().showMessage(tr("无法保留未保存的笔记：") + str(error), 15_000)

    def _reapply_unsaved_notes(self) -> None:
        """Notes an earlier window could not save are written now, without asking: they are the
        reader's latest words. Notes of items not in this library stay in the file."""
        notes = load_unsaved(self.data_dir)
        if not notes:
            return
        missing = set(self.store.missing_ids(notes))
        self._kept_notes = {key: text for key, text in notes.items() if key in missing}
        for item_id, text in notes.items():
            if item_id not in missing:
                self.writer.save_note(item_id, text)
        if len(notes) > len(self._kept_notes):
            self.statusBar().showMessage(
                tr("正在写回上次未能保存的 %1 条笔记").replace(
                    "%1", str(len(notes) - len(self._kept_notes))
                ),
                15_000,
            )

    # ---- focus and reading comfort ---------------------------------------------------------------

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_detail(self) -> None:
        self.detail.body.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_note(self) -> None:
        if self.current_item() is not None:
            self.detail.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def enter(self) -> None:
        """Enter: in search results or hits, open the item on its day; in a day, go to its
        text."""
        if self.searching or self.watching:
            self.open_result()
        else:
            self.focus_detail()

    def escape(self) -> None:
        """Esc: from search results back to the day; from anywhere else back to the list."""
        if self.searching or (self.search.hasFocus() and self.search.text()):
            self._clear_search_text()
        self.back_to_day()
        self.focus_list()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def zoom(self, step: int) -> None:
        size = DEFAULT_POINT_SIZE if step == 0 else self.detail.point_size + step
        self.detail.set_point_size(size)

    def _update_hint(self) -> None:
        """The sample-day hint is for a library holding nothing but the bundled sample; it
        never stands over the hits banner, and once dismissed it stays away."""
        self.hint.setVisible(
            set(self._days) <= sample_dates()
            and not self.banner.isVisibleTo(self)
            and not self.settings.value("hint/dismissed", False, type=bool)
        )

    def _dismiss_hint(self) -> None:
        self.hint.hide()
        self.settings.setValue("hint/dismissed", True)

    # ---- searching the whole library -----------------------------------------------------------

    @property
    def searching(self) -> bool:
        return self.list.model() is self.search_model

    @property
    def watching(self) -> bool:
        return self.list.model() is self.hits_model

    def _use_model(self, model) -> None:
        if self.list.model() is model:
            return
        self.list.setModel(model)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        for widget in (self.scope, self.best_first):
            widget.setEnabled(model is self.search_model)
        self.watch_scope.setEnabled(model is not self.model)
        self.watch_button.setDown(model is self.hits_model)
        self.watch_scope.setItemText(
            0, tr("全部关注列表") if model is self.hits_model else tr("全部条目")
        )
        self._show_watch_scope()

    def _show_watch_scope(self) -> None:
        """The watchlist choice names what narrows the list shown: the search's choice, the
        Watch view's, or nothing (all items) in the day view."""
        chosen = (
            self.hits_watchlist
            if self.watching
            else self.search_watchlist
            if self.searching
            else None
        )
        self.watch_scope.blockSignals(True)
        self.watch_scope.setCurrentIndex(max(0, self.watch_scope.findData(chosen)))
        self.watch_scope.blockSignals(False)

    def _watch_scope_changed(self) -> None:
        if self.watching:
            self.hits_watchlist = self.watch_scope.currentData()
            self.show_watch_view()
        else:
            self.search_watchlist = self.watch_scope.currentData()
            self.run_search()

    def _search_text_changed(self, text: str) -> None:
        if self._clearing:
            return
        if text.strip():
            if self.watching:
                self.back_to_day()
            self._search_timer.start()  # debounced: one search per pause in typing
        else:
            self._search_timer.stop()
            if self.searching:
                self.back_to_day()

    def search_filter(self) -> SearchFilter:
        day_filter = self.current_filter()
        scope = self.scope.currentData()
        day_from = day_to = None
        if scope == 0 and self.model.day:
            day_from = day_to = self.model.day
        elif scope and self._days:
            day_to = self._days[-1]
            day_from = day_to - dt.timedelta(days=scope - 1)
        return SearchFilter(
            day_from=day_from,
            day_to=day_to,
            important_only=day_filter.important_only,
            starred_only=day_filter.starred_only,
            hide_teasers=day_filter.hide_teasers,
            unread_only=day_filter.unread_only,
            watchlist_id=self.search_watchlist,
        )

    def run_search(self) -> None:
        text = self.search.text()
        if text.strip():
            self.search_service.request(text, self.search_filter(), self.best_first.isChecked())

    def _search_finished(self, request, result) -> None:
        if request.offset > 0:
            self.search_model.append(request, result)
            return
        if not self.search_service.is_current(request) or not self.search.text().strip():
            return  # the reader has typed on, or cleared the box: this answer is stale
        self.detail.flush_note()
        self.search_model.reset(request, result)
        self._use_model(self.search_model)
        if self.search_model.rowCount():
            self.list.setCurrentIndex(self.search_model.index(0))
        else:
            self.detail.show_item(None)
        self.last_search = result
        self._update_counts()

    def _search_failed(self, request, error: BaseException) -> None:
        if self.search_service.is_current(request):
            self.statusBar().showMessage(tr("搜索失败：") + str(error), 8000)

    def back_to_day(self) -> None:
        """From search results or the Watch view back to the day's list, keeping the item
        selected when it belongs to that day."""
        if self.list.model() is self.model:
            return
        current = self.current_item()
        self._use_model(self.model)
        self.search_model.clear()
        self.hits_model.clear()
        self._select(current.id if current and current.day == self.model.day else None)
        self._update_counts()

    def _clear_search_text(self) -> None:
        """Empty the box without the reactions to typing. Not by blocking its signals: the
        box's clear button follows them, and would stay up in the empty box."""
        self._search_timer.stop()
        self._clearing = True
        try:
            self.search.clear()
        finally:
            self._clearing = False

    def open_result(self) -> None:
        """Open the selected search result or hit on its day, in the day's list."""
        item = self.current_item()
        if item is None:
            return
        self._clear_search_text()
        self._use_model(self.model)
        self.search_model.clear()
        self.show_day(item.day, item.id)
        self.focus_list()

    def _activated(self, _index: QModelIndex) -> None:
        if self.searching or self.watching:
            self.open_result()

    # ---- the Watch view: every hit across days ---------------------------------------------------

    def show_watch_view(self) -> None:
        """List every watchlist hit (or the chosen list's), newest first."""
        self.banner.hide()
        current = self.current_item()
        self.detail.flush_note()
        if self.searching:
            self._clear_search_text()
            self.search_model.clear()
        self._use_model(self.hits_model)
        self._reload_hits(current)
        self._update_counts()
        self.focus_list()

    def _reload_hits(self, current: StoredItem | None) -> None:
        """Read the hits of the chosen list afresh, keeping `current` selected if it still is
        one."""
        self.hits_model.load(self.hits_watchlist, self.current_filter())
        self._select(current.id if current else None)

    # ---- importing ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in DIGEST_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("导入电报文件"),
            "",
            tr("电报文件") + f" ({patterns});;" + tr("所有文件") + " (*)",
        )
        if paths:
            self.start_import([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("导入文件夹"))
        if folder:
            self.start_import([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def start_import(self, paths: Sequence[Path], quiet: bool = False) -> None:
        """Import in the background; the window stays usable. A drop during an import waits."""
        if self._closing:
            return  # a queued batch whose turn came after the close: dropped, as on close
        if self.job is not None and self.job.running:
            self._queued.extend(paths)
            self.statusBar().showMessage(tr("上一批导入完成后继续导入新拖入的文件"), 5000)
            return
        self._quiet_import = quiet
        self.job = ImportJob(self.data_dir, paths, self)
        self.job.progress.connect(self._import_progress)
        self.job.finished.connect(self._import_finished)
        self.job.failed.connect(self._import_failed)
        self.progress.setRange(0, 0)
        self.progress_label.setText(tr("正在导入…"))
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()
        self.job.start()

    def receive_files(self, paths: list[Path]) -> None:
        """Another telereader started on this library handed over its files ("Open with" while
        the window is open): come forward and import them."""
        self.come_forward()
        if paths:
            self.start_import(paths)

    def come_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.progress_label.setText(tr("正在取消…"))

    def _import_progress(self, done: int, total: int, items: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_label.setText(
            tr("正在导入 %1/%2 个文件，%3 条")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", str(items))
        )

    def _end_import(self) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()

    def _import_finished(self, report: ImportReport) -> None:
        self._end_import()
        known = set(self._days)
        self._fresh_days = {day for day in report.days if day not in known} or set(report.days)
        self.refresh_days()
        current = self.current_item()
        if self.searching:
            self.run_search()  # the reader is searching: refresh the results, stay there
        elif self.watching:
            self._reload_hits(current)
            self._update_counts()
        elif report.days:
            self.show_day(
                report.days[0], current.id if current and current.day == report.days[0] else None
            )
        elif self.model.day is None and self._days:
            self.show_day(self._days[-1])
        if not self._quiet_import:
            self.report_dialog = ImportReportDialog(report, self.language, self)
            self.report_dialog.open()
        if report.new_hits:
            self.notify_new_hits(report.new_hits)
        self.import_finished.emit(report)
        if self._queued:
            queued, self._queued = self._queued, []
            self.start_import(queued)

    def _import_failed(self, error: BaseException) -> None:
        self._end_import()
        if isinstance(error, sqlite3.Error):
            error = library_error(self.store.path, error)  # a full disk, say, in plain words
        message = (
            error.problem.message(self.language) if isinstance(error, LibraryError) else str(error)
        )
        self.import_error = f"{type(error).__name__}: {message}"
        box = QMessageBox(
            QMessageBox.Icon.Critical, tr("导入失败"), tr("导入没有完成：") + message, parent=self
        )
        box.setObjectName("import_failed")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()  # the window keeps running; the files imported so far are complete
        self.import_failed_box = box
        self.import_finished.emit(None)
        if self._queued:
            queued, self._queued = self._queued, []
            self.start_import(queued)

    def notify_new_hits(self, new_hits: dict[str, int]) -> None:
        """Count an import's new hits per watchlist: in the system tray where there is one,
        else in a banner above the list; both lead to the Watch view."""
        counts = "，".join(
            tr("%1 %2 条").replace("%1", name).replace("%2", str(count))
            for name, count in new_hits.items()
        )
        self.last_notice = tr("新的关注命中：") + counts
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.windowIcon(), self)
                self.tray.setToolTip("telereader")
                self.tray.messageClicked.connect(self._show_from_tray)
                self.tray.activated.connect(self._show_from_tray)
            self.tray.show()
            self.tray.showMessage("telereader", self.last_notice)  # plain text on every platform
            return
        self.banner_text.setText(self.last_notice)
        self.banner.show()
        self._update_hint()

    def _show_from_tray(self, *_args) -> None:
        self.come_forward()
        self.show_watch_view()

    def _check_library_now_and_then(self) -> None:
        """The whole-file check reads every page (seconds for years of items): at most once a
        day, in the background."""
        last = self.settings.value("library/checked_at", 0.0, type=float)
        if time.time() - last >= CHECK_EVERY_S:
            self.integrity.start()

    def library_checked(self, problems: list[str]) -> None:
        """The background check ended; on damage, remember it for the next start (which offers
        to restore the automatic backup into a new library) and tell the reader now."""
        if not problems:
            self.settings.setValue("library/checked_at", time.time())
            return
        self.damage_found = True
        mark_damaged(self.data_dir, problems)
        box = QMessageBox(self)
        box.setObjectName("damaged")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("资料库已损坏"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            tr(
                "检查发现资料库文件已损坏，部分电报可能读不出来。你的星标、笔记和关注列表有自动备份。"
                "关闭后再次打开 telereader，可以把备份恢复到一个新资料库（原文件会保留）。"
            )
        )
        box.setDetailedText("\n".join(problems))
        box.open()
        self.damage_notice = box

    # ---- watchlists, export, backup -------------------------------------------------------------

    def edit_watchlists(self) -> WatchlistDialog:
        if self.watch_dialog is None:
            self.watch_dialog = WatchlistDialog(self.store, self.data_dir, self)
            self.watch_dialog.changed.connect(self.watchlists_changed)
            self.watch_dialog.changed.connect(self._keep_backup)
        else:
            self.watch_dialog.reload()
        self.watch_dialog.show()
        self.watch_dialog.raise_()
        return self.watch_dialog

    def export_choices(self) -> list[ExportChoice]:
        """What File → Export… offers, given what the window shows."""
        choices = [
            ExportChoice(
                "starred", tr("所有星标条目"), Selection(starred=True).items, "telereader-starred"
            )
        ]
        day = self.model.day
        if day is not None:
            choices.append(
                ExportChoice(
                    "day",
                    tr("当天（%1）的全部条目").replace("%1", day.isoformat()),
                    Selection(day_from=day, day_to=day).items,
                    f"telereader-{day}",
                )
            )
        choices.append(self._shown_list_choice())
        if self.watchlists:
            choices.append(
                ExportChoice(
                    "hits", tr("所有关注命中"), Selection(watched=True).items, "telereader-hits"
                )
            )
            choices += [hits_choice(watchlist) for watchlist in self.watchlists]
        return choices

    def _shown_list_choice(self) -> ExportChoice:
        """The list as the reader sees it: search results, hits, or the filtered day."""
        label = tr("当前列表（%1 条）")
        if self.searching and self.last_search is not None:
            text, search_filter = self.search.text(), self.search_filter()
            best_first, total = self.best_first.isChecked(), self.last_search.total

            def results(store: Store) -> list[StoredItem]:
                return search(
                    store,
                    text,
                    limit=max(1, total),
                    search_filter=search_filter,
                    best_first=best_first,
                ).items

            return ExportChoice(
                "list", label.replace("%1", str(total)), results, "telereader-search"
            )
        if self.watching:
            watchlist_id, hits_filter = self.hits_model.watchlist_id, self.hits_model.item_filter
            hits = Selection(watchlist_id=watchlist_id, watched=watchlist_id is None).items
            return ExportChoice(
                "list",
                label.replace("%1", str(self.hits_model.total)),
                lambda store: [item for item in hits(store) if hits_filter.matches(item)],
                "telereader-hits",
            )
        day, item_filter = self.model.day, self.model.item_filter
        return ExportChoice(
            "list",
            label.replace("%1", str(self.model.rowCount())),
            lambda store: [i for i in store.items_on(day) if item_filter.matches(i)] if day else [],
            f"telereader-{day}" if day else "telereader",
        )

    def show_export(self, chosen: str | None = None) -> ExportDialog:
        self.detail.flush_note()  # the note just typed goes out with its item
        self.export_dialog = ExportDialog(
            self.export_choices(), self.data_dir, self.language, chosen or "list", self
        )
        self.export_dialog.pool = self.writer.pool  # after the writes asked for before it
        self.export_dialog.exported.connect(
            lambda path, count: self.statusBar().showMessage(
                tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", path), 8000
            )
        )
        self.export_dialog.open()
        return self.export_dialog

    def back_up(self, path: Path | None = None) -> None:
        """Write the reader's stars, notes, read marks and watchlists to one JSON file."""
        self.detail.flush_note()
        if path is None:
            picked, _ = QFileDialog.getSaveFileName(
                self,
                tr("备份笔记和星标"),
                str(Path.home() / f"telereader-backup-{dt.date.today().isoformat()}.json"),
                "JSON (*.json)",
                options=QFileDialog.Option.DontConfirmOverwrite,  # asked below
            )
            if not picked:
                return
            path = Path(picked)
        if path.exists() and not may_replace(self, path):
            return
        self._in_background(
            lambda store: write_backup(store, path),
            lambda _: self.statusBar().showMessage(
                tr("已备份到 %1").replace("%1", str(path)), 8000
            ),
            tr("备份失败"),
        )

    def restore(self, path: Path | None = None) -> None:
        """Merge a backup into the library: nothing of the library's is removed."""
        self.detail.flush_note()
        if path is None:
            picked, _ = QFileDialog.getOpenFileName(
                self,
                tr("从备份恢复"),
                str(Path.home()),
                "JSON (*.json);;" + tr("所有文件") + " (*)",
            )
            if not picked:
                return
            path = Path(picked)
        self._in_background(
            lambda store: restore_backup(store, path), self._restored, tr("恢复失败")
        )

    def _restored(self, report: RestoreReport) -> None:
        self.watchlists_changed()
        if self.watch_dialog is not None:
            self.watch_dialog.reload()  # its lists are the restored ones now
        self._keep_backup()
        text = (
            tr("已恢复：星标 %1，笔记 %2，已读 %3，关注列表 %4。")
            .replace("%1", str(report.stars))
            .replace("%2", str(report.notes))
            .replace("%3", str(report.reads))
            .replace("%4", str(report.watchlists))
        )
        if report.waiting:
            text += "\n" + tr("其中 %1 条的电报还不在资料库里，导入那一天后自动对上。").replace(
                "%1", str(report.waiting)
            )
        self.last_restore = report
        box = QMessageBox(QMessageBox.Icon.Information, tr("从备份恢复"), text, parent=self)
        box.setObjectName("restored")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def _in_background(
        self, work: Callable[[Store], object], done: Callable[[object], None], failure: str
    ) -> LibraryTask:
        task = LibraryTask(self.data_dir, work, self)
        task.finished.connect(done)
        task.failed.connect(
            lambda error: QMessageBox.warning(
                self,
                failure,
                tr("%1：%2")
                .replace("%1", failure)
                .replace(
                    "%2",
                    error.problem.message(self.language)
                    if isinstance(error, LibraryError)
                    else str(error),
                ),
            )
        )
        task.start(self.writer.pool)  # in order with the reader's writes
        self.task = task
        return task

    # ---- help ----------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("shortcuts")
        dialog.setWindowTitle(tr("键盘快捷键"))
        table = QTableWidget(len(SHORTCUT_HELP), 2, dialog)
        table.setHorizontalHeaderLabels([tr("按键"), tr("作用")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (keys, meaning) in enumerate(SHORTCUT_HELP):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(tr(meaning)))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        # Wide enough for every description in full, in every language.
        header = table.horizontalHeader()
        table.setMinimumWidth(
            sum(
                max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
                for column in range(table.columnCount())
            )
            + 2 * table.frameWidth()
            + table.verticalScrollBar().sizeHint().width()
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(460, 520)
        dialog.open()
        self.shortcuts_dialog = dialog

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("关于 telereader"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"telereader {__version__}\n"
            + tr("财联社电报离线阅读器")
            + "\n"
            + tr("资料库：")
            + str(self.store.path)
        )
        box.open()

    # ---- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # The last import's end may still be on its way; it must not start the queued batch
        # on a window that is going away (its worker would signal into deleted objects).
        self._closing = True
        self._queued.clear()
        self.detail.flush_note()
        self._close_writer()
        if self.watch_dialog is not None:
            self.watch_dialog.finish()
        self.save_settings()
        self._keep_backup()
        self.search_service.shutdown()
        self.integrity.shutdown()
        if self.job is not None and self.job.running:
            self.job.stop()  # every finished file is complete; the rest can be dropped again
        event.accept()

    def _close_writer(self) -> None:
        """Notes not yet in the library go to unsaved-notes.json first (a crash while waiting
        loses nothing); writes under way get a moment to land; the file then keeps only what
        did not. The next window start writes them."""
        if self.writer.unsaved_notes():
            self._keep_unsaved_notes()
        self.writer.finish(CLOSE_WAIT_MS)
        if unsaved_path(self.data_dir).exists():
            self._keep_unsaved_notes()

